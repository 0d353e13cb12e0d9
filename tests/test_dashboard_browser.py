"""The dashboard in a real browser: every page, the language switch, click-through, no console errors."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from kpiflow.workspace import build_demo

uvicorn = pytest.importorskip("uvicorn", reason="the dashboard needs uvicorn")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
if CHROMIUM is None:
    pytest.skip("no Chromium on this machine (CI installs the Debian package `chromium` as root)", allow_module_level=True)

from kpiflow.dashboard.app import PAGES, create_app  # noqa: E402  (after the skips: FastAPI is imported here)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    ws, _ = build_demo(tmp_path_factory.mktemp("dash") / "demo", size="small", lang="ja")
    root = ws.root
    ws.close()
    port = free_port()
    instance = uvicorn.Server(uvicorn.Config(create_app(root), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not instance.started and time.time() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def page():
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        tab.errors = []
        tab.on("console", lambda m: tab.errors.append(m.text) if m.type == "error" else None)
        tab.on("pageerror", lambda e: tab.errors.append(str(e)))
        yield tab
        browser.close()


def test_every_page_opens_without_errors_and_is_screenshotted(server, page, tmp_path_factory):
    shots = tmp_path_factory.mktemp("screenshots")
    for entry in PAGES:
        page.goto(server + entry.path)
        assert page.locator("h1").first.inner_text().strip(), entry.path
        page.screenshot(path=str(shots / f"{entry.name}.png"), full_page=False)
    assert page.errors == []


def test_language_switch_and_click_through(server, page):
    page.goto(server + "/")
    funnel_ja = next(p for p in PAGES if p.name == "funnel").title["ja"]
    page.get_by_role("link", name=funnel_ja).first.click()
    page.wait_for_load_state()
    assert page.url.startswith(server + "/funnel")
    page.get_by_role("link", name="English").click()
    page.wait_for_load_state()
    assert "lang=en" in page.url
    funnel_en = next(p for p in PAGES if p.name == "funnel").title["en"]
    assert funnel_en in page.locator("h1").first.inner_text()
    explain_en = next(p for p in PAGES if p.name == "explain").title["en"]
    page.get_by_role("link", name=explain_en).first.click()
    page.wait_for_load_state()
    assert page.url.startswith(server + "/explain") and "lang=en" in page.url
    assert page.errors == []
