"""The article editor's parts, one file per feature (tui/screens/editor.py wires them):

- `form.py` — the metadata form (`ArticleForm`): its fields, their validation and typed values;
- `body.py` — checking the text and working through its findings (`Findings`): the body, the
  panel, F8/F4/F5/F6/Shift+F6;
- `find.py` — find and replace in the body (`FindBar`, Ctrl+F/Ctrl+R);
- `history.py` — lines removed at import (F3) and the article's history, restoring a version (F9);
- `conflict.py` — a save the publish gate stops, a save that meets a colleague's;
- `drafts.py` — unsaved work kept in the drafts table and offered back (crash safety);
- `status.py` — the status line (`EditorStatus`);
- `lock.py` — this desk's soft lock on the article (`SoftLock`): taken, kept alive, taken over;
- `session.py` — the one thin layer the parts reach the store through (`ArticleSession`).

Each part owns its state and never holds the screen: it reads the editor through the few callbacks
its constructor takes, and what it changes outside itself goes up as a Textual `Message` defined
on the part (`Drafts.Restore`, `History.Restored`...), handled by the screen's `on_<part>_<message>`.
"""
