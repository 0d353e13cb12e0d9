"""Key points of a KPI tree in plain sentences: what is behind target, what moved beyond noise.

The first thing a board or a sales manager reads. Only facts the tree already holds are used:
each target's achievement, and each change against last year that its test found significant
(q <= 0.05). Changes within noise are counted, never listed one by one, so nobody chases them.
A throughput ratio (period counts, may pass 100%) is named as such, never as a rate to raise.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kpiflow.analysis.tree import TreeResult
from kpiflow.formatting import format_value
from kpiflow.model.config import ModelFile
from kpiflow.model.ratios import is_throughput


@dataclass(frozen=True)
class Highlight:
    kind: str  # behind | on_track | better | worse | noise
    metric: str | None
    text: str


def tree_highlights(result: TreeResult, model: ModelFile, lang: str) -> list[Highlight]:
    """Targets missed first, then targets met, then significant changes (worse first), then the
    number of changes within noise."""
    ja = lang == "ja"
    out: list[Highlight] = []

    def show(metric: str, value: float | None) -> str:
        return format_value(value, model.metrics[metric].format, lang, model.currency)

    with_targets = [n for n in result.nodes if n.target is not None and n.value is not None]
    for n in sorted(with_targets, key=lambda n: n.status != "behind"):
        achieved = f"{n.value / n.target:.0%}" if n.target else "—"
        value, target = show(n.metric, n.value), show(n.metric, n.target)
        if n.status == "behind":
            text = (
                f"{n.label} {value}: 目標 {target} に対し {achieved}（未達）"
                if ja
                else f"{n.label} {value}: {achieved} of the {target} target (behind)"
            )
        else:
            text = (
                f"{n.label} {value}: 目標 {target} を達成（{achieved}）"
                if ja
                else f"{n.label} {value}: target {target} met ({achieved})"
            )
        out.append(Highlight(n.status or "on_track", n.metric, text))

    moved = [n for n in result.nodes if n.change is not None and n.change_significant]
    changes = []
    for n in moved:
        better = (n.change > 0) == model.metrics[n.metric].higher_is_better
        before, now = show(n.metric, n.last_year), show(n.metric, n.value)
        label = n.label
        if is_throughput(model, n.metric):
            # A ratio of period counts is a fact about flow, not a rate to raise: say which it is.
            label += "（期間比）" if ja else " (throughput ratio)"
        text = (
            f"{label} 前年比 {n.change:+.1%}（{before} → {now}、有意）"
            if ja
            else f"{label} {n.change:+.1%} on last year ({before} -> {now}, significant)"
        )
        changes.append(Highlight("better" if better else "worse", n.metric, text))
    out += sorted(changes, key=lambda h: h.kind != "worse")

    noise = [n for n in result.nodes if n.change is not None and n.change_significant is False]
    if noise:
        names = "、".join(n.label for n in noise) if ja else ", ".join(n.label for n in noise)
        text = (
            f"誤差の範囲の変化 {len(noise)} 件（{names}）: 偶然でも起こりうる差です"
            if ja
            else f"{len(noise)} change{'s' if len(noise) != 1 else ''} within noise ({names}): differences chance alone could make"
        )
        out.append(Highlight("noise", None, text))
    return out


TRUST_LOW = 0.95
"""Below this share of a KPI's value left by the rows trust found, the KPI is marked."""


def kpi_trust(ws: Any, period: str, lang: str, *, href: str) -> list[dict[str, str]]:
    """Beside the key point map (the dashboard's home, the report's first section): each of its
    KPIs that rows found by `kpiflow trust` in `period` move, with its value, its value without
    those rows and their number. A block: {title, href}, then rows of {status, text}."""
    from kpiflow.analysis.registry import analysis  # noqa: PLC0415  (analyses load when drawn)
    from kpiflow.analysis.tree import tree_order  # noqa: PLC0415
    from kpiflow.errors import KpiflowError  # noqa: PLC0415
    from kpiflow.model.periods import parse_period  # noqa: PLC0415

    try:
        kpis = analysis("trust").run(ws, period=period, lang=lang).table("kpis").records()
    except KpiflowError:
        return []
    model = ws.model
    order = {n: i for i, (n, _) in enumerate(tree_order(model))}
    moved = sorted((r for r in kpis if r["metric"] in order and r["findings"]), key=lambda r: order[r["metric"]])
    label = parse_period(period, model.fiscal_year_start).label(lang)
    title = {"ja": f"数字の信頼性（{label}）", "en": f"Can these numbers be trusted? ({label})"}
    out = [{"title": title["ja" if lang == "ja" else "en"], "href": href}]
    for r in moved:
        fmt = model.metrics[r["metric"]].format
        value, without = (format_value(v, fmt, lang, model.currency) for v in (r["value"], r["value_without"]))
        text = {
            "ja": f"{r['label']}: {value}、指摘の行を除くと {without}（指摘 {r['findings']} 件、信頼度 {r['trust']:.1%}）",
            "en": f"{r['label']}: {value}, {without} without the rows of {r['findings']} finding(s) (trust {r['trust']:.1%})",
        }
        out.append({"status": "behind" if r["trust"] < TRUST_LOW else "on_track", "text": text["ja" if lang == "ja" else "en"]})
    return out
