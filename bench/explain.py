"""Benchmark: `ws.explain` against the hand-written grouped queries behind the same numbers.

    python bench/explain.py [--size large] [--repeat 3] [--data bench/data]

Uses the demo workspace of the given size (built once under --data by bench/metrics.py's
helper; `large` takes about a minute) and times, in one run:
  kpiflow  ws.explain("revenue", "FY2025Q2", "FY2025Q3", by=<6 dimensions>): the whole job,
           scans, LMDI down the tree, segments with mix/rate, tests, BH, narrative.
  hand     the grouped queries an analyst would write for the same numbers: for each source
           (closed deals, created deals, MQL and SQL entries, new leads) the two quarters in
           total and by each of the 6 dimensions, in one GROUPING SETS query per source, all
           rows fetched into Python.
The script asserts that kpiflow's segment values (won deals, closed deals, revenue, leads ...)
equal the hand SQL's, then prints both times (best of --repeat after a warm-up) and the ratio.
Target: kpiflow within 1.5x of the hand SQL.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from metrics import workspace  # noqa: E402  (the shared demo cache of bench/metrics.py)
from timing import best  # noqa: E402  (the shared timer of bench/timing.py)

DIMENSIONS = ["channel", "industry", "size_band", "region", "owner", "campaign"]
START, END = "FY2025Q2", "FY2025Q3"
TARGET = 1.5

SIDE = "CASE WHEN {t} >= TIMESTAMP '2025-07-01' AND {t} < TIMESTAMP '2025-10-01' THEN 0 WHEN {t} >= TIMESTAMP '2025-10-01' AND {t} < TIMESTAMP '2026-01-01' THEN 1 END"


def hand_queries() -> dict[str, str]:
    deal_dims = "d.channel, a.industry, a.size_band, a.region, d.owner, c.campaign"  # deals have no campaign: the contact's
    closed = SIDE.format(t="d.closed_at")
    created = SIDE.format(t="d.created_at")
    entered = SIDE.format(t="h.entered_at")
    lead = SIDE.format(t="c.created_at")
    dims = ["channel", "industry", "size_band", "region", "owner", "campaign"]
    select_dims = ", ".join(f"{e} AS {d}, GROUPING({e}) AS g_{d}" for e, d in zip(deal_dims.split(", "), dims, strict=True))
    contact_dims = "c.channel, a.industry, a.size_band, a.region, c.owner, c.campaign"
    select_contact = ", ".join(f"{e} AS {d}, GROUPING({e}) AS g_{d}" for e, d in zip(contact_dims.split(", "), dims, strict=True))
    history_dims = [
        "COALESCE(c.channel, d.channel)",
        "a.industry",
        "a.size_band",
        "a.region",
        "COALESCE(c.owner, d.owner)",
        "c.campaign",
    ]
    select_history = ", ".join(f"{e} AS {d}, GROUPING({e}) AS g_{d}" for e, d in zip(history_dims, dims, strict=True))
    group = lambda exprs: "GROUPING SETS ((side), " + ", ".join(f"(side, {e})" for e in exprs) + ")"  # noqa: E731
    return {
        "closed": f"""
            SELECT {closed} AS side, {select_dims},
                   sum(d.amount) FILTER (WHERE d.outcome = 'won') AS revenue,
                   count(*) FILTER (WHERE d.outcome = 'won') AS won_deals,
                   count(*) FILTER (WHERE d.outcome IN ('won', 'lost')) AS closed_deals,
                   sum(CAST(d.amount AS DOUBLE) * d.amount) FILTER (WHERE d.outcome = 'won') AS revenue_sq
            FROM deals d LEFT JOIN accounts a ON d.account_id = a.account_id LEFT JOIN contacts c ON d.contact_id = c.contact_id
            WHERE d.closed_at >= TIMESTAMP '2025-07-01' AND d.closed_at < TIMESTAMP '2026-01-01'
            GROUP BY {group([closed, *deal_dims.split(", ")])}""",
        "created": f"""
            SELECT {created} AS side, {select_dims}, count(*) AS opportunities
            FROM deals d LEFT JOIN accounts a ON d.account_id = a.account_id LEFT JOIN contacts c ON d.contact_id = c.contact_id
            WHERE d.created_at >= TIMESTAMP '2025-07-01' AND d.created_at < TIMESTAMP '2026-01-01'
            GROUP BY {group([created, *deal_dims.split(", ")])}""",
        "stages": f"""
            SELECT {entered} AS side, {select_history},
                   count(*) FILTER (WHERE h.entity = 'contact' AND h.stage = 'mql') AS mqls,
                   count(*) FILTER (WHERE h.entity = 'contact' AND h.stage = 'sql') AS sqls
            FROM stage_history h
            LEFT JOIN contacts c ON h.entity = 'contact' AND h.entity_id = c.contact_id
            LEFT JOIN deals d ON h.entity = 'deal' AND h.entity_id = d.deal_id
            LEFT JOIN accounts a ON a.account_id = COALESCE(c.account_id, d.account_id)
            WHERE h.entered_at >= TIMESTAMP '2025-07-01' AND h.entered_at < TIMESTAMP '2026-01-01'
            GROUP BY {group([entered, *history_dims])}""",
        "leads": f"""
            SELECT {lead} AS side, {select_contact}, count(*) AS leads
            FROM contacts c LEFT JOIN accounts a ON c.account_id = a.account_id
            WHERE c.created_at >= TIMESTAMP '2025-07-01' AND c.created_at < TIMESTAMP '2026-01-01'
            GROUP BY {group([lead, *contact_dims.split(", ")])}""",
    }


def run_hand(ws) -> dict[tuple[int, str | None, object], dict[str, float]]:
    """(side, dimension, segment) -> counts, from the hand queries."""
    cells: dict[tuple[int, str | None, object], dict[str, float]] = {}
    for sql in hand_queries().values():
        cursor = ws.con.execute(sql)
        header = [d[0] for d in cursor.description]
        for row in cursor.fetchall():
            record = dict(zip(header, row, strict=True))
            dimension = next((d for d in DIMENSIONS if record[f"g_{d}"] == 0), None)
            key = (record["side"], dimension, record[dimension] if dimension else None)
            values = {k: v for k, v in record.items() if k not in DIMENSIONS and not k.startswith("g_") and k != "side"}
            cells.setdefault(key, {}).update(values)
    return cells


def run_kpiflow(ws):
    return ws.explain("revenue", START, END, by=DIMENSIONS, lang="en")


def compare(result, hand) -> list[str]:
    problems = []
    counts = {"won_deals", "closed_deals", "leads", "opportunities", "mqls", "sqls", "revenue"}
    for node in result.tree:
        if node.metric in counts:
            for side, got in ((0, node.value_from), (1, node.value_to)):
                expected = hand.get((side, None, None), {}).get(node.metric) or 0
                if not math.isclose(float(got or 0), float(expected), rel_tol=1e-12):
                    problems.append(f"{node.metric} side {side}: kpiflow {got}, hand {expected}")
    for s in result.segments:
        if s.unattributed or s.factor not in ("leads", "win_rate", "avg_deal_size", "mql_rate"):
            continue
        for side, got in (
            (0, s.numerator_from if s.mix is not None else s.value_from),
            (1, s.numerator_to if s.mix is not None else s.value_to),
        ):
            name = {"leads": "leads", "win_rate": "won_deals", "avg_deal_size": "revenue", "mql_rate": "mqls"}[s.factor]
            expected = hand.get((side, s.dimension, s.value), {}).get(name) or 0
            if not math.isclose(float(got or 0), float(expected), rel_tol=1e-12):
                problems.append(f"{s.factor} {s.dimension}={s.value} side {side}: kpiflow {got}, hand {expected}")
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
        problems = compare(result, hand)
        if problems:
            print("kpiflow and the hand SQL disagree:", *problems[:20], sep="\n  ")
            raise SystemExit(1)
        ratio = ours_time / hand_time
        print(f"explain revenue {START} -> {END} by {len(DIMENSIONS)} dimensions, {len(result.segments):,} segment rows")
        print(f"  hand grouped SQL: {hand_time * 1000:8.1f} ms")
        print(f"  kpiflow explain : {ours_time * 1000:8.1f} ms")
        print(f"  ratio           : {ratio:.2f}x (target {TARGET}x) -> {'OK' if ratio <= TARGET else 'OVER TARGET'}")
    finally:
        ws.close()


if __name__ == "__main__":
    main()
