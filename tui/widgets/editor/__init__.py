"""The article editor's parts, one file per feature (tui/screens/editor.py wires them):

- `form.py` — the metadata form (`ArticleForm`): its fields, their validation and typed values;
- `body.py` — checking the text and working through its findings (`Findings`): the body, the
  panel, F8/F4/F5/F6/Shift+F6;
- `history.py` — lines removed at import (F3) and the article's history, restoring a version (F9);
- `conflict.py` — a save the publish gate stops, a save that meets a colleague's;
- `drafts.py` — unsaved work kept in the drafts table and offered back (crash safety);
- `session.py` — the one thin layer the parts reach the store through (`ArticleSession`).
"""
