"""`kpiflow trust` (issue 22): rows entered to make numbers look good, who entered them, and how
much each KPI moves without them.

Every detector is a condition on one table (SQLGlot, run by the engine): the rows it holds are
the finding's rows. A finding names its table, the owner where one applies, how many rows, the
share expected where it was tested, and the KPIs those rows move: each KPI touched is computed
again through the metrics' own SQL (`kpiflow.engine.metric_sql.metric_aggregates`) with the rows
excluded.

- period_end_burst: per owner, the share of won deals (their close) and of deal stage entries
  dated on the last `days` business days of a month, quarter or fiscal year, against the share
  of business days that are such days (Japanese holidays, `kpiflow.model.business_days`): a
  one-sided binomial test, BH q-values over every owner and both sources; q <= 0.05 is a finding.
- round_amount: per owner, deals whose amount is a multiple of 1,000,000 against the share among
  every owner's deals (binomial, BH).
- back_dated (a deal closed before it was created; a stage entered before its contact or deal
  was created), future (a time more than a day after now), stage_order (a stage entered before
  an earlier stage of the same path was), stage_skip (a stage entered without the stage before it;
  the `transitions` table is the matrix of observed moves), bulk (20 or more stage entries at one
  instant), missing (a required column, or a column a KPI reads, empty where the KPI counts the
  row), invalid (outside the contract's vocabulary or the model's stages; negative where it
  cannot be), duplicate (a key twice; a contact with the e-mail of an earlier one), orphan (a
  reference to no row).
- Trust score: of a table, the share of its rows in the period behind no finding; of a KPI,
  1 - |value - value without every finding's rows| / |value| (0 when that passes 1).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlglot import exp

from kpiflow.analysis.metrics import closure, evaluate_cells
from kpiflow.analysis.result import Column, Table, Tabular, columns
from kpiflow.engine.base import fill, timestamp
from kpiflow.engine.metric_sql import metric_aggregates
from kpiflow.errors import KpiflowError
from kpiflow.messages import say
from kpiflow.model.business_days import business_days
from kpiflow.model.schema import TABLES
from kpiflow.model.semantic import Resolver, dependencies, joins_for, parse_condition, source_of
from kpiflow.stats import benjamini_hochberg

ALPHA = 0.05
ROUND = 1_000_000  # a "round" amount: a multiple of a million yen
BULK = 20  # stage entries at one instant that make a bulk update
END_OF = ("month", "quarter", "fy")
KINDS = (
    "period_end_burst",
    "round_amount",
    "back_dated",
    "future",
    "stage_order",
    "stage_skip",
    "bulk",
    "missing",
    "invalid",
    "duplicate",
    "orphan",
)


class TrustError(KpiflowError, ValueError):
    """Options the trust analysis cannot work with."""


@dataclass(frozen=True)
class Finding:
    """Rows of one table that one detector holds: `condition` selects them (qualified by the
    table's name, so that it can be put into a metric's own query to exclude them)."""

    kind: str
    table: str
    condition: exp.Expression
    rows: int
    column: str | None = None
    owner: str | None = None
    share: float | None = None
    expected: float | None = None
    p_value: float | None = None
    q_value: float | None = None
    detail: str = ""
    kpis: tuple[str, ...] = field(default_factory=tuple)


def _col(name: str, table: str) -> exp.Column:
    return exp.column(name, table=table, quoted=True)


def _in_range(time: exp.Expression, start: dt.datetime, end: dt.datetime) -> exp.Expression:
    return exp.and_(exp.GTE(this=time, expression=timestamp(start)), exp.LT(this=time.copy(), expression=timestamp(end)))


UNCOUNTED = -1


def _counted(ws: Any, candidates: Sequence[Finding]) -> list[Finding]:
    """The candidates with their rows counted, those with none left out: one statement per table,
    a COUNT(*) FILTER per candidate (a statement each made trust send hundreds)."""
    counts: dict[int, int] = {}
    by_table: dict[str, list[int]] = {}
    for i, f in enumerate(candidates):
        if f.rows == UNCOUNTED:
            by_table.setdefault(f.table, []).append(i)
    for table, members in by_table.items():
        filtered = [
            exp.Filter(this=exp.func("count", exp.Star()), expression=exp.Where(this=candidates[i].condition.copy())).as_(f"n{k}")
            for k, i in enumerate(members)
        ]
        row = ws.engine.run(exp.select(*filtered, copy=False).from_(exp.to_table(table), copy=False)).one()
        counts |= {i: int(n or 0) for i, n in zip(members, row, strict=True)}
    out = []
    for i, f in enumerate(candidates):
        n = counts.get(i, f.rows)
        if n:
            out.append(f if n == f.rows else replace(f, rows=n))
    return out


# --- the business calendar -------------------------------------------------------------------


def period_end_days(start: dt.date, end: dt.date, end_of: str, days: int, fiscal_year_start: int) -> tuple[list[dt.date], int]:
    """The last `days` business days of every month, quarter or fiscal year ending between
    `start` and `end` (exclusive) that fall in that range, and the number of business days in it."""
    first = dt.date(start.year, start.month, 1)
    last_month = dt.date(end.year, end.month, 1) + dt.timedelta(days=32)
    by_month: dict[tuple[int, int], list[dt.date]] = {}
    for day in business_days(first, dt.date(last_month.year, last_month.month, 1)):
        by_month.setdefault((day.year, day.month), []).append(day)
    span = 1 if end_of == "month" else 3 if end_of == "quarter" else 12
    chosen: list[dt.date] = []
    for (_, month), listed in sorted(by_month.items()):
        # The month ends a fiscal quarter (or year) when it is the last of its block from the fiscal start.
        if (month - fiscal_year_start) % span == span - 1:
            chosen += listed[-days:]
    inside = [d for d in chosen if start <= d < end]
    return inside, len(business_days(start, end))


# --- detectors ---------------------------------------------------------------------------------


@dataclass
class _Scope:
    """What every detector needs: the workspace, the period's bounds and the model's stages."""

    ws: Any
    start: dt.datetime
    end: dt.datetime
    end_of: str
    days: int
    columns: Mapping[str, Sequence[str]]
    lang: str = "en"

    def has(self, table: str, column: str | None = None) -> bool:
        present = self.columns.get(table)
        return present is not None and (column is None or column in present)

    def within(self, table: str, column: str | None = None) -> exp.Expression:
        """Rows of `table` whose time (its own time column unless named) is in the period."""
        time = column or TABLES[table].time_column
        if time is None:
            return exp.true()
        return _in_range(_col(time, table), self.start, self.end)

    def finding(self, kind: str, table: str, condition: exp.Expression, time: str | None = None, **more: Any) -> Finding:
        """A candidate finding: the rows of `table` in the period that `condition` holds (counted
        later with every other candidate of its table, in one scan: `_counted`)."""
        scoped = exp.and_(self.within(table, time), exp.paren(condition))
        return Finding(kind, table, scoped, UNCOUNTED, **more)


def _owners_tested(
    scope: _Scope, source: str, table: str, subset: exp.Expression, owner: exp.Expression, hit: exp.Expression, time: str, expected: float | None
) -> list[dict[str, Any]]:
    """Per owner: rows of `subset` in the period, how many `hit`, and the one-sided binomial p
    against `expected` (None: the share among every owner's rows)."""
    from scipy.stats import binomtest  # noqa: PLC0415  (scipy loads only when trust runs)

    where = exp.and_(scope.within(table, time), subset.copy(), owner.copy().is_(exp.null()).not_())
    query = (
        exp.select(
            owner.copy().as_("owner"),
            exp.func("count", exp.Star()).as_("n"),
            exp.Filter(this=exp.func("count", exp.Star()), expression=exp.Where(this=hit.copy())).as_("x"),
        )
        .from_(exp.to_table(table))
        .where(where)
        .group_by(owner.copy())
        .order_by(exp.Ordered(this=exp.column("owner"), nulls_first=False))
    )
    rows = [(o, int(n), int(x)) for o, n, x in scope.ws.engine.run(query)]
    total_n, total_x = sum(n for _, n, _ in rows), sum(x for _, _, x in rows)
    pooled = total_x / total_n if total_n else 0.0
    out = []
    for o, n, x in rows:
        p0 = pooled if expected is None else expected
        p = float(binomtest(x, n, p0, alternative="greater").pvalue) if 0 < p0 < 1 else (0.0 if x and p0 == 0 else 1.0)
        out.append({"source": source, "owner": o, "rows": n, "hits": x, "share": x / n, "expected": p0, "p_value": p})
    return out


def _period_end(scope: _Scope) -> tuple[list[Finding], list[dict[str, Any]]]:
    if not scope.has("deals", "owner"):
        return [], []
    fys = scope.ws.model.fiscal_year_start
    days, n_business = period_end_days(scope.start.date(), scope.end.date(), scope.end_of, scope.days, fys)
    if not n_business:
        return [], []
    expected = len(days) / n_business
    # A day as the number yyyymmdd: three years of month ends as DATE literals made statements of
    # tens of kilobytes, repeated in every query that leaves a finding's rows out
    numbers = [d.year * 10000 + d.month * 100 + d.day for d in days] or [0]

    def on_day(time: exp.Expression) -> exp.Expression:
        part = {unit: exp.Extract(this=exp.var(unit), expression=time.copy()) for unit in ("YEAR", "MONTH", "DAY")}
        number = exp.Add(
            this=exp.Add(this=exp.Mul(this=part["YEAR"], expression=exp.Literal.number(10000)), expression=exp.Mul(this=part["MONTH"], expression=exp.Literal.number(100))),
            expression=part["DAY"],
        )
        return exp.In(this=exp.paren(number), expressions=[exp.Literal.number(n) for n in numbers])

    sources = [
        ("won", "deals", fill("deals.outcome = 'won' AND deals.closed_at IS NOT NULL"), _col("owner", "deals"), "closed_at"),
    ]
    if scope.has("stage_history"):
        owner = exp.Subquery(this=fill("SELECT d.owner FROM deals AS d WHERE d.deal_id = stage_history.entity_id"))
        sources.append(("stage_entries", "stage_history", fill("stage_history.entity = 'deal'"), owner, "entered_at"))
    tested = []
    for name, table, subset, owner, time in sources:
        hit = on_day(_col(time, table))
        owner_expr = owner if table == "deals" else exp.func("COALESCE", owner, exp.null())
        tested += [
            r | {"table": table, "_subset": subset, "_hit": hit, "_time": time}
            for r in _owners_tested(scope, name, table, subset, owner_expr, hit, time, expected)
        ]
    q_values = benjamini_hochberg([r["p_value"] for r in tested]) if tested else []
    findings = []
    for r, q in zip(tested, q_values, strict=True):
        r["q_value"] = q
        r["flagged"] = q <= ALPHA and r["share"] > r["expected"]
        if not r["flagged"]:
            continue
        if r["table"] == "deals":
            mine = exp.EQ(this=_col("owner", "deals"), expression=exp.convert(r["owner"]))
        else:
            mine = fill("stage_history.entity_id IN (SELECT d.deal_id FROM deals AS d WHERE d.owner = :owner)", owner=r["owner"])
        condition = exp.and_(r["_subset"].copy(), mine, r["_hit"].copy())
        findings.append(scope.finding(
            "period_end_burst", r["table"], condition, r["_time"], owner=r["owner"], share=r["share"], expected=r["expected"],
            p_value=r["p_value"], q_value=q, column=r["_time"], detail=r["source"],
        ))
    owners = [{k: v for k, v in r.items() if not k.startswith("_")} for r in tested]
    return findings, owners


def _round_amounts(scope: _Scope) -> list[Finding]:
    if not scope.has("deals", "owner") or not scope.has("deals", "amount"):
        return []
    subset = fill("deals.amount > 0")
    hit = fill("CAST(deals.amount AS BIGINT) % :round = 0 AND deals.amount = CAST(deals.amount AS BIGINT)", round=ROUND)
    tested = _owners_tested(scope, "amounts", "deals", subset, _col("owner", "deals"), hit, "created_at", None)
    q_values = benjamini_hochberg([r["p_value"] for r in tested]) if tested else []
    findings = []
    for r, q in zip(tested, q_values, strict=True):
        if q <= ALPHA and r["share"] > r["expected"]:
            mine = exp.EQ(this=_col("owner", "deals"), expression=exp.convert(r["owner"]))
            findings.append(scope.finding(
                "round_amount", "deals", exp.and_(subset.copy(), hit.copy(), mine), owner=r["owner"], column="amount",
                share=r["share"], expected=r["expected"], p_value=r["p_value"], q_value=q,
            ))
    return findings


def _stage_position(scope: _Scope, alias: str) -> exp.Expression:
    """The stage's place in its entity's path (CASE on entity and stage), NULL for an unknown stage."""
    case = exp.Case()
    for entity in ("contact", "deal"):
        for i, stage in enumerate(scope.ws.model.stage_names(entity)):
            case = case.when(
                exp.and_(
                    exp.EQ(this=_col("entity", alias), expression=exp.convert(entity)),
                    exp.EQ(this=_col("stage", alias), expression=exp.convert(stage)),
                ),
                exp.convert(i),
            )
    return case


def _previous_stage(scope: _Scope, alias: str) -> exp.Expression:
    case = exp.Case()
    for entity in ("contact", "deal"):
        stages = scope.ws.model.stage_names(entity)
        for before, stage in itertools.pairwise(stages):
            case = case.when(
                exp.and_(
                    exp.EQ(this=_col("entity", alias), expression=exp.convert(entity)),
                    exp.EQ(this=_col("stage", alias), expression=exp.convert(stage)),
                ),
                exp.convert(before),
            )
    return case


def _process(scope: _Scope) -> list[Finding | None]:
    """Back-dated, future, out-of-order, skipped and bulk entries."""
    out: list[Finding | None] = []
    if scope.has("deals", "closed_at"):
        for owner in _owners_of(scope, "deals", fill("deals.closed_at < deals.created_at")):
            mine = _owner_is(owner)
            out.append(scope.finding("back_dated", "deals", exp.and_(fill("deals.closed_at < deals.created_at"), mine), column="closed_at", owner=owner))
    if scope.has("stage_history"):
        before = fill(
            "(stage_history.entity = 'deal' AND EXISTS (SELECT 1 FROM deals AS b WHERE b.deal_id = stage_history.entity_id "
            "AND b.created_at > stage_history.entered_at)) OR (stage_history.entity = 'contact' AND EXISTS (SELECT 1 FROM contacts AS b "
            "WHERE b.contact_id = stage_history.entity_id AND b.created_at > stage_history.entered_at))"
        )
        out.append(scope.finding("back_dated", "stage_history", before, column="entered_at"))
        earlier = exp.Exists(
            this=exp.select("1")
            .from_(exp.to_table("stage_history").as_("e"))
            .where(
                exp.and_(
                    exp.EQ(this=_col("entity", "e"), expression=_col("entity", "stage_history")),
                    exp.EQ(this=_col("entity_id", "e"), expression=_col("entity_id", "stage_history")),
                    exp.LT(this=_stage_position(scope, "e"), expression=_stage_position(scope, "stage_history")),
                    exp.GT(this=_col("entered_at", "e"), expression=_col("entered_at", "stage_history")),
                )
            )
        )
        out.append(scope.finding("stage_order", "stage_history", earlier, column="entered_at"))
        previous = _previous_stage(scope, "stage_history")
        skipped = exp.and_(
            previous.is_(exp.null()).not_(),
            exp.Exists(
                this=exp.select("1")
                .from_(exp.to_table("stage_history").as_("e"))
                .where(
                    exp.and_(
                        exp.EQ(this=_col("entity", "e"), expression=_col("entity", "stage_history")),
                        exp.EQ(this=_col("entity_id", "e"), expression=_col("entity_id", "stage_history")),
                        exp.EQ(this=_col("stage", "e"), expression=previous.copy()),
                    )
                )
            ).not_(),
        )
        out.append(scope.finding("stage_skip", "stage_history", skipped, column="stage"))
        crowded = fill(
            "stage_history.entered_at IN (SELECT s.entered_at FROM stage_history AS s GROUP BY s.entered_at HAVING COUNT(*) >= :bulk)",
            bulk=BULK,
        )
        out.append(scope.finding("bulk", "stage_history", crowded, column="entered_at"))
    now = dt.datetime.now().replace(microsecond=0) + dt.timedelta(days=1)
    for table in TABLES.values():
        if table.time_column and scope.has(table.name, table.time_column):
            later = exp.GT(this=exp.cast(_col(table.time_column, table.name), "TIMESTAMP"), expression=timestamp(now))
            # The period's bounds would hide a time after it: a future row is found whatever the period.
            out.append(Finding("future", table.name, later, UNCOUNTED, column=table.time_column))
    return out


def _owners_of(scope: _Scope, table: str, condition: exp.Expression) -> list[str | None]:
    owner = _col("owner", table)
    query = (
        exp.select(owner.copy().as_("owner"))
        .distinct()
        .from_(exp.to_table(table))
        .where(exp.and_(scope.within(table), condition.copy()))
        .order_by(exp.Ordered(this=exp.column("owner"), nulls_first=False))
    )
    return [r[0] for r in scope.ws.engine.run(query)]


def _owner_is(owner: str | None) -> exp.Expression:
    column = _col("owner", "deals")
    return column.is_(exp.null()) if owner is None else exp.EQ(this=column, expression=exp.convert(owner))


def _quality(scope: _Scope) -> list[Finding | None]:
    """Missing and invalid values by column, duplicates and orphans."""
    model = scope.ws.model
    out: list[Finding | None] = []
    for table in TABLES.values():
        if not scope.has(table.name):
            continue
        present = set(scope.columns[table.name])
        # A column a KPI reads is missing where the KPI would count the row.
        needs: dict[str, list[exp.Expression | None]] = {c: [None] for c in table.required if c in present}
        for name, metric in model.metrics.items():
            source = source_of(name, metric)
            if source is None or source.table != table.name:
                continue
            where = None
            if metric.where:
                try:
                    where, joined = Resolver(table.name, scope.columns).qualify(parse_condition(metric.where))
                except KpiflowError:
                    continue
                if joined:
                    continue  # a condition on another table: the row's emptiness is not this table's
            for column in (source.time, source.column):
                if column and column in present and column not in table.required:
                    needs.setdefault(column, []).append(where)
        for column, wheres in needs.items():
            empty = _col(column, table.name).is_(exp.null())
            where = None if any(w is None for w in wheres) else exp.or_(*[exp.paren(w.copy()) for w in wheres])
            condition = empty if where is None else exp.and_(empty, exp.paren(where))
            out.append(scope.finding("missing", table.name, condition, column=column))
        for c in table.columns:
            if c.name not in present:
                continue
            if c.allowed and c.closed:
                outside = exp.In(this=_col(c.name, table.name), expressions=[exp.convert(a) for a in c.allowed]).not_()
                out.append(scope.finding("invalid", table.name, exp.and_(_col(c.name, table.name).is_(exp.null()).not_(), outside), column=c.name))
            if c.non_negative:
                out.append(scope.finding("invalid", table.name, exp.LT(this=_col(c.name, table.name), expression=exp.convert(0)), column=c.name))
        if table.name == "stage_history" and {"entity", "stage"} <= present:
            unknown = exp.and_(
                _col("entity", "stage_history").is_(exp.null()).not_(), _stage_position(scope, "stage_history").is_(exp.null())
            )
            out.append(scope.finding("invalid", "stage_history", unknown, column="stage"))
        if table.key and set(table.key) <= present:
            same = exp.and_(*[exp.EQ(this=_col(k, "dup"), expression=_col(k, table.name)) for k in table.key])
            twice = exp.GT(
                this=exp.Subquery(this=exp.select(exp.func("count", exp.Star())).from_(exp.to_table(table.name).as_("dup")).where(same)),
                expression=exp.convert(1),
            )
            out.append(scope.finding("duplicate", table.name, twice, column=", ".join(table.key)))
        for ref in table.references:
            if ref.column not in present or not scope.has(ref.table, ref.target_column):
                continue
            here = _col(ref.column, table.name)
            missing = exp.Exists(
                this=exp.select("1").from_(exp.to_table(ref.table).as_("t")).where(exp.EQ(this=_col(ref.target_column, "t"), expression=here.copy()))
            ).not_()
            condition = exp.and_(here.is_(exp.null()).not_(), missing)
            if ref.when:
                condition = exp.and_(exp.EQ(this=_col(ref.when[0], table.name), expression=exp.convert(ref.when[1])), condition)
            out.append(scope.finding("orphan", table.name, condition, column=ref.column, detail=f"{ref.table}.{ref.target_column}"))
    if scope.has("contacts", "email"):
        # A person registered twice: the later contact with an e-mail an earlier contact has.
        again = fill(
            "contacts.email IS NOT NULL AND EXISTS (SELECT 1 FROM contacts AS dup WHERE LOWER(dup.email) = LOWER(contacts.email) "
            "AND (dup.created_at < contacts.created_at OR (dup.created_at = contacts.created_at AND dup.contact_id < contacts.contact_id)))"
        )
        out.append(scope.finding("duplicate", "contacts", again, column="email"))
    return out


# --- what the rows move --------------------------------------------------------------------------


def _touched(model: Any, table: str) -> list[str]:
    """The KPIs a table's rows can move: its base metrics and the ratios and formulas built on them."""
    base = [n for n, m in model.metrics.items() if (s := source_of(n, m)) is not None and s.table == table]
    built = [n for n in model.metrics if n not in base and any(d in base for d in dependencies(model, n))]
    return base + built


def _base_values(scope: _Scope, names: Sequence[str], exclude: Mapping[str, exp.Expression]) -> dict[str, float]:
    """Every base metric among `names` in the period, each table's rows held by `exclude[table]` left out."""
    model = scope.ws.model
    groups: dict[tuple[str, str], list[str]] = {}
    for name in names:
        source = source_of(name, model.metrics[name])
        if source is not None and scope.has(source.table, source.time):
            groups.setdefault((source.table, source.time), []).append(name)
    values: dict[str, float] = {}
    for (table, time), group in groups.items():
        resolver = Resolver(table, scope.columns)
        aggregates, needed = metric_aggregates(model, group, resolver, table)
        where = _in_range(_col(time, table), scope.start, scope.end)
        if table in exclude:
            kept = exp.func("COALESCE", exp.paren(exclude[table].copy()), exp.false()).not_()
            where = exp.and_(where, kept, copy=False)
        # built in place (each builder call copies the whole statement by default): only the
        # exclusion and the joins' conditions, which other statements share, are copied
        query = exp.select(*aggregates, copy=False).from_(exp.to_table(table), copy=False)
        for rel in joins_for(table, needed):
            query = query.join(exp.to_table(rel.table), on=rel.on.copy(), join_type="LEFT", copy=False)
        row = scope.ws.engine.run(query.where(where, copy=False)).one()
        values |= {name: float(v or 0) for name, v in zip(group, row, strict=True)}
    return values


def _kpi_values(scope: _Scope, kpis: Sequence[str], exclude: Mapping[str, exp.Expression], cache: dict) -> dict[str, float | None]:
    model = scope.ws.model
    needed = closure(model, kpis)
    key = (tuple(needed), tuple(sorted((t, c.sql()) for t, c in exclude.items())))
    if key not in cache:
        cache[key] = _base_values(scope, needed, exclude)
    cell = cache[key]
    return evaluate_cells(model, kpis, [cell])[0]


def _label(model: Any, name: str, lang: str) -> str:
    """A metric's name as kpiflow.yaml words it."""
    label = model.metrics[name].label
    return label.text(lang, name) if label is not None else name


def _moved(before: float | None, after: float | None) -> bool:
    if before is None or after is None:
        return before is not after
    return abs(before - after) > 1e-9 * max(1.0, abs(before))


# --- the analysis ----------------------------------------------------------------------------------


FINDING_COLUMNS = columns(
    ("finding", "count"),
    ("kind", "label"),
    ("table", "label"),
    ("column", "text"),
    ("owner", "label"),
    ("rows", "count"),
    ("share", "percent"),
    ("expected", "percent"),
    ("p_value", "p_value"),
    ("q_value", "p_value"),
    Column("kpis", "text", {"ja": "動くKPI", "en": "KPIs moved"}),
    ("detail", "text"),
)


def _scope(ws: Any, period: str | None, end_of: str, days: int, lang: str) -> _Scope:
    if end_of not in END_OF:
        from kpiflow.errors import UnknownNameError  # noqa: PLC0415

        raise UnknownNameError.for_name("--end-of", end_of, END_OF)
    if not isinstance(days, int) or not 1 <= days <= 10:
        raise TrustError(say("trust.bad_days", lang, value=days))
    span = ws.resolve_period(period or "all", lang)
    start, end = span.sql_bounds()
    return _Scope(ws, start, end, end_of, days, ws.columns(), lang)


def detect(ws: Any, *, period: str | None = None, end_of: str = "month", days: int = 2, lang: str = "en") -> tuple[_Scope, list[Finding], list[dict[str, Any]]]:
    """Every finding of the period (their rows' conditions kept) and the owners tested for bursts."""
    scope = _scope(ws, period, end_of, days, lang)
    bursts, owners = _period_end(scope)
    candidates = [*bursts, *_round_amounts(scope), *(f for f in _process(scope) + _quality(scope) if f is not None)]
    return scope, _counted(ws, candidates), owners


def trust(ws: Any, *, period: str | None = None, end_of: str = "month", days: int = 2, lang: str | None = None) -> Tabular:
    """Findings, what they move, per-table and per-KPI trust, the owners tested and the stage moves."""
    lang = lang or ws.lang
    scope, found, owners = detect(ws, period=period, end_of=end_of, days=days, lang=lang)
    model = ws.model
    cache: dict = {}
    impacts: list[dict[str, Any]] = []
    records: list[dict[str, Any]] = []
    moved_kpis: dict[str, set[str]] = {}
    for i, f in enumerate(found, start=1):
        kpis = _touched(model, f.table)
        moved: list[str] = []
        if kpis:
            with_rows = _kpi_values(scope, kpis, {}, cache)
            without = _kpi_values(scope, kpis, {f.table: f.condition}, cache)
            for name in kpis:
                if _moved(with_rows[name], without[name]):
                    moved.append(name)
                    value, other = with_rows[name], without[name]
                    change = None if value is None or other is None else value - other
                    impacts.append(
                        {"finding": i, "kind": f.kind, "owner": f.owner, "metric": name, "label": _label(model, name, lang), "value": value,
                         "value_without": other, "part": change}
                    )
        moved_kpis.setdefault(f.table, set()).update(moved)
        records.append(
            {
                "finding": i, "kind": f.kind, "table": f.table, "column": f.column, "owner": f.owner, "rows": f.rows,
                "share": f.share, "expected": f.expected, "p_value": f.p_value, "q_value": f.q_value,
                "kpis": ", ".join(moved), "detail": f.detail,
            }
        )
    tables = _table_scores(scope, found)
    kpi_scores = _kpi_scores(scope, found, moved_kpis, records, cache)
    transitions = _transitions(scope)
    notes = [say("trust.no_close_history", lang)]
    params = {"period": ws.resolve_period(period or "all", lang).label("en"), "end_of": end_of, "days": days}
    return Tabular(
        "trust",
        params,
        (
            Table("findings", {"ja": "信頼性の指摘", "en": "Findings"}, FINDING_COLUMNS, tuple(records)),
            Table(
                "kpis",
                {"ja": "KPIごとの信頼度", "en": "Trust by KPI"},
                columns(("metric", "label"), ("value", "number"), ("value_without", "number"), ("trust", "percent"), ("findings", "count"), ("label", "text")),
                tuple(kpi_scores),
            ),
            Table(
                "tables",
                {"ja": "テーブルごとの信頼度", "en": "Trust by table"},
                columns(("table", "label"), ("rows", "count"), ("flagged", "count"), ("trust", "percent")),
                tuple(tables),
            ),
            Table(
                "impacts",
                {"ja": "指摘の行を除いたKPI", "en": "KPIs without each finding's rows"},
                columns(
                    ("finding", "count"), ("kind", "label"), ("owner", "label"), ("metric", "label"),
                    ("value", "number"), ("value_without", "number"), ("part", "number"), ("label", "text"),
                ),
                tuple(impacts),
            ),
            Table(
                "owners",
                {"ja": "期末集中の検定（担当者別）", "en": "Period-end share by owner"},
                columns(
                    ("source", "label"), ("table", "label"), ("owner", "label"), ("rows", "count"), ("hits", "count"),
                    ("share", "percent"), ("expected", "percent"), ("p_value", "p_value"), ("q_value", "p_value"), ("flagged", "flag"),
                ),
                tuple(owners),
            ),
            Table(
                "transitions",
                {"ja": "ステージ遷移の行列", "en": "Stage moves observed"},
                columns(("entity", "label"), ("from_stage", "label"), ("to_stage", "label"), ("moves", "count"), Column("skip", "flag")),
                tuple(transitions),
            ),
        ),
        tuple(notes),
    )


def _table_scores(scope: _Scope, found: Sequence[Finding]) -> list[dict[str, Any]]:
    out = []
    for table in TABLES:
        if not scope.has(table):
            continue
        mine = [f.condition for f in found if f.table == table]
        within = scope.within(table)
        flagged_when = exp.or_(*[exp.paren(c.copy()) for c in mine]) if mine else exp.false()
        # Rows in the period, and rows in it or not (a future row is outside every period) that a finding holds.
        query = exp.select(
            exp.Filter(this=exp.func("count", exp.Star()), expression=exp.Where(this=within)),
            exp.Filter(this=exp.func("count", exp.Star()), expression=exp.Where(this=exp.or_(exp.paren(within.copy()), exp.paren(flagged_when.copy())))),
            exp.Filter(this=exp.func("count", exp.Star()), expression=exp.Where(this=flagged_when)),
        ).from_(exp.to_table(table))
        _, rows, flagged = (int(v) for v in scope.ws.engine.run(query).one())
        if rows:
            out.append({"table": table, "rows": rows, "flagged": flagged, "trust": 1 - flagged / rows})
    return out


def _kpi_scores(
    scope: _Scope, found: Sequence[Finding], moved: Mapping[str, set[str]], records: Sequence[Mapping[str, Any]], cache: dict
) -> list[dict[str, Any]]:
    kpis = [n for n in scope.ws.model.metrics if any(n in names for names in moved.values())]
    if not kpis:
        return []
    exclude = {t: exp.or_(*[exp.paren(f.condition.copy()) for f in found if f.table == t]) for t in moved if moved[t]}
    with_rows = _kpi_values(scope, kpis, {}, cache)
    without = _kpi_values(scope, kpis, exclude, cache)
    out = []
    for name in kpis:
        value, other = with_rows[name], without[name]
        if value is None or other is None or value == 0:
            score = None
        else:
            score = max(0.0, 1 - abs(value - other) / abs(value))
        findings = sum(1 for r in records if name in r["kpis"].split(", "))
        out.append({"metric": name, "label": _label(scope.ws.model, name, scope.lang), "value": value, "value_without": other, "trust": score, "findings": findings})
    return out


def _transitions(scope: _Scope) -> list[dict[str, Any]]:
    if not scope.has("stage_history"):
        return []
    position = _stage_position(scope, "h")
    previous = exp.Window(
        this=exp.Lag(this=_col("stage", "h")),
        partition_by=[_col("entity", "h"), _col("entity_id", "h")],
        order=exp.Order(expressions=[exp.Ordered(this=_col("entered_at", "h")), exp.Ordered(this=position.copy()), exp.Ordered(this=_col("stage", "h"))]),
    )
    inner = (
        exp.select(_col("entity", "h").as_("entity"), previous.as_("from_stage"), _col("stage", "h").as_("to_stage"))
        .from_(exp.to_table("stage_history").as_("h"))
        .where(_in_range(_col("entered_at", "h"), scope.start, scope.end))
    )
    query = (
        exp.select(exp.column("entity"), exp.column("from_stage"), exp.column("to_stage"), exp.func("count", exp.Star()).as_("moves"))
        .from_(inner.subquery("m"))
        .group_by(exp.column("entity"), exp.column("from_stage"), exp.column("to_stage"))
    )
    model = scope.ws.model
    rows = []
    for entity, before, after, moves in scope.ws.engine.run(query):
        stages = model.stage_names(entity) if entity in ("contact", "deal") else []
        at = {s: i for i, s in enumerate(stages)}
        skip = before is not None and before in at and after in at and at[after] > at[before] + 1
        rows.append({"entity": entity, "from_stage": before or "-", "to_stage": after, "moves": int(moves), "skip": skip})
    order = {"contact": 0, "deal": 1}

    def place(r: dict[str, Any]) -> tuple:
        stages = model.stage_names(r["entity"]) if r["entity"] in order else []
        return (order.get(r["entity"], 2), r["entity"], stages.index(r["from_stage"]) if r["from_stage"] in stages else -1, r["from_stage"],
                stages.index(r["to_stage"]) if r["to_stage"] in stages else len(stages), r["to_stage"])

    return sorted(rows, key=place)


# --- the rows behind each finding ------------------------------------------------------------------


def finding_rows(ws: Any, *, period: str | None = None, end_of: str = "month", days: int = 2, lang: str = "en") -> list[tuple[Any, ...]]:
    """(finding, kind, table, owner, key, time) of every row behind every finding, for `--out`."""
    _, found, _ = detect(ws, period=period, end_of=end_of, days=days, lang=lang)
    out: list[tuple[Any, ...]] = []
    for i, f in enumerate(found, start=1):
        table = TABLES[f.table]
        key = [k for k in table.key] or [c.name for c in table.columns if c.required][:3]
        parts = [exp.cast(_col(k, f.table), "VARCHAR") for k in key]
        keyed = exp.func("CONCAT_WS", exp.Literal.string(" | "), *parts) if len(parts) > 1 else parts[0]
        time = _col(table.time_column, f.table) if table.time_column else exp.null()
        query = (
            exp.select(keyed.as_("key"), time.as_("at"))
            .from_(exp.to_table(f.table))
            .where(f.condition.copy())
            .order_by(exp.Ordered(this=exp.column("key"), nulls_first=True), exp.Ordered(this=exp.column("at"), nulls_first=True))
        )
        out += [(i, f.kind, f.table, f.owner, k, at) for k, at in ws.engine.run(query)]
    return out


ROW_HEADER = ("finding", "kind", "table", "owner", "key", "time")


def write_rows(path: str | Path, rows: Sequence[Sequence[Any]]) -> Path:
    """The rows as CSV (UTF-8 with a BOM, for Excel), written to a temporary file then moved into place."""
    import os  # noqa: PLC0415

    from kpiflow.io.export import write_csv  # noqa: PLC0415

    path = Path(path)
    temporary = path.with_name(f".{path.name}.tmp")
    write_csv(temporary, ROW_HEADER, rows)
    os.replace(temporary, path)
    return path
