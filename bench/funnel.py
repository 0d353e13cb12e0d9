"""Benchmark: `touch_funnel` against a hand-written DuckDB ASOF query and a plain pandas version.

    python bench/funnel.py [--rows 20000000] [--persons 1000000] [--repeat 3] [--data bench/data]

Generates (numpy, fixed seed; made once and reused) a touchpoints table of --rows events by
--persons people into a DuckDB file under --data: each person is active from a random day of a
two-year span, with events spread after it (exponential, mean 25 days). Then times each side in
a fresh process (so that its peak memory, from getrusage, is its own; best of three runs after an
untimed warm-up), the sides taking turns for --repeat rounds so that the load of a shared
machine falls on all of them alike (medians of the rounds reported):
  kpiflow  touch_funnel(booth_visit -> demo -> inquiry -> meeting, ordered, 30-day window):
           counts, rates, intervals and time-to-convert, as `kpiflow funnel --step ... --json`
  listed   the same with the per-unit list (`per_unit=True`, as `--dropped FILE` asks)
  hand     the ASOF-join query an analyst would write for the same counts (HAND_SQL below)
  pandas   a straightforward sort + groupby/apply on the events of the first tenth of the
           people (about 2M events); skipped with a message when pandas is not installed
The script asserts that every side gives the same step counts (pandas against kpiflow on the
same slice), then prints the times, kpiflow's ratio to the hand SQL (target <= 1.5x) and its
per-event speed-up over pandas (target >= 20x).
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import resource
import statistics
import sys
import time
from pathlib import Path

import duckdb
import numpy as np

from kpiflow.analysis.touch_funnel import touch_funnel
from kpiflow.engine import duck
from kpiflow.model.semantic import contract_columns

TYPES = ["page_view", "email_open", "download", "booth_visit", "demo", "inquiry", "meeting", "email_click"]
WEIGHTS = [0.45, 0.15, 0.10, 0.08, 0.07, 0.06, 0.05, 0.04]
CHANNELS = ["web_form", "ads", "email", "exhibition", "seminar", "referral"]
FUNNEL = ["booth_visit", "demo", "inquiry", "meeting"]
WITHIN = dt.timedelta(days=30)
TARGET_SQL, TARGET_PANDAS = 1.5, 20.0
RUNS_PER_PROCESS = 3

# The hand-written baseline: each step the earliest later event of the person (ASOF join),
# the furthest step within 30 days of step 1 per attempt, the best attempt per person.
HAND_SQL = """
WITH s1 AS (SELECT contact_id AS u, occurred_at AS t FROM {table} WHERE type = 'booth_visit' AND contact_id IS NOT NULL),
     s2 AS (SELECT contact_id AS u, occurred_at AS t FROM {table} WHERE type = 'demo' AND contact_id IS NOT NULL),
     s3 AS (SELECT contact_id AS u, occurred_at AS t FROM {table} WHERE type = 'inquiry' AND contact_id IS NOT NULL),
     s4 AS (SELECT contact_id AS u, occurred_at AS t FROM {table} WHERE type = 'meeting' AND contact_id IS NOT NULL),
     a2 AS (SELECT s1.u, s1.t AS t1, s2.t AS t2 FROM s1 ASOF LEFT JOIN s2 ON s1.u = s2.u AND s2.t >= s1.t),
     a3 AS (SELECT a2.*, s3.t AS t3 FROM a2 ASOF LEFT JOIN s3 ON a2.u = s3.u AND s3.t >= a2.t2),
     a4 AS (SELECT a3.*, s4.t AS t4 FROM a3 ASOF LEFT JOIN s4 ON a3.u = s4.u AND s4.t >= a3.t3),
     per_person AS (
       SELECT u, max(CASE WHEN t4 <= t1 + INTERVAL 30 DAY THEN 4
                          WHEN t3 <= t1 + INTERVAL 30 DAY THEN 3
                          WHEN t2 <= t1 + INTERVAL 30 DAY THEN 2
                          ELSE 1 END) AS reached
       FROM a4 GROUP BY u)
SELECT count(*), count(*) FILTER (WHERE reached >= 2), count(*) FILTER (WHERE reached >= 3),
       count(*) FILTER (WHERE reached >= 4)
FROM per_person
"""


def generate(path: Path, rows: int, persons: int, seed: int = 11) -> None:
    """The touchpoints table (canonical DDL) in a DuckDB file, unless it is there already."""
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    person = rng.integers(0, persons, rows, dtype=np.int64)
    first_day = rng.integers(0, 2 * 365 * 86400, persons, dtype=np.int64)
    data = {
        "person": person,
        "seconds": first_day[person] + rng.exponential(25 * 86400, rows).astype(np.int64),
        "type_code": rng.choice(len(TYPES), rows, p=WEIGHTS).astype(np.int64),
        "channel_code": rng.integers(0, len(CHANNELS), rows, dtype=np.int64),
    }
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    con = duck.connect(partial)
    con.execute("SET enable_progress_bar = false")
    duck.create_tables(con)
    con.register("d", data)
    con.execute(
        f"""
        INSERT INTO touchpoints (occurred_at, contact_id, account_id, type, channel)
        SELECT TIMESTAMP '2023-04-01' + to_seconds(seconds),
               'C' || lpad(person::VARCHAR, 7, '0'),
               'A' || lpad((person // 5)::VARCHAR, 6, '0'),
               list_extract({TYPES}, type_code + 1),
               list_extract({CHANNELS}, channel_code + 1)
        FROM d
        """
    )
    con.close()
    partial.rename(path)


def slice_of(source: Path, target: Path, persons: int) -> None:
    """The events of the first `persons` people, as their own database (for the pandas side)."""
    if target.exists():
        return
    con = duck.connect(target.with_suffix(".partial"))
    con.execute("SET enable_progress_bar = false")
    duck.create_tables(con)
    con.execute(f"ATTACH '{source}' AS src (READ_ONLY)")
    con.execute("INSERT INTO touchpoints SELECT * FROM src.touchpoints WHERE contact_id < ?", ["C" + str(persons).rjust(7, "0")])
    con.close()
    target.with_suffix(".partial").rename(target)


def run_kpiflow(con: duckdb.DuckDBPyConnection, per_unit: bool = False) -> list[int]:
    steps = [f"type = '{t}'" for t in FUNNEL]
    result = touch_funnel(duck.DuckEngine(con), steps=steps, within=WITHIN, columns=contract_columns(), per_unit=per_unit)
    return [s.reached for s in result.steps]


def run_listed(con: duckdb.DuckDBPyConnection) -> list[int]:
    return run_kpiflow(con, per_unit=True)


def run_hand(con: duckdb.DuckDBPyConnection) -> list[int]:
    return list(con.execute(HAND_SQL.format(table="touchpoints")).fetchone())


def run_pandas(con: duckdb.DuckDBPyConnection) -> list[int]:
    """What one would write in pandas: read, sort, one Python function per person."""
    frame = con.execute("SELECT contact_id, occurred_at, type FROM touchpoints").df()
    frame = frame[frame["type"].isin(FUNNEL) & frame["contact_id"].notna()].sort_values(["contact_id", "occurred_at"])
    window = np.timedelta64(int(WITHIN.total_seconds()), "s")

    def furthest(events) -> int:
        times = {t: events.loc[events["type"] == t, "occurred_at"].to_numpy() for t in FUNNEL}
        best = 0
        for start in times[FUNNEL[0]]:
            reached, previous = 1, start
            for step in FUNNEL[1:]:
                later = times[step][times[step] >= previous]
                if len(later) == 0 or later[0] > start + window:
                    break
                previous, reached = later[0], reached + 1
            best = max(best, reached)
        return best

    reached = frame.groupby("contact_id")[["occurred_at", "type"]].apply(furthest)
    return [int((reached >= k).sum()) for k in range(1, len(FUNNEL) + 1)]


SIDES = {"kpiflow": run_kpiflow, "listed": run_listed, "hand": run_hand, "pandas": run_pandas}


def idle_rss() -> int:
    """Peak RSS (KiB) of a child that only imported this script: the floor under every figure."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def measure(side: str, database: str, repeat: int) -> tuple[float, list[int], int, int]:
    """Best time of `repeat` runs after a warm-up, the counts, the events and this process's peak RSS (KiB)."""
    con = duck.connect(database, read_only=True)
    con.execute("SET enable_progress_bar = false")
    events = con.execute("SELECT count(*) FROM touchpoints").fetchone()[0]
    run = SIDES[side]
    counts = run(con)
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        again = run(con)
        best = min(best, time.perf_counter() - started)
        assert again == counts, (side, again, counts)
    con.close()
    return best, counts, events, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def in_child(side: str, database: Path, repeat: int) -> tuple[float, list[int], int, int]:
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(measure, (side, str(database), repeat))


def alternated(sides: list[str], database: Path, rounds: int) -> dict[str, tuple[float, list[int], int, int]]:
    """Each side's median time over `rounds`, the sides taking turns (a fresh process each), its
    counts, the events and its largest peak RSS."""
    runs: dict[str, list[tuple[float, list[int], int, int]]] = {side: [] for side in sides}
    for _ in range(rounds):
        for side in sides:
            runs[side].append(in_child(side, database, RUNS_PER_PROCESS))
    out = {}
    for side, found in runs.items():
        assert all(r[1] == found[0][1] for r in found), (side, [r[1] for r in found])
        out[side] = (statistics.median(r[0] for r in found), found[0][1], found[0][2], max(r[3] for r in found))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=20_000_000)
    parser.add_argument("--persons", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--data", type=Path, default=Path(__file__).parent / "data")
    args = parser.parse_args()
    full = args.data / f"funnel_{args.rows}_{args.persons}.duckdb"
    small = args.data / f"funnel_{args.rows}_{args.persons}_slice.duckdb"
    started = time.perf_counter()
    # In a child too: a process forked from a large parent would report the parent's peak.
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        pool.apply(generate, (full, args.rows, args.persons))
        pool.apply(slice_of, (full, small, args.persons // 10))
    print(f"data: {full.name} ({full.stat().st_size / 1e6:.0f} MB, ready in {time.perf_counter() - started:.1f} s)")

    with multiprocessing.get_context("spawn").Pool(1) as pool:
        floor = pool.apply(idle_rss)
    print(f"peak RSS of a child that only imports numpy, duckdb and kpiflow: {floor / 1024:.0f} MB")
    timed = alternated(["hand", "kpiflow", "listed"], full, args.repeat)
    hand, hand_counts, events, hand_rss = timed["hand"]
    ours, counts, _, ours_rss = timed["kpiflow"]
    listed, listed_counts, _, listed_rss = timed["listed"]
    assert counts == hand_counts == listed_counts, f"kpiflow {counts} (listed {listed_counts}) != hand SQL {hand_counts}"
    ratio = ours / hand
    print(f"step counts (booth_visit -> demo -> inquiry -> meeting, 30 days): {counts}")
    print(f"{args.repeat} rounds, the sides alternated, a process each (best of {RUNS_PER_PROCESS}); medians of the rounds")
    print(f"hand SQL  {hand:7.2f} s  peak RSS {hand_rss / 1024:6.0f} MB   ({events:,} events)")
    verdict = "ok" if ratio <= TARGET_SQL else "OVER TARGET"
    print(
        f"kpiflow   {ours:7.2f} s  peak RSS {ours_rss / 1024:6.0f} MB   ratio to hand SQL {ratio:.2f}x "
        f"(target <= {TARGET_SQL}x) {verdict}"
    )
    print(
        f"  with the per-unit list (--dropped) {listed:7.2f} s  peak RSS {listed_rss / 1024:6.0f} MB   "
        f"ratio to hand SQL {listed / hand:.2f}x"
    )

    try:
        import pandas  # noqa: F401, PLC0415  (optional: the bench's own dependency, never kpiflow's)
    except ImportError:
        print("pandas is not installed: the pandas comparison is skipped (pip install pandas into this venv to run it)")
        return
    slice_ours, slice_counts, slice_events, _ = in_child("kpiflow", small, args.repeat)
    slow, pandas_counts, _, pandas_rss = in_child("pandas", small, 1)
    assert slice_counts == pandas_counts, f"kpiflow {slice_counts} != pandas {pandas_counts} on the slice"
    per_event_ours, per_event_pandas = ours / events, slow / slice_events
    speedup = per_event_pandas / per_event_ours
    verdict = "ok" if speedup >= TARGET_PANDAS else "UNDER TARGET"
    print(
        f"pandas    {slow:7.2f} s  peak RSS {pandas_rss / 1024:6.0f} MB   ({slice_events:,} events, counts {pandas_counts}; "
        f"kpiflow on the same slice {slice_ours:.2f} s)"
    )
    print(
        f"per event: kpiflow {per_event_ours * 1e9:.0f} ns (full table), pandas {per_event_pandas * 1e9:.0f} ns; "
        f"speed-up {speedup:.0f}x (target >= {TARGET_PANDAS:.0f}x) {verdict}"
    )


if __name__ == "__main__":
    sys.exit(main())
