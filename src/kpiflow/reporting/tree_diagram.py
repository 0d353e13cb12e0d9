"""The key point map drawn: the KPI tree as an SVG diagram, the same in the report and the dashboard.

Each node is a card with the metric's label, its value, its target and status, and its change
against the same period last year (marked when it is within noise or untested). Factors hang
below their parent joined by a "×", so ``revenue = won_deals × avg_deal_size`` reads top-down.

Layout: rows are depths; a parent's first factor sits under it and the others take the next free
columns of their row, so the usual chain of volumes (revenue -> won deals -> ... -> leads) runs
down the first column with the rates beside it: a narrow diagram that fits an A4 page.

The SVG uses presentation attributes only (no ``style=``), so it renders under the dashboard's
Content-Security-Policy; every text from the data is escaped.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from kpiflow.analysis.tree import TreeNode, TreeResult
from kpiflow.formatting import format_value
from kpiflow.model.config import ModelFile

CARD_WIDTH = 236
CARD_HEIGHT = 96
GAP_X = 36
GAP_Y = 40
MARGIN = 8
LABEL_EM = 14  # label font size, px: about 15 full-width characters fit on a card

COLOURS = {"on_track": "#1b7f4b", "behind": "#b3261e", None: "#9aa5b4"}
WORDS = {
    "target": {"ja": "目標", "en": "Target"},
    "no_target": {"ja": "目標なし", "en": "no target"},
    "on_track": {"ja": "達成", "en": "on track"},
    "behind": {"ja": "未達", "en": "behind"},
    "last_year": {"ja": "前年比", "en": "vs LY"},
    "noise": {"ja": "誤差の範囲", "en": "within noise"},
    "untested": {"ja": "未検定", "en": "not tested"},
    "significant": {"ja": "有意", "en": "significant"},
    "small": {"ja": "少数", "en": "small n"},
    "caption": {
        "ja": "キーポイントマップ: 各指標は下の要因の積です。前年比は同じ期間の前年との比較（灰色は誤差の範囲・未検定）",
        "en": "Key point map: each KPI is the product of the factors below it. Change is against the same period last year "
        "(grey: within noise or not tested)",
    },
}


@dataclass(frozen=True)
class Placed:
    node: TreeNode
    row: int
    column: int

    @property
    def x(self) -> int:
        return MARGIN + self.column * (CARD_WIDTH + GAP_X)

    @property
    def y(self) -> int:
        return MARGIN + self.row * (CARD_HEIGHT + GAP_Y)


def layout(result: TreeResult) -> list[Placed]:
    """Rows by depth; a first factor under its parent, further factors in the next free column."""
    by_metric = {n.metric: n for n in result.nodes}
    children = {n.metric: [f for f in n.factors if f in by_metric] for n in result.nodes}
    factor_of = {f for fs in children.values() for f in fs}
    roots = [n.metric for n in result.nodes if n.metric not in factor_of]
    next_free: dict[int, int] = {}
    placed: dict[str, Placed] = {}

    def place(metric: str, row: int, wanted: int) -> None:
        if metric in placed:
            return
        column = max(wanted, next_free.get(row, 0))
        next_free[row] = column + 1
        placed[metric] = Placed(by_metric[metric], row, column)
        for index, factor in enumerate(children[metric]):
            place(factor, row + 1, column + index)

    for root in roots:
        place(root, 0, max(next_free.values(), default=0))
    return sorted(placed.values(), key=lambda p: (p.row, p.column))


def _width(text: str) -> float:
    """Rendered width in ems: full-width characters count 1, others about 0.58."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.58 for ch in text)


def _fit(text: str, ems: float) -> str:
    if _width(text) <= ems:
        return text
    out = ""
    for ch in text:
        if _width(out + ch + "…") > ems:
            break
        out += ch
    return out + "…"


def _change_text(node: TreeNode, model: ModelFile, lang: str) -> tuple[str, str]:
    """The change against last year and its colour: coloured only when it exceeds noise."""
    if node.change is None:
        return f"{WORDS['last_year'][lang]} —", "#5f6b7a"
    shown = round(node.change, 3) + 0.0  # as printed to 0.1%; + 0.0 turns -0.0 into 0.0
    arrow = "▲" if shown > 0 else ("▼" if shown < 0 else "→")
    text = f"{WORDS['last_year'][lang]} {arrow}{shown:+.1%}"
    significant = getattr(node, "change_significant", None)
    if significant is None:
        return f"{text} ({WORDS['untested'][lang]})", "#5f6b7a"
    if not significant:
        return f"{text} ({WORDS['noise'][lang]})", "#5f6b7a"
    better = (node.change > 0) == model.metrics[node.metric].higher_is_better
    return f"{text} ({WORDS['significant'][lang]})", "#1b7f4b" if better else "#b3261e"


def tree_svg(
    result: TreeResult,
    model: ModelFile,
    lang: str,
    href: Callable[[str], str | None] | None = None,
    currency: str | None = None,
) -> str:
    """The diagram as an ``<svg>`` element; ``href(metric)`` makes a card a link (None: no link)."""
    cells = layout(result)
    if not cells:
        return ""
    currency = currency or model.currency
    where = {c.node.metric: c for c in cells}
    width = MARGIN * 2 + (max(c.column for c in cells) + 1) * (CARD_WIDTH + GAP_X) - GAP_X
    height = MARGIN * 2 + (max(c.row for c in cells) + 1) * (CARD_HEIGHT + GAP_Y) - GAP_Y
    parts = [
        f'<svg class="kpi-tree" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-label="{escape(WORDS["caption"][lang])}" '
        f'font-family="Noto Sans CJK JP, Hiragino Sans, Yu Gothic, Meiryo, sans-serif">'
    ]
    # Connectors first, so cards sit on top of them.
    for cell in cells:
        factors = [where[f] for f in cell.node.factors if f in where]
        if not factors:
            continue
        top = cell.x + CARD_WIDTH // 2
        bus = cell.y + CARD_HEIGHT + GAP_Y // 2
        right = max(f.x for f in factors) + CARD_WIDTH // 2
        parts.append(
            f'<path d="M{top} {cell.y + CARD_HEIGHT} V{bus} H{right}" fill="none" stroke="#9aa5b4" stroke-width="1.5"/>'
        )
        for f in factors:
            centre = f.x + CARD_WIDTH // 2
            parts.append(f'<path d="M{centre} {bus} V{f.y}" fill="none" stroke="#9aa5b4" stroke-width="1.5"/>')
        for left, right_card in zip(factors, factors[1:], strict=False):
            mid = (left.x + CARD_WIDTH // 2 + right_card.x + CARD_WIDTH // 2) // 2
            parts.append(
                f'<circle cx="{mid}" cy="{bus}" r="9" fill="#ffffff" stroke="#9aa5b4"/>'
                f'<text x="{mid}" y="{bus + 5}" text-anchor="middle" font-size="14" fill="#5f6b7a">×</text>'
            )
    for cell in cells:
        parts.append(_card(cell, model, lang, currency, href(cell.node.metric) if href else None))
    parts.append("</svg>")
    return "".join(parts)


def _card(cell: Placed, model: ModelFile, lang: str, currency: str, link: str | None) -> str:
    node, x, y = cell.node, cell.x, cell.y
    fmt = model.metrics[node.metric].format
    colour = COLOURS.get(node.status, COLOURS[None])
    value = format_value(node.value, fmt, lang, currency)
    if node.small_sample:
        value += " ⚠"
    if node.target is not None:
        status = WORDS[node.status][lang] if node.status else ""
        target = f"{WORDS['target'][lang]} {format_value(node.target, fmt, lang, currency)} {status}".strip()
    else:
        target = WORDS["no_target"][lang]
    change, change_colour = _change_text(node, model, lang)
    title = f"{node.label} ({node.metric}): {value}; {target}; {change}"
    body = (
        f'<g class="kpi-node" data-metric="{escape(node.metric)}">'
        f"<title>{escape(title)}</title>"
        f'<rect x="{x}" y="{y}" width="{CARD_WIDTH}" height="{CARD_HEIGHT}" rx="6" fill="#ffffff" stroke="{colour}" '
        f'stroke-width="{2.5 if node.status else 1.2}"/>'
        f'<rect x="{x}" y="{y}" width="6" height="{CARD_HEIGHT}" rx="3" fill="{colour}"/>'
        f'<text x="{x + 14}" y="{y + 20}" font-size="{LABEL_EM}" font-weight="700" fill="#1d2733">'
        f"{escape(_fit(node.label, (CARD_WIDTH - 24) / LABEL_EM))}</text>"
        f'<text x="{x + 14}" y="{y + 46}" font-size="21" font-weight="700" fill="#1d2733">{escape(value)}</text>'
        f'<text x="{x + 14}" y="{y + 66}" font-size="11.5" fill="{colour if node.status else "#5f6b7a"}">'
        f"{escape(_fit(target, (CARD_WIDTH - 24) / 11.5))}</text>"
        f'<text x="{x + 14}" y="{y + 84}" font-size="11.5" fill="{change_colour}">'
        f"{escape(_fit(change, (CARD_WIDTH - 24) / 11.5))}</text>"
        "</g>"
    )
    return f'<a href="{escape(link)}">{body}</a>' if link else body


def caption(lang: str) -> str:
    return WORDS["caption"][lang]
