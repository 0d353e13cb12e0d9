"""The dashboard, in-process: every page renders, every JSON twin equals the library's promised JSON,
and the security promises hold (headers, GET only, no traversal, escaping, loopback); the checks of
who the dashboard talks to (Host, token, cookie, logs, a busy port, a locked database) are in
test_dashboard_security.py."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import warnings

import pytest

pytest.importorskip("fastapi", reason="the dashboard needs the optional web extra: pip install 'fastapi>=0.110' uvicorn httpx")

with warnings.catch_warnings():
    # Starlette asks for `httpx2` instead of `httpx`; the test client works the same with either.
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient` is deprecated")
    from fastapi.testclient import TestClient

import kpiflow
from conftest import ACCOUNTS, CONTACTS, COSTS, DEALS, HISTORY, copy_demo, shared_demo, workspace_from_csv
from kpiflow.analysis.result import json_data
from kpiflow.dashboard import create_app, serve
from kpiflow.dashboard.app import PAGES, SECURITY_HEADERS
from kpiflow.errors import KpiflowError
from kpiflow.reporting import charts

HOSTILE = "<script>alert(1)</script>"
LOCAL = "http://127.0.0.1:8765"  # an address the dashboard answers to (TestClient's default, testserver, is refused)


def local(app) -> TestClient:
    return TestClient(app, base_url=LOCAL)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    return shared_demo("small", "ja")


@pytest.fixture(scope="module")
def client(demo):
    with local(create_app(demo)) as c:
        yield c


def plain(value):
    return json.loads(json.dumps(value, default=str))


# Each page's parameters next to the library call that must give the same data.
CASES = [
    ("tree", {}, lambda ws: ws.tree("FY2025")),
    ("funnel", {"by": "channel"}, lambda ws: ws.funnel("FY2025", by=["channel"])),
    ("bottleneck", {}, lambda ws: ws.bottleneck("FY2025")),
    ("velocity", {"by": "channel"}, lambda ws: ws.velocity("FY2025", by="channel")),
    ("explain", {"metric": "revenue", "from": "FY2024"}, lambda ws: ws.explain("revenue", "FY2024", "FY2025")),
    ("exhibitions", {}, lambda ws: ws.exhibitions("FY2025")),
    ("behaviour", {}, lambda ws: ws.behaviour("FY2025", by="content_type")),
    # the registry's defaults: marketing's touches (sales' meetings and calls left out), as on every face
    ("patterns", {"outcome": "won"}, lambda ws: ws.patterns("won", within="30d", max_length=3, period="FY2025", where="channel <> 'sales'")),
    ("dictionary", {}, lambda ws: ws.dictionary()),
    ("handoff", {"by": "channel"}, lambda ws: ws.handoff("FY2025", by="channel")),
    ("lists", {"kind": "nurture"}, lambda ws: ws.lists("nurture")),
    ("check", {}, lambda ws: ws.check()),
    ("plan", {"target": "revenue=2000000000", "set": "win_rate=0.4"}, lambda ws: ws.plan({"revenue": 2e9}, "FY2026", overrides={"win_rate": 0.4})),
]


def test_the_default_period_is_thelast_complete_year(demo):
    with kpiflow.open(str(demo), read_only=True) as ws:
        assert ws.last_complete_year().label("en") == "FY2025"  # the CASES below rely on it


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_page_renders_with_its_title(client, page, lang):
    response = client.get(page.path, params={"lang": lang})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert f"<h1>{page.title[lang]}</h1>" in response.text
    assert f'<html lang="{lang}">' in response.text
    for other in PAGES:  # the nav bar links every page
        assert f'href="{other.path}?' in response.text


@pytest.mark.parametrize(("name", "params", "call"), CASES, ids=[c[0] for c in CASES])
def test_every_api_twin_equals_the_library(client, demo, name, params, call):
    response = client.get(f"/api/{name}", params=params)
    assert response.status_code == 200, response.text
    with kpiflow.open(str(demo), read_only=True) as ws:
        expected = plain(json_data(call(ws)))
    assert response.json() == expected


def test_api_follows_period_and_lang(client, demo):
    got = client.get("/api/tree", params={"period": "FY2024Q3", "lang": "en"}).json()
    with kpiflow.open(str(demo), read_only=True) as ws:
        assert got == plain(ws.tree("FY2024Q3", lang="en").to_json_data())


def test_blueprints_list_is_empty_in_a_fresh_demo(client):
    assert client.get("/api/blueprints").json() == []
    assert "kpiflow blueprint save NAME --period" in client.get("/blueprints", params={"lang": "en"}).text  # how to make one


def test_repeated_requests_are_served_from_the_cache(client):
    first = client.get("/api/funnel", params={"by": "industry"}).json()
    assert client.get("/api/funnel", params={"by": "industry"}).json() == first


def test_library_errors_are_400_with_the_message_and_no_traceback(client):
    # in the page's language: the dashboard's (ja here) unless ?lang= says otherwise
    page = client.get("/explain", params={"metric": "revnue"})
    assert page.status_code == 400
    assert "指標「revnue」はありません（「revenue」の誤りでは？）" in page.text and "Traceback" not in page.text
    english = client.get("/explain", params={"metric": "revnue", "lang": "en"})
    assert "unknown metric &#39;revnue&#39; (did you mean &#39;revenue&#39;?)" in english.text  # escaped
    api = client.get("/api/explain", params={"metric": "revnue", "lang": "en"})
    assert api.status_code == 400
    assert api.json()["error"] == "unknown metric 'revnue' (did you mean 'revenue'?)"
    assert client.get("/api/patterns", params={"max_length": "three"}).status_code == 400
    assert client.get("/", params={"lang": "fr"}).status_code == 400


@pytest.mark.parametrize("path", ["/", "/api/tree", "/static/app.css", "/no-such-page", "/static/../kpiflow.yaml"])
def test_security_headers_on_every_response(client, path):
    response = client.get(path)
    for header, value in SECURITY_HEADERS.items():
        assert response.headers[header] == value


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_pages_have_no_inline_script_and_no_inline_style(client, page):
    body = client.get(page.path).text
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", body, flags=re.S)
    assert scripts, "the page loads its scripts from files"
    for attributes, content in scripts:
        assert content.strip() == "" and re.search(r'src="/static/[^"]+"', attributes), attributes
    assert "style=" not in body and "<style" not in body  # the CSP allows neither
    assert re.search(r"<[^>]+\son[a-z]+=", body) is None  # no inline event handlers either


@pytest.mark.parametrize("path", ["/static/vendor/plotly.min.js", "/static/vendor/htmx-2.0.11.min.js", "/static/app.js"])
def test_scripts_are_served_from_the_package(client, path):
    response = client.get(path)
    assert response.status_code == 200 and len(response.content) > 1000
    assert "javascript" in response.headers["content-type"]


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
@pytest.mark.parametrize("path", ["/", "/api/tree"])
def test_only_get_is_allowed(client, method, path):
    assert client.request(method, path).status_code == 405


@pytest.mark.parametrize("path", ["/static/../kpiflow.yaml", "/static/..%2fkpiflow.yaml", "/static/..%2F..%2Fkpiflow.duckdb"])
def test_static_files_cannot_escape_their_folder(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "metrics" not in response.text


def test_hostile_names_are_escaped(tmp_path):
    tables = {"accounts": ACCOUNTS, "contacts": CONTACTS, "deals": DEALS, "stage_history": HISTORY, "costs": COSTS}
    tables = {k: v.replace("ads", HOSTILE) for k, v in tables.items()}
    ws = workspace_from_csv(tmp_path, tables)
    root = ws.root
    ws.close()
    with local(create_app(root)) as c:
        data = c.get("/api/funnel", params={"period": "FY2025", "by": "channel"}).json()
        assert HOSTILE in json.dumps(data)  # the name reaches the page's data ...
        for path in ("/funnel", "/bottleneck", "/velocity"):
            body = c.get(path, params={"period": "FY2025", "by": "channel"}).text
            assert HOSTILE not in body
        body = c.get("/funnel", params={"period": "FY2025", "by": "channel"}).text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body  # ... and is shown as text
        for params in ({"metric": HOSTILE}, {"period": HOSTILE}):  # echoed in the form and in the error message
            echoed = c.get("/explain", params=params)
            assert echoed.status_code == 400
            assert HOSTILE not in echoed.text and "&lt;script&gt;" in echoed.text


def test_serve_refuses_a_public_host_without_a_token(demo):
    with pytest.raises(KpiflowError, match="token"):
        serve(demo, host="0.0.0.0")
    with pytest.raises(KpiflowError, match="token"):
        serve(demo, host="192.168.1.10", token="")


def test_cells_are_formatted_for_people_and_headers_translated():
    from kpiflow.dashboard.tables import _records, formatted, header  # noqa: PLC0415  (the package imports FastAPI)

    assert formatted(0.4523, "rate", "ja") == "45.2%"
    assert formatted(0.3, "stop_rate", "en") == "30.0%"
    assert formatted(101_000_000.0, "revenue", "ja") == "1.01億円"
    assert formatted(1_234_567, "revenue", "en") == "¥1,234,567"
    assert formatted(12.82, "lift", "en") == "12.82"
    assert header("rate", "ja") == "率" and header("unknown_key", "ja") == "unknown_key"
    table = _records("", [{"rate": 0.5, "ci_low": 0.25, "ci_high": 0.75}], "en")
    assert table.rows == [["50.0%", "25.0%", "75.0%"]]
    lifts = _records("", [{"lift": 2.0, "ci_low": 1.5, "ci_high": 2.5, "confidence": 0.2}], "en")
    assert lifts.rows[0][1] == "1.50"  # a lift's interval to two decimals, as the terminal shows it


# --- pickers, visuals and blueprint checks


def options(body: str, name: str) -> tuple[list[str], str | None]:
    """The values a <select name=...> offers and the selected one."""
    select = re.search(rf'<select name="{name}">(.*?)</select>', body, flags=re.S).group(1)
    values = re.findall(r'<option value="([^"]*)"', select)
    chosen = re.search(r'<option value="([^"]*)" selected>', select)
    return values, chosen.group(1) if chosen else None


def test_the_period_picker_offers_the_periods_with_data_newest_first(client, demo):
    values, chosen = options(client.get("/funnel").text, "period")
    with kpiflow.open(str(demo), read_only=True) as ws:
        expected = [p.label("en") for kind in ("fy", "half", "quarter", "month") for p in reversed(ws.periods(kind))]
    assert values == expected and chosen == "FY2025"
    by, none = options(client.get("/funnel").text, "by")
    assert by[0] == "" and none == "" and "channel" in by and "industry" in by  # (none) chosen


def test_explain_shows_the_defaults_it_used(client):
    body = client.get("/explain", params={"lang": "en"}).text
    assert options(body, "metric")[1] == "revenue"
    assert options(body, "from")[1] == "FY2024"  # the same period a year earlier
    assert '<p class="summary">Revenue' in body


def test_a_typed_period_outside_the_list_is_kept_in_the_picker(client):
    values, chosen = options(client.get("/funnel", params={"period": "2025-04-01..2025-06-30"}).text, "period")
    assert chosen == "2025-04-01..2025-06-30" and values[0] == chosen


def test_the_key_point_map_links_every_card_to_its_explanation(client):
    body = client.get("/", params={"lang": "en"}).text
    assert '<svg class="kpi-tree"' in body
    tree = client.get("/api/tree").json()
    for node in tree:
        href = f'href="/explain?period=FY2025&amp;lang=en&amp;metric={node["metric"]}&amp;from=FY2024"'
        assert href in body, node["metric"]
    assert 'href="/funnel?period=FY2025&amp;lang=en"' in body


@pytest.mark.parametrize(
    ("path", "figure"),
    [
        ("funnel", lambda data, lang: charts.funnel_rates(data, lang)),
        ("bottleneck", lambda data, lang: charts.bottleneck_gains(data, lang)),
        ("explain", lambda data, lang: charts.waterfall(data, lang, True)),
        ("patterns", lambda data, lang: charts.sankey(data["paths"])),
    ],
)
def test_charts_draw_the_same_data_as_the_json_twin(client, path, figure):
    body = client.get(f"/{path}", params={"lang": "en"}).text
    drawn = [json.loads(html.unescape(m)) for m in re.findall(r'<div class="chart" data-figure="([^"]*)">', body)]
    data = client.get(f"/api/{path}", params={"lang": "en"}).json()
    assert drawn[0] == json.loads(json.dumps(figure(data, "en")))


@pytest.fixture(scope="module")
def with_blueprint(tmp_path_factory):
    ws, _ = copy_demo(tmp_path_factory.mktemp("bp") / "demo", size="small", lang="en")
    root = ws.root
    ws.close()
    with local(create_app(root)) as c:
        assert c.get("/api/blueprints").json() == []  # cached now: the save below must still show
        with kpiflow.open(str(root)) as ws:
            ws.blueprint_save("fy2024", "FY2024", within="180d", min_support=5)
        yield c, root


def test_a_saved_blueprint_appears_and_links_to_its_check(with_blueprint):
    c, _ = with_blueprint
    listed = c.get("/api/blueprints").json()
    assert [b["name"] for b in listed] == ["fy2024"]
    body = c.get("/blueprints", params={"lang": "en"}).text
    assert 'href="/blueprints?period=FY2025&amp;lang=en&amp;name=fy2024&amp;check=FY2025"' in body


def test_blueprint_check_page_and_twin_equal_the_library(with_blueprint):
    c, root = with_blueprint
    got = c.get("/api/blueprints", params={"name": "fy2024", "check": "FY2025"}).json()
    with kpiflow.open(str(root), read_only=True) as ws:
        expected = ws.blueprint_check("fy2024", "FY2025")
    assert got == plain(json_data(expected))
    body = c.get("/blueprints", params={"name": "fy2024", "check": "FY2025", "lang": "en"}).text
    verdict = "follows" if expected.follows else "departs from"
    assert f'<p class="summary">FY2025 {verdict} blueprint fy2024</p>' in body
    assert c.get("/api/blueprints", params={"name": "fy2024"}).json()["period"] == "FY2024"


def test_rows_that_name_a_metric_are_formatted_by_its_model_format(client, demo):
    from kpiflow.formatting import format_value  # noqa: PLC0415

    body = client.get("/", params={"lang": "ja"}).text
    with kpiflow.open(str(demo), read_only=True) as ws:
        tree = ws.tree("FY2025", lang="ja")
    revenue, win = tree.node("revenue"), tree.node("win_rate")
    assert f"<td>{format_value(revenue.value, 'money', 'ja')}</td>" in body  # 1.01億円, not 101,000,000
    assert f"<td>{format_value(win.value, 'percent', 'ja')}</td>" in body
    assert f"<td>{format_value(win.ci_low, 'percent', 'ja')}</td>" in body  # its interval is a rate too
    assert f"<td>{win.value:.4g}</td>" not in body


def test_a_result_about_one_metric_shows_its_values_in_that_format(client):
    from kpiflow.formatting import format_value  # noqa: PLC0415

    body = client.get("/explain", params={"lang": "ja"}).text
    data = client.get("/api/explain", params={"lang": "ja"}).json()
    for key in ("value_from", "value_to", "total_change"):
        assert f"<td>{format_value(data[key], 'money', 'ja')}</td>" in body, key


def test_the_key_point_map_lists_its_key_points(client, demo):
    from kpiflow.reporting.highlights import tree_highlights  # noqa: PLC0415

    body = client.get("/", params={"lang": "en"}).text
    with kpiflow.open(str(demo), read_only=True) as ws:
        points = tree_highlights(ws.tree("FY2025", lang="en"), ws.model, "en")
    assert points
    for point in points:
        assert f'<li class="{point.kind}">{html.escape(point.text, quote=False)}</li>' in body.replace("&#39;", "'")


def test_explain_tables_show_parts_of_the_change_in_the_metrics_unit_and_stop_at_100_rows(client):
    from kpiflow.dashboard.tables import MAX_ROWS  # noqa: PLC0415
    from kpiflow.formatting import format_value  # noqa: PLC0415

    data = client.get("/api/explain", params={"lang": "ja", "by": "channel,industry,campaign"}).json()
    body = client.get("/explain", params={"lang": "ja", "by": "channel,industry,campaign"}).text
    segment = next(s for s in data["segments"][:MAX_ROWS] if s["rate"] and s["share_to"] is not None)
    # a rate effect of revenue is money (1.23億円, not -9,881,742 nor a percentage); a share is a percentage
    assert f"<td>{format_value(segment['rate'], 'money', 'ja')}</td>" in body
    assert f"<td>{segment['share_to']:.1%}</td>" in body
    assert len(data["segments"]) > MAX_ROWS
    more = len(data["segments"]) - MAX_ROWS  # a long list says how many more rows there are
    assert f"最初の {MAX_ROWS} 行を表示。ほか {more} 行（全 {len(data['segments'])} 行は JSON にあります）" in body
    table = re.findall(r"<table>.*?</table>", body, flags=re.S)
    assert max(t.count("<tr>") for t in table) == MAX_ROWS + 1  # the header row and 100 rows


def test_windows_are_shown_in_days_and_relative_changes_as_signed_percentages():
    from kpiflow.dashboard.tables import formatted  # noqa: PLC0415

    assert formatted(2_592_000.0, "within_seconds", "ja") == "30日"
    assert formatted(2_592_000, "within_seconds", "en") == "30 days"
    assert formatted(0.5417, "change", "ja") == "+54.2%"
    assert formatted(9.048, "median_days", "ja") == "9.0" and formatted(134.71, "from_lead_p75_days", "en") == "134.7"
    assert formatted(1.39, "explanatory_power", "en") == "139.0%"
    assert formatted(-9_881_742.0, "rate", "ja") == "-9,881,742"  # no unit known: a plain number, never a percentage


def test_interval_bounds_of_a_named_rate_are_percentages():
    from kpiflow.dashboard.tables import formatted  # noqa: PLC0415

    assert formatted(0.05047, "stop_rate_ci_low", "ja") == "5.0%"
    assert formatted(12.2, "lift_ci_low", "en") == "12.20"  # a lift's interval is not a rate


def test_plan_starts_from_the_next_years_target_in_the_model(client, demo):
    body = client.get("/plan", params={"lang": "en"}).text
    with kpiflow.open(str(demo), read_only=True) as ws:
        goal = ws.model.targets["FY2026"]["revenue"]
        expected = ws.plan({"revenue": goal}, "FY2026", lang="en")
    assert options(body, "period")[1] == "FY2026"  # the first year after the data with a target
    assert f'name="target" value="revenue={goal:.0f}"' in body
    assert client.get("/api/plan", params={"lang": "en"}).json() == plain(expected.to_json_data())
    assert 'href="/funnel?lang=en"' in body  # the nav does not carry the plan's year to pages of data


def test_plan_without_a_goal_says_how_to_give_one(client):
    response = client.get("/api/plan", params={"period": "FY2030"})
    assert response.status_code == 400 and "target=revenue=" in response.json()["error"]


def test_csv_twin_is_the_table_excel_safe_with_a_bom(tmp_path):
    hostile = "=HYPERLINK(\"http://x\")"
    quoted = '"' + hostile.replace('"', '""') + '"'  # as a CSV field
    contacts = CONTACTS.replace(",ads", "," + quoted)  # the leads' channel
    tables = {"accounts": ACCOUNTS, "contacts": contacts, "deals": DEALS, "stage_history": HISTORY, "costs": COSTS}
    ws = workspace_from_csv(tmp_path, tables)
    root = ws.root
    ws.close()
    with local(create_app(root)) as c:
        response = c.get("/api/funnel.csv", params={"period": "FY2025", "by": "channel"})
        assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
        assert 'filename="kpiflow-funnel-channel-FY2025.csv"' in response.headers["content-disposition"]
        text = response.content.decode("utf-8")
        assert text.startswith("\ufeff")
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
        data = c.get("/api/funnel", params={"period": "FY2025", "by": "channel"}).json()
        assert rows[0] == list(data[0]) and len(rows) == len(data) + 1
        assert "'" + hostile in [cell for row in rows for cell in row]  # text, never a formula
        assert c.get("/api/explain.csv", params={"from": "FY2024"}).status_code == 400  # not one table: use the JSON


def test_pattern_pickers_show_the_defaults_used_and_name_stages(client):
    body = client.get("/patterns", params={"lang": "en"}).text
    # the registry's defaults, as the CLI, the report and the workbook use
    assert options(body, "outcome")[1] == "stage:opportunity" and options(body, "max_length")[1] == "3"
    assert '<option value="stage:opportunity" selected>Reached Opportunity</option>' in body
    assert 'name="within" value="30d"' in body


def test_the_data_check_page_names_each_finding_in_words(client, demo):
    from kpiflow.reporting.words import word  # noqa: PLC0415

    body = client.get("/check", params={"lang": "ja"}).text
    with kpiflow.open(str(demo), read_only=True) as ws:
        kinds = {w.kind for w in ws.check().warnings}
    assert kinds
    for kind in kinds:  # the words of every face (kpiflow.reporting.words), not the code
        assert f"<td>{html.escape(word(kind, 'ja'), quote=False)}</td>" in body, kind
        assert f"<td>{kind}</td>" not in body
    assert '<form method="get"' not in body  # nothing to pick: no form


def test_the_dashboard_language_can_be_chosen_at_start(demo):
    with local(create_app(demo, lang="en")) as c:  # the demo workspace is Japanese
        assert '<html lang="en">' in c.get("/").text
        assert '<html lang="ja">' in c.get("/", params={"lang": "ja"}).text
    with pytest.raises(KpiflowError, match="unknown language"):
        create_app(demo, lang="fr")


def test_a_registered_analysis_s_picker_shows_the_default_it_runs_with(client):
    # attribution runs with outcome=won, content with stage:opportunity: their pickers say so
    from kpiflow.analysis.registry import REGISTRY  # noqa: PLC0415

    for name in ("attribution", "content"):
        default = REGISTRY[name].param("outcome").default
        html = client.get(f"/{name}?lang=en").text
        picker = html.split('<select name="outcome">', 1)[1].split("</select>", 1)[0]
        assert f'<option value="{default}" selected>' in picker and picker.count(" selected") == 1
