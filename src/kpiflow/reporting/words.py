"""The words people read for the codes kpiflow's results hold as values, in Japanese and English.

Results keep codes (``behind``, ``closed_before_created``, ``page_view:pricing``, ``lead``) so
that scripts reading the JSON twin can rely on them; every face that shows them to people (the
terminal, the report, the workbook, the dashboard) words them here, so that a code reads the same
everywhere. Column headers are `kpiflow.reporting.headers`; this module is for the values.

A workspace can name its own values in kpiflow.yaml (``labels: {channel: {ads: 広告}}``): a
`Vocabulary` carries those labels with the model's metric names, and faces ask it rather than
the bare tables below. A code without a word is shown as itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from kpiflow.reporting.headers import STAGES, header, known_keys

Entry = dict[str, str]

STATUSES: dict[str, Entry] = {  # a tree node against its target
    "ahead": {"ja": "先行", "en": "Ahead"},  # trend's pacing: better than the target beyond noise
    "on_track": {"ja": "達成見込み", "en": "On track"},
    "behind": {"ja": "未達", "en": "Behind"},
}
SEVERITIES: dict[str, Entry] = {  # a data check's finding
    "violation": {"ja": "違反", "en": "Violation"},
    "warning": {"ja": "注意", "en": "Warning"},
}
FINDINGS: dict[str, Entry] = {  # the kinds of a data check's findings (kpiflow.analysis.check)
    "required_null": {"ja": "必須列の空欄", "en": "Empty required cell"},
    "duplicate_key": {"ja": "キーの重複", "en": "Duplicate key"},
    "orphan": {"ja": "参照先のない行", "en": "Missing reference"},
    "not_allowed": {"ja": "許可されていない値", "en": "Value not allowed"},
    "unknown_value": {"ja": "語彙にない値", "en": "Value outside the vocabulary"},
    "closed_before_created": {"ja": "作成日より前のクローズ", "en": "Closed before created"},
    "stage_order": {"ja": "ステージ順序の逆転", "en": "Stages out of order"},
    "future": {"ja": "未来の日付", "en": "Date in the future"},
    "month_end_burst": {"ja": "月末への集中", "en": "Month-end burst"},
    # kpiflow trust's findings (issue 22)
    "period_end_burst": {"ja": "期末への集中", "en": "Period-end burst"},
    "round_amount": {"ja": "きりのよい金額", "en": "Round amounts"},
    "back_dated": {"ja": "遡った日付", "en": "Back-dated"},
    "stage_skip": {"ja": "ステージの飛ばし", "en": "Stage skipped"},
    "bulk": {"ja": "一括更新", "en": "Bulk update"},
    "missing": {"ja": "欠損", "en": "Missing value"},
    "invalid": {"ja": "不正な値", "en": "Invalid value"},
    "duplicate": {"ja": "重複", "en": "Duplicate"},
}
VERDICTS: dict[str, Entry] = {  # a hypothesis's verdict and its expected direction (issue 22)
    "supported": {"ja": "支持", "en": "Supported"},
    "refuted": {"ja": "棄却", "en": "Refuted"},
    "inconclusive": {"ja": "判定保留", "en": "Inconclusive"},
    "up": {"ja": "上がる", "en": "Up"},
    "down": {"ja": "下がる", "en": "Down"},
}
BASES: dict[str, Entry] = {  # how a funnel or a bottleneck counts
    "cohort": {"ja": "コホート", "en": "Cohort"},
    "period": {"ja": "期間", "en": "Period"},
}
REFERENCES: dict[str, Entry] = {  # where a bottleneck's reference rate comes from
    "target": {"ja": "目標", "en": "Target"},
    "best-period": {"ja": "最良四半期", "en": "Best quarter"},
    "best-segment": {"ja": "最良セグメント", "en": "Best segment"},
}
PLAN_SOURCES: dict[str, Entry] = {  # where a plan's number comes from
    "target": {"ja": "目標", "en": "Target"},
    "derived": {"ja": "逆算", "en": "Derived"},
    "history": {"ja": "実績", "en": "History"},
    "override": {"ja": "指定", "en": "Override"},
}
ROLES: dict[str, Entry] = {  # a plan node
    "volume": {"ja": "件数", "en": "Volume"},
    "rate": {"ja": "率", "en": "Rate"},
}
RATIO_KINDS: dict[str, Entry] = {
    "conversion": {"ja": "転換率", "en": "Conversion rate"},
    "throughput": {"ja": "期間比", "en": "Throughput ratio"},
}
ENTITIES: dict[str, Entry] = {  # what moves through stages, and whom patterns count
    "contact": {"ja": "コンタクト", "en": "Contact"},
    "deal": {"ja": "取引", "en": "Deal"},
    "account": {"ja": "企業", "en": "Account"},
    "anonymous": {"ja": "匿名の訪問者", "en": "Anonymous visitor"},
}
MOVES: dict[str, Entry] = {  # a velocity row: to the next stage, or over some
    "step": {"ja": "次のステージへ", "en": "To the next stage"},
    "skip": {"ja": "飛び越し", "en": "Skipped stages"},
    "total": {"ja": "リードから受注まで", "en": "Lead to won"},
}
COMPARISONS: dict[str, Entry] = {  # what a blueprint check compares
    "pattern_frequency": {"ja": "出現率", "en": "Pattern frequency"},
    "pattern_confidence": {"ja": "到達率", "en": "Pattern confidence"},
    "kpi": {"ja": "KPI", "en": "KPI"},
}
TESTS: dict[str, Entry] = {  # the test behind a change's p-value
    "two_proportion": {"ja": "二項比率の差の検定", "en": "Two-proportion test"},
    "compound_poisson": {"ja": "複合ポアソン検定", "en": "Compound Poisson test"},
    "poisson_rate": {"ja": "ポアソン率の検定", "en": "Poisson rate test"},
    "poisson_rate_normal": {"ja": "ポアソン率の検定（正規近似）", "en": "Poisson rate test (normal approximation)"},
    "welch_t": {"ja": "ウェルチのt検定", "en": "Welch's t-test"},
    "count_ratio": {"ja": "件数比の検定", "en": "Count ratio test"},
}
METRIC_KINDS: dict[str, Entry] = {  # how a metric is computed (the dictionary)
    "count": {"ja": "件数", "en": "Count"},
    "count_distinct": {"ja": "ユニーク件数", "en": "Distinct count"},
    "sum": {"ja": "合計", "en": "Sum"},
    "ratio": {"ja": "比率", "en": "Ratio"},
    "formula": {"ja": "計算式", "en": "Formula"},
}
FORMATS: dict[str, Entry] = {  # how a metric is shown (the dictionary)
    "money": {"ja": "金額", "en": "Money"},
    "percent": {"ja": "割合", "en": "Percent"},
}
TOUCHES: dict[str, Entry] = {  # the data contract's touchpoint types (kpiflow.model.schema.TOUCHPOINT_TYPES)
    "page_view": {"ja": "ページ閲覧", "en": "Page view"},
    "download": {"ja": "資料ダウンロード", "en": "Download"},
    "form_submit": {"ja": "フォーム送信", "en": "Form submission"},
    "inquiry": {"ja": "問い合わせ", "en": "Inquiry"},
    "email_open": {"ja": "メール開封", "en": "Email open"},
    "email_click": {"ja": "メールのクリック", "en": "Email click"},
    "seminar_attend": {"ja": "セミナー参加", "en": "Seminar attendance"},
    "booth_visit": {"ja": "ブース立ち寄り", "en": "Booth visit"},
    "demo": {"ja": "デモ体験", "en": "Demo"},
    "badge_scan": {"ja": "バッジ・名刺スキャン", "en": "Badge scan"},
    "meeting": {"ja": "面談", "en": "Meeting"},
    "call": {"ja": "電話", "en": "Call"},
    "chat": {"ja": "チャット", "en": "Chat"},
    "other": {"ja": "その他", "en": "Other"},
}
CONTENT_TYPES: dict[str, Entry] = {  # common content types (the contract leaves them open; labels: can add more)
    "top": {"ja": "トップページ", "en": "Top page"},
    "company": {"ja": "会社情報", "en": "Company"},
    "form": {"ja": "フォーム", "en": "Form"},
    "product": {"ja": "製品", "en": "Product"},
    "pricing": {"ja": "料金", "en": "Pricing"},
    "case_study": {"ja": "導入事例", "en": "Case study"},
    "spec_sheet": {"ja": "仕様書", "en": "Spec sheet"},
    "cad_download": {"ja": "CADデータ", "en": "CAD data"},
    "whitepaper": {"ja": "ホワイトペーパー", "en": "White paper"},
    "webinar": {"ja": "ウェビナー", "en": "Webinar"},
    "blog": {"ja": "ブログ", "en": "Blog"},
    "news": {"ja": "ニュース", "en": "News"},
    "newsletter": {"ja": "メールマガジン", "en": "Newsletter"},
    "catalog": {"ja": "カタログ", "en": "Catalogue"},
    "video": {"ja": "動画", "en": "Video"},
}
OUTCOMES: dict[str, Entry] = {
    "won": {"ja": "受注", "en": "Won"},
}
SCENARIOS: dict[str, Entry] = {  # a plan's scenario that the user did not name
    "base": {"ja": "基本", "en": "Base"},
}
BRAND_SIGNALS: dict[str, Entry] = {  # brand_signals' kinds, surveys' awareness and the pipeline they are set against
    "awareness": {"ja": "認知率", "en": "Awareness"},
    "branded_search": {"ja": "指名検索", "en": "Branded search"},
    "mention": {"ja": "言及", "en": "Mentions"},
    "review": {"ja": "レビュー評価", "en": "Review rating"},
    "media": {"ja": "メディア掲載", "en": "Media coverage"},
    "leads": {"ja": "リード数", "en": "Leads"},
    "opportunities": {"ja": "商談数", "en": "Opportunities"},
}

GROUPS: dict[str, dict[str, Entry]] = {
    "status": STATUSES,
    "severity": SEVERITIES,
    "finding": FINDINGS,
    "basis": BASES,
    "reference_source": REFERENCES,
    "plan_source": PLAN_SOURCES,
    "role": ROLES,
    "ratio_kind": RATIO_KINDS,
    "entity": ENTITIES,
    "move": MOVES,
    "comparison": COMPARISONS,
    "test": TESTS,
    "metric_kind": METRIC_KINDS,
    "format": FORMATS,
    "touch": TOUCHES,
    "content_type": CONTENT_TYPES,
    "stage": STAGES,
    "outcome": OUTCOMES,
    "scenario": SCENARIOS,
    "brand_signal": BRAND_SIGNALS,
    "verdict": VERDICTS,
}
"""Every worded code by what it names. A code in two groups (``target``, ``contact``) has the same
words in both (a test checks), so one flat lookup serves every face."""

WORDS: dict[str, Entry] = {code: entry for group in GROUPS.values() for code, entry in group.items()}

REACHED = {"ja": "{}に到達", "en": "Reached {}"}
_NUMBERED = re.compile(r"^(\d+\. )(.*)$")  # a step's position in a path (Sankey nodes: "1. page_view:pricing")


def _lang(lang: str) -> str:
    return "ja" if lang == "ja" else "en"


def word(code: str, lang: str) -> str:
    """The word for a code in `lang` (``behind`` -> 未達 / Behind); touch steps, stage outcomes and
    stage pairs word their parts (``page_view:pricing`` -> ページ閲覧: 料金, ``lead → mql`` -> リード → MQL).
    A code without a word is shown as itself."""
    return Vocabulary(lang).code(code)


# Where a result's column holds a code of a group (the dashboard and the workbook word them by column).
CODE_COLUMNS: dict[str, str] = {
    "status": "status",
    "severity": "severity",
    "basis": "basis",
    "reference_source": "reference_source",
    "ratio_kind": "ratio_kind",
    "role": "role",
    "entity": "entity",
    "unit": "entity",
    "test": "test",
    "change_test": "test",
    "format": "format",
    "scenario": "scenario",
    "verdict": "verdict",
    "recorded": "verdict",
    "expect": "verdict",
}
STAGE_COLUMNS = ("from_stage", "to_stage", "stage_from", "stage_to", "current_stage", "stage", "recycle_stage")
STEP_COLUMNS = ("pattern", "path", "nodes")  # touch steps, alone or in sequence
METRIC_COLUMNS = ("factor", "factors", "parent", "top_metric", "target_metric")  # metric ids where no label column is beside them


@dataclass(frozen=True)
class Vocabulary:
    """The words of one face in one language: the tables above, the model's labels for dimension
    values and stages (kpiflow.yaml's ``labels:``) and its metrics' names."""

    lang: str
    labels: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # dimension or "stage" -> value -> Label
    metrics: Mapping[str, Any] = field(default_factory=dict)  # metric id -> Metric (its .label)

    def _entry(self, entry: Mapping[str, str]) -> str:
        return entry[_lang(self.lang)]

    def _label(self, kind: str, value: object) -> str | None:
        label = self.labels.get(kind, {}).get(str(value)) if value is not None else None
        return label.text(self.lang, str(value)) if label is not None else None

    def code(self, code: object) -> str:
        if not isinstance(code, str):
            return "" if code is None else str(code)
        numbered = _NUMBERED.match(code)
        if numbered:
            return numbered.group(1) + self.code(numbered.group(2))
        if code in WORDS:
            return self.stage(code) if code in STAGES else self._entry(WORDS[code])
        for arrow in (" → ", " -> "):  # a stage pair, or a pattern as a blueprint names it
            if arrow in code:
                return " → ".join(self.code(part) for part in code.split(arrow))
        if code.startswith("stage:"):
            return REACHED[_lang(self.lang)].format(self.stage(code[len("stage:") :]))
        kind, colon, content = code.partition(":")
        if colon and kind in TOUCHES:
            return f"{self.code(kind)}: {self.value('content_type', content)}"
        return code

    def stage(self, stage: object) -> str:
        """A CRM stage as people say it: kpiflow.yaml's label, else リード / Lead, else itself."""
        labelled = self._label("stage", stage)
        if labelled is not None:
            return labelled
        entry = STAGES.get(stage) if isinstance(stage, str) else None
        return self._entry(entry) if entry else ("" if stage is None else str(stage))

    def is_stage(self, value: object) -> bool:
        return isinstance(value, str) and (value in STAGES or value in self.labels.get("stage", {}))

    def pair(self, from_stage: str, to_stage: str) -> str:
        return f"{self.stage(from_stage)} → {self.stage(to_stage)}"

    def any_value(self, value: str) -> str:
        """A value kpiflow.yaml labels under any dimension (a chart's category whose dimension it does
        not name), else the value itself."""
        for kind in self.labels:
            labelled = self._label(kind, value)
            if labelled is not None:
                return labelled
        return value

    def value(self, dimension: str | None, value: object) -> str:
        """A value of a dimension (a channel, an industry): kpiflow.yaml's label, else itself (content
        types and touch types have words of their own)."""
        if value is None:
            return ""
        labelled = self._label(dimension, value) if dimension else None
        if labelled is not None:
            return labelled
        if dimension in ("content_type", "type") and str(value) in WORDS:
            return self._entry(WORDS[str(value)])
        return str(value)

    def steps(self, steps: Iterable[str]) -> str:
        return " → ".join(self.code(s) for s in steps)

    def segment(self, dimension: str, value: object, sep: str = "=") -> str:
        """``channel=ads`` as people read it: チャネル=広告."""
        return f"{self.dimension(dimension)}{sep}{self.value(dimension, value)}"

    def dimension(self, name: str) -> str:
        return self.header(name)

    def header(self, key: str) -> str:
        """A result column's header (kpiflow.reporting.headers): one name per column on every face."""
        return header(key, _lang(self.lang))

    def metric(self, name: object) -> str:
        metric = self.metrics.get(name) if isinstance(name, str) else None
        return metric.label.text(self.lang, name) if metric is not None else ("" if name is None else str(name))

    def cell(self, column: str, value: object, row: Mapping[str, object] | None = None) -> object:
        """A result's cell as people read it when its column holds codes, dimension values, stages
        or steps; any other value unchanged (numbers are the formatters' business)."""
        row = row or {}
        if isinstance(value, bool) or isinstance(value, (int, float)):
            return value
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            if column in STEP_COLUMNS or column == "steps":
                return [self.code(v) for v in value]
            if column in ("stages",):
                return [self.stage(v) for v in value]
            if column in METRIC_COLUMNS:
                return [self.metric(v) for v in value]
            if column in ("dimensions",):
                return [self.dimension(v) for v in value]
            if column == "sales_touch_types":
                return [self.code(v) for v in value]
            return value
        if not isinstance(value, str):
            return value
        if column in CODE_COLUMNS:
            return self.code(value)
        if column in STAGE_COLUMNS:
            return self.stage(value) if self.is_stage(value) else value
        if column in STEP_COLUMNS or (column in ("outcome", "source", "target") and (":" in value or value in WORDS)):
            return self.code(value)
        if column == "kind" and value in WORDS:
            return self.code(value)
        if column in METRIC_COLUMNS:
            return self.metric(value)
        if column in ("by", "dimension") and value in known_keys():
            return self.dimension(value)
        if column in ("key", "value") and isinstance(row.get("dimension"), str):  # a segment's value beside its dimension
            return self.value(row["dimension"], value)
        if column == "key" and isinstance(row.get("by"), str):
            return self.value(row["by"], value)
        if column in self.labels or column in ("content_type", "type"):
            return self.value(column, value)
        return value


def vocabulary(model: Any, lang: str) -> Vocabulary:
    """The words of a workspace's model in `lang`: its labels and its metric names."""
    if model is None:
        return Vocabulary(lang)
    return Vocabulary(lang, getattr(model, "labels", None) or {}, getattr(model, "metrics", None) or {})
