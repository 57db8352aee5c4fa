"""`bientap serve`: the desk in a browser, one desk process per tab, all on one database.

textual-serve runs a command per browser connection and relays its terminal over a websocket.
It has no authentication of its own, so bientap listens on loopback only unless told otherwise,
and is meant to sit behind a reverse proxy that authenticates the editors (README: "The desk in a
browser"). The proxy can name the editor in a request header (`--user-header`); without one, each
desk asks the editor's name when it starts.
"""

from __future__ import annotations

import ipaddress
import shlex
import sys

import click

from bientap.i18n import _, current
from bientap.tui.cli import Env, fail
from bientap.tui.commands.desk import LANG_OPTION


def desk_command(db_path, lang: str, user: str | None) -> str:
    """The shell command one browser tab runs: a desk on `db_path` as `user` (asked when None)."""
    args = [sys.executable, "-m", "bientap.tui.cli", "--db", str(db_path)]
    if user:
        args += ["--user", user]
    args += ["tui", "--lang", lang]
    if not user:
        args.append("--ask-user")
    return shlex.join(args)


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def make_server(db_path, *, host: str, port: int, lang: str, user: str | None, user_header: str | None,
                public_url: str | None = None):
    """A textual-serve Server whose every tab runs `desk_command`, naming the editor from
    `user_header` when the proxy sent it (else `user`, else the desk asks)."""
    import asyncio

    from aiohttp import web
    from textual_serve.app_service import AppService
    from textual_serve.server import Server, to_int

    class DeskServer(Server):
        async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
            # As textual-serve's own handler, with the command chosen per connection.
            named = (request.headers.get(user_header) or "").strip() if user_header else ""
            name = named if named.isprintable() and named else user
            websocket = web.WebSocketResponse(heartbeat=15)
            width = to_int(request.query.get("width", "80"), 80)
            height = to_int(request.query.get("height", "24"), 24)
            service = None
            try:
                await websocket.prepare(request)
                service = AppService(desk_command(db_path, lang, name), write_bytes=websocket.send_bytes,
                                     write_str=websocket.send_str, close=websocket.close,
                                     download_manager=self.download_manager, debug=self.debug)
                await service.start(width, height)
                try:
                    await self._process_messages(websocket, service)
                finally:
                    await service.stop()
            except asyncio.CancelledError:
                await websocket.close()
            finally:
                if service is not None:
                    await service.stop()
            return websocket

    return DeskServer(desk_command(db_path, lang, user), host=host, port=port, title="bientap",
                      public_url=public_url)


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--user-header", default=None, metavar="NAME",
              help="Request header in which an authenticating reverse proxy names the editor "
                   "(e.g. X-Forwarded-User). Without it each desk asks the name at start.")
@click.option("--public-url", default=None, help="The address editors open, when behind a proxy.")
@click.option("--allow-remote", is_flag=True,
              help="Listen on an address other than loopback: only behind an authenticating proxy.")
@LANG_OPTION
@click.pass_obj
def serve(env: Env, host: str, port: int, user_header: str | None, public_url: str | None, allow_remote: bool,
          lang: str) -> None:
    """Serve the desk in a browser: one desk per tab.

    textual-serve has no authentication: keep the default loopback address and put an
    authenticating reverse proxy in front (README, "The desk in a browser").
    """
    import os

    if not _loopback(host) and not allow_remote:
        fail(_("{host}: bientap serve has no login of its own; listen on 127.0.0.1 behind an authenticating "
               "reverse proxy, or add --allow-remote if that proxy is on another host").format(host=host))
    env.db()  # create and migrate once, before any desk opens it
    server = make_server(env.db_path, host=host, port=port, lang=lang or current(), user=os.environ.get("BIENTAP_USER"),
                         user_header=user_header, public_url=public_url)
    server.serve()
