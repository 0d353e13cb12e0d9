"""Adding an analysis takes one module (issue 16): a toy analysis declared once, with its words,
parameters and typed tables, is a command with --json, a workspace method, a dashboard page with
JSON and CSV twins, a report section and a workbook sheet, each showing the same numbers in the
same format, without a line written for any face.

The toy counts deals and wins per channel on the hand-made `tiny` workspace (conftest.py):
ads: D1 won (100), D4 open (70); exhibition: D2 won (300), D3 lost (50).
"""

from __future__ import annotations

import json
import warnings

import duckdb
import pytest
from python_calamine import CalamineWorkbook
from sqlglot import exp, parse_one
from typer.testing import CliRunner

import kpiflow
from conftest import ACCOUNTS, CONTACTS, DEALS, workspace_from_csv
from kpiflow.analysis.registry import REGISTRY, Analysis, Param, registered
from kpiflow.analysis.result import Column, Table, Tabular, columns, is_tabular
from kpiflow.cli import app
from kpiflow.errors import KpiflowError
from kpiflow.stats import wilson_interval

runner = CliRunner()


def deals_by_channel(ws, *, outcome: str = "won", lang: str | None = None) -> Tabular:
    """Deals per channel, those with `outcome`, and their share of the closed ones (a rate)."""
    query = parse_one(
        "SELECT channel, COUNT(*) AS deals, COUNT(*) FILTER (WHERE outcome = :o) AS hits,"
        " COUNT(*) FILTER (WHERE outcome IN ('won', 'lost')) AS closed,"
        " COALESCE(SUM(amount) FILTER (WHERE outcome = :o), 0) AS amount FROM deals GROUP BY channel ORDER BY channel",
        dialect="duckdb",
    )
    query = query.transform(lambda n: exp.Literal.string(outcome) if isinstance(n, exp.Placeholder) else n)
    records = []
    for channel, deals, hits, closed, amount in ws.engine.run(query):
        low, high = wilson_interval(hits, closed) if closed else (None, None)
        rate = hits / closed if closed else None
        records.append({"channel": channel, "deals": deals, "hits": hits, "closed": closed, "rate": rate, "rate_low": low, "rate_high": high, "amount": amount})
    table = Table(
        "channels",
        {"ja": "チャネル別", "en": "By channel"},
        columns(("channel", "label"), ("deals", "count"), ("hits", "count"), ("closed", "count"), ("rate", "rate"), ("rate_low", "rate"), ("rate_high", "rate"), ("amount", "money")),
        tuple(records),
    )
    return Tabular("toy", {"outcome": outcome}, (table,), notes=("rates are shares of closed deals",))


def amount_bars(data, lang: str) -> list[dict]:
    rows = data["tables"]["channels"]["rows"]
    title = {"ja": "受注金額", "en": "Won amount"}[lang]
    return [{"data": [{"type": "bar", "x": [r["channel"] for r in rows], "y": [r["amount"] for r in rows]}], "layout": {"title": {"text": title}}}]


TOY = Analysis(
    "toy",
    {"ja": "チャネル別の受注", "en": "Wins by channel"},
    {"ja": "チャネルごとの商談数と受注", "en": "Deals and wins per channel"},
    "toy",
    (Param("outcome", "choice", "won", {"en": "won | lost", "ja": "won | lost"}, ("won", "lost")),),
    function=deals_by_channel,
    charts=amount_bars,
)


@pytest.fixture(scope="module")
def toy(tiny):
    with registered(TOY) as entry:
        yield entry


def test_the_toy_is_a_workspace_method_whose_numbers_are_counted_by_hand(toy, tiny):
    rows = {r["channel"]: r for r in tiny.toy().table().records()}
    assert (rows["ads"]["deals"], rows["ads"]["hits"], rows["ads"]["closed"], rows["ads"]["amount"]) == (2, 1, 1, 100)
    assert (rows["exhibition"]["deals"], rows["exhibition"]["hits"], rows["exhibition"]["closed"]) == (2, 1, 2)
    assert rows["exhibition"]["rate"] == 0.5 and rows["exhibition"]["amount"] == 300
    lost = {r["channel"]: r for r in tiny.toy(outcome="lost").table().records()}
    assert (lost["exhibition"]["hits"], lost["exhibition"]["amount"], lost["ads"]["amount"]) == (1, 50, 0)


def test_its_json_is_the_parameters_and_every_table_with_typed_columns(toy, tiny):
    result = runner.invoke(app, ["toy", "-w", str(tiny.root), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert is_tabular(data)
    assert data["analysis"] == "toy" and data["params"] == {"outcome": "won"}
    table = data["tables"]["channels"]
    assert {c["name"]: c["kind"] for c in table["columns"]}["amount"] == "money"
    assert [r["hits"] for r in table["rows"]] == [1, 1]
    assert data == json.loads(json.dumps(tiny.toy().to_dict(), default=str))


def test_its_command_takes_the_registry_s_options_and_refuses_a_wrong_choice_by_name(toy, tiny):
    lost = json.loads(runner.invoke(app, ["toy", "-w", str(tiny.root), "--outcome", "lost", "--json"]).output)
    assert lost["params"] == {"outcome": "lost"}
    bad = runner.invoke(app, ["toy", "-w", str(tiny.root), "--outcome", "wonn"])
    assert bad.exit_code != 0 and "--outcome" in bad.output and "won" in bad.output
    assert "Traceback" not in bad.output


def test_the_terminal_shows_each_number_by_its_kind(toy, tiny):
    text = runner.invoke(app, ["toy", "-w", str(tiny.root), "--lang", "en"], env={"COLUMNS": "200"}).output
    assert "By channel" in text
    assert "¥300" in text and "50.0%" in text and "100.0%" in text  # money and rates, by their kind
    assert "rates are shares of closed deals" in text
    ja = runner.invoke(app, ["toy", "-w", str(tiny.root), "--lang", "ja"], env={"COLUMNS": "200"}).output
    assert "チャネル別" in ja


def _dashboard(root):
    pytest.importorskip("fastapi")
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient` is deprecated")
        from fastapi.testclient import TestClient  # noqa: PLC0415
    from kpiflow.dashboard import create_app  # noqa: PLC0415

    return TestClient(create_app(root), base_url="http://127.0.0.1:8765")


def test_the_dashboard_has_its_page_and_json_and_csv_twins(toy, tiny):
    with _dashboard(tiny.root) as client:
        page = client.get("/toy", params={"lang": "en"})
        api = client.get("/api/toy", params={"lang": "en", "outcome": "lost"})
        csv = client.get("/api/toy.csv", params={"lang": "en"})
        home = client.get("/", params={"lang": "en", "period": "FY2025"})
    assert page.status_code == 200 and "Wins by channel" in page.text and "¥300" in page.text and "50.0%" in page.text
    assert api.status_code == 200 and api.json()["params"] == {"outcome": "lost"}
    lines = csv.text.lstrip("\ufeff").splitlines()  # a BOM: Excel reads the file as UTF-8
    assert csv.status_code == 200 and lines[0] == "channel,deals,hits,closed,rate,rate_low,rate_high,amount"
    assert lines[2].startswith("exhibition,2,1,2,0.5,") and lines[2].endswith(",300.0")
    assert "/toy" in home.text  # in the navigation
    assert "Won amount" in page.text  # its chart, drawn from the same JSON


def test_the_report_and_the_workbook_have_its_section_and_sheet(toy, tiny, tmp_path):
    from kpiflow.reporting.excel import write_workbook  # noqa: PLC0415
    from kpiflow.reporting.html import build_report  # noqa: PLC0415

    report = build_report(tiny, period="FY2025", lang="en")
    assert 'id="toy"' in report and "Wins by channel" in report and "¥300" in report
    section = report.split('id="toy"')[1].split("</section>")[0]
    assert 'class="chart"' in section and "Won amount" in report
    names = write_workbook(tiny, tmp_path / "book.xlsx", period="FY2025", lang="en")
    assert "Wins by channel" in names
    sheet = CalamineWorkbook.from_path(str(tmp_path / "book.xlsx")).get_sheet_by_name("Wins by channel").to_python()
    header = next(i for i, row in enumerate(sheet) if "amount" in [str(c).lower() for c in row] or "Amount" in row)
    body = [row for row in sheet[header + 1 :] if row and row[0] in ("ads", "exhibition")]
    assert [row[-1] for row in body] == [100, 300]  # numbers stay numbers


def test_a_table_refuses_a_kind_or_a_column_it_does_not_know():
    with pytest.raises(KpiflowError, match="column kind"):
        Column("x", "percentage")
    with pytest.raises(KpiflowError, match="undeclared"):
        Table("t", {"en": "t"}, columns(("a", "count")), ({"a": 1, "b": 2},))
    with pytest.raises(KpiflowError, match="already registered"):
        with registered(TOY), registered(TOY):
            pass


def test_charts_name_categories_as_kpiflow_yaml_labels_them_and_leave_room_for_titles(toy, tiny):
    from kpiflow.analysis.registry import CHART_MARGIN, charts_of  # noqa: PLC0415
    from kpiflow.model.config import Label  # noqa: PLC0415
    from kpiflow.reporting.words import Vocabulary  # noqa: PLC0415

    words = Vocabulary("ja", {"channel": {"ads": Label(ja="広告", en="Ads")}})
    (figure,) = charts_of(TOY, tiny.toy().to_dict(), "ja", words.any_value)
    assert figure["data"][0]["x"] == ["広告", "exhibition"]  # an unlabelled value stays as it is
    assert figure["data"][0]["y"] == [100, 300] and figure["layout"]["margin"] == CHART_MARGIN


def test_a_workspace_keeps_a_result_until_its_data_are_written(ws):
    # The report, the workbook and the dashboard ask for the same results: an open workspace
    # computes each (analysis, parameters) once, and forgets them all when data are loaded.
    calls: list[str] = []

    def counted(ws, *, outcome: str = "won", lang: str | None = None) -> Tabular:
        calls.append(outcome)
        return deals_by_channel(ws, outcome=outcome, lang=lang)

    entry = Analysis("counted", TOY.title, TOY.summary, "counted", TOY.params, function=counted)
    again = Analysis("again", TOY.title, TOY.summary, "again", TOY.params, function=counted, kept=False)
    with registered(entry), registered(again):
        first = ws.counted()
        assert ws.counted() is first and calls == ["won"]
        ws.counted(outcome="lost")
        assert calls == ["won", "lost"]  # other parameters: another result
        assert ws.counted(lang=ws.lang) is first and calls == ["won", "lost"]  # no language is the workspace's
        assert ws.counted(lang="ja") is not first and calls == ["won", "lost", "won"]
        calls.pop()
        ws.again(), ws.again()
        assert calls == ["won", "lost", "won", "won"]  # an analysis that reads files of its own is never kept
        ws.writer()  # what writes (a load, init, the demo) goes through writer(): every result is forgotten
        ws.counted()
        assert calls == ["won", "lost", "won", "won", "won"]
    # kept or not by the values it runs with (attribution is kept unless it reads a --paths file)
    calls.clear()
    sometimes = Analysis("sometimes", TOY.title, TOY.summary, "sometimes", TOY.params, function=counted, kept=lambda values: values["outcome"] == "won")
    with registered(sometimes):
        ws.sometimes(), ws.sometimes(), ws.sometimes(outcome="lost"), ws.sometimes(outcome="lost")
        assert calls == ["won", "lost", "lost"]
    assert REGISTRY["attribution"].kept({"paths": None}) and not REGISTRY["attribution"].kept({"paths": "paths.csv"})


def test_workspaces_opened_on_the_same_data_share_results_until_anything_writes_it(tmp_path):
    # A script, a notebook or one `kpiflow export` may open a workspace again and again: what was
    # computed from the same data with the same model is computed once per process. Any write,
    # by kpiflow or another program, in the log or checkpointed, and any edit of the model, starts afresh.
    made = workspace_from_csv(tmp_path, {"accounts": ACCOUNTS, "contacts": CONTACTS, "deals": DEALS})
    root, database = made.root, made.database
    made.close()
    calls: list[int] = []

    def counted(ws, *, outcome: str = "won", lang: str | None = None) -> Tabular:
        result = deals_by_channel(ws, outcome=outcome, lang=lang)
        calls.append(result.tables[0].rows[0]["amount"])  # ads' won amount, as this run found it
        return result

    def ads_won() -> int:
        with kpiflow.open(str(root)) as ws:
            return ws.counted().tables[0].rows[0]["amount"]

    def write(statement: str, *, checkpoint: bool) -> None:
        con = duckdb.connect(str(database))
        if not checkpoint:  # the change stays in the write-ahead log, as a crashed or busy writer leaves it
            con.execute("PRAGMA disable_checkpoint_on_shutdown")
        con.execute(statement)
        con.close()

    with registered(Analysis("counted", TOY.title, TOY.summary, "counted", TOY.params, function=counted)):
        assert ads_won() == 100 and ads_won() == 100 and calls == [100]  # opened twice, computed once
        write("UPDATE deals SET amount = 150 WHERE deal_id = 'D1'", checkpoint=True)
        assert ads_won() == 150 and ads_won() == 150 and calls == [100, 150]
        write("UPDATE deals SET amount = 160 WHERE deal_id = 'D1'", checkpoint=False)
        assert database.with_name(database.name + ".wal").exists()
        assert ads_won() == 160 and calls == [100, 150, 160]
        write("UPDATE deals SET amount = 170 WHERE deal_id = 'D1'", checkpoint=False)
        assert ads_won() == 170 and calls == [100, 150, 160, 170]
        model = root / "kpiflow.yaml"
        model.write_text(model.read_text(encoding="utf-8") + "\n# a comment changes no model\n", encoding="utf-8")
        assert ads_won() == 170 and calls == [100, 150, 160, 170]
        model.write_text(model.read_text(encoding="utf-8").replace("locale: en", "locale: ja", 1), encoding="utf-8")
        assert ads_won() == 170 and calls == [100, 150, 160, 170, 170]  # another model: computed anew
        with kpiflow.open(str(root)) as ws:
            ws.load(tmp_path / "deals.csv", "deals")  # back to the file's 100, through kpiflow
        assert ads_won() == 100 and calls == [100, 150, 160, 170, 170, 100]


def test_the_data_states_read_most_recently_are_the_ones_kept(tmp_path, monkeypatch):
    import kpiflow.workspace as workspace  # noqa: PLC0415

    roots = []
    for name in "abc":
        made = workspace_from_csv(tmp_path / name, {"deals": DEALS})
        made.close()
        roots.append(made.root)
    monkeypatch.setattr(workspace, "_SHARED", {})
    monkeypatch.setattr(workspace, "_SHARED_STATES", 2)

    def cache_of(root):
        with kpiflow.open(str(root)) as ws:
            ws.columns()
            return ws._cache

    a, b = cache_of(roots[0]), cache_of(roots[1])
    assert cache_of(roots[0]) is a  # read again: now the most recent
    cache_of(roots[2])  # a third state: the one read longest ago (b) goes
    assert cache_of(roots[0]) is a and cache_of(roots[1]) is not b
