"""Benchmark: latency of every dashboard page and JSON twin, over real HTTP on 127.0.0.1.

    python bench/serve.py [--size default] [--rounds 20] [--data bench/data]

Serves the demo workspace of the given size (built once under --data by bench/metrics.py's
helper) with uvicorn in a background thread, then requests every page and every /api/ twin
`--rounds` times in turn (a bounded number of requests: pages x 2 x rounds) and prints the
first (cold) time and the p50 / p95 of the warm ones per route, then the same for every page
with the period picker changed (--other-period) and for the static assets. Target: p95 under 300 ms on the
default demo. Results are cached per (page, parameters, language, data files' mtimes), so the
first request of a route pays for the analysis and the rest measure the cache and rendering.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
from pathlib import Path

import httpx
import uvicorn

sys.path.insert(0, str(Path(__file__).parent))

from metrics import workspace  # noqa: E402  (the shared demo cache of bench/metrics.py)

from kpiflow.dashboard.app import PAGES, create_app  # noqa: E402

TARGET_MS = 300.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", default="default", choices=["small", "default", "large"])
    parser.add_argument("--data", type=Path, default=Path(__file__).parent / "data")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--port", type=int, default=8799)
    parser.add_argument("--other-period", default="FY2024", help="the period a person switches to with the picker")
    args = parser.parse_args()
    ws = workspace(args.data, args.size)
    root = ws.root
    ws.close()
    server = uvicorn.Server(uvicorn.Config(create_app(root), host="127.0.0.1", port=args.port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    routes = []
    for page in PAGES:
        routes += [page.path, "/api/" + ("tree" if page.path == "/" else page.path.strip("/"))]
    # A person changing the period picker (cold once, then cached), and the assets every page loads.
    routes += [f"{page.path}?period={args.other_period}" for page in PAGES if page.uses_period]
    routes += ["/static/app.css", "/static/app.js", "/static/vendor/htmx-2.0.11.min.js", "/static/vendor/plotly.min.js"]
    worst = 0.0
    with httpx.Client(base_url=f"http://127.0.0.1:{args.port}", timeout=120) as client:
        print(f"{'route':<36} {'cold ms':>9} {'p50 ms':>8} {'p95 ms':>8}")
        for route in routes:
            times = []
            for _ in range(args.rounds + 1):
                started = time.perf_counter()
                response = client.get(route)
                times.append((time.perf_counter() - started) * 1000)
                if response.status_code != 200:
                    raise SystemExit(f"{route}: HTTP {response.status_code}: {response.text[:200]}")
            cold, warm = times[0], sorted(times[1:])
            p95 = warm[max(0, int(round(0.95 * len(warm))) - 1)]
            worst = max(worst, p95)
            print(f"{route:<36} {cold:9.1f} {statistics.median(warm):8.1f} {p95:8.1f}")
    server.should_exit = True
    thread.join(timeout=10)
    print(f"worst warm p95: {worst:.1f} ms (target {TARGET_MS:.0f} ms) -> {'OK' if worst <= TARGET_MS else 'OVER TARGET'}")


if __name__ == "__main__":
    main()
