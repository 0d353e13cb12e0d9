"""Files for spreadsheets: CSV that Excel on Japanese Windows opens correctly and safely."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

# A cell beginning with one of these is run as a formula by Excel and LibreOffice.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def excel_safe(value: object) -> object:
    """A cell value a spreadsheet shows as written: formula-like text gets a leading apostrophe,
    times are 'YYYY-MM-DD HH:MM:SS', None is empty. Numbers are left alone."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(path: str | Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> Path:
    """UTF-8 with a byte-order mark (so Excel reads Japanese text), every cell made excel_safe."""
    path = Path(path)
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        _write(f, header, rows)
    return path


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """The same CSV as `write_csv`, as text starting with the byte-order mark (for a download)."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    _write(buffer, header, rows)
    return buffer.getvalue()


def _write(f, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    writer = csv.writer(f)
    writer.writerow([excel_safe(h) for h in header])
    writer.writerows([excel_safe(v) for v in row] for row in rows)
