"""SQLite persistence for bientap (sqlite-utils): articles, revisions, import, export."""

if __name__ != "bientap.store":  # the folder store/ is the package bientap.store, under no other name
    raise ImportError(f"import bientap.store, not {__name__}: store/ installs as bientap.store "
                      "(pip install -e .); two copies of its modules would not share their state")
