"""Desk widgets (one module each)."""
