"""Terminal tables that never cut a number.

Every command builds a rich `Table` and prints it through `print_table`. Columns justified to
the right hold numbers ("1,979", "5.9% (116/1,979)", "1,345万円"); the others hold text. When the
table is wider than the terminal, rich would shorten cells with "…" (``¥1,36…``); instead:

- the table drops its outer border and closes up its columns;
- a number column is never narrower than its widest number (a word with a digit in it), so a
  cell may break between a rate and its counts but never inside either;
- text columns wrap (folding a word too long for them rather than cutting it);
- when that is still too wide, columns are left out (text before numbers, from the right, never
  the leading columns that name the row) and a note under the table names them;
- ``--wide`` prints every column at its full width, past the terminal's edge if need be.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from kpiflow.messages import say

TEXT_MIN = 12  # a text column is not wrapped narrower than this (its words fold beyond it)
LEADING_MIN = 20  # nor the columns that name the row (a metric indented in its tree)
HEADING_MIN = 9  # a number column keeps room for a word of its header ("median", "Visitors")
# A word with a digit in it is a number with what belongs to it (¥1,234, 5.9%, (116/1,979), 1,345万円,
# ¥0–¥5,000,000, 236s): a number column is never narrower than its widest such word.
DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class _Measure:
    number: bool
    natural: int  # the widest line, header included: no wrapping at all
    least: int  # the narrowest it may get


def _plain(cell: object) -> str:
    # Only a cell with a [ can hold markup ([red]✗[/red]): the others are their own plain text.
    return Text.from_markup(cell).plain if isinstance(cell, str) and "[" in cell else str(cell)


def _measure(column, leading: bool) -> _Measure:
    cells = [_plain(c) for c in column._cells]
    lines = [line for text in [*cells, _plain(column.header)] for line in text.split("\n")]
    natural = max((cell_len(line) for line in lines), default=1)
    number = column.justify == "right"
    if number:
        widest = max((cell_len(word) for text in cells for word in text.split() if DIGIT.search(word)), default=1)
        heading = max((cell_len(word) for word in _plain(column.header).split()), default=1)
        least = max(widest, min(heading, HEADING_MIN))
    else:
        least = min(natural, LEADING_MIN if leading else TEXT_MIN)
    return _Measure(number, natural, max(1, min(least, natural)))


def _overhead(table: Table, columns: int) -> int:
    """Borders and padding around `columns` columns (rich's own arithmetic)."""
    top, right, bottom, left = table.padding
    borders = (2 if table.box and table.show_edge else 0) + (columns - 1 if table.box else 0)
    return borders + columns * (left + right) - (0 if table.pad_edge else left + right)


def _compact(table: Table) -> None:
    """No outer border, a rule under the header, columns two spaces apart."""
    table.box, table.show_edge, table.pad_edge, table.padding = box.SIMPLE_HEAD, False, False, (0, 1, 0, 0)


def fit(table: Table, width: int, drop: Sequence[int] | None = None) -> list[str]:
    """Fit `table` to `width` terminal columns in place; return the headers of the columns left out.

    `drop` is the order in which columns may be left out (indexes into the table's columns); by
    default text columns after the leading ones, from the right, then number columns from the right.
    """
    columns = list(table.columns)
    first_number = next((i for i, c in enumerate(columns) if c.justify == "right"), len(columns))
    measures = [_measure(c, i < first_number) for i, c in enumerate(columns)]
    for column in columns:
        column.overflow, column.no_wrap = "fold", False  # never "…": a word too long for its column breaks
    if sum(m.natural for m in measures) + _overhead(table, len(columns)) <= width:
        return []
    _compact(table)
    if not any(m.number for m in measures):
        return []  # text only: rich wraps it, and nothing can be cut
    if drop is None:
        texts = [i for i in range(first_number, len(columns)) if not measures[i].number]
        numbers = [i for i in range(first_number + 1, len(columns)) if measures[i].number]
        drop = [*reversed(texts), *reversed(numbers)]
    kept = list(range(len(columns)))
    dropped: list[int] = []
    for index in drop:
        if sum(measures[i].least for i in kept) + _overhead(table, len(kept)) <= width:
            break
        if index in kept and len(kept) > 1:
            kept.remove(index)
            dropped.append(index)
    for index in sorted(dropped, reverse=True):
        del table.columns[index]
    for index, column in enumerate(table.columns):
        # rich finds a column's edge padding by its index: the last one kept must know it is last,
        # or rich pads it as an inner column and takes the width back from a number
        column._index = index
    widths = {i: measures[i].least for i in kept}
    left = width - _overhead(table, len(kept)) - sum(widths.values())
    # What is left widens, each up to its full width: the columns naming the row, then the numbers
    # (a rate beside its counts on one line), then the other text.
    groups = (
        [i for i in kept if i < first_number],
        [i for i in kept if measures[i].number],
        [i for i in kept if i >= first_number and not measures[i].number],
    )
    for group in groups:
        wanted = {i: measures[i].natural - widths[i] for i in group if measures[i].natural > widths[i]}
        total = sum(wanted.values())
        if total == 0 or left <= 0:
            continue
        share = {i: min(want, want * left // total) for i, want in wanted.items()}
        for i in sorted(wanted, key=lambda i: wanted[i] - share[i], reverse=True)[: max(0, left - sum(share.values()))]:
            share[i] = min(wanted[i], share[i] + 1)
        for i, extra in share.items():
            widths[i] += extra
        left -= sum(share.values())
    for column, index in zip(table.columns, kept, strict=True):
        column.width = widths[index]
    return [_plain(columns[i].header) or "⚠" for i in sorted(dropped)]


def natural_width(table: Table) -> int:
    """The width `table` needs to show every cell on one line."""
    measures = [_measure(c, False) for c in table.columns]
    return sum(m.natural for m in measures) + _overhead(table, len(measures))


def print_table(table: Table, *, wide: bool = False, lang: str = "en", drop: Sequence[int] | None = None) -> None:
    """Print `table` to standard output without cutting a number (see the module doc); `wide`
    shows every column at its full width, wider than the terminal if it must."""
    console = Console()  # made now: the terminal's width (or COLUMNS) at this call
    if wide:
        for column in table.columns:
            column.overflow, column.no_wrap = "fold", True
        Console(width=max(console.width, natural_width(table))).print(table)
        return
    left_out = fit(table, console.width, drop)
    console.print(table)
    if left_out:
        console.print(say("table.left_out", lang, columns=", ".join(left_out), width=console.width), style="dim", highlight=False)
