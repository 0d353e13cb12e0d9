"""The engine seam: what an analysis may ask of the database, and nothing more.

Analyses build their SQL as SQLGlot expressions and hand them to an `Engine`, which renders
them in its own dialect, runs them and returns plain rows; driver errors become `EngineError`
inside the engine, worded for people, in one place per engine. No analysis imports a database
driver, so the same analysis that runs on embedded DuckDB (`kpiflow.engine.duck.DuckEngine`,
the default) can run on a distributed engine such as Spark (issue 17): such an engine is one
more subclass of `Engine`, and no analysis changes.

What is here is what the analyses use: run a query and read its rows (as tuples, one row, one
value or dicts), fetch long per-unit lists as column arrays, list the columns of each table, and
keep a result for a few queries as a temporary table.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, ClassVar, NamedTuple

import sqlglot
from sqlglot import exp

from kpiflow.errors import KpiflowError
from kpiflow.messages import say

Query = exp.Expression | str
"""A SQLGlot expression (rendered by the engine in its dialect) or SQL text already in that dialect."""


@dataclass(frozen=True)
class Result:
    """What a query returned: the names of its columns and its rows, as plain Python values."""

    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        return iter(self.rows)

    def one(self) -> tuple[Any, ...]:
        """The only row (an aggregate without GROUP BY returns exactly one)."""
        if len(self.rows) != 1:
            raise ValueError(f"expected one row, the query returned {len(self.rows)}")
        return self.rows[0]

    def scalar(self) -> Any:
        """The first value of the only row."""
        return self.one()[0]

    def records(self) -> list[dict[str, Any]]:
        """Each row as a dict from column name to value."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


class Temporary(NamedTuple):
    """A result kept for the queries that read it: its table name and the statement that made it."""

    name: str
    statement: str


class EngineError(KpiflowError, RuntimeError):
    """The engine refused a query that kpiflow built: most often a condition comparing a column
    with a value of another type that only fails once the table has rows.

    `detail` is the driver's own first line, for analyses that word the failure themselves.
    """

    def __init__(self, message: str, detail: str = ""):
        super().__init__(message)
        self.detail = detail or message

    @classmethod
    def of(cls, error: BaseException, lang: str = "en", *, condition: bool = False) -> EngineError:
        """`error` from a driver, in the user's language; `condition` adds the hint that a
        condition the user wrote (a `where`, --step, --outcome ...) is the likely cause."""
        lines = str(error).strip().splitlines()
        detail = lines[0] if lines else type(error).__name__
        shown = detail if len(detail) <= 300 else detail[:299] + "…"
        message = say("engine.failed", lang, detail=shown)
        if condition:
            message += " " + say("engine.condition_hint", lang)
        return cls(message, detail)


class Engine(ABC):
    """Runs the SQL the analyses build. Subclasses set `dialect` and implement the four methods.

    `lang` is the language of the messages its errors carry.
    """

    dialect: ClassVar[str]
    """The SQLGlot dialect the engine's SQL is written in (rendering and parsing)."""

    lang: str = "en"

    def render(self, query: Query) -> str:
        """SQL text in the engine's dialect (text is taken as already written in it)."""
        return query if isinstance(query, str) else query.sql(dialect=self.dialect)

    def translate(self, text: str, dialect: str) -> str:
        """SQL `text` written in `dialect`, in the engine's own: as written when the two are the
        same (parsing a long statement again can cost more than running it on a small
        workspace), else parsed by SQLGlot and rendered with `render`."""
        if dialect == self.dialect:
            return text
        return self.render(sqlglot.parse_one(text, read=dialect))

    asof_join: ClassVar[bool] = False
    """Whether the engine has DuckDB's ASOF JOIN (each row's nearest later row of another relation
    in one sorted merge); without it an analysis joins on the range and keeps the minimum."""

    def first_in_group(self, value: exp.Expression, order: list[exp.Ordered]) -> exp.Expression | None:
        """An aggregate giving `value` at the first row of its group in `order` (a NULL value is
        kept, not skipped), or None when the engine has no such aggregate: the analysis then
        numbers the rows with ROW_NUMBER() in a window, which every engine has."""
        return None

    @abstractmethod
    def run(self, query: Query) -> Result:
        """Run one statement and return every row it produced (none for DDL)."""

    @abstractmethod
    def arrays(self, query: Query) -> Mapping[str, Any]:
        """The result as one NumPy array per column: for long per-unit lists, where a Python
        tuple per row would cost more than the query."""

    @abstractmethod
    def columns(self) -> dict[str, list[str]]:
        """The columns of every table of the database, in table order."""

    @abstractmethod
    def temporary(self, query: exp.Query, prefix: str = "result") -> AbstractContextManager[Temporary]:
        """Keep the rows of `query` as a table for the duration of a `with` block, then drop it:
        for a per-unit result that several queries aggregate differently."""


def objects(values: Any) -> Any:
    """A column of `Engine.arrays` as Python objects with None where the engine had NULL: DuckDB
    hands a column with NULLs over as a numpy masked array, Spark as an object array with None;
    code that reads categories should see the same thing from both."""
    import numpy as np  # noqa: PLC0415  (start-up: numpy loads only for per-unit arrays)

    out = np.asarray(np.ma.getdata(values), dtype=object).copy()
    if np.ma.isMaskedArray(values):
        out[np.ma.getmaskarray(values)] = None
    return out


def bare(tree: exp.Expression) -> exp.Expression:
    """`tree` without what the parser notes for people (each token's line and column, empty
    comment lists), in place. A tree kept to be copied again and again is copied twice as fast
    without them: Python deep-copies each node's notes one by one."""
    for node in tree.walk():
        node._meta = None
        if not node.comments:
            node.comments = None
    return tree


@lru_cache(maxsize=1024)
def _parsed(text: str) -> exp.Expression:
    return bare(sqlglot.parse_one(text, read="duckdb"))


def parse(text: str, read: str = "duckdb") -> exp.Expression:
    """A statement or expression written in DuckDB's SQL, as a tree of the caller's own: the text
    is parsed once per process (analyses build the same statements again and again)."""
    if read != "duckdb":
        raise ValueError(f"analyses write DuckDB's SQL, not {read}'s")
    return _parsed(text).copy()


def fill(text: str, **values: Any) -> exp.Expression:
    """A statement written in DuckDB's SQL with `:name` placeholders, each replaced by an
    expression. The text is parsed once per process (analyses build the same statements again
    and again); every call gets its own tree, since replacing works on a copy."""
    return exp.replace_placeholders(_parsed(text), **values)


def timestamp(value: dt.datetime) -> exp.Expression:
    """A wall-clock timestamp literal (the workspace zone), as every engine spells it."""
    return exp.cast(exp.Literal.string(value.isoformat(sep=" ")), "TIMESTAMP")


MICROSECONDS_PER_DAY = 86_400_000_000


def microseconds_between(later: exp.Expression, earlier: exp.Expression) -> exp.Expression:
    """`later - earlier` in whole microseconds (BIGINT, negative when `later` comes first).

    The one spelling of a timestamp difference that means the same everywhere: DuckDB's
    EPOCH(later - earlier) becomes Spark's UNIX_TIMESTAMP of an interval, which Spark refuses,
    and subtracting two epochs would lose the sub-second part on Spark. A count of microseconds
    between two wall-clock timestamps is exact on every engine (no zone, no daylight saving)."""
    return exp.DateDiff(this=later, expression=earlier, unit=exp.var("MICROSECOND"))


def seconds_between(later: exp.Expression, earlier: exp.Expression) -> exp.Expression:
    """`later - earlier` in seconds, a DOUBLE exact to the microsecond (see `microseconds_between`)."""
    return exp.Div(this=exp.cast(microseconds_between(later, earlier), "DOUBLE"), expression=exp.convert(1_000_000))


def days_between(later: exp.Expression, earlier: exp.Expression) -> exp.Expression:
    """`later - earlier` in days of 24 hours, a DOUBLE: one division of the exact microseconds,
    so both engines round the same number the same way (a DOUBLE operand: Spark would otherwise
    divide as DECIMAL and cut the digits)."""
    return exp.Div(this=exp.cast(microseconds_between(later, earlier), "DOUBLE"), expression=exp.convert(MICROSECONDS_PER_DAY))


def side_by_side(
    source: str, keep: Sequence[exp.Expression], lists: Mapping[str, Sequence[exp.Expression]], position: str = "position"
) -> exp.Select:
    """One row per row of the table `source` and position i (0, 1, ...): the `keep` columns, the
    position, and for each name of `lists` its i-th expression (all lists are as long).

    What DuckDB's UNNEST of parallel lists in one SELECT does (it zips them), spelled so that
    every engine means the same: Spark explodes two generators of one SELECT as their cross
    product. A cross join with the positions, and a CASE on the position per list."""
    lengths = {len(values) for values in lists.values()}
    if len(lengths) != 1:
        raise ValueError(f"side_by_side needs lists of one length, not {sorted(lengths)}")
    n = lengths.pop()
    positions = exp.Values(
        expressions=[exp.Tuple(expressions=[exp.convert(i)]) for i in range(n)],
        alias=exp.TableAlias(this=exp.to_identifier("positions"), columns=[exp.to_identifier(position)]),
    )
    at = exp.column(position, table="positions")
    picked = []
    for name, values in lists.items():
        case = exp.Case(this=at.copy())
        for i, value in enumerate(values):
            case = case.when(exp.convert(i), value.copy(), copy=False)
        picked.append(case.as_(name))
    return exp.select(*[k.copy() for k in keep], at.copy().as_(position), *picked).from_(source).join(positions, join_type="CROSS")


def ident(name: str) -> exp.Identifier:
    return exp.to_identifier(name, quoted=True)
