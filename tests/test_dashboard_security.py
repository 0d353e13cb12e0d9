"""Who the dashboard talks to: only the names it is bound to (no DNS rebinding), a token that lives in
a cookie and never in a link, an address bar or a log line, HEAD and X-Frame-Options, a busy port
with its own exit code, and a friendly 503 while `kpiflow load` holds the database."""

from __future__ import annotations

import contextlib
import html
import http.client
import logging
import re
import socket
import subprocess
import sys
import threading
import time
import warnings

import pytest

pytest.importorskip("fastapi", reason="the dashboard needs the optional web extra: pip install 'fastapi>=0.110' uvicorn httpx")

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient` is deprecated")
    from fastapi.testclient import TestClient

from typer.testing import CliRunner

from conftest import ACCOUNTS, CONTACTS, COSTS, DEALS, HISTORY, workspace_from_csv
from kpiflow.cli import app as cli
from kpiflow.dashboard.app import PAGES, PLOTLY_PATH, create_app, dashboard_server, host_name
from kpiflow.errors import KpiflowError
from kpiflow.messages import say

uvicorn = pytest.importorskip("uvicorn", reason="the dashboard needs uvicorn")

LOCAL = "http://127.0.0.1:8765"
TOKEN = "s3cret-Tok3n_for-tests"
# The tiny workspace's funnel by channel for FY2025, as a CSV twin: its channels are the data to protect.
FUNNEL_CSV = ("/api/funnel.csv", {"period": "FY2025", "by": "channel"})


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    tables = {"accounts": ACCOUNTS, "contacts": CONTACTS, "deals": DEALS, "stage_history": HISTORY, "costs": COSTS}
    ws = workspace_from_csv(tmp_path_factory.mktemp("security"), tables)
    ws.close()  # the dashboard opens it read-only, on its own
    return ws.root


@pytest.fixture(scope="module")
def client(root):
    with TestClient(create_app(root), base_url=LOCAL) as c:
        yield c


@pytest.fixture(scope="module")
def guarded(root):
    """A dashboard with a token; each test gets a fresh cookie jar."""
    return create_app(root, token=TOKEN)


def data_shown(body: str) -> bool:
    return "exhibition" in body  # a channel of the tiny workspace, in every funnel by channel


# --- Host: only the names the dashboard is bound to


def test_the_workspace_data_is_reachable_at_its_own_address(client):
    response = client.get(FUNNEL_CSV[0], params=FUNNEL_CSV[1])
    assert response.status_code == 200 and data_shown(response.text)  # what the refusals below must not show


@pytest.mark.parametrize(
    "host",
    [
        "evil.example",  # DNS rebinding: the attacker's name now points at 127.0.0.1
        "evil.example:8765",
        "127.0.0.1.evil.example",
        "localhost.evil.example:8765",
        "localhost.",
        "127.0.0.2",  # loopback, but not the address it is bound to
        "::1",  # an IPv6 address must be bracketed
        "[::1",
        "localhost:http",
        "local host",
        "",
    ],
)
def test_a_request_for_another_host_is_refused_and_shows_no_data(client, host):
    for path, params in (FUNNEL_CSV, ("/funnel", FUNNEL_CSV[1]), ("/", {})):
        response = client.get(path, params=params, headers={"Host": host})
        assert response.status_code == 400, (host, path)
        assert not data_shown(response.text) and "--allow-host" in response.text
        assert response.headers["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize(
    "host", ["127.0.0.1", "127.0.0.1:8765", "localhost", "LOCALHOST:8765", "[::1]", "[::1]:8765", "[0:0:0:0:0:0:0:1]:80"]
)
def test_loopback_names_with_or_without_a_port_are_answered(client, host):
    response = client.get(FUNNEL_CSV[0], params=FUNNEL_CSV[1], headers={"Host": host})
    assert response.status_code == 200 and data_shown(response.text)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("localhost:8765", ("localhost", "8765")),
        ("LocalHost", ("localhost", None)),
        ("[0::1]:8765", ("[::1]", "8765")),
        ("192.168.1.10:80", ("192.168.1.10", "80")),
        ("::1", None),
        ("[127.0.0.1]", None),
        ("a/b", None),
        ("host:", None),
        (None, None),
    ],
)
def test_host_headers_are_read_as_name_and_port(value, expected):
    assert host_name(value) == expected


def test_allow_host_adds_names_and_the_bound_address_is_answered(root):
    app = create_app(root, host="192.168.1.10", token=TOKEN, allow_hosts=["dashboard.example", "10.0.0.5:8765", "fe80::1"])
    bearer = {"Authorization": f"Bearer {TOKEN}"}
    with TestClient(app, base_url=LOCAL) as c:
        for host in ("192.168.1.10:8765", "dashboard.example", "DASHBOARD.example:8765", "10.0.0.5", "[fe80::1]:8765", "localhost"):
            assert c.get("/api/dictionary", headers={**bearer, "Host": host}).status_code == 200, host
        for host in ("192.168.1.11", "other.example", "example"):
            assert c.get("/api/dictionary", headers={**bearer, "Host": host}).status_code == 400, host
    with pytest.raises(KpiflowError, match="--allow-host 'a/b' is not a host name"):
        create_app(root, allow_hosts=["a/b"])
    with pytest.raises(KpiflowError, match="--host 'http://x' is not a host name"):
        create_app(root, host="http://x", token=TOKEN)


def test_bound_to_every_address_it_answers_any_ip_but_only_allowed_names(root):
    bearer = {"Authorization": f"Bearer {TOKEN}"}
    with TestClient(create_app(root, host="0.0.0.0", token=TOKEN, allow_hosts=["team-pc"]), base_url=LOCAL) as c:
        for host in ("192.168.1.11:8765", "[fe80::2]", "team-pc:8765"):
            assert c.get("/api/dictionary", headers={**bearer, "Host": host}).status_code == 200, host
        assert c.get("/api/dictionary", headers={**bearer, "Host": "evil.example"}).status_code == 400


# --- the token: a cookie after the first request, never in a link or a log line


def test_without_the_token_nothing_is_shown(guarded):
    with TestClient(guarded, base_url=LOCAL) as c:
        for path in ("/", "/funnel", FUNNEL_CSV[0], "/api/tree", "/static/app.css", PLOTLY_PATH):
            response = c.get(path, params=FUNNEL_CSV[1] if path.startswith("/api/funnel") else None)
            assert response.status_code == 401, path
            assert not data_shown(response.text) and response.headers["WWW-Authenticate"] == "Bearer"
        assert "?token=" in c.get("/funnel", params={"lang": "en"}).text  # the page says how to give it
        assert c.get("/api/tree").json()["error"] == say("dashboard.token_required", "en")
        for wrong in ({"params": {"token": "wrong"}}, {"headers": {"Authorization": "Bearer wrong"}}, {"headers": {"Authorization": f"Basic {TOKEN}"}}):
            assert c.get("/funnel", follow_redirects=False, **wrong).status_code == 401, wrong


def test_the_token_in_the_address_becomes_a_cookie_and_leaves_the_address(guarded):
    with TestClient(guarded, base_url=LOCAL) as c:
        first = c.get("/funnel", params={"token": TOKEN, "period": "FY2025", "by": "channel"}, follow_redirects=False)
        assert first.status_code == 303
        assert first.headers["location"] == "/funnel?period=FY2025&by=channel"  # the same address, without the token
        cookie = first.headers["set-cookie"]
        name, value = cookie.split(";")[0].split("=", 1)
        assert name == "kpiflow_token_8765" and TOKEN not in cookie
        attributes = {a.strip().lower() for a in cookie.split(";")[1:]}
        assert {"httponly", "samesite=strict", "path=/"} <= attributes
        page = c.get(first.headers["location"])  # the cookie alone
        assert page.status_code == 200 and data_shown(page.text)
    with TestClient(guarded, base_url=LOCAL, cookies={name: value}) as c:
        assert c.get(FUNNEL_CSV[0], params=FUNNEL_CSV[1]).status_code == 200
    with TestClient(guarded, base_url="http://127.0.0.1:8766", cookies={name: value}) as c:
        assert c.get("/api/tree").status_code == 401  # the cookie of the dashboard on another port
    with TestClient(guarded, base_url=LOCAL, cookies={name: "0" * len(value)}) as c:
        assert c.get("/api/tree").status_code == 401


def test_the_redirect_never_leaves_the_dashboard(guarded):
    with TestClient(guarded, base_url=LOCAL) as c:
        response = c.get(LOCAL + "//evil.example/x", params={"token": TOKEN}, follow_redirects=False)
        assert response.status_code == 303 and response.headers["location"] == "/evil.example/x"


def test_a_bearer_header_is_enough_for_scripts(guarded):
    with TestClient(guarded, base_url=LOCAL) as c:
        response = c.get(FUNNEL_CSV[0], params=FUNNEL_CSV[1], headers={"Authorization": f"Bearer {TOKEN}"})
        assert response.status_code == 200 and data_shown(response.text)


def test_no_page_carries_the_token(guarded):
    with TestClient(guarded, base_url=LOCAL) as c:
        assert c.get("/", params={"token": TOKEN}).status_code == 200  # redirected, with the cookie
        for page in PAGES:
            response = c.get(page.path, params={"lang": "en"})
            assert response.status_code in (200, 400), page.path  # 400: a page of the tiny workspace that says why
            assert TOKEN not in response.text and "token" not in response.text, page.path  # links, forms, scripts


@pytest.fixture
def running(root):
    """The server `kpiflow serve` runs, on a free loopback port, and the access log lines it writes."""
    server, sock = dashboard_server(root, "127.0.0.1", 0, token=TOKEN)
    lines: list[str] = []
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    handler = _Lines(lines)
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    logging.getLogger("uvicorn.access").addHandler(handler)  # after uvicorn's logging configuration
    try:
        yield sock.getsockname()[1], lines
    finally:
        logging.getLogger("uvicorn.access").removeHandler(handler)
        server.should_exit = True
        thread.join(10)


class _Lines(logging.Handler):
    def __init__(self, lines: list[str]):
        super().__init__()
        self.lines = lines

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def test_access_log_lines_carry_no_token(running):
    port, lines = running
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", f"/api/dictionary?lang=en&token={TOKEN}")
    response = connection.getresponse()
    response.read()
    assert response.status == 303 and response.getheader("location") == "/api/dictionary?lang=en"
    connection.request("GET", "/api/dictionary", headers={"Cookie": response.getheader("set-cookie").split(";")[0]})
    second = connection.getresponse()
    assert second.status == 200 and second.read()
    connection.close()
    deadline = time.monotonic() + 5
    while len(lines) < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert any('"GET /api/dictionary HTTP/1.1" 303' in line for line in lines), lines
    assert any('"GET /api/dictionary HTTP/1.1" 200' in line for line in lines), lines
    assert not any(TOKEN in line or "?" in line for line in lines), lines


# --- HEAD and the headers


@pytest.mark.parametrize("path", ["/", "/funnel", "/dictionary", "/api/tree", "/api/dictionary", FUNNEL_CSV[0], "/static/app.css", PLOTLY_PATH])
def test_head_answers_like_get_without_a_body(client, path):
    params = FUNNEL_CSV[1] if path.startswith("/api/funnel") or path == "/funnel" else {"period": "FY2025"}
    got = client.get(path, params=params)
    head = client.head(path, params=params)
    assert head.status_code == got.status_code == 200, path
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
    assert int(head.headers["content-length"]) == len(got.content)
    assert head.headers["X-Frame-Options"] == "DENY"


def test_frames_are_refused_on_every_kind_of_answer(client, guarded):
    assert client.get("/").headers["X-Frame-Options"] == "DENY"
    assert client.get("/explain", params={"metric": "revnue"}).headers["X-Frame-Options"] == "DENY"  # 400
    with TestClient(guarded, base_url=LOCAL) as c:
        assert c.get("/").headers["X-Frame-Options"] == "DENY"  # 401


# --- a busy port


@pytest.fixture
def busy_port():
    taken = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    taken.bind(("127.0.0.1", 0))
    taken.listen(1)
    yield taken.getsockname()[1]
    taken.close()


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_serve_on_a_busy_port_exits_5_with_a_message_and_a_free_port(root, busy_port, lang, monkeypatch):
    monkeypatch.setattr(uvicorn.Server, "run", lambda *a, **k: pytest.fail("the server must not start"))
    result = CliRunner().invoke(cli, ["serve", "--port", str(busy_port), "-w", str(root), "--lang", lang])
    assert result.exit_code == 5, result.output
    assert "Traceback" not in result.output and "Errno" not in result.output
    suggested = int(re.search(r"--port (\d+)", result.output).group(1))
    assert say("serve.port_in_use", lang, port=busy_port, free=suggested) in " ".join(result.output.split())
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", suggested))  # the port it suggests is free


def test_serve_on_an_address_of_another_machine_exits_5(root, monkeypatch):
    monkeypatch.setattr(uvicorn.Server, "run", lambda *a, **k: pytest.fail("the server must not start"))
    result = CliRunner().invoke(cli, ["serve", "--host", "192.0.2.1", "--token", TOKEN, "-w", str(root), "--lang", "en"])
    assert result.exit_code == 5 and "cannot listen on 192.0.2.1:8765" in result.output, result.output


def test_serve_passes_allow_host_to_the_dashboard(root, monkeypatch):
    started = []

    def run(server, sockets):
        started.append((server, sockets))
        server.should_exit = True  # lets the warm-up thread end

    monkeypatch.setattr(uvicorn.Server, "run", run)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = CliRunner().invoke(cli, ["serve", "--port", port, "--allow-host", "team-pc", "--allow-host", "kpi.local", "-w", root])
    assert result.exit_code == 0, result.output
    ((server, sockets),) = started
    assert sockets[0].getsockname() == ("127.0.0.1", port)
    sockets[0].close()
    assert {"team-pc", "kpi.local", "127.0.0.1", "localhost", "[::1]"} == server.config.app.state.allowed_hosts


# --- while a load holds the database


@contextlib.contextmanager
def a_load_running(root):
    """Another process holds the workspace database open for writing, as `kpiflow load` does."""
    command = [sys.executable, "-c", HOLD_THE_LOCK, str(root / "kpiflow.duckdb")]
    with subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) as writer:
        assert writer.stdout.readline().strip() == "locked"
        yield
        writer.stdin.close()  # the writer ends and lets go of the lock
        writer.wait(10)


HOLD_THE_LOCK = "import duckdb, sys; con = duckdb.connect(sys.argv[1]); print('locked', flush=True); sys.stdin.read()"


def test_a_page_during_a_load_is_a_503_to_retry_in_a_few_seconds(root):
    with TestClient(create_app(root, lock_wait=0.2), base_url=LOCAL) as c:
        params = {"period": "FY2024", "by": "industry"}  # not computed yet: the database must be opened
        cached = c.get("/dictionary").text
        with a_load_running(root):
            started = time.monotonic()
            page = {lang: c.get("/funnel", params={**params, "lang": lang}) for lang in ("en", "ja")}
            api = c.get("/api/funnel", params=params)
            csv_twin = c.get("/api/funnel.csv", params=params)
            waited = time.monotonic() - started
            wrong = c.get("/funnel", params={**params, "lang": "fr"})  # an error page must not open the database
            still = c.get("/dictionary")
        for lang, response in page.items():
            assert response.status_code == 503 and response.headers["Retry-After"] == "5"
            assert say("dashboard.busy", lang) in response.text and '<meta http-equiv="refresh" content="5">' in response.text
            assert "Traceback" not in response.text and "lock" not in response.text
        assert api.status_code == csv_twin.status_code == 503 and api.headers["Retry-After"] == "5"
        assert api.json() == {"error": say("dashboard.busy", "en")}
        assert waited < 4 * 0.2 + 2  # each waited about lock_wait, not the CLI's few seconds
        assert wrong.status_code == 400 and "unknown language 'fr'" in html.unescape(wrong.text)
        assert still.status_code == 200 and still.text == cached  # the lock alone changed no file: still cached
        assert c.get("/funnel", params=params).status_code == 200  # once the load is over
