"""Codes in words: every code an analysis can put in a result has a Japanese and an English word,
and the faces people read (the terminal, the dashboard) show the words, never the codes.

The codes are gathered from the code that emits them (the data check's findings, the tree's
statuses, the plan's sources, the tests behind p-values), from the data contract (touchpoint
types) and from the default model (stages), so that a new code without a word fails here.
"""

from __future__ import annotations

import ast
import html
import re
import warnings
from pathlib import Path

import pytest

import kpiflow.analysis as analyses
from conftest import shared_demo
from kpiflow.analysis.bottleneck import REFERENCES
from kpiflow.analysis.patterns import REFINED_TYPES
from kpiflow.analysis.registry import REGISTRY
from kpiflow.demo.catalog import CONTENT_TYPES as DEMO_CONTENT_TYPES
from kpiflow.model.config import METRIC_KINDS, RATIO_KINDS, default_model_text, parse_model
from kpiflow.model.schema import TOUCHPOINT_TYPES
from kpiflow.reporting.headers import header
from kpiflow.reporting.words import GROUPS, WORDS, Vocabulary, word

SOURCES = Path(analyses.__file__).parent


def constants(node: ast.AST) -> set[str]:
    return {n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)}


def choices(node: ast.AST) -> set[str]:
    """The strings an expression can be: a string, or either side of ``a if ... else b``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return choices(node.body) | choices(node.orelse)
    return set()


def assigned(module: str, name: str) -> set[str]:
    """The strings a module assigns to `name` (``status = "on_track" if ... else "behind"``)."""
    tree = ast.parse((SOURCES / module).read_text(encoding="utf-8"))
    return {
        value
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets)
        for value in choices(node.value)
    }


def call_arguments(module: str, function: str, position: int, keyword: str | None = None) -> set[str]:
    """The strings a module passes to `function` at `position` (or as `keyword`); a name passed
    there counts with every string the module assigns to it."""
    tree = ast.parse((SOURCES / module).read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == function):
            continue
        given = [node.args[position]] if len(node.args) > position else []
        given += [k.value for k in node.keywords if k.arg == keyword]
        for argument in given:
            found |= assigned(module, argument.id) if isinstance(argument, ast.Name) else constants(argument)
    return found


def names_of_tests(module: str) -> set[str]:
    """The names of the tests behind p-values: ``return "two_proportion", p``."""
    tree = ast.parse((SOURCES / module).read_text(encoding="utf-8"))
    returned = [node.value for node in ast.walk(tree) if isinstance(node, ast.Return) and node.value is not None]
    return {
        pair.elts[0].value
        for value in returned
        for pair in ast.walk(value)
        if isinstance(pair, ast.Tuple)
        and len(pair.elts) == 2
        and isinstance(pair.elts[0], ast.Constant)
        and isinstance(pair.elts[0].value, str)
    }


DEFAULT_MODEL = parse_model(default_model_text("ja"))
EMITTED: dict[str, set[str]] = {
    "finding kinds": call_arguments("check.py", "Finding", 1),
    "finding severities": call_arguments("check.py", "Finding", 5, "severity") | {"violation"},
    "tree statuses": assigned("tree.py", "status") - {""},
    "plan sources": assigned("plan.py", "source"),
    "plan roles": {"volume", "rate"},
    "bottleneck references": set(REFERENCES),
    "funnel bases": set(REGISTRY["funnel"].param("basis").choices),
    "velocity kinds": {"step", "skip", "total"},
    "entities and units": set(REGISTRY["patterns"].param("unit").choices) | {"contact", "deal", "anonymous"},
    "blueprint comparisons": call_arguments("blueprint.py", "_proportion", 0) | call_arguments("blueprint.py", "Departure", 0),
    "tests": names_of_tests("tree.py") | names_of_tests("explain.py") | names_of_tests("blueprint.py"),
    "ratio kinds": set(RATIO_KINDS),
    "metric kinds": set(METRIC_KINDS),
    "stages of the default model": {*DEFAULT_MODEL.stages.contact, *DEFAULT_MODEL.stages.deal},
    "touchpoint types of the contract": set(TOUCHPOINT_TYPES),
    "content types of the demo": {*DEMO_CONTENT_TYPES, "webinar", "newsletter"},
}
SAME_IN_BOTH = {"MQL", "SQL", "KPI"}  # names Japanese uses as they are
CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def test_the_codes_are_found_in_the_code():
    # The gathering above reads the analyses' source: it must find what we know is there.
    assert {"closed_before_created", "stage_order", "month_end_burst", "orphan"} <= EMITTED["finding kinds"]
    assert EMITTED["finding severities"] == {"violation", "warning"}
    assert EMITTED["tree statuses"] == {"on_track", "behind"}
    assert EMITTED["plan sources"] == {"target", "derived", "history", "override"}
    assert {"two_proportion", "compound_poisson", "welch_t", "count_ratio"} <= EMITTED["tests"]
    assert {"pattern_frequency", "pattern_confidence", "kpi"} <= EMITTED["blueprint comparisons"]
    assert set(REFINED_TYPES) <= EMITTED["touchpoint types of the contract"]


@pytest.mark.parametrize("what", EMITTED)
def test_every_code_an_analysis_emits_has_a_word_in_japanese_and_english(what):
    for code in sorted(EMITTED[what]):
        ja, en = word(code, "ja"), word(code, "en")
        assert code in WORDS, f"{what}: add '{code}' to kpiflow/reporting/words.py"
        assert ja != code and en != code, f"{what}: '{code}' is shown as itself"
        assert CJK.search(ja) or ja in SAME_IN_BOTH, f"{what}: '{code}' is not Japanese in Japanese: {ja}"
        assert en.isascii() and en[0].isupper(), f"{what}: '{code}' reads '{en}' in English"


def test_a_code_named_in_two_groups_reads_the_same_in_both():
    seen: dict[str, dict[str, str]] = {}
    for group, entries in GROUPS.items():
        for code, entry in entries.items():
            assert set(entry) == {"ja", "en"}, (group, code)
            assert seen.setdefault(code, entry) == entry, f"'{code}' has two words ({group})"


@pytest.mark.parametrize(
    ("code", "ja", "en"),
    [
        ("behind", "未達", "Behind"),
        ("on_track", "達成見込み", "On track"),
        ("closed_before_created", "作成日より前のクローズ", "Closed before created"),
        ("lead → mql", "リード → MQL", "Lead → MQL"),
        ("page_view:pricing", "ページ閲覧: 料金", "Page view: Pricing"),
        ("email_open:newsletter -> page_view:pricing", "メール開封: メールマガジン → ページ閲覧: 料金", "Email open: Newsletter → Page view: Pricing"),
        ("1. download:whitepaper", "1. 資料ダウンロード: ホワイトペーパー", "1. Download: White paper"),
        ("stage:opportunity", "商談に到達", "Reached Opportunity"),
        ("best-period", "最良四半期", "Best quarter"),
        ("cohort", "コホート", "Cohort"),
        ("page_view:a_page_of_ours", "ページ閲覧: a_page_of_ours", "Page view: a_page_of_ours"),
        ("no_such_code", "no_such_code", "no_such_code"),
    ],
)
def test_a_code_reads_as_business_japanese_and_english(code, ja, en):
    assert (word(code, "ja"), word(code, "en")) == (ja, en)


def test_cells_of_a_result_are_worded_by_their_column():
    words = Vocabulary("ja")
    assert words.cell("status", "behind") == "未達"
    assert words.cell("kind", "month_end_burst") == "月末への集中"
    assert words.cell("from_stage", "opportunity") == "商談"
    assert words.cell("stage", "win_rate") == "win_rate"  # a bottleneck's "stage" is a rate, not a CRM stage
    assert words.cell("pattern", ["page_view:pricing", "demo"]) == ["ページ閲覧: 料金", "デモ体験"]
    assert words.cell("value", "automotive", {"dimension": "industry"}) == "automotive"  # no label: as it is
    assert words.cell("dimension", "industry") == "業種"
    assert words.cell("source", "deals") == "deals"  # a table's name (the dictionary) is not a code
    assert words.cell("revenue", 12.5) == 12.5


# --- the faces: the Japanese demo's screens show words, not codes ---------------------------

# Codes that must never reach a Japanese screen; quoted ones ('mql' in a condition) are conditions.
SHOWN = (
    EMITTED["finding kinds"]
    | EMITTED["tree statuses"]
    | EMITTED["stages of the default model"]
    | EMITTED["touchpoint types of the contract"]
    | EMITTED["bottleneck references"]
    | {"cohort", "throughput", "stage:opportunity"}
)
CODE = re.compile(r"(?<![\w'\".=/-])(" + "|".join(sorted(map(re.escape, SHOWN), key=len, reverse=True)) + r")(?![\w'\"-])")
# Columns of free text written by the analyses (notes, SQL, definitions, the English summary).
FREE_TEXT = {header(k, "ja") for k in ("note", "notes", "detail", "definition", "sql", "where", "reason", "summary", "ja", "en")}


@pytest.fixture(scope="module")
def demo_ja(tmp_path_factory):
    return shared_demo("small", "ja")


def test_a_japanese_dashboard_page_shows_no_code(demo_ja):
    pytest.importorskip("fastapi")
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient` is deprecated")
        from fastapi.testclient import TestClient  # noqa: PLC0415

    from kpiflow.dashboard import create_app  # noqa: PLC0415
    from kpiflow.dashboard.app import PAGES  # noqa: PLC0415

    found: dict[str, set[str]] = {}
    with TestClient(create_app(demo_ja), base_url="http://127.0.0.1:8765") as client:
        for page in PAGES:
            body = client.get(page.path, params={"lang": "ja"}).text
            for table in re.findall(r"<table>(.*?)</table>", body, re.S):
                heads = [html.unescape(h) for h in re.findall(r"<th(?:\s[^>]*)?>(.*?)</th>", table, re.S)]
                for row in re.findall(r"<tr>(.*?)</tr>", table, re.S):
                    cells = [html.unescape(re.sub("<[^>]+>", "", c)) for c in re.findall(r"<td>(.*?)</td>", row, re.S)]
                    for head, text in zip(heads or [""] * len(cells), cells, strict=False):
                        if head not in FREE_TEXT and not (heads == ["", ""] and cells[0] in FREE_TEXT):
                            found.setdefault(page.name, set()).update(m.group(1) for m in CODE.finditer(text))
    assert {page: codes for page, codes in found.items() if codes} == {}
