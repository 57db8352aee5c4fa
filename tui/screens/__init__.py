"""Desk screens (one module each)."""
