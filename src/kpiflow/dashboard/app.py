"""A read-only dashboard over a workspace: each page is one library call rendered as tables.

Every page `/<name>` has a JSON twin `/api/<name>` that returns exactly the result's `to_dict()`
(the CLI's `--json`). Pages are declared as data in `PAGES`; results are cached per page,
parameters and the database file's modification time, so a reload after `kpiflow load` is fresh.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import math
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import jinja2
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

import kpiflow
from kpiflow.analysis.tree import tree_order
from kpiflow.errors import KpiflowError
from kpiflow.formatting import format_money
from kpiflow.model.periods import parse_period

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

Params = Mapping[str, str]


@dataclass(frozen=True)
class Field:
    """One query parameter a page takes, shown in the page's GET form."""

    name: str
    label: dict[str, str]
    placeholder: str = ""


@dataclass(frozen=True)
class Page:
    """A dashboard page: its path, its title and the one library call it renders."""

    name: str
    path: str
    title: dict[str, str]
    compute: Callable[[kpiflow.Workspace, Params, str], object]
    fields: tuple[Field, ...] = ()
    uses_period: bool = True


def _by(params: Params) -> list[str]:
    return [part.strip() for part in params.get("by", "").split(",") if part.strip()]


def _int(params: Params, name: str, default: int) -> int:
    raw = params.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise KpiflowError(f"{name}: expected a whole number, got '{raw}'") from None


def _explain(ws, p: Params, lang: str):
    metric = p.get("metric") or _first_metric(ws)
    start = p.get("from") or _previous_year(ws, p["period"])
    return ws.explain(metric, start, p["period"], by=_by(p), lang=lang)


def _first_metric(ws) -> str:
    names = [n for n, _ in tree_order(ws.model)] or list(ws.model.metrics)
    if not names:
        raise KpiflowError("the model has no metrics to explain; add one to kpiflow.yaml")
    return names[0]


def _previous_year(ws, period: str) -> str:
    return parse_period(period, ws.model.fiscal_year_start).same_period_last_year().label("en")


class BlueprintList:
    """The saved blueprints, as `kpiflow blueprint list --json` shows them."""

    def __init__(self, ws):
        self.rows = [(n, ws.blueprint(n)) for n in ws.blueprints()]

    def to_dict(self) -> list[dict]:
        return [
            {"name": n, "period": d["period"], "outcome": d.get("outcome"), "patterns": len(d["patterns"])} for n, d in self.rows
        ]


class Blueprint:
    """One saved blueprint, as `kpiflow blueprint show NAME --json` shows it."""

    def __init__(self, data: dict):
        self.data = data

    def to_dict(self) -> dict:
        return self.data


def _blueprints(ws, p: Params, lang: str):
    name = p.get("name", "").strip()
    return Blueprint(ws.blueprint(name)) if name else BlueprintList(ws)


BY = Field("by", {"ja": "内訳", "en": "by"}, "channel,industry")
PAGES: tuple[Page, ...] = (
    Page("tree", "/", {"ja": "キーポイントマップ", "en": "Key point map"}, lambda ws, p, lang: ws.tree(p["period"], lang=lang)),
    Page(
        "funnel",
        "/funnel",
        {"ja": "ファネル", "en": "Funnel"},
        lambda ws, p, lang: ws.funnel(p["period"], by=_by(p), lang=lang),
        (BY,),
    ),
    Page(
        "bottleneck",
        "/bottleneck",
        {"ja": "ボトルネック", "en": "Bottleneck"},
        lambda ws, p, lang: ws.bottleneck(p["period"], by=_by(p), lang=lang),
        (BY,),
    ),
    Page(
        "velocity",
        "/velocity",
        {"ja": "速度", "en": "Velocity"},
        lambda ws, p, lang: ws.velocity(p["period"], by=p.get("by") or None, lang=lang),
        (Field("by", {"ja": "内訳", "en": "by"}, "channel"),),
    ),
    Page(
        "explain",
        "/explain",
        {"ja": "変化の要因", "en": "Explain"},
        _explain,
        (
            Field("metric", {"ja": "指標", "en": "metric"}, "revenue"),
            Field("from", {"ja": "比較元", "en": "from"}, "FY2024"),
            BY,
        ),
    ),
    Page(
        "exhibitions",
        "/exhibitions",
        {"ja": "展示会", "en": "Exhibitions"},
        lambda ws, p, lang: ws.exhibitions(p["period"], lang=lang),
    ),
    Page(
        "behaviour",
        "/behaviour",
        {"ja": "Web行動", "en": "Behaviour"},
        lambda ws, p, lang: ws.behaviour(p["period"], by=p.get("by") or "content_type", lang=lang),
        (Field("by", {"ja": "内訳", "en": "by"}, "content_type"),),
    ),
    Page(
        "patterns",
        "/patterns",
        {"ja": "成果前のパターン", "en": "Patterns"},
        lambda ws, p, lang: ws.patterns(
            p.get("outcome") or "won",
            within=p.get("within") or "30d",
            max_length=_int(p, "max_length", 3),
            period=p["period"],
            compare=p.get("compare") or None,
            lang=lang,
        ),
        (
            Field("outcome", {"ja": "成果", "en": "outcome"}, "won"),
            Field("within", {"ja": "期間窓", "en": "within"}, "30d"),
            Field("max_length", {"ja": "最大長", "en": "max length"}, "3"),
            Field("compare", {"ja": "比較期間", "en": "compare"}, "FY2024"),
        ),
    ),
    Page(
        "blueprints",
        "/blueprints",
        {"ja": "ブループリント", "en": "Blueprints"},
        _blueprints,
        (Field("name", {"ja": "名前", "en": "name"}),),
        uses_period=False,
    ),
    Page(
        "dictionary",
        "/dictionary",
        {"ja": "指標辞書", "en": "Dictionary"},
        lambda ws, p, lang: ws.dictionary(lang=lang),
        uses_period=False,
    ),
)
PARAM_NAMES = frozenset({"period"} | {f.name for page in PAGES for f in page.fields})
WORDS = {
    "period": {"ja": "期間", "en": "period"},
    "show": {"ja": "表示", "en": "Show"},
    "json": {"ja": "JSON", "en": "JSON"},
    "error": {"ja": "エラー", "en": "Error"},
    "empty": {"ja": "データがありません", "en": "No rows"},
}


def json_safe(value: object) -> object:
    """`value` as plain JSON data: dates and other objects as strings, NaN and infinities as null."""

    def finite(x: object) -> object:
        if isinstance(x, float) and not math.isfinite(x):
            return None
        if isinstance(x, dict):
            return {k: finite(v) for k, v in x.items()}
        if isinstance(x, list):
            return [finite(v) for v in x]
        return x

    return finite(json.loads(json.dumps(value, default=str)))


# --- rendering: JSON data -> sections of tables (numbers are computed in the library, only formatted here)


@dataclass(frozen=True)
class Section:
    title: str
    columns: list[str]
    rows: list[list[str]]


def cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else "—"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.4g}"
    if isinstance(value, list) and all(not isinstance(v, (dict, list)) for v in value):
        return " → ".join(cell(v) for v in value) if value else ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


# Column headers people read; the JSON twin keeps the keys scripts rely on.
HEADERS: dict[str, dict[str, str]] = {
    "metric": {"ja": "指標", "en": "Metric"},
    "label": {"ja": "名称", "en": "Label"},
    "value": {"ja": "値", "en": "Value"},
    "period": {"ja": "期間", "en": "Period"},
    "from_stage": {"ja": "ステージ（元）", "en": "From"},
    "to_stage": {"ja": "ステージ（先）", "en": "To"},
    "entered": {"ja": "流入", "en": "Entered"},
    "converted": {"ja": "通過", "en": "Converted"},
    "rate": {"ja": "率", "en": "Rate"},
    "ci_low": {"ja": "95%下限", "en": "95% low"},
    "ci_high": {"ja": "95%上限", "en": "95% high"},
    "median_days": {"ja": "中央値（日）", "en": "Median days"},
    "numerator": {"ja": "分子", "en": "Numerator"},
    "denominator": {"ja": "分母", "en": "Denominator"},
    "target": {"ja": "目標", "en": "Target"},
    "status": {"ja": "状況", "en": "Status"},
    "last_year": {"ja": "前年", "en": "Last year"},
    "change": {"ja": "前年比", "en": "Change"},
    "small_sample": {"ja": "少数", "en": "Small sample"},
    "contribution": {"ja": "寄与", "en": "Contribution"},
    "factor": {"ja": "要因", "en": "Factor"},
    "dimension": {"ja": "軸", "en": "Dimension"},
    "mix": {"ja": "構成比要因", "en": "Mix"},
    "significant": {"ja": "有意", "en": "Significant"},
    "p_value": {"ja": "p値", "en": "p-value"},
    "q_value": {"ja": "q値", "en": "q-value"},
    "pattern": {"ja": "パターン", "en": "Pattern"},
    "support": {"ja": "該当数", "en": "Support"},
    "confidence": {"ja": "到達率", "en": "Confidence"},
    "lift": {"ja": "リフト", "en": "Lift"},
    "revenue": {"ja": "売上", "en": "Revenue"},
    "exhibition_id": {"ja": "展示会", "en": "Exhibition"},
    "passersby": {"ja": "通行数", "en": "Passers-by"},
    "visitors": {"ja": "立ち寄り", "en": "Visitors"},
    "stop_rate": {"ja": "立ち寄り率", "en": "Stop rate"},
    "demo_rate": {"ja": "デモ体験率", "en": "Demo rate"},
    "leads": {"ja": "リード", "en": "Leads"},
    "opportunities": {"ja": "商談", "en": "Opportunities"},
    "definition": {"ja": "定義", "en": "Definition"},
}
_PERCENT = ("rate", "share", "confidence", "explanatory_power")
_MONEY = ("revenue", "cost", "amount", "contribution", "revenue_gain", "gain_low", "gain_high", "mix", "cost_per_lead")


def header(column: str, lang: str) -> str:
    entry = HEADERS.get(column)
    return entry["ja" if lang == "ja" else "en"] if entry else column


def formatted(value: object, column: str, lang: str) -> str:
    """A cell formatted for people: rates as percentages, money in yen (万/億 in Japanese)."""
    if isinstance(value, float) and not isinstance(value, bool):
        if column.endswith(_PERCENT) and -1.5 <= value <= 1.5:
            return f"{value:.1%}"
        if column in _MONEY or column.endswith(("_cost", "revenue")):
            return format_money(value, lang)
    if isinstance(value, int) and not isinstance(value, bool) and column in _MONEY:
        return format_money(value, lang)
    return cell(value)


def _records(title: str, items: list[dict], lang: str = "en") -> Section:
    columns: list[str] = []
    for item in items:
        columns += [k for k in item if k not in columns]
    # An interval beside a rate is a rate too; beside a lift (patterns) it is not.
    interval_of_rate = any(c in ("rate", "confidence", "value") for c in columns) and "lift" not in columns
    shown = {c: ("rate" if interval_of_rate and c in ("ci_low", "ci_high") else c) for c in columns}
    rows = [[formatted(item.get(c), shown[c], lang) for c in columns] for item in items]
    return Section(title, [header(c, lang) for c in columns], rows)


def sections(data: object, title: str = "", lang: str = "en") -> list[Section]:
    """Tables for a result's `to_dict()`: a list of records is one table; a dict is a key-value table
    of its scalars followed by a table per nested list of records or dict."""
    if isinstance(data, list):
        if all(isinstance(x, dict) for x in data):
            return [_records(title, data, lang)]
        return [Section(title, ["value"], [[cell(x)] for x in data])]
    if not isinstance(data, dict):
        return [Section(title, ["value"], [[cell(data)]])]
    simple = [(k, v) for k, v in data.items() if not _nested(v)]
    out = [Section(title, ["", ""], [[header(k, lang), formatted(v, k, lang)] for k, v in simple])] if simple else []
    for key, value in data.items():
        if _nested(value):
            out += sections(value, f"{title} › {key}" if title else key, lang)
    return out


def _nested(value: object) -> bool:
    return isinstance(value, dict) or (isinstance(value, list) and bool(value) and all(isinstance(x, dict) for x in value))


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
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def stamp() -> tuple[int, int, int]:
        def mtime(path: Path) -> int:
            try:
                return path.stat().st_mtime_ns
            except FileNotFoundError:
                return 0

        # A load may sit in the write-ahead log until DuckDB checkpoints it, so that file counts too.
        return mtime(database), mtime(database.with_name(database.name + ".wal")), mtime(model_file)

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
        html = env.get_template(template).render(
            pages=PAGES,
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
            return render(
                request,
                "page.html",
                200,
                language,
                params,
                page=page,
                title=page.title[language],
                sections=sections(data, lang=language),
                api=url_for_api(request, page, language, params),
            )

        def api_view(request: Request) -> JSONResponse:
            language = request_lang(request)
            return JSONResponse(result(page, page_params(page, request), language))

        app.add_api_route(page.path, html_view, methods=["GET"], response_class=HTMLResponse, name=page.name)
        app.add_api_route(f"/api/{page.name}", api_view, methods=["GET"], name=f"api_{page.name}")

    def url_for_api(request: Request, page: Page, language: str, params: Mapping[str, str]) -> str:
        url, _ = link_factory(request, language, params)
        return url(f"/api/{page.name}", **{k: v for k, v in params.items() if k != "period"})

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


def serve(workspace_path: str | Path, host: str = "127.0.0.1", port: int = 8765, token: str | None = None) -> None:
    """Run the dashboard with uvicorn. A host other than loopback needs a token, since the data is private."""
    if not _loopback(host) and not token:
        raise KpiflowError(
            f"refusing to serve on {host}: other machines could read the workspace; "
            "give a token (e.g. token=secrets.token_urlsafe()) or use host='127.0.0.1'"
        )
    import uvicorn  # noqa: PLC0415  (uvicorn is needed only to run the server, not to build or test the app)

    server = uvicorn.Server(uvicorn.Config(create_app(workspace_path, token=token), host=host, port=port))
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
