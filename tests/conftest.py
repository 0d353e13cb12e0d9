"""Shared fixtures: an in-memory engine with the canonical tables, and workspaces in tmp dirs."""

from __future__ import annotations

from pathlib import Path

import pytest

import kpiflow
from kpiflow.engine import duck

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


@pytest.fixture
def con():
    connection = duck.connect()
    duck.create_tables(connection)
    yield connection
    connection.close()


@pytest.fixture
def ws(tmp_path):
    workspace = kpiflow.init(str(tmp_path / "ws"), lang="en")
    yield workspace
    workspace.close()


@pytest.fixture
def ws_ja(tmp_path):
    workspace = kpiflow.init(str(tmp_path / "ws_ja"), lang="ja")
    yield workspace
    workspace.close()
