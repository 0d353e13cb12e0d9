"""The hardening probe (tests/probe_hardening.py) as part of the suite: every case holds.

The script runs each case as a new `kpiflow` process and starts a real dashboard; here the
commands run in-process (a process each would cost seconds of start-up) and the dashboard is
asked through its app under a hostile Host.
"""

from __future__ import annotations

import subprocess
import traceback
import warnings
from pathlib import Path

import pytest
from typer.testing import CliRunner

import probe_hardening

with warnings.catch_warnings():  # starlette asks for httpx2; httpx works (as tests/test_dashboard.py)
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from kpiflow.cli import app
from kpiflow.dashboard.app import create_app


def _in_process(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    result = CliRunner().invoke(app, args)
    stderr = result.stderr if result.stderr_bytes is not None else ""
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        stderr += "".join(traceback.format_exception(result.exception))  # an escaped error is a traceback to a user
    return subprocess.CompletedProcess(args, result.exit_code, result.stdout, stderr)


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory):
    work = tmp_path_factory.mktemp("probe")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(work)
        patch.setattr(probe_hardening, "RUN", _in_process)
        found = probe_hardening.probe(work, serve=False)
        with TestClient(create_app(work / "ws"), base_url="http://evil.example") as client:
            evil = client.get("/api/lists.csv", params={"kind": "fast"})
        with TestClient(create_app(work / "ws"), base_url="http://127.0.0.1:8765") as client:
            own = client.get("/api/lists.csv", params={"kind": "fast"})
    ok = evil.status_code == 400 and own.status_code == 200 and "contact_id" not in evil.text
    found.append(probe_hardening.Outcome("dashboard: Host checked", ok, f"{own.status_code} / {evil.status_code}"))
    return {o.case: o for o in found}


CASES = [
    "model where reads a file (subquery)",
    "model where reads a file (cast)",
    "model where compares a number with text",
    "model where with an unbalanced quote",
    "--step reads a file",
    "--outcome with a subquery",
    "--step with an unbalanced quote",
    "NUL byte in kpiflow.yaml",
    "tree cycle",
    "random bytes as a CSV",
    "a truncated Parquet file",
    "a NUL byte in a CSV",
    "nothing lost after the refusals",
    "reads leave the database byte for byte",
    "dashboard: Host checked",
]


@pytest.mark.parametrize("case", CASES)
def test_the_probe_case_holds(outcomes, case):
    assert outcomes[case].ok, outcomes[case].detail


def test_the_probe_runs_every_case(outcomes):
    assert sorted(outcomes) == sorted(CASES)
