"""Pure text analysis for bientap: findings, the boilerplate classifier, metadata extraction.

Imports neither `store` nor `tui` (nor `textual`).
"""
