"""How the benches time a side and measure its memory (shared by bench/*.py).

- `best`: the best of `repeat` runs after one untimed warm-up, in this process;
- `peak_rss_kib`: this process's peak resident memory so far (getrusage), and `process_hwm_kib`
  another process's (its VmHWM, e.g. Spark's JVM, which getrusage never sees);
- `in_child`: run a function in a fresh spawned process, so that its peak memory is its own and
  not that of a parent that generated the data or ran the other side.
"""

from __future__ import annotations

import multiprocessing
import resource
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def best(func: Callable[[], object], repeat: int) -> tuple[float, object]:
    """(best seconds of `repeat` runs, the last result), after a warm-up: the first read of a
    table from disk is not what we measure."""
    func()
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - started)
    return min(times), result


def peak_rss_kib() -> int:
    """This process's peak resident set size so far, in KiB (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def process_hwm_kib(pid: int) -> int | None:
    """Peak resident set size (VmHWM) of a running process, in KiB; None when it cannot be read."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return None


def in_child(func: Callable[..., Any], *args: Any) -> Any:
    """`func(*args)` in a fresh spawned process (a forked one would report its parent's peak)."""
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(func, args)
