"""A process's own peak resident memory, for the budgets of bench-scale.

``getrusage``'s ``ru_maxrss`` is no good in a child process on Linux: ``execve``
keeps the larger of the child's and the parent's peak (``exec_mmap``), so a
dashboard started by a bench process that held 900 MB reported 934 MB while its
own peak was 628 MB. ``VmHWM`` in ``/proc/self/status`` is the peak of the
process's own memory since it started.
"""

from __future__ import annotations

import resource
from pathlib import Path

_STATUS = Path("/proc/self/status")


def peak_rss_mb() -> float:
    """Return this process's own peak resident set in MB (``VmHWM``, else rusage)."""
    try:
        for line in _STATUS.read_text("ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    except OSError:  # not Linux: rusage, which may count the parent's peak
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
