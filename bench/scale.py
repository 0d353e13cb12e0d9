"""Benchmark: kpiflow's analyses on tens of millions of touchpoints, on DuckDB and on Spark local
mode, each against hand-written SQL for the same numbers (issue 17, docs/scale.md).

    python bench/scale.py [--events 1M] [--people 50k] [--engine duckdb|spark|both]
                          [--memory-limit 8GB] [--workdir DIR] [--keep] [--rounds 2] [--runs 1]

Generates, inside DuckDB (SQL over range() with hash-based pseudo-random values, the same for the
same --seed), a workspace of --events touchpoints by --people contacts at people/5 accounts with
their MQL/SQL/opportunity history, deals and daily costs over FY2024-FY2025, written as a kpiflow
workspace (kpiflow.duckdb and the default kpiflow.yaml, whose dimensions include channel and
industry). For Spark it is exported with `kpiflow.io.export.export_parquet` and a second
workspace's engine section points Spark at the export. Then, for each engine, it times:

  funnel    ws.touch_funnel(booth_visit -> demo -> inquiry -> meeting, ordered, within 30d)
            against bench/funnel.py's ASOF-join query (on Spark, which has no ASOF join, the same
            counts with window functions: SPARK_FUNNEL_SQL);
  metrics   ws.metrics(revenue, won_deals, win_rate, cost_per_lead, page_views, inquiries,
            demo_experiences; period=month, by=channel x industry) against bench/metrics.py's
            queries plus TOUCH_METRICS_SQL for the touchpoint metrics;
  patterns  ws.patterns("stage:opportunity", within 30d, FY2025, length 2) against
            bench/patterns.py's query;
  explain   ws.explain(revenue, FY2025Q2 -> FY2025Q3, by 6 dimensions) against
            bench/explain.py's grouped queries.

The hand queries are the other benches' DuckDB SQL, rendered for Spark by SQLGlot. Each side of
each analysis runs in a fresh process (its peak memory its own: getrusage's peak RSS, plus on
Spark the JVM's VmHWM), with DuckDB's memory_limit set so that it spills (into its temp directory
beside the database, kpiflow.duckdb.tmp) instead of failing, and Spark's driver memory set to the
same limit. A process opens the
workspace (not timed; Spark's session start is reported apart), runs the side once (its numbers
are the ones compared) and then --runs more times, the best of which is its time (with --runs 0,
the first run's time: for long Spark runs); the sides take turns, --rounds times, and the
medians of the rounds are reported. Spark's own log goes to spark.log in the work folder. The script stops before
printing any time if kpiflow and the hand SQL disagree on any number. An analysis that does
not run on Spark yet is reported as such, with Spark's reason.

Goal (issue 17): on DuckDB, kpiflow within 1.5x of the hand SQL at 100M events, under 8 GiB peak.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

import explain as explain_bench  # noqa: E402  (bench/explain.py: hand queries and comparison)
import funnel as funnel_bench  # noqa: E402  (bench/funnel.py: the ASOF hand query)
import metrics as metrics_bench  # noqa: E402  (bench/metrics.py: hand queries and comparison)
import patterns as patterns_bench  # noqa: E402  (bench/patterns.py: hand query and comparison)
import sqlglot  # noqa: E402
from timing import in_child, peak_rss_kib, process_hwm_kib  # noqa: E402

import kpiflow  # noqa: E402
from kpiflow.engine import duck  # noqa: E402
from kpiflow.errors import KpiflowError  # noqa: E402
from kpiflow.io.export import engine_section, export_parquet, exported_tables  # noqa: E402
from kpiflow.workspace import init_workspace  # noqa: E402

TARGET_RATIO = 1.5
TARGET_PEAK_GIB = 8.0
SPARK_SHUFFLE_PARTITIONS = 16

# --- the data ------------------------------------------------------------------------------------

CHANNELS = ["web_form", "ads", "email", "exhibition", "seminar", "referral"]
INDUSTRIES = ["machinery", "automotive", "electronics", "metals", "chemicals", "food", "logistics", "pharma"]
REGIONS = ["kanto", "chubu", "kansai", "kyushu", "tohoku", "chugoku", "shikoku", "hokkaido"]
SIZE_BANDS = ["small", "mid", "large", "enterprise"]
PRODUCTS = ["vibration_sensor", "iot_gateway", "predictive_saas"]
CONTENT_TYPES = ["case_study", "pricing", "spec_sheet", "blog"]
OWNERS = [f"rep{n:02d}" for n in range(1, 21)]
# Touchpoint types and their shares of the events (cumulative thresholds are built from these).
TYPE_SHARES = {
    "page_view": 0.40,
    "email_open": 0.14,
    "email_click": 0.06,
    "download": 0.08,
    "booth_visit": 0.08,
    "demo": 0.07,
    "inquiry": 0.06,
    "meeting": 0.05,
    "seminar_attend": 0.06,
}
FIRST_DAY = "2024-04-01"  # FY2024 starts; leads arrive over the next DAYS_OF_LEADS days
DAYS_OF_LEADS = 700
EVENT_MEAN_DAYS = 25  # a person's events follow their arrival, exponentially
# Shares of people reaching each stage (nested: an opportunity was an SQL and an MQL first).
MQL_SHARE, SQL_SHARE, OPPORTUNITY_SHARE = 0.30, 0.12, 0.04

COMPLETE = ".scale-complete.json"


def _list(values: list[str]) -> str:
    return "[" + ", ".join(f"'{v}'" for v in values) + "]"


def _type_case(u: str) -> str:
    """The touchpoint type drawn from the uniform `u` by TYPE_SHARES."""
    whens, total = [], 0.0
    for name, share in list(TYPE_SHARES.items())[:-1]:
        total += share
        whens.append(f"WHEN {u} < {total:.4f} THEN '{name}'")
    return f"CASE {' '.join(whens)} ELSE '{list(TYPE_SHARES)[-1]}' END"


def generation_sql(events: int, people: int, seed: int) -> list[str]:
    """The statements that fill the canonical tables, in order. Every value is a function of a
    row number and the seed: `unit(i, salt)` is uniform on [0, 1), 53 bits of the hash of one
    number made of the three (DuckDB's hash of several arguments combines them too weakly: the
    values for two salts of one row correlate at 0.5)."""
    seconds = f"{DAYS_OF_LEADS} * 86400"
    accounts = (people + 4) // 5
    days = lambda share: f"to_seconds(floor({share} * 86400)::BIGINT)"  # noqa: E731
    return [
        f"CREATE TEMP MACRO unit(i, salt) AS (hash(i * 4096 + salt + {seed} * 1099511627776) >> 11)::DOUBLE / 9007199254740992.0",
        "CREATE TEMP MACRO pick(options, i, salt) AS options[1 + floor(unit(i, salt) * len(options))::BIGINT]",
        f"CREATE TEMP MACRO lead_at(p) AS TIMESTAMP '{FIRST_DAY}' + to_seconds(floor(unit(p, 1) * {seconds})::BIGINT)",
        "CREATE TEMP MACRO contact_key(p) AS 'C' || lpad(p::VARCHAR, 8, '0')",
        "CREATE TEMP MACRO account_key(p) AS 'A' || lpad((p // 5)::VARCHAR, 7, '0')",
        f"""INSERT INTO accounts (account_id, name, industry, employees, size_band, region, is_target, created_at)
            SELECT 'A' || lpad(a::VARCHAR, 7, '0'), 'Company ' || a, pick({_list(INDUSTRIES)}, a, 21),
                   (10 + floor(unit(a, 22) * 2000))::BIGINT, pick({_list(SIZE_BANDS)}, a, 23),
                   pick({_list(REGIONS)}, a, 24), unit(a, 25) < 0.2, TIMESTAMP '2020-01-01'
            FROM range({accounts}) AS r(a)""",
        f"""INSERT INTO contacts (contact_id, account_id, created_at, channel, campaign, owner)
            SELECT contact_key(p), account_key(p), lead_at(p), pick({_list(CHANNELS)}, p, 2),
                   'cmp' || lpad(floor(unit(p, 3) * 30)::BIGINT::VARCHAR, 2, '0'), pick({_list(OWNERS)}, p, 4)
            FROM range({people}) AS r(p)""",
        f"""CREATE TEMP TABLE journey AS
            SELECT p, u, mql_at, sql_at, sql_at + {days("unit(p, 8) * 20")} AS opportunity_at
            FROM (SELECT p, u, mql_at, mql_at + {days("unit(p, 7) * 15")} AS sql_at
                  FROM (SELECT p, unit(p, 5) AS u, lead_at(p) + {days("unit(p, 6) * 20")} AS mql_at
                        FROM range({people}) AS r(p) WHERE unit(p, 5) < {MQL_SHARE}))""",
        f"""INSERT INTO stage_history (entity, entity_id, stage, entered_at)
            SELECT 'contact', contact_key(p), 'mql', mql_at FROM journey
            UNION ALL SELECT 'contact', contact_key(p), 'sql', sql_at FROM journey WHERE u < {SQL_SHARE}
            UNION ALL SELECT 'contact', contact_key(p), 'opportunity', opportunity_at FROM journey WHERE u < {OPPORTUNITY_SHARE}""",
        f"""INSERT INTO deals (deal_id, account_id, contact_id, created_at, channel, product, amount, outcome, closed_at, owner, stage)
            SELECT 'D' || lpad(p::VARCHAR, 8, '0'), account_key(p), contact_key(p), opportunity_at,
                   pick({_list(CHANNELS)}, p, 2), pick({_list(PRODUCTS)}, p, 9),
                   CAST(round(500000 + unit(p, 10) * 4500000, -3) AS DECIMAL(18,2)),
                   CASE WHEN unit(p, 11) < 0.3 THEN 'won' WHEN unit(p, 11) < 0.75 THEN 'lost' ELSE 'open' END,
                   CASE WHEN unit(p, 11) < 0.75 THEN opportunity_at + {days("(10 + unit(p, 12) * 110)")} END,
                   pick({_list(OWNERS)}, p, 4),
                   CASE WHEN unit(p, 11) < 0.3 THEN 'won' WHEN unit(p, 11) < 0.75 THEN 'proposal' ELSE 'valid' END
            FROM journey WHERE u < {OPPORTUNITY_SHARE}""",
        f"""INSERT INTO costs (date, channel, category, amount)
            SELECT DATE '{FIRST_DAY}' + d::INTEGER, {_list(CHANNELS)}[c + 1], 'media',
                   CAST(round(10000 + unit(d * 6 + c, 40) * 90000) AS DECIMAL(18,2))
            FROM range({DAYS_OF_LEADS + 30}) AS r(d), range(6) AS k(c)""",
        f"""INSERT INTO touchpoints (occurred_at, contact_id, account_id, type, channel, content_type)
            SELECT lead_at(p) + {days(f"-ln(1 - unit(i, 31)) * {EVENT_MEAN_DAYS}")}, contact_key(p), account_key(p), type,
                   CASE WHEN type IN ('booth_visit', 'demo') THEN 'exhibition'
                        WHEN type IN ('email_open', 'email_click') THEN 'email'
                        ELSE pick({_list(CHANNELS)}, i, 32) END,
                   CASE WHEN type IN ('page_view', 'download', 'email_open', 'email_click') THEN pick({_list(CONTENT_TYPES)}, i, 33) END
            FROM (SELECT i, floor(unit(i, 30) * {people})::BIGINT AS p, {_type_case("unit(i, 34)")} AS type
                  FROM range({events}) AS r(i))""",
    ]


def generate(root: Path, events: int, people: int, seed: int, memory_limit: str) -> dict[str, int]:
    """The workspace at `root` (kpiflow.yaml and kpiflow.duckdb), unless one of these sizes is
    there already; the rows of each table."""
    stamp = root / COMPLETE
    wanted = {"events": events, "people": people, "seed": seed}
    if stamp.exists():
        done = json.loads(stamp.read_text(encoding="utf-8"))
        if done["size"] == wanted:
            return done["rows"]
    if root.exists():
        shutil.rmtree(root)
    ws = init_workspace(root, lang="en")
    try:
        con = ws.writer()
        con.execute(f"SET memory_limit = '{memory_limit}'")
        for statement in generation_sql(events, people, seed):
            con.execute(statement)
        con.execute("CHECKPOINT")
        rows = ws.table_rows()
    finally:
        ws.close()
    stamp.write_text(json.dumps({"size": wanted, "rows": rows}), encoding="utf-8")
    return rows


def export_for_spark(root: Path, lake: Path, spark_root: Path, memory_limit: str) -> None:
    """The workspace's tables as Parquet under `lake`, and a workspace at `spark_root` whose
    engine section points Spark local mode at them (driver memory = the DuckDB memory limit)."""
    if (spark_root / "kpiflow.yaml").exists():
        return
    for folder in (lake, spark_root):
        shutil.rmtree(folder, ignore_errors=True)
    export_parquet(root / "kpiflow.duckdb", lake)
    conf = {
        "spark.driver.memory": spark_memory(memory_limit),
        "spark.sql.shuffle.partitions": SPARK_SHUFFLE_PARTITIONS,
        "spark.local.dir": str(spark_root.parent / "spark-tmp"),
    }
    section = engine_section(exported_tables(lake), master="local[2]")
    assert section.count("  conf: {}") == 1, section
    section = section.replace("  conf: {}", "  conf: " + json.dumps(conf))
    spark_root.mkdir(parents=True)
    model = (root / "kpiflow.yaml").read_text(encoding="utf-8")
    (spark_root / "kpiflow.yaml").write_text(model + "\n" + section, encoding="utf-8")


def spark_memory(memory_limit: str) -> str:
    """DuckDB's '8GB' (or '8GiB', '512MB') as a JVM size ('8g', '512m')."""
    found = re.fullmatch(r"\s*(\d+)\s*([KMGT])i?B\s*", memory_limit, re.IGNORECASE)
    if not found:
        raise SystemExit(f"--memory-limit {memory_limit!r}: expected a size such as 8GB or 512MB")
    return found[1] + found[2].lower()


# --- the analyses and their hand-written twins ---------------------------------------------------

FUNNEL_STEPS = [f"type = '{t}'" for t in funnel_bench.FUNNEL]
TOUCH_METRICS = ["page_views", "inquiries", "demo_experiences"]

# The touchpoint metrics by month x touchpoint channel x account industry.
TOUCH_METRICS_SQL = """
SELECT CAST(date_trunc('month', t.occurred_at) AS DATE) AS month, t.channel, a.industry,
       count(*) FILTER (WHERE t.type = 'page_view') AS page_views,
       count(*) FILTER (WHERE t.type = 'inquiry') AS inquiries,
       count(DISTINCT t.contact_id) FILTER (WHERE t.type = 'demo') AS demo_experiences
FROM touchpoints AS t LEFT JOIN accounts AS a ON t.account_id = a.account_id
GROUP BY ALL
"""

# bench/funnel.py's counts without ASOF joins (Spark has none): for every instant of a person's
# funnel events, the first demo, inquiry and meeting at or after it (a window over the rest of
# the person's events); each step's time then looks up the next step's from its own instant.
SPARK_FUNNEL_SQL = """
WITH steps AS (
  SELECT contact_id AS u, occurred_at AS t, type FROM touchpoints
  WHERE contact_id IS NOT NULL AND type IN ('booth_visit', 'demo', 'inquiry', 'meeting')
), later AS (
  SELECT DISTINCT u, t,
         min(CASE WHEN type = 'demo' THEN t END) OVER w AS t2,
         min(CASE WHEN type = 'inquiry' THEN t END) OVER w AS t3,
         min(CASE WHEN type = 'meeting' THEN t END) OVER w AS t4
  FROM steps
  WINDOW w AS (PARTITION BY u ORDER BY t RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING)
), a2 AS (
  SELECT s.u, s.t AS t1, l.t2 FROM steps AS s JOIN later AS l ON l.u = s.u AND l.t = s.t WHERE s.type = 'booth_visit'
), a3 AS (
  SELECT a2.u, a2.t1, a2.t2, l.t3 FROM a2 LEFT JOIN later AS l ON l.u = a2.u AND l.t = a2.t2
), a4 AS (
  SELECT a3.u, a3.t1, a3.t2, a3.t3, l.t4 FROM a3 LEFT JOIN later AS l ON l.u = a3.u AND l.t = a3.t3
), per_person AS (
  SELECT u, max(CASE WHEN t4 <= t1 + INTERVAL 30 DAY THEN 4
                     WHEN t3 <= t1 + INTERVAL 30 DAY THEN 3
                     WHEN t2 <= t1 + INTERVAL 30 DAY THEN 2
                     ELSE 1 END) AS reached
  FROM a4 GROUP BY u
)
SELECT count(*), count(CASE WHEN reached >= 2 THEN 1 END), count(CASE WHEN reached >= 3 THEN 1 END),
       count(CASE WHEN reached >= 4 THEN 1 END)
FROM per_person
"""


class SparkCursor:
    """Runs an analyst's DuckDB query on a Spark workspace (rendered by SQLGlot) and answers as a
    DuckDB cursor does, so that the other benches' `run_hand(ws)` run unchanged on Spark."""

    def __init__(self, engine: Any):
        self.engine = engine
        self.description: list[tuple[str]] = []
        self.rows: list[tuple] = []

    def execute(self, query: str) -> SparkCursor:
        result = self.engine.run(sqlglot.transpile(query, read="duckdb", write="spark")[0])
        self.description = [(name,) for name in result.columns]
        self.rows = list(result.rows)
        return self

    def fetchall(self) -> list[tuple]:
        return self.rows

    def fetchone(self) -> tuple:
        return self.rows[0]


class OnSpark:
    """A stand-in for a workspace in the hand queries: `.con` runs on the Spark workspace's engine."""

    def __init__(self, ws: Any):
        self.con = SparkCursor(ws.engine)


def kpiflow_funnel(ws) -> list[int]:
    return [s.reached for s in ws.touch_funnel(FUNNEL_STEPS, within="30d").steps]


def hand_funnel(ws) -> list[int]:
    return list(ws.con.execute(funnel_bench.HAND_SQL.format(table="touchpoints")).fetchone())


def hand_funnel_spark(ws) -> list[int]:
    return list(ws.engine.run(SPARK_FUNNEL_SQL).one())


def compare_funnel(ours: list[int], hand: list[int]) -> list[str]:
    return [] if ours == hand else [f"step counts: kpiflow {ours}, hand SQL {hand}"]


def kpiflow_metrics(ws):
    return ws.metrics(metrics_bench.METRICS + TOUCH_METRICS, period="month", by=metrics_bench.BY)


def hand_metrics(ws) -> dict[str, list[tuple]]:
    return {**metrics_bench.run_hand(ws), "touch": ws.con.execute(TOUCH_METRICS_SQL).fetchall()}


def compare_metrics(result, hand: dict[str, list[tuple]]) -> list[str]:
    """bench/metrics.py's comparison, and every touchpoint metric cell (0 where the hand SQL has no row)."""
    problems = metrics_bench.compare(result, hand)
    expected = {(metric, month, channel, industry): value
                for month, channel, industry, *values in hand["touch"]
                for metric, value in zip(TOUCH_METRICS, values, strict=True)}
    got = {(r.metric, r.period_start, r.dimensions["channel"], r.dimensions["industry"]): r.value
           for r in result.records if r.metric in TOUCH_METRICS}
    for key in sorted(expected.keys() | got.keys(), key=repr):
        if key not in got and key[1] not in {p.start for p in result.periods}:
            problems.append(f"{key}: the month has touchpoints but kpiflow reports no such period")
        elif not math.isclose(float(got.get(key) or 0), float(expected.get(key) or 0)):
            problems.append(f"{key}: kpiflow {got.get(key)}, hand SQL {expected.get(key)}")
    return problems


def kpiflow_patterns(ws):
    return ws.patterns("stage:opportunity", within="30d", period=patterns_bench.PERIOD, max_length=2,
                       min_support=patterns_bench.MIN_SUPPORT)


def kpiflow_explain(ws):
    return explain_bench.run_kpiflow(ws)


@dataclasses.dataclass(frozen=True)
class Analysis:
    name: str
    kpiflow: Callable[[Any], Any]
    hand: Callable[[Any], Any]  # on a DuckDB workspace
    hand_spark: Callable[[Any], Any]  # on a Spark workspace
    compare: Callable[[Any, Any], list[str]]  # (kpiflow's result, the hand result) -> differences


ANALYSES = {
    a.name: a
    for a in (
        Analysis("funnel", kpiflow_funnel, hand_funnel, hand_funnel_spark, compare_funnel),
        Analysis("metrics", kpiflow_metrics, hand_metrics, lambda ws: hand_metrics(OnSpark(ws)), compare_metrics),
        Analysis("patterns", kpiflow_patterns, patterns_bench.run_hand, lambda ws: patterns_bench.run_hand(OnSpark(ws)),
                 patterns_bench.compare),
        Analysis("explain", kpiflow_explain, explain_bench.run_hand, lambda ws: explain_bench.run_hand(OnSpark(ws)),
                 explain_bench.compare),
    )
}


def problems_of(workspace_path: str | Path) -> dict[str, list[str]]:
    """Run every analysis and its hand SQL once, in this process, on a DuckDB workspace: the
    differences found per analysis (tests/test_bench_scale.py)."""
    with kpiflow.open(str(workspace_path), read_only=True) as ws:
        return {name: a.compare(a.kpiflow(ws), a.hand(ws)) for name, a in ANALYSES.items()}


# --- one side of one analysis, in its own process ------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Job:
    engine: str  # duckdb | spark
    analysis: str
    side: str  # kpiflow | hand
    workspace: str
    memory_limit: str
    runs: int


@dataclasses.dataclass(frozen=True)
class Measured:
    seconds: float | None  # best of the runs after the first (the first when there are none); None when the side failed
    result: Any  # the first run's numbers
    rss_kib: int  # this process's peak RSS (the Python driver on Spark)
    jvm_kib: int | None  # Spark's JVM peak RSS (VmHWM)
    open_seconds: float  # opening the workspace (on Spark: starting the session)
    failure: str | None = None


def measure(job: Job) -> Measured:
    """Open the workspace, run the side once, then `runs` times; best time and peak memory."""
    if job.engine == "spark":
        # The JVM writes its log to the process's stdout and stderr: keep them out of the table.
        log = open(Path(job.workspace).parent / "spark.log", "ab")  # open for the life of this process
        os.dup2(log.fileno(), 1)
        os.dup2(log.fileno(), 2)
    if job.engine == "duckdb":
        # The workspace's connections are sealed (configuration locked, no file access), so the
        # limit is part of how they are opened: the bench's setting, not something kpiflow offers
        # yet. A sealed connection may not move its temp directory, so it spills to DuckDB's
        # default, kpiflow.duckdb.tmp beside the database.
        duck._CONFIG.update(memory_limit=job.memory_limit)
    analysis = ANALYSES[job.analysis]
    run = analysis.kpiflow if job.side == "kpiflow" else analysis.hand if job.engine == "duckdb" else analysis.hand_spark
    started = time.perf_counter()
    ws = kpiflow.open(job.workspace, read_only=job.engine == "duckdb")
    jvm = None
    if job.engine == "spark":
        jvm = ws.engine.session.sparkContext._gateway.proc.pid
    opened = time.perf_counter() - started
    try:
        started = time.perf_counter()
        try:
            result = run(ws)
        except KpiflowError as e:
            return Measured(None, None, peak_rss_kib(), jvm and process_hwm_kib(jvm), opened, str(e).strip().splitlines()[0])
        times = [time.perf_counter() - started] if job.runs == 0 else []
        for _ in range(job.runs):
            started = time.perf_counter()
            run(ws)
            times.append(time.perf_counter() - started)
        return Measured(min(times), result, peak_rss_kib(), jvm and process_hwm_kib(jvm), opened)
    finally:
        if job.engine == "spark":
            ws.engine.stop()
        ws.close()


# --- the run -------------------------------------------------------------------------------------


def count(text: str) -> int:
    """20M, 1m, 50k, 20_000 -> a number."""
    found = re.fullmatch(r"\s*([\d_.]+)\s*([kKmM]?)\s*", text)
    if not found:
        raise argparse.ArgumentTypeError(f"{text!r}: expected a count such as 20M, 50k or 20000")
    return round(float(found[1].replace("_", "")) * {"": 1, "k": 1e3, "m": 1e6}[found[2].lower()])


def _mb(kib: int | None) -> str:
    return "-" if kib is None else f"{kib / 1024:,.0f} MiB"


def run_engine(engine: str, workspace: Path, args: argparse.Namespace) -> list[dict]:
    """Every analysis's two sides on `engine`, alternated for --rounds; the checked figures."""
    measured: dict[tuple[str, str], list[Measured]] = {}
    for round_ in range(args.rounds):
        for name in args.analyses:
            for side in ("hand", "kpiflow"):
                job = Job(engine, name, side, str(workspace), args.memory_limit, args.runs)
                measured.setdefault((name, side), []).append(in_child(measure, job))
            if round_ == 0:
                check(engine, name, measured[name, "kpiflow"][0], measured[name, "hand"][0])
    rows = []
    for name in args.analyses:
        ours, hand = measured[name, "kpiflow"], measured[name, "hand"]
        row = {"analysis": name, "engine": engine, "failure": ours[0].failure or hand[0].failure}
        if not hand[0].failure:
            row |= {"hand_s": statistics.median(m.seconds for m in hand), "hand_rss": max(m.rss_kib for m in hand),
                    "hand_jvm": max((m.jvm_kib or 0) for m in hand) or None}
        if not ours[0].failure:
            row |= {"kpiflow_s": statistics.median(m.seconds for m in ours), "kpiflow_rss": max(m.rss_kib for m in ours),
                    "kpiflow_jvm": max((m.jvm_kib or 0) for m in ours) or None}
        row["open_s"] = statistics.median(m.open_seconds for m in ours + hand)
        rows.append(row)
    return rows


def check(engine: str, name: str, ours: Measured, hand: Measured) -> None:
    """Stop before any time is printed when kpiflow and the hand SQL disagree."""
    if ours.failure or hand.failure:
        return
    problems = ANALYSES[name].compare(ours.result, hand.result)
    if problems:
        print(f"{name} on {engine}: kpiflow and the hand SQL disagree:", *problems[:20], sep="\n  ")
        raise SystemExit(1)
    print(f"{name} on {engine}: the numbers agree ({summary(name, ours.result)})", flush=True)


def summary(name: str, result: Any) -> str:
    if name == "funnel":
        return "step counts " + " -> ".join(f"{n:,}" for n in result)
    if name == "metrics":
        return f"{len(result.records):,} records over {len(result.periods)} months"
    if name == "patterns":
        return f"{result.population.units:,} contacts, {result.population.converters:,} converters, {len(result.records)} patterns"
    return f"{len(result.segments):,} segment rows"


def _peak(row: dict, side: str) -> str:
    rss, jvm = row.get(f"{side}_rss"), row.get(f"{side}_jvm")
    return _mb(rss) if jvm is None else f"{_mb(rss)} + JVM {_mb(jvm)}"


def print_table(rows: list[dict], events: int, memory_limit: str) -> None:
    header = f"{'analysis':<9} {'engine':<7} {'kpiflow s':>10} {'hand s':>9} {'ratio':>6}  {'kpiflow peak RSS':>24}  {'hand peak RSS':>24}"
    print(header)
    print("-" * len(header))
    for row in rows:
        ours, hand = row.get("kpiflow_s"), row.get("hand_s")
        ratio = f"{ours / hand:5.2f}x" if ours and hand else "-"
        print(f"{row['analysis']:<9} {row['engine']:<7} {'-' if ours is None else f'{ours:10.2f}':>10} "
              f"{'-' if hand is None else f'{hand:9.2f}':>9} {ratio:>6}  {_peak(row, 'kpiflow'):>24}  {_peak(row, 'hand'):>24}")
        if row["failure"]:
            print(f"{'':<18}not yet on {row['engine'].capitalize()}: {row['failure']}")
    for row in rows:
        if row["engine"] == "duckdb" and "kpiflow_s" in row and "hand_s" in row:
            ratio, peak_gib = row["kpiflow_s"] / row["hand_s"], row["kpiflow_rss"] / 1024**2
            ok = ratio <= TARGET_RATIO and peak_gib <= TARGET_PEAK_GIB
            print(f"goal {row['analysis']}: {ratio:.2f}x (<= {TARGET_RATIO}x), peak {peak_gib:.1f} GiB (<= {TARGET_PEAK_GIB:g} GiB) "
                  f"{'ok' if ok else 'MISSED'}{'' if events >= 100_000_000 else ' (the goal is set at 100M events)'}")
    spark = [row["open_s"] for row in rows if row["engine"] == "spark"]
    if spark:
        print(f"Spark session start (not in the times above): median {statistics.median(spark):.1f} s per process")
    print(f"DuckDB memory_limit {memory_limit}, spilling to kpiflow.duckdb.tmp; Spark local[2], driver memory "
          f"{spark_memory(memory_limit)}, {SPARK_SHUFFLE_PARTITIONS} shuffle partitions")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=count, default=count("1M"), help="touchpoints to generate (20M, 100M, ...)")
    parser.add_argument("--people", type=count, default=count("50k"), help="contacts the events belong to")
    parser.add_argument("--engine", choices=["duckdb", "spark", "both"], default="duckdb")
    parser.add_argument("--memory-limit", default="8GB", help="DuckDB's memory_limit and Spark's driver memory")
    parser.add_argument("--workdir", type=Path, help="where the data goes (reused when it holds these sizes)")
    parser.add_argument("--keep", action="store_true", help="keep the data afterwards (default: delete it)")
    parser.add_argument("--rounds", type=int, default=2, help="rounds; each runs every side once, in turn")
    parser.add_argument("--runs", type=int, default=1, help="timed runs per process after the first (best kept); 0: time the first")
    parser.add_argument("--analyses", type=lambda s: s.split(","), default=list(ANALYSES), help="e.g. funnel,metrics")
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()
    unknown = [a for a in args.analyses if a not in ANALYSES]
    if unknown:
        parser.error(f"--analyses: unknown {', '.join(unknown)}; expected some of {', '.join(ANALYSES)}")
    spark_memory(args.memory_limit)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="kpiflow-scale-"))
    workdir.mkdir(parents=True, exist_ok=True)
    root = workdir / f"ws_{args.events}_{args.people}_{args.seed}"
    try:
        started = time.perf_counter()
        rows = in_child(generate, root, args.events, args.people, args.seed, args.memory_limit)
        size = sum(f.stat().st_size for f in root.glob("kpiflow.duckdb*"))
        print(f"data: {root} ({size / 1e9:.2f} GB; ready in {time.perf_counter() - started:.0f} s): "
              + ", ".join(f"{t} {n:,}" for t, n in rows.items() if n))
        print(f"peak RSS of a process that only imports the benches and kpiflow: {_mb(in_child(peak_rss_kib))}")
        print(f"load average (1, 5, 15 min) at the start: {', '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
        figures = []
        if args.engine in ("duckdb", "both"):
            figures += run_engine("duckdb", root, args)
        if args.engine in ("spark", "both"):
            started = time.perf_counter()
            spark_root = root.with_name(root.name + "_spark")
            in_child(export_for_spark, root, workdir / f"lake_{root.name}", spark_root, args.memory_limit)
            print(f"Parquet export and Spark workspace: {spark_root} (ready in {time.perf_counter() - started:.0f} s)")
            figures += run_engine("spark", spark_root, args)
        print(f"\nload average (1, 5, 15 min) now: {', '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
        print(f"{args.events:,} events, {args.people:,} people; {args.rounds} round(s), sides alternated, a process each; "
              f"medians of the rounds (each " + (f"the best of {args.runs} after an untimed run)" if args.runs else "a first run)"))
        print_table(figures, args.events, args.memory_limit)
    finally:
        if not args.keep:
            made = [root, root.with_name(root.name + "_spark"), workdir / f"lake_{root.name}", workdir / "spark-tmp"]
            for folder in [workdir] if args.workdir is None else made:
                shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
