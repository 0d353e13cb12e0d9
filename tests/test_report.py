"""`kpiflow report`: one self-contained HTML file, every section, ja/en, hostile names escaped."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ACCOUNTS, CONTACTS, HISTORY, copy_demo, open_shared_demo, shared_demo, shared_report, workspace_from_csv
from kpiflow.cli import app
from kpiflow.errors import KpiflowError
from kpiflow.formatting import format_value
from kpiflow.reporting.html import LABELS, build_report, write_report

SECTIONS = ["tree", "plan", "funnel", "journey", "explain", "exhibitions", "behaviour", "patterns", "blueprints", "dictionary"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    ws = open_shared_demo("small", "ja")
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def html_ja(demo):
    return shared_report("ja")  # FY2025, the demo's last complete year


def without_bundle(html: str) -> str:
    """The report without the embedded Plotly library (whose source mentions URLs it never fetches)."""
    scripts = re.findall(r"<script>(.*?)</script>", html, flags=re.S)
    bundle = max(scripts, key=len)
    assert len(bundle) > 1_000_000  # the whole plotly.js, embedded
    return html.replace(bundle, "")


def test_every_section_is_present_and_made(html_ja):
    for name in SECTIONS:
        assert f'<section id="{name}">' in html_ja, name
        assert LABELS[name]["ja"] in html_ja
    assert 'class="unavailable"' not in without_bundle(html_ja)


def test_the_file_is_self_contained(html_ja):
    # no resource is fetched from anywhere: no external script, style, image, font or frame
    # (the browser test below also records every request the page makes)
    page = without_bundle(html_ja)
    assert not re.search(r"https?://", page)
    assert "<link" not in page.lower() and "@import" not in page
    assert not re.search(r"<script[^>]*\bsrc=", html_ja)
    assert html_ja.count("<script>") == 2  # the Plotly bundle once, and the few lines that draw the charts
    assert "Plotly" in html_ja and '"type": "waterfall"' in html_ja and '"type": "sankey"' in html_ja


def test_numbers_come_from_the_library_formatted_for_the_locale(demo, html_ja):
    tree = demo.tree("FY2025", lang="ja")
    revenue = tree.node("revenue").value
    assert format_value(revenue, "money", "ja") in html_ja  # 1.01億円 style
    win = tree.node("win_rate")
    assert f"{win.numerator:,.0f} / {win.denominator:,.0f}" in html_ja  # a rate with its counts
    assert demo.explain("revenue", "FY2024", "FY2025", lang="ja").summary in html_ja


def test_english_report_and_the_cli(tmp_path):
    out = tmp_path / "r.html"
    english = shared_demo("small", "en")  # its results were computed by other faces' tests
    result = CliRunner().invoke(app, ["report", "--period", "FY2025", "--lang", "en", "--out", str(out), "-w", str(english)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "Key point map (KPI tree)" in html and "¥" in html and "FY2025" in html
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_missing_folder_is_refused_and_nothing_is_written(demo, tmp_path):
    with pytest.raises(KpiflowError, match="does not exist"):
        write_report(demo, tmp_path / "no" / "r.html")
    assert not (tmp_path / "no").exists()


def test_hostile_names_are_text(tmp_path):
    hostile = "<script>alert(1)</script>"
    deals = (
        "deal_id,account_id,contact_id,created_at,amount,outcome,closed_at,channel\n"
        f'D1,A1,C1,2024-05-02,100,won,2024-06-20,"{hostile}"\n'
        f'D2,A2,C3,2025-05-03,300,won,2025-07-01,"{hostile}"\n'
        "D3,A2,C3,2025-05-04,50,lost,2025-06-30 23:59,exhibition\n"
    )
    ws = workspace_from_csv(
        tmp_path, {"accounts": ACCOUNTS, "contacts": CONTACTS, "deals": deals, "stage_history": HISTORY}, lang="en"
    )
    html = build_report(ws, period="FY2025", compare="FY2024", lang="en")
    ws.close()
    assert hostile not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html or "\\u003cscript\\u003e" in html


def _browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    chromium = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if chromium is None:
        pytest.skip("no Chromium on this machine (CI installs the Debian package `chromium` as root)")
    return sync_api, chromium


def test_the_report_renders_in_a_browser_without_errors(html_ja, tmp_path):
    sync_api, chromium = _browser()
    path = tmp_path / "report.html"
    path.write_text(html_ja, encoding="utf-8")  # the report the other tests read, as write_report writes it
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(path.as_uri())
        page.wait_for_selector(".plot-container", timeout=15000)
        assert page.locator(".plot-container").count() >= 3  # funnel, waterfall, Sankey
        # every chart is drawn: the charts' JSON parses (one NaN would refuse all of them)
        charts = json.loads(page.locator("#kpiflow-charts").text_content())
        assert page.locator(".plot-container").count() == len(charts)
        page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
        browser.close()
    assert errors == []
    assert all(url.startswith("file://") for url in requests), requests


def test_export_xlsx_from_the_cli(demo, tmp_path):
    from python_calamine import CalamineWorkbook  # noqa: PLC0415  (only this test reads a workbook back)

    out = tmp_path / "kpis.xlsx"
    english = shared_demo("small", "en")
    result = CliRunner().invoke(app, ["export", "--format", "xlsx", "--out", str(out), "--lang", "en", "-w", str(english)])
    assert result.exit_code == 0, result.output
    names = CalamineWorkbook.from_path(str(out)).sheet_names
    assert "KPI tree" in names and "Metric dictionary" in names
    bad = CliRunner().invoke(app, ["export", "--format", "csv", "--out", str(tmp_path / "k.csv"), "-w", str(demo.root)])
    assert bad.exit_code != 0 and "xlsx" in bad.output


def test_serve_refuses_a_network_address_without_a_token(demo):
    result = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0", "-w", str(demo.root), "--lang", "en"])
    assert result.exit_code != 0 and "refusing" in result.output and "Traceback" not in result.output


def test_plan_vs_actual_by_hand(demo, html_ja):
    # the demo's FY2025 targets (docs/demo.md): revenue 15億円, win rate 32%
    tree = demo.tree("FY2025", lang="ja")
    revenue = tree.node("revenue")
    assert revenue.target == 1.5e9
    section = html_ja.split('<section id="plan">')[1].split("</section>")[0]
    assert "15.00億円" in section and f"{revenue.value / revenue.target:.0%}" in section
    win = tree.node("win_rate")
    assert f"{(win.value - win.target) * 100:+.1f} pt" in section


def test_the_key_point_map_is_drawn_with_a_card_per_node_linked_to_its_definition(demo, html_ja):
    tree = demo.tree("FY2025", lang="ja")
    svg = re.search(r'<svg class="kpi-tree".*?</svg>', html_ja, flags=re.S).group(0)
    drawn = re.findall(r'<g class="kpi-node" data-metric="([a-z_]+)">', svg)
    assert sorted(drawn) == sorted(n.metric for n in tree.nodes)
    root = tree.nodes[0].metric
    assert '<a href="#explain">' in svg  # the root leads to why it changed ...
    for n in tree.nodes[1:]:  # ... every other card to its definition in the appendix
        assert f'<a href="#def-{n.metric}">' in svg and f'<tr id="def-{n.metric}">' in html_ja
    assert root == "revenue"


def test_tree_changes_carry_their_noise_label(demo, html_ja):
    tree = demo.tree("FY2025", lang="ja")
    rows = re.search(r'<table class="tree">(.*?)</table>', html_ja, flags=re.S).group(1)
    labels = re.findall(r'<br><span class="(significant|not_significant|untested)">', rows)
    expected = [
        "untested" if n.change_significant is None else ("significant" if n.change_significant else "not_significant")
        for n in tree.nodes
        if n.change is not None
    ]
    # Every node of the default tree is tested now: counts, revenue (compound Poisson), averages,
    # conversion rates and throughput ratios (a ratio of Poisson counts).
    assert labels == expected and set(labels) <= {"significant", "not_significant"}
    assert html.escape(LABELS["change_note"]["ja"], quote=False) in html_ja


def test_blueprint_status_is_the_check_against_the_report_period(tmp_path):
    ws, _ = copy_demo(tmp_path / "demo", size="small", lang="en")
    ws.blueprint_save("good", "FY2025", within="180d", min_support=5)
    ws.blueprint_save("same", "FY2024", within="180d", min_support=5)
    check = ws.blueprint_check("good", "FY2024")
    assert not check.follows and len(check.departures) >= 5  # FY2024 falls short of FY2025's blueprint
    html = build_report(ws, period="FY2024", lang="en")
    ws.close()
    section = re.search(r'<section id="blueprints">(.*?)</section>', html, flags=re.S).group(1)
    assert re.search(r"<td>good</td><td>FY2025</td>.*?>departs</td>", section, flags=re.S)
    assert "(this period&#39;s own blueprint)" in section  # no check of FY2024 against itself
    shown = re.search(r'<table class="departures">.*?<tbody>(.*?)</tbody>', section, flags=re.S).group(1)
    rows = re.findall(r"<tr><td>(.*?)</td>", shown)
    first = check.departures[0]
    label = ws.model.metrics[first.name].label.en if first.name in ws.model.metrics else first.name
    assert len(rows) == 5 and rows[0].startswith(label)


def test_the_report_opens_with_the_key_points(demo, html_ja):
    from kpiflow.reporting.highlights import tree_highlights  # noqa: PLC0415

    points = tree_highlights(demo.tree("FY2025", lang="ja"), demo.model, "ja")
    assert len(points) >= 2
    section = re.search(r'<section id="tree">(.*?)</section>', html_ja, flags=re.S).group(1)
    assert [f'<li class="{p.kind}">{p.text}</li>' in section for p in points] == [True] * len(points)
