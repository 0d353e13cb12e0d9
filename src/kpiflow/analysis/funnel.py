"""`kpiflow funnel`: the CRM-stage funnel on two explicit bases.

The stages are the model's stages of the entity (contact or deal), in order; an entity's time in
a stage is its *first* recorded entry into it (re-entries, and stages the model does not list,
are ignored).

**cohort** (the default): a conversion rate, a proportion of entities between 0 and 1 with its
Wilson interval. It follows HubSpot's lifecycle semantics: an entity that reached a stage has
passed through every earlier one, recorded or not. For an entity and a stage A:

- it *reached A* at its recorded entry into A or, without one, at its first entry into any
  later stage (it passed A on the way: a skip);
- it *reached B or beyond* at its first entry into B or any stage after B.

The step A -> B (B the stage after A) counts the entities that reached A in the period
(`entered`) and, of those, the ones that reached B or beyond (`converted`), within the window
when `within` is given, whatever the order of the recorded times. So `converted` is a subset
of `entered`, and the rate never passes 100%. Then:

- `skipped`: members without a recorded entry into A. They passed A on their way to B or
  beyond, so they all convert, at once (they reached A and B at the same entry).
- `skipped_ahead`: converters without a recorded entry into B (they went past it).
- `out_of_order`: converters whose entry into B or beyond is recorded *before* their entry into
  A (two swapped times, e.g. a CRM sync). They convert and are flagged here, never dropped.
- `lost` and `open`: the members that did not convert, with a lost deal and without one;
  `converted + lost + open = entered`.
- `immature`: members that did not convert and whose window reaches past the end of the data
  (the latest stage entry of the entity kind): they may still convert.
- `median_days`, `p25_days`, `p75_days`: days from the recorded entry into A to the first entry
  into B or beyond, over the converters with a recorded entry into A at or before it. A skipped
  A has no time of its own, and an out-of-order pair no duration worth the name: a zero would
  be made up, so both are left out of the quartiles (and counted above).

**period**: entries into each stage within the period (every entry counts, as the metrics and
the KPI tree count them); the ratio from A to B is entries(B) / entries(A), a throughput ratio
that may pass 100% (B's entries need not come from A's). This is the basis on which the tree
is exact. `skipped` means what it means on the cohort basis, counted on B's side: the
entities that entered B in the period with no recorded entry into A. The other columns are
cohort-basis ones (None here).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass

from sqlglot import exp

from kpiflow.analysis.frames import records_frame
from kpiflow.analysis.result import Described
from kpiflow.engine.base import Engine, days_between, fill, microseconds_between, parse, side_by_side
from kpiflow.engine.base import timestamp as sql_timestamp
from kpiflow.errors import KpiflowError
from kpiflow.model.config import ModelFile
from kpiflow.model.periods import Period
from kpiflow.model.semantic import Resolver, joins_for
from kpiflow.stats import SMALL_SAMPLE, wilson_interval

BASES = ("cohort", "period")


@dataclass(frozen=True)
class FunnelStep:
    basis: str
    from_stage: str
    to_stage: str
    dimensions: dict[str, object]
    entered: int
    converted: int
    rate: float | None
    ci_low: float | None
    ci_high: float | None
    skipped: int
    lost: int | None = None
    skipped_ahead: int | None = None
    open: int | None = None
    out_of_order: int | None = None
    immature: int | None = None
    median_days: float | None = None
    p25_days: float | None = None
    p75_days: float | None = None
    small_sample: bool = False

    def to_dict(self) -> dict[str, object]:
        out = asdict(self)
        dims = out.pop("dimensions")
        return {"basis": self.basis, "from_stage": self.from_stage, "to_stage": self.to_stage, **dims} | {
            k: v for k, v in out.items() if k not in ("basis", "from_stage", "to_stage")
        }


@dataclass(frozen=True)
class FunnelResult(Described):
    basis: str
    entity: str
    period: str
    within_days: float | None
    dimensions: list[str]
    steps: list[FunnelStep]
    stage_counts: list[dict[str, object]]

    ANALYSIS = "funnel"
    MAIN = "steps"
    TITLES = {"stage_counts": {"ja": "ステージ別の件数", "en": "Entities per stage"}}

    def params(self) -> dict[str, object]:
        return {"basis": self.basis, "entity": self.entity, "period": self.period, "within_days": self.within_days, "dimensions": list(self.dimensions)}

    def described_data(self) -> dict[str, object]:
        return {"steps": self.to_json_data(), "stage_counts": [dict(c) for c in self.stage_counts]}

    def to_json_data(self) -> list[dict[str, object]]:
        return [s.to_dict() | {"period": self.period} for s in self.steps]

    def to_frame(self):
        """A pandas DataFrame of the steps (pandas is optional)."""
        return records_frame(self.to_json_data())

    def step(self, from_stage: str, **dimensions: object) -> FunnelStep:
        for s in self.steps:
            if s.from_stage == from_stage and all(s.dimensions.get(k) == v for k, v in dimensions.items()):
                return s
        raise LookupError(f"no step from {from_stage} {dimensions}")


def _pairs_values(stages: Sequence[str]) -> exp.Expression:
    rows = [
        exp.Tuple(expressions=[exp.convert(a), exp.convert(b), exp.convert(i)])
        for i, (a, b) in enumerate(zip(stages[:-1], stages[1:], strict=True))
    ]
    return exp.Values(
        expressions=rows,
        alias=exp.TableAlias(
            this=exp.to_identifier("pairs"), columns=[exp.to_identifier(c) for c in ("from_stage", "to_stage", "position")]
        ),
    )


def _dimension_select(columns, dimensions):
    resolver = Resolver("stage_history", columns)
    exprs, needed = [], set()
    for dim in dimensions:
        expression, tables = resolver.resolve(dim)
        exprs.append(expression.as_(dim, quoted=True))
        needed |= tables
    return exprs, needed


def funnel(
    engine: Engine,
    model: ModelFile,
    *,
    period: Period,
    basis: str = "cohort",
    entity: str = "contact",
    by: Sequence[str] = (),
    within: dt.timedelta | None = None,
    columns: Mapping[str, Sequence[str]],
    lang: str = "en",
) -> FunnelResult:
    if basis not in BASES:
        raise KpiflowError(f"--basis must be cohort or period, not '{basis}'")
    stages = model.stage_names(entity)
    if len(stages) < 2:
        raise KpiflowError(f"the model lists fewer than two {entity} stages")
    start, end = period.sql_bounds()
    dims = list(by)
    query = (
        _cohort_sql(stages, entity, start, end, within, dims, columns)
        if basis == "cohort"
        else _period_sql(stages, entity, start, end, dims, columns)
    )
    steps = []
    for r in engine.run(query).records():
        if "position" in r:  # the cohort query numbers its steps
            r["from_stage"], r["to_stage"] = stages[r["position"]], stages[r["position"] + 1]
        entered, converted = int(r["entered"] or 0), int(r["converted"] or 0)
        rate = converted / entered if entered else None
        low = high = None
        # Only the cohort basis gives a proportion; the period basis divides entries by entries
        # (a throughput ratio that may pass 100%): no binomial interval.
        if basis == "cohort" and entered and converted <= entered:
            low, high = wilson_interval(converted, entered)
        steps.append(
            FunnelStep(
                basis,
                r["from_stage"],
                r["to_stage"],
                {d: r[d] for d in dims},
                entered,
                converted,
                rate,
                low,
                high,
                int(r["skipped"] or 0),
                _int(r.get("lost")),
                _int(r.get("skipped_ahead")),
                _int(r.get("open")),
                _int(r.get("out_of_order")),
                _int(r.get("immature")),
                _float(r.get("median_days")),
                _float(r.get("p25_days")),
                _float(r.get("p75_days")),
                entered < SMALL_SAMPLE,
            )
        )
    order = {s: i for i, s in enumerate(stages)}
    steps.sort(key=lambda s: (tuple((v is None, str(v)) for v in s.dimensions.values()), order[s.from_stage]))
    counts = _stage_counts(engine, stages, entity, start, end)
    return FunnelResult(
        basis, entity, period.label(lang), within.total_seconds() / 86400 if within else None, dims, steps, counts
    )


def _int(value) -> int | None:
    return None if value is None else int(value)


def _float(value) -> float | None:
    return None if value is None else float(value)


def _stage_counts(engine: Engine, stages, entity, start, end) -> list[dict[str, object]]:
    template = parse(
        """SELECT stage, COUNT(*) AS entries, COUNT(DISTINCT entity_id) AS entities FROM stage_history
           WHERE entity = :entity AND entered_at >= :start AND entered_at < :end GROUP BY stage""",
    )
    query = exp.replace_placeholders(template, entity=exp.convert(entity), start=sql_timestamp(start), end=sql_timestamp(end))
    found = {s: (e, n) for s, e, n in engine.run(query)}
    return [{"stage": s, "entries": found.get(s, (0, 0))[0], "entities": found.get(s, (0, 0))[1]} for s in stages]


# The cohort basis in four steps, one statement:
#   entities  one row per entity: its first recorded entry into each model stage (t0, t1, ...)
#             and its dimensions (one value per entity: stage_history joins one contact or deal);
#   members   one row per entity and step A -> B (`side_by_side`): the recorded entry
#             into A and into B, and the first entry into B or any later stage (`beyond`);
#   cohort    the members that reached A in the period (at the recorded entry, else at `beyond`),
#             whether they converted and whether they have a lost deal;
#   the summary per step and dimensions.
_ENTITIES = """
SELECT stage_history.entity_id
FROM stage_history
WHERE stage_history.entity = :entity AND :known_stage
GROUP BY stage_history.entity_id
"""

_COHORT = """
SELECT *, beyond IS NOT NULL AND :window AS converted, :lost AS lost, :days AS days
FROM (SELECT *, COALESCE(recorded_a, beyond) AS reached_a FROM members) AS m
WHERE reached_a >= :start AND reached_a < :end
"""

_SUMMARY = """
SELECT position, COUNT(*) AS entered, COUNT(*) FILTER (WHERE converted) AS converted,
       COUNT(*) FILTER (WHERE recorded_a IS NULL) AS skipped,
       COUNT(*) FILTER (WHERE converted AND recorded_b IS NULL) AS skipped_ahead,
       COUNT(*) FILTER (WHERE converted AND beyond < reached_a) AS out_of_order,
       COUNT(*) FILTER (WHERE NOT converted AND lost) AS lost,
       COUNT(*) FILTER (WHERE NOT converted AND NOT lost) AS open,
       COUNT(*) FILTER (WHERE NOT converted AND :unripe) AS immature,
       QUANTILE_CONT(days, 0.5) FILTER (WHERE :measured) AS median_days,
       QUANTILE_CONT(days, 0.25) FILTER (WHERE :measured) AS p25_days,
       QUANTILE_CONT(days, 0.75) FILTER (WHERE :measured) AS p75_days
FROM cohort
"""

# A converter is measured when it has a recorded entry into A, in time order with B or beyond.
_MEASURED = "converted AND recorded_a IS NOT NULL AND beyond >= reached_a"


def _template(sql: str, **values: exp.Expression) -> exp.Expression:
    return fill(sql, **values)


def _cohort_sql(stages, entity, start, end, within, dims, columns) -> exp.Expression:
    """One row per (step position, dimensions): the cohort of entities that reached A in the period."""
    dim_exprs, needed = _dimension_select(columns, dims)
    stage = exp.column("stage", table="stage_history")
    entities = _template(_ENTITIES, entity=exp.convert(entity), known_stage=stage.isin(*stages))
    for i, name in enumerate(stages):
        first = _template("MIN(stage_history.entered_at) FILTER (WHERE stage_history.stage = :stage)", stage=exp.convert(name))
        entities = entities.select(first.as_(f"t{i}"), copy=False)
    for expression in dim_exprs:
        entities = entities.select(exp.func("MIN", expression.this.copy()).as_(expression.alias, quoted=True), copy=False)
    for rel in joins_for("stage_history", needed):
        entities = entities.join(exp.to_table(rel.table), on=rel.on.copy(), join_type="LEFT", copy=False)
    # beyond(i): the first entry into stage i + 1 or any later one (LEAST skips NULLs).
    steps = range(len(stages) - 1)
    beyond: list[exp.Expression] = [exp.column(f"t{len(stages) - 1}")]
    for i in reversed(steps[:-1]):
        beyond.insert(0, exp.func("LEAST", exp.column(f"t{i + 1}"), beyond[0].copy()))
    members = side_by_side(
        "entities",
        [exp.column("entity_id"), *(exp.column(d, quoted=True) for d in dims)],
        {
            "recorded_a": [exp.column(f"t{i}") for i in steps],
            "recorded_b": [exp.column(f"t{i + 1}") for i in steps],
            "beyond": beyond,
        },
    )
    us = None if within is None else exp.convert(int(within.total_seconds() * 1_000_000))
    # In whole microseconds, as every engine counts them (Spark has no INTERVAL (n) MICROSECOND).
    window = exp.true() if us is None else exp.LTE(this=microseconds_between(exp.column("beyond"), exp.column("reached_a")), expression=us)
    days = days_between(exp.column("beyond"), exp.column("reached_a"))
    cohort = _template(_COHORT, window=window, lost=_lost(entity), days=days, start=sql_timestamp(start), end=sql_timestamp(end))
    # Immature: the window reaches past the latest entry of the entity kind (the end of the data).
    latest = _template("(SELECT MAX(entered_at) FROM stage_history WHERE entity = :entity)", entity=exp.convert(entity))
    unripe = exp.false() if us is None else exp.LT(this=microseconds_between(latest, exp.column("reached_a")), expression=us.copy())
    group = [exp.column("position"), *[exp.column(d, quoted=True) for d in dims]]
    summary = _template(_SUMMARY, unripe=unripe, measured=_template(_MEASURED))
    summary = exp.select(*[g.copy() for g in group[1:]], *summary.expressions).from_("cohort")
    summary = summary.group_by(*group, copy=False)
    for name, cte in (("entities", entities), ("members", members), ("cohort", cohort)):
        summary = summary.with_(name, as_=cte, copy=False)
    return summary


def _lost(entity: str) -> exp.Expression:
    """Whether a cohort member has a lost deal (a contact through deals.contact_id, a deal itself)."""
    key = {"contact": "contact_id", "deal": "deal_id"}.get(entity)
    if key is None:
        return exp.false()
    return _template(f"EXISTS (SELECT 1 FROM deals AS d WHERE d.{key} = m.entity_id AND d.outcome = 'lost')")


def _period_sql(stages, entity, start, end, dims, columns) -> exp.Expression:
    """Entries into each stage in the period; rate B / A on entries, as the KPI tree counts them."""
    dim_exprs, needed = _dimension_select(columns, dims)
    entries = parse(
        """SELECT stage_history.stage, stage_history.entity_id,
                  NOT EXISTS (SELECT 1 FROM stage_history AS a JOIN pairs AS p ON a.stage = p.from_stage
                              WHERE p.to_stage = stage_history.stage AND a.entity = :entity AND a.entity_id = stage_history.entity_id) AS no_predecessor
           FROM stage_history
           WHERE stage_history.entity = :entity AND stage_history.entered_at >= :start AND stage_history.entered_at < :end""",
    )
    entries = exp.replace_placeholders(entries, entity=exp.convert(entity), start=sql_timestamp(start), end=sql_timestamp(end))
    for expression in dim_exprs:
        entries = entries.select(expression)
    for rel in joins_for("stage_history", needed):
        entries = entries.join(exp.to_table(rel.table), on=rel.on, join_type="LEFT")
    dcols = [exp.column(d, table="a", quoted=True) for d in dims]
    entered = (
        exp.select(
            exp.column("from_stage", table="pairs"),
            exp.column("to_stage", table="pairs"),
            *dcols,
            exp.func("COUNT", exp.Star()).as_("entered"),
        )
        .from_("pairs")
        .join(
            exp.to_table("entries").as_("a"),
            on=exp.EQ(this=exp.column("stage", table="a"), expression=exp.column("from_stage", table="pairs")),
        )
        .group_by(exp.column("from_stage", table="pairs"), exp.column("to_stage", table="pairs"), *[c.copy() for c in dcols])
    )
    bcols = [exp.column(d, table="b", quoted=True) for d in dims]
    skipped = exp.Filter(
        this=exp.func("COUNT", exp.Distinct(expressions=[exp.column("entity_id", table="b")])),
        expression=exp.Where(this=exp.column("no_predecessor", table="b")),
    )
    converted = (
        exp.select(
            exp.column("to_stage", table="pairs"), *bcols, exp.func("COUNT", exp.Star()).as_("converted"), skipped.as_("skipped")
        )
        .from_("pairs")
        .join(
            exp.to_table("entries").as_("b"),
            on=exp.EQ(this=exp.column("stage", table="b"), expression=exp.column("to_stage", table="pairs")),
        )
        .group_by(exp.column("to_stage", table="pairs"), *[c.copy() for c in bcols])
    )
    join_on = exp.and_(
        exp.EQ(this=exp.column("to_stage", table="e"), expression=exp.column("to_stage", table="c")),
        *[
            exp.NullSafeEQ(this=exp.column(d, table="e", quoted=True), expression=exp.column(d, table="c", quoted=True))
            for d in dims
        ],
    )
    final = (
        exp.select(
            exp.func("COALESCE", exp.column("from_stage", table="e"), exp.column("from_stage", table="p2")).as_("from_stage"),
            exp.func("COALESCE", exp.column("to_stage", table="e"), exp.column("to_stage", table="c")).as_("to_stage"),
            *[
                exp.func("COALESCE", exp.column(d, table="e", quoted=True), exp.column(d, table="c", quoted=True)).as_(
                    d, quoted=True
                )
                for d in dims
            ],
            exp.func("COALESCE", exp.column("entered", table="e"), exp.convert(0)).as_("entered"),
            exp.func("COALESCE", exp.column("converted", table="c"), exp.convert(0)).as_("converted"),
            exp.func("COALESCE", exp.column("skipped", table="c"), exp.convert(0)).as_("skipped"),
        )
        .from_(entered.subquery("e"))
        .join(converted.subquery("c"), on=join_on, join_type="FULL")
        .join(
            exp.to_table("pairs").as_("p2"),
            on=exp.EQ(this=exp.column("to_stage", table="p2"), expression=exp.column("to_stage", table="c")),
            join_type="LEFT",
        )
    )
    final = final.with_("pairs", as_=exp.select("*").from_(_pairs_values(stages))).with_("entries", as_=entries)
    return final
