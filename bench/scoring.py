"""Benchmark: the rule lead score (`kpiflow score`) against the SQL an analyst would write by hand.

    python bench/scoring.py [--size small|medium|large] [--repeat 3] [--data bench/data]

Generates its own workspace under --data (deterministic: every value is a hash of the row number):
  small   10,000 leads,    300,000 touchpoints
  medium  100,000 leads,   3,000,000 touchpoints
  large   1,000,000 leads, 30,000,000 touchpoints   (the issue's target size; minutes to generate)
with the default model's `scoring:` rules (5 fit rules on contacts and accounts, 6 engagement rules
with half-lives and caps, group and total caps, 4 grades), then times, alternating the two sides
(kpiflow, plain, kpiflow, plain, ... after one untimed warm-up each):
  kpiflow  the score query kpiflow builds (`kpiflow.analysis.scoring.score_query`) as of the data's
           end, run by the workspace's engine, every contact's score summed and counted by grade
  plain    PLAIN_SQL below, written by hand: one pass over the touches with a FILTERed sum per rule
The script checks both give the same count per grade and the same total score (to 1e-9), then
prints the best time of each side and their ratio. Target: kpiflow within 1.5x of the plain SQL.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1] / "src"))

from sqlglot import exp  # noqa: E402

from kpiflow.analysis.scoring import Moment, compile_rules, default_moment, score_query  # noqa: E402
from kpiflow.workspace import init_workspace, open_workspace  # noqa: E402

SIZES = {"small": (10_000, 30), "medium": (100_000, 30), "large": (1_000_000, 30)}
TARGET_RATIO = 1.5

# u(i, k): a uniform number in [0, 1) from the row number and a salt, the same on every run.
U = "((hash({i} * 1000003 + {k}) % 1000000) / 1000000.0)"


def u(i: str, k: int) -> str:
    return U.format(i=i, k=k)


def generate(root: Path, leads: int, per_lead: int) -> Path:
    """A workspace with `leads` contacts, a tenth as many accounts and `per_lead` touches per lead."""
    if (root / "kpiflow.yaml").exists():
        return root
    ws = init_workspace(root, lang="en")
    con = ws.writer()
    accounts = max(leads // 10, 1)
    con.execute(f"""
        INSERT INTO accounts (account_id, name, industry, employees, size_band, is_target)
        SELECT 'A' || i, 'Company ' || i, ['machinery', 'automotive', 'food', 'chemicals'][1 + (hash(i) % 4)::INT],
               (10 + {u('i', 1)} * 5000)::BIGINT, CASE WHEN {u('i', 1)} < 0.02 THEN '1-99' ELSE '100-999' END, {u('i', 2)} < 0.2
        FROM range({accounts}) t(i)""")
    con.execute(f"""
        INSERT INTO contacts (contact_id, account_id, created_at, channel, authority, budget, timeframe)
        SELECT 'C' || i, 'A' || (i % {accounts}),
               TIMESTAMP '2024-01-01' + to_seconds(({u('i', 3)} * 730 * 86400)::BIGINT),
               ['exhibition', 'web_form', 'ads', 'seminar'][1 + (hash(i * 3) % 4)::INT],
               CASE WHEN {u('i', 4)} < 0.15 THEN 'decision_maker' WHEN {u('i', 4)} < 0.5 THEN 'influencer' END,
               CASE WHEN {u('i', 5)} < 0.1 THEN 'approved' WHEN {u('i', 5)} < 0.3 THEN 'planned' ELSE 'none' END,
               CASE WHEN {u('i', 6)} < 0.1 THEN 'within_3m' WHEN {u('i', 6)} < 0.3 THEN 'within_6m' END
        FROM range({leads}) t(i)""")
    types = "CASE WHEN r < 0.85 THEN 'page_view' WHEN r < 0.93 THEN 'email_open' WHEN r < 0.96 THEN 'email_click' " \
        "WHEN r < 0.975 THEN 'download' WHEN r < 0.985 THEN 'seminar_attend' WHEN r < 0.993 THEN 'demo' ELSE 'inquiry' END"
    con.execute(f"""
        INSERT INTO touchpoints (occurred_at, contact_id, type, content_type, channel)
        SELECT TIMESTAMP '2024-01-01' + to_seconds(({u('j', 7)} * 760 * 86400)::BIGINT),
               'C' || (hash(j * 7) % {leads}), {types},
               CASE WHEN r < 0.85 THEN ['product', 'blog', 'pricing', 'case_study', 'top'][1 + (hash(j * 11) % 5)::INT] END,
               'web'
        FROM (SELECT j, {u('j', 8)} AS r FROM range({leads * per_lead}) t(j))""")
    con.execute("CHECKPOINT")
    ws.close()
    return root


PLAIN_SQL = """
WITH people AS (
  SELECT c.contact_id,
         (CASE WHEN c.authority = 'decision_maker' THEN 15 ELSE 0 END + CASE WHEN c.budget = 'approved' THEN 15 ELSE 0 END
          + CASE WHEN c.budget = 'planned' THEN 8 ELSE 0 END + CASE WHEN c.timeframe IN ('within_3m', 'within_6m') THEN 10 ELSE 0 END
          + CASE WHEN a.is_target THEN 10 ELSE 0 END)::DOUBLE AS fit_raw
  FROM contacts c LEFT JOIN accounts a ON a.account_id = c.account_id
  WHERE c.created_at < TIMESTAMP '{as_of}'
),
touches AS (
  SELECT t.contact_id, date_diff('microsecond', t.occurred_at, TIMESTAMP '{as_of}') / 86400000000.0 AS age, t.type, t.content_type
  FROM touchpoints t WHERE t.contact_id IS NOT NULL AND t.occurred_at < TIMESTAMP '{as_of}'
),
engaged AS (
  SELECT contact_id,
         LEAST(20 * COALESCE(SUM(0.5 ** (age / 60)) FILTER (WHERE type = 'inquiry'), 0), 30) AS inquiry,
         LEAST(15 * COALESCE(SUM(0.5 ** (age / 60)) FILTER (WHERE type = 'demo'), 0), 30) AS demo,
         LEAST(5 * COALESCE(SUM(0.5 ** (age / 30)) FILTER (WHERE type = 'page_view' AND content_type = 'pricing'), 0), 20) AS pricing,
         LEAST(2 * COALESCE(SUM(0.5 ** (age / 30)) FILTER (WHERE type = 'page_view' AND content_type = 'case_study'), 0), 10) AS cases,
         LEAST(8 * COALESCE(SUM(0.5 ** (age / 90)) FILTER (WHERE type = 'seminar_attend'), 0), 16) AS seminar,
         LEAST(1 * COALESCE(SUM(0.5 ** (age / 30)) FILTER (WHERE type = 'email_click'), 0), 5) AS clicks
  FROM touches GROUP BY contact_id
),
scores AS (
  SELECT p.contact_id,
         LEAST(LEAST(p.fit_raw, 50) + LEAST(COALESCE(e.inquiry, 0) + COALESCE(e.demo, 0) + COALESCE(e.pricing, 0)
               + COALESCE(e.cases, 0) + COALESCE(e.seminar, 0) + COALESCE(e.clicks, 0), 60), 100) AS score
  FROM people p LEFT JOIN engaged e ON e.contact_id = p.contact_id
)
SELECT CASE WHEN score >= 50 THEN 'A' WHEN score >= 30 THEN 'B' WHEN score >= 15 THEN 'C' WHEN score >= 0 THEN 'D' END AS grade,
       COUNT(*) AS contacts, SUM(score) AS total
FROM scores GROUP BY 1 ORDER BY 1
"""


def kpiflow_query(ws, as_of: dt.datetime) -> exp.Select:
    scores = score_query(compile_rules(ws, "en"), Moment(at=as_of)).subquery("scores")
    return (
        exp.select(exp.column("grade"), exp.func("COUNT", exp.Star()).as_("contacts"), exp.func("SUM", exp.column("score")).as_("total"))
        .from_(scores)
        .group_by(exp.column("grade"))
        .order_by(exp.column("grade"))
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=SIZES, default="small")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--data", type=Path, default=Path(__file__).parent / "data")
    args = parser.parse_args()
    leads, per_lead = SIZES[args.size]
    started = time.perf_counter()
    root = generate(args.data / f"scoring-{args.size}", leads, per_lead)
    print(f"data: {leads:,} leads, {leads * per_lead:,} touchpoints ({time.perf_counter() - started:.1f} s to generate or open)")
    ws = open_workspace(root)
    as_of = default_moment(ws)
    ours = kpiflow_query(ws, as_of)
    plain = PLAIN_SQL.format(as_of=as_of.isoformat(sep=" "))
    sides = {"kpiflow": lambda: ws.engine.run(ours).rows, "plain": lambda: ws.engine.run(plain).rows}
    results = {name: run() for name, run in sides.items()}  # the warm-up, and the numbers to compare
    a, b = results["kpiflow"], results["plain"]
    assert [(g, n) for g, n, _ in a] == [(g, n) for g, n, _ in b], (a, b)
    for (_, _, x), (_, _, y) in zip(a, b, strict=True):
        assert abs(float(x) - float(y)) <= 1e-9 * max(1.0, abs(float(y))), (x, y)
    times: dict[str, list[float]] = {name: [] for name in sides}
    for _ in range(args.repeat):
        for name, run in sides.items():  # alternating: a busy moment of the machine hits both sides
            t = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - t)
    best = {name: min(ts) for name, ts in times.items()}
    print("grades:", ", ".join(f"{g}: {n:,}" for g, n, _ in a))
    for name, seconds in best.items():
        print(f"{name:8s} {seconds * 1000:9.1f} ms  (best of {args.repeat})")
    ratio = best["kpiflow"] / best["plain"]
    print(f"ratio    {ratio:9.2f}x  (target: within {TARGET_RATIO}x)")
    ws.close()


if __name__ == "__main__":
    main()
