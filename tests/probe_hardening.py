"""A probe of kpiflow's hardening (issue 15), run the way a user would: real `kpiflow` commands.

    python tests/probe_hardening.py            # prints one line per case and exits 1 if any fails

It builds a small workspace in a temporary folder, puts a secret file beside it, and tries what
the probe that found the holes tried: model conditions and options that read files, broken
files and model files, a read command's effect on the database file, a dashboard asked under
another Host name. Every case must end without a traceback, without the secret in any output,
with the database byte for byte as before a refusal or a read, and with nothing lost.
`tests/test_probe.py` runs it in the test suite.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

SECRET = "TOPSECRET-4711-credentials"
CONTACTS = "contact_id,created_at,channel\nC1,2025-04-01,ads\nC2,2025-05-01,web\nC3,2025-06-01,web\n"
DEALS = (
    "deal_id,contact_id,created_at,amount,outcome,closed_at\n"
    "D1,C1,2025-04-02,100,won,2025-04-20\nD2,C2,2025-05-03,300,lost,2025-07-01\n"
)
TOUCHES = "occurred_at,contact_id,type\n2025-04-01 10:00,C1,booth_visit\n2025-04-02 10:00,C1,demo\n"


@dataclass
class Outcome:
    case: str
    ok: bool
    detail: str


def run_process(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    """`kpiflow ARGS` as a user types it, with the package this interpreter imports."""
    command = [sys.executable, "-m", "kpiflow", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120, env={**os.environ, "COLUMNS": "120"})


# How commands are run: a new process each (the script), or in-process (the test suite, where a
# process per case would cost a second of start-up each).
RUN: Callable[[list[str], Path], subprocess.CompletedProcess] = run_process


def kpiflow(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return RUN(list(args), cwd)


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rows(work: Path) -> str:
    """Row counts of the loaded tables (what a refusal must not lose), through kpiflow itself."""
    return kpiflow("check", "--json", "-w", "ws", cwd=work).stdout.count('"rows"') and kpiflow(
        "metrics", "leads", "won_deals", "--period", "all", "--json", "-w", "ws", cwd=work
    ).stdout


def build(work: Path) -> None:
    (work / "credentials.txt").write_text(SECRET + "\n", encoding="utf-8")
    assert kpiflow("init", "ws", "--lang", "en", cwd=work).returncode == 0
    for table, text in (("contacts", CONTACTS), ("deals", DEALS), ("touchpoints", TOUCHES)):
        (work / f"{table}.csv").write_text(text, encoding="utf-8")
        done = kpiflow("load", f"{table}.csv", "--table", table, "-w", "ws", cwd=work)
        assert done.returncode == 0, done.stderr


def refused(work: Path, case: str, args: list[str], *, code: int | None = None) -> Outcome:
    """A command that must be refused: a kpiflow message, no traceback, no secret, database unchanged."""
    database = work / "ws" / "kpiflow.duckdb"
    before = fingerprint(database)
    done = kpiflow(*args, cwd=work)
    text = done.stdout + done.stderr
    problems = []
    if done.returncode == 0:
        problems.append("accepted")
    if code is not None and done.returncode != code:
        problems.append(f"exit {done.returncode}, expected {code}")
    if "Traceback" in text:
        problems.append("traceback")
    if SECRET in text:
        problems.append("the secret is in the output")
    if fingerprint(database) != before:
        problems.append("the database changed")
    first = (done.stderr.strip().splitlines() or [""])[0][:110]
    return Outcome(case, not problems, "; ".join(problems) or f"exit {done.returncode}: {first}")


def with_model(work: Path, case: str, edit: Callable[[str], str], args: list[str], *, code: int | None = 2) -> Outcome:
    """Edit kpiflow.yaml as a colleague's commit might, run a command, put the model back."""
    model = work / "ws" / "kpiflow.yaml"
    original = model.read_bytes()
    try:
        model.write_bytes(edit(original.decode("utf-8")).encode("utf-8"))
        return refused(work, case, [*args, "-w", "ws"], code=code)
    finally:
        model.write_bytes(original)


def metric_where(where: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        return text.replace("    where: outcome = 'won'\n", f"    where: {where}\n", 1)

    return edit


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, host: str) -> tuple[int, str]:
    request = urllib.request.Request(url, headers={"Host": host})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")


def dashboard_checks_host(work: Path) -> Outcome:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "kpiflow", "serve", "--port", str(port), "-w", "ws"],
        cwd=work,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/api/lists.csv?kind=fast"
        deadline = time.monotonic() + 60
        while True:
            try:
                status, _ = fetch(url, f"127.0.0.1:{port}")
                break
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline or server.poll() is not None:
                    return Outcome("dashboard: Host checked", False, "the dashboard did not start")
                time.sleep(0.2)
        evil, body = fetch(url, "evil.example")
        ok = status == 200 and evil == 400 and "contact_id" not in body
        return Outcome("dashboard: Host checked", ok, f"127.0.0.1 -> {status}, evil.example -> {evil}")
    finally:
        server.terminate()
        try:
            server.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.communicate()


def probe(work: Path, *, serve: bool = True) -> list[Outcome]:
    build(work)
    kept = rows(work)
    secret = str((work / "credentials.txt").resolve())
    out: list[Outcome] = []
    # 1. Conditions that would read a file: in the model, in options, through the engine.
    out.append(
        with_model(
            work,
            "model where reads a file (subquery)",
            metric_where(f"deal_id <= (SELECT max(content) FROM read_text('{secret}'))"),
            ["check"],
        )
    )
    out.append(
        with_model(
            work,
            "model where reads a file (cast)",
            metric_where(f"CAST((SELECT content FROM read_text('{secret}')) AS INTEGER) = 1"),
            ["metrics", "revenue", "--period", "FY2025"],
        )
    )
    out.append(with_model(work, "model where compares a number with text", metric_where("amount > 'abc'"), ["metrics", "revenue"]))
    out.append(with_model(work, "model where with an unbalanced quote", metric_where("\"outcome = 'won\""), ["check"]))
    out.append(
        refused(
            work,
            "--step reads a file",
            ["funnel", "--step", f"type = (SELECT content FROM read_text('{secret}'))", "--step", "type = 'demo'", "-w", "ws"],
        )
    )
    out.append(refused(work, "--outcome with a subquery", ["patterns", "--outcome", "type IN (SELECT 1)", "-w", "ws"]))
    out.append(refused(work, "--step with an unbalanced quote", ["funnel", "--step", "type = 'demo", "-w", "ws"]))
    # 2. Broken model files.
    out.append(with_model(work, "NUL byte in kpiflow.yaml", lambda t: t.replace("locale:", "loc\x00ale:", 1), ["check"]))
    out.append(with_model(work, "tree cycle", lambda t: t.replace("tree:", "tree:\n  leads: [revenue]", 1), ["tree", "--period", "FY2025"]))
    # 3. Broken data files: refused, nothing lost.
    (work / "noise.csv").write_bytes(bytes(range(256)) * 64)
    out.append(refused(work, "random bytes as a CSV", ["load", "noise.csv", "--table", "contacts", "-w", "ws"], code=3))
    (work / "cut.parquet").write_bytes(b"PAR1" + b"\x15\x04" * 40)
    out.append(refused(work, "a truncated Parquet file", ["load", "cut.parquet", "--table", "contacts", "-w", "ws"], code=3))
    (work / "nul.csv").write_bytes(CONTACTS.encode() + b"C9,2025-07-01,w\x00eb\n")
    out.append(refused(work, "a NUL byte in a CSV", ["load", "nul.csv", "--table", "contacts", "-w", "ws"], code=3))
    out.append(Outcome("nothing lost after the refusals", rows(work) == kept, "row counts as loaded"))
    # 4. Reads never write.
    database = work / "ws" / "kpiflow.duckdb"
    before = fingerprint(database)
    for args in (["metrics", "revenue"], ["tree", "--period", "FY2025"], ["funnel", "--period", "FY2025"], ["check"]):
        kpiflow(*args, "-w", "ws", cwd=work)
    out.append(Outcome("reads leave the database byte for byte", fingerprint(database) == before, "sha256 unchanged"))
    # 5. The dashboard answers only its own names.
    if serve:
        out.append(dashboard_checks_host(work))
    return out


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="kpiflow-probe-"))
    try:
        outcomes = probe(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for o in outcomes:
        print(f"{'ok  ' if o.ok else 'FAIL'} {o.case}: {o.detail}")
    return 0 if all(o.ok for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
