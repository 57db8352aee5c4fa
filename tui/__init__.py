"""The desk (Textual) and the command line `bientap`."""
