"""Benchmark: `kpiflow metrics revenue --json` as a whole process against a hand-written equivalent.

    python bench/startup.py [--workspace DIR] [--repeat 10]

Times, as whole processes started the same way (the venv's python), alternating the two sides
run after run so that the load of a shared machine falls on both alike:
  kpiflow  python -m kpiflow metrics revenue --json -w DIR
  hand     python -c HAND: DuckDB opened read-only, revenue by fiscal quarter over the span of
           the data, printed as the same JSON
The script asserts that both print the same JSON, then reports the median and best wall time of
each side and the ratio of the medians. It also reports the import time of kpiflow's modules for
the table-printing command (`python -X importtime`, summed over the top-level imports) next to
the import time of duckdb alone, the floor under any command that reads data.

Without --workspace, a small demo workspace is built once under bench/data. Byte code is cached
(under bench/data/pycache, even where PYTHONDONTWRITEBYTECODE is set) as an installed package has
it: otherwise every run would compile kpiflow's modules anew, about 50 ms that no user pays.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

# What an analyst would write: the data's span (every time column the workspace uses), the
# fiscal quarters over it (fiscal year from April), and won deals' amounts by the quarter they closed.
HAND = r"""
import datetime as dt, json, sys
import duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
lo, hi = con.execute('''
  SELECT min(t), max(t) FROM (
    SELECT min(created_at) AS t FROM contacts UNION ALL SELECT max(created_at) FROM contacts
    UNION ALL SELECT min(entered_at) FROM stage_history UNION ALL SELECT max(entered_at) FROM stage_history
    UNION ALL SELECT min(created_at) FROM deals UNION ALL SELECT max(created_at) FROM deals
    UNION ALL SELECT min(closed_at) FROM deals UNION ALL SELECT max(closed_at) FROM deals
    UNION ALL SELECT min(occurred_at) FROM touchpoints UNION ALL SELECT max(occurred_at) FROM touchpoints
    UNION ALL SELECT min(hour) FROM booth_traffic UNION ALL SELECT max(hour) FROM booth_traffic
    UNION ALL SELECT min(date) FROM costs UNION ALL SELECT max(date) FROM costs
    UNION ALL SELECT min(ordered_at) FROM orders UNION ALL SELECT max(ordered_at) FROM orders
    UNION ALL SELECT min(answered_at) FROM surveys UNION ALL SELECT max(answered_at) FROM surveys
    UNION ALL SELECT min(date) FROM brand_signals UNION ALL SELECT max(date) FROM brand_signals)
''').fetchone()
rows = con.execute('''
  WITH q AS (SELECT unnest(generate_series(
           date_trunc('quarter', ?::TIMESTAMP),
           ?::TIMESTAMP, INTERVAL 3 MONTH)) AS s)
  SELECT s, coalesce(sum(d.amount), 0)::DOUBLE FROM q
  LEFT JOIN deals d ON d.outcome = 'won' AND d.closed_at >= s AND d.closed_at < s + INTERVAL 3 MONTH
  GROUP BY s ORDER BY s
''', [lo, hi]).fetchall()
label = lambda s: f"FY{s.year - (s.month < 4)}Q{(s.month - 4) % 12 // 3 + 1}"
print(json.dumps([{"metric": "revenue", "period": label(s), "value": int(v) if v.is_integer() else v} for s, v in rows], indent=2))
"""


ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run(argv: list[str]) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, check=True, env=ENV)
    return time.perf_counter() - started, done.stdout


def imports_ms(argv: list[str]) -> float:
    """The summed top-level import time (ms) `python -X importtime` reports for `argv`."""
    done = subprocess.run([sys.executable, "-X", "importtime", *argv], capture_output=True, text=True, check=True, env=ENV)
    total = 0
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "self [us]" not in line:
            _, cumulative, name = line[len("import time:") :].split("|")
            if not name.startswith("  "):  # top level only: nested imports are inside it
                total += int(cumulative)
    return total / 1000


def demo(data: Path) -> Path:
    root = data / "demo_startup"
    if not (root / "kpiflow.duckdb").exists():
        subprocess.run([sys.executable, "-m", "kpiflow", "demo", str(root), "--lang", "en"], check=True, capture_output=True)
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workspace", type=Path)
    parser.add_argument("--data", type=Path, default=Path(__file__).parent / "data")
    parser.add_argument("--repeat", type=int, default=10, help="runs of each side, alternated")
    args = parser.parse_args()
    ENV["PYTHONPYCACHEPREFIX"] = str((args.data / "pycache").resolve())
    root = args.workspace or demo(args.data)
    ours_argv = [sys.executable, "-m", "kpiflow", "metrics", "revenue", "--json", "-w", str(root)]
    hand_argv = [sys.executable, "-c", HAND, str(root / "kpiflow.duckdb")]
    _, ours_out = run(ours_argv)  # warm-up, and the outputs to compare
    _, hand_out = run(hand_argv)
    assert json.loads(ours_out) == json.loads(hand_out), f"kpiflow and the hand script disagree:\n{ours_out}\n{hand_out}"
    ours, hand = [], []
    for _ in range(args.repeat):
        ours.append(run(ours_argv)[0])
        hand.append(run(hand_argv)[0])
    ratio = statistics.median(ours) / statistics.median(hand)
    print(f"same JSON ({len(json.loads(ours_out))} quarters); {args.repeat} runs each, alternated")
    print(f"hand     python -c (duckdb, read-only)   median {statistics.median(hand):.3f} s  best {min(hand):.3f} s")
    print(f"kpiflow  metrics revenue --json          median {statistics.median(ours):.3f} s  best {min(ours):.3f} s  ratio {ratio:.2f}x")
    table_argv = ["-m", "kpiflow", "metrics", "revenue", "-w", str(root)]
    table = min(imports_ms(table_argv) for _ in range(3))
    floor = min(imports_ms(["-c", "import duckdb"]) for _ in range(3))
    print(f"imports of `kpiflow metrics revenue` (table): {table:.0f} ms (best of 3); `import duckdb` alone: {floor:.0f} ms")


if __name__ == "__main__":
    main()
