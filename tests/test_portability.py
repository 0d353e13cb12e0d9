"""Every query an analysis runs, rendered for the engines a team may move to (issue 16, 17).

Each registered analysis (and the touchpoint funnel) runs on the small demo with its defaults;
every statement it sends to the engine is parsed as DuckDB SQL and rendered for Spark, BigQuery,
Snowflake, Trino and PostgreSQL with SQLGlot refusing what it knows a dialect lacks. A function
SQLGlot does not know is passed through verbatim (`exp.Anonymous`): in another engine it would be
whatever DuckDB calls it, which is a bug, not a translation. Where DuckDB has a faster plan of its
own (`Engine.asof_join`, `Engine.first_in_group`), the portable plan the other engines get is
what is checked (tests of each analysis show both plans agree on DuckDB). The constructs still DuckDB-only
are listed in KNOWN below; the test fails when a new one appears, and when one is removed so
that the list only ever shrinks.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import defaultdict
from pathlib import Path

import pytest
import sqlglot
from sqlglot import exp
from sqlglot.errors import ErrorLevel

from conftest import copy_demo
from kpiflow.analysis.registry import ANALYSES
from kpiflow.engine.base import Engine
from kpiflow.engine.duck import DuckEngine
from kpiflow.engine.metric_sql import BaseQuery, SegmentQuery
from kpiflow.errors import KpiflowError

DIALECTS = ("spark", "bigquery", "snowflake", "trino", "postgres")

# analysis -> (DuckDB-only functions, dialects that refuse a construct) still to be made portable.
KNOWN: dict[str, tuple[frozenset[str], frozenset[str]]] = {}


@pytest.fixture(scope="module")
def statements(tmp_path_factory) -> dict[str, list[exp.Expression]]:
    """analysis -> what it sent to the engine: the SQLGlot expressions it rendered, and any SQL
    text it wrote itself (parsed as the DuckDB it is written in)."""
    ws, _ = copy_demo(tmp_path_factory.mktemp("portability") / "demo", size="small", lang="en")
    sent: dict[str, list[exp.Expression]] = defaultdict(list)
    rendered: set[str] = set()
    trees: dict[str, exp.Expression] = {}  # DuckDB text -> the tree sent
    current = [""]

    def rendering(original):
        def call(self, *args, **kwargs):
            text = original(self, *args, **kwargs)
            query = getattr(self, "query", None) if not args or isinstance(args[0], str) else args[0]
            if isinstance(query, exp.Expression):
                if text not in trees:  # a statement sent again is the same tree, rendered once below
                    trees[text] = query.copy()
                sent[current[0]].append(trees[text])
                rendered.add(text)
            return text

        return call

    def running(original):
        def call(self, query):
            if isinstance(query, str) and query not in rendered:
                if query not in trees:
                    trees[query] = sqlglot.parse_one(query, read="duckdb")
                sent[current[0]].append(trees[query])
            elif isinstance(query, exp.Expression):
                self.render(query)
            return original(self, query)

        return call

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(DuckEngine, "render", rendering(DuckEngine.render))
        patch.setattr(BaseQuery, "sql", rendering(BaseQuery.sql))
        patch.setattr(SegmentQuery, "sql", rendering(SegmentQuery.sql))
        patch.setattr(DuckEngine, "run", running(DuckEngine.run))
        patch.setattr(DuckEngine, "arrays", running(DuckEngine.arrays))
        # What another engine is sent: the portable plans, not DuckDB's own (ASOF, ARG_MIN_NULL).
        patch.setattr(DuckEngine, "asof_join", Engine.asof_join)
        patch.setattr(DuckEngine, "first_in_group", Engine.first_in_group)
        for entry in ANALYSES:
            current[0] = entry.name
            try:
                entry.run(ws)
            except KpiflowError:  # refused on the small demo (a fit needs 100 positives): what it sent still counts
                pass
        current[0] = "funnel"  # a window adds interval arithmetic to the cohort query
        ws.funnel("FY2025", within="90d")
        current[0] = "touch_funnel"
        ws.touch_funnel(["type = 'booth_visit'", "type = 'demo'", "type = 'inquiry'"], within="30d")
    ws.close()
    return dict(sent)


@pytest.fixture(scope="module")
def rendered(statements):
    """(analysis, dialect) -> its statements rendered for the dialect as reviewers read them (pretty),
    with SQLGlot refusing what it knows the dialect lacks, and whether the text parses back; each
    rendered and parsed once for both tests below (rendering and parsing are most of their cost)."""
    done: dict[tuple[str, str], tuple[str | None, bool]] = {}

    def render(name: str, dialect: str) -> tuple[str | None, bool]:
        if (name, dialect) not in done:
            try:
                text = golden_text(statements[name], dialect, unsupported_level=ErrorLevel.RAISE)
            except sqlglot.errors.UnsupportedError:
                done[name, dialect] = (None, False)
            else:
                distinct = ";\n\n".join(dict.fromkeys(text.split(";\n\n")))  # a statement sent twice is parsed once
                try:
                    parses = all(statement is not None for statement in sqlglot.parse(distinct, read=dialect))
                except sqlglot.errors.ParseError:
                    parses = False
                done[name, dialect] = (text, parses)
        return done[name, dialect]

    return render


def _unknown(trees: list[exp.Expression]) -> set[str]:
    return {f.name.upper() for tree in trees for f in tree.find_all(exp.Anonymous)}


QUERYLESS = {"dictionary"}  # shows each metric's SQL; runs none


@pytest.mark.parametrize("name", [*(a.name for a in ANALYSES if a.name not in QUERYLESS), "touch_funnel"])
def test_every_query_renders_for_every_engine_but_the_known_gaps(statements, rendered, name):
    assert statements.get(name), f"{name} ran no query through the engine"
    unknown = _unknown(statements[name])
    refused = {dialect for dialect in DIALECTS if not all(rendered(name, dialect))}
    known_unknown, known_refused = KNOWN.get(name, (frozenset(), frozenset()))
    assert unknown == known_unknown, f"{name}: DuckDB-only functions {sorted(unknown)} (known: {sorted(known_unknown)})"
    assert refused == known_refused, f"{name}: refused by {sorted(refused)} (known: {sorted(known_refused)})"


# --- golden SQL: what each warehouse is sent, kept in the repository ------------------------
# tests/golden/<analysis>.<dialect>.sql holds every statement an analysis sends, rendered for the
# warehouses a team may run kpiflow's SQL on, so that a change in the generated SQL shows in review.
# Regenerate after a deliberate change with KPIFLOW_UPDATE_GOLDEN=1 and read the diff.

GOLDEN = Path(__file__).parent / "golden"
WAREHOUSES = ("bigquery", "snowflake", "trino")
_TEMPORARY = re.compile(r"_kpiflow_([a-z_]+?)_[0-9a-f]{32}")


def _now() -> re.Pattern:
    """The check's "entered in the future" bound: the run's moment plus a day, in whichever zone (a
    day either side), read when the SQL is (a session can pass midnight between import and run)."""
    days = "|".join(str(dt.date.today() + dt.timedelta(days=d)) for d in (-1, 0, 1, 2))
    return re.compile(rf"({days}) \d\d:\d\d:\d\d(\.\d+)?")


def golden_text(trees: list[exp.Expression], dialect: str, **options) -> str:
    """The statements rendered for `dialect`, one after another, with temporary names numbered in
    order of appearance (they are random per run) and the moment of the run as <now>."""
    texts: dict[int, str] = {}  # a statement sent more than once is one tree (the fixture), rendered once
    for tree in trees:
        if id(tree) not in texts:
            texts[id(tree)] = tree.sql(dialect=dialect, pretty=True, **options)
    text = ";\n\n".join(texts[id(tree)] for tree in trees) + ";\n"
    text = _now().sub("<now>", text)
    seen: dict[str, str] = {}
    return _TEMPORARY.sub(lambda m: seen.setdefault(m.group(0), f"_kpiflow_{m.group(1)}_{len(seen) + 1}"), text)


@pytest.mark.parametrize("dialect", WAREHOUSES)
@pytest.mark.parametrize("name", [*(a.name for a in ANALYSES if a.name not in QUERYLESS), "touch_funnel"])
def test_the_sql_each_warehouse_is_sent_is_the_golden_sql_and_parses_back(statements, rendered, name, dialect):
    text, parses = rendered(name, dialect)
    if text is None:  # a construct the dialect lacks (KNOWN): what it is sent all the same
        text = golden_text(statements[name], dialect)
    assert parses or name in KNOWN, f"{name}: the SQL {dialect} is sent does not parse back"  # what a reviewer reads is SQL the warehouse parses
    path = GOLDEN / f"{name}.{dialect}.sql"
    if os.environ.get("KPIFLOW_UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden SQL for {name} on {dialect}: run with KPIFLOW_UPDATE_GOLDEN=1 and commit {path.name}"
    assert text == path.read_text(encoding="utf-8"), (
        f"the SQL {name} sends to {dialect} changed: if deliberate, regenerate with KPIFLOW_UPDATE_GOLDEN=1 and review the diff"
    )
