"""One module per CLI command; each exposes a click command registered in bientap.tui.cli.COMMANDS."""
