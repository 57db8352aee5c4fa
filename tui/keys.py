"""Bindings in the desk's language.

BINDINGS carry Vietnamese descriptions and an `id` (so `App.set_keymap` can remap them); a class
lists its English descriptions by id and `localize_bindings` swaps them in when the desk runs in
English.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import BindingsMap
from textual.dom import DOMNode


def localize_bindings(node: DOMNode, lang: str, english: dict[str, str]) -> None:
    if lang != "en":
        return
    node._bindings = BindingsMap.from_keys({
        key: [replace(b, description=english.get(b.id or "", b.description)) for b in bindings]
        for key, bindings in node._bindings.key_to_bindings.items()
    })
