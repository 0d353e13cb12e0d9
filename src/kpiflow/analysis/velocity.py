"""`kpiflow velocity`: how long leads spend between stages, the standard journey, and two lists.

Definitions (the same in the records, the journey and the lists):

- **First entry.** An entity's time in a stage is its *first* entry into it; later entries
  (a lead recycled back to `lead`, a stage re-entered after a CRM correction) are ignored.
  Stages that are not in the model's stage list are ignored too.
- **Consecutive stages reached.** Each entity's first entries are put in the model's stage
  order; a *move* goes from each stage reached to the next stage it reached in that order.
  A `step` record (A -> B, B the model's next stage after A) measures the moves from A
  straight to B. A move that jumps over stages (a referral going lead -> sql without an
  `mql` entry) is measured in its own `skip` record (lead -> sql), and counted as `skipped`
  on every record from A whose `to_stage` it jumped over. So the time between consecutive
  stages reached is always measured, and skipped stages are reported as counts.
- **Out of order.** A move whose later stage was entered *before* the earlier one (the MA
  sync swapped two times) still happened: it counts in `n`, like every move, and is flagged in
  `out_of_order`. Its duration is negative, which no real move takes, and a zero would be made
  up, so it is left out of the quantiles: they are over the `n - out_of_order` moves in time
  order. The same holds for lead -> won and for the time from lead to each stage.
- **lead -> won** (`total` record): from a contact's first entry into the first contact
  stage to the `closed_at` of its earliest won deal (deals.contact_id).
- **Durations** are in days (floats) of 24 hours between wall-clock times, from the exact
  microseconds (`kpiflow.engine.base.days_between`, the same on every engine). `median_days`,
  `p25_days` and `p75_days` are computed in the engine with QUANTILE_CONT (linear
  interpolation between order statistics).
- **Period** (optional) filters on the entry time of the from-stage: the moves *out of*
  stages entered in the period, and the leads whose lead entry is in it.
- **Segments** (`by`): any dimension resolvable from stage_history (contacts, deals and
  accounts columns: channel, industry, size_band, owner, ...), taken per entity.

The **standard journey** chains the contact steps' medians (lead -> mql -> ... -> customer)
with their running sum, beside the directly measured time from lead to each stage and the
median of the total lead -> won. The sum of medians is not the median of the sum: both are
reported.

The lists follow from it, at a moment `as_of` (default: the latest stage_history entry, not
today, so an old export or the demo still has open leads). Only stage entries and deal closes
at or before `as_of` are seen. An **open lead** is a contact whose furthest stage reached (in
model order, by first entry) is not the last contact stage, with no won deal and not only lost
deals (a contact with a lost deal and no open one is closed).

- `nurture_list`: open leads that have stayed in their current stage (since its first entry)
  **longer than** the standard: the median time of the step from that stage to the model's
  next stage, in the contact's segment when `by` is given, else overall. A contact whose
  segment has no measured step has no standard and is not listed.
- `fast_list`: open leads past the first stage that reached their current stage **faster
  than** the p25 of the time from lead to that stage (segment or overall, as above), and have
  not since overstayed in it (so no contact is on both lists).

Exactly at the standard is on neither list. The standards use the whole history up to `as_of`.
Both lists put later stages first (an opportunity before an MQL), then the furthest from the
standard first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

from sqlglot import exp

from kpiflow.analysis.frames import records_frame
from kpiflow.analysis.result import Described
from kpiflow.engine.base import Engine, days_between, fill, parse, side_by_side
from kpiflow.engine.base import timestamp as sql_timestamp
from kpiflow.errors import KpiflowError, UnknownNameError
from kpiflow.io.export import write_csv
from kpiflow.model.config import ModelFile
from kpiflow.model.periods import Period
from kpiflow.model.semantic import Resolver, joins_for
from kpiflow.stats import SMALL_SAMPLE

WON = "won"
"""The `to_stage` of the lead -> won record (deals.outcome = 'won', at closed_at)."""

KINDS = ("step", "skip", "total")
"""Record kinds: a model step (A -> next stage), a move that skipped stages, lead -> won."""

# Cells that a spreadsheet would read as a formula (OWASP "CSV injection"), and the prefix that defuses them.


# -- results ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class VelocityRecord:
    """Time between two stages for one segment (or overall)."""

    entity: str  # contact | deal
    kind: str  # step | skip | total
    from_stage: str
    to_stage: str
    dimensions: dict[str, object]
    entered: int  # entities whose first entry into from_stage counts (period filter applied)
    n: int  # moves from from_stage straight to to_stage (or lead -> won), out-of-order ones included
    median_days: float | None
    p25_days: float | None
    p75_days: float | None
    skipped: int | None  # moves out of from_stage that jumped over to_stage (None for total)
    out_of_order: int  # of the n, those with to_stage entered before from_stage: not in the quantiles
    small_sample: bool

    def to_dict(self) -> dict[str, object]:
        return {
            "entity": self.entity,
            "kind": self.kind,
            "from_stage": self.from_stage,
            "to_stage": self.to_stage,
            **self.dimensions,
            "entered": self.entered,
            "n": self.n,
            "median_days": self.median_days,
            "p25_days": self.p25_days,
            "p75_days": self.p75_days,
            "skipped": self.skipped,
            "out_of_order": self.out_of_order,
            "small_sample": self.small_sample,
        }


@dataclass(frozen=True)
class JourneyStep:
    """One contact step of the standard journey."""

    from_stage: str
    to_stage: str
    n: int
    median_days: float | None  # median of this step
    cumulative_days: float | None  # sum of the step medians from lead up to to_stage
    from_lead_n: int  # contacts with a lead entry that reached to_stage (any path, out of order included)
    from_lead_median_days: float | None
    from_lead_p25_days: float | None
    from_lead_p75_days: float | None

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class Journey:
    """The standard journey from lead to won: the chain of step medians and the measured total."""

    dimensions: dict[str, object]
    steps: list[JourneyStep]
    total_n: int
    total_median_days: float | None
    total_p25_days: float | None
    total_p75_days: float | None

    @property
    def sum_of_medians(self) -> float | None:
        """The chain of step medians, added up (None when a step has no median)."""
        return self.steps[-1].cumulative_days if self.steps else None

    def to_dict(self) -> dict[str, object]:
        return {
            **self.dimensions,
            "steps": [s.to_dict() for s in self.steps],
            "sum_of_medians_days": self.sum_of_medians,
            "total": {
                "to_stage": WON,
                "n": self.total_n,
                "median_days": self.total_median_days,
                "p25_days": self.total_p25_days,
                "p75_days": self.total_p75_days,
            },
        }


@dataclass(frozen=True)
class VelocityResult(Described):
    stages: dict[str, list[str]]  # entity -> model stages measured
    by: str | None
    period: str | None
    records: list[VelocityRecord]  # per segment when `by` is given, else overall
    journey: Journey  # overall
    overall: list[VelocityRecord]  # the overall records (the same as `records` without `by`)
    journeys: list[Journey] = field(default_factory=list)  # one per segment when `by` is given
    query: str = ""

    ANALYSIS = "velocity"
    MAIN = "records"
    PARAMS = ("by", "period")
    TITLES = {
        "journey_steps": {"ja": "標準的な道のりの各段", "en": "Steps of the standard journey"},
        "journey_total": {"ja": "リードから受注まで", "en": "Lead to won"},
        "overall": {"ja": "全体", "en": "Overall"},
        "journeys": {"ja": "セグメント別の道のり", "en": "Journeys by segment"},
    }

    def to_json_data(self) -> dict[str, object]:
        out: dict[str, object] = {
            "by": self.by,
            "period": self.period,
            "stages": self.stages,
            "records": [r.to_dict() for r in self.records],
            "journey": self.journey.to_dict(),
        }
        if self.by:
            out["overall"] = [r.to_dict() for r in self.overall]
            out["journeys"] = [j.to_dict() for j in self.journeys]
        return out

    def to_frame(self):
        """A pandas DataFrame of the records (pandas is optional)."""
        return records_frame([r.to_dict() for r in self.records])

    def record(self, from_stage: str, to_stage: str | None = None, *, entity: str = "contact", **dimensions: object):
        """The record from `from_stage` (to the model's next stage unless `to_stage` is given)."""
        pool = self.records if dimensions else self.overall
        for r in pool:
            if (
                r.entity == entity
                and r.from_stage == from_stage
                and (r.to_stage == to_stage if to_stage else r.kind == "step")
                and all(r.dimensions.get(k) == v for k, v in dimensions.items())
            ):
                return r
        raise LookupError(f"no velocity record {from_stage} -> {to_stage or '(next)'} {dimensions}")


class ListedContact(NamedTuple):
    contact_id: str
    account_id: str | None
    stage: str
    entered_at: dt.datetime  # first entry into the current stage
    days_in_stage: float  # as_of - entered_at
    days_from_lead: float | None  # entered_at - lead entry
    standard_days: float  # the standard this list compares with
    owner: str | None
    channel: str | None
    dimensions: dict[str, object]

    def to_dict(self) -> dict[str, object]:
        out = self._asdict()
        dims = out.pop("dimensions")
        return out | {k: v for k, v in dims.items() if k not in out}


@dataclass(frozen=True)
class ContactList(Described):
    """Contacts to hand to sales: `nurture` (overstaying a stage) or `fast` (ahead of the standard)."""

    kind: str
    as_of: dt.datetime | None
    by: str | None
    records: list[ListedContact]

    ANALYSIS = "lists"
    MAIN = "contacts"
    TITLES = {"contacts": {"ja": "リード一覧", "en": "Contacts"}}

    def params(self) -> dict[str, object]:
        return {"kind": self.kind, "as_of": self.as_of, "by": self.by}

    def to_json_data(self) -> list[dict[str, object]]:
        return [r.to_dict() for r in self.records]

    def to_frame(self):
        """A pandas DataFrame of the contacts (pandas is optional)."""
        return records_frame(self.to_json_data())

    def write_csv(self, path: str | Path) -> Path:
        """Write the list as UTF-8 CSV with a BOM (Excel on Japanese Windows reads it as UTF-8).

        Text cells starting with = + - @ (or a tab or carriage return) get a leading ' so that
        a spreadsheet shows them as text instead of running them as a formula.
        """
        header = list(ListedContact._fields[:-1]) + ([self.by] if self.by and self.by not in ListedContact._fields else [])
        rows = [[r.to_dict().get(column) for column in header] for r in self.records]
        return write_csv(path, header, rows)


# -- the engine query -----------------------------------------------------------------------------


def _template(sql: str, **values: exp.Expression) -> exp.Expression:
    return fill(sql, **values)


def _stage_order(stages: Mapping[str, Sequence[str]]) -> exp.Select:
    rows = [
        exp.Tuple(expressions=[exp.convert(entity), exp.convert(stage), exp.convert(i)])
        for entity, names in stages.items()
        for i, stage in enumerate(names)
    ]
    values = exp.Values(
        expressions=rows,
        alias=exp.TableAlias(
            this=exp.to_identifier("v"), columns=[exp.to_identifier(c) for c in ("entity", "stage", "position")]
        ),
    )
    return exp.select("*").from_(values)


def _segment(by: str | None, columns: Mapping[str, Sequence[str]]) -> tuple[exp.Expression, set[str]]:
    """The dimension expression on stage_history (and the joins it needs), or NULL without `by`.

    A typed NULL: Spark never matches an untyped one (its VOID type) aggregated by MIN in a
    null-safe join, where DuckDB does; the lists join their standards on the segment that way."""
    if by is None:
        return exp.cast(exp.Null(), "VARCHAR"), set()
    table, _, name = by.rpartition(".")
    try:
        return Resolver("stage_history", columns).resolve(name, table or None)
    except LookupError as e:
        raise UnknownNameError(str(e).strip("'\"")) from None


_FIRSTS = """
SELECT stage_history.entity, stage_history.entity_id, stage_history.stage, stage_order.position,
       MIN(stage_history.entered_at) AS entered_at, MIN(:segment) AS segment
FROM stage_history
JOIN stage_order ON stage_order.entity = stage_history.entity AND stage_order.stage = stage_history.stage
WHERE :seen
GROUP BY stage_history.entity, stage_history.entity_id, stage_history.stage, stage_order.position
"""

_MOVES = """
SELECT entity, entity_id, segment, stage AS from_stage, position AS from_pos, entered_at AS t0,
       LEAD(stage) OVER (PARTITION BY entity, entity_id ORDER BY position) AS to_stage,
       LEAD(position) OVER (PARTITION BY entity, entity_id ORDER BY position) AS to_pos,
       LEAD(entered_at) OVER (PARTITION BY entity, entity_id ORDER BY position) AS t1
FROM firsts
"""

_MOVES_IN = """
SELECT *, :days AS days
FROM moves WHERE :in_period
"""

_PAIRS = """
SELECT 'step' AS kind, a.entity, a.stage AS from_stage, b.stage AS to_stage, a.position AS from_pos, b.position AS to_pos
FROM stage_order AS a JOIN stage_order AS b ON b.entity = a.entity AND b.position = a.position + 1
UNION ALL
SELECT DISTINCT 'skip' AS kind, entity, from_stage, to_stage, from_pos, to_pos FROM moves_in WHERE to_pos > from_pos + 1
"""

# Per pair and segment, plus overall (GROUPING(segment) = 1). Segments appear where someone entered
# the from-stage; skip pairs where the move happened.
_STEPS = """
SELECT p.kind, p.entity, p.from_stage, p.to_stage, p.from_pos, p.to_pos, m.segment, GROUPING(m.segment) = 1 AS overall,
       COUNT(m.entity_id) AS entered,
       COUNT(*) FILTER (WHERE m.to_pos = p.to_pos) AS n,
       QUANTILE_CONT(m.days, 0.5) FILTER (WHERE m.to_pos = p.to_pos) AS median_days,
       QUANTILE_CONT(m.days, 0.25) FILTER (WHERE m.to_pos = p.to_pos) AS p25_days,
       QUANTILE_CONT(m.days, 0.75) FILTER (WHERE m.to_pos = p.to_pos) AS p75_days,
       COUNT(*) FILTER (WHERE m.to_pos > p.to_pos) AS skipped,
       COUNT(*) FILTER (WHERE m.to_pos = p.to_pos AND m.days IS NULL) AS out_of_order
FROM pairs AS p LEFT JOIN moves_in AS m ON m.entity = p.entity AND m.from_stage = p.from_stage
GROUP BY GROUPING SETS ((p.kind, p.entity, p.from_stage, p.to_stage, p.from_pos, p.to_pos, m.segment),
                        (p.kind, p.entity, p.from_stage, p.to_stage, p.from_pos, p.to_pos))
HAVING (:segmented OR GROUPING(m.segment) = 1)
   AND (GROUPING(m.segment) = 1 OR COUNT(m.entity_id) > 0)
   AND (p.kind = 'step' OR COUNT(*) FILTER (WHERE m.to_pos = p.to_pos) > 0)
"""

_LEADS_IN = """
SELECT entity_id, segment, entered_at AS t0 FROM firsts
WHERE entity = 'contact' AND position = 0 AND :in_period
"""

_WON = """
SELECT contact_id, MIN(closed_at) AS closed_at FROM deals
WHERE outcome = 'won' AND :closed AND contact_id IS NOT NULL GROUP BY contact_id
"""

_TOTAL = """
SELECT 'total' AS kind, 'contact' AS entity, :lead AS from_stage, :won AS to_stage, 0 AS from_pos, NULL AS to_pos,
       l.segment, GROUPING(l.segment) = 1 AS overall,
       COUNT(*) AS entered,
       COUNT(w.closed_at) AS n,
       QUANTILE_CONT(CASE WHEN w.closed_at >= l.t0 THEN :days END, 0.5),
       QUANTILE_CONT(CASE WHEN w.closed_at >= l.t0 THEN :days END, 0.25),
       QUANTILE_CONT(CASE WHEN w.closed_at >= l.t0 THEN :days END, 0.75),
       NULL AS skipped,
       COUNT(*) FILTER (WHERE w.closed_at < l.t0) AS out_of_order
FROM leads_in AS l LEFT JOIN won AS w ON w.contact_id = l.entity_id
GROUP BY GROUPING SETS ((l.segment), ())
HAVING :segmented OR GROUPING(l.segment) = 1
"""

# From the lead entry to each later contact stage reached, whatever the path (for the journey and `fast_list`).
_FROM_LEAD = """
SELECT 'from_lead' AS kind, 'contact' AS entity, :lead AS from_stage, s.stage AS to_stage, 0 AS from_pos, s.position AS to_pos,
       l.segment, GROUPING(l.segment) = 1 AS overall,
       COUNT(*) AS entered,
       COUNT(*) AS n,
       QUANTILE_CONT(CASE WHEN s.entered_at >= l.t0 THEN :days END, 0.5),
       QUANTILE_CONT(CASE WHEN s.entered_at >= l.t0 THEN :days END, 0.25),
       QUANTILE_CONT(CASE WHEN s.entered_at >= l.t0 THEN :days END, 0.75),
       NULL AS skipped,
       COUNT(*) FILTER (WHERE s.entered_at < l.t0) AS out_of_order
FROM leads_in AS l JOIN firsts AS s ON s.entity = 'contact' AND s.entity_id = l.entity_id AND s.position > 0
GROUP BY GROUPING SETS ((s.stage, s.position, l.segment), (s.stage, s.position))
HAVING :segmented OR GROUPING(l.segment) = 1
"""

STATS_COLUMNS = (
    "kind",
    "entity",
    "from_stage",
    "to_stage",
    "from_pos",
    "to_pos",
    "segment",
    "overall",
    "entered",
    "n",
    "median_days",
    "p25_days",
    "p75_days",
    "skipped",
    "out_of_order",
)


def _ctes(
    stages: Mapping[str, Sequence[str]],
    *,
    by: str | None,
    columns: Mapping[str, Sequence[str]],
    start: dt.datetime | None,
    end: dt.datetime | None,
    as_of: dt.datetime | None,
) -> list[tuple[str, exp.Expression]]:
    """The named subqueries shared by `velocity` and the lists, ending with `stats` (STATS_COLUMNS)."""
    segment, needed = _segment(by, columns)
    seen = _between(exp.column("entered_at", "stage_history"), None, as_of, inclusive=True)
    firsts = _template(_FIRSTS, segment=segment, seen=seen)
    for rel in joins_for("stage_history", needed):
        firsts = firsts.join(exp.to_table(rel.table), on=rel.on, join_type="LEFT")
    segmented = exp.convert(by is not None)
    lead = exp.convert(stages["contact"][0])
    parts = [
        _template(_STEPS, segmented=segmented),
        _template(_TOTAL, lead=lead, won=exp.convert(WON), segmented=segmented, days=_days_after_lead("closed_at", "w")),
        _template(_FROM_LEAD, lead=lead, segmented=segmented, days=_days_after_lead("entered_at", "s")),
    ]
    stats = parts[0]
    for part in parts[1:]:
        stats = exp.union(stats, part, distinct=False)
    return [
        ("stage_order", _stage_order(stages)),
        ("firsts", firsts),
        ("moves", _template(_MOVES)),
        ("moves_in", _template(_MOVES_IN, in_period=_between(exp.column("t0"), start, end), days=_days("t1", "t0"))),
        ("pairs", _template(_PAIRS)),
        ("leads_in", _template(_LEADS_IN, in_period=_between(exp.column("entered_at"), start, end))),
        ("won", _template(_WON, closed=_between(exp.column("closed_at"), None, as_of, inclusive=True))),
        ("stats", exp.select(*STATS_COLUMNS).from_(stats.subquery("u"))),
    ]


def _days_after_lead(column: str, table: str) -> exp.Expression:
    """Days from the lead entry (`l.t0`) to `table.column`."""
    return days_between(exp.column(column, table), exp.column("t0", "l"))


def _between(
    column: exp.Expression, start: dt.datetime | None, end: dt.datetime | None, *, inclusive: bool = False
) -> exp.Expression:
    """`start <= column < end` (`<= end` when `inclusive`); a missing bound is no bound, but a NULL
    time is still outside. Spelled without infinite timestamps, which Spark does not have."""
    bounds: list[exp.Expression] = []
    if start is not None:
        bounds.append(exp.GTE(this=column.copy(), expression=sql_timestamp(start)))
    if end is not None:
        bound = exp.LTE if inclusive else exp.LT
        bounds.append(bound(this=column.copy(), expression=sql_timestamp(end)))
    return exp.and_(*bounds) if bounds else column.copy().is_(exp.null()).not_()


def _with(query: exp.Select, ctes: list[tuple[str, exp.Expression]]) -> exp.Select:
    for name, cte in ctes:
        query = query.with_(name, as_=cte.copy(), copy=False)  # one copy of each relation, none of the statement
    return query


def _stages(model: ModelFile, deals: bool) -> dict[str, list[str]]:
    stages = {"contact": model.stage_names("contact")}
    if deals:
        stages["deal"] = model.stage_names("deal")
    for entity, names in stages.items():
        if len(names) < 2:
            raise KpiflowError(f"the model lists fewer than two {entity} stages; velocity needs at least two")
    return stages


def _float(value: object) -> float | None:
    return None if value is None else float(value)


def _dims(by: str | None, value: object) -> dict[str, object]:
    return {by: value} if by else {}


# -- velocity ---------------------------------------------------------------------------------------


def velocity(
    engine: Engine,
    model: ModelFile,
    *,
    by: str | None = None,
    period: Period | None = None,
    deals: bool = False,
    columns: Mapping[str, Sequence[str]],
    lang: str = "en",
) -> VelocityResult:
    """Days between consecutive stages (median, p25, p75) and the standard journey from lead to won.

    `by` is one dimension (channel, industry, size_band, owner, ...); `period` keeps the moves
    out of stages first entered in it; `deals` adds the deal stages. See the module docstring
    for the exact definitions.
    """
    stages = _stages(model, deals)
    start, end = period.sql_bounds() if period else (None, None)
    ctes = _ctes(stages, by=by, columns=columns, start=start, end=end, as_of=None)
    query = _with(exp.select(*STATS_COLUMNS).from_("stats"), ctes)
    text = engine.render(query)
    rows = [dict(zip(STATS_COLUMNS, row, strict=True)) for row in engine.run(text)]

    def sort_key(r: dict) -> tuple:
        entity = list(stages).index(r["entity"])
        kind = 1 if r["kind"] == "total" else 0
        return (
            (r["segment"] is None, str(r["segment"])),
            entity,
            kind,
            r["from_pos"],
            r["to_pos"] if r["to_pos"] is not None else 99,
        )

    rows.sort(key=sort_key)
    records = [
        VelocityRecord(
            r["entity"],
            r["kind"],
            r["from_stage"],
            r["to_stage"],
            {} if r["overall"] else _dims(by, r["segment"]),
            int(r["entered"]),
            int(r["n"]),
            _float(r["median_days"]),
            _float(r["p25_days"]),
            _float(r["p75_days"]),
            None if r["skipped"] is None else int(r["skipped"]),
            int(r["out_of_order"]),
            int(r["n"]) < SMALL_SAMPLE,
        )
        for r in rows
        if r["kind"] in KINDS
    ]
    overall = [r for r in records if not r.dimensions] if by else records
    segment_records = [r for r in records if r.dimensions] if by else records
    journey = _journey({}, stages["contact"], [r for r in rows if r["overall"]])
    journeys = []
    if by:
        segments = list(dict.fromkeys(r["segment"] for r in rows if not r["overall"]))
        journeys = [
            _journey(_dims(by, s), stages["contact"], [r for r in rows if not r["overall"] and r["segment"] == s])
            for s in segments
        ]
    return VelocityResult(
        stages,
        by,
        period.label(lang) if period else None,
        segment_records,
        journey,
        overall,
        journeys,
        text,
    )


def _journey(dimensions: dict[str, object], stages: Sequence[str], rows: Sequence[dict]) -> Journey:
    """The chain of contact-step medians, with the time measured from lead to each stage."""
    step = {r["from_stage"]: r for r in rows if r["kind"] == "step" and r["entity"] == "contact"}
    from_lead = {r["to_stage"]: r for r in rows if r["kind"] == "from_lead"}
    total = next((r for r in rows if r["kind"] == "total"), {})
    steps: list[JourneyStep] = []
    cumulative: float | None = 0.0
    for a, b in pairwise(stages):
        s, f = step.get(a, {}), from_lead.get(b, {})
        median = _float(s.get("median_days"))
        cumulative = None if cumulative is None or median is None else cumulative + median
        steps.append(
            JourneyStep(
                a,
                b,
                int(s.get("n") or 0),
                median,
                cumulative,
                int(f.get("n") or 0),
                _float(f.get("median_days")),
                _float(f.get("p25_days")),
                _float(f.get("p75_days")),
            )
        )
    return Journey(
        dimensions,
        steps,
        int(total.get("n") or 0),
        _float(total.get("median_days")),
        _float(total.get("p25_days")),
        _float(total.get("p75_days")),
    )


# -- the lists -------------------------------------------------------------------------------------


def latest_entry(engine: Engine) -> dt.datetime | None:
    """The latest stage_history entry: the default `as_of` of the lists."""
    return engine.run(exp.select(exp.func("MAX", exp.column("entered_at"))).from_("stage_history")).scalar()


# The lists need two standards per stage, not every velocity record: they read each contact's
# first entries as one row, a column per model stage (t<i>: the first entry into stage i up to
# as_of; s<i>: that entry's segment), from one grouped scan of stage_history. The step out of
# stage i goes straight to stage i + 1 exactly when t<i+1> is set, so no window has to walk each
# contact's stages in order. Durations, quantiles and segments are those of `velocity` (days_between,
# QUANTILE_CONT, the segment of the from-stage and of the lead entry), so a standard is the
# velocity record's median or the journey's p25; the tests hold them equal.

_FIRST_ENTRY = "MIN(stage_history.entered_at) FILTER (WHERE stage_history.stage = :stage)"
_FIRST_SEGMENT = "MIN(:segment) FILTER (WHERE stage_history.stage = :stage)"

# One row per contact with an entry into a model stage by as_of; the t<i>, s<i> columns are added.
_ENTRIES = """
SELECT stage_history.entity_id AS contact_id, MIN(:segment) AS segment
FROM stage_history
WHERE stage_history.entity = 'contact' AND stage_history.entered_at <= :as_of AND :known_stage
GROUP BY stage_history.entity_id
"""

_STEP_STANDARD = "SELECT position, segment, QUANTILE_CONT(step_days, 0.5) AS days FROM walks GROUP BY position, segment"

_LEAD_STANDARD = """
SELECT position, lead_segment AS segment, QUANTILE_CONT(lead_days, 0.25) AS days FROM walks GROUP BY position, lead_segment
"""

# The furthest stage each contact has reached (by model order), its first entry and the lead entry.
_REACHED = """
SELECT contact_id, segment, t0 AS lead_at, :position AS position, :stage AS stage, :entered_at AS entered_at FROM entries
"""

# A deal is closed at as_of if it is won or lost and closed by then (a missing close date counts as its creation).
_DEAL_STATE = """
SELECT contact_id,
       BOOL_OR(outcome = 'won' AND COALESCE(closed_at, created_at) <= :as_of) AS won,
       BOOL_OR(outcome = 'lost' AND COALESCE(closed_at, created_at) <= :as_of) AS lost,
       BOOL_OR(NOT (outcome IN ('won', 'lost') AND COALESCE(closed_at, created_at) <= :as_of)) AS open
FROM deals WHERE created_at <= :as_of AND contact_id IS NOT NULL GROUP BY contact_id
"""

_CANDIDATES = """
SELECT c.contact_id, contacts.account_id, c.stage, c.entered_at,
       :days_in_stage AS days_in_stage,
       CASE WHEN c.lead_at <= c.entered_at THEN :days_from_lead END
           AS days_from_lead,
       step.days AS step_standard, fl.days AS lead_standard,
       contacts.owner, contacts.channel, c.segment, c.position
FROM reached AS c
LEFT JOIN contacts ON contacts.contact_id = c.contact_id
LEFT JOIN deal_state AS d ON d.contact_id = c.contact_id
LEFT JOIN step_standard AS step ON step.position = c.position AND step.segment IS NOT DISTINCT FROM c.segment
LEFT JOIN lead_standard AS fl ON fl.position = c.position AND fl.segment IS NOT DISTINCT FROM c.segment
WHERE c.position < :last
  AND NOT COALESCE(d.won, FALSE)
  AND NOT (COALESCE(d.lost, FALSE) AND NOT COALESCE(d.open, FALSE))
"""

_NURTURE = """
SELECT contact_id, account_id, stage, entered_at, days_in_stage, days_from_lead, step_standard, owner, channel, segment
FROM candidates WHERE days_in_stage > step_standard
ORDER BY position DESC, days_in_stage - step_standard DESC, contact_id
"""

_FAST = """
SELECT contact_id, account_id, stage, entered_at, days_in_stage, days_from_lead, lead_standard, owner, channel, segment
FROM candidates
WHERE position > 0 AND days_from_lead < lead_standard AND COALESCE(days_in_stage <= step_standard, TRUE)
ORDER BY position DESC, days_from_lead - lead_standard, contact_id
"""


def nurture_list(
    engine: Engine,
    model: ModelFile,
    *,
    as_of: dt.datetime | None = None,
    by: str | None = None,
    columns: Mapping[str, Sequence[str]],
) -> ContactList:
    """Open leads that have stayed in their current stage longer than its median step time."""
    return _contact_list("nurture", _NURTURE, engine, model, as_of=as_of, by=by, columns=columns)


def fast_list(
    engine: Engine,
    model: ModelFile,
    *,
    as_of: dt.datetime | None = None,
    by: str | None = None,
    columns: Mapping[str, Sequence[str]],
) -> ContactList:
    """Open leads that reached their current stage faster than the p25 time from lead to it."""
    return _contact_list("fast", _FAST, engine, model, as_of=as_of, by=by, columns=columns)


def _days(later: str, earlier: str) -> exp.Expression:
    """Days between two columns, NULL when either is missing or `later` comes first."""
    return _template(f"CASE WHEN {later} >= {earlier} THEN :days END", days=days_between(exp.column(later), exp.column(earlier)))


def _list_query(
    select: str, stages: Sequence[str], *, by: str | None, columns: Mapping[str, Sequence[str]], as_of: dt.datetime
) -> exp.Select:
    """The query of one list (`select` over `candidates`), for the contact `stages` in model order."""
    segment, needed = _segment(by, columns)
    until = sql_timestamp(as_of)
    stage = exp.column("stage", table="stage_history")
    entries = _template(_ENTRIES, segment=segment.copy(), as_of=until.copy(), known_stage=stage.isin(*stages))
    for rel in joins_for("stage_history", needed):
        entries = entries.join(exp.to_table(rel.table), on=rel.on.copy(), join_type="LEFT", copy=False)
    for i, name in enumerate(stages):
        entries = entries.select(
            _template(_FIRST_ENTRY, stage=exp.convert(name)).as_(f"t{i}"),
            _template(_FIRST_SEGMENT, stage=exp.convert(name), segment=segment.copy()).as_(f"s{i}"),
            copy=False,
        )
    positions = range(len(stages))
    # One row per contact and stage: the step out of the stage to the next one (when it went straight
    # there) and the time from the lead entry to the stage, each in days, with the segments they count in.
    walks = side_by_side(
        "entries",
        [exp.column("contact_id"), exp.column("s0").as_("lead_segment")],
        {
            "segment": [exp.column(f"s{i}") for i in positions],
            "step_days": [*(_days(f"t{i + 1}", f"t{i}") for i in positions[:-1]), exp.null()],
            "lead_days": [exp.null(), *(_days(f"t{i}", "t0") for i in positions[1:])],
        },
    )
    # The furthest stage reached: the last one with an entry (a contact in `entries` has at least one).
    position = exp.Case(default=exp.convert(0))
    stage_name = exp.Case(default=exp.convert(stages[0]))
    entered_at = exp.Case(default=exp.column("t0"))
    for i in reversed(positions[1:]):
        position = position.when(exp.column(f"t{i}").is_(exp.null()).not_(), exp.convert(i), copy=False)
        stage_name = stage_name.when(exp.column(f"t{i}").is_(exp.null()).not_(), exp.convert(stages[i]), copy=False)
        entered_at = entered_at.when(exp.column(f"t{i}").is_(exp.null()).not_(), exp.column(f"t{i}"), copy=False)
    ctes = [
        ("entries", entries),
        ("walks", walks),
        ("step_standard", _template(_STEP_STANDARD)),
        ("lead_standard", _template(_LEAD_STANDARD)),
        ("reached", _template(_REACHED, position=position, stage=stage_name, entered_at=entered_at)),
        ("deal_state", _template(_DEAL_STATE, as_of=until.copy())),
        (
            "candidates",
            _template(
                _CANDIDATES,
                days_in_stage=days_between(until.copy(), exp.column("entered_at", "c")),
                days_from_lead=days_between(exp.column("entered_at", "c"), exp.column("lead_at", "c")),
                last=exp.convert(len(stages) - 1),
            ),
        ),
    ]
    query = parse(select)
    for name, cte in ctes:
        query = query.with_(name, as_=cte, copy=False)
    return query


def _contact_list(
    kind: str,
    select: str,
    engine: Engine,
    model: ModelFile,
    *,
    as_of: dt.datetime | dt.date | None,
    by: str | None,
    columns: Mapping[str, Sequence[str]],
) -> ContactList:
    if as_of is not None and not isinstance(as_of, dt.datetime):
        as_of = dt.datetime.combine(as_of, dt.time())
    if as_of is not None and as_of.tzinfo is not None:
        raise KpiflowError(f"as_of {as_of.isoformat()} has a time zone; give a naive wall-clock time in the workspace zone")
    as_of = as_of or latest_entry(engine)
    if as_of is None:
        return ContactList(kind, None, by, [])
    stages = _stages(model, deals=False)["contact"]
    query = _list_query(select, stages, by=by, columns=columns, as_of=as_of)
    records = [
        ListedContact(
            contact_id,
            account_id,
            stage,
            entered_at,
            float(days_in_stage),
            _float(days_from_lead),
            float(standard),
            owner,
            channel,
            _dims(by, segment),
        )
        for contact_id, account_id, stage, entered_at, days_in_stage, days_from_lead, standard, owner, channel, segment in (
            engine.run(query)
        )
    ]
    return ContactList(kind, as_of, by, records)


__all__ = [
    "ContactList",
    "Journey",
    "JourneyStep",
    "ListedContact",
    "VelocityRecord",
    "VelocityResult",
    "fast_list",
    "latest_entry",
    "nurture_list",
    "velocity",
    "write_csv",
]
