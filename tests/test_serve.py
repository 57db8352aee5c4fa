"""`bientap serve` (issue 19): the desk in a real headless Chromium, through textual-serve.

The browser is driven over the Chrome DevTools Protocol; the test reads the terminal text the page
received on its websocket and finds the seed articles' inbox rows in it.
"""

from __future__ import annotations

import asyncio
import base64
import json
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def bientap(*args: str, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "bientap.tui.cli", *args], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kw)


def test_serve_refuses_a_public_address_without_allow_remote(db_path):
    proc = bientap("--db", str(db_path), "serve", "--host", "0.0.0.0", "--port", str(free_port()))
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 2 and "reverse proxy có xác thực" in err


def test_desk_command_names_the_editor_or_asks():
    import bientap.tui.cli  # noqa: F401 - the command modules are loaded through the CLI group
    from bientap.tui.commands.serve import desk_command

    assert desk_command("/d/n.db", "vi", "Lan; rm -rf /").endswith("--user 'Lan; rm -rf /' tui --lang vi")
    assert desk_command("/d/n.db", "en", None).endswith("tui --lang en --ask-user")


async def terminal_text(cdp_ws, url: str, want: list[str], seconds: float) -> str:
    """Open `url` in the page and gather what its websockets receive until every `want` shows."""
    ids = iter(range(1, 10_000))

    async def call(method: str, **params) -> None:
        await cdp_ws.send_str(json.dumps({"id": next(ids), "method": method, "params": params}))

    await call("Network.enable")
    await call("Page.navigate", url=url)
    received: list[str] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            message = await cdp_ws.receive_json(timeout=max(0.1, deadline - time.monotonic()))
        except asyncio.TimeoutError:
            break
        if message.get("method") != "Network.webSocketFrameReceived":
            continue
        frame = message["params"]["response"]
        data = frame["payloadData"]
        if frame.get("opcode") == 2:
            data = base64.b64decode(data).decode("utf-8", "replace")
        received.append(data)
        text = ANSI.sub("", "".join(received))
        if all(w in text for w in want):
            return text
    return ANSI.sub("", "".join(received))


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium here: install Debian's chromium package "
                                             "(.ci/run does) to run the browser test")
async def test_the_desk_in_a_headless_browser(db_path, seed_paths, tmp_path):
    import aiohttp

    imported = bientap("--db", str(db_path), "import", *map(str, seed_paths))
    assert imported.wait(timeout=120) == 0
    port = free_port()
    server = bientap("--db", str(db_path), "--user", "Lan", "serve", "--port", str(port))
    browser = None
    try:
        wait_for(f"http://127.0.0.1:{port}/")
        profile = tmp_path / "chromium"
        browser = subprocess.Popen(
            [CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", "--remote-debugging-port=0", "--window-size=1600,1000",
             "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not (port_file.exists() and port_file.read_text().strip()):
            assert time.monotonic() < deadline, "Chromium did not open its DevTools port"
            time.sleep(0.1)
        devtools = int(port_file.read_text().split()[0])
        wait_for(f"http://127.0.0.1:{devtools}/json/version")
        with urllib.request.urlopen(f"http://127.0.0.1:{devtools}/json/list") as response:
            page = next(t for t in json.load(response) if t["type"] == "page")
        async with aiohttp.ClientSession() as session:
            async with session.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0) as cdp_ws:
                # Inbox rows of seeds: bylines and places as the desk prints them.
                want = ["Khánh Trang", "Phú Thọ", "Cần Thơ"]
                text = await terminal_text(cdp_ws, f"http://127.0.0.1:{port}/", want, seconds=60)
        assert all(w in text for w in want), text[-2000:]
    finally:
        if browser is not None:
            browser.kill()
            browser.wait()
        server.terminate()
        try:
            server.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


async def test_a_served_desk_asks_who_is_there(db_path, fresh_db, add_article, monkeypatch):
    from bientap.store import articles
    from bientap.store.workflow import set_status
    from bientap.tui.app import BientapApp
    from bientap.tui.dialogs.login import LoginDialog
    from bientap.tui.screens.inbox import InboxScreen

    monkeypatch.delenv("BIENTAP_USER", raising=False)
    a = add_article(fresh_db, title="Tin", body="Nội dung.")
    app = BientapApp(db_path, ask_user=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LoginDialog)
        await pilot.press("enter")  # no name: asked again
        await pilot.pause()
        assert isinstance(app.screen, LoginDialog)
        await pilot.press(*"Lan", "enter")
        await pilot.pause()
        assert isinstance(app.screen, InboxScreen)
        set_status(app.db, [a.id], "review")
    assert articles.history(fresh_db, a.id)[-1]["author"] == "Lan"
