"""`kpiflow dictionary`: every metric's label, written definition, extraction condition and SQL.

The dictionary is what sales and marketing review together: the agreement in words beside the
exact query that counts it, so that the two can never silently differ.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass

from sqlglot import exp

from kpiflow.analysis.result import Described
from kpiflow.engine.metric_sql import base_queries
from kpiflow.model.config import ModelFile
from kpiflow.model.semantic import source_of

# Bounds rendered as named parameters in the dictionary's SQL.
_START, _END = dt.datetime(1900, 1, 1), dt.datetime(1900, 1, 2)


@dataclass(frozen=True)
class DictionaryEntry:
    metric: str
    label: str
    definition: str | None
    kind: str
    source: str
    where: str | None
    time: str | None
    unit: str | None
    owner: str | None
    higher_is_better: bool
    format: str | None
    sql: str


@dataclass(frozen=True)
class Dictionary(Described):
    entries: list[DictionaryEntry]
    lang: str

    ANALYSIS = "dictionary"
    MAIN = "metrics"
    KINDS = {"owner": "text"}
    TITLES = {"metrics": {"ja": "指標辞書", "en": "Metric dictionary"}}

    def params(self) -> dict[str, object]:
        return {"lang": self.lang}

    def to_json_data(self) -> list[dict[str, object]]:
        return [asdict(e) for e in self.entries]

    def to_markdown(self) -> str:
        ja = self.lang == "ja"
        lines = ["# " + ("指標定義書" if ja else "Metric dictionary"), ""]
        heads = (
            ("定義", "種類", "対象", "抽出条件", "期間の基準", "単位", "責任者", "SQL")
            if ja
            else ("Definition", "Kind", "Source", "Extraction condition", "Time", "Unit", "Owner", "SQL")
        )
        for e in self.entries:
            lines += [f"## {e.label} (`{e.metric}`)", ""]
            lines.append(f"- **{heads[0]}**: {e.definition or '—'}")
            lines.append(f"- **{heads[1]}**: {e.kind}")
            lines.append(f"- **{heads[2]}**: `{e.source}`")
            lines.append(f"- **{heads[3]}**: " + (f"`{e.where}`" if e.where else "—"))
            lines.append(f"- **{heads[4]}**: " + (f"`{e.time}`" if e.time else "—"))
            lines.append(f"- **{heads[5]}**: {e.unit or '—'}")
            lines.append(f"- **{heads[6]}**: {e.owner or '—'}")
            lines += ["", f"{heads[7]}:", "", "```sql", e.sql, "```", ""]
        return "\n".join(lines)


def _parametrise(query: exp.Expression) -> exp.Expression:
    def swap(node: exp.Expression) -> exp.Expression:
        if isinstance(node, exp.Cast) and isinstance(node.this, exp.Literal) and node.this.name.startswith("1900-01-0"):
            return exp.Placeholder(this="period_start" if node.this.name.startswith("1900-01-01") else "period_end")
        return node

    return query.transform(swap)


def dictionary(model: ModelFile, columns: Mapping[str, Sequence[str]], lang: str = "en", *, dialect: str) -> Dictionary:
    """Every metric's entry, with its SQL in `dialect`: the engine's (`Engine.dialect`), so
    that the query shown is the query that runs."""
    entries = []
    for name, metric in model.metrics.items():
        source = source_of(name, metric)
        if source is not None:
            [scan] = base_queries(model, [name], kind="quarter", start=_START, end=_END, columns=columns)
            sql = _parametrise(scan.query).sql(dialect=dialect, pretty=True)
            where_from = f"{metric.kind}: {metric.count or metric.count_distinct or metric.sum}"
            time = source.time
        elif metric.ratio:
            sql = f"-- {metric.ratio[0]} / {metric.ratio[1]}, both summed over the same group (never an average of ratios)"
            where_from, time = f"ratio: {metric.ratio[0]} / {metric.ratio[1]}", None
        else:
            sql = f"-- {metric.formula}"
            where_from, time = f"formula: {metric.formula}", None
        entries.append(
            DictionaryEntry(
                name,
                metric.label.text(lang, name),
                metric.definition,
                metric.kind,
                where_from,
                metric.where,
                time,
                metric.unit,
                metric.owner,
                metric.higher_is_better,
                metric.format,
                sql,
            )
        )
    return Dictionary(entries, lang)
