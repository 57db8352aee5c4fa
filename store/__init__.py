"""SQLite persistence for bientap (sqlite-utils): articles, revisions, import, export."""
