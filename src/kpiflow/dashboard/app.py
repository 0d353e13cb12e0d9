"""A read-only dashboard over a workspace: each page is one library call, drawn and tabled.

Every page `/<name>` has a JSON twin `/api/<name>` that returns exactly the result's `to_dict()`
(the CLI's `--json`), and a page whose data is one table a CSV twin `/api/<name>.csv`. Pages are
declared as data in `PAGES`: the library call, the fields of its form (each a picker of a kind:
periods with data, the tree's metrics, the model's dimensions, ...) and an optional visual that
draws charts or the key point map from the same JSON data. Results are cached per page,
parameters and the modification times of the database, the model file and the blueprints
folder, so a reload after `kpiflow load` is fresh.

Who it talks to: a request whose Host is not a name the dashboard is bound to is refused (400),
so a page on another origin cannot read it by DNS rebinding. With a token, the first request
carries it (`?token=` or `Authorization: Bearer`) and is redirected to the same address without
it, while an HttpOnly, SameSite=Strict cookie carries it from then on: it appears in no link, no
address bar and no access log line. While `kpiflow load` holds the database's lock, pages answer
a 503 that asks to retry in a few seconds.

No inline script or style anywhere (the CSP forbids both): charts travel as JSON in data-figure
attributes and static/app.js draws them with the Plotly bundle of the installed package; htmx,
vendored in static/vendor, redraws a page in place when a picker changes.
"""

from __future__ import annotations

import copy
import errno
import functools
import hashlib
import hmac
import importlib.util
import ipaddress
import json
import logging
import os
import re
import socket
import threading
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, urlencode

import jinja2
from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

import kpiflow
from kpiflow.analysis.result import json_data
from kpiflow.dashboard.pages import PAGES, PARAM_NAMES, WORDS, Page, View, Visual, all_pages, picker_choices, pickers  # noqa: F401  (PAGES: the written pages, for tests)
from kpiflow.dashboard.tables import csv_cell, json_safe, sections, table_records
from kpiflow.engine.duck import is_lock_conflict
from kpiflow.errors import CannotListenError, KpiflowError, WorkspaceBusyError
from kpiflow.io.export import csv_text
from kpiflow.messages import say
from kpiflow.model.config import ModelFile
from kpiflow.reporting.words import vocabulary

if TYPE_CHECKING:
    import uvicorn

HERE = Path(__file__).resolve().parent
LANGS = ("ja", "en")
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
# Names the dashboard always answers to; the address it is bound to and --allow-host names join them.
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
ANY_ADDRESS = ("0.0.0.0", "::", "")
RETRY_AFTER_SECONDS = 5
# How long a page waits for a running load to let go of the database before answering 503: short,
# since one waiting page holds up the cache for every other.
LOCK_WAIT_SECONDS = 1.0
HOST_HEADER = re.compile(r"(?P<name>\[[0-9a-f:.]+\]|[a-z0-9_.-]+)(?::(?P<port>[0-9]{1,5}))?")
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


def _ip(name: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(name.strip("[]"))
    except ValueError:
        return None


def host_name(value: str | None) -> tuple[str, str | None] | None:
    """The name and port of a Host header, lower-cased, an IPv6 address in brackets and in its short
    form (`LOCALHOST:8765` -> ('localhost', '8765'), `[0::1]` -> ('[::1]', None)); None if malformed."""
    found = HOST_HEADER.fullmatch((value or "").strip().lower())
    if found is None:
        return None
    ip = _ip(found["name"])
    if ip is not None and (ip.version == 6) != found["name"].startswith("["):
        return None  # an IPv6 address, and only one, is bracketed in a Host header
    name = f"[{ip.compressed}]" if ip is not None and ip.version == 6 else str(ip) if ip is not None else found["name"]
    return name, found["port"]


def _allowed_name(value: str, lang: str, option: str = "--allow-host") -> str:
    """A name given to --allow-host (or the address given to --host) as a Host header carries it."""
    text = value.strip().lower()
    ip = _ip(text)
    if ip is not None:  # `::1` as well as `[::1]`
        return f"[{ip.compressed}]" if ip.version == 6 else str(ip)
    parsed = host_name(text)
    if parsed is None:
        raise KpiflowError(say("serve.bad_host_name", lang, option=option, name=value))
    return parsed[0]


def _database_busy(error: BaseException) -> bool:
    """Whether the error, or one it was raised from or while handling, says a writer holds the database's lock."""
    if isinstance(error, WorkspaceBusyError):  # the workspace waited for the load, in vain
        return True
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if is_lock_conflict(current):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


def _cookie_name(port: str | None) -> str:
    # Cookies do not tell ports apart: one name per port, so two dashboards with their own tokens both stay open.
    return f"kpiflow_token_{port or 'default'}"


def _cookie_value(token: str) -> str:
    # A key derived from the token: the token's own text never travels back to the browser.
    return hmac.new(token.encode(), b"kpiflow dashboard cookie", hashlib.sha256).hexdigest()


def _same(given: str | None, expected: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())


def create_app(
    workspace_path: str | Path,
    *,
    token: str | None = None,
    lang: str | None = None,
    host: str = "127.0.0.1",
    allow_hosts: Iterable[str] = (),
    lock_wait: float = LOCK_WAIT_SECONDS,
) -> FastAPI:
    """The dashboard app for the workspace at `workspace_path` (opened read-only on each uncached request,
    waiting up to `lock_wait` seconds for a running load).

    It answers only requests whose Host header names loopback (127.0.0.1, localhost, [::1]), `host` (the
    address it is bound to) or one of `allow_hosts`; bound to every address (0.0.0.0, ::) it also answers
    any IP address, which no other site's page can borrow.
    """
    root = Path(workspace_path)
    if lang is not None and lang not in LANGS:
        raise KpiflowError(f"unknown language '{lang}'; expected one of: {', '.join(LANGS)}")
    with kpiflow.open(str(root), read_only=True) as ws:  # fails early, with the library's message, on a bad path
        root = ws.root
        database = ws.database
        default_lang = lang or ws.lang
    any_ip = host.strip("[]") in ANY_ADDRESS
    names = {*LOOPBACK_NAMES, *(() if any_ip else (_allowed_name(host, default_lang, "--host"),))}
    names |= {_allowed_name(name, default_lang) for name in allow_hosts}
    model_file = root / "kpiflow.yaml"
    cache: dict[tuple, object] = {}
    lock = threading.Lock()
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True, undefined=jinja2.StrictUndefined
    )

    app = FastAPI(title="kpiflow dashboard", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.lang = default_lang
    pages = all_pages()  # the registry's analyses as they are when the app is made
    param_names = PARAM_NAMES | {f.name for page in pages for f in page.fields}
    app.state.allowed_hosts = frozenset(names)

    @app.api_route(PLOTLY_PATH, methods=["GET", "HEAD"], include_in_schema=False)
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

    def peek(key: tuple) -> object | None:
        """A cached value, if fresh, without opening the database (for error pages)."""
        return cache.get((*key, stamp()))

    def cached(key: tuple, compute: Callable[[kpiflow.Workspace], object]) -> object:
        key = (*key, stamp())
        if key in cache:  # without the lock: a page computing (or waiting for a load) holds up no cached one
            return cache[key]
        with lock:
            if key not in cache:
                with kpiflow.open(str(root), read_only=True, lock_wait=lock_wait, lang=default_lang) as ws:
                    value = compute(ws)
                if len(cache) >= CACHE_LIMIT:
                    cache.clear()
                cache[key] = value
            return cache[key]

    def default_period() -> str:
        return cached(("default-period",), lambda ws: ws.last_complete_year().label("en"))  # type: ignore[return-value]

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

    def safe_lang(request: Request) -> str:
        """The asked language for a page about an error, the dashboard's if the asked one is unknown."""
        chosen = request.query_params.get("lang")
        return chosen if chosen in LANGS else default_lang

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
        return cached(key, lambda ws: json_safe(json_data(page.compute(ws, params, language))))

    def link_factory(language: str, params: Mapping[str, str]) -> Callable[..., str]:
        # Links never carry the token: after the first request a cookie does.
        def url(path: str, **extra: str | None) -> str:
            query = {"period": params.get("period"), "lang": language} | extra
            clean = {k: v for k, v in query.items() if v}
            return path + ("?" + urlencode(clean) if clean else "")

        return url

    def render(
        request: Request,
        template: str,
        status: int,
        language: str,
        params: Mapping[str, str],
        *,
        page: Page | None = None,
        choices_of_page: Mapping[str, list[tuple[str, str]]] | None = None,
        **context,
    ) -> HTMLResponse:
        url = link_factory(language, params)
        html = env.get_template(template).render(
            pickers=pickers(page, params, choices_of_page or {}, language) if page else [],
            pages=pages,
            nav_url=link_factory(language, params if page is None or page.uses_period else {}),
            lang=language,
            other_lang="en" if language == "ja" else "ja",
            params=params,
            url=url,
            page=page,
            switch_url=url(
                page.path if page else request.url.path,
                lang="en" if language == "ja" else "ja",
                **{k: v for k, v in params.items() if k != "period"},
            ),
            words={k: v[language] for k, v in WORDS.items()},
            plotly_css_id=plotly_css_id(),
            **context,
        )
        return HTMLResponse(html, status_code=status)

    def notice(request: Request, status: int, key: str) -> Response:
        """A refusal that shows nothing of the workspace: JSON for the twins, a short page otherwise."""
        language = safe_lang(request)
        message = say(key, language)
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": message}, status_code=status)
        html = env.get_template("notice.html").render(lang=language, title=say(f"{key}_title", language), message=message)
        return HTMLResponse(html, status_code=status)

    def busy(request: Request) -> Response:
        """A load holds the database: ask to come back in a few seconds, without touching the database."""
        language = safe_lang(request)
        headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": say("dashboard.busy", language)}, status_code=503, headers=headers)
        params = {k: v for k, v in request.query_params.items() if k in param_names}
        page = next((p for p in pages if p.path == request.url.path), None)
        response = render(
            request,
            "busy.html",
            503,
            language,
            params,
            title=page.title[language] if page else say("dashboard.busy_title", language),
            message=("" if language == "ja" else " ").join(say(k, language) for k in ("dashboard.busy", "dashboard.busy_reload")),
            retry_after=RETRY_AFTER_SECONDS,
        )
        response.headers.update(headers)
        return response

    def token_in_address(request: Request, given: str, port: str | None) -> Response:
        """The first request with ?token=: set the cookie and send the browser to the same address without it."""
        assert token is not None
        if not _same(given, token):
            return refused_token(request)
        rest = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
        # One leading slash: `//other.example` would send the browser to another site.
        location = "/" + quote(request.url.path, safe="/").lstrip("/") + ("?" + urlencode(rest) if rest else "")
        response = RedirectResponse(location, status_code=303)
        set_cookie(request, response, port)
        return response

    def set_cookie(request: Request, response: Response, port: str | None) -> None:
        assert token is not None
        response.set_cookie(
            _cookie_name(port),
            _cookie_value(token),
            httponly=True,
            samesite="strict",
            path="/",
            secure=request.url.scheme == "https",
        )

    def refused_token(request: Request) -> Response:
        response = notice(request, 401, "dashboard.token_required")
        response.headers["WWW-Authenticate"] = "Bearer"
        return response

    @app.middleware("http")
    async def guard(request: Request, call_next):
        host = host_name(request.headers.get("host"))
        port = host[1] if host else None
        bearer = _bearer(request)
        if host is None or not (host[0] in names or (any_ip and _ip(host[0]) is not None)):
            response = notice(request, 400, "dashboard.host_refused")  # before the token: a stranger learns nothing
        elif token is not None and "token" in request.query_params:
            response = token_in_address(request, request.query_params["token"], port)
        elif token is not None and not (_same(bearer, token) or _same(request.cookies.get(_cookie_name(port)), _cookie_value(token))):
            response = refused_token(request)
        else:
            try:
                response = await call_next(request)
            except Exception as error:  # a driver error that no handler turned into a page
                if not _database_busy(error):
                    raise
                response = busy(request)
            if token is not None and bearer is not None and _cookie_name(port) not in request.cookies:
                set_cookie(request, response, port)
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.exception_handler(KpiflowError)
    async def kpiflow_error(request: Request, error: KpiflowError):
        if _database_busy(error):
            return busy(request)
        language = safe_lang(request)
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": error.message(language)}, status_code=400)
        params = {k: v for k, v in request.query_params.items() if k in param_names}
        page = next((p for p in pages if p.path == request.url.path), None)
        title = page.title[language] if page else WORDS["error"][language]
        # Only what is already cached: the error page never opens the database (it may be the error).
        known = peek(("choices", language))
        return render(request, "error.html", 400, language, params, page=page, choices_of_page=known, title=title, message=error.message(language))  # type: ignore[arg-type]

    def add_routes(page: Page) -> None:
        def html_view(request: Request) -> HTMLResponse:
            language = request_lang(request)
            params = page_params(page, request)
            known = choices(language)  # first, so that an error page below finds the pickers' choices cached
            data = result(page, params, language)
            url = link_factory(language, params)
            visual = page.visual(data, View(language, params, model(), url)) if page.visual else Visual()
            aside = cached((page.name, "aside", language), lambda ws: page.aside(ws, language)) if page.aside else []
            return render(
                request,
                "page.html",
                200,
                language,
                params,
                page=page,
                choices_of_page=known,
                title=page.title[language],
                sections=sections(data, lang=language, formats=formats(), words=vocabulary(model(), language)),
                api=url_for_api(request, page, language, params),
                csv=url_for_api(request, page, language, params, ".csv") if table_records(data) is not None else None,
                visual=visual,
                aside=aside,
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

        methods = ["GET", "HEAD"]
        app.add_api_route(page.path, html_view, methods=methods, response_class=HTMLResponse, name=page.name)
        app.add_api_route(f"/api/{page.name}", api_view, methods=methods, name=f"api_{page.name}")
        app.add_api_route(f"/api/{page.name}.csv", csv_view, methods=methods, name=f"csv_{page.name}")

    def url_for_api(request: Request, page: Page, language: str, params: Mapping[str, str], suffix: str = "") -> str:
        url = link_factory(language, params)
        return url(f"/api/{page.name}{suffix}", **{k: v for k, v in params.items() if k != "period"})

    for page in pages:
        add_routes(page)
    return app


def _bearer(request: Request) -> str | None:
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" else None


class PathOnlyAccessLog(logging.Filter):
    """Cuts the query string from uvicorn's access log lines: a first request carries the token there."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(arg.split("?", 1)[0] if isinstance(arg, str) else arg for arg in record.args)
        return True


def log_config() -> dict:
    """uvicorn's logging configuration with the access log's query strings cut (see PathOnlyAccessLog)."""
    from uvicorn.config import LOGGING_CONFIG  # noqa: PLC0415  (uvicorn is needed only to run the server)

    config = copy.deepcopy(LOGGING_CONFIG)
    config.setdefault("filters", {})["path_only"] = {"()": PathOnlyAccessLog}
    config["loggers"]["uvicorn.access"]["filters"] = ["path_only"]
    return config


def listening_socket(host: str, port: int, lang: str) -> socket.socket:
    """A socket bound to `host`:`port` and listening, or a CannotListenError that says why and what to try.

    Bound here rather than by uvicorn, which prints its own text and exits when the port is taken."""
    address = host.strip("[]")
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    shown = f"[{address}]:{port}" if family == socket.AF_INET6 else f"{address}:{port}"
    sock = _bound(address, family, port)
    if isinstance(sock, socket.socket):
        sock.listen(2048)
        return sock
    if sock.errno == errno.EADDRINUSE:
        free = next((p for p in range(port + 1, min(port + 50, 65535) + 1) if _port_free(address, family, p)), None)
        raise CannotListenError(say("serve.port_in_use", lang, port=port, free=free or port + 1))
    raise CannotListenError(say("serve.cannot_listen", lang, address=shown, reason=sock.strerror or sock))


def _bound(address: str, family: socket.AddressFamily, port: int) -> socket.socket | OSError:
    sock = socket.socket(family, socket.SOCK_STREAM)
    if os.name != "nt":  # as uvicorn does; on Windows the option would let two servers share a port
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((address, port))
    except OSError as error:
        sock.close()
        return error
    return sock


def _port_free(address: str, family: socket.AddressFamily, port: int) -> bool:
    sock = _bound(address, family, port)
    if isinstance(sock, socket.socket):
        sock.close()
        return True
    return False


def serve(
    workspace_path: str | Path,
    host: str = "127.0.0.1",
    port: int = 8765,
    token: str | None = None,
    lang: str | None = None,
    allow_hosts: Iterable[str] = (),
) -> None:
    """Run the dashboard with uvicorn. A host other than loopback needs a token, since the data is private."""
    server, sock = dashboard_server(workspace_path, host, port, token=token, lang=lang, allow_hosts=allow_hosts)
    port = sock.getsockname()[1]
    # uvicorn announces its address only when it binds the socket itself: say it, without the token.
    shown = f"[{host.strip('[]')}]" if ":" in host else host
    message = say("serve.running_token" if token else "serve.running", server.config.app.state.lang, url=f"http://{shown}:{port}/")
    logging.getLogger("uvicorn.error").info(message)
    threading.Thread(target=_warm_up, args=(server, host, port, token), daemon=True).start()
    server.run(sockets=[sock])


def dashboard_server(
    workspace_path: str | Path,
    host: str,
    port: int,
    *,
    token: str | None = None,
    lang: str | None = None,
    allow_hosts: Iterable[str] = (),
) -> tuple[uvicorn.Server, socket.socket]:
    """The server `serve` runs, not yet started, and the socket it will listen on (port 0: a free one)."""
    app = create_app(workspace_path, token=token, lang=lang, host=host, allow_hosts=allow_hosts)
    language = app.state.lang
    if not _loopback(host) and not token:
        raise KpiflowError(say("serve.needs_token", language, host=host))
    sock = listening_socket(host, port, language)
    import uvicorn  # noqa: PLC0415  (uvicorn is needed only to run the server, not to build or test the app)

    config = uvicorn.Config(app, host=host.strip("[]"), port=sock.getsockname()[1], log_config=log_config())
    return uvicorn.Server(config), sock


def _warm_up(server, host: str, port: int, token: str | None) -> None:
    """Request every JSON twin once as soon as the server is up, so the first person to open a page
    does not wait for its analysis (the cache then answers in milliseconds; see bench/serve.py)."""
    import time  # noqa: PLC0415  (only for the dashboard's start-up)
    import urllib.request  # noqa: PLC0415

    while not server.started and not server.should_exit:
        time.sleep(0.1)
    address = host.strip("[]")
    address = "127.0.0.1" if address in ANY_ADDRESS else f"[{address}]" if ":" in address else address
    headers = {"Authorization": f"Bearer {token}"} if token else {}  # in a header: the address stays clean
    for page in all_pages():
        name = "tree" if page.path == "/" else page.path.strip("/")
        request = urllib.request.Request(f"http://{address}:{port}/api/{name}", headers=headers)  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=300) as response:  # noqa: S310
                response.read()
        except OSError:
            continue  # a page that cannot be computed answers with its message when asked; nothing to warm
