"""Timing helpers shared by the benchmark scripts."""

from __future__ import annotations

import resource


def children_cpu() -> float:
    """CPU seconds used so far by this process's finished children (hunspell, `bientap` runs)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime
