"""The read-only web dashboard: one page and one JSON twin per analysis (needs the `fastapi` extra).

    from kpiflow.dashboard import create_app, serve
    serve("my-workspace")            # http://127.0.0.1:8765/

Importing this package does no work; FastAPI is imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kpiflow.dashboard.app import create_app, serve

__all__ = ["create_app", "serve"]


def __getattr__(name: str):
    if name in __all__:
        from kpiflow.dashboard import app  # noqa: PLC0415  (FastAPI is optional; import it only when asked)

        return getattr(app, name)
    raise AttributeError(f"module 'kpiflow.dashboard' has no attribute {name!r}")
