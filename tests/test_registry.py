"""The registry of analyses: every analysis has every face it does not waive, and one set of defaults."""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from conftest import open_shared_demo
from kpiflow.analysis.registry import ANALYSES, FACES, MARKETING_TOUCHES, REGISTRY, Analysis, analysis
from kpiflow.cli import app
from kpiflow.dashboard.pages import PAGES, all_pages
from kpiflow.errors import UnknownNameError
from kpiflow.reporting.excel import SHEETS
from kpiflow.reporting.html import SECTIONS
from kpiflow.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = typer.main.get_group(app).commands
runner = CliRunner()


def _cli_options(name: str) -> dict[str, object]:
    """Parameter name -> default of the CLI command `name`."""
    return {p.name: p.default for p in COMMANDS[name].params}


@pytest.mark.parametrize("entry", ANALYSES, ids=[a.name for a in ANALYSES])
def test_every_analysis_has_every_face_it_does_not_waive(entry: Analysis):
    assert set(entry.faces) | set(entry.waived) == set(FACES)
    assert all(reason.strip() for reason in entry.waived.values()), "a waived face says why"
    has = {
        "cli": entry.name in COMMANDS,
        "json": entry.name in COMMANDS and "as_json" in _cli_options(entry.name),
        "dashboard": entry.name in {page.name for page in all_pages()},
        # an analysis that declares its tables is drawn from them (tests/test_generic_faces.py)
        "report": (entry.report_section or entry.name) in SECTIONS or entry.generic,
        "workbook": entry.name in SHEETS or entry.generic,
    }
    for face in entry.faces:
        assert has[face], f"{entry.name} has no {face} face: add it, or waive it with the reason"


def test_the_readme_documents_every_analysis():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for entry in ANALYSES:
        command = entry.waived.get("cli", f"kpiflow {entry.name}")  # a fit is `kpiflow score fit`
        assert f"`{command}" in readme, entry.name
    assert "`kpiflow analyses" in readme


@pytest.mark.parametrize("entry", ANALYSES, ids=[a.name for a in ANALYSES])
def test_every_parameter_is_a_keyword_of_the_workspace_method(entry: Analysis):
    accepted = inspect.signature(entry.function or getattr(Workspace, entry.method)).parameters
    for param in entry.params:
        assert param.name in accepted, f"{entry.name}: Workspace.{entry.method} takes no '{param.name}'"
        assert param.help.get("en") and param.help.get("ja"), f"{entry.name}.{param.name}: help in both languages"
    assert entry.title.keys() == entry.summary.keys() == {"ja", "en"}


@pytest.mark.parametrize("entry", ANALYSES, ids=[a.name for a in ANALYSES])
def test_cli_defaults_are_the_registry_s(entry: Analysis):
    # An analysis whose command is a sub-command (the fit is `kpiflow score fit`) is checked there.
    path = entry.waived.get("cli", f"kpiflow {entry.name}").split()[1:]
    command = COMMANDS[path[0]]
    for name in path[1:]:
        command = command.commands[name]
    options = {p.name: p.default for p in command.params}
    for param in entry.params:
        if param.name in options and options[param.name] is not None and param.default is not None:
            assert options[param.name] == param.default, f"kpiflow {entry.name} --{param.name}"


def test_every_face_mines_patterns_with_the_same_defaults():
    # The report once left sales' touches out and the workbook and the dashboard did not: the
    # dashboard's top "winning pattern" was meeting -> meeting -> meeting.
    patterns = analysis("patterns")
    assert patterns.default("where") == MARKETING_TOUCHES
    page = next(p for p in PAGES if p.name == "patterns")
    for field in page.fields:
        if field.default is not None and field.name in {p.name for p in patterns.params}:
            assert field.default({}, None, "FY2025") == str(patterns.default(field.name)), field.name


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    ws = open_shared_demo("small", "en")
    yield ws
    ws.close()


def test_the_registry_s_defaults_are_what_a_bare_command_computes(demo):
    bare = runner.invoke(app, ["patterns", "-w", str(demo.root), "--json"])
    assert bare.exit_code == 0, bare.output
    data = json.loads(bare.output)
    assert data["outcome"] == "stage:opportunity" and data["where"] == MARKETING_TOUCHES
    assert not any({"meeting", "call"} & set(r["pattern"]) for r in data["records"])  # no sales touch is a step
    every = json.loads(runner.invoke(app, ["patterns", "--where", "", "-w", str(demo.root), "--json"]).output)
    assert every["where"] is None and any("meeting" in r["pattern"] for r in every["records"])
    handoff = json.loads(runner.invoke(app, ["handoff", "-w", str(demo.root), "--json"]).output)
    assert handoff == json.loads(json.dumps(demo.handoff("FY2025").to_json_data(), default=str))  # the last complete year


@pytest.mark.parametrize(
    ("bare", "explicit"),
    [
        (["tree"], lambda ws: ws.tree("FY2025")),
        (["plan"], lambda ws: ws.plan({"revenue": 1.8e9}, "FY2026")),  # kpiflow.yaml's FY2026 goal, the year after the data
        (["plan", "--period", "2026年度"], lambda ws: ws.plan({"revenue": 1.8e9}, "2026年度")),  # its target, as typed in Japanese
        (["explain"], lambda ws: ws.explain("revenue", "FY2024", "FY2025")),
        (["lists"], lambda ws: ws.lists("fast")),
    ],
    ids=["tree", "plan", "plan in Japanese", "explain", "lists"],
)
def test_a_command_without_its_arguments_runs_on_the_registry_s_defaults_as_the_dashboard_does(demo, bare, explicit):
    printed = runner.invoke(app, [*bare, "-w", str(demo.root), "--json"])
    assert printed.exit_code == 0, printed.output
    assert json.loads(printed.output) == json.loads(json.dumps(explicit(demo).to_json_data(), default=str))


def test_a_plan_for_a_year_without_a_target_asks_for_one_in_the_user_s_language(demo):
    said = runner.invoke(app, ["plan", "--period", "FY2030", "-w", str(demo.root), "--lang", "ja"])
    assert said.exit_code == 1
    assert "FY2030 の revenue の目標がありません" in said.output and "--target revenue=" in said.output
    said = runner.invoke(app, ["plan", "--period", "FY2030", "-w", str(demo.root), "--lang", "en"])
    assert "no target for revenue in FY2030" in said.output


def test_defaults_that_depend_on_the_data_are_resolved_against_it(demo):
    assert analysis("explain").arguments(demo) == {"metric": "revenue", "start": "FY2024", "end": "FY2025", "by": ()}
    plan = analysis("plan").arguments(demo)
    assert (plan["period"], plan["target"]) == ("FY2026", {"revenue": 1.8e9})  # the demo's FY2026 goal in kpiflow.yaml
    assert analysis("tree").run(demo).period == "FY2025"


def test_the_analyses_command_lists_the_registry():
    listed = json.loads(runner.invoke(app, ["analyses", "--json"]).output)
    assert [a["name"] for a in listed] == list(REGISTRY)
    assert next(a for a in listed if a["name"] == "bottleneck")["report_section"] == "funnel"
    table = runner.invoke(app, ["analyses", "--lang", "ja"])
    assert table.exit_code == 0 and "kpiflow patterns" in table.output and "コマンド" in table.output


def test_an_unknown_analysis_or_parameter_is_named():
    with pytest.raises(UnknownNameError, match="did you mean 'patterns'"):
        analysis("pattern")
    with pytest.raises(UnknownNameError, match="did you mean 'within'"):
        analysis("patterns").param("withn")
