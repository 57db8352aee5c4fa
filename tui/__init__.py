"""The desk (Textual) and the command line `bientap`."""

if __name__ != "bientap.tui":  # the folder tui/ is the package bientap.tui, under no other name
    raise ImportError(f"import bientap.tui, not {__name__}: tui/ installs as bientap.tui "
                      "(pip install -e .); two copies of its modules would not share their state")
