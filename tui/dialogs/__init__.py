"""Reusable typed dialogs (`ModalScreen[...]`): confirm, a choice of three, a diff view.

Everything they show that came from an article is rich `Text`, never markup; their own words come
from the catalog (`bientap.i18n`), in the run's one language.
"""
