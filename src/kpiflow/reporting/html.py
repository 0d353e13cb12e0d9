"""`kpiflow report`: one self-contained HTML file for people who never open a terminal.

Everything is inside the file: the styles, the Plotly bundle (embedded once, from the installed
package) and the data of each chart. Nothing is fetched from a network when it opens, so it
works offline and behind a firewall. Every table is plain HTML, readable without JavaScript and
printable to A4; charts add to the tables, never replace them. Jinja2 escapes every value from
the data (a campaign called ``<script>`` shows as text), and chart data goes in as JSON with
``<``, ``>`` and ``&`` escaped so it cannot close its script element.

Each section is computed by the same library call as its CLI command; a section whose analysis
cannot run on the data (no exhibitions, no touchpoints) says why instead of failing the report.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kpiflow.analysis.explain import signed_change
from kpiflow.analysis.registry import REGISTRY, analysis, charts_of, generic_analyses
from kpiflow.analysis.result import finite
from kpiflow.errors import KpiflowError
from kpiflow.formatting import format_kind, format_money, format_value
from kpiflow.reporting import charts as figures
from kpiflow.reporting.headers import HEADERS
from kpiflow.reporting.highlights import kpi_trust, tree_highlights
from kpiflow.reporting.tabular import text_tables
from kpiflow.reporting.tree_diagram import caption, tree_svg
from kpiflow.reporting.words import WORDS, vocabulary

TEMPLATE = "report.html.j2"

SECTIONS: tuple[str, ...] = (
    "tree", "plan", "funnel", "journey", "explain", "exhibitions", "behaviour", "patterns", "blueprints", "dictionary",
)  # fmt: skip
"""The report's sections, in order (`<section id="...">`; the registry names the one that shows each analysis)."""

LABELS: dict[str, dict[str, str]] = {
    "title": {"ja": "KPIレポート", "en": "KPI report"},
    "period": {"ja": "対象期間", "en": "Period"},
    "compare": {"ja": "比較期間", "en": "Compared with"},
    "generated": {"ja": "作成日時", "en": "Generated"},
    "tree": {"ja": "キーポイントマップ（KPIツリー）", "en": "Key point map (KPI tree)"},
    "plan": {"ja": "計画と実績", "en": "Plan vs actual"},
    "highlights": {"ja": "要点", "en": "Key points"},
    "funnel": {"ja": "ファネル", "en": "Funnel"},
    "bottleneck": {"ja": "ボトルネック", "en": "Bottleneck"},
    "journey": {"ja": "標準ジャーニー", "en": "Standard journey"},
    "explain": {"ja": "変化の要因", "en": "Why it changed"},
    "exhibitions": {"ja": "展示会", "en": "Exhibitions"},
    "behaviour": {"ja": "Web行動", "en": "Web behaviour"},
    "patterns": {"ja": "勝ちパターン", "en": "Winning patterns"},
    "blueprints": {"ja": "ブループリント", "en": "Blueprints"},
    "dictionary": {"ja": "付録: 指標辞書", "en": "Appendix: metric dictionary"},
    "metric": {"ja": "指標", "en": "Metric"},
    "value": {"ja": "実績", "en": "Actual"},
    "target": {"ja": "目標", "en": "Target"},
    "status": {"ja": "状況", "en": "Status"},
    "last_year": {"ja": "前年", "en": "Last year"},
    "change": {"ja": "前年比", "en": "vs last year"},
    "no_target": {"ja": "目標なし", "en": "no target"},
    "gap": {"ja": "差異", "en": "Gap"},
    "achieved": {"ja": "達成率", "en": "Achieved"},
    "no_targets": {
        "ja": "この期間の目標が kpiflow.yaml の targets にありません（kpiflow plan で逆算できます）",
        "en": "No targets for this period in kpiflow.yaml (kpiflow plan works them out backwards)",
    },
    "step": {"ja": "ステップ", "en": "Step"},
    "entered": {"ja": "流入", "en": "Entered"},
    "converted": {"ja": "通過", "en": "Converted"},
    "rate": {"ja": "率", "en": "Rate"},
    "interval": {"ja": "95%区間", "en": "95% interval"},
    "stage": {"ja": "ステージ", "en": "Stage"},
    "segment": {"ja": "セグメント", "en": "Segment"},
    "gain": {"ja": "売上増（改善時）", "en": "Revenue gain if repaired"},
    "factor": {"ja": "要因", "en": "Factor"},
    "contribution": {"ja": "寄与", "en": "Contribution"},
    "mix": {"ja": "構成比要因", "en": "Mix"},
    "rate_part": {"ja": "率要因", "en": "Rate"},
    "noise": {"ja": "有意性", "en": "vs noise"},
    "significant": {"ja": "有意", "en": "significant"},
    "not_significant": {"ja": "誤差の範囲", "en": "within noise"},
    "untested": {"ja": "未検定", "en": "not tested"},
    "small": {"ja": "少数サンプル", "en": "small sample"},
    "exhibition": {"ja": "展示会", "en": "Exhibition"},
    "passersby": {"ja": "通行数", "en": "Passers-by"},
    "stop_rate": {"ja": "立ち寄り率", "en": "Stop rate"},
    "demo_rate": {"ja": "デモ体験率", "en": "Demo rate"},
    "leads": {"ja": "リード", "en": "Leads"},
    "opportunities": {"ja": "商談", "en": "Opportunities"},
    "revenue": {"ja": "売上", "en": "Revenue"},
    "roi": {"ja": "ROI", "en": "ROI"},
    "content_type": {"ja": "コンテンツ種別", "en": "Content type"},
    "onward_rate": {"ja": "回遊率", "en": "Onward rate"},
    "inquiry_rate": {"ja": "問い合わせ率", "en": "Inquiry rate"},
    "opportunity_rate": {"ja": "商談化率", "en": "Opportunity rate"},
    "pattern": {"ja": "パターン", "en": "Pattern"},
    "support": {"ja": "該当数", "en": "Support"},
    "confidence": {"ja": "到達率", "en": "Confidence"},
    "lift": {"ja": "リフト", "en": "Lift"},
    "name": {"ja": "名前", "en": "Name"},
    "outcome": {"ja": "成果", "en": "Outcome"},
    "definition": {"ja": "定義", "en": "Definition"},
    "condition": {"ja": "抽出条件", "en": "Extraction condition"},
    "unavailable": {"ja": "このセクションは作成できませんでした", "en": "This section could not be made"},
    "none": {"ja": "該当なし", "en": "None"},
    "patterns_note": {
        "ja": "商談化の30日前までに起きていた行動（営業接点を除く）",
        "en": "What happened in the 30 days before an opportunity (sales touches left out)",
    },
    "small_note": {"ja": "⚠ は分母30未満の少数サンプル", "en": "⚠ marks a small sample (denominator under 30)"},
    "change_note": {
        "ja": "前年比の（ ）は検定結果: 有意 = 誤差を超える変化（ツリー最上位の指標は p <= 0.05、他の指標は偽発見率5%）、"
        "誤差の範囲 = 偶然でも起こりうる変化、未検定 = 単価や計算式など検定していない指標（期間比は件数比の検定）",
        "en": "The bracket after a change is its test: significant = beyond noise (the top of the tree at p <= 0.05, the other "
        "KPIs at a 5% false discovery rate), within noise = could be chance, not tested = costs per unit, formulas and other untested KPIs (throughput ratios get a test of count ratios)",
    },
    "follows": {"ja": "沿っている", "en": "follows"},
    "departs": {"ja": "外れている", "en": "departs"},
    "itself": {"ja": "（この期間のブループリント）", "en": "(this period's own blueprint)"},
    "departure": {"ja": "外れた点", "en": "Departures"},
    "then": {"ja": "当時", "en": "Then"},
    "now": {"ja": "今回", "en": "Now"},
    "pattern_frequency": {"ja": "出現率", "en": "frequency"},
    "pattern_confidence": {"ja": "到達率", "en": "confidence"},
    "q_value": {"ja": "q値", "en": "q-value"},
}


def _share(value: float | None) -> str:
    """A blueprint value: a rate or share as a percentage, a count per day as it is."""
    if value is None:
        return "—"
    return f"{value:.1%}" if 0 <= value <= 1 else f"{value:,.2f}"


def label(key: str, lang: str) -> str:
    """The report's own words (section titles, notes), else a code's word (a status), else a
    column's header: one word per thing on every face."""
    entry = LABELS.get(key) or WORDS.get(key) or HEADERS.get(key)
    if entry is None and key in REGISTRY:  # a registered analysis's section, made or refused
        entry = REGISTRY[key].title
    if entry is None:
        raise KeyError(key)
    return entry["ja" if lang == "ja" else "en"]


def _json_for_script(value: object) -> str:
    """JSON that is safe inside a <script> element (no way to close it or open a comment)."""
    text = json.dumps(finite(value), ensure_ascii=False, default=str, allow_nan=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _section(name: str, call: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    try:
        return {"name": name, "ok": True, **call()}
    except KpiflowError as error:
        return {"name": name, "ok": False, "reason": str(error)}


@functools.cache
def _template():
    """The report's template, compiled once per process (a tenth of a second each time)."""
    from jinja2 import Environment, PackageLoader, select_autoescape  # noqa: PLC0415  (the report is optional at import)

    environment = Environment(loader=PackageLoader("kpiflow.reporting", "templates"), autoescape=select_autoescape(["html", "j2"]))
    return environment.get_template(TEMPLATE)


def build_report(ws, *, period: str | None = None, compare: str | None = None, lang: str | None = None) -> str:
    """The report as one HTML string (see the module doc)."""
    from markupsafe import Markup  # noqa: PLC0415  (tree_svg escapes every text itself)
    from plotly.offline import get_plotlyjs  # noqa: PLC0415  (4 MB of JavaScript: only when a report is made)

    lang = lang or ws.lang
    # A range, `all`, and a period outside the data are understood (or refused) as everywhere else.
    chosen = ws.resolve_period(period, lang) if period else ws.last_complete_year()
    label_now = chosen.label("en")
    before = ws.resolve_period(compare, lang) if compare else chosen.previous()
    model = ws.model
    words = vocabulary(model, lang)
    money = lambda v: format_money(v, lang, model.currency) if v is not None else "—"  # noqa: E731

    def fmt(metric: str, value: float | None) -> str:
        spec = model.metrics.get(metric)
        return format_value(value, spec.format if spec else None, lang, model.currency)

    charts: list[dict[str, Any]] = []

    def chart(figure: dict[str, Any]) -> str:
        chart_id = f"chart-{len(charts) + 1}"
        charts.append({"id": chart_id, "figure": figure})
        return chart_id

    @functools.cache
    def tree():  # the key point map and plan vs actual read the same tree: evaluate it once
        return ws.tree(label_now, lang=lang)

    def tree_section() -> dict[str, Any]:
        result = tree()
        nodes = [
            {
                "metric": n.metric,
                "label": n.label,
                "depth": n.depth,
                "value": fmt(n.metric, n.value),
                "target": fmt(n.metric, n.target) if n.target is not None else "",
                "status": n.status,
                "last_year": fmt(n.metric, n.last_year),
                "change": f"{n.change:+.1%}" if n.change is not None else "—",
                "noise": None
                if n.change is None
                else ("untested" if n.change_significant is None else ("significant" if n.change_significant else "not_significant")),
                "counts": f"{n.numerator:,.0f} / {n.denominator:,.0f}"
                if n.denominator is not None and model.metrics[n.metric].format == "percent"
                else "",
                "interval": f"{n.ci_low:.1%}–{n.ci_high:.1%}" if n.ci_low is not None and n.ci_high is not None else "",
                "small": n.small_sample,
            }
            for n in result.nodes
        ]
        root = result.nodes[0].metric if result.nodes else None
        # The root's card leads to the explanation of its change; every other card to its definition.
        diagram = tree_svg(result, model, lang, href=lambda m: "#explain" if m == root else f"#def-{m}")
        points = tree_highlights(result, model, lang)
        trusted = kpi_trust(ws, label_now, lang, href="#trust")  # the KPIs that found rows move, beside the map
        return {"nodes": nodes, "diagram": Markup(diagram), "caption": caption(lang), "highlights": points, "trust": trusted}

    def plan_section() -> dict[str, Any]:
        result = tree()
        rows = []
        for n in result.nodes:
            if n.target is None:
                continue
            achieved = n.value / n.target if n.value is not None and n.target else None
            gap = n.value - n.target if n.value is not None else None
            percent = model.metrics[n.metric].format == "percent"
            rows.append(
                {
                    "label": n.label,
                    "target": fmt(n.metric, n.target),
                    "value": fmt(n.metric, n.value),
                    "gap": (f"{gap * 100:+.1f} pt" if percent else signed_change(model, n.metric, gap, lang))
                    if gap is not None
                    else "—",
                    "achieved": f"{achieved:.0%}" if achieved is not None else "—",
                    "status": n.status,
                }
            )
        return {"rows": rows}

    def funnel_section() -> dict[str, Any]:
        result = ws.funnel(label_now, lang=lang)
        steps = [
            {
                "step": words.pair(s.from_stage, s.to_stage),
                "entered": f"{s.entered:,}",
                "converted": f"{s.converted:,}",
                "rate": f"{s.rate:.1%}" if s.rate is not None else "—",
                "interval": f"{s.ci_low:.1%}–{s.ci_high:.1%}" if s.ci_low is not None else "",
                "median_days": format_kind(s.median_days, "duration"),
                "small": s.small_sample,
            }
            for s in result.steps
        ]
        figure = figures.funnel_rates(result.to_json_data(), lang, words)
        bottleneck = ws.bottleneck(label_now, lang=lang)
        ranked = [
            {
                "stage": b.label,
                "segment": ", ".join(words.segment(k, v) for k, v in b.dimensions.items()),
                "actual": f"{b.actual:.1%}" if b.actual is not None else "—",
                "reference": f"{b.reference:.1%}" if b.reference is not None else "—",
                "gain": money(b.revenue_gain),
                "small": b.small_sample,
            }
            for b in bottleneck.ranked
        ]
        gains = figures.bottleneck_gains(bottleneck.to_json_data(), lang, bottleneck.dimensions, model.currency, words)
        return {"steps": steps, "chart": chart(figure), "bottleneck": ranked, "bottleneck_chart": chart(gains)}

    def journey_section() -> dict[str, Any]:
        result = ws.velocity(label_now, lang=lang)
        steps = [
            {
                "step": words.pair(s.from_stage, s.to_stage),
                "n": f"{s.n:,}",
                "median_days": format_kind(s.median_days, "duration"),
                "cumulative": format_kind(s.cumulative_days, "duration"),
            }
            for s in result.journey.steps
        ]
        return {"steps": steps}

    def explain_section() -> dict[str, Any]:
        result = ws.explain(
            "revenue" if "revenue" in model.metrics else next(iter(model.tree)), before.label("en"), label_now, lang=lang
        )
        explained = result.to_json_data()
        figure = figures.waterfall(explained, lang, model.metrics[result.metric].format == "money", model.currency)
        segments = [
            {
                "factor": model.metrics[s.factor].label.text(lang, s.factor),
                "segment": words.segment(s.dimension, s.value, " = ") if not s.unattributed else f"{words.dimension(s.dimension)}: —",
                "from": fmt(s.factor, s.value_from),
                "to": fmt(s.factor, s.value_to),
                "contribution": signed_change(model, result.metric, s.contribution, lang),
                "mix": signed_change(model, result.metric, s.mix, lang) if s.mix is not None else "",
                "rate": signed_change(model, result.metric, s.rate, lang) if s.rate is not None else "",
                "noise": "significant" if s.significant else ("untested" if s.significant is None else "not_significant"),
                "small": s.small_sample,
            }
            for s in result.segments[:15]
            if not s.unattributed
        ]
        return {"summary": result.summary, "chart": chart(figure), "segments": segments, "notes": result.notes[:5]}

    def exhibitions_section() -> dict[str, Any]:
        result = ws.exhibitions(label_now, lang=lang)
        rows = [
            {
                "exhibition": r.exhibition_id,
                "passersby": f"{r.passersby:,}",
                "visitors": f"{r.visitors:,}",
                "stop_rate": f"{r.stop_rate.value:.1%}" if r.stop_rate.value is not None else "—",
                "demo_rate": f"{r.demo_rate.value:.1%}" if r.demo_rate.value is not None else "—",
                "leads": f"{r.leads:,}",
                "opportunities": f"{r.opportunities:,}",
                "revenue": money(r.revenue),
                "roi": format_kind(r.roi, "roi"),
            }
            for r in result.records
        ]
        return {"rows": rows}

    def behaviour_section() -> dict[str, Any]:
        result = ws.behaviour(label_now, lang=lang)
        rate = lambda r: f"{r.value:.1%}" if r.value is not None else "—"  # noqa: E731
        rows = [
            {
                "key": words.value(result.by, r.key),
                "sessions": f"{r.sessions:,}",
                "pages_per_session": f"{r.pages_per_session:.2f}" if r.pages_per_session is not None else "—",
                "onward_rate": rate(r.onward_rate),
                "inquiry_rate": rate(r.inquiry_rate),
                "opportunity_rate": rate(r.opportunity_rate),
            }
            for r in result.records[:15]
        ]
        return {"rows": rows}

    def patterns_section() -> dict[str, Any]:
        result = analysis("patterns").run(ws, period=label_now, lang=lang)  # the registry's defaults, as every face
        rows = [
            {
                "pattern": words.steps(r.pattern),
                "support": f"{r.support:,}",
                "confidence": f"{r.confidence:.1%}",
                "lift": f"{r.lift:.2f}" if r.lift is not None else "—",
                "interval": f"{r.ci_low:.2f}–{r.ci_high:.2f}" if r.ci_low is not None else "",
                "noise": "significant" if r.significant else "not_significant",
                "small": r.small_sample,
            }
            for r in result.records[:12]
        ]
        figure = figures.sankey(result.paths.to_dict(), words)
        return {"rows": rows, "chart": chart(figure) if figure else None}

    def blueprints_section() -> dict[str, Any]:
        # Each saved blueprint checked against the report's period: does this period still follow it?
        rows = []
        for name in ws.blueprints():
            document = ws.blueprint(name)
            outcome = words.code(document.get("outcome"))
            row = {"name": name, "period": document["period"], "outcome": outcome, "patterns": len(document["patterns"])}
            if str(document["period"]) == label_now:
                rows.append(row | {"status": "itself", "departures": []})
                continue
            check = ws.blueprint_check(name, label_now)
            departures = [
                {
                    "what": (model.metrics[d.name].label.text(lang, d.name) if d.name in model.metrics else d.name)
                    if d.kind == "kpi"
                    else f"{words.code(d.name)} ({label(d.kind, lang)})",
                    "then": _share(d.then),
                    "now": _share(d.now),
                    "q": f"{d.q_value:.3f}" if d.q_value is not None else "",
                }
                for d in check.departures[:5]
            ]
            rows.append(row | {"status": "follows" if check.follows else "departs", "departures": departures})
        return {"rows": rows}

    def analysis_section(entry) -> dict[str, Any]:
        """A registered analysis that declares its tables: run for the report's period, if it has one."""
        values = {"period": label_now} if any(p.name == "period" for p in entry.params) else {}
        result = json.loads(json.dumps(entry.run(ws, **values, lang=lang).to_dict(), default=str))
        return {
            "title": entry.title[lang],
            "charts": [chart(figure) for figure in charts_of(entry, result, lang, words.any_value)],
            "tables": text_tables(result, words, model.currency),
            "notes": result["notes"],
        }

    def dictionary_section() -> dict[str, Any]:
        result = ws.dictionary(lang)
        return {"entries": result.to_json_data()}

    sections = [  # in SECTIONS order
        _section("tree", tree_section),
        _section("plan", plan_section),
        _section("funnel", funnel_section),
        _section("journey", journey_section),
        _section("explain", explain_section),
        _section("exhibitions", exhibitions_section),
        _section("behaviour", behaviour_section),
        _section("patterns", patterns_section),
        _section("blueprints", blueprints_section),
        _section("dictionary", dictionary_section),
    ]
    # Registered analyses that declare their tables, before the dictionary (an appendix).
    sections[-1:-1] = [_section(a.name, functools.partial(analysis_section, a)) for a in generic_analyses("report")]
    return _template().render(
        lang=lang,
        t=lambda key: label(key, lang),
        period=chosen.label(lang),
        compare=before.label(lang),
        generated=dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        sections=sections,
        charts_json=_json_for_script(charts),
        plotly_js=get_plotlyjs(),
    )


def write_report(ws, path: str | Path, **options: Any) -> Path:
    """Write the report to `path` atomically (a temporary file in the same folder, then a rename)."""
    target = Path(path)
    if not target.parent.exists():
        raise KpiflowError(f"{target}: the folder {target.parent} does not exist")
    html = build_report(ws, **options)
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_text(html, encoding="utf-8")
    os.replace(temporary, target)
    return target
