"""The dashboard's pages, declared as data: the library call each makes, the pickers of its form
and the visual (charts, the drawn key point map, a summary) it draws from its JSON data.

A new page is one more `Page` in `PAGES`; a new kind of picker is one more entry in
`picker_choices`. Nothing here knows about HTTP: `app.py` serves these declarations.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from markupsafe import Markup

import kpiflow
from kpiflow.analysis.plan import parse_assignments
from kpiflow.analysis.registry import analysis
from kpiflow.analysis.tree import TreeNode, TreeResult, tree_order
from kpiflow.errors import KpiflowError
from kpiflow.model.config import ModelFile
from kpiflow.model.periods import parse_period
from kpiflow.reporting import charts as figures
from kpiflow.reporting.headers import header
from kpiflow.reporting.highlights import Highlight, kpi_trust, tree_highlights
from kpiflow.reporting.tree_diagram import tree_svg
from kpiflow.reporting.words import Vocabulary, vocabulary

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
    # Shown beside the diagram from more library calls (the home's pacing of this quarter, and the
    # KPIs that rows found by trust move): blocks, each a {title, href} then rows of {status, text};
    # the page's JSON twin keeps its own data.
    aside: Callable[[kpiflow.Workspace, str], list[list[dict]]] | None = None


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


def quarter_pacing(ws: kpiflow.Workspace, lang: str) -> list[dict]:
    """This quarter's pacing for the home: each metric of the key point map with a target in the
    quarter of the data's last day, its status and its value to date against its phased target."""
    from kpiflow.analysis.trend import as_of, trend  # noqa: PLC0415  (scipy: loaded when the home is drawn)
    from kpiflow.model.periods import Period  # noqa: PLC0415

    try:
        now = as_of(ws)
    except KpiflowError:
        return []
    fys = ws.model.fiscal_year_start
    month = Period.month(now.year, now.month, fys)
    quarter = Period.quarter(month.fiscal_year, (now.month - fys) % 12 // 3 + 1, fys)
    names = [n for n, _ in tree_order(ws.model)] or list(ws.model.metrics)
    rows = [r for r in trend(ws, metrics=names, period=quarter.label("en"), lang=lang).table("pacing").records() if r["status"]]
    words = Vocabulary(lang)
    title = {"ja": f"今四半期の進捗（{quarter.label('ja')}、{now.date().isoformat()} 時点）", "en": f"This quarter's pacing ({quarter.label('en')}, as of {now.date().isoformat()})"}
    out = [{"title": title["ja" if lang == "ja" else "en"], "href": f"/trend?period={quarter.label('en')}&lang={lang}"}]
    for r in rows:
        share = f"{r['achieved']:.0%}" if r.get("achieved") is not None else "—"
        text = {"ja": f"{r['label']}: {words.code(r['status'])}（累計目標比 {share}）", "en": f"{r['label']}: {words.code(r['status'])} ({share} of the target to date)"}
        out.append({"status": r["status"], "text": text["ja" if lang == "ja" else "en"]})
    return out


def _home_aside(ws: kpiflow.Workspace, lang: str) -> list[list[dict]]:
    try:
        year = ws.last_complete_year().label("en")
    except KpiflowError:
        return [quarter_pacing(ws, lang)]
    return [quarter_pacing(ws, lang), kpi_trust(ws, year, lang, href=f"/trust?period={year}&lang={lang}")]


def _label(period: str, view: View) -> str:
    return parse_period(period, view.model.fiscal_year_start).label(view.lang)


def _previous_year_of(period: str, model: ModelFile) -> str:
    return parse_period(period, model.fiscal_year_start).same_period_last_year().label("en")


def _words(view: View) -> Vocabulary:
    """The page's words: codes and the model's labels in the page's language."""
    return vocabulary(view.model, view.lang)


def _funnel_visual(data, view: View) -> Visual:
    return Visual(charts=(figures.funnel_rates(data, view.lang, _words(view)),) if data and not _by(view.params) else ())


def _bottleneck_visual(data, view: View) -> Visual:
    if not any(r.get("revenue_gain") is not None for r in data):  # nothing to draw: no empty frame
        return Visual()
    return Visual(charts=(figures.bottleneck_gains(data, view.lang, _by(view.params), view.model.currency, _words(view)),))


def _velocity_visual(data, view: View) -> Visual:
    steps = (data.get("journey") or {}).get("steps") or []
    return Visual(charts=(figures.journey_days(steps, view.lang, _words(view)),) if steps else ())


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
    return Visual(charts=(figures.rate_bars(ranked, key, "inquiry_rate", view.lang, words=_words(view)),))


def _patterns_visual(data, view: View) -> Visual:
    figure = figures.sankey(data.get("paths") or {}, _words(view))
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
    """The fiscal year after the data's last complete one: a plan is for the future (its target
    in kpiflow.yaml, if any, is the default goal)."""
    return parse_period(latest, model.fiscal_year_start).next().label("en")


def _plan_target(params: Params, model: ModelFile, latest: str) -> str:
    root = _root_metric(model)
    value = model.targets.get(params.get("period", ""), {}).get(root)
    return f"{root}={value:.0f}" if value is not None else ""


def _plan_visual(data, view: View) -> Visual:
    base = [r for r in data.get("records") or [] if r.get("scenario", "base") == "base"]
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
    charts = ()
    if by and records:
        charts = (figures.rate_bars(records, by, "sql_rate", view.lang, low="ci_low", high="ci_high", words=_words(view)),)
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


BY = Field("by", {"ja": "内訳", "en": "Breakdown"}, kind="dimension")
PATTERNS = analysis("patterns")  # one set of defaults: the registry's, as the CLI, report and workbook use
PAGES: tuple[Page, ...] = (
    Page(
        "tree",
        "/",
        {"ja": "キーポイントマップ", "en": "Key point map"},
        lambda ws, p, lang: ws.tree(p["period"], lang=lang),
        visual=_tree_visual,
        aside=_home_aside,
    ),
    Page(
        "plan",
        "/plan",
        {"ja": "計画（逆算）", "en": "Plan"},
        _plan,
        (
            Field("period", {"ja": "計画期間", "en": "Plan year"}, kind="plan_period", optional=False, default=_plan_period),
            Field("target", {"ja": "目標", "en": "Goal"}, "revenue=600000000", default=_plan_target),
            Field("set", {"ja": "率の仮定", "en": "Assumed rates"}, "win_rate=0.3,mql_rate=0.5"),
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
        (Field("kind", {"ja": "一覧", "en": "List"}, kind="list_kind", optional=False, default=lambda p, m, fy: "fast"),),
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
                "metric", {"ja": "指標", "en": "Metric"}, kind="metric", optional=False, default=lambda p, m, fy: _root_metric(m)
            ),
            Field(
                "from",
                {"ja": "比較元", "en": "Compared with"},
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
        (
            Field(
                "by",
                {"ja": "内訳", "en": "Breakdown"},
                kind="behaviour_by",
                optional=False,
                default=lambda p, m, fy: "content_type",
            ),
        ),
        visual=_behaviour_visual,
    ),
    Page(
        "patterns",
        "/patterns",
        {"ja": "成果前のパターン", "en": "Patterns"},
        lambda ws, p, lang: analysis("patterns").run(
            ws,
            outcome=p.get("outcome") or PATTERNS.default("outcome"),
            within=p.get("within") or PATTERNS.default("within"),
            max_length=_int(p, "max_length", PATTERNS.default("max_length")),
            period=p["period"],
            compare=p.get("compare") or None,
            lang=lang,
        ),
        (
            Field(
                "outcome",
                {"ja": "成果", "en": "Outcome"},
                kind="outcome",
                optional=False,
                default=lambda p, m, fy: PATTERNS.default("outcome"),
            ),
            Field("within", {"ja": "期間窓", "en": "Within"}, "30d", default=lambda p, m, fy: PATTERNS.default("within")),
            Field(
                "max_length",
                {"ja": "最大長", "en": "Max length"},
                kind="length",
                optional=False,
                default=lambda p, m, fy: str(PATTERNS.default("max_length")),
            ),
            Field("compare", {"ja": "比較期間", "en": "Compared with"}, kind="period"),
        ),
        visual=_patterns_visual,
    ),
    Page(
        "blueprints",
        "/blueprints",
        {"ja": "ブループリント", "en": "Blueprints"},
        _blueprints,
        (
            Field("name", {"ja": "名前", "en": "Blueprint"}, kind="blueprint"),
            Field("check", {"ja": "確認する期間", "en": "Check against"}, kind="period"),
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

# The picker of a registered analysis's parameter, by the parameter's kind (registry.Param).
_FIELD_KINDS = {"period": "period", "dimension": "dimension", "dimensions": "dimension", "metric": "metric", "outcome": "outcome"}


def _query_value(kind: str, text: str) -> object:
    """A query parameter's text as the registered parameter's type."""
    if kind == "int":
        try:
            return int(text)
        except ValueError:
            raise KpiflowError(f"expected a whole number, not '{text}'") from None
    if kind == "flag":
        return text.lower() in ("1", "true", "yes", "on")
    if kind in ("dimensions", "texts"):
        return [part.strip() for part in text.split(",") if part.strip()]
    return text


def analysis_page(entry) -> Page:
    """The page of a registered analysis that returns a `Tabular` (registry.Analysis.generic): a
    form field per parameter, its tables drawn from their declared column kinds."""
    kinds = {p.name: p.kind for p in entry.params}

    def compute(ws, params: Params, lang: str):
        values = {}
        for name, text in params.items():
            if name not in kinds:
                continue
            choices = entry.param(name).choices
            if choices and text not in choices:
                from kpiflow.errors import UnknownNameError  # noqa: PLC0415

                raise UnknownNameError.for_name(name, text, choices)
            values[name] = _query_value(kinds[name], text)
        return entry.run(ws, **values, lang=lang)

    def shown_default(param):
        # a picker (outcome, dimension, metric) shows the registry's default as chosen, not "(none)"
        if _FIELD_KINDS.get(param.kind, "text") == "text" or not isinstance(param.default, str):
            return None
        return lambda params, model, fy, value=param.default: value

    fields = tuple(
        Field(p.name, {"ja": p.words("ja"), "en": p.words("en")}, " | ".join(p.choices), _FIELD_KINDS.get(p.kind, "text"), default=shown_default(p))
        for p in entry.params
        if p.name != "period"
    )
    def visual(data, view: View) -> Visual:
        from kpiflow.analysis.registry import charts_of  # noqa: PLC0415

        return Visual(charts=tuple(charts_of(entry, data, view.lang, vocabulary(view.model, view.lang).any_value)))

    return Page(entry.name, f"/{entry.name}", dict(entry.title), compute, fields, uses_period="period" in kinds, visual=visual)


def all_pages() -> tuple[Page, ...]:
    """The pages written above, then one per registered analysis that has none of its own and
    shows on the dashboard."""
    from kpiflow.analysis.registry import ANALYSES  # noqa: PLC0415

    written = {page.name for page in PAGES}
    return PAGES + tuple(
        analysis_page(a) for a in ANALYSES if a.generic and a.name not in written and "dashboard" in a.faces
    )
WORDS = {
    "period": {"ja": "期間", "en": "Period"},
    "show": {"ja": "表示", "en": "Show"},
    "json": {"ja": "JSON", "en": "JSON"},
    "error": {"ja": "エラー", "en": "Error"},
    "empty": {"ja": "データがありません", "en": "No rows"},
    "loading": {"ja": "計算中…", "en": "Working…"},
    "highlights": {"ja": "要点", "en": "Key points"},
    "first_rows": {
        "ja": "最初の {shown} 行を表示。ほか {more} 行（全 {total} 行は JSON にあります）",
        "en": "Showing the first {shown} of {total} rows; {more} more are in the JSON",
    },
    "all_columns": {
        "ja": "すべての列を表示（{count} 列、うち {hidden} 列はここだけ）",
        "en": "All {count} columns ({hidden} more than above)",
    },
}


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
        "outcome": [("won", {"ja": "受注（商談の結果）", "en": "Won (deal outcome)"}[lang])]
        + [(f"stage:{s}", vocabulary(model, lang).code(f"stage:{s}")) for s in dict.fromkeys(stages)],
        "length": [(str(n), str(n)) for n in (1, 2, 3)],
        "blueprint": [(n, n) for n in ws.blueprints()],
        "plan_period": _plan_periods(ws, lang),
        "list_kind": [
            ("fast", {"ja": "今すぐ営業へ（標準より速い）", "en": "Fast: hand to sales now"}[lang]),
            ("nurture", {"ja": "育成する（標準より遅い）", "en": "Nurture: slower than the standard"}[lang]),
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
