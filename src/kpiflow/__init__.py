"""kpiflow: design, measure and explain BtoB marketing KPIs.

    import kpiflow
    ws = kpiflow.open("my-workspace")
    ws.load("contacts.csv", "contacts", preset="hubspot")
    ws.check()

Importing kpiflow does no work; the engine is opened on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from kpiflow.workspace import Workspace


def open(  # noqa: A001  (kpiflow.open reads well)
    path: str = ".", *, read_only: bool = False, lock_wait: float = 5.0, lang: str | None = None
) -> Workspace:
    """Open the workspace at `path` (the folder that holds kpiflow.yaml).

    Reading never writes to the database; `read_only=True` also refuses loads. While another
    process loads, opening waits up to `lock_wait` seconds. `lang` words messages about the
    database (default: the model's locale)."""
    from kpiflow.workspace import open_workspace  # noqa: PLC0415  (keeps `import kpiflow` free of work)

    return open_workspace(path, read_only=read_only, lock_wait=lock_wait, lang=lang)


def init(path: str, *, lang: str = "ja", force: bool = False) -> Workspace:
    """Create a workspace at `path` with the default model and an empty database."""
    from kpiflow.workspace import init_workspace  # noqa: PLC0415

    return init_workspace(path, lang=lang, force=force)


def __getattr__(name: str):
    if name == "Workspace":
        from kpiflow.workspace import Workspace  # noqa: PLC0415

        return Workspace
    raise AttributeError(f"module 'kpiflow' has no attribute {name!r}")
