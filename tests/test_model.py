"""The model file: the default model is valid, and mistakes point at their YAML line."""

from __future__ import annotations

import subprocess
import sys

import pytest
from typer.testing import CliRunner

import kpiflow
from kpiflow.cli import app
from kpiflow.errors import ModelError, WorkspaceError
from kpiflow.model.config import default_model_text, parse_model
from kpiflow.model.schema import TABLES

REQUIRED_METRICS = [
    "leads",
    "mqls",
    "sqls",
    "opportunities",
    "won_deals",
    "lost_deals",
    "closed_deals",
    "revenue",
    "avg_deal_size",
    "win_rate",
    "mql_rate",
    "sql_rate",
    "opportunity_rate",
    "cost",
    "cost_per_lead",
    "cost_per_opportunity",
    "roi",
]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_default_model_is_valid(lang):
    model = parse_model(default_model_text(lang))
    assert model.locale == lang
    assert model.fiscal_year_start == 4
    assert model.timezone == "Asia/Tokyo"
    assert model.currency == "JPY"
    assert set(REQUIRED_METRICS) <= set(model.metrics)
    assert model.metrics["win_rate"].ratio == ("won_deals", "closed_deals")
    assert model.metrics["revenue"].label.ja == "売上"
    assert all(m.definition for m in model.metrics.values()), "every metric carries its written definition"
    assert model.stage_names("contact") == ["lead", "mql", "sql", "opportunity", "customer"]


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) >= 1, old
    return text.replace(old, new, 1)


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


@pytest.mark.parametrize(
    ("old", "new", "pattern"),
    [
        (
            "fiscal_year_start: 4",
            "fiscal_yaer_start: 4",
            r"キー「fiscal_yaer_start」はありません（「fiscal_year_start」の誤りでは？）",
        ),
        ("fiscal_year_start: 4", "fiscal_year_start: 13", r"fiscal_year_start: Input should be less than or equal to 12"),
        ("timezone: Asia/Tokyo", "timezone: Asia/Tokio", r"タイムゾーン「Asia/Tokio」はありません（Asia/Tokyo のような名前を指定してください）"),
        ("locale: ja", "locale: fr", r"locale: Input should be 'ja' or 'en'"),
        ("ratio: [revenue, won_deals]", "ratio: [revenu, won_deals]", r"指標「revenu」はありません（「revenue」の誤りでは？）"),
        (
            "    count: deals\n    where: outcome = 'won'",
            "    cont: deals\n    where: outcome = 'won'",
            r"キー「cont」はありません（「count」の誤りでは？）",
        ),
        (
            "  revenue: [won_deals, avg_deal_size]",
            "  revenue: [won_deal, avg_deal_size]",
            r"指標「won_deal」はありません（「won_deals」の誤りでは？）",
        ),
        ("  revenue: [won_deals, avg_deal_size]", "  revenue: [revenue, avg_deal_size]", r"「revenue」が自分自身の要素として挙げられています"),
        ("  mqls: [leads, mql_rate]", "  mqls: [leads, mql_rate]\n  leads: [mqls]", r"ツリーが循環しています: mqls -> leads -> mqls。"),
    ],
)
def test_mistakes_point_at_their_line(old, new, pattern):
    text = replace_once(default_model_text("ja"), old, new)
    with pytest.raises(ModelError, match=pattern) as error:
        parse_model(text)
    expected_line = line_of(text, new.strip().split("\n")[-1] if "cont:" not in new else "cont:")
    assert f"kpiflow.yaml:{expected_line}:" in str(error.value)


def test_metric_needs_exactly_one_kind():
    text = "kpiflow: 1\nmetrics:\n  x:\n    count: deals\n    sum: deals.amount\n"
    with pytest.raises(
        ModelError, match=r"kpiflow.yaml:3:\d+: metrics.x: .*exactly one of count, count_distinct, sum, ratio, formula"
    ):
        parse_model(text)


def test_duplicate_key_and_yaml_syntax():
    with pytest.raises(ModelError, match=r"kpiflow.yaml:2:1: key 'locale' appears twice"):
        parse_model("locale: ja\nlocale: en\n")
    with pytest.raises(ModelError, match=r"kpiflow.yaml:\d+:\d+: not valid YAML"):
        parse_model("metrics: [\n")


def test_open_without_workspace_says_what_to_do(tmp_path):
    with pytest.raises(WorkspaceError, match="kpiflow init"):
        kpiflow.open(str(tmp_path))


def test_init_refuses_to_overwrite(tmp_path):
    kpiflow.init(str(tmp_path / "w")).close()
    with pytest.raises(WorkspaceError, match="--force"):
        kpiflow.init(str(tmp_path / "w"))


def test_init_creates_every_canonical_table_typed_keyed_documented(ws):
    columns = ws.sql(
        "SELECT table_name, column_name, data_type, is_nullable, comment FROM duckdb_columns() WHERE NOT internal"
    ).fetchall()
    by_table: dict[str, dict] = {}
    for table, column, kind, nullable, comment in columns:
        by_table.setdefault(table, {})[column] = (kind, nullable, comment)
    for name, table in TABLES.items():
        assert set(by_table[name]) == set(table.column_names)
        for col in table.columns:
            kind, nullable, comment = by_table[name][col.name]
            assert kind == col.sql_type.replace("DECIMAL(18,2)", "DECIMAL(18,2)")
            assert nullable is (not col.required), (name, col.name)
            assert comment, f"{name}.{col.name} is undocumented"
    keys = dict(
        ws.sql(
            "SELECT table_name, constraint_column_names FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY'"
        ).fetchall()
    )
    assert keys == {name: list(t.key) for name, t in TABLES.items() if t.key}
    assert ws.sql("SELECT comment FROM duckdb_tables() WHERE table_name = 'deals'").fetchall() == [("one row per opportunity",)]


def test_importing_kpiflow_does_no_work():
    code = "import sys, kpiflow; print(sorted(m for m in ('duckdb', 'sqlglot', 'pydantic', 'numpy') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"


def test_no_extension_is_downloaded_at_run_time(ws):
    settings = dict(
        ws.sql(
            "SELECT name, value FROM duckdb_settings() WHERE name IN ('autoinstall_known_extensions', 'autoload_known_extensions')"
        ).fetchall()
    )
    assert settings == {"autoinstall_known_extensions": "false", "autoload_known_extensions": "false"}


@pytest.mark.parametrize(
    ("old", "new", "pattern"),
    [
        (
            "where: outcome = 'won'\n    time: closed_at\n    unit: 件",
            "where: outcom = 'won'\n    time: closed_at\n    unit: 件",
            r"metrics.won_deals.where: deals には列「outcom」がありません（「outcome」の誤りでは？）",
        ),
        (
            "where: outcome = 'won'\n    time: closed_at\n    unit: 件",
            "where: outcome = = 'won'\n    time: closed_at\n    unit: 件",
            r"metrics.won_deals.where: SQL の条件として読めません: \"outcome = = 'won'\"（途中で終わっています）",
        ),
        (
            "where: outcome = 'won'\n    time: closed_at\n    unit: 件",
            "where: acounts.industry = 'x'\n    time: closed_at\n    unit: 件",
            r"テーブル「acounts」は deals からたどれません（「accounts」の誤りでは？）",
        ),
        (
            "    sum: deals.amount",
            "    sum: deals.amout",
            r"metrics.revenue.sum: sum には テーブル.列 が必要です。「amout」は deals の列ではありません（「amount」の誤りでは？）",
        ),
        (
            "    time: created_at\n    unit: 件\n  mqls",
            "    time: create_at\n    unit: 件\n  mqls",
            r"metrics.leads.time: 「create_at」は contacts の日付・時刻の列ではありません",
        ),
        (
            "formula: (revenue - cost) / cost",
            "formula: (revenue - costs) / cost",
            r"式が存在しない指標「costs」を参照しています（「cost」の誤りでは？）",
        ),
        (
            "formula: (revenue - cost) / cost",
            "formula: (revenue - cost) / 'cost",
            r"metrics.roi.formula: \"\(revenue - cost\) / 'cost\" の引用符かコメントが閉じていません",
        ),
        (
            "formula: (revenue - cost) / cost",
            "formula: (revenue - cost) / getenv('HOME')",
            r"metrics.roi.formula: 式に使えるのは指標名、数値、\+ - \* / と括弧だけです（`GETENV\('HOME'\)` は使えません）",
        ),
    ],
)
def test_metric_mistakes_point_at_their_line(tmp_path, old, new, pattern):
    ws = kpiflow.init(str(tmp_path / "w"), lang="ja")
    ws.close()
    path = tmp_path / "w" / "kpiflow.yaml"
    text = replace_once(path.read_text(encoding="utf-8"), old, new)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ModelError, match=pattern) as error:
        kpiflow.open(str(tmp_path / "w"))
    assert f"kpiflow.yaml:{line_of(text, new.strip().splitlines()[0])}:" in str(error.value)


def test_where_may_use_joined_tables_and_extra_columns(tmp_path):
    ws = kpiflow.init(str(tmp_path / "w"), lang="en")
    (tmp_path / "a.csv").write_text("account_id,name,業界区分\nA1,x,製造\n", encoding="utf-8")
    ws.load(tmp_path / "a.csv", "accounts")
    ws.close()
    path = tmp_path / "w" / "kpiflow.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "  won_deals:\n",
        "  auto_deals:\n    label: {en: Automotive deals}\n    count: deals\n"
        "    where: accounts.industry = 'automotive' AND 業界区分 = '製造'\n  won_deals:\n",
        1,
    )
    path.write_text(text, encoding="utf-8")
    kpiflow.open(str(tmp_path / "w")).close()


def test_formula_cycles_are_errors(tmp_path):
    text = default_model_text("en") + ""
    text = text.replace("  roi:\n", "  a:\n    formula: b + 1\n  b:\n    formula: a * 2\n  roi:\n", 1)
    ws = kpiflow.init(str(tmp_path / "w"))
    ws.close()
    (tmp_path / "w" / "kpiflow.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ModelError, match=r"cycle: a -> b -> a"):
        kpiflow.open(str(tmp_path / "w"))


def test_an_older_workspace_gets_newer_contract_columns(tmp_path):
    ws = kpiflow.init(str(tmp_path / "w"), lang="en")
    ws.writer().execute('ALTER TABLE touchpoints DROP COLUMN "owner"')  # as a workspace made before `owner` existed
    ws.close()
    ws = kpiflow.open(str(tmp_path / "w"))
    assert "owner" in ws.columns()["touchpoints"]
    ws.close()


@pytest.mark.parametrize(
    ("old", "new", "needle", "message"),
    [
        (
            "  won_deals: [closed_deals, win_rate]",
            "  won_deals: [won_deals, win_rate]",
            "  won_deals: [won_deals, win_rate]",
            "'won_deals' is listed as a factor of itself",
        ),
        (
            "  mqls: [leads, mql_rate]",
            "  mqls: [leads, mql_rate]\n  leads: [revenue]",
            "  leads: [revenue]",
            "the tree goes round in a cycle: revenue -> won_deals -> closed_deals -> opportunities -> sqls -> mqls"
            " -> leads -> revenue; a factor cannot contain the node it explains",
        ),
    ],
)
@pytest.mark.parametrize("command", ["check", "tree"])
def test_a_tree_that_goes_round_is_refused_at_its_line(tmp_path, old, new, needle, message, command):
    # Before: the cycle left an empty tree and `kpiflow check` said all was well (exit 0).
    kpiflow.init(str(tmp_path / "w"), lang="en").close()
    path = tmp_path / "w" / "kpiflow.yaml"
    text = replace_once(path.read_text(encoding="utf-8"), old, new)
    path.write_text(text, encoding="utf-8")
    args = [command, "-w", str(tmp_path / "w")] + (["--period", "FY2025"] if command == "tree" else [])
    result = CliRunner().invoke(app, args)
    shown = result.output + (result.stderr or "")
    assert result.exit_code == 2, shown
    line = line_of(text, needle)
    column = len(needle) - len(needle.lstrip()) + needle.strip().index("[") + 2  # the first factor
    assert f"kpiflow.yaml:{line}:{column}: {message}" in shown
    assert "Traceback" not in shown


def test_every_cycle_and_self_reference_is_reported_once():
    text = replace_once(
        default_model_text("en"),
        "  mqls: [leads, mql_rate]",
        "  mqls: [leads, mql_rate]\n  leads: [mqls]\n  mql_rate: [mql_rate, cost]\n  cost: [roi]\n  roi: [cost]",
    )
    with pytest.raises(ModelError) as error:
        parse_model(text)
    lines = str(error.value).splitlines()
    assert [line.split(": ", 1)[1] for line in lines] == [
        "'mql_rate' is listed as a factor of itself",
        "the tree goes round in a cycle: mqls -> leads -> mqls; a factor cannot contain the node it explains",
        "the tree goes round in a cycle: cost -> roi -> cost; a factor cannot contain the node it explains",
    ]
