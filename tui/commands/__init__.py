"""One module per CLI command; each exposes a click command registered in tui.cli.COMMANDS."""
