"""Shared fixtures: an in-memory engine with the canonical tables, and workspaces in tmp dirs."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
import typer.main
import typer.testing
from hypothesis import settings

import kpiflow
import kpiflow.workspace
from kpiflow.engine import duck

# Property tests draw the same examples on every run, so that the suite (and CI) is reproducible:
# a red build is a change of ours, never a new random draw. They draw 30 examples each (a test
# that says its own number keeps it), so that the suite stays within its CPU budget; a deliberate
# search runs HYPOTHESIS_PROFILE=explore, which draws anew and ten times as many.
settings.register_profile("reproducible", derandomize=True, database=None, max_examples=30)
settings.register_profile("explore", derandomize=False, max_examples=300)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "reproducible"))

# One DuckDB thread (KPIFLOW_THREADS, which kpiflow reads at every connection): the suite's tables
# are far below the row groups DuckDB would share among threads, so a second one only adds the
# cost of scheduling every query's tasks (about 8% of the suite's CPU). bench/ measures with all.
os.environ.setdefault("KPIFLOW_THREADS", "1")

# A session opens a thousand workspaces; the shared demos' computed results (kpiflow.workspace.
# _SHARED, 16 data states in a user's process) must outlive the tiny ones opened between two
# modules that read the same demo.
kpiflow.workspace._SHARED_STATES = 1024


# --- the command line, built once per process as the installed `kpiflow` builds it -------------
# typer's CliRunner turns the Typer app into a click command on every invoke: about 30 ms of type
# hints read for fifty commands, a few hundred times a session. `kpiflow` builds it once per
# process; so do the tests, again whenever what it is made of changes (another app, a command,
# a sub-command group, an analysis registered or removed).
_BUILT: list[tuple[list[object], object]] = []


def _command_line(typer_app):
    from kpiflow.analysis.registry import ANALYSES  # noqa: PLC0415  (the registry, no analysis)

    made_of = [typer_app, *typer_app.registered_groups, *list.__iter__(typer_app.registered_commands), *ANALYSES]
    for parts, command in _BUILT:
        if len(parts) == len(made_of) and all(a is b for a, b in zip(parts, made_of, strict=True)):
            return command
    command = typer.main.get_command(typer_app)
    _BUILT[:] = [(made_of, command)]
    return command


assert typer.testing._get_command is typer.main.get_command, "typer.testing no longer builds the command this way"
typer.testing._get_command = _command_line

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DATASETS = SHARED / "datasets"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
DATA = Path(__file__).resolve().parent / "data"


def dataset(name: str) -> Path:
    """A public dataset from ../shared/datasets, or a skip with the reason when it is absent."""
    path = DATASETS / name
    if not path.exists():
        pytest.skip(f"../shared/datasets/{name} is not present (it ships beside the repo in CI, not in a fresh clone)")
    return path


# --- the demo company, built once per size and test session ---------------------------------

_DEMO_BUILDS: dict[str, Path] = {}
_DEMO_ROOT: list[Path] = []


def copy_demo(path: str | Path, *, size: str = "default", lang: str = "ja"):
    """A fresh demo workspace at `path`, as `kpiflow.workspace.build_demo` makes it.

    Generating the fictional company takes seconds (most of the suite's set-up time when every
    module did it); it is generated once per size per session and each caller gets a copy of the
    folder, so a test may write to its workspace (blueprints, loads) without touching another's.
    Only the model's language differs between languages.
    """
    from kpiflow.workspace import build_demo, open_workspace  # noqa: PLC0415  (numpy-heavy)

    if size not in _DEMO_BUILDS:
        if not _DEMO_ROOT:
            _DEMO_ROOT.append(Path(tempfile.mkdtemp(prefix="kpiflow-demo-")))
        built = _DEMO_ROOT[0] / size
        ws, _ = build_demo(built, size=size, lang="en")
        ws.close()
        _DEMO_BUILDS[size] = built
    target = Path(path)
    shutil.copytree(_DEMO_BUILDS[size], target)
    model = target / "kpiflow.yaml"
    text = model.read_text(encoding="utf-8")
    model.write_text(text.replace("locale: en ", f"locale: {lang} ", 1), encoding="utf-8")
    ws = open_workspace(target)
    return ws, {table: n for table, n in ws.table_rows().items()}


_SHARED_DEMOS: dict[tuple[str, str], tuple[Path, dict[str, bytes]]] = {}
_ANCHORS: list = []


def _contents(root: Path) -> dict[str, bytes]:
    return {str(f.relative_to(root)): f.read_bytes() for f in sorted(root.rglob("*")) if f.is_file()}


def shared_demo(size: str = "small", lang: str = "en") -> Path:
    """The root of one demo workspace per size and language that every test of the session which
    only reads may use (`kpiflow.open(root)`, `-w root`): workspaces opened on the same data share
    what they computed (kpiflow.workspace._SHARED), so the faces' tests do not recompute the same
    analyses module after module. The session fails if a test changed a byte of it or added a
    file (file modes would not stop a test run as root): a test that writes takes a `copy_demo`."""
    if (size, lang) not in _SHARED_DEMOS:
        if not _DEMO_ROOT:
            _DEMO_ROOT.append(Path(tempfile.mkdtemp(prefix="kpiflow-demo-")))
        ws, _ = copy_demo(_DEMO_ROOT[0] / f"shared-{size}-{lang}", size=size, lang=lang)
        ws.close()
        _SHARED_DEMOS[size, lang] = (ws.root, _contents(ws.root))
        # Held open for the session: DuckDB then shares one database instance among every
        # connection to the file, so opening the workspace costs 0.3 ms instead of 16 ms.
        _ANCHORS.append(duck.connect(ws.database, read_only=True))
    return _SHARED_DEMOS[size, lang][0]


_SHARED_FACES: dict[tuple, object] = {}


def shared_workbook(lang: str = "en", size: str = "small") -> tuple[Path, list[str]]:
    """The shared demo's workbook for its last complete year, written once per session (path, sheet names)."""
    from kpiflow.reporting.excel import write_workbook  # noqa: PLC0415

    if ("workbook", size, lang) not in _SHARED_FACES:
        with open_shared_demo(size, lang) as ws:
            path = _DEMO_ROOT[0] / f"book-{size}-{lang}.xlsx"
            _SHARED_FACES["workbook", size, lang] = (path, write_workbook(ws, path, lang=lang))
    return _SHARED_FACES["workbook", size, lang]  # type: ignore[return-value]


def shared_report(lang: str = "en", size: str = "small") -> str:
    """The shared demo's HTML report for its last complete year, built once per session."""
    from kpiflow.reporting.html import build_report  # noqa: PLC0415

    if ("report", size, lang) not in _SHARED_FACES:
        with open_shared_demo(size, lang) as ws:
            _SHARED_FACES["report", size, lang] = build_report(ws, period=ws.last_complete_year().label("en"), lang=lang)
    return _SHARED_FACES["report", size, lang]  # type: ignore[return-value]


def open_shared_demo(size: str = "small", lang: str = "en"):
    """The shared demo workspace (`shared_demo`) opened read-only: writing through it is refused."""
    from kpiflow.workspace import open_workspace  # noqa: PLC0415

    return open_workspace(shared_demo(size, lang), read_only=True)


@pytest.fixture(scope="session", autouse=True)
def _remove_demo_builds():
    yield
    for anchor in _ANCHORS:
        anchor.close()
    changed = []
    for root, contents in _SHARED_DEMOS.values():
        now = _contents(root)
        changed += [f"{root}/{name}" for name in sorted(now.keys() | contents.keys()) if now.get(name) != contents.get(name)]
    for root in _DEMO_ROOT:
        shutil.rmtree(root, ignore_errors=True)
    assert not changed, f"a test wrote to a shared demo workspace (use copy_demo to write): {changed}"


@pytest.fixture
def con():
    connection = duck.connect()
    duck.create_tables(connection)
    yield connection
    connection.close()


_EMPTY: dict[str, Path] = {}


def empty_workspace(path: Path, lang: str):
    """A new workspace at `path`, as `kpiflow init` makes it: copied from one made per language
    and session (creating the tables and their comments costs a tenth of a second each time)."""
    from kpiflow.workspace import open_workspace  # noqa: PLC0415

    if lang not in _EMPTY:
        if not _DEMO_ROOT:
            _DEMO_ROOT.append(Path(tempfile.mkdtemp(prefix="kpiflow-demo-")))
        made = kpiflow.init(str(_DEMO_ROOT[0] / f"empty-{lang}"), lang=lang)
        made.close()
        _EMPTY[lang] = made.root
    shutil.copytree(_EMPTY[lang], path)
    return open_workspace(path)


@pytest.fixture
def ws(tmp_path):
    workspace = empty_workspace(tmp_path / "ws", "en")
    yield workspace
    workspace.close()


@pytest.fixture
def ws_ja(tmp_path):
    workspace = empty_workspace(tmp_path / "ws_ja", "ja")
    yield workspace
    workspace.close()


# --- a tiny hand-made workspace, every number in the tests counted by hand ---------------

ACCOUNTS = "account_id,name,industry\nA1,テスト精機,automotive\nA2,サンプル食品,food\n"
# C1 arrives one minute before the fiscal year turns (FY2024Q4), C2 on its first instant (FY2025Q1).
CONTACTS = (
    "contact_id,account_id,created_at,channel\n"
    "C1,A1,2025-03-31 23:59,ads\n"
    "C2,A1,2025-04-01 00:00,ads\n"
    "C3,A2,2025-05-01,exhibition\n"
    "C4,A2,2025-10-10,exhibition\n"
)
DEALS = (
    "deal_id,account_id,contact_id,created_at,amount,outcome,closed_at,channel\n"
    "D1,A1,C1,2025-04-02,100,won,2025-04-20,ads\n"
    "D2,A2,C3,2025-04-03,300,won,2025-07-01,exhibition\n"
    "D3,A2,C3,2025-04-04,50,lost,2025-06-30 23:59,exhibition\n"
    "D4,A1,C2,2025-05-01,70,open,,ads\n"
)
HISTORY = (
    "entity,entity_id,stage,entered_at\n"
    "contact,C1,lead,2025-03-31 23:59\n"
    "contact,C1,mql,2025-04-05\n"
    "contact,C3,mql,2025-05-02\n"
    "contact,C2,mql,2025-05-03\n"
    "contact,C1,sql,2025-04-06\n"
    "deal,D1,valid,2025-04-03\n"
)
COSTS = "date,channel,category,amount\n2025-04-01,ads,media,1000\n2025-05-01,exhibition,event,500\n2025-10-01,ads,media,200\n"


def workspace_from_csv(root: Path, tables: dict[str, str], lang: str = "en"):
    """A new workspace under `root` with each table loaded from CSV text, through the loader."""
    ws = kpiflow.init(str(root / "ws"), lang=lang)
    for table, text in tables.items():
        path = root / f"{table}.csv"
        path.write_text(text, encoding="utf-8")
        ws.load(path, table)
    return ws


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """A hand-made workspace: 2 accounts, 4 contacts, 4 deals, 6 stage entries, 3 costs."""
    tables = {"accounts": ACCOUNTS, "contacts": CONTACTS, "deals": DEALS, "stage_history": HISTORY, "costs": COSTS}
    ws = workspace_from_csv(tmp_path_factory.mktemp("tiny"), tables)
    yield ws
    ws.close()
