"""Benchmark: `ws.behaviour` on the dashboard's default period, against a plain SQL recount.

    python bench/behaviour.py [--size large] [--repeat 3] [--data bench/data]

Uses the demo workspace of the given size (built once under --data by bench/metrics.py's
helper; `large` has 30M touchpoints and takes about a minute) and times, in one run:
  kpiflow  ws.behaviour("FY2025", by=...) for each breakdown (content_type, content_id, channel):
           page views, whole sessions, visitors, revisits, inquiries and deals per group, the
           whole job from the query to the records (FY2025 is the demo's last complete fiscal
           year, the period the dashboard opens on)
  plain    the query an analyst would write for the content-type counts (PLAIN_SQL below):
           whole sessions over every page view, each visitor's first view (the smallest session
           among simultaneous ones) and EXISTS for the revisit, inquiry and deal after it
The script asserts that kpiflow's content-type counts equal the plain SQL's, then prints the
times (best of --repeat after one untimed warm-up each). Target: every breakdown under 300 ms on
the default size (a dashboard page).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from metrics import workspace  # noqa: E402  (the shared demo cache of bench/metrics.py)
from timing import best  # noqa: E402  (the shared timer of bench/timing.py)

PERIOD = "FY2025"
START, END = "2025-04-01", "2026-04-01"
BY = ("content_type", "content_id", "channel")
TARGET_MS = 300

PLAIN_SQL = f"""
WITH known AS (
  SELECT anonymous_id, MIN(contact_id) AS contact_id FROM touchpoints
  WHERE contact_id IS NOT NULL AND anonymous_id IS NOT NULL GROUP BY anonymous_id
),
who AS (
  SELECT t.*, COALESCE(t.contact_id, k.contact_id) AS contact,
         {{'contact': COALESCE(t.contact_id, k.contact_id),
          'browser': CASE WHEN COALESCE(t.contact_id, k.contact_id) IS NULL THEN t.anonymous_id END}} AS person
  FROM touchpoints t LEFT JOIN known k ON k.anonymous_id = t.anonymous_id
  WHERE COALESCE(t.contact_id, t.anonymous_id) IS NOT NULL
),
session_pages AS (SELECT session_id, COUNT(*) AS pages FROM who WHERE type = 'page_view' GROUP BY session_id),
acted AS (SELECT DISTINCT session_id FROM who WHERE type IN ('download', 'form_submit')),
fy AS (
  SELECT * FROM who
  WHERE type = 'page_view' AND occurred_at >= TIMESTAMP '{START}' AND occurred_at < TIMESTAMP '{END}'
),
by_session AS (
  SELECT g.content_type, COUNT(*) AS sessions, SUM(p.pages) AS pages,
         COUNT(*) FILTER (WHERE p.pages > 1) AS onward, COUNT(a.session_id) AS acting
  FROM (SELECT DISTINCT content_type, session_id FROM fy) AS g
  JOIN session_pages AS p ON p.session_id = g.session_id
  LEFT JOIN acted AS a ON a.session_id = g.session_id
  GROUP BY g.content_type
),
firsts AS (
  SELECT f.content_type, f.person, ANY_VALUE(f.contact) AS contact, f.first_at, MIN(v.session_id) AS session_id
  FROM (SELECT content_type, person, ANY_VALUE(contact) AS contact, MIN(occurred_at) AS first_at FROM fy GROUP BY ALL) AS f
  JOIN fy AS v ON v.content_type = f.content_type AND v.person = f.person AND v.occurred_at = f.first_at
  GROUP BY f.content_type, f.person, f.first_at
),
by_visitor AS (
  SELECT content_type, COUNT(*) AS visitors,
         COUNT(*) FILTER (WHERE EXISTS (
           SELECT 1 FROM who AS w WHERE w.type = 'page_view' AND w.person = f.person AND w.session_id <> f.session_id
             AND w.occurred_at > f.first_at AND w.occurred_at <= f.first_at + INTERVAL 30 DAY)) AS revisitors,
         COUNT(*) FILTER (WHERE EXISTS (
           SELECT 1 FROM who AS w WHERE w.type = 'inquiry' AND w.person = f.person
             AND w.occurred_at BETWEEN f.first_at AND f.first_at + INTERVAL 30 DAY)) AS inquirers,
         COUNT(*) FILTER (WHERE EXISTS (
           SELECT 1 FROM deals AS d WHERE d.contact_id = f.contact
             AND d.created_at BETWEEN f.first_at AND f.first_at + INTERVAL 90 DAY)) AS with_deal
  FROM firsts AS f GROUP BY content_type
)
SELECT s.content_type, (SELECT COUNT(*) FROM fy WHERE fy.content_type = s.content_type) AS page_views,
       s.sessions, s.pages, s.onward, s.acting, v.visitors, v.revisitors, v.inquirers, v.with_deal
FROM by_session AS s JOIN by_visitor AS v USING (content_type)
"""


def run_kpiflow(ws, by: str):
    return ws.behaviour(PERIOD, by=by, lang="en")


def run_plain(ws) -> list[tuple]:
    return ws.con.execute(PLAIN_SQL).fetchall()


def compare(result, plain: list[tuple]) -> list[str]:
    """Every difference between kpiflow's content-type counts and the plain SQL's (empty when equal)."""
    got = {
        r.key: (
            r.page_views,
            r.sessions,
            round(r.pages_per_session * r.sessions) if r.sessions else 0,
            r.onward_rate.count,
            r.action_rate.count,
            r.visitors,
            r.revisit_rate.count,
            r.inquiry_rate.count,
            r.opportunity_rate.count,
        )
        for r in result.records
    }
    expected = {row[0]: tuple(row[1:]) for row in plain}
    return [
        f"{key}: kpiflow {got.get(key)}, plain SQL {expected.get(key)}"
        for key in sorted(got.keys() | expected.keys(), key=str)
        if got.get(key) != expected.get(key)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", default="default", choices=["small", "default", "large"])
    parser.add_argument("--data", type=Path, default=Path(__file__).parent / "data")
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs for each side")
    args = parser.parse_args()
    ws = workspace(args.data, args.size)
    try:
        plain_time, plain = best(lambda: run_plain(ws), args.repeat)
        times = {}
        for by in BY:
            times[by], result = best(lambda by=by: run_kpiflow(ws, by), args.repeat)
            if by == "content_type":
                problems = compare(result, plain)
                assert not problems, "kpiflow and the plain SQL disagree:\n  " + "\n  ".join(problems[:20])
                views = sum(r.page_views for r in result.records)
                print(f"counts agree: {views:,} page views in {PERIOD} over {len(result.records)} content types")
        print(f"plain SQL, content types (1 DuckDB query)  {plain_time * 1000:8.1f} ms")
        for by, seconds in times.items():
            verdict = "ok" if seconds * 1000 < TARGET_MS else "OVER TARGET"
            print(f"kpiflow behaviour by {by:<21} {seconds * 1000:8.1f} ms   (target < {TARGET_MS} ms) {verdict}")
    finally:
        ws.close()


if __name__ == "__main__":
    main()
