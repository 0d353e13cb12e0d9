"""The fictional company behind `kpiflow demo` (see docs/demo.md).

    from kpiflow.demo import populate, SIZES
    rows = populate(con, size="small", seed=20260401)

`kpiflow.workspace.build_demo` wraps this into a workspace folder.
"""

from __future__ import annotations

from kpiflow.demo.company import DEFAULT_SEED, SIZES, Size, populate

__all__ = ["DEFAULT_SEED", "SIZES", "Size", "populate"]
