"""Pure text analysis for bientap: findings, the boilerplate classifier, metadata extraction.

Imports neither `store` nor `tui` (nor `textual`).
"""

if __name__ != "bientap.checks":  # the folder checks/ is the package bientap.checks, under no other name
    raise ImportError(f"import bientap.checks, not {__name__}: checks/ installs as bientap.checks "
                      "(pip install -e .); two copies of its modules would not share their state")
