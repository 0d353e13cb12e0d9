"""A read-only dashboard over a workspace: each page is one library call, drawn and tabled.

Every page `/<name>` has a JSON twin `/api/<name>` that returns exactly the result's `to_dict()`
(the CLI's `--json`), and a page whose data is one table a CSV twin `/api/<name>.csv`. Pages are
declared as data in `PAGES`: the library call, the fields of its form (each a picker of a kind:
periods with data, the tree's metrics, the model's dimensions, ...) and an optional visual that
draws charts or the key point map from the same JSON data. Results are cached per page,
parameters and the modification times of the database, the model file and the blueprints
folder, so a reload after `kpiflow load` is fresh.

No inline script or style anywhere (the CSP forbids both): charts travel as JSON in data-figure
attributes and static/app.js draws them with the Plotly bundle of the installed package; htmx,
vendored in static/vendor, redraws a page in place when a picker changes.
"""

from __future__ import annotations

import functools
import hmac
import importlib.util
import ipaddress
import json
import re
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from urllib.parse import urlencode

import jinja2
from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

import kpiflow
from kpiflow.dashboard.pages import PAGES, PARAM_NAMES, WORDS, Page, View, Visual, picker_choices, pickers
from kpiflow.dashboard.tables import csv_cell, json_safe, sections, table_records
from kpiflow.errors import KpiflowError
from kpiflow.io.export import csv_text
from kpiflow.model.config import ModelFile

HERE = Path(__file__).resolve().parent
LANGS = ("ja", "en")
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
CACHE_LIMIT = 256
PLOTLY_FILE = Path(importlib.util.find_spec("plotly").origin).parent / "package_data" / "plotly.min.js"  # type: ignore[arg-type, union-attr]
PLOTLY_PATH = "/static/vendor/plotly.min.js"


@functools.cache
def plotly_css_id() -> str:
    """The id of the map stylesheet plotly.js injects at load unless an element with that id exists."""
    found = re.search(rb'getElementById\("([0-9a-f]{64})"\)', PLOTLY_FILE.read_bytes())
    return found.group(1).decode() if found else "plotly-maps-css"


Params = Mapping[str, str]


# --- the app


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def create_app(workspace_path: str | Path, *, token: str | None = None, lang: str | None = None) -> FastAPI:
    """The dashboard app for the workspace at `workspace_path` (opened read-only on each uncached request)."""
    root = Path(workspace_path)
    if lang is not None and lang not in LANGS:
        raise KpiflowError(f"unknown language '{lang}'; expected one of: {', '.join(LANGS)}")
    with kpiflow.open(str(root), read_only=True) as ws:  # fails early, with the library's message, on a bad path
        root = ws.root
        database = ws.database
        default_lang = lang or ws.lang
    model_file = root / "kpiflow.yaml"
    cache: dict[tuple, object] = {}
    lock = threading.Lock()
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True, undefined=jinja2.StrictUndefined
    )

    app = FastAPI(title="kpiflow dashboard", docs_url=None, redoc_url=None, openapi_url=None)

    @app.get(PLOTLY_PATH, include_in_schema=False)
    def plotly_bundle() -> FileResponse:
        # Plotly's own bundle, from the installed package: nothing is fetched from a CDN.
        return FileResponse(PLOTLY_FILE, media_type="text/javascript", headers={"Cache-Control": "max-age=86400"})

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def stamp() -> tuple[int, int, int, int]:
        def mtime(path: Path) -> int:
            try:
                return path.stat().st_mtime_ns
            except FileNotFoundError:
                return 0

        # A load may sit in the write-ahead log until DuckDB checkpoints it, so that file counts too;
        # a saved blueprint changes its folder's time (blueprints are written by rename).
        wal = database.with_name(database.name + ".wal")
        return mtime(database), mtime(wal), mtime(model_file), mtime(root / "blueprints")

    def cached(key: tuple, compute: Callable[[kpiflow.Workspace], object]) -> object:
        key = (*key, stamp())
        with lock:
            if key not in cache:
                with kpiflow.open(str(root), read_only=True) as ws:
                    value = compute(ws)
                if len(cache) >= CACHE_LIMIT:
                    cache.clear()
                cache[key] = value
            return cache[key]

    def default_period() -> str:
        return cached(("default-period",), lambda ws: ws._last_complete_year().label("en"))  # type: ignore[return-value]

    def choices(language: str) -> dict[str, list[tuple[str, str]]]:
        return cached(("choices", language), lambda ws: picker_choices(ws, language))  # type: ignore[return-value]

    def model() -> ModelFile:
        return cached(("model",), lambda ws: ws.model)  # type: ignore[return-value]

    def formats() -> dict[str, str | None]:
        return {name: metric.format for name, metric in model().metrics.items()}

    def request_lang(request: Request) -> str:
        chosen = request.query_params.get("lang") or default_lang
        if chosen not in LANGS:
            raise KpiflowError(f"unknown language '{chosen}'; expected one of: {', '.join(LANGS)}")
        return chosen

    def page_params(page: Page, request: Request) -> dict[str, str]:
        allowed = {f.name for f in page.fields} | ({"period"} if page.uses_period else set())
        params = {k: v.strip() for k, v in request.query_params.items() if k in allowed and v.strip()}
        if page.uses_period and "period" not in params:
            params["period"] = default_period()
        for field in page.fields:
            if field.default is not None and field.name not in params:
                params[field.name] = field.default(params, model(), default_period())
        return params

    def result(page: Page, params: dict[str, str], language: str) -> object:
        key = (page.name, tuple(sorted(params.items())), language)
        return cached(key, lambda ws: json_safe(page.compute(ws, params, language).to_dict()))

    def link_factory(request: Request, language: str, params: Mapping[str, str]):
        query_token = request.query_params.get("token") if token else None

        def url(path: str, **extra: str | None) -> str:
            query = {"period": params.get("period"), "lang": language} | extra
            if query_token:
                query["token"] = query_token
            clean = {k: v for k, v in query.items() if v}
            return path + ("?" + urlencode(clean) if clean else "")

        return url, query_token

    def render(request: Request, template: str, status: int, language: str, params: Mapping[str, str], **context) -> HTMLResponse:
        url, query_token = link_factory(request, language, params)
        page = context.get("page")
        html = env.get_template(template).render(
            pickers=pickers(page, params, choices(language) if page else {}, language) if page else [],
            pages=PAGES,
            nav_url=link_factory(request, language, params if page is None or page.uses_period else {})[0],
            lang=language,
            other_lang="en" if language == "ja" else "ja",
            params=params,
            url=url,
            token=query_token,
            switch_url=url(
                context["page"].path if context.get("page") else "/",
                lang="en" if language == "ja" else "ja",
                **{k: v for k, v in params.items() if k != "period"},
            ),
            words={k: v[language] for k, v in WORDS.items()},
            plotly_css_id=plotly_css_id(),
            **context,
        )
        return HTMLResponse(html, status_code=status)

    @app.middleware("http")
    async def guard(request: Request, call_next):
        if token is not None and not _authorised(request, token):
            response: Response = JSONResponse(
                {"error": "a token is required: add ?token=... or 'Authorization: Bearer ...'"}, 401
            )
            response.headers["WWW-Authenticate"] = "Bearer"
        else:
            response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.exception_handler(KpiflowError)
    async def kpiflow_error(request: Request, error: KpiflowError):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": str(error)}, status_code=400)
        language = request.query_params.get("lang") if request.query_params.get("lang") in LANGS else default_lang
        params = {k: v for k, v in request.query_params.items() if k in PARAM_NAMES}
        page = next((p for p in PAGES if p.path == request.url.path), None)
        title = page.title[language] if page else WORDS["error"][language]
        return render(request, "error.html", 400, language, params, page=page, title=title, message=str(error))

    def add_routes(page: Page) -> None:
        def html_view(request: Request) -> HTMLResponse:
            language = request_lang(request)
            params = page_params(page, request)
            data = result(page, params, language)
            url, _ = link_factory(request, language, params)
            visual = page.visual(data, View(language, params, model(), url)) if page.visual else Visual()
            return render(
                request,
                "page.html",
                200,
                language,
                params,
                page=page,
                title=page.title[language],
                sections=sections(data, lang=language, formats=formats()),
                api=url_for_api(request, page, language, params),
                csv=url_for_api(request, page, language, params, ".csv") if table_records(data) is not None else None,
                visual=visual,
                figures=[json.dumps(f, ensure_ascii=False) for f in visual.charts],
            )

        def api_view(request: Request) -> JSONResponse:
            language = request_lang(request)
            return JSONResponse(result(page, page_params(page, request), language))

        def csv_view(request: Request) -> Response:
            language = request_lang(request)
            params = page_params(page, request)
            rows = table_records(result(page, params, language))
            if rows is None:
                raise KpiflowError(f"/{page.name} has no single table to download; use /api/{page.name} (JSON)")
            columns = list(dict.fromkeys(k for row in rows for k in row))
            text = csv_text(columns, [[csv_cell(row.get(c)) for c in columns] for row in rows])
            name = "-".join(["kpiflow", page.name, *(params[k] for k in sorted(params))])
            disposition = f'attachment; filename="{re.sub(r"[^A-Za-z0-9_.-]", "_", name)}.csv"'
            return Response(text, media_type="text/csv; charset=utf-8", headers={"Content-Disposition": disposition})

        app.add_api_route(page.path, html_view, methods=["GET"], response_class=HTMLResponse, name=page.name)
        app.add_api_route(f"/api/{page.name}", api_view, methods=["GET"], name=f"api_{page.name}")
        app.add_api_route(f"/api/{page.name}.csv", csv_view, methods=["GET"], name=f"csv_{page.name}")

    def url_for_api(request: Request, page: Page, language: str, params: Mapping[str, str], suffix: str = "") -> str:
        url, _ = link_factory(request, language, params)
        return url(f"/api/{page.name}{suffix}", **{k: v for k, v in params.items() if k != "period"})

    for page in PAGES:
        add_routes(page)
    return app


def _authorised(request: Request, token: str) -> bool:
    given = request.query_params.get("token")
    if given is None:
        header = request.headers.get("authorization", "")
        scheme, _, value = header.partition(" ")
        given = value.strip() if scheme.lower() == "bearer" else None
    return given is not None and hmac.compare_digest(given.encode(), token.encode())


def serve(
    workspace_path: str | Path, host: str = "127.0.0.1", port: int = 8765, token: str | None = None, lang: str | None = None
) -> None:
    """Run the dashboard with uvicorn. A host other than loopback needs a token, since the data is private."""
    if not _loopback(host) and not token:
        raise KpiflowError(
            f"refusing to serve on {host}: other machines could read the workspace; "
            "give a token (e.g. token=secrets.token_urlsafe()) or use host='127.0.0.1'"
        )
    import uvicorn  # noqa: PLC0415  (uvicorn is needed only to run the server, not to build or test the app)

    server = uvicorn.Server(uvicorn.Config(create_app(workspace_path, token=token, lang=lang), host=host, port=port))
    threading.Thread(target=_warm_up, args=(server, host, port, token), daemon=True).start()
    server.run()


def _warm_up(server, host: str, port: int, token: str | None) -> None:
    """Request every JSON twin once as soon as the server is up, so the first person to open a page
    does not wait for its analysis (the cache then answers in milliseconds; see bench/serve.py)."""
    import time  # noqa: PLC0415  (only for the dashboard's start-up)
    import urllib.request  # noqa: PLC0415

    while not server.started and not server.should_exit:
        time.sleep(0.1)
    address = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host.strip("[]")
    query = f"?token={token}" if token else ""
    for page in PAGES:
        name = "tree" if page.path == "/" else page.path.strip("/")
        try:
            with urllib.request.urlopen(f"http://{address}:{port}/api/{name}{query}", timeout=300) as response:  # noqa: S310
                response.read()
        except OSError:
            continue  # a page that cannot be computed answers with its message when asked; nothing to warm
