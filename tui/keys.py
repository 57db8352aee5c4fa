"""Bindings in the run's language.

BINDINGS carry English descriptions marked with `N_()` and an `id` (so `App.set_keymap` can remap
them); `localize_bindings` swaps each description for its translation when the node mounts, so
the footer, the help screen and the palette's key list all read the run's one language.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import BindingsMap
from textual.dom import DOMNode

from bientap.i18n import _


def localize_bindings(node: DOMNode) -> None:
    """Every binding of `node` with its description (and tooltip) in the run's language."""
    node._bindings = BindingsMap.from_keys({
        key: [replace(b, description=_(b.description) if b.description else b.description,
                      tooltip=_(b.tooltip) if b.tooltip else b.tooltip) for b in bindings]
        for key, bindings in node._bindings.key_to_bindings.items()
    })
