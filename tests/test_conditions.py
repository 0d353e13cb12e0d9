"""The condition language: what a `where`, --step, --exclude, --outcome or --where may say.

A model file is shared in git, so opening one must never read a file of whoever opens it: the
issue's exploits (a subquery over read_text) are refused with their YAML line or option, the
file's content appears in no output, and the engine under every analysis is sealed anyway.
"""

from __future__ import annotations

import shutil
import string
import uuid
import warnings
from pathlib import Path

import duckdb
import pytest
import sqlglot
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlglot import exp
from typer.testing import CliRunner

import kpiflow
from kpiflow.cli import app
from kpiflow.engine import duck
from kpiflow.errors import KpiflowError, ModelError
from kpiflow.model.conditions import FUNCTIONS, MAX_DEPTH, ConditionError, parse_condition, parse_formula
from kpiflow.model.semantic import Resolver, contract_columns

runner = CliRunner()


def run(*args: object):
    return runner.invoke(app, [str(a) for a in args])


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


@pytest.fixture
def secret(tmp_path):
    """A file a hostile model would like to read, and the text that must never be shown."""
    text = f"kpiflow-secret-{uuid.uuid4().hex}"
    path = tmp_path / "credentials.txt"
    path.write_text(text + "\n", encoding="utf-8")
    return path, text


def exploits(path) -> list[str]:
    """The issue's two exploits, with the real file's path."""
    return [
        f"deal_id <= (SELECT max(content) FROM read_text('{path}'))",
        f"outcome = 'won' AND CAST((SELECT content FROM read_text('{path}')) AS INTEGER) = 1",
    ]


# --- the language, case by case ---------------------------------------------------------------

ACCEPTED = [
    "outcome = 'won'",
    "outcome IN ('won', 'lost')",
    "outcome NOT IN ('lost')",
    "entity = 'contact' AND stage = 'mql'",
    "NOT (channel = 'web' OR channel = 'seminar')",
    "amount BETWEEN 100000 AND 2000000",
    "amount > -1.5e3",
    "product LIKE 'PLC%'",
    "product ILIKE 'plc%'",
    "product LIKE 'a!%' ESCAPE '!'",
    "closed_at IS NULL",
    "closed_at IS NOT NULL",
    "channel IS DISTINCT FROM 'web'",
    "CASE WHEN amount > 1000000 THEN 'large' ELSE 'small' END = 'large'",
    "CAST(amount AS INTEGER) > 5",
    "amount::DOUBLE > 5",
    "TRY_CAST(loss_reason AS DECIMAL(18, 2)) IS NULL",
    "created_at >= DATE '2025-04-01'",
    "created_at < TIMESTAMP '2025-04-01 09:00'",
    "created_at >= '2025-04-01'",
    "created_at + INTERVAL 30 DAY > closed_at",
    "closed_at - created_at < INTERVAL '90 days'",
    "(amount + 1) * 2 / 3 - amount % 7 > amount // 2",
    "channel || '/' || product = 'web/PLC'",
    "lower(channel) = 'web' AND upper(product) LIKE 'PLC%'",
    "extract(year FROM created_at) = 2025",
    "date_diff('day', created_at, closed_at) <= 90",
    "coalesce(loss_reason, '') = ''",
    "accounts.industry = 'automotive'",
    '"channel" = \'web\'',
    "is_target",
    "TRUE",
    "amount > 0 -- a comment is dropped",
]

REFUSED = [
    # subqueries, in every place one fits
    ("deal_id <= (SELECT max(deal_id) FROM deals)", "a subquery is not allowed"),
    ("deal_id IN (SELECT deal_id FROM deals)", "a subquery is not allowed"),
    ("EXISTS (SELECT 1)", "a subquery is not allowed"),
    ("amount > ANY (SELECT amount FROM deals)", "a subquery is not allowed"),
    # table functions, files, settings and the environment
    ("read_text('credentials.txt') IS NOT NULL", "the function read_text() is not allowed"),
    ("length(read_csv('a.csv')) > 0", "the function read_csv() is not allowed"),
    ("read_parquet('a.parquet') IS NULL", "the function read_parquet() is not allowed"),
    ("glob('*') IS NULL", "the function glob() is not allowed"),
    ("channel = getenv('HOME')", "the function getenv() is not allowed"),
    ("channel = current_setting('threads')", "the function current_setting() is not allowed"),
    ("current_user = 'x'", "the function current_user()"),
    ("lowr(channel) = 'web'", "lowr() (did you mean 'lower'?)"),
    # statements
    ("PRAGMA version", "a statement"),
    ("outcome = 'won'; DROP TABLE deals", "one condition only"),
    ("SELECT 1", "a statement"),
    ("SET enable_external_access = true", "a statement"),
    ("ATTACH 'other.duckdb'", "a statement"),
    ("COPY deals TO 'out.csv'", "a statement"),
    # *, aggregates, windows, parameters
    ("*", "* is not allowed"),
    ("deals.* IS NULL", "* is not allowed"),
    ("count(*) > 1", "the aggregate count()"),
    ("sum(amount) > 1", "the aggregate sum()"),
    ("row_number() OVER (ORDER BY amount) = 1", "a window function"),
    ("amount = ?", "the parameter ?"),
    ("amount = $1", "the parameter $1"),
    ("amount = :limit", "the parameter"),
    # shapes outside the grammar
    ("amount = 0x10", "is not allowed"),  # read as `amount = 0 AS x10`
    ("CAST(channel AS STRUCT(a INT)) IS NULL", "a cast to STRUCT"),
    ("CAST(channel AS JSON) IS NULL", "a cast to JSON"),
    ("(channel, product) = ('web', 'PLC')", "is not allowed"),
    ("tags[1] = 'a'", "is not allowed"),
    ("payload->>'a' = 'b'", "is not allowed"),
    ("main.deals.channel = 'web'", "the name"),
    ("channel IN (product, 'web')", "IN takes a list of values"),
    # what the parser itself cannot read
    ("outcome = 'won", "not closed"),
    ('outcome = "won', "not closed"),
    ("amount > 0 /* open", "not closed"),
    ("outcome = 'w\x00n'", "NUL"),
    ("outcome = = 'won'", "it is incomplete"),
    ("", "a condition is needed"),
    ("   ", "a condition is needed"),
    ("(" * 300 + "1" + ")" * 300 + " = 1", "nested"),
    ("NOT " * 500 + "is_target", "nested"),
    ("amount = 1 " + "AND amount = 1 " * MAX_DEPTH, "nested"),
    ("amount IN (" + ", ".join(["1"] * 8000) + ")", "longer than"),
]


@pytest.mark.parametrize("text", ACCEPTED)
def test_the_language_accepts(text):
    tree = parse_condition(text)
    # What reaches the engine is the tree's SQL: it reads back as the same, allowed tree.
    rendered = tree.sql(dialect="duckdb")
    assert parse_condition(rendered) == tree, rendered
    assert "--" not in rendered and "/*" not in rendered


@pytest.mark.parametrize(("text", "fragment"), REFUSED, ids=[f"{i}:{t[:30]}" for i, (t, _) in enumerate(REFUSED)])
def test_the_language_refuses_with_what_is_allowed(text, fragment):
    with pytest.raises(ConditionError) as caught:
        parse_condition(text)
    message = str(caught.value)
    assert fragment in message
    assert isinstance(caught.value, (KpiflowError, ValueError)) and caught.value.exit_code == 2
    if "is not allowed in a condition" in message:
        # ... and says what is: the grammar, or the functions by name when a function was refused.
        assert "IN (a list of values), BETWEEN" in message or "Allowed functions: text lower, upper" in message
    japanese = caught.value.say("ja")
    assert japanese != message and japanese.strip()


def test_the_language_speaks_japanese():
    with pytest.raises(ConditionError) as caught:
        parse_condition("channel = getenv('HOME')", lang="ja")
    assert str(caught.value).startswith("条件には関数 getenv()を使えません。使える関数: 文字列 lower, upper")
    with pytest.raises(ConditionError, match="引用符かコメントが閉じていません"):
        parse_condition("outcome = 'won", lang="ja")


@pytest.mark.parametrize("function", FUNCTIONS, ids=lambda f: f.name)
def test_every_allowed_function_is_a_scalar_function_of_the_engine(con, function):
    tree = parse_condition(f"{function.example} IS NULL")
    assert type(tree.this) is function.node  # allowed by what SQLGlot knows it to be, not by name
    con.execute(
        "INSERT INTO deals (deal_id, created_at, closed_at, amount, outcome, channel, product) VALUES "
        "('D1', TIMESTAMP '2025-04-01 09:00', TIMESTAMP '2025-05-01 09:00', 1200000, 'won', 'web', 'PLC-200'), "
        "('D2', TIMESTAMP '2025-06-01 09:00', NULL, 300000, 'open', NULL, NULL)"
    )
    rows = con.execute(duck.sql(exp.select(tree.this.as_("v")).from_("deals").order_by("deal_id"))).fetchall()
    assert len(rows) == 2


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("amount > 'abc'", "'abc' cannot be compared with deals.amount, which holds amounts"),
        ("amount IN ('1', 'x')", "'x' cannot be compared with deals.amount"),
        ("amount BETWEEN '' AND 5", "'' cannot be compared with deals.amount"),
        ("created_at > 'yesterday'", "with deals.created_at, which holds date-times"),
        ("created_at > 5", "5 cannot be compared with deals.created_at"),
        ("outcome = 5", "with deals.outcome, which holds text (quote the value"),
        ("channel = 5", "cannot be compared with"),  # an inherited column: COALESCE(deals, contacts, ...)
    ],
)
def test_a_value_the_column_can_never_hold_is_refused_before_the_engine(text, fragment):
    with pytest.raises(ConditionError, match="cannot be compared") as caught:
        Resolver("deals", contract_columns()).qualify(parse_condition(text))
    assert fragment in str(caught.value)


@pytest.mark.parametrize(
    "text",
    ["amount > '1e3'", "amount > ' 12 '", "amount > '1_000'", "created_at > '2025-4-1'", "created_at < 'infinity'", "outcome = 'won'"],
)
def test_values_the_engine_reads_pass(con, text):
    condition, _ = Resolver("deals", contract_columns()).qualify(parse_condition(text))
    con.execute("INSERT INTO deals (deal_id, created_at, amount, outcome) VALUES ('D1', TIMESTAMP '2025-04-01', 5, 'won')")
    con.execute(duck.sql(exp.select("deal_id").from_("deals").where(condition))).fetchall()


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("(revenue - cost) / cost", None),
        ("-revenue * 1.5 + 2", None),
        ("revenue + 'x'", "not `'x'`"),
        ("revenue + 'x", "not closed"),
        ("abs(revenue)", "not `ABS(revenue)`"),
        ("deals.revenue / 2", "not `deals.revenue`"),
        ("revenue > cost", "not `revenue > cost`"),
        ("(SELECT 1)", "not `(SELECT 1)`"),
        ("revenue\x00", "NUL"),
    ],
)
def test_formulas_have_their_own_smaller_language(text, fragment):
    if fragment is None:
        parse_formula(text)
        return
    with pytest.raises(ConditionError) as caught:
        parse_formula(text)
    assert fragment in str(caught.value)


# --- the issue's exploits, from the model file and the command line ---------------------------


def test_the_issue_exploits_are_refused_without_the_file(secret):
    path, text = secret
    for condition in exploits(path):
        with pytest.raises(ConditionError) as caught:
            parse_condition(condition)
        assert "a subquery is not allowed" in str(caught.value)
        assert text not in str(caught.value)


@pytest.fixture(scope="module")
def blank(tmp_path_factory):
    """An empty workspace made once per module; tests work on copies (`kpiflow init` takes a while)."""
    root = tmp_path_factory.mktemp("blank") / "w"
    kpiflow.init(str(root), lang="en").close()
    return root


def _workspace_with(blank, tmp_path, old: str = "", new: str = "", lang: str = "en"):
    """A copy of the blank workspace at tmp_path/w, its model edited, and the model's text."""
    shutil.copytree(blank, tmp_path / "w")
    model = tmp_path / "w" / "kpiflow.yaml"
    source = model.read_text(encoding="utf-8").replace("locale: en ", f"locale: {lang} ", 1)
    assert old in source, old
    written = source.replace(old, new, 1)
    model.write_text(written, encoding="utf-8")
    return tmp_path / "w", written


WON_WHERE = "where: outcome = 'won'\n    time: closed_at\n    unit: 件"


@pytest.mark.parametrize("which", [0, 1])
@pytest.mark.parametrize("command", ["check", "metrics"])
def test_a_model_carrying_an_exploit_is_refused_at_its_line(blank, tmp_path, secret, monkeypatch, which, command):
    path, text = secret
    monkeypatch.chdir(path.parent)  # the issue's relative 'credentials.txt' would resolve here
    for i, target in enumerate((path, "credentials.txt")):
        condition = exploits(target)[which]
        root, written = _workspace_with(blank, tmp_path / f"case{i}", WON_WHERE, WON_WHERE.replace("outcome = 'won'", condition))
        result = run(command, "-w", root)
        shown = result.output + (result.stderr or "")
        assert result.exit_code == 2, shown
        assert f"kpiflow.yaml:{line_of(written, condition)}:" in shown
        assert "metrics.won_deals.where: a subquery is not allowed in a condition" in shown
        assert text not in shown and "Traceback" not in shown


@pytest.mark.parametrize(
    ("option", "fragment"),
    [("--step", "step 1"), ("--exclude", "exclusion"), ("--outcome", "outcome"), ("--where", "where")],
)
def test_a_command_line_condition_is_refused_naming_its_option(blank, tmp_path, secret, option, fragment):
    path, text = secret
    _workspace_with(blank, tmp_path)
    hostile = f"type = (SELECT content FROM read_text('{path}'))"
    if option in ("--step", "--exclude"):
        steps = [hostile, "type = 'demo'"] if option == "--step" else ["type = 'booth_visit'", "type = 'demo'"]
        args = ["funnel", *(a for s in steps for a in ("--step", s))]
        if option == "--exclude":
            args += ["--exclude", hostile]
    else:
        args = ["patterns", "--outcome", hostile] if option == "--outcome" else ["patterns", "--outcome", "won", "--where", hostile]
    result = run(*args, "-w", tmp_path / "w")
    shown = result.output + (result.stderr or "")
    assert result.exit_code in (1, 2), shown  # the analysis' own error class decides which
    assert f"{fragment}: a subquery is not allowed in a condition" in shown
    assert text not in shown and "Traceback" not in shown


@pytest.mark.parametrize(
    ("step", "fragment"),
    [("type = 'demo", "a quote or comment is not closed"), ("type = 'de\x00mo'", "the condition holds a NUL character")],
)
def test_an_unclosed_quote_or_a_nul_on_the_command_line_is_a_clean_error(blank, tmp_path, step, fragment):
    _workspace_with(blank, tmp_path)
    result = run("funnel", "--step", step, "--step", "type = 'inquiry'", "-w", tmp_path / "w")
    shown = result.output + (result.stderr or "")
    assert result.exit_code == 1, shown
    assert f"step 1: {fragment}" in shown and "Traceback" not in shown


@pytest.mark.parametrize(
    ("where", "fragment"),
    [
        ('"outcome = \'w\\0n\'"', "the condition holds a NUL character"),  # YAML's \0 escape puts a NUL in the text
        ("outcome = 'won", "a quote or comment is not closed"),
        ("amount > 'abc'", "'abc' cannot be compared with deals.amount, which holds amounts"),
        ("outcome = 'won' AND lower(read_text('x')) = ''", "the function read_text() is not allowed"),
    ],
)
def test_model_conditions_the_engine_could_not_run_are_refused_at_their_line(blank, tmp_path, where, fragment):
    root, written = _workspace_with(blank, tmp_path, WON_WHERE, WON_WHERE.replace("outcome = 'won'", where))
    with pytest.raises(ModelError) as caught:
        kpiflow.open(str(root))
    message = str(caught.value)
    assert f"kpiflow.yaml:{line_of(written, where)}:" in message
    assert f"metrics.won_deals.where: {fragment}" in message


def test_model_condition_messages_follow_the_workspace_language(blank, tmp_path):
    root, _ = _workspace_with(blank, tmp_path, WON_WHERE, WON_WHERE.replace("outcome = 'won'", "amount > 'abc'"), lang="ja")
    with pytest.raises(ModelError, match="'abc' は deals.amount（金額です。1000000 のように書いてください）と比較できません"):
        kpiflow.open(str(root))


# --- what the engine refuses becomes a message, and the engine is sealed -----------------------

ODD_METRIC = "  odd_deals:\n    label: {en: Odd deals}\n    count: deals\n    where: created_at > '2025-13-45'\n"


@pytest.mark.parametrize(
    ("lang", "fragment"),
    [("en", "the database could not run this: Conversion Error"), ("ja", "データベースが処理を実行できませんでした: Conversion Error")],
)
def test_a_condition_that_fails_only_in_the_engine_is_a_message_not_a_traceback(blank, tmp_path, lang, fragment):
    # '2025-13-45' looks like a date to the model check; only the engine, on a row, says it is not one.
    root, _ = _workspace_with(blank, tmp_path, "metrics:\n", "metrics:\n" + ODD_METRIC)
    deals = tmp_path / "deals.csv"
    deals.write_text("deal_id,created_at,amount,outcome\nD1,2025/4/1,1200000,won\n", encoding="utf-8")
    assert run("load", deals, "--table", "deals", "-w", root).exit_code == 0
    result = run("metrics", "odd_deals", "--period", "fy", "-w", root, "--lang", lang)
    shown = result.output + (result.stderr or "")
    assert result.exit_code == 1, shown
    assert fragment in shown and "Traceback" not in shown
    assert ("amount > 'abc'" if lang == "en" else "型の違う値") in shown  # what to look for


def test_analysis_connections_cannot_reach_files(blank, tmp_path, secret):
    path, text = secret
    _workspace_with(blank, tmp_path)
    memory = duck.connect()
    with kpiflow.open(str(tmp_path / "w"), read_only=True) as reader:
        for con in (memory, reader.con):
            assert duck.is_sealed(con)
            for query in (
                f"SELECT * FROM read_text('{path}')",
                "SELECT * FROM read_text('/etc/hostname')",
                f"SELECT * FROM read_csv('{path}')",
                f"COPY (SELECT 1) TO '{tmp_path / 'out.csv'}'",
                f"ATTACH '{tmp_path / 'other.duckdb'}'",
                "INSTALL httpfs",
            ):
                with pytest.raises(duckdb.Error) as caught:
                    con.execute(query)
                assert text not in str(caught.value)
            for setting in ("SET enable_external_access = true", "SET lock_configuration = false", "RESET enable_external_access"):
                with pytest.raises(duckdb.Error, match="locked"):
                    con.execute(setting)
            con.execute("SET enable_progress_bar = false")  # what callers may still switch
        assert reader.sql("SELECT count(*) FROM deals").fetchall() == [(0,)]  # the database itself reads
    memory.close()
    assert not (tmp_path / "out.csv").exists() and not (tmp_path / "other.duckdb").exists()


def test_a_writable_database_file_may_read_files_for_loading(tmp_path, secret):
    path, text = secret
    con = duck.connect(tmp_path / "load.duckdb")
    assert not duck.is_sealed(con)
    assert con.execute(f"SELECT content FROM read_text('{path}')").fetchall() == [(text + "\n",)]
    con.close()


# --- any text: a tree in the language or a ConditionError, nothing else ------------------------

TOKENS = [
    # the language
    "channel", "amount", "created_at", "deals.outcome", '"channel"', "'web'", "'it''s'", "42", "-1.5e3", "NULL", "TRUE",
    "=", "<>", "<", ">=", "+", "-", "*", "/", "%", "||", "::", "(", ")", ",", "AND", "OR", "NOT", "IN", "BETWEEN",
    "LIKE", "ILIKE", "IS", "DISTINCT", "FROM", "CASE", "WHEN", "THEN", "ELSE", "END", "CAST", "AS", "INTEGER", "DATE",
    "INTERVAL", "DAY", "lower(", "date_trunc('month',", "extract(", "year", "coalesce(", "if(",
    # what is not
    "SELECT", "FROM deals", "read_text('credentials.txt')", "read_csv(", "getenv('HOME')", "current_setting(",
    "PRAGMA", "ATTACH", "COPY", "SET", ";", "count(", "OVER", "?", "$1", ":p", "@", "[", "]", "{", "}", "->", "->>",
    "'", '"', "`", "--", "/*", "*/", "\\", "E'\\x00'", "$$", "0x10", "1e999", "\x00", "\n", "\t", "状態", "'削除'",
    "lambda", "x -> x", "STRUCT(a INT)", "EXISTS", "ANY", "UNNEST(", "*", "deals.*",
]
_FORBIDDEN_NODES = (exp.Query, exp.Subquery, exp.Anonymous, exp.AggFunc, exp.Window, exp.Star, exp.Placeholder, exp.Parameter)


_CALLS = {f.node for f in FUNCTIONS} | {exp.Cast, exp.TryCast, exp.Case, exp.If, exp.And, exp.Or}


def _holds_the_language(tree: exp.Expression) -> None:
    for node in tree.walk():
        assert not isinstance(node, _FORBIDDEN_NODES), tree.sql()
        assert not isinstance(node, exp.Func) or type(node) in _CALLS, tree.sql()
    # The engine gets the tree with its columns qualified and quoted: that SQL reads back as
    # allowed and renders the same, so nothing can hide in the rendering.
    quoted = tree.copy()
    for name in quoted.find_all(exp.Identifier):
        name.set("quoted", True)
    rendered = quoted.sql(dialect="duckdb")
    assert parse_condition(rendered).sql(dialect="duckdb") == rendered


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=14), st.sampled_from([" ", ""]))
def test_any_token_soup_is_allowed_or_a_condition_error(tokens, joiner):
    try:
        tree = parse_condition(joiner.join(tokens))
    except ConditionError as e:
        assert str(e) and e.say("ja")
        return
    _holds_the_language(tree)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from(list(string.punctuation)), max_size=60))
def test_any_text_is_allowed_or_a_condition_error(text):
    try:
        tree = parse_condition(text)
    except ConditionError:
        return
    _holds_the_language(tree)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["revenue", "cost", "1", "2.5", "+", "-", "*", "/", "(", ")", "'x'", "abs(", "'", "\x00", ";"]), max_size=10))
def test_any_formula_is_arithmetic_over_names_or_a_condition_error(tokens):
    try:
        tree = parse_formula(" ".join(tokens))
    except ConditionError:
        return
    allowed = (exp.Column, exp.Identifier, exp.Literal, exp.Paren, exp.Neg, exp.Add, exp.Sub, exp.Mul, exp.Div)
    assert all(isinstance(node, allowed) for node in tree.walk())
    assert not any(isinstance(node, exp.Literal) and node.is_string for node in tree.walk())
    assert sqlglot.parse_one(tree.sql(dialect="duckdb"), read="duckdb") == tree


def test_the_documented_language_is_the_validated_one():
    doc = (Path(__file__).resolve().parents[1] / "docs" / "security.md").read_text(encoding="utf-8")
    table = {line.split("|")[1].strip(): line.split("|")[2] for line in doc.splitlines() if line.startswith("| ") and "`" in line}
    documented = {name.strip(" `") for cell in table.values() for name in cell.split(",")}
    assert documented == {f.name for f in FUNCTIONS}


def test_the_dashboards_outcome_is_refused_without_the_file(blank, tmp_path, secret):
    pytest.importorskip("fastapi", reason="the dashboard needs the optional web extra")
    with warnings.catch_warnings():
        # Starlette asks for `httpx2` instead of `httpx`; the test client works the same with either.
        warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient` is deprecated")
        from fastapi.testclient import TestClient  # noqa: PLC0415  (an optional extra)

    from kpiflow.dashboard import create_app  # noqa: PLC0415

    path, text = secret
    root, _ = _workspace_with(blank, tmp_path)
    with TestClient(create_app(root), base_url="http://127.0.0.1:8765") as client:
        for url in ("/patterns", "/api/patterns"):
            response = client.get(url, params={"outcome": f"type = (SELECT content FROM read_text('{path}'))"})
            assert response.status_code == 400
            assert "outcome: a subquery is not allowed in a condition" in response.text
            assert text not in response.text
