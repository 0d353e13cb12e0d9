"""The CLI through its runner: commands, exit codes, JSON, languages, and no tracebacks."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from conftest import shared_demo
from kpiflow.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The small demo, as `kpiflow demo --size small` builds it (test_demo_small_builds_and_checks
    runs that command itself); the commands below only read it."""
    return shared_demo("small", "en")


def run(*args: str):
    return runner.invoke(app, [str(a) for a in args])


def test_init_load_check(tmp_path):
    ws = tmp_path / "ws"
    result = run("init", ws, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert (ws / "kpiflow.yaml").is_file() and (ws / "kpiflow.duckdb").is_file()
    csv = tmp_path / "deals.csv"
    csv.write_text("deal_id,created_at,amount,outcome\nD1,2025/4/1,120万円,won\n", encoding="utf-8")
    result = run("load", csv, "--table", "deals", "-w", ws)
    assert result.exit_code == 0, result.output
    assert "1 rows loaded into deals" in result.output
    result = run("load", csv, "--table", "deals", "--mode", "upsert", "-w", ws, "--json")
    payload = json.loads(result.output)
    assert payload["rows"] == 1 and payload["table_rows"] == 1 and payload["mode"] == "upsert"
    result = run("check", "-w", ws, "--json")
    assert result.exit_code == 0
    report = json.loads(result.output)
    assert report["ok"] is True
    assert {t["table"]: t["rows"] for t in report["tables"]}["deals"] == 1


def test_refused_load_exit_code_and_message_without_traceback(tmp_path):
    ws = tmp_path / "ws"
    run("init", ws, "--lang", "ja")
    csv = tmp_path / "deals.csv"
    csv.write_text("deal_id,created_at,amount,outcome\nD1,2025-02-30,100,won\n", encoding="utf-8")
    result = run("load", csv, "--table", "deals", "-w", ws)
    assert result.exit_code == 3
    assert "deals.csv: 読み込みを中止しました" in result.output
    assert "2 行目、列「created_at」" in result.output
    assert "Traceback" not in result.output
    debug = run("load", csv, "--table", "deals", "-w", ws, "--debug", "--lang", "en")
    assert debug.exit_code == 3
    assert "Traceback" in debug.output and "line 2, column 'created_at'" in debug.output


def test_check_exits_4_on_violations(tmp_path):
    ws = tmp_path / "ws"
    run("init", ws, "--lang", "en")
    csv = tmp_path / "c.csv"
    csv.write_text("contact_id,account_id,created_at\nC1,A404,2025-04-01\n", encoding="utf-8")
    run("load", csv, "--table", "contacts", "-w", ws)
    result = run("check", "-w", ws)
    assert result.exit_code == 4
    assert "Missing reference" in result.output and "A404" in result.output


def test_unknown_table_preset_and_workspace(tmp_path):
    ws = tmp_path / "ws"
    run("init", ws)
    csv = tmp_path / "x.csv"
    csv.write_text("a\n1\n", encoding="utf-8")
    result = run("load", csv, "--table", "deal", "-w", ws, "--lang", "en")
    assert result.exit_code == 1 and "unknown table 'deal' (did you mean 'deals'?)" in result.output
    result = run("load", csv, "--table", "deal", "-w", ws)  # `kpiflow init` made a Japanese workspace
    assert result.exit_code == 1 and "テーブル「deal」はありません（「deals」の誤りでは？）" in result.output
    result = run("load", csv, "--table", "deals", "--mode", "merge", "-w", ws, "--lang", "en")
    assert result.exit_code == 3 and "unknown mode 'merge'" in result.output
    result = run("check", "-w", tmp_path / "nowhere")
    assert result.exit_code == 2 and "kpiflow init" in result.output


def test_schema_documents_the_contract():
    result = run("schema", "touchpoints", "--json", "--lang", "en")
    assert result.exit_code == 0
    [table] = json.loads(result.output)
    assert table["table"] == "touchpoints"
    types = {c["name"]: c for c in table["columns"]}["type"]
    assert "booth_visit" in types["allowed"] and "demo" in types["allowed"]
    text = run("schema", "--lang", "ja")
    assert text.exit_code == 0 and "展示会ブースへの立ち寄り" in text.output


def test_version_and_help():
    assert run("--version").output.startswith("kpiflow ")
    assert "load" in run("--help").output


def test_demo_small_builds_and_checks(tmp_path):
    result = run("demo", tmp_path / "demo", "--size", "small", "--lang", "en", "--no-report")  # the report: test_demo
    assert result.exit_code == 0, result.output
    assert "touchpoints" in result.output
    payload = json.loads(run("check", "-w", tmp_path / "demo", "--json").output)
    assert payload["ok"] is True
    assert {w["kind"] for w in payload["warnings"]} >= {"closed_before_created", "stage_order", "month_end_burst"}
    # A workspace of the user's own is never overwritten (rebuilding a demo is: test_demo.py).
    run("init", tmp_path / "mine")
    refused = run("demo", tmp_path / "mine", "--size", "small")
    assert refused.exit_code == 2 and "not a demo" in refused.output


def test_metrics_tree_and_dictionary_commands(tmp_path, demo):
    records = json.loads(
        run("metrics", "win_rate", "--period", "FY2025", "--by", "channel", "-w", demo, "--json").output
    )
    assert {r["channel"] for r in records} >= {"ads", "exhibition"}
    assert all({"metric", "period", "value", "numerator", "denominator", "ci_low", "ci_high"} <= set(r) for r in records)
    nodes = json.loads(run("tree", "--period", "FY2025", "-w", demo, "--json").output)
    assert nodes[0]["metric"] == "revenue" and nodes[0]["factors"] == ["won_deals", "avg_deal_size"]
    assert nodes[0]["product_of_factors"] == pytest.approx(nodes[0]["value"])
    text = run("tree", "--period", "FY2025", "-w", demo, "--lang", "ja")
    assert text.exit_code == 0 and "売上" in text.output
    md = tmp_path / "dictionary.md"
    assert run("dictionary", "--format", "md", "--out", md, "-w", demo).exit_code == 0
    assert "COUNT(*) FILTER" in md.read_text(encoding="utf-8")
    bad = run("metrics", "win_rat", "-w", demo)
    assert bad.exit_code == 1 and "did you mean 'win_rate'" in bad.output


def test_plan_command(tmp_path, demo):
    result = run(
        "plan",
        "--target",
        "revenue=150000000",
        "--period",
        "FY2026",
        "--set",
        "win_rate=0.3",
        "--scenario",
        "better:win_rate=0.35",
        "-w",
        demo,
        "--json",
    )
    assert result.exit_code == 0, result.output
    records = json.loads(result.output)["records"]
    base = {r["metric"]: r for r in records if r["scenario"] == "base"}
    assert base["revenue"]["required"] == 150000000 and base["win_rate"]["required"] == 0.3
    assert base["closed_deals"]["required"] == pytest.approx(base["won_deals"]["required"] / 0.3)
    assert run("plan", "--target", "revenue", "--period", "FY2026", "-w", demo).exit_code == 2
    text = run("plan", "--target", "revenue=150000000", "--period", "FY2026", "-w", demo, "--lang", "ja")
    assert text.exit_code == 0 and "感度" in text.output


def test_funnel_command(tmp_path, demo):
    result = run("funnel", "--period", "FY2025", "--by", "channel", "--within", "90d", "-w", demo, "--json")
    assert result.exit_code == 0, result.output
    records = json.loads(result.output)
    ads = next(r for r in records if r["channel"] == "ads" and r["from_stage"] == "mql")
    assert ads["to_stage"] == "sql" and ads["converted"] <= ads["entered"]
    assert {"from_stage", "to_stage", "channel", "entered", "converted", "rate", "ci_low", "ci_high"} <= set(ads)
    assert run("funnel", "--period", "FY2025", "--within", "soon", "-w", demo).exit_code == 1


def test_bottleneck_command(tmp_path, demo):
    result = run("bottleneck", "--by", "channel", "-w", demo, "--json")
    assert result.exit_code == 0, result.output
    records = json.loads(result.output)
    assert {"stage", "channel", "actual", "reference", "revenue_gain"} <= set(records[0])
    gains = [r["revenue_gain"] for r in records if r["revenue_gain"] is not None]
    assert gains == sorted(gains, reverse=True)
    assert run("bottleneck", "--against", "best-segment", "-w", demo).exit_code == 1


def test_handoff_command(tmp_path, demo):
    result = run("handoff", "--by", "channel", "-w", demo, "--json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    ads = next(r for r in payload["records"] if r.get("channel") == "ads")
    assert ads["sqls"] <= ads["mqls"] and "sql_rate" in ads
    text = run("handoff", "-w", demo, "--lang", "ja")
    assert text.exit_code == 0 and "引き渡し" in text.output


def test_velocity_and_lists_commands(tmp_path, demo):
    result = run("velocity", "--by", "channel", "-w", demo, "--json")
    assert result.exit_code == 0, result.output
    records = json.loads(result.output)["records"]
    assert {"from_stage", "to_stage", "n", "median_days", "p25_days", "p75_days", "channel"} <= set(records[0])
    csv_path = tmp_path / "fast.csv"
    assert run("lists", "fast", "--out", csv_path, "-w", demo).exit_code == 0
    assert csv_path.read_bytes().startswith(b"\xef\xbb\xbfcontact_id,")
    bad = run("lists", "slow", "-w", demo)
    assert bad.exit_code == 1 and "unknown list 'slow'" in bad.output


def test_touchpoint_funnel_command(tmp_path, demo):
    dropped = tmp_path / "dropped.csv"
    args = ["funnel", "--step", "type = 'booth_visit'", "--step", "type = 'demo'", "--within", "30d", "-w", demo]
    result = run(*args, "--json", "--dropped", dropped)
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output[result.output.index("{") :])
    first, second = payload["steps"]
    assert second["entered"] == first["reached"] and second["reached"] <= second["entered"]
    assert dropped.read_bytes().startswith(b"\xef\xbb\xbf")
    bad = run("funnel", "--step", "typ = 'demo'", "-w", demo)
    assert bad.exit_code == 1 and "did you mean 'type'" in bad.output
