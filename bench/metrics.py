"""Benchmark: `ws.metrics` against hand-written DuckDB SQL computing the same numbers.

    python bench/metrics.py [--size large] [--repeat 5] [--data bench/data] [--workspace DIR]

Builds the demo workspace of the given size once (under --data; `large` has 30M touchpoints and
takes about a minute) and reuses it afterwards, or reads --workspace (read-only), then times,
alternating the two sides run after run so that the load of a shared machine falls on both alike:
  kpiflow  ws.metrics(["revenue", "won_deals", "win_rate", "cost_per_lead"], period="month",
                      by=["channel", "industry"])   (periods resolved, scans run, records built)
  hand     three DuckDB queries an analyst would write for the same table: revenue, won and
           closed deals (win rate) by month x deal channel x account industry; leads by month x
           contact channel x account industry (the denominator kpiflow reports for
           cost_per_lead); cost per lead by month x channel (costs carry no industry).
Both sides fetch every row into Python. The script asserts that kpiflow's numbers equal the
hand SQL's wherever both define them, then prints both times (median and best of --repeat, after
one untimed warm-up each) and the ratio of the medians. Target: kpiflow within 1.5x of the hand SQL.

Months are calendar months, so the fiscal year start plays no part here.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import kpiflow
from kpiflow.workspace import build_demo

METRICS = ["revenue", "won_deals", "win_rate", "cost_per_lead"]
BY = ["channel", "industry"]
TARGET = 1.5

# Deals closed, by month x deal channel x account industry (open deals have no close date).
DEALS_SQL = """
SELECT CAST(date_trunc('month', d.closed_at) AS DATE) AS month, d.channel, a.industry,
       sum(d.amount) FILTER (WHERE d.outcome = 'won') AS revenue,
       count(*) FILTER (WHERE d.outcome = 'won') AS won,
       count(*) FILTER (WHERE d.outcome IN ('won', 'lost')) AS closed,
       count(*) FILTER (WHERE d.outcome = 'won') / nullif(count(*) FILTER (WHERE d.outcome IN ('won', 'lost')), 0) AS win_rate
FROM deals AS d LEFT JOIN accounts AS a ON d.account_id = a.account_id
WHERE d.closed_at IS NOT NULL
GROUP BY ALL
"""

# New leads by month x contact channel x account industry.
LEADS_SQL = """
SELECT CAST(date_trunc('month', c.created_at) AS DATE) AS month, c.channel, a.industry, count(*) AS leads
FROM contacts AS c LEFT JOIN accounts AS a ON c.account_id = a.account_id
WHERE c.created_at IS NOT NULL
GROUP BY ALL
"""

# Cost per lead where it is defined: by month x channel (costs have no account, so no industry).
COST_PER_LEAD_SQL = """
WITH cost AS (
    SELECT CAST(date_trunc('month', date) AS DATE) AS month, channel, sum(amount) AS cost
    FROM costs WHERE date IS NOT NULL GROUP BY ALL
), leads AS (
    SELECT CAST(date_trunc('month', created_at) AS DATE) AS month, channel, count(*) AS leads
    FROM contacts WHERE created_at IS NOT NULL GROUP BY ALL
)
SELECT month, channel, cost.cost, leads.leads, cost.cost / leads.leads AS cost_per_lead
FROM cost FULL OUTER JOIN leads USING (month, channel)
"""


def workspace(data: Path, size: str):
    """The demo workspace of `size` under `data`, built once; a stamp marks a finished build."""
    root = data / f"demo_{size}"
    stamp = root / ".bench-complete.json"
    started = time.perf_counter()
    if stamp.exists():
        ws = kpiflow.open(str(root))
        rows = json.loads(stamp.read_text(encoding="utf-8"))
        print(f"data: reusing {root} ({_rows(rows)})")
        return ws
    stamp.unlink(missing_ok=True)
    ws, rows = build_demo(root, size=size, lang="en")
    stamp.write_text(json.dumps(rows), encoding="utf-8")
    print(f"data: built {root} in {time.perf_counter() - started:.1f} s ({_rows(rows)})")
    return ws


def _rows(rows: dict[str, int]) -> str:
    return ", ".join(
        f"{table} {count:,}"
        for table, count in rows.items()
        if table in ("accounts", "contacts", "deals", "costs", "touchpoints")
    )


def run_kpiflow(ws):
    return ws.metrics(METRICS, period="month", by=BY)


def run_hand(ws) -> dict[str, list[tuple]]:
    con = ws.con
    return {
        "deals": con.execute(DEALS_SQL).fetchall(),
        "leads": con.execute(LEADS_SQL).fetchall(),
        "cost_per_lead": con.execute(COST_PER_LEAD_SQL).fetchall(),
    }


def alternate(sides: dict[str, Callable[[], object]], repeat: int) -> dict[str, tuple[list[float], object]]:
    """Each side's times over `repeat` rounds, the sides taking turns within each round, and its
    last result. One untimed warm-up each first: the first read of a table from disk is not what
    we measure."""
    results = {name: func() for name, func in sides.items()}
    times: dict[str, list[float]] = {name: [] for name in sides}
    for _ in range(repeat):
        for name, func in sides.items():
            started = time.perf_counter()
            results[name] = func()
            times[name].append(time.perf_counter() - started)
    return {name: (times[name], results[name]) for name in sides}


def _same(a: object, b: object) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-12, abs_tol=1e-9)


def compare(result, hand: dict[str, list[tuple]]) -> list[str]:
    """Every difference between kpiflow's records and the hand SQL's rows (empty when equal)."""
    problems: list[str] = []
    records = {(r.metric, r.period_start, r.dimensions["channel"], r.dimensions["industry"]): r for r in result.records}
    if len(records) != len(result.records):
        problems.append("kpiflow reported the same (metric, month, channel, industry) twice")
    months = {p.start for p in result.periods}

    def check(what: str, got: object, expected: object) -> None:
        if not _same(got, expected):
            problems.append(f"{what}: kpiflow {got!r}, hand SQL {expected!r}")

    deals = {(month, channel, industry): row for month, channel, industry, *row in hand["deals"]}
    for key, (revenue, won, closed, rate) in deals.items():
        if key[0] not in months:
            problems.append(f"month {key[0]} has closed deals but kpiflow reports no such period")
            continue
        if ("won_deals", *key) not in records:
            problems.append(f"kpiflow has no record for {key}")
            continue
        check(f"revenue {key}", records["revenue", *key].value, revenue or 0)
        check(f"won_deals {key}", records["won_deals", *key].value, won)
        wr = records["win_rate", *key]
        check(f"win_rate {key}", wr.value, rate)
        check(f"win_rate numerator {key}", wr.numerator, won)
        check(f"win_rate denominator {key}", wr.denominator, closed)
    leads = {(month, channel, industry): n for month, channel, industry, n in hand["leads"]}
    for key, n in leads.items():
        if ("cost_per_lead", *key) in records:
            check(f"cost_per_lead denominator (leads) {key}", records["cost_per_lead", *key].denominator, n)
        elif key[0] in months:
            problems.append(f"kpiflow has no cost_per_lead record for {key} ({n} leads)")
    for (metric, month, channel, industry), r in records.items():
        key = (month, channel, industry)
        if metric in ("revenue", "won_deals") and key not in deals:
            check(f"{metric} {key} (no closed deal there)", r.value, 0)
        if metric == "win_rate" and key not in deals:
            check(f"win_rate {key} (no closed deal there)", r.value, None)
        if metric == "cost_per_lead":
            if industry is not None and r.value is not None:
                problems.append(f"cost_per_lead {key} = {r.value}: costs have no industry, so there is no such number")
            if industry is not None and "cannot be broken down by industry" not in (r.note or ""):
                problems.append(f"cost_per_lead {key} has no note saying costs cannot be split by industry: {r.note!r}")
            if key not in leads:
                check(f"cost_per_lead denominator {key} (no lead there)", r.denominator, 0)
    return problems


def check_cost_per_lead_by_channel(ws, hand_rows: list[tuple]) -> list[str]:
    """Where the hand SQL defines cost per lead (month x channel), kpiflow by channel must agree."""
    result = ws.metrics(["cost_per_lead"], period="month", by=["channel"])
    problems = []
    got = {(r.period_start, r.dimensions["channel"]): r for r in result.records}
    for month, channel, cost, leads, per_lead in hand_rows:
        r = got.get((month, channel))
        if r is None:
            problems.append(f"kpiflow has no cost_per_lead for {month} {channel}")
            continue
        if cost is not None and not _same(r.numerator, cost):
            problems.append(f"cost {month} {channel}: kpiflow {r.numerator!r}, hand SQL {cost!r}")
        if leads is not None and not _same(r.denominator, leads):
            problems.append(f"leads {month} {channel}: kpiflow {r.denominator!r}, hand SQL {leads!r}")
        if per_lead is not None and not _same(r.value, per_lead):
            problems.append(f"cost_per_lead {month} {channel}: kpiflow {r.value!r}, hand SQL {per_lead!r}")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", default="large", choices=["small", "default", "large"])
    parser.add_argument("--data", type=Path, default=Path(__file__).parent / "data")
    parser.add_argument("--workspace", type=Path, help="an existing workspace to read instead of a demo under --data")
    parser.add_argument("--repeat", type=int, default=5, help="rounds; each runs both sides once")
    args = parser.parse_args()
    ws = kpiflow.open(str(args.workspace), read_only=True) if args.workspace else workspace(args.data, args.size)
    try:
        timed = alternate({"hand": lambda: run_hand(ws), "kpiflow": lambda: run_kpiflow(ws)}, args.repeat)
        (hand_times, hand), (ours_times, result) = timed["hand"], timed["kpiflow"]
        problems = compare(result, hand) + check_cost_per_lead_by_channel(ws, hand["cost_per_lead"])
        assert not problems, "kpiflow and the hand SQL disagree:\n  " + "\n  ".join(problems[:20])
        null_industry = {
            (r.period_start, r.dimensions["channel"])
            for r in result.records
            if r.metric == "cost_per_lead" and r.dimensions["industry"] is None and r.numerator is not None
        }
        rows = sum(len(v) for v in hand.values())
        print(f"numbers agree: {len(result.records):,} kpiflow records over {len(result.periods)} months; {rows:,} hand SQL rows")
        if null_industry:
            print(
                f"note: {len(null_industry)} (month, channel) cells report cost_per_lead's cost under industry = empty "
                "(costs cannot reach industry, yet the whole channel's cost lands in the 'no industry' row)"
            )
        hand_time, ours_time = statistics.median(hand_times), statistics.median(ours_times)
        print(f"{args.repeat} rounds, the sides alternated; median (best)")
        print(f"hand SQL (3 DuckDB queries) {hand_time * 1000:8.1f} ms ({min(hand_times) * 1000:.1f})")
        ratio = ours_time / hand_time
        verdict = "ok" if ratio <= TARGET else "OVER TARGET"
        print(
            f"kpiflow ws.metrics          {ours_time * 1000:8.1f} ms ({min(ours_times) * 1000:.1f})   "
            f"ratio {ratio:4.2f}x (target <= {TARGET}x) {verdict}"
        )
    finally:
        ws.close()


if __name__ == "__main__":
    main()
