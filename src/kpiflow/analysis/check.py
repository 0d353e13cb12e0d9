"""`kpiflow check`: what is in each table and whether it keeps the data contract.

Violations (the command exits non-zero): duplicate keys, empty required columns, orphans
(a reference to a row that does not exist) and values outside a closed vocabulary. Findings
that are suspicious but real (deals closed before they were created, stages out of order,
dates in the future, month-end bursts of stage updates) are warnings: reported, not failed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

from sqlglot import exp

from kpiflow.analysis.result import Described
from kpiflow.engine.base import Engine, fill
from kpiflow.messages import say
from kpiflow.model.config import ModelFile
from kpiflow.model.schema import TABLES, Table


@dataclass(frozen=True)
class Finding:
    table: str
    kind: str  # duplicate_key, required_null, orphan, not_allowed, unknown_value, ...
    column: str
    count: int
    detail: str = ""
    severity: str = "violation"  # violation | warning

    def describe(self, lang: str = "en") -> str:
        """What the finding means, in the user's language."""
        return say(f"finding.{self.kind}", lang, detail=self.detail)


@dataclass(frozen=True)
class TableSummary:
    table: str
    rows: int
    key: list[str]
    time_column: str | None
    first: str | None
    last: str | None
    required_nulls: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class CheckResult(Described):
    tables: list[TableSummary]
    findings: list[Finding]

    ANALYSIS = "check"
    MAIN = "tables"
    KINDS = {"first": "date", "last": "date"}

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "violation"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.violations

    def to_json_data(self) -> dict[str, object]:
        return {
            "ok": self.ok,
            "tables": [asdict(t) for t in self.tables],
            "violations": [asdict(f) for f in self.violations],
            "warnings": [asdict(f) for f in self.warnings],
        }


def _col(name: str, table: str | None = None) -> exp.Column:
    return exp.column(name, table=table, quoted=True)


def _one(engine: Engine, query: exp.Expression) -> tuple:
    return engine.run(query).one()


def _summary(engine: Engine, table: Table) -> tuple[TableSummary, list[Finding]]:
    name = table.name
    aggregates: list[exp.Expression] = [exp.func("count", exp.Star())]
    if table.time_column:
        t = _col(table.time_column)
        aggregates += [exp.func("min", t), exp.func("max", t)]
    # COUNT(*) FILTER: 0 on an empty table on every engine (DuckDB's COUNT_IF gives NULL there, Spark's 0).
    aggregates += [exp.Filter(this=exp.func("count", exp.Star()), expression=exp.Where(this=_col(c).is_(exp.null()))) for c in table.required]
    row = _one(engine, exp.select(*aggregates).from_(name))
    rows = row[0]
    first = last = None
    rest = list(row[1:])
    if table.time_column:
        first, last = (str(v) if v is not None else None for v in rest[:2])
        rest = rest[2:]
    nulls = dict(zip(table.required, rest, strict=True))
    findings = [Finding(name, "required_null", c, n) for c, n in nulls.items() if n]
    summary = TableSummary(name, rows, list(table.key), table.time_column, first, last, nulls)
    return summary, findings


def _duplicates(engine: Engine, table: Table) -> list[Finding]:
    if not table.key:
        return []
    keys = [_col(k) for k in table.key]
    inner = (
        exp.select(*keys)
        .from_(table.name)
        .group_by(*keys)
        .having(exp.GT(this=exp.func("count", exp.Star()), expression=exp.convert(1)))
    )
    n = _one(engine, exp.select(exp.func("count", exp.Star())).from_(inner.subquery("d")))[0]
    return [Finding(table.name, "duplicate_key", ", ".join(table.key), n)] if n else []


def _orphans(engine: Engine, table: Table) -> list[Finding]:
    findings = []
    for ref in table.references:
        here = _col(ref.column, "s")
        condition = exp.and_(
            here.is_(exp.null()).not_(),
            exp.Exists(
                this=exp.select("1")
                .from_(exp.to_table(ref.table).as_("t"))
                .where(exp.EQ(this=_col(ref.target_column, "t"), expression=here))
            ).not_(),
        )
        if ref.when:
            condition = exp.and_(exp.EQ(this=_col(ref.when[0], "s"), expression=exp.convert(ref.when[1])), condition)
        query = (
            exp.select(exp.func("count", exp.Star()), exp.func("min", here))
            .from_(exp.to_table(table.name).as_("s"))
            .where(condition)
        )
        n, example = _one(engine, query)
        if n:
            scope = f" ({ref.when[0]} = {ref.when[1]})" if ref.when else ""
            findings.append(
                Finding(table.name, "orphan", ref.column, n, f"not in {ref.table}.{ref.target_column}{scope}, e.g. {example}")
            )
    return findings


def _distinct_list(column: exp.Expression) -> exp.Expression:
    """The distinct values of `column` as one text, in sorted order (so every engine lists them alike).

    The aggregate skips NULLs, so where they would sort is moot: NULLS FIRST is the order that
    BigQuery can spell inside STRING_AGG (it refuses NULLS LAST there)."""
    ordered = exp.Order(this=exp.Distinct(expressions=[column]), expressions=[exp.Ordered(this=column.copy(), nulls_first=True)])
    return exp.GroupConcat(this=ordered, separator=exp.Literal.string(", "))


def _vocabulary(engine: Engine, table: Table, model: ModelFile) -> list[Finding]:
    findings = []
    for col in table.columns:
        allowed = list(col.allowed)
        if not allowed:
            continue
        c = _col(col.name)
        outside = exp.and_(c.is_(exp.null()).not_(), exp.In(this=c, expressions=[exp.convert(a) for a in allowed]).not_())
        query = (
            exp.select(
                exp.func("count", exp.Star()), _distinct_list(c)
            )
            .from_(table.name)
            .where(outside)
        )
        n, values = _one(engine, query)
        if n:
            severity = "violation" if col.closed else "warning"
            kind = "not_allowed" if col.closed else "unknown_value"
            findings.append(Finding(table.name, kind, col.name, n, str(values)[:200], severity))
    if table.name == "stage_history":
        for entity in ("contact", "deal"):
            stages = model.stage_names(entity)
            condition = exp.and_(
                exp.EQ(this=_col("entity"), expression=exp.convert(entity)),
                exp.In(this=_col("stage"), expressions=[exp.convert(s) for s in stages]).not_(),
            )
            n, values = _one(
                engine,
                exp.select(
                    exp.func("count", exp.Star()),
                    _distinct_list(_col("stage")),
                )
                .from_("stage_history")
                .where(condition),
            )
            if n:
                findings.append(Finding("stage_history", "not_allowed", "stage", n, f"{entity}: {values}"))
    return findings


def _suspicious(engine: Engine, model: ModelFile) -> list[Finding]:
    findings = []
    n = _one(
        engine,
        exp.select(exp.func("count", exp.Star()))
        .from_("deals")
        .where(exp.LT(this=_col("closed_at"), expression=_col("created_at"))),
    )[0]
    if n:
        findings.append(Finding("deals", "closed_before_created", "closed_at", n, severity="warning"))
    # A stage entered before an earlier stage of the same entity's path.
    for entity in ("contact", "deal"):
        stages = model.stage_names(entity)
        order = exp.Case(this=_col("stage"))
        for i, s in enumerate(stages):
            order = order.when(exp.convert(s), exp.convert(i))
        ranked = (
            exp.select(_col("entity_id"), order.as_("position"), _col("entered_at"))
            .from_("stage_history")
            .where(exp.EQ(this=_col("entity"), expression=exp.convert(entity)))
        )
        # For each entry: the latest entry time among earlier-positioned stages.
        pairs = (
            exp.select(exp.func("count", exp.Distinct(expressions=[_col("entity_id", "a")])))
            .from_(ranked.subquery("a"))
            .join(
                ranked.subquery("b"),
                on=exp.and_(
                    exp.EQ(this=_col("entity_id", "a"), expression=_col("entity_id", "b")),
                    exp.LT(this=_col("position", "b"), expression=_col("position", "a")),
                    exp.GT(this=_col("entered_at", "b"), expression=_col("entered_at", "a")),
                ),
            )
        )
        n = _one(engine, pairs)[0]
        if n:
            findings.append(
                Finding(
                    "stage_history",
                    "stage_order",
                    "entered_at",
                    n,
                    f"{entity}",
                    "warning",
                )
            )
    now = dt.datetime.now().isoformat(sep=" ")
    for table in TABLES.values():
        if table.time_column is None:
            continue
        c = exp.cast(_col(table.time_column), "TIMESTAMP")
        n = _one(
            engine,
            exp.select(exp.func("count", exp.Star()))
            .from_(table.name)
            .where(
                exp.GT(
                    this=c,
                    expression=exp.cast(exp.Literal.string(now), "TIMESTAMP")
                    + exp.Interval(this=exp.Literal.string("1"), unit=exp.var("DAY")),
                )
            ),
        )[0]
        if n:
            findings.append(Finding(table.name, "future", table.time_column, n, severity="warning"))
    findings += _month_end_bursts(engine)
    return findings


def _last_two_days(ts: exp.Expression) -> exp.Expression:
    """True when `ts` falls on the last or second-to-last day of its month.

    Compared as days of the month: a DATE minus a DATE is a number on DuckDB but an INTERVAL on Spark."""
    return fill("DAY(CAST(:ts AS DATE)) >= DAY(LAST_DAY(CAST(:ts AS DATE))) - 1", ts=ts)


def _month_end_bursts(engine: Engine) -> list[Finding]:
    """Owners whose deal stage updates crowd into the last two days of the month.

    With updates spread evenly about 2 days in 30 (6.7%) would fall there; an owner with at
    least 30 updates and more than three times that share is flagged.
    """
    query = (
        exp.select(
            _col("owner", "d"),
            exp.func("count", exp.Star()).as_("n"),
            exp.func("avg", exp.cast(_last_two_days(_col("entered_at", "h")), "DOUBLE")).as_("share"),
        )
        .from_(exp.to_table("stage_history").as_("h"))
        .join(
            exp.to_table("deals").as_("d"),
            on=exp.and_(
                exp.EQ(this=_col("entity", "h"), expression=exp.convert("deal")),
                exp.EQ(this=_col("entity_id", "h"), expression=_col("deal_id", "d")),
            ),
        )
        .where(_col("owner", "d").is_(exp.null()).not_())
        .group_by(_col("owner", "d"))
        .having(
            exp.and_(
                exp.GTE(this=exp.column("n"), expression=exp.convert(30)),
                exp.GT(this=exp.column("share"), expression=exp.convert(0.2)),
            )
        )
        .order_by(exp.Ordered(this=exp.column("share"), desc=True))
    )
    return [
        Finding(
            "stage_history",
            "month_end_burst",
            "entered_at",
            n,
            f"{owner}: {share:.0%}",
            "warning",
        )
        for owner, n, share in engine.run(query)
    ]


def check(engine: Engine, model: ModelFile) -> CheckResult:
    tables: list[TableSummary] = []
    findings: list[Finding] = []
    for table in TABLES.values():
        summary, found = _summary(engine, table)
        tables.append(summary)
        findings += found + _duplicates(engine, table) + _orphans(engine, table) + _vocabulary(engine, table, model)
    findings += _suspicious(engine, model)
    return CheckResult(tables, findings)
