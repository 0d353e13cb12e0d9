"""The metric layer's SQL is portable: every scan transpiles to other engines' dialects.

For every metric of the default model (with the metrics it depends on, as `ws.metrics` asks
for them), every period kind and several dimension sets, each base query is written in Spark,
BigQuery, Snowflake and Postgres SQL and must parse back in that dialect. No database is
needed: the queries are built from the contract's columns.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest
import sqlglot
from sqlglot import exp
from sqlglot.errors import ErrorLevel

from kpiflow.analysis.metrics import closure
from kpiflow.engine.metric_sql import PERIOD_COLUMN, BaseQuery, base_queries
from kpiflow.model.conditions import FUNCTIONS
from kpiflow.model.config import Metric, ModelFile, default_model_text, parse_model
from kpiflow.model.semantic import contract_columns

DIALECTS = ["spark", "bigquery", "snowflake", "postgres"]
# None is a custom range (ws.metrics(period="2025-04-01..2025-06-30")): one bucket, no period arithmetic.
KINDS = ["month", "quarter", "half", "fy", None]
# Every scan of every metric and dimension set, rendered and parsed back, is the costly part: the
# bucket of a quarter or a half differs from a fiscal year's only by the number of months, which
# test_filter_clause_becomes_what_each_dialect_supports still covers for every kind.
SCAN_KINDS = ["month", "fy", None]
DIMENSION_SETS = [(), ("channel",), ("industry",), ("owner",), ("product",), ("channel", "industry", "owner", "product")]
START, END = dt.datetime(2024, 4, 1), dt.datetime(2026, 4, 1)

# Functions that sqlglot does not know are passed through verbatim (exp.Anonymous): in the
# target dialect they are whatever DuckDB called them, which is a bug, not a translation.


@cache
def default_model() -> ModelFile:
    return parse_model(default_model_text("en"))


def model_with_distinct_count() -> ModelFile:
    """The default model plus a count_distinct with a condition (the default has none)."""
    model = default_model()
    won_accounts = Metric(count_distinct="deals.account_id", where="outcome = 'won'", time="closed_at")
    return model.model_copy(update={"metrics": {**model.metrics, "won_accounts": won_accounts}})


def scans(model: ModelFile, metric: str, kind: str | None, dimensions: tuple[str, ...]) -> list[BaseQuery]:
    """The queries `ws.metrics([metric], ...)` runs: one per (table, time) of its closure."""
    names = closure(model, [metric])
    return base_queries(model, names, kind=kind, start=START, end=END, dimensions=dimensions, columns=contract_columns())


def transpile(scan: BaseQuery, dialect: str) -> str:
    # RAISE: sqlglot refuses, instead of silently dropping, what it knows the dialect lacks.
    return scan.query.sql(dialect=dialect, unsupported_level=ErrorLevel.RAISE)


@cache
def every_scan(kind: str | None) -> list[tuple[str, tuple[str, ...], BaseQuery]]:
    """Each distinct scan of every metric x dimension set (many metrics share a scan)."""
    model = default_model()
    found: dict[str, tuple[str, tuple[str, ...], BaseQuery]] = {}
    for metric in model.metrics:
        for dimensions in DIMENSION_SETS:
            for scan in scans(model, metric, kind, dimensions):
                found.setdefault(scan.sql(), (metric, dimensions, scan))
    return list(found.values())


@cache
def every_transpiled(kind: str | None, dialect: str) -> list[tuple[str, tuple[str, ...], BaseQuery, str, exp.Expression]]:
    """Each distinct scan rendered for `dialect` and parsed back (shared by the tests below)."""
    out = []
    for metric, dimensions, scan in every_scan(kind):
        sql = transpile(scan, dialect)
        out.append((metric, dimensions, scan, sql, sqlglot.parse_one(sql, read=dialect)))
    return out


def kind_id(kind: str | None) -> str:
    return kind or "range"


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("kind", SCAN_KINDS, ids=kind_id)
def test_every_scan_transpiles_and_parses_back(kind, dialect):
    count = 0
    for metric, dimensions, scan, sql, parsed in every_transpiled(kind, dialect):
        context = f"{metric} by {dimensions} ({scan.table}.{scan.time}) in {dialect}: {sql}"
        assert isinstance(parsed, exp.Select), context
        # The same output columns, in order: the period, each reachable dimension, each metric.
        assert [s.alias_or_name for s in parsed.selects] == [PERIOD_COLUMN, *scan.dimensions, *scan.metrics], context
        # Grouped by the period and each dimension, as expressions (no GROUP BY ALL / ordinals).
        group = parsed.args["group"].expressions
        assert len(group) == 1 + len(scan.dimensions), context
        assert not any(isinstance(g, exp.Literal) for g in group), context
        # The time range survives: half-open on the metric's own time column.
        where = parsed.args["where"].this
        assert isinstance(where, exp.And), context
        assert isinstance(where.this, exp.GTE) and isinstance(where.expression, exp.LT), context
        for bound, moment in ((where.this, START), (where.expression, END)):
            assert bound.this.name == scan.time and bound.this.table == scan.table, context
            assert moment.isoformat(sep=" ") in bound.expression.sql(dialect), context
        count += 1
    # 5 (table, time) scans x 6 dimension sets, and more for subsets of a shared scan.
    assert count > 5 * len(DIMENSION_SETS)


@pytest.mark.parametrize("dimensions", DIMENSION_SETS, ids=lambda d: "-".join(d) or "total")
def test_dimensions_a_table_cannot_reach_are_left_out_of_every_dialect(dimensions):
    # costs has a channel but no account: industry, owner and product are reported as missing.
    [scan] = scans(default_model(), "cost", "quarter", dimensions)
    assert scan.dimensions == tuple(d for d in dimensions if d == "channel")
    assert scan.missing == tuple(d for d in dimensions if d != "channel")
    for dialect in DIALECTS:
        parsed = sqlglot.parse_one(transpile(scan, dialect), read=dialect)
        assert {c.table for c in parsed.find_all(exp.Column)} == {"costs"}
        assert not list(parsed.find_all(exp.Join))


# What a filtered aggregate (COUNT(*) FILTER (WHERE c), SUM(x) FILTER (WHERE c),
# COUNT(DISTINCT x) FILTER (WHERE c)) must become: Spark 3 and Postgres have FILTER; BigQuery
# and Snowflake do not, and get COUNTIF / COUNT_IF and a conditional inside SUM and COUNT DISTINCT.
FILTER_CASES = [
    ("spark", True, None, None),
    ("postgres", True, None, None),
    ("bigquery", False, "COUNTIF", "IF"),
    ("snowflake", False, "COUNT_IF", "IFF"),
]


@pytest.mark.parametrize(("dialect", "keeps_filter", "count_if", "conditional"), FILTER_CASES, ids=[c[0] for c in FILTER_CASES])
@pytest.mark.parametrize("kind", KINDS, ids=kind_id)
def test_filter_clause_becomes_what_each_dialect_supports(kind, dialect, keeps_filter, count_if, conditional):
    model = model_with_distinct_count()
    names = ["won_deals", "closed_deals", "revenue", "won_accounts", "opportunities"]
    [closed, created] = base_queries(
        model, names, kind=kind, start=START, end=END, dimensions=("channel", "industry"), columns=contract_columns()
    )
    assert (closed.time, created.time) == ("closed_at", "created_at")
    sql = transpile(closed, dialect)
    parsed = sqlglot.parse_one(sql, read=dialect)
    by_name = {s.alias_or_name: s.this for s in parsed.selects}
    conditions = {
        "won_deals": "outcome = 'won'",
        "closed_deals": "outcome IN ('won', 'lost')",
        "revenue": "outcome = 'won'",
        "won_accounts": "outcome = 'won'",
    }
    for name, condition in conditions.items():
        aggregate = by_name[name]
        expected = sqlglot.parse_one(condition.replace("outcome", '"deals"."outcome"'), read="duckdb")
        if keeps_filter:
            assert isinstance(aggregate, exp.Filter), (name, sql)
            assert f" FILTER(WHERE {expected.sql(dialect)})" in aggregate.sql(dialect), (name, sql)
            continue
        assert "FILTER" not in aggregate.sql(dialect).upper(), (name, sql)
        if name in ("won_deals", "closed_deals"):
            # COUNT(*) FILTER (WHERE c) -> COUNTIF(c): same condition, counted where true.
            assert isinstance(aggregate, exp.CountIf), (name, sql)
            assert aggregate.sql(dialect) == f"{count_if}({expected.sql(dialect)})", (name, sql)
            continue
        # SUM(x) FILTER (WHERE c) -> SUM(IF(c, x, NULL)); COUNT(DISTINCT x) ... -> COUNT(DISTINCT IF(c, x, NULL)).
        column = "amount" if name == "revenue" else "account_id"
        inner = exp.column(column, table="deals", quoted=True).sql(dialect)
        conditional_sql = f"{conditional}({expected.sql(dialect)}, {inner}, NULL)"
        wrapper = "SUM({})" if name == "revenue" else "COUNT(DISTINCT {})"
        assert aggregate.sql(dialect) == wrapper.format(conditional_sql), (name, sql)
    # An unconditional count stays a plain COUNT(*) everywhere.
    plain = sqlglot.parse_one(transpile(created, dialect), read=dialect)
    assert {s.alias_or_name: s.this for s in plain.selects}["opportunities"].sql(dialect) == "COUNT(*)"


def _unknown_functions(sql: str, dialect: str) -> set[str]:
    return {f.name.upper() for f in sqlglot.parse_one(sql, read=dialect).find_all(exp.Anonymous)}


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("kind", SCAN_KINDS, ids=kind_id)
def test_no_duckdb_only_function_survives(kind, dialect):
    survivors: dict[str, list[str]] = {}
    for metric, dimensions, _, sql, parsed in every_transpiled(kind, dialect):
        for name in {f.name.upper() for f in parsed.find_all(exp.Anonymous)}:
            survivors.setdefault(name, []).append(f"{metric} by {dimensions}")
        assert "TO_MONTHS" not in sql.upper(), f"{metric} by {dimensions} in {dialect}: {sql}"
    assert survivors == {}, {name: where[:3] for name, where in survivors.items()}


def test_the_duckdb_sql_itself_has_no_unknown_function():
    # Fiscal buckets once used DuckDB's TO_MONTHS, which no other engine has; DATE_SUB transpiles.
    found = set()
    for kind in SCAN_KINDS:
        for _, _, scan in every_scan(kind):
            found |= _unknown_functions(scan.sql("duckdb"), "duckdb")
    assert found == set()


@pytest.mark.parametrize("dialect", DIALECTS)
def test_qualified_dimensions_keep_their_dotted_names_and_inherited_ones_their_coalesce(dialect):
    # A deal metric by the contact's channel, the account's industry and the bare channel (the
    # deal's own, else its contact's): three output columns named as typed, grouped by expression.
    dimensions = ("contacts.channel", "accounts.industry", "channel")
    [scan] = scans(default_model(), "won_deals", "quarter", dimensions)
    parsed = sqlglot.parse_one(transpile(scan, dialect), read=dialect)
    selects = {s.alias_or_name: s.this for s in parsed.selects}
    assert list(selects)[:4] == [PERIOD_COLUMN, *dimensions]
    assert (selects["contacts.channel"].table, selects["contacts.channel"].name) == ("contacts", "channel")
    assert (selects["accounts.industry"].table, selects["accounts.industry"].name) == ("accounts", "industry")
    inherited = selects["channel"]
    assert isinstance(inherited, exp.Coalesce)
    assert [(c.table, c.name) for c in inherited.find_all(exp.Column)] == [("deals", "channel"), ("contacts", "channel")]
    assert sorted(j.this.name for j in parsed.args["joins"]) == ["accounts", "contacts"]
    assert len(parsed.args["group"].expressions) == 1 + len(dimensions)


@pytest.mark.parametrize("dialect", DIALECTS)
def test_every_function_of_the_condition_language_transpiles(dialect):
    # Conditions may call only functions SQLGlot knows (kpiflow.model.conditions.FUNCTIONS): none
    # is passed through verbatim as a DuckDB name another engine lacks.
    extra = {
        f"uses_{f.name}": Metric(count="deals", where=f"{f.example} IS NOT NULL", time="created_at") for f in FUNCTIONS
    }
    model = default_model().model_copy(update={"metrics": {**default_model().metrics, **extra}})
    [scan] = base_queries(model, list(extra), kind="quarter", start=START, end=END, dimensions=(), columns=contract_columns())
    sql = transpile(scan, dialect)
    assert _unknown_functions(sql, dialect) == set(), sql
    parsed = sqlglot.parse_one(sql, read=dialect)
    assert [s.alias_or_name for s in parsed.selects] == [PERIOD_COLUMN, *extra]
