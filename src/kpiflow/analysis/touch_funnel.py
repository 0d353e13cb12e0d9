"""`kpiflow funnel --step ...`: ordered funnels over touchpoints (booth visit -> demo -> inquiry).

A funnel is a list of steps, each a filter over touchpoints in the `where` grammar of the model
file (``"type = 'booth_visit'"``, ``"channel = 'exhibition' AND accounts.industry = 'food'"``).
Everything is computed in the engine, in one statement: one pass over touchpoints flags the
steps and exclusions each event matches, a chain of ASOF joins takes each step's earliest later
event (plus one window function for `strict`), and the counts and times are aggregated from
one row per unit. Only when the per-unit list is asked for (`per_unit`) are those rows kept in
a temporary table and read back as arrays as well.

Definitions (the modes as product-analytics users know them from PostHog, whose funnel test
cases replay unchanged; made precise here):

- **Unit.** Who walks through the funnel: ``contact`` (touchpoints.contact_id; events without a
  contact are ignored), ``account`` (touchpoints.account_id, or when empty the account of the
  touchpoint's contact: any person of the account may do any step) or ``anonymous``
  (touchpoints.anonymous_id: web visitors before they are known).
- **Attempt.** Every event matching step 1 (for `unordered`: matching any step) whose time is in
  the period ``start <= time < end`` starts an attempt. Later steps may fall after `end`.
- **ordered.** Each next step is the *earliest* event of the unit matching its condition that
  comes after the previous step's event; other events may come in between. Taking the earliest
  event is never worse, so an attempt reaches the furthest step it can. Events at the same
  instant are taken in step order (an event matching step 1 comes before one matching step 2);
  one event never fills two steps.
- **strict.** As ordered, and no other event of the unit (any touchpoint, whatever its type)
  may happen strictly between two consecutive steps' times. Events at the very instant of a
  step are not "between" (exports often log a badge scan and a booth visit in the same minute).
- **unordered.** The steps may happen in any order. An attempt starts at any event matching a
  step; step k of the result means "at least k of the n steps done", counted by the first
  event of each step within the window (an event matching two step conditions counts for both).
  Step times are the completion times in order: the k-th step is the k-th step completed.
- **Window.** `within` is counted from the attempt's first event: a step exactly at the limit
  (``time == first + within``) counts, a step one microsecond later does not (PostHog's rule).
  ``within=None`` is no limit.
- **Exclusions.** ``(condition, a, b)`` (steps numbered from 1, ``a < b``; a bare condition means
  ``(condition, 1, n)``). Take the first event matching `condition` strictly after the
  attempt's step-a event. If it comes strictly before the attempt's step-b event (or the attempt
  never reaches b), the attempt is credited only with the steps done strictly before that
  event: it cannot get past the exclusion. Steps a and b are the events the attempt matched
  (the earliest ones), so a demo repeated after the exclusion does not rescue this attempt; a
  new step-1 event after the exclusion starts a fresh attempt. In `unordered` mode a and b are
  the a-th and b-th completed steps.
- **Most complete attempt.** Each unit counts once, at the furthest step reached by any of its
  attempts; among attempts reaching the same step the earliest is the unit's attempt. Its
  times give the time-to-convert figures and its step-1 event gives the breakdown value
  (so the groups of a breakdown add up to the total).
- **Rates.** ``rate`` = reached / entered, where entered is the number of units that reached
  the previous step (step 1 has no rate); ``rate_from_start`` = reached / units at step 1. 95%
  Wilson intervals are given for ``rate``; fewer than 30 entered is flagged as a small sample.
- **Times.** Per step: seconds from the previous step of the unit's attempt, over the units
  that reached the step (mean, median, quartiles; medians interpolate between the two middle
  values). Overall: seconds from step 1 to the last step, over units that completed the funnel.
- **Dropped.** ``dropped(k)`` lists the units that reached step k-1 but not step k, with the
  last step they reached; ``write_dropped_csv`` writes them for a CRM list.
- **Steps that match nothing.** A step no touchpoint of the data matches at all (when there are
  touchpoints) is a mistake,
  most often a misspelt value (``type = 'boothvisit'``): it is refused (`NoMatchError`, exit 2)
  with the nearest existing value and the column's most common values. A step that matches
  touchpoints, only none in the period (step 1: ``start <= time < end``; later steps: from
  `start` to ``end + within``), is reported in ``warnings`` beside the zeros.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from sqlglot import exp

from kpiflow.analysis.frames import records_frame
from kpiflow.engine.base import Engine, EngineError, fill, objects
from kpiflow.engine.base import timestamp as sql_timestamp
from kpiflow.errors import KpiflowError, UnknownNameError, message_of, suggest
from kpiflow.io.export import write_csv
from kpiflow.messages import say
from kpiflow.model.semantic import Resolver, joins_for, parse_condition
from kpiflow.stats import SMALL_SAMPLE, wilson_interval

if TYPE_CHECKING:
    import numpy as np

MODES = ("ordered", "strict", "unordered")
UNITS = {"contact": "contact_id", "account": "account_id", "anonymous": "anonymous_id"}
MAX_STEPS = 30  # the ordering key packs the step index into 6 bits beside the microseconds

TABLE = "touchpoints"
_WITHIN = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(w|d|h|m|s|週間?|日|時間|分|秒)\s*$", re.IGNORECASE)
_WITHIN_UNITS = {"w": 604800, "週": 604800, "週間": 604800, "d": 86400, "日": 86400, "h": 3600, "時間": 3600}
_WITHIN_UNITS |= {"m": 60, "分": 60, "s": 1, "秒": 1}

_LABELS = {
    "unordered": {"en": "at least {k} of {n} steps", "ja": "{n}ステップ中{k}ステップ以上"},
    "last_step": {"en": "last_step", "ja": "最終到達ステップ"},
    "last_label": {"en": "last_step_condition", "ja": "最終到達ステップの条件"},
    "dropped_before": {"en": "dropped_before_step", "ja": "離脱したステップ"},
    "first_at": {"en": "first_step_at", "ja": "起点日時"},
    "last_at": {"en": "last_step_at", "ja": "最終到達日時"},
}
_UNIT_LABELS = {"contact_id": "コンタクトID", "account_id": "企業ID", "anonymous_id": "匿名ID"}

# Spreadsheet programs run a cell that begins with one of these as a formula (CSV injection).


class FunnelError(KpiflowError, ValueError):
    """A funnel was asked for with steps, a window or options that cannot work."""


class NoMatchError(FunnelError):
    """A step matches no touchpoint of the data at all: a misspelt value, most likely."""

    exit_code = 2


# --- public values ------------------------------------------------------------------------


def parse_within(text: str) -> dt.timedelta:
    """A conversion window: ``"30d"``, ``"12h"``, ``"90m"``, ``"2w"``, ``"45s"`` (also 30日, 12時間, 90分)."""
    match = _WITHIN.match(str(text))
    if not match:
        raise FunnelError(f"not a conversion window: {text!r} (expected a number and a unit, such as 30d, 12h, 90m)")
    number, unit = float(match.group(1)), match.group(2).lower()
    window = dt.timedelta(seconds=number * _WITHIN_UNITS[unit])
    if window <= dt.timedelta(0):
        raise FunnelError(f"the conversion window must be longer than zero (got {text!r})")
    return window


@dataclass(frozen=True)
class Exclusion:
    """An event that stops an attempt between two steps (numbered from 1)."""

    condition: str
    from_step: int
    to_step: int


class TimeStats(NamedTuple):
    """Seconds between two steps over the units that made both: count, mean and quartiles."""

    count: int
    mean_seconds: float | None
    median_seconds: float | None
    p25_seconds: float | None
    p75_seconds: float | None

    def to_dict(self) -> dict[str, object]:
        return self._asdict()


@dataclass(frozen=True)
class FunnelStep:
    """One step of the funnel, overall (`group` unused) or for one breakdown value."""

    step: int
    label: str
    condition: str
    entered: int  # units that reached the previous step (step 1: units in the funnel)
    reached: int
    rate: float | None  # reached / entered; None for step 1 and when nobody entered
    rate_from_start: float | None
    ci_low: float | None
    ci_high: float | None
    small_sample: bool
    time: TimeStats  # seconds from the previous step (count 0 for step 1)
    group: object = None

    @property
    def dropped(self) -> int:
        return self.entered - self.reached

    def to_dict(self, by: str | None = None) -> dict[str, object]:
        out: dict[str, object] = {"step": self.step, "label": self.label, "condition": self.condition}
        if by is not None:
            out[by] = self.group
        out |= {
            "entered": self.entered,
            "reached": self.reached,
            "dropped": self.dropped,
            "rate": self.rate,
            "rate_from_start": self.rate_from_start,
            "ci_low": self.ci_low,
            "ci_high": self.ci_high,
            "small_sample": self.small_sample,
            "mean_seconds": self.time.mean_seconds,
            "median_seconds": self.time.median_seconds,
            "p25_seconds": self.time.p25_seconds,
            "p75_seconds": self.time.p75_seconds,
        }
        return out


class FunnelUnit(NamedTuple):
    """One unit's most complete attempt: the furthest step and when it started and stopped."""

    unit: str
    last_step: int
    first_at: dt.datetime
    last_at: dt.datetime
    group: object = None


@dataclass(frozen=True, eq=False)
class TouchFunnelResult:
    """Step counts, rates, intervals and times, overall and per breakdown value, and who dropped."""

    mode: str
    unit: str
    within: dt.timedelta | None
    conditions: list[str]
    exclusions: list[Exclusion]
    by: str | None
    start: dt.datetime | None
    end: dt.datetime | None
    steps: list[FunnelStep]
    breakdown: list[FunnelStep]
    conversion_time: TimeStats  # step 1 -> last step, over units that completed the funnel
    lang: str = "en"
    queries: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # steps that match no touchpoint in the period
    # One entry per unit (its most complete attempt), as arrays: cheap for a million units.
    # None when the funnel was computed without them (`per_unit=False`).
    _units: Mapping[str, np.ndarray] | None = field(default=None, repr=False)

    @property
    def unit_column(self) -> str:
        return UNITS[self.unit]

    def to_dict(self) -> dict[str, object]:
        return {
            "mode": self.mode,
            "unit": self.unit,
            "within_seconds": None if self.within is None else self.within.total_seconds(),
            "steps_conditions": list(self.conditions),
            "exclusions": [{"condition": e.condition, "from_step": e.from_step, "to_step": e.to_step} for e in self.exclusions],
            "by": self.by,
            "start": None if self.start is None else self.start.isoformat(sep=" "),
            "end": None if self.end is None else self.end.isoformat(sep=" "),
            "steps": [s.to_dict() for s in self.steps],
            "breakdown": [s.to_dict(self.by) for s in self.breakdown],
            "conversion_time": self.conversion_time.to_dict(),
            "warnings": list(self.warnings),
        }

    def to_frame(self, breakdown: bool = False):
        """A pandas DataFrame of the steps (or of the breakdown rows); pandas is optional."""
        if breakdown:
            return records_frame([s.to_dict(self.by) for s in self.breakdown])
        return records_frame([s.to_dict() for s in self.steps])

    def step(self, number: int, group: object = ...) -> FunnelStep:
        """Step `number` (from 1) overall, or for one breakdown value."""
        rows = self.steps if group is ... else [s for s in self.breakdown if s.group == group]
        for s in rows:
            if s.step == number:
                return s
        raise LookupError(f"no step {number}" + ("" if group is ... else f" for {self.by} = {group!r}"))

    def _check_step(self, step: int, lowest: int) -> None:
        if not isinstance(step, int) or not lowest <= step <= len(self.conditions):
            raise FunnelError(f"step must be a whole number from {lowest} to {len(self.conditions)} (got {step!r})")

    def _fetched(self) -> Mapping[str, np.ndarray]:
        if self._units is None:
            raise FunnelError(
                "this funnel was computed without its per-unit list: ask for it with per_unit=True "
                "(ws.touch_funnel(..., per_unit=True); on the command line, --dropped FILE)"
            )
        return self._units

    def _select(self, mask: np.ndarray) -> list[FunnelUnit]:
        import numpy as np  # noqa: PLC0415  (start-up: numpy loads only for per-unit lists)

        u = self._fetched()
        index = np.flatnonzero(mask)
        index = index[np.argsort(u["unit"][index].astype(str), kind="stable")]
        units, last = u["unit"][index].tolist(), u["reached"][index].tolist()
        first, final = u["first_at"][index].tolist(), u["last_at"][index].tolist()
        groups = u["group"][index].tolist() if "group" in u else [None] * len(index)
        return [FunnelUnit(*row) for row in zip(units, last, first, final, groups, strict=True)]

    def units_reaching(self, step: int) -> list[str]:
        """The units that reached at least `step` (PostHog's "actors at step"), sorted (needs `per_unit`)."""
        self._check_step(step, 1)
        return [r.unit for r in self._select(self._fetched()["reached"] >= step)]

    def dropped(self, step: int | None = None) -> list[FunnelUnit]:
        """Units that reached step ``step - 1`` but not `step` (None: every unit that did not finish; needs `per_unit`)."""
        reached = self._fetched()["reached"]
        if step is None:
            return self._select(reached < len(self.conditions))
        self._check_step(step, 2)
        return self._select(reached == step - 1)

    def write_dropped_csv(self, path: str | Path, step: int | None = None, *, lang: str | None = None) -> int:
        """Write the dropped units (see `dropped`) to a CSV for Excel; returns the number of rows.

        UTF-8 with a byte-order mark (Excel on Japanese Windows then reads it correctly). Text
        cells that begin with = + - @ (or a tab / carriage return) get a leading apostrophe so
        that a spreadsheet shows them as text instead of running them as a formula.
        """
        lang = lang or self.lang
        rows = self.dropped(step)
        column = self.unit_column if lang != "ja" else _UNIT_LABELS[self.unit_column]
        header = [column, *(_label(k, lang) for k in ("last_step", "last_label", "dropped_before", "first_at", "last_at"))]
        if self.by:
            header.append(self.by)
        lines = [
            [
                r.unit,
                r.last_step,
                self.steps[r.last_step - 1].label,
                r.last_step + 1,
                r.first_at,
                r.last_at,
                *([r.group] if self.by else []),
            ]
            for r in rows
        ]
        write_csv(path, header, lines)
        return len(rows)


def _label(key: str, lang: str, **values: object) -> str:
    templates = _LABELS[key]
    return templates.get(lang, templates["en"]).format(**values)


# --- the query ----------------------------------------------------------------------------


def _parse(template: str, **values: exp.Expression) -> exp.Expression:
    """A query fragment: fixed text with :placeholders replaced by expressions (never by text)."""
    return fill(template, **values)


def _micros(window: dt.timedelta) -> int:
    return window // dt.timedelta(microseconds=1)


_EPOCH = dt.datetime(1970, 1, 1)


def _epoch_micros(time: exp.Expression) -> exp.Expression:
    """Microseconds since 1970 of a wall-clock timestamp, as a BIGINT (a difference every engine
    spells; DuckDB's EPOCH_US is as fast, but DuckDB's alone)."""
    return exp.DateDiff(this=time, expression=sql_timestamp(_EPOCH), unit=exp.var("MICROSECOND"))


def _interval(window: dt.timedelta) -> exp.Interval:
    return exp.Interval(this=exp.Literal.string(str(_micros(window))), unit=exp.var("MICROSECOND"))


def _seconds(later: str, earlier: str) -> str:
    """DuckDB text of `later - earlier` in seconds, a DOUBLE exact to the microsecond."""
    micros = exp.Sub(this=_epoch_micros(exp.column(later)), expression=_epoch_micros(exp.column(earlier)))
    return exp.Div(this=exp.cast(micros, "DOUBLE"), expression=exp.convert(1_000_000)).sql("duckdb")


def _as_datetime(value: dt.datetime | dt.date | None, name: str) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        if isinstance(value, dt.datetime) and value.tzinfo is not None:
            raise FunnelError(f"{name} must be a wall-clock time in the workspace zone, without a time zone (got {value})")
        return value
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time())
    raise FunnelError(f"{name} must be a datetime (got {value!r})")


class _Query:
    """The SQL of one funnel, built from the qualified step conditions.

    `asof`: the engine has DuckDB's ASOF JOIN (`Engine.asof_join`), and DuckDB's plan is used: each
    next step an ASOF join, the unit's best attempt an ARG_MAX. Otherwise each next step is a
    join on the range grouped to its least key, and the best attempt a ROW_NUMBER(): the same
    rows, in SQL every engine has.
    """

    def __init__(
        self,
        *,
        conditions: list[tuple[exp.Expression, set[str]]],
        exclusions: list[tuple[exp.Expression, set[str], int, int]],
        unit: tuple[exp.Expression, set[str]],
        group: tuple[exp.Expression, set[str]] | None,
        within: dt.timedelta | None,
        start: dt.datetime | None,
        end: dt.datetime | None,
        asof: bool = False,
    ):
        self.conditions = conditions
        self.exclusions = exclusions
        self.unit = unit
        self.group = group
        self.within = within
        self.start = start
        self.end = end
        self.n = len(conditions)
        self.ctes: list[tuple[str, exp.Expression, bool]] = []
        self.source = ""  # the relation of events the step and exclusion lists read (set by the mode)
        self.columns: list[str] = []  # the columns of the mode's attempts (set by the mode)
        self.asof = asof

    # Pieces -----------------------------------------------------------------------------

    def time(self) -> exp.Column:
        return exp.column("occurred_at", table=TABLE, quoted=True)

    def scan(self, selects: list[exp.Expression], where: list[exp.Expression], tables: set[str]) -> exp.Select:
        """One pass over touchpoints (with the joins its expressions need)."""
        query = exp.select(*selects).from_(exp.to_table(TABLE))
        for rel in joins_for(TABLE, tables | self.unit[1]):
            query = query.join(exp.to_table(rel.table), on=rel.on.copy(), join_type="LEFT")
        unit_known = exp.Not(this=exp.Is(this=self.unit[0].copy(), expression=exp.null()))
        return query.where(exp.and_(unit_known, *where))

    def key(self, upto: int) -> exp.Expression:
        """Microseconds * 64 + the index of the first step the event matches (ties in step order).

        `upto` is the number of conditions to test: an event known to match step j needs only
        the earlier ones; `self.n` tests them all and gives `n` to events matching none.
        """
        ifs = [exp.If(this=self.conditions[i][0].copy(), true=exp.convert(i)) for i in range(upto)]
        rank = exp.Case(ifs=ifs, default=exp.convert(upto)) if ifs else exp.convert(0)
        return _parse(":t * 64 + :rank", t=_epoch_micros(self.time()), rank=rank)

    def bounds(self, first_step: bool) -> list[exp.Expression]:
        """The period on a step-1 (attempt-start) event; for later events, the period widened by the window."""
        out: list[exp.Expression] = []
        if self.start is not None:
            out.append(exp.GTE(this=self.time(), expression=sql_timestamp(self.start)))
        if self.end is not None:
            if first_step:
                out.append(exp.LT(this=self.time(), expression=sql_timestamp(self.end)))
            elif self.within is not None:
                out.append(exp.LTE(this=self.time(), expression=sql_timestamp(self.end + self.within)))
        return out

    def in_window(self, later: exp.Expression, first: exp.Expression) -> exp.Expression:
        if self.within is None:
            return exp.true()
        return _parse("(:later <= :first + :w)", later=later, first=first, w=_interval(self.within))

    def add(self, name: str, query: exp.Expression, *, materialized: bool = False) -> str:
        self.ctes.append((name, query, materialized))
        return name

    def tables_upto(self, j: int) -> set[str]:
        return set().union(*(t for _, t in self.conditions[:j]))

    def events(self, *, everything: bool) -> str:
        """ev: the one pass over touchpoints of the whole funnel. Each event's unit, time, ordering
        key (`key(n)`: an event matching step j gets the index of the first step it matches, never
        above j - 1), breakdown value, and which steps (m1..mn) and exclusions (x1..) it matches.

        The period is widened by the window (`bounds(False)`); each step list narrows it again.
        Without `everything`, only events that match a step or an exclusion are kept; the strict
        mode keeps every event of the unit, since none may happen between two steps.
        """
        selects = [
            self.unit[0].copy().as_("u"),
            self.time().as_("t"),
            self.key(self.n).as_("k"),
            self._group_expression().as_("g"),
        ]
        matches = [c for c, _ in self.conditions] + [c for c, _, _, _ in self.exclusions]
        flags = [f"m{j}" for j in range(1, self.n + 1)] + [f"x{e}" for e in range(1, len(self.exclusions) + 1)]
        for flag, condition in zip(flags, matches, strict=True):
            selects.append(exp.func("COALESCE", condition.copy(), exp.false()).as_(flag))
        where = self.bounds(False)
        if not everything:
            where.append(exp.or_(*[c.copy() for c in matches]))
        tables = self.tables_upto(self.n) | self._group_tables() | set().union(*(t for _, t, _, _ in self.exclusions))
        return self.add("ev", self.scan(selects, where, tables), materialized=not everything)

    def step_list(self, events: str, j: int, *, first: bool = False) -> str:
        """s{j}: the events matching step j (unit, time, ordering key; the breakdown value on step 1)."""
        period = [self._shift(b, "t") for b in self.bounds(True)] if first else []
        where = exp.and_(exp.column(f"m{j}"), *period)
        group = ", g" if first else ""
        return self.add(f"s{j}", _parse(f"SELECT u, t, k{group} FROM {events} WHERE :keep", keep=where))

    def _group_expression(self) -> exp.Expression:
        return self.group[0].copy() if self.group else exp.null()

    def _group_tables(self) -> set[str]:
        return set(self.group[1]) if self.group else set()

    # Modes: each ends with a relation `att` of attempts: u, g, k1, t1..tn ------------------

    def ordered(self) -> str:
        events = self.events(everything=False)
        lists = [self.step_list(events, 1, first=True), *(self.step_list(events, j) for j in range(2, self.n + 1))]
        self.source = events
        return self.chain(lists, strict=False)

    def strict(self) -> str:
        """The ordered chain, plus: nothing of the unit happens strictly between two steps' times.

        `nt` is the unit's next instant after an event (the earliest later time of any of its
        events); step j+1 must come no later than that. Events at the very instant of a step
        are never "between" it and the next one.
        """
        events = self.events(everything=True)
        # A range of microseconds, not of an INTERVAL: every engine has numeric range frames.
        nexts = self.add(
            "nx",
            _parse(
                "SELECT *, MIN(t) OVER (PARTITION BY u ORDER BY :micros "
                f"RANGE BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS nt FROM {events}",
                micros=_epoch_micros(exp.column("t")),
            ),
            materialized=True,
        )
        period = exp.and_(exp.column("m1"), *[self._shift(b, "t") for b in self.bounds(True)])
        lists = [self.add("s1", _parse(f"SELECT u, t, k, g, nt FROM {nexts} WHERE :period", period=period))]
        lists += [self.add(f"s{j}", _parse(f"SELECT u, t, k, nt FROM {nexts} WHERE m{j}")) for j in range(2, self.n + 1)]
        self.source = nexts
        return self.chain(lists, strict=True)

    def chain(self, lists: list[str], *, strict: bool) -> str:
        """Attempts from the step-1 list, each next step the earliest later event of its list (ASOF)."""
        carry = ", nt AS nt1" if strict else ""
        previous = self.add("a1", _parse(f"SELECT u, g, t AS t1, k AS k1{carry} FROM {lists[0]}"))
        columns = ["u", "g", "t1", "k1", *(["nt1"] if strict else [])]
        for j in range(2, self.n + 1):
            ok = self.in_window(exp.column("t", "s"), exp.column("t1", "a"))
            if strict:
                ok = exp.and_(ok, _parse(f"s.t <= COALESCE(a.nt{j - 1}, s.t)"))
            later = f"a.u = s.u AND s.k > a.k{j - 1}"
            if self.asof:
                carry = f", CASE WHEN :ok THEN s.nt END AS nt{j}" if strict else ""
                query = _parse(
                    f"SELECT a.*, CASE WHEN :ok THEN s.t END AS t{j}, CASE WHEN :ok THEN s.k END AS k{j}{carry} "
                    f"FROM {previous} AS a ASOF LEFT JOIN {lists[j - 1]} AS s ON {later}",
                    ok=ok,
                )
            else:
                # The earliest later event that passes :ok is the ASOF row when that row passes, and
                # none when it does not (the window and the next instant only bound it from above);
                # the packed key orders by time first, so the least t, k and nt belong to one row.
                carry = f", MIN(s.nt) AS nt{j}" if strict else ""
                query = _parse(
                    f"SELECT {', '.join(f'a.{c}' for c in columns)}, MIN(s.t) AS t{j}, MIN(s.k) AS k{j}{carry} "
                    f"FROM {previous} AS a LEFT JOIN {lists[j - 1]} AS s ON {later} AND :ok "
                    f"GROUP BY {', '.join(f'a.{c}' for c in columns)}",
                    ok=ok,
                )
            columns += [f"t{j}", f"k{j}", *([f"nt{j}"] if strict else [])]
            previous = self.add(f"a{j}", query)
        self.columns = columns
        return previous

    def _shift(self, bound: exp.Expression, column: str) -> exp.Expression:
        """A bound written on touchpoints.occurred_at, re-pointed at a derived column."""
        # transform copies the tree before it rewrites it
        return bound.transform(lambda node: exp.column(column) if node == self.time() else node)

    def unordered(self) -> str:
        events = self.events(everything=False)
        self.source = events
        anyone = exp.or_(*[exp.column(f"m{j}") for j in range(1, self.n + 1)])
        period = [self._shift(b, "t") for b in self.bounds(True)]
        starts = self.add("st", _parse(f"SELECT u, t, k, g FROM {events} WHERE :keep", keep=exp.and_(anyone, *period)))
        previous = starts
        columns = ["u", "t", "k", "g"]
        for j in range(1, self.n + 1):
            found = self.step_list(events, j)
            ok = self.in_window(exp.column("t", "s"), exp.column("t", "a"))
            if self.asof:
                query = _parse(
                    f"SELECT a.*, CASE WHEN :ok THEN s.t END AS f{j} "
                    f"FROM {previous} AS a ASOF LEFT JOIN {found} AS s ON a.u = s.u AND s.t >= a.t",
                    ok=ok,
                )
            else:  # as in `chain`: the earliest event in the window, or none
                keys = ", ".join(f"a.{c}" for c in columns)
                query = _parse(
                    f"SELECT {keys}, MIN(s.t) AS f{j} FROM {previous} AS a "
                    f"LEFT JOIN {found} AS s ON a.u = s.u AND s.t >= a.t AND :ok GROUP BY {keys}",
                    ok=ok,
                )
            columns.append(f"f{j}")
            previous = self.add(f"b{j}", query)
        self.columns = ["u", "g", "k1", *(f"t{j}" for j in range(1, self.n + 1))]
        if not self.asof:
            times = ", ".join(f"{self._kth_first(j)} AS t{j}" for j in range(1, self.n + 1))
            return self.add("att0", _parse(f"SELECT u, g, k AS k1, {times} FROM {previous}"))
        firsts = ", ".join(f"f{j}" for j in range(1, self.n + 1))
        done = self.add(
            "done", _parse(f"SELECT u, g, k AS k1, LIST_SORT(LIST_FILTER([{firsts}], x -> x IS NOT NULL)) AS fs FROM {previous}")
        )
        times = ", ".join(f"fs[{j}] AS t{j}" for j in range(1, self.n + 1))
        return self.add("att0", _parse(f"SELECT u, g, k1, {times} FROM {done}"))

    def _kth_first(self, k: int) -> str:
        """The k-th earliest of the completion times f1..fn (NULLs left out), without lists: the
        time whose place among the others (earlier ones, and equal ones of a lower step) is k."""
        cases = []
        for i in range(1, self.n + 1):
            before = [f"CASE WHEN f{m} {'<=' if m < i else '<'} f{i} THEN 1 ELSE 0 END" for m in range(1, self.n + 1) if m != i]
            place = " + ".join(["1", *before])
            cases.append(f"WHEN f{i} IS NOT NULL AND {place} = {k} THEN f{i}")
        return f"CASE {' '.join(cases)} END"

    # Common tail ----------------------------------------------------------------------------

    def finish(self, attempts: str) -> str:
        """Exclusions, the furthest step of each attempt, and each unit's most complete attempt:
        the name of the relation with one row per unit (unit, reached, grp, t1..tn)."""
        n = self.n
        caps: list[str] = []
        columns = list(self.columns)
        for e, (_, _, a, b) in enumerate(self.exclusions, start=1):
            events = self.add(f"x{e}", _parse(f"SELECT u, t FROM {self.source} WHERE x{e}"))
            later = f"a.u = x.u AND x.t > a.t{a}"
            if self.asof:
                query = _parse(f"SELECT a.*, x.t AS x{e} FROM {attempts} AS a ASOF LEFT JOIN {events} AS x ON {later}")
            else:
                keys = ", ".join(f"a.{c}" for c in columns)
                query = _parse(f"SELECT {keys}, MIN(x.t) AS x{e} FROM {attempts} AS a LEFT JOIN {events} AS x ON {later} GROUP BY {keys}")
            columns.append(f"x{e}")
            attempts = self.add(f"e{e}", query)
            before = " + ".join(f"COALESCE(CAST(t{j} < x{e} AS INT), 0)" for j in range(1, n + 1))
            caps.append(f"CASE WHEN x{e} IS NOT NULL AND (t{b} IS NULL OR x{e} < t{b}) THEN {before} ELSE {n} END")
        done = " + ".join(f"CAST(t{j} IS NOT NULL AS INT)" for j in range(1, n + 1))
        reached = f"LEAST({done}, {', '.join(caps)})" if caps else done
        scored = self.add("scored", _parse(f"SELECT u, g, k1, {reached} AS reached, {self._times()} FROM {attempts}"))
        if not self.asof:
            # The most complete attempt by rank (ROW_NUMBER, in every engine); the breakdown value
            # last, so that two attempts from the very same instant and step still give one answer.
            ranked = self.add(
                "ranked",
                _parse(f"SELECT *, ROW_NUMBER() OVER (PARTITION BY u ORDER BY reached DESC, k1, g NULLS LAST) AS r FROM {scored}"),
            )
            flat = ", ".join(
                ["u AS unit", "reached", "g AS grp", *(f"CASE WHEN reached >= {j} THEN t{j} END AS t{j}" for j in range(1, n + 1))]
            )
            return self.add("units", _parse(f"SELECT {flat} FROM {ranked} WHERE r = 1"))
        fields = ", ".join(
            ["'reached': reached", "'g': g", *(f"'t{j}': CASE WHEN reached >= {j} THEN t{j} END" for j in range(1, n + 1))]
        )
        best = self.add("best", _parse(f"SELECT u, ARG_MAX({{{fields}}}, (reached, -k1)) AS b FROM {scored} GROUP BY u"))
        flat = ", ".join(["u AS unit", "b.reached AS reached", "b.g AS grp", *(f"b.t{j} AS t{j}" for j in range(1, n + 1))])
        return self.add("units", _parse(f"SELECT {flat} FROM {best}"))

    def statement(self, query: exp.Select) -> exp.Select:
        """`query` with the funnel's relations as its WITH clause."""
        # Each relation copied once (a plan may serve two statements); the statement itself is
        # built in place: with_ copies the whole statement by default, once per relation added.
        for name, cte, materialized in self.ctes:
            query = query.with_(name, as_=cte.copy(), materialized=materialized or None, copy=False)
        return query

    def _times(self) -> str:
        return ", ".join(f"t{j}" for j in range(1, self.n + 1))


def aggregate_query(table: str, n: int, grouped: bool) -> exp.Select:
    """Counts per step and time statistics, overall and (grouped) per breakdown value."""
    parts = ["GROUPING(grp) AS is_total, grp" if grouped else "1 AS is_total, NULL AS grp"]
    for j in range(1, n + 1):
        parts.append(f"COUNT(*) FILTER (WHERE reached >= {j}) AS n{j}")
    pairs = [(j - 1, j, f"d{j}") for j in range(2, n + 1)] + [(1, n, "dall")]
    for a, b, name in pairs:
        seconds = _seconds(f"t{b}", f"t{a}")
        parts += [
            f"COUNT({seconds}) AS {name}_count",
            f"AVG({seconds}) AS {name}_mean",
            f"QUANTILE_CONT({seconds}, [0.5, 0.25, 0.75]) AS {name}_q",
        ]
    group = " GROUP BY GROUPING SETS ((), (grp))" if grouped else ""
    return _parse(f"SELECT {', '.join(parts)} FROM {table}{group}")


# --- the analysis -------------------------------------------------------------------------


def _exclusions(exclude: Sequence[tuple[str, int, int]] | Sequence[str] | Sequence[Exclusion], n: int) -> list[Exclusion]:
    out = []
    for item in exclude:
        if isinstance(item, Exclusion):
            found = item
        elif isinstance(item, str):
            found = Exclusion(item, 1, n)
        else:
            try:
                condition, a, b = item
            except (TypeError, ValueError):
                raise FunnelError(f"an exclusion is a condition or (condition, from_step, to_step); got {item!r}") from None
            found = Exclusion(condition, a, b)
        for v in (found.from_step, found.to_step):
            if isinstance(v, bool) or not isinstance(v, int):
                raise FunnelError(f"exclusion {found.condition!r}: steps are whole numbers (got {v!r})")
        if not 1 <= found.from_step < found.to_step <= n:
            raise FunnelError(
                f"exclusion {found.condition!r}: needs 1 <= from_step < to_step <= {n} "
                f"(got {found.from_step} -> {found.to_step}); steps are numbered from 1"
            )
        out.append(found)
    return out


def _qualified(resolver: Resolver, text: str, what: str) -> tuple[exp.Expression, set[str]]:
    if not isinstance(text, str) or not text.strip():
        raise FunnelError(f"{what}: a condition is needed, such as \"type = 'demo'\" (got {text!r})")
    try:
        return resolver.qualify(parse_condition(text))
    except LookupError as e:  # worded: the command line says it in the user's language
        raise UnknownNameError.worded(lambda lang, e=e: f"{what} ({text!r}): {message_of(e, lang).strip(chr(34) + chr(39))}") from None
    except ValueError as e:
        raise FunnelError.worded(lambda lang, e=e: f"{what}: {message_of(e, lang)}") from None


def _breakdown(resolver: Resolver, by: str) -> tuple[exp.Expression, set[str]]:
    table, _, name = by.rpartition(".")
    try:
        return resolver.resolve(name, table or None)
    except LookupError as e:
        raise UnknownNameError.worded(lambda lang, e=e: f"breakdown: {message_of(e, lang).strip(chr(34) + chr(39))}") from None


def _unit(name: str, resolver: Resolver) -> tuple[exp.Expression, set[str]]:
    if name not in UNITS:
        raise UnknownNameError.for_name("funnel unit", name, UNITS)
    own = exp.column(UNITS[name], table=TABLE, quoted=True)
    if name == "account" and "account_id" in resolver.columns.get("contacts", []):
        return exp.func("COALESCE", own, exp.column("account_id", table="contacts", quoted=True)), {"contacts"}
    return own, set()


def _number(value: object) -> float | None:
    if value is None:
        return None
    value = float(value)
    return None if math.isnan(value) else value


def _stats(row: dict[str, object], name: str) -> TimeStats:
    count = int(row[f"{name}_count"] or 0)
    quartiles = row[f"{name}_q"] or [None, None, None]
    return TimeStats(count, _number(row[f"{name}_mean"]), *(_number(q) for q in quartiles))


def _steps(row: dict[str, object], labels: list[str], conditions: list[str], group: object) -> list[FunnelStep]:
    n = len(labels)
    counts = [int(row[f"n{j}"] or 0) for j in range(1, n + 1)]
    out = []
    for j in range(1, n + 1):
        reached = counts[j - 1]
        entered = counts[j - 2] if j > 1 else reached
        rate = reached / entered if j > 1 and entered else None
        low = high = None
        if rate is not None:
            low, high = wilson_interval(reached, entered)
        from_start = reached / counts[0] if counts[0] else None
        time = _stats(row, f"d{j}") if j > 1 else TimeStats(0, None, None, None, None)
        small = entered < SMALL_SAMPLE
        out.append(
            FunnelStep(j, labels[j - 1], conditions[j - 1], entered, reached, rate, from_start, low, high, small, time, group)
        )
    return out


def touch_funnel(
    engine: Engine,
    *,
    steps: Sequence[str],
    within: dt.timedelta | str | None,
    mode: str = "ordered",
    exclude: Sequence[tuple[str, int, int]] | Sequence[str] | Sequence[Exclusion] = (),
    unit: str = "contact",
    by: str | None = None,
    start: dt.datetime | dt.date | None = None,
    end: dt.datetime | dt.date | None = None,
    columns: Mapping[str, Sequence[str]],
    lang: str = "en",
    period_label: str | None = None,
    per_unit: bool = False,
) -> TouchFunnelResult:
    """A funnel over touchpoints: how many units reached each step, how fast, and who dropped.

    `steps` are conditions in the model file's `where` grammar; `within` is the conversion
    window from step 1 (a timedelta, text such as "30d", or None for no limit); `mode` is
    ordered, strict or unordered; `exclude` lists conditions that stop an attempt, each a bare
    condition (between step 1 and the last step) or ``(condition, from_step, to_step)`` with
    steps numbered from 1; `unit` is contact, account or anonymous; `by` is a column of the
    step-1 event or of a table it joins to (channel, industry, contacts.channel); `start` and
    `end` bound step 1's time (start <= time < end, wall clock in the workspace zone);
    `columns` are the columns each table has (``Workspace.columns()``); `period_label` names the
    period in warnings (default: its days). `per_unit` also fetches each unit's most complete
    attempt, for `dropped`, `units_reaching` and `write_dropped_csv` (a million units cost more
    than the counts: they are fetched only when asked). The module docstring defines every rule.
    """
    if mode not in MODES:
        raise UnknownNameError.for_name("funnel mode", mode, MODES)
    if isinstance(steps, str) or not steps:
        raise FunnelError("a funnel needs a list of steps, such as [\"type = 'booth_visit'\", \"type = 'demo'\"]")
    if len(steps) > MAX_STEPS:
        raise FunnelError(f"a funnel can have at most {MAX_STEPS} steps (got {len(steps)})")
    if isinstance(within, str):
        within = parse_within(within)
    if within is not None and (not isinstance(within, dt.timedelta) or within <= dt.timedelta(0)):
        raise FunnelError(f"within must be a positive timedelta, text such as '30d', or None (got {within!r})")
    start, end = _as_datetime(start, "start"), _as_datetime(end, "end")
    if start is not None and end is not None and end <= start:
        raise FunnelError(f"the period is empty: end ({end}) is not after start ({start})")
    n = len(steps)
    exclusions = _exclusions(exclude, n)
    resolver = Resolver(TABLE, columns)
    conditions = [_qualified(resolver, text, f"step {j}") for j, text in enumerate(steps, start=1)]
    excluded = [(*_qualified(resolver, e.condition, "exclusion"), e.from_step, e.to_step) for e in exclusions]
    group = _breakdown(resolver, by) if by else None
    plan = _Query(
        conditions=conditions,
        exclusions=excluded,
        unit=_unit(unit, resolver),
        group=group,
        within=within,
        start=start,
        end=end,
        asof=engine.asof_join,
    )
    attempts = {"ordered": plan.ordered, "strict": plan.strict, "unordered": plan.unordered}[mode]()
    units_relation = plan.finish(attempts)
    last = ", ".join(f"t{j}" for j in range(n, 0, -1))
    arrays: dict[str, np.ndarray] | None = None
    try:
        if per_unit:
            # The units kept for the summary and the per-unit list: the funnel is computed once.
            with engine.temporary(plan.statement(_parse(f"SELECT * FROM {units_relation}")), prefix="funnel") as kept:
                summary = aggregate_query(kept.name, n, bool(by))
                listing = _parse(f"SELECT unit, reached, grp, t1 AS first_at, COALESCE({last}) AS last_at FROM {kept.name}")
                queries = [kept.statement, engine.render(summary), engine.render(listing)]
                rows = engine.run(queries[1]).records()
                units = engine.arrays(queries[2])
            arrays = _unit_arrays(units, grouped=bool(by))
        else:
            queries = [engine.render(plan.statement(aggregate_query(units_relation, n, bool(by))))]
            rows = engine.run(queries[0]).records()
    except EngineError as e:
        raise FunnelError(f"the funnel query failed: {e.detail}") from None
    labels = list(steps) if mode != "unordered" else [_label("unordered", lang, k=k, n=n) for k in range(1, n + 1)]
    total = next((r for r in rows if r["is_total"]), None) or _empty_row(n)
    counts = [int(total[f"n{j}"] or 0) for j in range(1, n + 1)]
    warnings = _check_matches(engine, plan, list(steps), counts, period_label or _period_label(start, end), lang)
    groups = sorted((r for r in rows if not r["is_total"]), key=lambda r: (r["grp"] is None, str(r["grp"])))
    breakdown = [s for r in groups for s in _steps(r, labels, list(steps), r["grp"])]
    return TouchFunnelResult(
        mode=mode,
        unit=unit,
        within=within,
        conditions=list(steps),
        exclusions=exclusions,
        by=by,
        start=start,
        end=end,
        steps=_steps(total, labels, list(steps), None),
        breakdown=breakdown,
        conversion_time=_stats(total, "dall") if n > 1 else TimeStats(0, None, None, None, None),
        lang=lang,
        queries=queries,
        warnings=warnings,
        _units=arrays,
    )


# --- conditions that match nothing ---------------------------------------------------------

SHOWN_VALUES = 20
"""How many of a column's most common values a "matches nothing" message lists."""


def compared_literals(condition: exp.Expression) -> list[tuple[exp.Column, list[str]]]:
    """Each column a condition compares with text: ``type = 'demo'``, ``type IN ('demo', 'inquiry')``."""
    found: list[tuple[exp.Column, list[str]]] = []
    for node in condition.find_all(exp.EQ, exp.In):
        if isinstance(node, exp.EQ):
            sides = (node.this, node.expression)
            column = next((side for side in sides if isinstance(side, exp.Column)), None)
            texts = [side.this for side in sides if isinstance(side, exp.Literal) and side.is_string]
        else:
            column = node.this if isinstance(node.this, exp.Column) else None
            texts = [e.this for e in node.expressions if isinstance(e, exp.Literal) and e.is_string]
        if column is not None and column.table and texts:
            found.append((column, texts))
    return found


def common_values(engine: Engine, column: exp.Column, limit: int = 100) -> list[str]:
    """The most common values of a (table-qualified) column, most common first: one grouped query."""
    value = exp.cast(exp.column(column.name, quoted=True), "VARCHAR")
    query = (
        exp.select(value.copy())
        .from_(exp.to_table(column.table))
        .where(exp.Not(this=exp.Is(this=value.copy(), expression=exp.null())))
        .group_by(value.copy())
        .order_by(exp.Ordered(this=exp.func("COUNT", exp.Star()), desc=True), value.copy())
        .limit(limit)
    )
    return [row[0] for row in engine.run(query)]


def nearest_value(text: str, values: Sequence[str]) -> str | None:
    """The value closest to a misspelt one, ignoring case (``boothvisit`` -> ``booth_visit``)."""
    lowered = {v.lower(): v for v in values}
    found = suggest(text.lower(), lowered)
    return lowered[found] if found else None


def value_hints(engine: Engine, condition: exp.Expression, lang: str) -> str:
    """For each text a condition looks for that its column never holds: the nearest value, then the
    column's most common values (appended to a "matches nothing" message)."""
    hints = ""
    for column, texts in compared_literals(condition):
        values = common_values(engine, column)
        missing = [t for t in texts if t not in values]
        if not missing or not values:
            continue
        nearest = [near for text in missing if (near := nearest_value(text, values)) is not None]
        if nearest:
            hints += say("match.did_you_mean", lang, values=", ".join(f"'{v}'" for v in nearest))
        shown = ", ".join(values[:SHOWN_VALUES]) + (", …" if len(values) > SHOWN_VALUES else "")
        hints += say("match.values", lang, column=column.name, values=shown)
    return hints


def _matching(engine: Engine, plan: _Query, steps: list[int]) -> dict[int, tuple[bool, bool]] | None:
    """For each step (from 1): does any touchpoint match it at all, and any within the funnel's period?
    None when there are no touchpoints at all (nothing can match; the zeros say it all).

    One statement of EXISTS probes, each free to stop at its first row; the unit does not matter.
    """
    probes: list[exp.Expression] = [exp.Exists(this=exp.select(exp.convert(1)).from_(exp.to_table(TABLE)).limit(1)).as_("rows")]
    for j in steps:
        condition, tables = plan.conditions[j - 1]
        for name, bounds in ((f"a{j}", []), (f"p{j}", plan.bounds(j == 1))):
            query = exp.select(exp.convert(1)).from_(exp.to_table(TABLE))
            for rel in joins_for(TABLE, tables):
                query = query.join(exp.to_table(rel.table), on=rel.on.copy(), join_type="LEFT")
            query = query.where(exp.and_(condition.copy(), *bounds)).limit(1)
            probes.append(exp.Exists(this=query).as_(name))
    row = engine.run(exp.select(*probes)).one()
    if not row[0]:
        return None
    return {j: (bool(row[2 * i + 1]), bool(row[2 * i + 2])) for i, j in enumerate(steps)}


def _check_matches(
    engine: Engine, plan: _Query, steps: Sequence[str], counts: list[int], period: str | None, lang: str
) -> list[str]:
    """Refuse steps that match nothing in the data; warn about those that match nothing in the period.

    Only steps nobody reached are probed, so a funnel with no empty step costs no extra query.
    """
    empty = [j for j, reached in enumerate(counts, start=1) if reached == 0]
    if not empty:
        return []
    found = _matching(engine, plan, empty)
    if found is None:
        return []
    errors, warnings = [], []
    for j in empty:
        anywhere, in_period = found[j]
        what = say("match.step", lang, number=j)
        if not anywhere:
            hints = value_hints(engine, plan.conditions[j - 1][0], lang)
            errors.append(say("match.none", lang, what=what, condition=steps[j - 1], hints=hints))
        elif not in_period and period is not None:
            warnings.append(say("match.none_in_period", lang, what=what, condition=steps[j - 1], period=period))
    if errors:
        raise NoMatchError("\n".join(errors))
    return warnings


def _period_label(start: dt.datetime | None, end: dt.datetime | None) -> str | None:
    """The funnel's period as the days it spans (the caller may only know its bounds)."""
    if start is None and end is None:
        return None
    first = start.date().isoformat() if start is not None else "…"
    last = (end - dt.timedelta(microseconds=1)).date().isoformat() if end is not None else "…"
    return f"{first}..{last}"


def _unit_arrays(units: Mapping[str, np.ndarray], *, grouped: bool) -> dict[str, np.ndarray]:
    """The per-unit list as the result keeps it: unit ids and groups as Python objects."""
    import numpy as np  # noqa: PLC0415  (start-up: numpy loads only for per-unit lists)

    arrays = {
        "unit": objects(units["unit"]),
        "reached": np.asarray(units["reached"], dtype=np.int64),
        "first_at": np.asarray(units["first_at"]),
        "last_at": np.asarray(units["last_at"]),
    }
    if grouped:
        arrays["group"] = objects(units["grp"])
    return arrays


def _empty_row(n: int) -> dict[str, object]:
    row: dict[str, object] = {f"n{j}": 0 for j in range(1, n + 1)}
    for name in [f"d{j}" for j in range(2, n + 1)] + ["dall"]:
        row |= {f"{name}_count": 0, f"{name}_mean": None, f"{name}_q": None}
    return row


__all__ = [
    "MODES",
    "UNITS",
    "Exclusion",
    "FunnelError",
    "FunnelStep",
    "FunnelUnit",
    "NoMatchError",
    "TimeStats",
    "TouchFunnelResult",
    "parse_within",
    "touch_funnel",
]
