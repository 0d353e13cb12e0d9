"""Display labels from kpiflow.yaml: `labels: {channel: {ads: 広告}, stage: {mql: ...}}` names values
on every face people read (terminal, dashboard, report, workbook), while the JSON keeps the values.
Names that are neither a dimension nor a stage are refused at their line."""

from __future__ import annotations

import json
import warnings

import pytest
from python_calamine import CalamineWorkbook
from typer.testing import CliRunner

from conftest import ACCOUNTS, CONTACTS, COSTS, DEALS, HISTORY, workspace_from_csv
from kpiflow.cli import app
from kpiflow.errors import ModelError
from kpiflow.model.config import default_model_text, parse_model
from kpiflow.reporting.excel import write_workbook
from kpiflow.reporting.headers import header
from kpiflow.reporting.html import build_report
from kpiflow.reporting.words import vocabulary
from kpiflow.workspace import open_workspace

LABELS = """
labels:
  channel:
    ads: {ja: 広告, en: Paid ads}
    exhibition: 展示会
  stage:
    mql: {ja: 有望リード, en: Promising lead}
"""


@pytest.fixture(scope="module")
def labelled(tmp_path_factory):
    """The tiny hand-made workspace (two channels, ads and exhibition) with labels in its model."""
    tables = {"accounts": ACCOUNTS, "contacts": CONTACTS, "deals": DEALS, "stage_history": HISTORY, "costs": COSTS}
    ws = workspace_from_csv(tmp_path_factory.mktemp("labels"), tables)
    root = ws.root
    ws.close()
    model = root / "kpiflow.yaml"
    model.write_text(model.read_text(encoding="utf-8") + LABELS, encoding="utf-8")
    return root


def cli(root, *args: str) -> str:
    result = CliRunner().invoke(app, [*args, "-w", str(root)], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    return result.output


def test_a_label_is_a_text_for_both_languages_or_one_per_language():
    model = parse_model(default_model_text("en") + LABELS)
    words_ja, words_en = vocabulary(model, "ja"), vocabulary(model, "en")
    assert (words_ja.value("channel", "ads"), words_en.value("channel", "ads")) == ("広告", "Paid ads")
    assert (words_ja.value("channel", "exhibition"), words_en.value("channel", "exhibition")) == ("展示会", "展示会")
    assert (words_ja.stage("mql"), words_en.stage("mql")) == ("有望リード", "Promising lead")
    assert words_ja.value("channel", "seminar") == "seminar"  # no label: the value itself
    assert words_ja.value("industry", "ads") == "ads"  # a label belongs to its dimension
    assert words_ja.code("lead → mql") == "リード → 有望リード"


@pytest.mark.parametrize(
    ("labels", "lang", "message"),
    [
        ("labels:\n  chanel: {ads: 広告}\n", "en", ":3: labels: 'chanel' is not a dimension of the model (did you mean 'channel'?)"),
        ("labels:\n  chanel: {ads: 広告}\n", "ja", ":3: labels: 「chanel」はモデルの分析軸ではありません（もしかして「channel」？）"),
        ("labels:\n  stage: {mq1: MQL}\n", "en", ":11: labels: 'mq1' is not a stage of the model (did you mean 'mql'?)"),
        ("labels:\n  channel: [ads]\n", "en", ":3: labels.channel: Input should be a valid dictionary"),
    ],
)
def test_labels_of_anything_but_a_dimension_or_a_stage_are_refused_at_their_line(labels, lang, message):
    text = default_model_text(lang)
    line = text.count("\n") + 2  # the line after `labels:`, which follows the default model
    with pytest.raises(ModelError) as refused:
        parse_model(text + labels)
    assert f"kpiflow.yaml:{line}{message}" in str(refused.value)


def test_the_terminal_shows_labels_and_the_json_keeps_the_values(labelled):
    table = cli(labelled, "funnel", "--period", "FY2025", "--by", "channel", "--lang", "ja")
    assert "広告" in table and "展示会" in table and "リード → 有望リード" in table
    assert "ads" not in table and "mql" not in table
    english = cli(labelled, "funnel", "--period", "FY2025", "--by", "channel", "--lang", "en")
    assert "Paid ads" in english and "Lead → Promising lead" in english
    records = json.loads(cli(labelled, "funnel", "--period", "FY2025", "--by", "channel", "--json"))
    assert {r["channel"] for r in records} == {"ads", "exhibition"}
    assert {r["to_stage"] for r in records} >= {"mql"}


def test_the_dashboard_shows_labels_and_its_json_twin_keeps_the_values(labelled):
    pytest.importorskip("fastapi")
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient` is deprecated")
        from fastapi.testclient import TestClient  # noqa: PLC0415

    from kpiflow.dashboard import create_app  # noqa: PLC0415

    with TestClient(create_app(labelled), base_url="http://127.0.0.1:8765") as client:
        page = client.get("/funnel", params={"lang": "ja", "period": "FY2025", "by": "channel"}).text
        data = client.get("/api/funnel", params={"lang": "ja", "period": "FY2025", "by": "channel"}).json()
    assert "<td>広告</td>" in page and "<td>展示会</td>" in page and "<td>有望リード</td>" in page
    assert "<td>ads</td>" not in page and "<td>mql</td>" not in page
    assert {r["channel"] for r in data} == {"ads", "exhibition"}


def test_the_report_and_the_workbook_show_labels(labelled, tmp_path):
    ws = open_workspace(labelled)
    path = tmp_path / "book.xlsx"
    try:
        report = build_report(ws, period="FY2025", lang="ja")
        write_workbook(ws, path, period="FY2025", lang="ja")
    finally:
        ws.close()
    assert "リード → 有望リード" in report
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("ファネル").to_python()
    heads, *body = rows
    to_stage = heads.index(header("to_stage", "ja"))
    assert "有望リード" in {row[to_stage] for row in body}
