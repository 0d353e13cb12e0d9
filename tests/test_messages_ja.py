"""Errors about what the user typed are said in the user's language.

The language is --lang when given, else the workspace model's locale. Each case runs the command
line on a Japanese workspace twice: as typed (the Japanese sentence, naming the value as typed and
the hint) and with --lang en (the English sentence kpiflow always printed), and checks the exit
code (docs: 1 an error, 2 a model or period problem or a usage error) and that no traceback is
printed.
"""

from __future__ import annotations

import enum
from typing import Annotated, Literal, Optional

import pytest
import typer
from typer.testing import CliRunner

from conftest import empty_workspace, shared_demo
from kpiflow.cli import app
from kpiflow.errors import KpiflowError, ModelError, UnknownNameError
from kpiflow.model.config import default_model_text, parse_model
from kpiflow.model.periods import PeriodError, parse_last, parse_period
from kpiflow.model.targets import TargetError, check_profile

runner = CliRunner()


@pytest.fixture(scope="module")
def demo_ja(tmp_path_factory):
    """The small demo with a Japanese model (locale: ja); the commands below only read it."""
    return shared_demo("small", "ja")


def run(*args: object):
    # Wide enough that typer's framed usage errors keep each sentence on one line.
    return runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "250"})


def said(result) -> str:
    """What the command printed, without the frame typer draws around a usage error."""
    return "\n".join(line.strip("│ ") for line in result.output.splitlines())


# (what was mistyped, the command line, exit code, the Japanese sentence, the English one)
CLI_CASES = [
    (
        "plan target",
        ["plan", "--target", "revenue=abc"],
        2,
        "--target は 名前=数値 の形で指定してください（例: win_rate=0.3）。「revenue=abc」は読めません",
        "--target expects NAME=NUMBER (e.g. win_rate=0.3), not 'revenue=abc'",
    ),
    (
        "plan scenario",
        ["plan", "--scenario", "x"],
        2,
        "--scenario は 名前:指標=値[,指標=値] の形で指定してください。「x」は読めません",
        "--scenario expects NAME:METRIC=VALUE[,METRIC=VALUE], not 'x'",
    ),
    (
        "metric",
        ["metrics", "revnue"],
        1,
        "指標「revnue」はありません（「revenue」の誤りでは？）",
        "unknown metric 'revnue' (did you mean 'revenue'?)",
    ),
    (
        "period",
        ["metrics", "revenue", "--period", "FY20255"],
        2,
        "「FY20255」を期間として読めません。次のように指定してください: 年度（FY2025、2025年度）、四半期（FY2025Q3、2025年度第3四半期）",
        "cannot read 'FY20255' as a period; expected a fiscal year (FY2025, 2025年度), a quarter (FY2025Q3, 2025年度第3四半期)",
    ),
    (
        "period near miss",
        ["metrics", "revenue", "--period", "2025Q3"],
        2,
        "「2025Q3」を期間として読めません（FY2025Q3 の誤りでは？ 四半期は 4 月始まりの年度で数えます。"
        "暦年の第3四半期なら範囲 2025-07-01..2025-09-30 と書いてください）",
        "cannot read '2025Q3' as a period (did you mean FY2025Q3? quarters are fiscal, counted from month 4; "
        "for calendar quarter 3 write the range 2025-07-01..2025-09-30)",
    ),
    (
        "period range backwards",
        ["metrics", "revenue", "--from", "FY2025", "--to", "FY2024"],
        2,
        "--to FY2024 が --from FY2025 の始まりより前に終わっています",
        "--to FY2024 ends before --from FY2025 starts",
    ),
    (
        "period part",
        ["metrics", "revenue", "--period", "FY2025Q5"],
        2,
        "「FY2025Q5」を期間として読めません: 四半期は Q1〜Q4 です（Q5 が指定されました）。例: FY2025Q3、2025年度第3四半期",
        "cannot read 'FY2025Q5' as a period: a quarter is Q1, Q2, Q3 or Q4 (got Q5); for example FY2025Q3 or 2025年度第3四半期",
    ),
    (
        "dimension",
        ["metrics", "revenue", "--period", "FY2025", "--by", "chanel"],
        1,
        "分析軸「chanel」はありません（「channel」の誤りでは？）",
        "unknown dimension 'chanel' (did you mean 'channel'?)",
    ),
    (
        "explain dimension",
        ["explain", "revenue", "--from", "FY2024", "--to", "FY2025", "--by", "chanel"],
        1,
        "分析軸「chanel」はありません（「channel」の誤りでは？）",
        "unknown dimension 'chanel' (did you mean 'channel'?)",
    ),
    (
        "qualified dimension",
        ["metrics", "revenue", "--period", "FY2025", "--by", "contacts.chanel"],
        1,
        "分析軸「contacts.chanel」はありません（「contacts.channel」の誤りでは？）",
        "unknown dimension 'contacts.chanel' (did you mean 'contacts.channel'?)",
    ),
    (
        "option value",
        ["economics", "--by", "chanel"],
        1,
        "--by に「chanel」は指定できません（「channel」の誤りでは？）",
        "unknown --by 'chanel' (did you mean 'channel'?)",
    ),
    (
        "stage",
        ["patterns", "--outcome", "stage:opportunty"],
        1,
        "ステージ「opportunty」はありません（「opportunity」の誤りでは？）",
        "unknown stage 'opportunty' (did you mean 'opportunity'?)",
    ),
    (
        "pattern column",
        ["patterns", "--outcome", "typo = 'inquiry'"],
        1,
        "outcome \"typo = 'inquiry'\": touchpoints に列「typo」はありません（「type」の誤りでは？）",
        "outcome \"typo = 'inquiry'\": unknown column 'typo' of touchpoints (did you mean 'type'?)",
    ),
    (
        "pattern value without its column",
        ["patterns", "--outcome", "inquiry"],
        1,
        "outcome 'inquiry': touchpoints に列「inquiry」はありません。\"type = 'inquiry'\" の誤りではありませんか？",
        "outcome 'inquiry': unknown column 'inquiry' of touchpoints; did you mean \"type = 'inquiry'\"?",
    ),
    (
        "funnel step",
        ["funnel", "--step", "typ = 'demo'", "--step", "type = 'inquiry'"],
        1,
        "step 1 (\"typ = 'demo'\"): touchpoints には列「typ」がありません（「type」の誤りでは？）",
        "step 1 (\"typ = 'demo'\"): unknown column 'typ' for touchpoints (did you mean 'type'?)",
    ),
    (
        "no such option",
        ["metrics", "revenue", "--where", "x"],
        2,
        "オプション --where はありません（使えるオプション: --help, --wide）",
        "No such option: --where (Possible options: --help, --wide)",
    ),
    (
        "missing argument",
        ["score", "explain"],
        2,
        "引数 contact を指定してください。",
        "Missing argument 'contact'.",
    ),
    (
        "missing value",
        ["metrics", "revenue", "--period"],
        2,
        "オプション --period には値が必要です。",
        "Option '--period' requires an argument.",
    ),
    (
        "not an integer",
        ["patterns", "--min-support", "many"],
        2,
        "--min-support の値「many」は整数ではありません。",
        "Invalid value for '--min-support': Input should be a valid integer",
    ),
    (
        "no such command",
        ["metrix"],
        2,
        "コマンド「metrix」はありません。'metrics' の誤りではありませんか？",
        "No such command 'metrix'. Did you mean 'metrics'?",
    ),
]


@pytest.mark.parametrize(("case", "args", "code", "ja", "en"), CLI_CASES, ids=[c[0] for c in CLI_CASES])
def test_a_mistyped_value_is_said_in_the_workspace_language_and_in_english_under_lang_en(demo_ja, case, args, code, ja, en):
    command, *rest = args  # the workspace and the language right after the command: `--period` may end the line

    japanese = run(command, "-w", demo_ja, *rest)
    assert japanese.exit_code == code, japanese.output
    assert ja in said(japanese) and "Traceback" not in japanese.output
    assert en not in said(japanese)
    english = run(command, "-w", demo_ja, "--lang", "en", *rest)
    assert english.exit_code == code, english.output
    assert en in said(english) and "Traceback" not in english.output
    assert run(command, "-w", demo_ja, "--lang", "ja", *rest).output == japanese.output  # --lang ja says the same


def test_lang_ja_is_japanese_on_an_english_workspace(tmp_path):
    ws = empty_workspace(tmp_path / "ws", "en")
    ws.close()
    assert run("metrics", "revnue", "-w", ws.root).output == "unknown metric 'revnue' (did you mean 'revenue'?)\n"
    japanese = run("metrics", "revnue", "-w", ws.root, "--lang", "ja")
    assert japanese.exit_code == 1 and japanese.output == "指標「revnue」はありません（「revenue」の誤りでは？）\n"
    far = run("metrics", "zzz", "-w", ws.root, "--lang", "ja")  # close to no metric: the list instead
    assert far.output == "指標「zzz」はありません。次のいずれかを指定してください: " + ", ".join(ws.model.metrics) + "\n"
    usage = run("metrics", "--wher", "-w", ws.root, "--lang", "ja")
    assert usage.exit_code == 2 and "オプション --wher はありません" in said(usage)


def test_the_frame_of_a_usage_error_is_in_the_user_s_language_too(demo_ja):
    japanese = run("metrics", "--wher", "-w", demo_ja)
    lines = japanese.output.splitlines()
    assert lines[0].startswith("使い方: kpiflow metrics") and lines[1] == "使い方は 'kpiflow metrics --help' で表示されます。"
    assert "エラー" in lines[2] and "Usage" not in japanese.output and "Error" not in japanese.output
    english = run("metrics", "--wher", "-w", demo_ja, "--lang", "en")  # after a Japanese one, in the same process
    lines = english.output.splitlines()
    assert lines[0].startswith("Usage: kpiflow metrics") and lines[1] == "Try 'kpiflow metrics --help' for help."
    assert "Error" in lines[2] and "エラー" not in english.output


# --- the model file and mapping files ----------------------------------------------------


@pytest.fixture
def workspace_ja(tmp_path):
    ws = empty_workspace(tmp_path / "ws", "ja")
    ws.close()
    return ws.root


# (what, text in the default Japanese model, what the user wrote instead, Japanese, English)
MODEL_CASES = [
    (
        "unknown key",
        "fiscal_year_start: 4",
        "fiscal_yaer_start: 4",
        "キー「fiscal_yaer_start」はありません（「fiscal_year_start」の誤りでは？）",
        "unknown key 'fiscal_yaer_start' (did you mean 'fiscal_year_start'?)",
    ),
    (
        "unknown metric",
        "ratio: [revenue, won_deals]",
        "ratio: [revenu, won_deals]",
        "指標「revenu」はありません（「revenue」の誤りでは？）",
        "unknown metric 'revenu' (did you mean 'revenue'?)",
    ),
    (
        "unknown table",
        "    sum: deals.amount",
        "    sum: deal.amount",
        "metrics.revenue.sum: テーブル「deal」はありません（「deals」の誤りでは？）",
        "metrics.revenue.sum: unknown table 'deal' (did you mean 'deals'?)",
    ),
    (
        "unknown column",
        "where: outcome = 'won'\n    time: closed_at\n    unit: 件",
        "where: outcom = 'won'\n    time: closed_at\n    unit: 件",
        "metrics.won_deals.where: deals には列「outcom」がありません（「outcome」の誤りでは？）",
        "metrics.won_deals.where: unknown column 'outcom' for deals (did you mean 'outcome'?)",
    ),
    (
        "formula",
        "formula: (revenue - cost) / cost",
        "formula: (revenue - costs) / cost",
        "metrics.roi.formula: 式が存在しない指標「costs」を参照しています（「cost」の誤りでは？）",
        "metrics.roi.formula: formula refers to unknown metric 'costs' (did you mean 'cost'?)",
    ),
]


@pytest.mark.parametrize(("case", "old", "new", "ja", "en"), MODEL_CASES, ids=[c[0] for c in MODEL_CASES])
def test_a_model_file_mistake_is_said_in_the_model_language(workspace_ja, case, old, new, ja, en):
    model = workspace_ja / "kpiflow.yaml"
    text = model.read_text(encoding="utf-8")
    assert text.count(old) == 1
    model.write_text(text.replace(old, new), encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    japanese = run("metrics", "revenue", "-w", workspace_ja)
    assert japanese.exit_code == 2 and ja in japanese.output and "Traceback" not in japanese.output
    assert f"kpiflow.yaml:{line}:" in japanese.output  # still points at the line
    english = run("metrics", "revenue", "-w", workspace_ja, "--lang", "en")
    assert english.exit_code == 2 and en in english.output and "Traceback" not in english.output


MAPPING_CASES = [
    (
        "canonical column",
        "columns:\n  商談ID: deal_id\n  作成日: create_at\n",
        "map.yaml:3:3: 「create_at」は deals の列ではありません（「created_at」の誤りでは？）",
        "map.yaml:3:3: 'create_at' is not a column of deals (did you mean 'created_at'?)",
    ),
    (
        "unknown key",
        "colums: {商談ID: deal_id}\n",
        "map.yaml:1:1: colums: キー「colums」はありません（「columns」の誤りでは？）",
        "map.yaml:1:1: colums: unknown key 'colums' (did you mean 'columns'?)",
    ),
]


@pytest.mark.parametrize(("case", "mapping", "ja", "en"), MAPPING_CASES, ids=[c[0] for c in MAPPING_CASES])
def test_a_mapping_file_mistake_is_said_in_the_workspace_language(workspace_ja, tmp_path, case, mapping, ja, en):
    (tmp_path / "map.yaml").write_text(mapping, encoding="utf-8")
    (tmp_path / "d.csv").write_text("商談ID,作成日\nD1,2025-04-01\n", encoding="utf-8")
    args = ["load", tmp_path / "d.csv", "--table", "deals", "--mapping", tmp_path / "map.yaml", "-w", workspace_ja]
    japanese = run(*args)
    assert japanese.exit_code == 2 and ja in japanese.output and "Traceback" not in japanese.output
    english = run(*args, "--lang", "en")
    assert english.exit_code == 2 and en in english.output and "Traceback" not in english.output


def test_a_handoff_recycle_stage_is_said_in_the_model_language(workspace_ja):
    model = workspace_ja / "kpiflow.yaml"
    text = model.read_text(encoding="utf-8")
    old = "  sales_touch_types: [meeting, call]"
    assert text.count(old) == 1
    model.write_text(text.replace(old, old + "\n  recycle_stage: leed"), encoding="utf-8")
    japanese = run("handoff", "-w", workspace_ja)
    assert japanese.exit_code == 2 and "Traceback" not in japanese.output
    assert "handoff.recycle_stage の「leed」はコンタクトのステージではありません（「lead」の誤りでは？）" in japanese.output
    english = run("handoff", "-w", workspace_ja, "--lang", "en")
    assert english.exit_code == 2 and "handoff.recycle_stage 'leed' is not a contact stage (did you mean 'lead'?)" in english.output


# --- the library: an error keeps its wording, so any face can say it in its user's language ----


@pytest.mark.parametrize(
    ("raise_it", "error", "en", "ja"),
    [
        (
            lambda: parse_last("4 quaters"),
            PeriodError,
            "unknown unit 'quaters' in trailing window '4 quaters' (did you mean 'quarters'?); expected a count and a unit",
            "直近の期間「4 quaters」の単位「quaters」はありません（「quarters」の誤りでは？）。数と単位で指定してください",
        ),
        (
            lambda: parse_period("FY2025..2025-04"),
            PeriodError,
            "cannot read 'FY2025..2025-04' as a period: both ends of a range are of the same kind: FY2025 is a fiscal year, "
            "2025-04 is a month",
            "「FY2025..2025-04」を期間として読めません: 範囲の両端は同じ種類にしてください。FY2025 は年度、2025-04 は月です",
        ),
        (
            lambda: check_profile("evn"),
            TargetError,
            "unknown phasing profile 'evn' (did you mean 'even'?)",
            "按分の方法「evn」はありません（「even」の誤りでは？）",
        ),
        (
            lambda: check_profile("weekly"),
            TargetError,
            "unknown phasing profile 'weekly'; expected even, last_year or 12 weights",
            "按分の方法「weekly」はありません。even, last_year か 12 個の重みを指定してください",
        ),
    ],
)
def test_an_error_says_itself_again_in_another_language(raise_it, error, en, ja):
    with pytest.raises(error) as raised:
        raise_it()
    assert en in str(raised.value) and en in raised.value.message("en")
    assert ja in raised.value.message("ja")


def test_an_unknown_name_names_its_kind_in_japanese():
    cases = {
        ("metric", "revnue", ("revenue", "leads")): "指標「revnue」はありません（「revenue」の誤りでは？）",
        ("--grain", "weak", ("month", "quarter")): "--grain に「weak」は指定できません。次のいずれかを指定してください: month, quarter",
        ("parameter of patterns", "withn", ("within",)): "patterns のパラメータ「withn」はありません（「within」の誤りでは？）",
        ("metric of hypothesis H1", "x", ("win_rate",)): "仮説 H1 の指標「x」はありません。次のいずれかを指定してください: win_rate",
        ("widget", "x", ("y",)): "widget「x」はありません。次のいずれかを指定してください: y",  # a kind without a translation
    }
    for (kind, name, candidates), japanese in cases.items():
        error = UnknownNameError.for_name(kind, name, candidates)
        assert error.message("ja") == japanese
        assert error.message("en") == str(error)
    assert UnknownNameError.for_name("metric", "revnue", ["revenue"], lang="ja").args == ("指標「revnue」はありません（「revenue」の誤りでは？）",)


def test_an_error_without_a_wording_is_said_as_raised():
    assert KpiflowError("as it was").message("ja") == "as it was"


def test_a_file_that_is_not_a_model_yet_is_said_in_the_user_language_too(workspace_ja):
    model = workspace_ja / "kpiflow.yaml"
    text = model.read_text(encoding="utf-8")
    model.write_text(text.replace("fiscal_year_start: 4", "fiscal_year_start: 4\nfiscal_year_start: 10", 1), encoding="utf-8")
    line = text[: text.index("fiscal_year_start: 4")].count("\n") + 2
    japanese = run("metrics", "revenue", "-w", workspace_ja)
    assert japanese.exit_code == 2 and f"kpiflow.yaml:{line}:1: キー「fiscal_year_start」が 2 回あります" in japanese.output
    english = run("metrics", "revenue", "-w", workspace_ja, "--lang", "en")
    assert english.exit_code == 2 and f"kpiflow.yaml:{line}:1: key 'fiscal_year_start' appears twice" in english.output


@pytest.mark.parametrize(
    ("old", "new", "ja", "en"),
    [
        (
            "timezone: Asia/Tokyo",
            "timezone: Asia/Tokio",
            "timezone: タイムゾーン「Asia/Tokio」はありません（Asia/Tokyo のような名前を指定してください）",
            "timezone: Value error, unknown time zone 'Asia/Tokio' (expected a name like Asia/Tokyo)",
        ),
        (
            "    sum: deals.amount",
            "    sum: deals.amount\n    count: deals",
            "metrics.revenue: 指標には count, count_distinct, sum, ratio, formula のどれか 1 つだけが必要です（指定されているのは count, sum）",
            "metrics.revenue: Value error, a metric needs exactly one of count, count_distinct, sum, ratio, formula; found count, sum",
        ),
        (
            "    decision_maker: {where:",
            "    decision-maker: {where:",
            "scoring: ルール名「decision-maker」: 英字・数字・_ で書き、英字で始めてください",
            "scoring: Value error, rule name 'decision-maker': use letters, digits and _ (starting with a letter)",
        ),
    ],
)
def test_a_validator_of_the_model_speaks_the_model_language(old, new, ja, en):
    for lang, expected in (("ja", ja), ("en", en)):
        with pytest.raises(ModelError) as refused:
            parse_model(default_model_text(lang).replace(old, new, 1))
        assert expected in str(refused.value)
        assert ja in refused.value.message("ja") and en in refused.value.message("en")


# --- usage errors of parameters kpiflow's own commands do not have yet (a choice, a number) ------


class Size(enum.StrEnum):
    small = "small"
    large = "large"


def _command_line_with_choices() -> typer.Typer:
    """A command line built as kpiflow's is (its group class), with a choice, an enum and a float."""
    built = typer.Typer(cls=app.info.cls)

    @built.command()
    def pick(
        kind: Annotated[Literal["month", "quarter"], typer.Option("--kind")],
        size: Annotated[Size, typer.Option("--size")] = Size.small,
        share: Annotated[float, typer.Option("--share")] = 0.5,
        lang: Annotated[Optional[str], typer.Option("--lang")] = None,
    ) -> None:
        """Print what was picked."""

    @built.command()
    def other() -> None:
        """A second command, so that `pick` is a sub-command as kpiflow's are."""

    return built


@pytest.mark.parametrize(
    ("args", "ja", "en"),
    [
        (
            ["pick", "--kind", "week"],
            "--kind に「week」は指定できません。次のいずれかを指定してください: 'month', 'quarter'",
            "Invalid value for '--kind': Value error, 'week' is not one of 'month', 'quarter'.",
        ),
        (
            ["pick", "--kind", "month", "--size", "huge"],
            "--size に「huge」は指定できません。次のいずれかを指定してください: 'small', 'large'",
            "Invalid value for '--size': Value error, 'huge' is not one of 'small', 'large'.",
        ),
        (
            ["pick", "--kind", "month", "--share", "half"],
            "--share の値「half」は数値ではありません。",
            "Invalid value for '--share': Input should be a valid number",
        ),
        (["pick"], "オプション --kind を指定してください。選べる値: month, quarter", "Missing option '--kind'."),
    ],
)
def test_click_choice_number_and_missing_option_errors_under_lang_ja(args, ja, en):
    built = _command_line_with_choices()
    japanese = runner.invoke(built, [*args, "--lang", "ja"], env={"COLUMNS": "250"})
    assert japanese.exit_code == 2 and ja in said(japanese) and "Traceback" not in japanese.output
    english = runner.invoke(built, args, env={"COLUMNS": "250"})
    assert english.exit_code == 2 and en in said(english) and "Traceback" not in english.output
