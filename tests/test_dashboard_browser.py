"""The dashboard in a real browser, used as a person would: every page opens without console errors,
with its charts drawn and its tables within a 1,280 px window (screenshots kept); the period picker
updates the page through htmx and Back undoes it, the key point map's cards lead to their
explanation, the language switch keeps the period, and hostile names in the data are shown as
text, never run."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from conftest import ACCOUNTS, CONTACTS, COSTS, DEALS, HISTORY, shared_demo, workspace_from_csv

uvicorn = pytest.importorskip("uvicorn", reason="the dashboard needs uvicorn")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
if CHROMIUM is None:
    pytest.skip("no Chromium on this machine (CI installs the Debian package `chromium` as root)", allow_module_level=True)

from kpiflow.dashboard.app import PAGES, create_app  # noqa: E402  (after the skips: FastAPI is imported here)

expect = sync_api.expect
TITLES = {p.name: p.title for p in PAGES}
CHARTED = ("funnel", "bottleneck", "velocity", "explain", "exhibitions", "patterns")  # pages whose demo data has a chart
MARKS = ":is(g.point > path, path.sankey-link)"  # what a drawn chart shows: bars (one per value) or sankey links
HOSTILE = "<img src=x onerror=window.__xss=1>"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serving(root: Path):
    """The dashboard over the workspace at `root`, served by uvicorn on a free loopback port."""
    port = free_port()
    instance = uvicorn.Server(uvicorn.Config(create_app(root), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not instance.started and time.time() < deadline:
        time.sleep(0.05)
    assert instance.started, "the dashboard did not start within 20 s"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        instance.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with serving(shared_demo("small", "ja")) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh tab per test (its own history), recording console errors and uncaught exceptions."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ja-JP")
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    tab.errors = []
    tab.on("console", lambda m: tab.errors.append(f"{tab.url}: {m.text}") if m.type == "error" else None)
    tab.on("pageerror", lambda e: tab.errors.append(f"{tab.url}: {e}"))
    yield tab
    context.close()


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory) -> Path:
    """$KPIFLOW_SCREENSHOTS when set (a stable folder to look at), else a pytest tmp dir."""
    chosen = os.environ.get("KPIFLOW_SCREENSHOTS")
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def charts_drawn(tab) -> None:
    """Waits until every chart on the page has been drawn by Plotly."""
    charts = tab.locator("#page div.chart")
    for i in range(charts.count()):
        expect(charts.nth(i)).to_have_attribute("data-drawn", "1")
        expect(charts.nth(i)).to_have_class(re.compile(r"\bjs-plotly-plot\b"))


def first_table(tab) -> str:
    return tab.locator("#page table").first.inner_text()


def test_every_page_opens_without_errors_draws_its_charts_fits_1280_px_and_is_screenshotted(server, page, screenshots, capsys):
    # One visit per page (a page load and a full-page screenshot are most of a browser test's cost).
    toggled = 0
    for entry in PAGES:
        page.goto(server + entry.path)
        expect(page.locator("h1")).to_have_text(entry.title["ja"])
        charts_drawn(page)
        if entry.name in CHARTED:
            assert page.locator("#page .js-plotly-plot").count() >= 1, entry.path
            assert page.locator(f"#page .js-plotly-plot {MARKS}").count() >= 1, f"{entry.path}: an empty chart"
        if entry.name == "tree":
            assert page.locator("#page svg.kpi-tree").count() == 1
            assert page.locator("#page svg.kpi-tree g.kpi-node").count() >= 10
        page.screenshot(path=str(screenshots / f"{entry.name}.png"), full_page=True)
        # Tables fit a 1,280 px window; the other columns are behind a toggle.
        overflow = page.evaluate(
            """() => [...document.querySelectorAll('#page table')]
                .filter(t => !t.closest('details:not([open])'))
                .map(t => [t.closest('section')?.querySelector('h2')?.innerText || '', Math.ceil(t.getBoundingClientRect().right),
                           t.parentElement.scrollWidth - t.parentElement.clientWidth])
                .filter(([title, right, hidden]) => right > window.innerWidth || hidden > 0)"""
        )
        assert overflow == [], f"{entry.path}: tables wider than the window: {overflow}"
        toggles = page.locator("#page details.all-columns")
        for i in range(toggles.count()):
            toggle = toggles.nth(i)
            shown = toggle.locator("xpath=preceding-sibling::div[1]//thead//th").count()
            toggle.locator("summary").click()
            assert toggle.locator("thead th").count() > shown, entry.path  # the whole table, every column
            toggled += 1
    assert toggled >= 5  # the wide tables (tree, funnel, bottleneck, exhibitions, behaviour, ...) have one
    with capsys.disabled():
        print(f"\nscreenshots of every page: {screenshots}")
    assert page.errors == []


def test_period_picker_updates_the_page_in_place_and_back_restores_it(server, page):
    page.goto(server + "/funnel")
    charts_drawn(page)
    period = page.locator("select[name=period]")
    expect(period).to_have_value("FY2025")
    before = first_table(page)
    figure_before = page.locator("div.chart").get_attribute("data-figure")
    page.evaluate("window.__marker = 1")

    period.select_option("FY2024")
    page.wait_for_url("**/funnel?*period=FY2024*")
    expect(page.locator("select[name=period]")).to_have_value("FY2024")
    charts_drawn(page)
    assert page.evaluate("window.__marker") == 1, "the page was reloaded instead of updated by htmx"
    after = first_table(page)
    assert after != before
    assert page.locator("div.chart").get_attribute("data-figure") != figure_before  # a new figure, redrawn
    expect(page.locator("h1")).to_have_text(TITLES["funnel"]["ja"])

    page.go_back()
    page.wait_for_url(lambda url: "FY2024" not in url)
    expect(page.locator("select[name=period]")).to_have_value("FY2025")
    charts_drawn(page)
    assert first_table(page) == before
    assert page.locator("div.chart").get_attribute("data-figure") == figure_before
    assert page.evaluate("window.__marker") == 1
    assert page.errors == []


def test_key_point_map_cards_lead_to_their_explanation_and_to_the_funnel(server, page):
    page.goto(server + "/")
    card = page.locator('svg.kpi-tree a:has(g.kpi-node[data-metric="win_rate"])')
    expect(card).to_have_count(1)
    card.click()
    page.wait_for_url("**/explain?*metric=win_rate*")
    assert "from=FY2024" in page.url and "period=FY2025" in page.url
    expect(page.locator("h1")).to_have_text(TITLES["explain"]["ja"])
    expect(page.locator("select[name=metric]")).to_have_value("win_rate")
    expect(page.locator("select[name=from]")).to_have_value("FY2024")
    assert page.locator("p.summary").inner_text().strip()
    charts_drawn(page)
    waterfall = page.locator("#page .js-plotly-plot")
    expect(waterfall).to_have_count(1)
    assert waterfall.locator(MARKS).count() >= 3  # start, at least one cause, end

    page.go_back()
    page.wait_for_url(server + "/")
    page.locator("ul.links a[href^='/funnel']").click()
    page.wait_for_url("**/funnel?*")
    assert "period=FY2025" in page.url
    expect(page.locator("h1")).to_have_text(TITLES["funnel"]["ja"])
    charts_drawn(page)
    assert page.errors == []


def test_language_switch_keeps_the_chosen_period(server, page):
    page.goto(server + "/funnel?period=FY2024")
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**lang=en*")
    assert "period=FY2024" in page.url
    expect(page.locator("h1")).to_have_text(TITLES["funnel"]["en"])
    expect(page.locator("select[name=period]")).to_have_value("FY2024")
    expect(page.locator("select[name=period] option:checked")).to_have_text("FY2024")  # the English label
    expect(page.locator("html")).to_have_attribute("lang", "en")
    charts_drawn(page)

    page.get_by_role("link", name="日本語").click()
    page.wait_for_url("**lang=ja*")
    assert "period=FY2024" in page.url
    expect(page.locator("h1")).to_have_text(TITLES["funnel"]["ja"])
    expect(page.locator("select[name=period] option:checked")).to_have_text("2024年度")

    page.locator("nav.top").get_by_role("link", name=TITLES["explain"]["ja"]).click()  # the nav keeps the period too
    page.wait_for_url("**/explain?*")
    assert "period=FY2024" in page.url and "lang=ja" in page.url
    expect(page.locator("nav.top a[aria-current=page]")).to_have_text(TITLES["explain"]["ja"])
    assert page.errors == []


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    tables = {"accounts": ACCOUNTS, "contacts": CONTACTS, "deals": DEALS, "stage_history": HISTORY, "costs": COSTS}
    ws = workspace_from_csv(tmp_path_factory.mktemp("hostile"), {k: v.replace("ads", HOSTILE) for k, v in tables.items()})
    root = ws.root
    ws.close()
    with serving(root) as url:
        yield url


@pytest.mark.parametrize("path", ["/funnel", "/bottleneck"])
def test_hostile_names_are_shown_as_text_not_run(hostile_server, page, path):
    page.goto(f"{hostile_server}{path}?by=channel&period=FY2025")
    expect(page.locator("#page table").first).to_contain_text(HOSTILE)  # shown literally, as the data has it
    charts_drawn(page)
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator("img").count() == 0  # no element was made from the name (the CSP alone would hide onerror)
    assert page.errors == []
