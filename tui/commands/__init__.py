"""One module per CLI command; each exposes a click command registered in bientap.tui.cli.COMMANDS.

Every start imports every command module (`bientap --help` lists them all), so a command module's top
imports only what is light (click, bientap.i18n, bientap.tui.cli, checks.collector) and its command
body imports the rest, which then loads only when that command runs. Measured with
`python -X importtime -m bientap.tui.cli` (top-level imports summed, median of 5, development
machine): `--help` imports in 66 ms as written (0.08 s wall); with check.py's checks.engine, lexicon,
style and text imports at its top, 139 ms (0.17 s); with its store.context and store.articles too,
185 ms, and `check FILE` goes from 164 to 200 ms as it loads sqlite_utils, which it must not
(tests/test_cli_check.py); with desk.py's BientapApp (textual) at its top, 320 ms (0.33 s).
"""
