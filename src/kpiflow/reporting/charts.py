"""Plotly figures (as plain dicts) for the report and the dashboard, built from results' `to_dict()`.

The numbers come from the analyses; a figure only chooses how to draw them. Rates are drawn
with their 95% interval as error bars, so a bar that looks higher but whose interval overlaps
is visibly not a difference. Every figure is JSON data: the report inlines it, the dashboard
sends it in a ``<script type="application/json">`` block that a static script draws (no inline
script, so the dashboard's Content-Security-Policy holds).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from kpiflow.formatting import format_money_short
from kpiflow.reporting.headers import header
from kpiflow.reporting.words import Vocabulary

Figure = dict[str, Any]
Record = Mapping[str, Any]

ACCENT = "#2f6fb0"
GOOD = "#1b7f4b"
BAD = "#b3261e"
MUTED = "#9aa5b4"

WORDS = {
    "rate": {"ja": "率（95%区間）", "en": "Rate (95% interval)"},
    "interval": {"ja": "（95%区間）", "en": "(95% interval)"},
    "conversion": {"ja": "次のステージへの転換率", "en": "Conversion to the next stage"},
    "plan_gap": {
        "ja": "現在のペース（直近4四半期）に対する必要な増加",
        "en": "Needed on top of the current pace (last 4 quarters)",
    },
    "gain": {"ja": "改善時の売上増", "en": "Revenue gain if repaired"},
    "days": {"ja": "日数（中央値、25–75%）", "en": "Days (median, 25–75%)"},
    "significant": {"ja": "有意", "en": "significant"},
    "noise": {"ja": "誤差の範囲", "en": "within noise"},
    "untested": {"ja": "未検定", "en": "not tested"},
}


def _word(key: str, lang: str) -> str:
    return WORDS[key]["ja" if lang == "ja" else "en"]


def _noise(significant: bool | None, lang: str) -> str:
    return _word("untested" if significant is None else ("significant" if significant else "noise"), lang)


def _errors(records: Sequence[Record], value: str, low: str, high: str) -> dict[str, Any]:
    """Asymmetric error bars from interval bounds (0 where a bound is missing)."""

    def gap(r: Record, a: str, b: str) -> float:
        return (r[a] - r[b]) if r.get(a) is not None and r.get(b) is not None else 0.0

    return {
        "type": "data",
        "symmetric": False,
        "array": [gap(r, high, value) for r in records],
        "arrayminus": [gap(r, value, low) for r in records],
        "color": "#5f6b7a",
    }


def rate_bars(
    records: Sequence[Record],
    label: str,
    rate: str,
    lang: str,
    *,
    low: str | None = None,
    high: str | None = None,
    title: str | None = None,
    words: Vocabulary | None = None,
) -> Figure:
    """Horizontal bars of a rate per row with its Wilson interval, in the order given; the rows'
    `label` values are the model's labels when it has some (`words`)."""
    low, high = low or f"{rate}_ci_low", high or f"{rate}_ci_high"
    words = words or Vocabulary(lang)
    shown = [r for r in records if r.get(rate) is not None]
    return {
        "data": [
            {
                "type": "bar",
                "orientation": "h",
                "x": [r[rate] for r in shown],
                "y": [words.value(label, r[label]) for r in shown],
                "error_x": _errors(shown, rate, low, high),
                "marker": {"color": [MUTED if r.get("small_sample") or r.get(f"{rate}_small_sample") else ACCENT for r in shown]},
                "hovertemplate": "%{y}: %{x:.1%}<extra></extra>",
            }
        ],
        "layout": {
            "xaxis": {
                "tickformat": ".0%",
                "title": {"text": f"{title or header(rate, lang)} {_word('interval', lang)}"},
                "rangemode": "tozero",
            },
            "yaxis": {"autorange": "reversed", "automargin": True},
            "height": max(160, 70 + 30 * len(shown)),
        },
    }


def funnel_rates(steps: Sequence[Record], lang: str, words: Vocabulary | None = None) -> Figure:
    """Stage-to-stage conversion of `kpiflow funnel` (records with from_stage, to_stage, rate, ci_*)."""
    words = words or Vocabulary(lang)
    rows = [dict(s, step=words.pair(s["from_stage"], s["to_stage"])) for s in steps]
    return rate_bars(rows, "step", "rate", lang, low="ci_low", high="ci_high", title=_word("conversion", lang))


def bottleneck_gains(
    records: Sequence[Record], lang: str, dimensions: Sequence[str] = (), currency: str = "JPY", words: Vocabulary | None = None
) -> Figure:
    """Revenue each stage's repair is worth, with the range its interval gives (`kpiflow bottleneck`;
    `dimensions` are the record keys of its ``--by`` columns)."""
    words = words or Vocabulary(lang)
    shown = [r for r in records if r.get("revenue_gain") is not None][:12]
    labels = [_with_segment(r.get("label") or r["stage"], [words.segment(d, r.get(d)) for d in dimensions]) for r in shown]
    return {
        "data": [
            {
                "type": "bar",
                "orientation": "h",
                "x": [r["revenue_gain"] for r in shown],
                "y": labels,
                "error_x": _errors(shown, "revenue_gain", "gain_low", "gain_high"),
                "text": [format_money_short(r["revenue_gain"], lang, currency) for r in shown],
                "textposition": "inside",
                "insidetextanchor": "start",  # at the bar's root, clear of the error bar's whiskers
                "marker": {"color": [MUTED if r.get("small_sample") else BAD for r in shown]},
                "hoverinfo": "y+text",
            }
        ],
        "layout": {
            "xaxis": {
                "title": {"text": _word("gain", lang)},
                "rangemode": "tozero",
                **money_axis([r.get("gain_high") or r["revenue_gain"] for r in shown], lang, currency, count=5),
            },
            "yaxis": {"autorange": "reversed", "automargin": True},
            "height": max(220, 60 + 34 * len(shown)),
        },
    }


def _with_segment(text: str, segments: Sequence[str]) -> str:
    return f"{text} ({', '.join(segments)})" if segments else text


def journey_days(steps: Sequence[Record], lang: str, words: Vocabulary | None = None) -> Figure:
    """Median days from lead to each stage, with the quartiles (`kpiflow velocity`'s journey)."""
    words = words or Vocabulary(lang)
    rows = [s for s in steps if s.get("from_lead_median_days") is not None]
    return {
        "data": [
            {
                "type": "bar",
                "orientation": "h",
                "x": [s["from_lead_median_days"] for s in rows],
                "y": [f"→ {words.stage(s['to_stage'])}" for s in rows],
                "error_x": _errors(rows, "from_lead_median_days", "from_lead_p25_days", "from_lead_p75_days"),
                "marker": {"color": ACCENT},
                "hovertemplate": "%{y}: %{x:.0f}<extra></extra>",
            }
        ],
        "layout": {
            "xaxis": {"title": {"text": _word("days", lang)}, "rangemode": "tozero"},
            "yaxis": {"autorange": "reversed", "automargin": True},
            "height": max(220, 60 + 40 * len(rows)),
        },
    }


def waterfall(explained: Record, lang: str, money: bool = True, currency: str = "JPY") -> Figure:
    """From the first period's value, each leaf factor's exact contribution, to the second's (`kpiflow explain`)."""
    leaves = [f for f in explained["factors"] if f.get("leaf", True)]

    def show(value: float, signed: bool = True) -> str:
        text = format_money_short(value, lang, currency) if money else f"{value:,.4g}"
        return ("+" + text) if signed and value > 0 else text

    return {
        "data": [
            {
                "type": "waterfall",
                "orientation": "v",
                "measure": ["absolute", *["relative"] * len(leaves), "total"],
                # the factor's noise label sits under its name, so the bar keeps a short amount
                "x": [
                    explained["from"],
                    *[f"{f['label']}<br>({_noise(f.get('significant'), lang)})" for f in leaves],
                    explained["to"],
                ],
                "y": [explained["value_from"], *[f["contribution"] for f in leaves], explained["value_to"]],
                "text": [
                    show(explained["value_from"], False),
                    *[show(f["contribution"]) for f in leaves],
                    show(explained["value_to"], False),
                ],
                "textposition": "outside",
                "connector": {"line": {"color": MUTED}},
                "increasing": {"marker": {"color": GOOD}},
                "decreasing": {"marker": {"color": BAD}},
                "totals": {"marker": {"color": ACCENT}},
                "hoverinfo": "x+text",
            }
        ],
        "layout": {
            "height": 400,
            "showlegend": False,
            "uniformtext": {"minsize": 10, "mode": "show"},
            "yaxis": {"automargin": True, **(money_axis(_waterfall_levels(explained, leaves), lang, currency) if money else {})},
            "xaxis": {"automargin": True},
        },
    }


def _waterfall_levels(explained: Record, leaves: Sequence[Record]) -> list[float]:
    levels, running = [0.0, explained["value_from"]], explained["value_from"]
    for f in leaves:
        running += f["contribution"]
        levels.append(running)
    return [*levels, explained["value_to"]]


def money_axis(values: Sequence[float], lang: str, currency: str = "JPY", count: int = 6) -> dict[str, Any]:
    """Tick positions at round numbers labelled as money (1.2億円 in Japanese), instead of Plotly's 1.2B."""
    low, high = min([0.0, *values]), max([0.0, *values])  # bars start at zero
    if high == low:
        return {}
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.floor(low / step) * step
    ticks = [first + i * step for i in range(int((high - first) / step) + 2)]
    return {"tickvals": ticks, "ticktext": [format_money_short(t, lang, currency) for t in ticks]}


def sankey(paths: Record, words: Vocabulary | None = None) -> Figure | None:
    """The top paths into the outcome (`kpiflow patterns`' ``paths``), its steps in `words`; None
    when there are none."""
    links = paths.get("links") or []
    if not links:
        return None
    words = words or Vocabulary("en")
    nodes = list(paths["nodes"])
    index = {name: i for i, name in enumerate(nodes)}
    return {
        "data": [
            {
                "type": "sankey",
                "node": {"label": [words.code(n) for n in nodes], "pad": 12, "color": [GOOD if n == paths.get("outcome") else ACCENT for n in nodes]},
                "link": {
                    "source": [index[link["source"]] for link in links],
                    "target": [index[link["target"]] for link in links],
                    "value": [link["value"] for link in links],
                },
            }
        ],
        "layout": {"height": 440},
    }


def plan_gaps(nodes: Sequence[Record], lang: str) -> Figure:
    """How much more of each volume the plan needs than the current pace (`kpiflow plan`):
    required / history - 1 per volume of the tree, top to bottom."""
    rows = [n for n in nodes if n.get("role") == "volume" and n.get("history") and n.get("required") is not None]
    gaps = [n["required"] / n["history"] - 1 for n in rows]
    return {
        "data": [
            {
                "type": "bar",
                "orientation": "h",
                "x": gaps,
                "y": [n.get("label") or n["metric"] for n in rows],
                "marker": {"color": [BAD if g > 0 else GOOD for g in gaps]},
                "text": [f"{g:+.1%}" for g in gaps],
                "textposition": "auto",
                "hoverinfo": "y+text",
            }
        ],
        "layout": {
            "xaxis": {"tickformat": "+.0%", "title": {"text": _word("plan_gap", lang)}, "zeroline": True},
            "yaxis": {"autorange": "reversed", "automargin": True},
            "height": max(180, 70 + 30 * len(rows)),
        },
    }
