"""A command imports what it runs and nothing more: start-up time is import time.

Timings live in bench/startup.py; these tests pin the imports that made start-up slow
(every analysis module loaded by the workspace, rich loaded before anything was printed).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import DEALS, workspace_from_csv

HEAVY = ("numpy", "pandas", "plotly", "jinja2", "xlsxwriter", "fastapi")


@pytest.fixture(scope="module")
def deals_root(tmp_path_factory):
    """A workspace holding the hand-made deals, closed so that another process can read it."""
    ws = workspace_from_csv(tmp_path_factory.mktemp("startup"), {"deals": DEALS})
    ws.close()
    return ws.root


def run_cli(*args: str) -> tuple[str, set[str]]:
    """What `kpiflow ARGS` prints, and the modules its process had loaded when it ended."""
    script = (
        "import sys\n"
        "from kpiflow.cli import main\n"
        f"sys.argv = ['kpiflow', *{list(args)!r}]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as e:\n"
        "    assert not e.code, e.code\n"
        "print('\\n'.join(sys.modules), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return done.stdout, set(done.stderr.split())


def test_metrics_as_json_loads_only_the_metrics_analysis(deals_root):
    out, loaded = run_cli("metrics", "revenue", "--period", "FY2025", "--json", "-w", str(deals_root))
    # D1 (100) and D2 (300) were won in FY2025; D3 was lost.
    assert json.loads(out) == [{"metric": "revenue", "period": "FY2025", "value": 400}]
    analyses = {m for m in loaded if m.startswith("kpiflow.analysis.")}
    assert analyses <= {"kpiflow.analysis.metrics", "kpiflow.analysis.frames", "kpiflow.analysis.registry", "kpiflow.analysis.result"}
    assert "kpiflow.io.loader" not in loaded
    assert [m for m in (*HEAVY, "rich") if m in loaded] == []  # JSON needs no terminal rendering


def test_a_table_loads_rich_when_it_prints(deals_root):
    out, loaded = run_cli("metrics", "revenue", "--period", "FY2025", "--lang", "en", "-w", str(deals_root))
    assert "Revenue" in out and "400" in out
    assert "rich.table" in loaded
    assert [m for m in HEAVY if m in loaded] == []


def test_opening_a_workspace_loads_no_analysis_but_metrics():
    code = "import sys, kpiflow.workspace, kpiflow.cli; print('\\n'.join(sys.modules))"
    loaded = set(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split())
    assert {m for m in loaded if m.startswith("kpiflow.analysis.")} <= {"kpiflow.analysis.metrics", "kpiflow.analysis.frames", "kpiflow.analysis.result"}
    assert [m for m in (*HEAVY, "rich", "kpiflow.io.loader", "kpiflow.io.mapping") if m in loaded] == []
