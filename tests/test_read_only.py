"""Reads never write, and a read waits for a load in another process (then says so)."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

import kpiflow
from conftest import copy_demo
from kpiflow.cli import app
from kpiflow.errors import WorkspaceBusyError, WorkspaceError

runner = CliRunner()

READS = [
    ["metrics", "revenue", "win_rate", "--period", "FY2025"],
    ["tree", "--period", "FY2025"],
    ["plan", "--target", "revenue=1800000000", "--period", "FY2026"],
    ["funnel", "--period", "FY2025"],
    ["funnel", "--step", "type = 'booth_visit'", "--step", "type = 'demo'", "--within", "30d"],
    ["bottleneck", "--by", "channel"],
    ["explain", "revenue", "--from", "FY2024", "--to", "FY2025"],
    ["velocity"],
    ["handoff"],
    ["lists", "nurture"],
    ["exhibitions"],
    ["behaviour"],
    ["patterns", "--outcome", "won"],
    ["check"],
    ["dictionary"],
]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    ws, _ = copy_demo(tmp_path_factory.mktemp("read-only") / "demo", size="small", lang="en")
    ws.close()
    return ws.root


def _fingerprint(path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


@pytest.mark.parametrize("command", READS, ids=[" ".join(c[:2]) for c in READS])
def test_a_read_command_leaves_the_database_byte_for_byte(demo, command):
    database = demo / "kpiflow.duckdb"
    before = _fingerprint(database)
    result = runner.invoke(app, [*command, "-w", str(demo), "--json"])
    assert result.exit_code in (0, 4), result.output  # check exits 4 on the demo's planted violations
    assert _fingerprint(database) == before
    assert not (demo / "kpiflow.duckdb.wal").exists()


def _hold(database, *, read_only: bool, seconds: float) -> subprocess.Popen:
    """Another process that opens the database and keeps it for `seconds` (a load, a dashboard)."""
    code = (
        "import duckdb, sys, time\n"
        f"con = duckdb.connect({str(database)!r}, read_only={read_only})\n"
        "print('held', flush=True)\n"
        f"time.sleep({seconds})\n"
        "con.close()\n"
    )
    process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "held"
    process.stdout.close()
    return process


@pytest.mark.parametrize(
    ("lang", "words"), [("en", "another process is writing to the workspace"), ("ja", "別のプロセスがワークスペースに書き込み中")]
)
def test_a_read_waits_for_a_load_then_says_one_is_running(demo, lang, words):
    writer = _hold(demo / "kpiflow.duckdb", read_only=False, seconds=30)
    try:
        started = time.monotonic()
        with pytest.raises(WorkspaceBusyError) as caught:
            kpiflow.open(str(demo), lock_wait=0.4, lang=lang).metrics(["revenue"], period="FY2025")
        assert time.monotonic() - started >= 0.4  # it waited before giving up
        assert words in str(caught.value) and caught.value.exit_code == 6
    finally:
        writer.kill()
        writer.wait()


def test_a_read_goes_ahead_when_the_load_finishes_in_time(demo):
    writer = _hold(demo / "kpiflow.duckdb", read_only=False, seconds=0.5)
    try:
        with kpiflow.open(str(demo), lock_wait=20) as ws:
            assert ws.metrics(["won_deals"], period="FY2025").value("won_deals") > 0
    finally:
        writer.wait()


def test_a_load_waits_while_the_dashboard_reads(tmp_path):
    ws = kpiflow.init(str(tmp_path / "ws"), lang="en")
    ws.close()
    reader = _hold(ws.database, read_only=True, seconds=0.5)
    source = tmp_path / "contacts.csv"
    source.write_text("contact_id,created_at\nC1,2025-04-01\n", encoding="utf-8")
    try:
        with kpiflow.open(str(ws.root), lock_wait=20) as again:
            assert again.load(source, "contacts").rows == 1
    finally:
        reader.wait()


def test_a_read_only_workspace_refuses_to_load(tmp_path):
    ws = kpiflow.init(str(tmp_path / "ws"), lang="ja")
    ws.close()
    source = tmp_path / "contacts.csv"
    source.write_text("contact_id,created_at\nC1,2025-04-01\n", encoding="utf-8")
    with kpiflow.open(str(ws.root), read_only=True) as reader, pytest.raises(WorkspaceError, match="読み取り専用"):
        reader.load(source, "contacts")
