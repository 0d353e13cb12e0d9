"""Benchmark: the lead lists and the handoff against hand-written DuckDB queries for the same rows.

    python bench/lists.py [--size default] [--repeat 5] [--data bench/data]

Uses the demo workspace of the given size (built once under --data by bench/metrics.py's helper;
`large` has 120k contacts and 30M touchpoints and takes about two minutes) and times, in one run
(best of --repeat after one untimed warm-up each):
  kpiflow  ws.lists("fast"), ws.lists("nurture") and ws.handoff("FY2025", by="channel"): SQL built,
           run, every row fetched and turned into records
  hand     the queries an analyst would write: HAND_LISTS walks each contact's first stage entries
           in order with window functions (the step medians, the p25 from lead, who is still open)
           and returns both lists with the same columns; HAND_HANDOFF and HAND_DEALS count the
           FY2025 MQLs by channel (episodes to the next MQL, first SQL, first sales touch by the
           owner, deals of the SQLs)
The script asserts that both sides list the same contacts with the same standards and days, and
give the same handoff numbers (floats to 1e-12), then prints both times and the ratio.
Target: kpiflow within 1.5x of the hand SQL. The lists miss it: kpiflow runs them one at a time
(the standards twice) and turns every row into a record, which for the nurture list's ~27k rows
(~106k at `large`) costs about as much as the query and its fetch.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from metrics import workspace  # noqa: E402  (the shared demo cache of bench/metrics.py)
from timing import best  # noqa: E402  (the shared timer of bench/timing.py)

from kpiflow.analysis.velocity import latest_entry  # noqa: E402
from kpiflow.model.periods import parse_period  # noqa: E402

STAGES = ["lead", "mql", "sql", "opportunity", "customer"]  # the demo model's contact stages
PERIOD, BY = "FY2025", "channel"
TARGET = 1.5

# $as_of: the latest stage entry (the lists' default).
HAND_LISTS = """
WITH firsts AS (
  SELECT entity_id AS contact_id, list_position(['lead', 'mql', 'sql', 'opportunity', 'customer'], stage) - 1 AS pos,
         min(entered_at) AS entered_at
  FROM stage_history
  WHERE entity = 'contact' AND entered_at <= $as_of AND stage IN ('lead', 'mql', 'sql', 'opportunity', 'customer')
  GROUP BY ALL
), walked AS (
  SELECT *, lead(pos) OVER w AS next_pos, lead(entered_at) OVER w AS next_at,
         CASE WHEN first_value(pos) OVER w = 0 THEN first_value(entered_at) OVER w END AS lead_at
  FROM firsts WINDOW w AS (PARTITION BY contact_id ORDER BY pos)
), step AS (
  SELECT pos, quantile_cont(epoch(next_at - entered_at) / 86400.0, 0.5) AS median_days
  FROM walked WHERE next_pos = pos + 1 AND next_at >= entered_at GROUP BY pos
), from_lead AS (
  SELECT pos, quantile_cont(epoch(entered_at - lead_at) / 86400.0, 0.25) AS p25_days
  FROM walked WHERE pos > 0 AND entered_at >= lead_at GROUP BY pos
), closed AS (
  SELECT contact_id FROM deals WHERE created_at <= $as_of AND contact_id IS NOT NULL GROUP BY contact_id
  HAVING bool_or(outcome = 'won' AND coalesce(closed_at, created_at) <= $as_of)
      OR bool_and(outcome = 'lost' AND coalesce(closed_at, created_at) <= $as_of)
), open_leads AS (
  SELECT w.contact_id, c.account_id, w.pos, w.entered_at, epoch($as_of - w.entered_at) / 86400.0 AS days_in_stage,
         CASE WHEN w.entered_at >= w.lead_at THEN epoch(w.entered_at - w.lead_at) / 86400.0 END AS days_from_lead,
         step.median_days, from_lead.p25_days, c.owner, c.channel
  FROM walked AS w LEFT JOIN step USING (pos) LEFT JOIN from_lead USING (pos) LEFT JOIN contacts AS c USING (contact_id)
  WHERE w.next_pos IS NULL AND w.pos < 4 AND w.contact_id NOT IN (SELECT contact_id FROM closed)
)
SELECT 'nurture' AS list, contact_id, account_id, pos, entered_at, days_in_stage, days_from_lead, median_days AS standard,
       owner, channel
FROM open_leads WHERE days_in_stage > median_days
UNION ALL
SELECT 'fast', contact_id, account_id, pos, entered_at, days_in_stage, days_from_lead, p25_days, owner, channel
FROM open_leads WHERE pos > 0 AND days_from_lead < p25_days AND (median_days IS NULL OR days_in_stage <= median_days)
"""

# $start, $end: the period's MQL entries; the demo model's SLA (24 h) and sales touches (meeting, call).
_EPISODES = """
WITH entries AS (
  SELECT DISTINCT entity_id AS contact_id, entered_at AS mql_at FROM stage_history
  WHERE entity = 'contact' AND stage = 'mql' AND entered_at IS NOT NULL
), handoffs AS (
  SELECT e.*, c.channel, c.owner FROM (
    SELECT contact_id, mql_at, lead(mql_at) OVER (PARTITION BY contact_id ORDER BY mql_at) AS ends FROM entries
  ) AS e LEFT JOIN contacts AS c USING (contact_id)
  WHERE e.mql_at >= $start AND e.mql_at < $end
), sql_entries AS (
  SELECT h.contact_id, h.mql_at, min(s.entered_at) AS sql_at
  FROM handoffs AS h JOIN stage_history AS s
    ON s.entity = 'contact' AND s.entity_id = h.contact_id AND s.stage = 'sql'
   AND s.entered_at >= h.mql_at AND (h.ends IS NULL OR s.entered_at < h.ends)
  GROUP BY ALL
), touches AS (
  SELECT h.contact_id, h.mql_at, min(t.occurred_at) AS touch_at
  FROM handoffs AS h JOIN touchpoints AS t
    ON t.contact_id = h.contact_id AND t.type IN ('meeting', 'call')
   AND t.occurred_at >= h.mql_at AND (h.ends IS NULL OR t.occurred_at < h.ends)
   AND (nullif(trim(t.owner), '') IS NULL OR nullif(trim(h.owner), '') IS NULL OR trim(t.owner) = trim(h.owner))
  GROUP BY ALL
), episodes AS (
  SELECT h.*, s.sql_at, t.touch_at
  FROM handoffs AS h LEFT JOIN sql_entries AS s USING (contact_id, mql_at) LEFT JOIN touches AS t USING (contact_id, mql_at)
)
"""

HAND_HANDOFF = (
    _EPISODES
    + """
SELECT GROUPING(channel) AS overall, channel, count(*) AS mqls, count(sql_at) AS sqls,
       quantile_cont(epoch(sql_at - mql_at) / 86400.0, 0.5) AS median_lag_days,
       count(*) FILTER (WHERE touch_at <= mql_at + INTERVAL 24 HOUR) AS sla_met,
       count(*) FILTER (WHERE touch_at IS NULL) AS never_touched,
       quantile_cont(epoch(touch_at - mql_at) / 3600.0, 0.5) AS median_hours_to_touch
FROM episodes GROUP BY GROUPING SETS ((channel), ())
"""
)

HAND_DEALS = (
    _EPISODES.replace("), touches AS (", "), unused_touches AS (")  # deals need no touches
    .replace("LEFT JOIN touches AS t USING (contact_id, mql_at)", "")
    .replace(", t.touch_at", "")
    + """
SELECT GROUPING(e.channel) AS overall, e.channel, count(DISTINCT (e.contact_id, e.mql_at)) AS opportunities,
       count(*) FILTER (WHERE d.outcome = 'won') AS won, count(*) FILTER (WHERE d.outcome = 'lost') AS lost,
       quantile_cont(epoch(d.closed_at - e.sql_at) / 86400.0, 0.5) FILTER (WHERE d.outcome = 'won') AS median_days_to_close
FROM episodes AS e JOIN deals AS d
  ON d.contact_id = e.contact_id AND e.sql_at IS NOT NULL AND d.created_at >= e.mql_at AND (e.ends IS NULL OR d.created_at < e.ends)
GROUP BY GROUPING SETS ((e.channel), ())
"""
)


def run_kpiflow(ws):
    return {"fast": ws.lists("fast"), "nurture": ws.lists("nurture"), "handoff": ws.handoff(PERIOD, by=BY)}


def run_hand_lists(ws) -> list[tuple]:
    return ws.con.execute(HAND_LISTS, {"as_of": latest_entry(ws.engine)}).fetchall()


def run_hand_handoff(ws) -> tuple[list[tuple], list[tuple]]:
    start, end = parse_period(PERIOD, ws.model.fiscal_year_start).sql_bounds()
    bounds = {"start": start, "end": end}
    return ws.con.execute(HAND_HANDOFF, bounds).fetchall(), ws.con.execute(HAND_DEALS, bounds).fetchall()


def _same(a: object, b: object) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, float) or isinstance(b, float):
        return math.isclose(float(a), float(b), rel_tol=1e-12, abs_tol=1e-12)
    return a == b


def compare_lists(result: dict, hand: list[tuple]) -> list[str]:
    problems = []
    for kind in ("fast", "nurture"):
        expected = {row[1]: row[2:] for row in hand if row[0] == kind}
        got = {r.contact_id: r for r in result[kind].records}
        if expected.keys() != got.keys():
            problems.append(
                f"{kind}: {len(got.keys() - expected.keys())} listed by kpiflow only, {len(expected.keys() - got.keys())} by the hand SQL only"
            )
        for contact in expected.keys() & got.keys():
            account, pos, entered_at, in_stage, from_lead, standard, owner, channel = expected[contact]
            r = got[contact]
            pairs = [
                ("account_id", r.account_id, account),
                ("stage", r.stage, STAGES[pos]),
                ("entered_at", r.entered_at, entered_at),
                ("days_in_stage", r.days_in_stage, in_stage),
                ("days_from_lead", r.days_from_lead, from_lead),
                ("standard_days", r.standard_days, standard),
                ("owner", r.owner, owner),
                ("channel", r.channel, channel),
            ]
            problems += [f"{kind} {contact} {name}: kpiflow {a!r}, hand SQL {b!r}" for name, a, b in pairs if not _same(a, b)]
    return problems


def compare_handoff(result, hand: tuple[list[tuple], list[tuple]]) -> list[str]:
    problems = []
    handoffs, deals = hand
    records = {None: result.total} | {r.key: r for r in result.records}
    fields = {
        "mqls": lambda r: r.mqls,
        "sqls": lambda r: r.sqls,
        "median_lag_days": lambda r: r.median_lag_days,
        "sla_met": lambda r: r.sla_met,
        "never_touched": lambda r: r.never_touched,
        "median_hours_to_touch": lambda r: r.median_hours_to_touch,
    }
    deal_fields = {
        "opportunities": lambda r: r.opportunities,
        "won": lambda r: r.won,
        "lost": lambda r: r.lost,
        "median_days_to_close": lambda r: r.median_days_to_close,
    }
    seen = set()
    for rows, names in ((handoffs, fields), (deals, deal_fields)):
        for overall, key, *values in rows:
            key = None if overall else key
            seen.add(key)
            r = records.get(key)
            if r is None:
                problems.append(f"handoff: kpiflow has no record for {BY} = {key!r}")
                continue
            for (name, get), expected in zip(names.items(), values, strict=True):
                if not _same(get(r), expected):
                    problems.append(f"handoff {BY} = {key!r} {name}: kpiflow {get(r)!r}, hand SQL {expected!r}")
    problems += [f"handoff: kpiflow has {BY} = {key!r}, the hand SQL not" for key in records.keys() - seen]
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", default="default", choices=["small", "default", "large"])
    parser.add_argument("--data", type=Path, default=Path(__file__).parent / "data")
    parser.add_argument("--repeat", type=int, default=5, help="best of N runs for each side")
    args = parser.parse_args()
    ws = workspace(args.data, args.size)
    try:
        assert ws.model.stage_names("contact") == STAGES, "the hand SQL is written for the demo model's stages"
        timings = {}
        timings["fast"] = best(lambda: ws.lists("fast"), args.repeat)
        timings["nurture"] = best(lambda: ws.lists("nurture"), args.repeat)
        timings["handoff"] = best(lambda: ws.handoff(PERIOD, by=BY), args.repeat)
        hand_lists_time, hand_lists = best(lambda: run_hand_lists(ws), args.repeat)
        hand_handoff_time, hand_handoff = best(lambda: run_hand_handoff(ws), args.repeat)
        result = {name: value for name, (_, value) in timings.items()}
        problems = compare_lists(result, hand_lists) + compare_handoff(result["handoff"], hand_handoff)
        assert not problems, "kpiflow and the hand SQL disagree:\n  " + "\n  ".join(problems[:20])
        print(
            f"rows agree: fast {len(result['fast'].records):,}, nurture {len(result['nurture'].records):,} contacts; "
            f"handoff {PERIOD} by {BY}: {result['handoff'].total.mqls:,} MQLs in {len(result['handoff'].records)} segments"
        )
        lists_time = timings["fast"][0] + timings["nurture"][0]
        rows = [
            ('ws.lists("fast")', timings["fast"][0], None),
            ('ws.lists("nurture")', timings["nurture"][0], None),
            ("both lists", lists_time, hand_lists_time),
            (f'ws.handoff("{PERIOD}", by="{BY}")', timings["handoff"][0], hand_handoff_time),
        ]
        print(f"{'':34} {'kpiflow':>10} {'hand SQL':>10}")
        for name, ours, hand in rows:
            if hand is None:
                print(f"{name:34} {ours * 1000:7.1f} ms")
                continue
            ratio = ours / hand
            verdict = "ok" if ratio <= TARGET else "OVER TARGET"
            print(f"{name:34} {ours * 1000:7.1f} ms {hand * 1000:7.1f} ms   ratio {ratio:4.2f}x (target <= {TARGET}x) {verdict}")
    finally:
        ws.close()


if __name__ == "__main__":
    main()
