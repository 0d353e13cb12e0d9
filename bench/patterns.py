"""Benchmark: length-2 `patterns` mining against a hand-written DuckDB query for the same counts.

    python bench/patterns.py [--size large] [--repeat 3] [--data bench/data]

Builds the demo workspace of the given size once (under --data, shared with bench/metrics.py;
`large` has 30M touchpoints and takes about a minute) and reuses it afterwards, opened read-only.
Then times, in one run (best of --repeat after one untimed warm-up each):
  kpiflow  patterns(outcome="stage:opportunity", within="30d", period=FY2025, max_length=2):
           population, windows, step and pair counts, Fisher tests, BH q-values, lift intervals,
           and the top 10 paths (also timed without the paths, top_paths=0)
  hand     the query an analyst would write for the same counts (HAND_SQL below): contacts active
           in FY2025 not converted before it, each one's 30-day window (before the first
           opportunity, or ending with its last touchpoint in the year), steps, and pairs by
           first-before-last, with the same minimum support
The script asserts that both sides give the same units, converters and (support, converters)
for every step and pair, then prints both times and the ratio. Target: within 1.5x.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from metrics import workspace  # noqa: E402  (the shared demo cache of bench/metrics.py)
from timing import best  # noqa: E402  (the shared timer of bench/timing.py)

from kpiflow.analysis.patterns import REFINED_TYPES, patterns  # noqa: E402
from kpiflow.model.periods import Period  # noqa: E402

PERIOD = Period.fy(2025)
MIN_SUPPORT = 20
TARGET = 1.5

HAND_SQL = """
WITH known AS (
  SELECT contact_id, occurred_at, type, content_type FROM touchpoints WHERE contact_id IS NOT NULL
), first_opportunity AS (
  SELECT contact_id, min(entered) AS entered FROM (
    SELECT entity_id AS contact_id, entered_at AS entered FROM stage_history WHERE entity = 'contact' AND stage = 'opportunity'
    UNION ALL
    SELECT contact_id, created_at FROM deals
  ) GROUP BY contact_id
), active AS (
  SELECT contact_id, max(occurred_at) AS last_seen FROM known
  WHERE occurred_at >= TIMESTAMP '{start}' AND occurred_at < TIMESTAMP '{end}' GROUP BY contact_id
), cohort AS (
  SELECT a.contact_id, coalesce(f.entered < TIMESTAMP '{end}', false) AS converted,
         CASE WHEN f.entered < TIMESTAMP '{end}' THEN f.entered ELSE a.last_seen END AS until
  FROM active AS a LEFT JOIN first_opportunity AS f USING (contact_id)
  WHERE f.entered IS NULL OR f.entered >= TIMESTAMP '{start}'
), seen AS (
  SELECT c.contact_id, c.converted,
         CASE WHEN k.type IN ({refined}) AND k.content_type <> '' THEN k.type || ':' || k.content_type ELSE k.type END AS step,
         min(k.occurred_at) AS first_at, max(k.occurred_at) AS last_at
  FROM cohort AS c JOIN known AS k USING (contact_id)
  WHERE k.occurred_at >= c.until - INTERVAL 30 DAY
    AND (k.occurred_at < c.until OR (NOT c.converted AND k.occurred_at = c.until))
  GROUP BY ALL
)
SELECT NULL AS first_step, NULL AS second_step, count(*) AS units, count(*) FILTER (WHERE converted) AS converters FROM cohort
UNION ALL
SELECT step, NULL, count(*), count(*) FILTER (WHERE converted) FROM seen GROUP BY step HAVING count(*) >= {min_support}
UNION ALL
SELECT a.step, b.step, count(*), count(*) FILTER (WHERE a.converted)
FROM seen AS a JOIN seen AS b ON a.contact_id = b.contact_id AND a.first_at < b.last_at
GROUP BY a.step, b.step HAVING count(*) >= {min_support}
"""


def run_kpiflow(ws, top_paths: int = 10):
    return patterns(
        ws.engine,
        ws.model,
        outcome="stage:opportunity",
        within="30d",
        period=PERIOD,
        max_length=2,
        min_support=MIN_SUPPORT,
        top_paths=top_paths,
        columns=ws.columns(),
    )


def run_hand(ws) -> list[tuple]:
    start, end = PERIOD.sql_bounds()
    refined = ", ".join(f"'{t}'" for t in REFINED_TYPES)
    query = HAND_SQL.format(start=start, end=end, refined=refined, min_support=MIN_SUPPORT)
    return ws.con.execute(query).fetchall()


def compare(result, hand: list[tuple]) -> list[str]:
    """Every difference between kpiflow's counts and the hand SQL's (empty when equal)."""
    problems = []
    totals = next(r for r in hand if r[0] is None)
    if (result.population.units, result.population.converters) != totals[2:]:
        problems.append(f"population: kpiflow {result.population}, hand SQL {totals[2:]}")
    expected = {tuple(s for s in r[:2] if s is not None): r[2:] for r in hand if r[0] is not None}
    got = {r.pattern: (r.support, r.converters) for r in result.records}
    for pattern in sorted(expected.keys() | got.keys()):
        if expected.get(pattern) != got.get(pattern):
            problems.append(f"{' -> '.join(pattern)}: kpiflow {got.get(pattern)}, hand SQL {expected.get(pattern)}")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", default="large", choices=["small", "default", "large"])
    parser.add_argument("--data", type=Path, default=Path(__file__).parent / "data")
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs for each side")
    args = parser.parse_args()
    ws = workspace(args.data, args.size)
    try:
        hand_time, hand = best(lambda: run_hand(ws), args.repeat)
        ours_time, result = best(lambda: run_kpiflow(ws), args.repeat)
        bare_time, _ = best(lambda: run_kpiflow(ws, top_paths=0), args.repeat)
        problems = compare(result, hand)
        assert not problems, "kpiflow and the hand SQL disagree:\n  " + "\n  ".join(problems[:20])
        steps = sum(1 for r in result.records if r.length == 1)
        print(
            f"counts agree: {result.population.units:,} contacts active in {PERIOD}, {result.population.converters:,} "
            f"reached opportunity; {steps} steps and {len(result.records) - steps} pairs with support >= {MIN_SUPPORT}"
        )
        top = result.records[0]
        print(f"top pattern: {' -> '.join(top.pattern)} (support {top.support}, lift {top.lift:.1f})")
        print(f"hand SQL (1 DuckDB query)          {hand_time * 1000:8.1f} ms")
        ratio = ours_time / hand_time
        verdict = "ok" if ratio <= TARGET else "OVER TARGET"
        print(
            f"kpiflow patterns (with top paths)  {ours_time * 1000:8.1f} ms   ratio {ratio:4.2f}x (target <= {TARGET}x) {verdict}"
        )
        print(f"kpiflow patterns (top_paths=0)     {bare_time * 1000:8.1f} ms   ratio {bare_time / hand_time:4.2f}x")
    finally:
        ws.close()


if __name__ == "__main__":
    main()
