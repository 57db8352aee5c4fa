"""Reusable typed dialogs (`ModalScreen[...]`): confirm, a choice of three, a diff view.

Everything they show that came from an article is rich `Text`, never markup.
"""

from __future__ import annotations


def tr(node, vi: str, en: str) -> str:
    """The Vietnamese or English message, following the app's language (Vietnamese by default)."""
    try:
        lang = getattr(node.app, "lang", "vi")
    except Exception:  # not mounted yet
        lang = "vi"
    return en if lang == "en" else vi
