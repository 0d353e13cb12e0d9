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

import dataclasses
import functools
import hmac
import importlib.util
import ipaddress
import json
import math
import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import jinja2
from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from markupsafe import Markup

import kpiflow
from kpiflow.analysis.plan import parse_assignments
from kpiflow.analysis.tree import TreeNode, TreeResult, tree_order
from kpiflow.errors import KpiflowError
from kpiflow.formatting import format_money, format_value
from kpiflow.io.export import csv_text
from kpiflow.model.config import ModelFile
from kpiflow.model.periods import parse_period
from kpiflow.reporting import charts as figures
from kpiflow.reporting.headers import header, stage_label  # people's words; the JSON twin keeps the keys
from kpiflow.reporting.highlights import Highlight, tree_highlights
from kpiflow.reporting.tree_diagram import tree_svg

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


@dataclass(frozen=True)
class Field:
    """One query parameter a page takes, shown in the page's form as a picker of `kind`:
    text (free), period (the periods the data covers), metric (the tree's KPIs), dimension
    (the model's dimensions), outcome (won or a stage) or blueprint (the saved ones)."""

    name: str
    label: dict[str, str]
    placeholder: str = ""
    kind: str = "text"
    optional: bool = True
    # shown and used when the request leaves it out: f(params, model, last complete fiscal year)
    default: Callable[[Params, ModelFile, str], str] | None = None


@dataclass(frozen=True)
class Page:
    """A dashboard page: its path, its title and the one library call it renders."""

    name: str
    path: str
    title: dict[str, str]
    compute: Callable[[kpiflow.Workspace, Params, str], object]
    fields: tuple[Field, ...] = ()
    uses_period: bool = True
    visual: Callable[[object, View], Visual] | None = None  # charts and diagrams drawn from the JSON data
    in_nav: bool = True


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
    metric = p.get("metric") or _root_metric(ws.model)
    start = p.get("from") or _previous_year_of(p["period"], ws.model)
    return ws.explain(metric, start, p["period"], by=_by(p), lang=lang)


def _root_metric(model: ModelFile) -> str:
    names = [n for n, _ in tree_order(model)] or list(model.metrics)
    if not names:
        raise KpiflowError("the model has no metrics to explain; add one to kpiflow.yaml")
    return names[0]


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
    if name and p.get("check"):
        return ws.blueprint_check(name, p["check"])
    return Blueprint(ws.blueprint(name)) if name else BlueprintList(ws)


# --- visuals: charts and the key point map, drawn from a page's JSON data (the same data as /api/...)


@dataclass(frozen=True)
class View:
    """What a visual needs besides the data: language, the page's parameters, the model and links."""

    lang: str
    params: Params
    model: ModelFile
    url: Callable[..., str]


@dataclass(frozen=True)
class Visual:
    summary: str | None = None
    diagram: Markup | None = None
    charts: tuple[dict, ...] = ()
    links: tuple[tuple[str, str], ...] = ()
    highlights: tuple[Highlight, ...] = ()  # key points shown beside the diagram


def _tree_visual(data, view: View) -> Visual:
    names = {f.name for f in dataclasses.fields(TreeNode)}
    nodes = [TreeNode(**{k: v for k, v in record.items() if k in names}) for record in data]
    if not nodes:
        return Visual()
    result = TreeResult(data[0]["period"], nodes)
    period = view.params["period"]
    last_year = _previous_year_of(period, view.model)

    def href(metric: str) -> str:
        return view.url("/explain", metric=metric, **{"from": last_year})

    words = {
        "explain": {"ja": "の変化の要因", "en": ": why it changed"},
        "funnel": {"ja": "ファネルを見る", "en": "Open the funnel"},
    }
    root = nodes[0]
    return Visual(
        diagram=Markup(tree_svg(result, view.model, view.lang, href=href)),
        highlights=tuple(tree_highlights(result, view.model, view.lang)),
        links=(
            (
                f"{root.label}{words['explain'][view.lang]} ({_label(last_year, view)} → {_label(period, view)})",
                href(root.metric),
            ),
            (words["funnel"][view.lang], view.url("/funnel")),
        ),
    )


def _label(period: str, view: View) -> str:
    return parse_period(period, view.model.fiscal_year_start).label(view.lang)


def _previous_year_of(period: str, model: ModelFile) -> str:
    return parse_period(period, model.fiscal_year_start).same_period_last_year().label("en")


def _funnel_visual(data, view: View) -> Visual:
    return Visual(charts=(figures.funnel_rates(data, view.lang),) if data and not _by(view.params) else ())


def _bottleneck_visual(data, view: View) -> Visual:
    if not any(r.get("revenue_gain") is not None for r in data):  # nothing to draw: no empty frame
        return Visual()
    return Visual(charts=(figures.bottleneck_gains(data, view.lang, _by(view.params), view.model.currency),))


def _velocity_visual(data, view: View) -> Visual:
    steps = (data.get("journey") or {}).get("steps") or []
    return Visual(charts=(figures.journey_days(steps, view.lang),) if steps else ())


def _explain_visual(data, view: View) -> Visual:
    money = view.model.metrics[data["metric"]].format == "money" if data["metric"] in view.model.metrics else False
    return Visual(summary=data.get("summary"), charts=(figures.waterfall(data, view.lang, money, view.model.currency),))


def _exhibitions_visual(data, view: View) -> Visual:
    if not data:
        return Visual()
    key = "exhibit_id" if "exhibit_id" in data[0] else "exhibition_id"
    return Visual(
        charts=(figures.rate_bars(data, key, "stop_rate", view.lang), figures.rate_bars(data, key, "demo_rate", view.lang))
    )


def _behaviour_visual(data, view: View) -> Visual:
    if not data:
        return Visual()
    key = view.params.get("by") or "content_type"
    ranked = sorted(data, key=lambda r: -(r.get("sessions") or 0))[:20]
    return Visual(charts=(figures.rate_bars(ranked, key, "inquiry_rate", view.lang),))


def _patterns_visual(data, view: View) -> Visual:
    figure = figures.sankey(data.get("paths") or {})
    return Visual(charts=(figure,) if figure else ())


def _blueprints_visual(data, view: View) -> Visual:
    if isinstance(data, list) and not data:
        hint = {
            "ja": "保存されたブループリントはまだありません。良かった期間を保存するには: kpiflow blueprint save 名前 --period FY2025",
            "en": "No blueprint is saved yet. To keep a good period's winning patterns: kpiflow blueprint save NAME --period FY2025",
        }
        return Visual(summary=hint[view.lang])
    if isinstance(data, list):  # the list: each blueprint links to its check against the chosen period
        check = view.params.get("period")
        word = {"ja": "を確認", "en": ": check"}[view.lang]
        return Visual(
            links=tuple(
                (f"{b['name']} ({b['period']}){word} → {check}", view.url("/blueprints", name=b["name"], check=check))
                for b in data
            )
        )
    if "follows" in data:
        now, name = data["period_now"], data["name"]
        verdict = {
            True: {"ja": f"{now} はブループリント {name} に沿っています", "en": f"{now} follows blueprint {name}"},
            False: {"ja": f"{now} はブループリント {name} から外れています", "en": f"{now} departs from blueprint {name}"},
        }
        return Visual(summary=verdict[bool(data["follows"])][view.lang])
    return Visual()


def _plan(ws, p: Params, lang: str):
    goal = parse_assignments([p["target"]], "target") if p.get("target") else {}
    if not goal:
        raise KpiflowError(
            "give a goal to plan backwards from, e.g. target=revenue=600000000 (or put it under targets: in kpiflow.yaml)"
        )
    overrides = parse_assignments([x for x in p.get("set", "").split(",") if x.strip()], "set")
    return ws.plan(goal, p["period"], overrides=overrides, lang=lang)


def _plan_period(params: Params, model: ModelFile, latest: str) -> str:
    """The first fiscal year after the data with a target in kpiflow.yaml, else the next one."""
    following = parse_period(latest, model.fiscal_year_start).next()
    with_targets = sorted(
        (parse_period(label, model.fiscal_year_start) for label in model.targets if label.startswith("FY") and len(label) == 6),
        key=lambda period: period.start,
    )
    return next((t.label("en") for t in with_targets if t.start >= following.start), following.label("en"))


def _plan_target(params: Params, model: ModelFile, latest: str) -> str:
    root = _root_metric(model)
    value = model.targets.get(params.get("period", ""), {}).get(root)
    return f"{root}={value:.0f}" if value is not None else ""


def _plan_visual(data, view: View) -> Visual:
    base = [r for r in data if r.get("scenario", "base") == "base"]
    if not base:
        return Visual()
    return Visual(charts=(figures.plan_gaps(base, view.lang),))


def _handoff_visual(data, view: View) -> Visual:
    total = data.get("total") or {}
    if not total.get("mqls"):
        return Visual()
    ja = view.lang == "ja"

    def rate(key: str, low: str, high: str) -> str:
        if total.get(key) is None:
            return "—"
        interval = f"95%: {total[low]:.1%}–{total[high]:.1%}"
        return f"{total[key]:.1%}（{interval}）" if ja else f"{total[key]:.1%} ({interval})"

    hours = (data.get("settings") or {}).get("sla_hours", 0)
    sql, sla, untouched = (
        rate("sql_rate", "ci_low", "ci_high"),
        rate("sla_rate", "sla_ci_low", "sla_ci_high"),
        total.get("never_touched", 0),
    )
    summary = (
        f"MQL {total['mqls']:,} 件のうち SQL 化 {total['sqls']:,} 件、SQL化率 {sql}。{hours:g}時間以内の初回接触（SLA）{sla}、未接触 {untouched:,} 件。"
        if ja
        else f"Of {total['mqls']:,} MQLs, {total['sqls']:,} became SQLs: {sql}. "
        f"First touch within the {hours:g}-hour SLA: {sla}; never touched: {untouched:,}."
    )
    by, records = data.get("by"), data.get("records") or []
    charts = (figures.rate_bars(records, by, "sql_rate", view.lang, low="ci_low", high="ci_high"),) if by and records else ()
    return Visual(summary=summary, charts=charts)


def _lists_visual(data, view: View) -> Visual:
    kind = view.params.get("kind", "fast")
    text = {
        "fast": {
            "ja": f"標準より速く進んでいるリード {len(data):,} 件: 今すぐ営業に渡す候補です（CSV で担当者に配れます）",
            "en": f"{len(data):,} leads moving faster than the standard journey: hand them to sales now (the CSV goes to owners)",
        },
        "nurture": {
            "ja": f"標準より長く同じステージに留まっているリード {len(data):,} 件: 育成（ナーチャリング）の対象です",
            "en": f"{len(data):,} open leads staying longer than the standard in their stage: nurture them",
        },
    }
    return Visual(summary=text.get(kind, text["fast"])[view.lang])


def _check_visual(data, view: View) -> Visual:
    violations, warnings = len(data.get("violations") or []), len(data.get("warnings") or [])
    text = {
        "ja": f"データ契約違反 {violations} 件、注意 {warnings} 件"
        + ("（違反はありません）" if data.get("ok") else "（違反は数字を歪めます: 修正してから読み込み直してください）"),
        "en": f"{violations} contract violation{'s' if violations != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}"
        + (" (no violations)" if data.get("ok") else " (violations distort the numbers: fix them and load again)"),
    }
    return Visual(summary=text[view.lang])


BY = Field("by", {"ja": "内訳", "en": "by"}, kind="dimension")
PAGES: tuple[Page, ...] = (
    Page(
        "tree",
        "/",
        {"ja": "キーポイントマップ", "en": "Key point map"},
        lambda ws, p, lang: ws.tree(p["period"], lang=lang),
        visual=_tree_visual,
    ),
    Page(
        "plan",
        "/plan",
        {"ja": "計画（逆算）", "en": "Plan"},
        _plan,
        (
            Field("period", {"ja": "計画期間", "en": "plan period"}, kind="plan_period", optional=False, default=_plan_period),
            Field("target", {"ja": "目標", "en": "goal"}, "revenue=600000000", default=_plan_target),
            Field("set", {"ja": "率の仮定", "en": "assume rates"}, "win_rate=0.3,mql_rate=0.5"),
        ),
        uses_period=False,
        visual=_plan_visual,
    ),
    Page(
        "funnel",
        "/funnel",
        {"ja": "ファネル", "en": "Funnel"},
        lambda ws, p, lang: ws.funnel(p["period"], by=_by(p), lang=lang),
        (BY,),
        visual=_funnel_visual,
    ),
    Page(
        "bottleneck",
        "/bottleneck",
        {"ja": "ボトルネック", "en": "Bottleneck"},
        lambda ws, p, lang: ws.bottleneck(p["period"], by=_by(p), lang=lang),
        (BY,),
        visual=_bottleneck_visual,
    ),
    Page(
        "velocity",
        "/velocity",
        {"ja": "速度", "en": "Velocity"},
        lambda ws, p, lang: ws.velocity(p["period"], by=p.get("by") or None, lang=lang),
        (BY,),
        visual=_velocity_visual,
    ),
    Page(
        "handoff",
        "/handoff",
        {"ja": "営業引き渡し", "en": "Handoff"},
        lambda ws, p, lang: ws.handoff(p["period"], by=p.get("by") or None, lang=lang),
        (BY,),
        visual=_handoff_visual,
    ),
    Page(
        "lists",
        "/lists",
        {"ja": "リード一覧", "en": "Lead lists"},
        lambda ws, p, lang: ws.lists(p.get("kind") or "fast"),
        (Field("kind", {"ja": "一覧", "en": "list"}, kind="list_kind", optional=False, default=lambda p, m, fy: "fast"),),
        uses_period=False,
        visual=_lists_visual,
    ),
    Page(
        "explain",
        "/explain",
        {"ja": "変化の要因", "en": "Explain"},
        _explain,
        (
            Field(
                "metric", {"ja": "指標", "en": "metric"}, kind="metric", optional=False, default=lambda p, m, fy: _root_metric(m)
            ),
            Field(
                "from",
                {"ja": "比較元", "en": "from"},
                kind="period",
                optional=False,
                default=lambda p, m, fy: _previous_year_of(p["period"], m),
            ),
            BY,
        ),
        visual=_explain_visual,
    ),
    Page(
        "exhibitions",
        "/exhibitions",
        {"ja": "展示会", "en": "Exhibitions"},
        lambda ws, p, lang: ws.exhibitions(p["period"], lang=lang),
        visual=_exhibitions_visual,
    ),
    Page(
        "behaviour",
        "/behaviour",
        {"ja": "Web行動", "en": "Behaviour"},
        lambda ws, p, lang: ws.behaviour(p["period"], by=p.get("by") or "content_type", lang=lang),
        (Field("by", {"ja": "内訳", "en": "by"}, kind="behaviour_by", optional=False, default=lambda p, m, fy: "content_type"),),
        visual=_behaviour_visual,
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
            Field("outcome", {"ja": "成果", "en": "outcome"}, kind="outcome"),
            Field("within", {"ja": "期間窓", "en": "within"}, "30d"),
            Field("max_length", {"ja": "最大長", "en": "max length"}, kind="length"),
            Field("compare", {"ja": "比較期間", "en": "compare"}, kind="period"),
        ),
        visual=_patterns_visual,
    ),
    Page(
        "blueprints",
        "/blueprints",
        {"ja": "ブループリント", "en": "Blueprints"},
        _blueprints,
        (
            Field("name", {"ja": "名前", "en": "name"}, kind="blueprint"),
            Field("check", {"ja": "確認する期間", "en": "check against"}, kind="period"),
        ),
        visual=_blueprints_visual,
    ),
    Page(
        "check",
        "/check",
        {"ja": "データ品質", "en": "Data check"},
        lambda ws, p, lang: ws.check(),
        uses_period=False,
        visual=_check_visual,
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
    "loading": {"ja": "計算中…", "en": "Working…"},
    "highlights": {"ja": "要点", "en": "Key points"},
    "first_rows": {
        "ja": "最初の {shown} 行を表示（全 {total} 行は JSON にあります）",
        "en": "Showing the first {shown} of {total} rows (all are in the JSON)",
    },
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
    total: int = 0  # rows in the data, when more than are shown


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


# Shares and relative changes are percentages whatever their size (a segment can explain 139% of a
# change); a column ending in "rate" or "confidence" is one only within [-1.5, 1.5] (a rate of counts).
_SHARES = ("share", "explanatory_power", "change", "relative_change", "relative_difference", "share_from", "share_to")
_PERCENT = ("rate", "confidence")
_MONEY = ("revenue", "cost", "amount", "contribution", "revenue_gain", "gain_low", "gain_high", "mix", "cost_per_lead")
_DURATIONS = ("within_seconds",)  # windows: shown in days
_SEQUENCES = ("pattern", "path", "steps")
_STAGE_COLUMNS = ("from_stage", "to_stage", "stage_from", "stage_to", "current_stage")
DAYS = {"ja": "日", "en": " days"}


def formatted(value: object, column: str, lang: str) -> str:
    """A cell formatted for people: rates as percentages, money in yen (万/億 in Japanese), stages by name."""
    if column in _STAGE_COLUMNS and isinstance(value, str):
        return stage_label(value, lang)
    if isinstance(value, list) and column not in _SEQUENCES and all(not isinstance(v, (dict, list)) for v in value):
        return ", ".join(cell(v) for v in value)  # a set of things; a sequence (a pattern) keeps its arrows
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if column in _SHARES and isinstance(value, float):
            return f"{value:+.1%}" if column.endswith(("change", "difference")) else f"{value:.1%}"
        if column in _DURATIONS:
            return f"{value / 86400:,.4g}{DAYS['ja' if lang == 'ja' else 'en']}"
        if column.endswith("_days") and isinstance(value, float):  # days between stages: to a tenth
            return f"{value:,.1f}"
    if isinstance(value, float) and not isinstance(value, bool):
        rate_bound = column.endswith(("_ci_low", "_ci_high")) and column.rsplit("_ci_", 1)[0].endswith(_PERCENT)
        if (column.endswith(_PERCENT) or rate_bound) and -1.5 <= value <= 1.5:
            return f"{value:.1%}"
        if column in _MONEY or column.endswith(("_cost", "revenue")):
            return format_money(value, lang)
    if isinstance(value, int) and not isinstance(value, bool) and column in _MONEY:
        return format_money(value, lang)
    return cell(value)


# Columns holding a value of the row's metric (named by "metric", "stage", "factor" or "name"):
# formatted by that metric's own format in the model (money, percent, count).
METRIC_VALUES = frozenset(
    {"value", "target", "last_year", "product_of_factors", "value_from", "value_to", "actual", "reference", "then", "now"}
    | {"required", "history", "gap"}  # a plan's numbers
)
METRIC_KEYS = ("metric", "stage", "factor", "name")
# Parts of a change (explain's factors and segments) are in the unit of the metric being explained.
CHANGE_PARTS = frozenset({"contribution", "mix", "rate"})
MAX_ROWS = 100  # a page shows the first rows of a long table; its JSON twin has them all


def _records(
    title: str, items: list[dict], lang: str = "en", formats: Mapping[str, str | None] | None = None, unit: str | None = None
) -> Section:
    columns: list[str] = []
    for item in items:
        columns += [k for k in item if k not in columns]
    # An interval beside a rate is a rate too; beside a lift (patterns) it is not.
    interval_of_rate = any(c in ("rate", "confidence", "value") for c in columns) and "lift" not in columns
    shown = {c: ("rate" if interval_of_rate and c in ("ci_low", "ci_high") else c) for c in columns}
    formats = formats or {}

    def row(item: dict) -> list[str]:
        metric = next((item[k] for k in METRIC_KEYS if isinstance(item.get(k), str) and item[k] in formats), None)
        fmt = formats.get(metric) if metric else None
        own = METRIC_VALUES | ({"ci_low", "ci_high"} if fmt == "percent" else set())

        def show(c: str) -> str:
            v = item.get(c)
            numeric = isinstance(v, (int, float)) and not isinstance(v, bool)
            if numeric and unit is not None and metric is not None and c in CHANGE_PARTS:
                return format_value(v, formats.get(unit), lang)
            if numeric and metric is not None and c in own:
                return format_value(v, fmt, lang)
            return formatted(v, shown[c], lang)

        return [show(c) for c in columns]

    return Section(title, [header(c, lang) for c in columns], [row(item) for item in items[:MAX_ROWS]], len(items))


def sections(
    data: object, title: str = "", lang: str = "en", formats: Mapping[str, str | None] | None = None, unit: str | None = None
) -> list[Section]:
    """Tables for a result's `to_dict()`: a list of records is one table; a dict is a key-value table
    of its scalars followed by a table per nested list of records or dict. `formats` (metric ->
    its model format) formats the values of rows that name a metric."""
    if isinstance(data, list):
        if all(isinstance(x, dict) for x in data):
            return [_records(title, data, lang, formats, unit)]
        return [Section(title, ["value"], [[cell(x)] for x in data])]
    if not isinstance(data, dict):
        return [Section(title, ["value"], [[cell(data)]])]
    simple = [(k, v) for k, v in data.items() if not _nested(v)]
    # A result about one metric (explain): its values and its change in the metric's own format.
    fmt = (formats or {}).get(data.get("metric")) if isinstance(data.get("metric"), str) else None
    own = METRIC_VALUES | {"total_change"} if fmt else frozenset()

    interval_of_rate = any(k.endswith("rate") for k in data) and "lift" not in data

    def value(key: str, v: object) -> str:
        numeric = isinstance(v, (int, float)) and not isinstance(v, bool)
        if key in own and numeric:
            return format_value(v, fmt, lang)
        return formatted(v, "rate" if interval_of_rate and key in ("ci_low", "ci_high") else key, lang)

    out = [Section(title, ["", ""], [[header(k, lang), value(k, v)] for k, v in simple])] if simple else []
    for key, value in data.items():
        if _nested(value):
            heading = f"{title} › {header(key, lang)}" if title else header(key, lang)
            out += sections(value, heading, lang, formats, data["metric"] if fmt else unit)
    return out


def table_records(data: object) -> list[dict] | None:
    """A page's one table, for its CSV twin: its records, or None when the data is not one table."""
    if isinstance(data, list) and all(isinstance(x, dict) for x in data):
        return data
    if isinstance(data, dict) and isinstance(data.get("records"), list):
        return data["records"]
    return None


def _csv_cell(value: object) -> object:
    """Lists (a pattern's steps) joined with arrows, other nested values as JSON; scalars as they are."""
    if isinstance(value, list) and all(not isinstance(v, (dict, list)) for v in value):
        return " -> ".join(str(v) for v in value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return value


def _nested(value: object) -> bool:
    return isinstance(value, dict) or (isinstance(value, list) and bool(value) and all(isinstance(x, dict) for x in value))


# --- pickers: the choices each kind of field offers


def picker_choices(ws: kpiflow.Workspace, lang: str) -> dict[str, list[tuple[str, str]]]:
    """(value, label) pairs per field kind, newest periods first, from the workspace's data and model."""
    periods: list[tuple[str, str]] = []
    for kind in ("fy", "half", "quarter", "month"):
        periods += [(p.label("en"), p.label(lang)) for p in reversed(ws.periods(kind))]
    model = ws.model
    stages = [*model.stages.contact, *model.stages.deal]
    return {
        "period": periods,
        "metric": [(name, model.metrics[name].label.text(lang, name)) for name, _ in tree_order(model)],
        "dimension": [(d, header(d, lang)) for d in model.dimensions],
        "behaviour_by": [(d, header(d, lang)) for d in ("content_type", "content_id", "channel")],
        "outcome": [("won", {"ja": "受注", "en": "won"}[lang])] + [(f"stage:{s}", f"stage:{s}") for s in dict.fromkeys(stages)],
        "length": [(str(n), str(n)) for n in (1, 2, 3)],
        "blueprint": [(n, n) for n in ws.blueprints()],
        "plan_period": _plan_periods(ws, lang),
        "list_kind": [
            ("fast", {"ja": "今すぐ営業へ（標準より速い）", "en": "fast: hand to sales now"}[lang]),
            ("nurture", {"ja": "育成する（標準より遅い）", "en": "nurture: slower than the standard"}[lang]),
        ],
    }


def _plan_periods(ws: kpiflow.Workspace, lang: str) -> list[tuple[str, str]]:
    """Fiscal years to plan: the two after the data, those with targets, then the past ones."""
    years = ws.periods("fy")
    fys = ws.model.fiscal_year_start
    future = [years[-1].next(), years[-1].next().next()] if years else []
    targeted = [parse_period(t, fys) for t in ws.model.targets if t.startswith("FY") and len(t) == 6]
    chosen = list(dict.fromkeys(p.label("en") for p in sorted({*future, *targeted, *years}, key=lambda p: p.start, reverse=True)))
    return [(label, parse_period(label, fys).label(lang)) for label in chosen]


@dataclass(frozen=True)
class Picker:
    name: str
    label: str
    value: str
    options: list[tuple[str, str]] | None  # None: a free text box
    placeholder: str = ""


NONE_CHOSEN = {"ja": "（指定なし）", "en": "(none)"}


def pickers(page: Page, params: Params, choices: Mapping[str, list[tuple[str, str]]], lang: str) -> list[Picker]:
    """The page's form: a select for every field with known choices (keeping a typed value that is not
    among them, e.g. a custom range), a text box otherwise."""
    fields = ([Field("period", WORDS["period"], kind="period", optional=False)] if page.uses_period else []) + list(page.fields)
    out = []
    for field in fields:
        value = params.get(field.name, "")
        options = choices.get(field.kind)
        if options is not None:
            options = list(options)
            if value and value not in {v for v, _ in options}:
                options.insert(0, (value, value))
            if field.optional:
                options.insert(0, ("", NONE_CHOSEN[lang]))
        out.append(Picker(field.name, field.label[lang], value, options, field.placeholder))
    return out


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
            text = csv_text(columns, [[_csv_cell(row.get(c)) for c in columns] for row in rows])
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
