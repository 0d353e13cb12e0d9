"""Results as pandas frames, for analysts; pandas stays optional."""

from __future__ import annotations

from collections.abc import Sequence

from kpiflow.errors import KpiflowError


def records_frame(records: Sequence[dict[str, object]]):
    """A pandas DataFrame of JSON-style records (needs pandas installed)."""
    try:
        import pandas as pd  # noqa: PLC0415  (optional dependency, imported only when asked for)
    except ImportError:
        raise KpiflowError("to_frame() needs pandas: pip install pandas") from None
    return pd.DataFrame(list(records))
