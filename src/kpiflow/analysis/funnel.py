"""`kpiflow funnel`: the CRM-stage funnel on two explicit bases.

- **period**: entries into each stage within the period (every entry counts, as the metrics
  and the KPI tree count them); the rate from A to B is entries(B) / entries(A). This is the
  basis on which the tree is exact, but B's entries need not come from A's.
- **cohort**: entities whose first entry into A falls in the period, and how many of them
  reached B afterwards (optionally within a window). Members whose window has not yet elapsed
  at the end of the data are counted as `immature`. Those that did not reach B are split into
  `lost` (a lost deal and no B), `skipped_ahead` (reached a later stage without B) and `open`.

Both bases report `skipped`: entities that entered B in the period without ever entering A.
Times between stages (cohort converters) are given as median and quartiles in days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass

import duckdb
import sqlglot
from sqlglot import exp

from kpiflow.analysis.frames import records_frame
from kpiflow.engine.duck import timestamp as sql_timestamp
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
class FunnelResult:
    basis: str
    entity: str
    period: str
    within_days: float | None
    dimensions: list[str]
    steps: list[FunnelStep]
    stage_counts: list[dict[str, object]]

    def to_dict(self) -> list[dict[str, object]]:
        return [s.to_dict() | {"period": self.period} for s in self.steps]

    def to_frame(self):
        """A pandas DataFrame of the steps (pandas is optional)."""
        return records_frame(self.to_dict())

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
    con: duckdb.DuckDBPyConnection,
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
    cursor = con.execute(query.sql("duckdb"))
    header = [d[0] for d in cursor.description]
    steps = []
    for row in cursor.fetchall():
        r = dict(zip(header, row, strict=True))
        entered, converted = int(r["entered"] or 0), int(r["converted"] or 0)
        rate = converted / entered if entered else None
        low = high = None
        if entered and converted <= entered:
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
                _int(r.get("immature")),
                _float(r.get("median_days")),
                _float(r.get("p25_days")),
                _float(r.get("p75_days")),
                entered < SMALL_SAMPLE,
            )
        )
    order = {s: i for i, s in enumerate(stages)}
    steps.sort(key=lambda s: (tuple((v is None, str(v)) for v in s.dimensions.values()), order[s.from_stage]))
    counts = _stage_counts(con, stages, entity, start, end)
    return FunnelResult(
        basis, entity, period.label(lang), within.total_seconds() / 86400 if within else None, dims, steps, counts
    )


def _int(value) -> int | None:
    return None if value is None else int(value)


def _float(value) -> float | None:
    return None if value is None else float(value)


def _stage_counts(con, stages, entity, start, end) -> list[dict[str, object]]:
    template = sqlglot.parse_one(
        """SELECT stage, COUNT(*) AS entries, COUNT(DISTINCT entity_id) AS entities FROM stage_history
           WHERE entity = :entity AND entered_at >= :start AND entered_at < :end GROUP BY stage""",
        read="duckdb",
    )
    query = exp.replace_placeholders(template, entity=exp.convert(entity), start=sql_timestamp(start), end=sql_timestamp(end))
    found = {s: (e, n) for s, e, n in con.execute(query.sql("duckdb")).fetchall()}
    return [{"stage": s, "entries": found.get(s, (0, 0))[0], "entities": found.get(s, (0, 0))[1]} for s in stages]


def _firsts(entity: str) -> exp.Expression:
    template = sqlglot.parse_one(
        "SELECT entity, entity_id, stage, MIN(entered_at) AS entered_at FROM stage_history WHERE entity = :entity GROUP BY ALL",
        read="duckdb",
    )
    return exp.replace_placeholders(template, entity=exp.convert(entity))


def _cohort_sql(stages, entity, start, end, within, dims, columns) -> exp.Expression:
    """One row per (pair, dimensions): cohort of first entries into A in the period."""
    dim_exprs, needed = _dimension_select(columns, dims)
    window = (
        exp.true()
        if within is None
        else sqlglot.parse_one("b.entered_at <= stage_history.entered_at + TO_MICROSECONDS(:us)", read="duckdb")
    )
    if within is not None:
        window = exp.replace_placeholders(window, us=exp.convert(int(within.total_seconds() * 1_000_000)))
    positions = exp.Case(this=exp.column("stage", table="c"))
    for i, s in enumerate(stages):
        positions = positions.when(exp.convert(s), exp.convert(i))
    lost = exp.false()
    if entity == "contact":
        lost = sqlglot.parse_one(
            "EXISTS (SELECT 1 FROM deals AS d WHERE d.contact_id = stage_history.entity_id AND d.outcome = 'lost')", read="duckdb"
        )
    elif entity == "deal":
        lost = sqlglot.parse_one(
            "EXISTS (SELECT 1 FROM deals AS d WHERE d.deal_id = stage_history.entity_id AND d.outcome = 'lost')", read="duckdb"
        )
    members = sqlglot.parse_one(
        """SELECT pairs.from_stage, pairs.to_stage, pairs.position, stage_history.entity_id, stage_history.entered_at AS ta,
                  b.entered_at AS tb,
                  EXISTS (SELECT 1 FROM firsts AS c WHERE c.entity_id = stage_history.entity_id AND :position > pairs.position + 1
                          AND c.entered_at >= stage_history.entered_at) AS ahead,
                  :lost AS lost
           FROM firsts AS stage_history
           JOIN pairs ON stage_history.stage = pairs.from_stage
           LEFT JOIN firsts AS b ON b.entity_id = stage_history.entity_id AND b.stage = pairs.to_stage
                AND b.entered_at >= stage_history.entered_at AND :window
           WHERE stage_history.entered_at >= :start AND stage_history.entered_at < :end""",
        read="duckdb",
    )
    members = exp.replace_placeholders(
        members, position=positions, lost=lost, window=window, start=sql_timestamp(start), end=sql_timestamp(end)
    )
    for expression in dim_exprs:
        members = members.select(expression)
    for rel in joins_for("stage_history", needed):
        members = members.join(exp.to_table(rel.table), on=rel.on, join_type="LEFT")
    latest = sqlglot.parse_one("(SELECT MAX(entered_at) FROM stage_history WHERE entity = :entity)", read="duckdb")
    latest = exp.replace_placeholders(latest, entity=exp.convert(entity))
    immature = (
        exp.false()
        if within is None
        else exp.replace_placeholders(
            sqlglot.parse_one("tb IS NULL AND ta + TO_MICROSECONDS(:us) > :latest", read="duckdb"),
            us=exp.convert(int(within.total_seconds() * 1_000_000)),
            latest=latest,
        )
    )
    group = [exp.column("from_stage"), exp.column("to_stage"), *[exp.column(d, quoted=True) for d in dims]]
    summary = sqlglot.parse_one(
        """SELECT COUNT(*) AS entered, COUNT(tb) AS converted,
                  COUNT(*) FILTER (WHERE tb IS NULL AND lost) AS lost,
                  COUNT(*) FILTER (WHERE tb IS NULL AND NOT lost AND ahead) AS skipped_ahead,
                  COUNT(*) FILTER (WHERE tb IS NULL AND NOT lost AND NOT ahead) AS open,
                  COUNT(*) FILTER (WHERE :immature) AS immature,
                  QUANTILE_CONT(EPOCH(tb - ta) / 86400.0, 0.5) AS median_days,
                  QUANTILE_CONT(EPOCH(tb - ta) / 86400.0, 0.25) AS p25_days,
                  QUANTILE_CONT(EPOCH(tb - ta) / 86400.0, 0.75) AS p75_days
           FROM members""",
        read="duckdb",
    )
    summary = exp.replace_placeholders(summary, immature=immature)
    summary = exp.select(*group, *summary.expressions).from_("members").group_by(*[g.copy() for g in group])
    skipped = _skipped_sql(entity, start, end, dims, needed, dim_exprs)
    final = (
        exp.select(
            exp.column(exp.Star(), table="s"), exp.func("COALESCE", exp.column("n", table="sk"), exp.convert(0)).as_("skipped")
        )
        .from_(summary.subquery("s"))
        .join(
            skipped.subquery("sk"),
            on=exp.and_(
                exp.EQ(this=exp.column("to_stage", table="sk"), expression=exp.column("to_stage", table="s")),
                *[
                    exp.NullSafeEQ(this=exp.column(d, table="sk", quoted=True), expression=exp.column(d, table="s", quoted=True))
                    for d in dims
                ],
            ),
            join_type="LEFT",
        )
    )
    final = final.with_("firsts", as_=_firsts(entity)).with_("pairs", as_=exp.select("*").from_(_pairs_values(stages)))
    final = final.with_("members", as_=members)
    return final


def _skipped_sql(entity, start, end, dims, needed, dim_exprs) -> exp.Select:
    """Entities entering B in the period that never entered A (A = B's predecessor)."""
    query = sqlglot.parse_one(
        """SELECT pairs.to_stage, COUNT(DISTINCT stage_history.entity_id) AS n
           FROM firsts AS stage_history JOIN pairs ON stage_history.stage = pairs.to_stage
           WHERE stage_history.entered_at >= :start AND stage_history.entered_at < :end
             AND NOT EXISTS (SELECT 1 FROM firsts AS a WHERE a.entity_id = stage_history.entity_id AND a.stage = pairs.from_stage)""",
        read="duckdb",
    )
    query = exp.replace_placeholders(query, start=sql_timestamp(start), end=sql_timestamp(end))
    for expression in dim_exprs:
        query = query.select(expression.copy())
    for rel in joins_for("stage_history", needed):
        query = query.join(exp.to_table(rel.table), on=rel.on, join_type="LEFT")
    return query.group_by(exp.column("to_stage", table="pairs"), *[e.this.copy() for e in dim_exprs])


def _period_sql(stages, entity, start, end, dims, columns) -> exp.Expression:
    """Entries into each stage in the period; rate B / A on entries, as the KPI tree counts them."""
    dim_exprs, needed = _dimension_select(columns, dims)
    entries = sqlglot.parse_one(
        """SELECT stage_history.stage, stage_history.entity_id,
                  NOT EXISTS (SELECT 1 FROM stage_history AS a JOIN pairs AS p ON a.stage = p.from_stage
                              WHERE p.to_stage = stage_history.stage AND a.entity = :entity AND a.entity_id = stage_history.entity_id) AS no_predecessor
           FROM stage_history
           WHERE stage_history.entity = :entity AND stage_history.entered_at >= :start AND stage_history.entered_at < :end""",
        read="duckdb",
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
