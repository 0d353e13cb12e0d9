"""The model file `kpiflow.yaml`: Pydantic models and loading with YAML positions."""

from __future__ import annotations

import dataclasses
import functools
import re
from importlib import resources
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from kpiflow.errors import (
    ModelError,
    UnknownNameError,
    did_you_mean,
    hint_or_expected,
    kind_name,
    message_of,
    suggest,
)
from kpiflow.messages import say
from kpiflow.model import yamlfile
from kpiflow.model.schema import TABLES
from kpiflow.model.targets import TargetError, check_profile, parse_key

MODEL_FILE = "kpiflow.yaml"
METRIC_KINDS = ("count", "count_distinct", "sum", "ratio", "formula")
RATIO_KINDS = ("conversion", "throughput")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Label(_Strict):
    ja: str | None = None
    en: str | None = None

    def text(self, lang: str, fallback: str) -> str:
        first, second = (self.ja, self.en) if lang == "ja" else (self.en, self.ja)
        return first or second or fallback


class Metric(_Strict):
    label: Label = Label()
    definition: str | None = None
    count: str | None = None
    count_distinct: str | None = None
    sum: str | None = None
    ratio: tuple[str, str] | None = None
    formula: str | None = None
    where: str | None = None
    time: str | None = None
    unit: str | None = None
    owner: str | None = None
    higher_is_better: bool = True
    format: str | None = None
    # conversion: a proportion of entities (0-1, a rate to improve); throughput: a ratio of
    # period counts that may pass 100%. Unset: inferred from the two metrics (kpiflow.model.ratios).
    ratio_kind: Literal["conversion", "throughput"] | None = None
    # How long an entity of the denominator has to reach the numerator in the cohort
    # conversion rate of this ratio (bottleneck, plan sensitivity), e.g. "90d".
    window: str | None = None

    @field_validator("label", mode="before")
    @classmethod
    def _label_from_text(cls, value: object) -> object:
        return {"ja": value, "en": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _one_kind(self) -> Metric:
        kinds = [k for k in METRIC_KINDS if getattr(self, k) is not None]
        if len(kinds) != 1:
            found = ", ".join(kinds)
            raise ModelError.worded(
                lambda lang: say("model.one_kind", lang, kinds=", ".join(METRIC_KINDS), found=say("model.found", lang, kinds=found) if found else "")
            )
        return self

    @model_validator(mode="after")
    def _ratio_options(self) -> Metric:
        if self.ratio is None and (self.ratio_kind is not None or self.window is not None):
            raise ModelError.worded(lambda lang: say("model.ratio_options", lang))
        if self.window is not None and not re.fullmatch(r"\s*\d+(\.\d+)?\s*d\s*", self.window):
            window = repr(self.window)
            raise ModelError.worded(lambda lang: say("model.window", lang, window=window))
        return self

    @property
    def window_days(self) -> float | None:
        return float(self.window.strip()[:-1]) if self.window else None

    @property
    def kind(self) -> str:
        return next(k for k in METRIC_KINDS if getattr(self, k) is not None)


class Stages(_Strict):
    contact: list[str] = Field(default_factory=lambda: ["lead", "mql", "sql", "opportunity", "customer"])
    deal: list[str] = Field(default_factory=lambda: ["appointment", "valid", "proposal", "won"])

    @field_validator("contact", "deal")
    @classmethod
    def _distinct(cls, value: list[str]) -> list[str]:
        dupes = ", ".join(sorted({s for s in value if value.count(s) > 1}))
        if dupes:
            raise ModelError.worded(lambda lang: say("model.stage_twice", lang, stages=dupes))
        return value


class Handoff(_Strict):
    """The service level agreed between marketing and sales for MQLs."""

    sla_hours: float = Field(default=24, gt=0)
    # Touchpoint types that count as the first sales touch after an MQL.
    sales_touch_types: list[str] = Field(default_factory=lambda: ["meeting", "call"])
    # Contact stage an MQL returns to when sales rejects or recycles it (if any).
    recycle_stage: str | None = "lead"


class FitRule(_Strict):
    """A fit rule of the lead score: points for a contact whose contact or account columns match `where`."""

    where: str
    points: float


class EngagementRule(_Strict):
    """An engagement rule: points per touchpoint matching `where`, halved every `half_life_days`
    of age at the scoring moment (no decay when unset), at most `cap` points in all."""

    where: str
    points: float
    half_life_days: float | None = Field(default=None, gt=0)
    cap: float | None = Field(default=None, ge=0)


class ScoreCaps(_Strict):
    """Upper bounds of the fit part, the engagement part and the total."""

    fit: float | None = Field(default=None, ge=0)
    engagement: float | None = Field(default=None, ge=0)
    total: float | None = Field(default=None, ge=0)


RULE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class Scoring(_Strict):
    """The lead quality score (`kpiflow score`, docs/scoring.md): fit and engagement rules, caps,
    and grades (name -> lowest score of the grade) or an MQL threshold."""

    fit: dict[str, FitRule] = Field(default_factory=dict)
    engagement: dict[str, EngagementRule] = Field(default_factory=dict)
    caps: ScoreCaps = ScoreCaps()
    grades: dict[str, float] = Field(default_factory=dict)
    mql: float | None = None

    @model_validator(mode="after")
    def _rules(self) -> Scoring:
        if not self.fit and not self.engagement:
            raise ModelError.worded(lambda lang: say("model.scoring_rules", lang))
        for name in [*self.fit, *self.engagement]:
            if not RULE_NAME.fullmatch(name):
                raise ModelError.worded(lambda lang, name=name: say("model.rule_name", lang, name=name))
        both = sorted(set(self.fit) & set(self.engagement))
        if both:
            raise ModelError.worded(lambda lang: say("model.rule_twice", lang, name=both[0]))
        thresholds = list(self.grades.values())
        if len(set(thresholds)) != len(thresholds):
            raise ModelError.worded(lambda lang: say("model.grade_thresholds", lang))
        return self

    def graded(self) -> list[tuple[str, float]]:
        """(grade, lowest score), best grade first."""
        return sorted(self.grades.items(), key=lambda g: -g[1])


ENGINE_KINDS = ("duckdb", "spark")


class Engine(_Strict):
    """Where the analyses run: the workspace's DuckDB file (the default), or Spark reading the
    canonical tables from Parquet folders or catalog tables (docs/scale.md)."""

    kind: Literal["duckdb", "spark"] = "duckdb"
    # Spark's master URL: local[*] runs on this machine; spark://host:7077, yarn, k8s://... a cluster.
    master: str = "local[*]"
    # Spark settings passed to the session as they are (spark.sql.shuffle.partitions: 8, ...).
    conf: dict[str, str | int | float | bool] = Field(default_factory=dict)
    # canonical table -> a Parquet file or folder (relative to the workspace) or a catalog table (db.table).
    tables: dict[str, str] = Field(default_factory=dict)

    @field_validator("tables")
    @classmethod
    def _canonical_tables(cls, value: dict[str, str]) -> dict[str, str]:
        for name in value:
            if name not in TABLES:
                # A ValueError for pydantic, worded as an unknown name is (kpiflow.errors).
                raise ModelError.worded(UnknownNameError.for_name("table", name, TABLES).message)
        return value

    @model_validator(mode="after")
    def _spark_needs_tables(self) -> Engine:
        if self.kind == "spark" and not self.tables:
            raise ModelError.worded(lambda lang: say("model.spark_tables", lang))
        return self


class ModelFile(_Strict):
    """Everything `kpiflow.yaml` may contain."""

    kpiflow: Literal[1] = 1
    name: str | None = None
    locale: Literal["ja", "en"] = "ja"
    currency: str = "JPY"
    timezone: str = "Asia/Tokyo"
    fiscal_year_start: int = Field(default=4, ge=1, le=12)
    stages: Stages = Stages()
    dimensions: list[str] = Field(default_factory=list)
    metrics: dict[str, Metric] = Field(default_factory=dict)
    tree: dict[str, list[str]] = Field(default_factory=dict)
    targets: dict[str, dict[str, float]] = Field(default_factory=dict)
    # How a target of a longer period is split into months (kpiflow.model.targets): even, last_year
    # or 12 weights from the fiscal year's first month; one profile for all, or per metric ("*": the rest).
    phasing: str | list[float] | dict[str, str | list[float]] = "even"
    handoff: Handoff = Handoff()
    # The lead quality score's rules (kpiflow score); None: no rule score.
    scoring: Scoring | None = None
    # Display labels of values, by dimension or "stage": {channel: {ads: 広告}, stage: {mql: MQL}}.
    # Faces show them (the terminal, the report, the workbook, the dashboard); the JSON keeps the values.
    labels: dict[str, dict[str, Label]] = Field(default_factory=dict)

    @field_validator("labels", mode="before")
    @classmethod
    def _labels_from_text(cls, value: object) -> object:
        """A label may be a text for both languages (広告) or {ja:, en:}; values read as YAML
        numbers or booleans (a size band 100) are the texts they stand for."""
        if not isinstance(value, dict):
            return value
        return {
            kind: {str(k): ({"ja": str(v), "en": str(v)} if isinstance(v, (str, int, float)) else v) for k, v in values.items()}
            if isinstance(values, dict)
            else values
            for kind, values in value.items()
        }
    engine: Engine = Engine()

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ModelError.worded(lambda lang: say("model.unknown_zone", lang, zone=value)) from None
        return value

    def reference_problems(self, lang: str | None = None) -> list[tuple[tuple[str | int, ...], str]]:
        """Names that refer to no metric, as (YAML path, message) pairs in `lang` (default: the
        model's locale)."""
        lang = lang or self.locale
        known = list(self.metrics)
        problems: list[tuple[tuple[str | int, ...], str]] = []

        def unknown(path: tuple[str | int, ...], name: str) -> None:
            hint = suggest(name, known)
            problems.append((path, say("unknown.name", lang, kind=kind_name("metric", lang), name=name, hint=did_you_mean(hint, lang))))

        for name, metric in self.metrics.items():
            for i, part in enumerate(metric.ratio or ()):
                if part not in self.metrics:
                    unknown(("metrics", name, "ratio", i), part)
        for parent, factors in self.tree.items():
            if parent not in self.metrics:
                unknown(("tree", parent), parent)
            for i, factor in enumerate(factors):
                if factor not in self.metrics:
                    unknown(("tree", parent, i), factor)
        for period, values in self.targets.items():
            try:
                key = parse_key(period, self.fiscal_year_start)
            except TargetError as error:
                problems.append((("targets", period), error.message(lang)))
            else:
                if key.dimension and key.dimension not in self.dimensions:
                    hint = suggest(key.dimension, self.dimensions)
                    ending = hint_or_expected(hint, self.dimensions or ["-"], lang)
                    message = say("unknown.name", lang, kind=kind_name("dimension", lang), name=key.dimension, hint=ending)
                    problems.append((("targets", period), message))
            for node in values:
                if node not in self.metrics:
                    unknown(("targets", period, node), node)
        for name, profile in (self.phasing.items() if isinstance(self.phasing, dict) else [("*", self.phasing)]):
            if name != "*" and name not in self.metrics:
                unknown(("phasing", name), name)
            try:
                check_profile(profile)
            except ValueError as error:
                said = message_of(error, lang)
                problems.append((("phasing", name) if isinstance(self.phasing, dict) else ("phasing",), said))
        return problems + self._tree_problems(lang) + self._label_problems(lang)

    def _label_problems(self, lang: str) -> list[tuple[tuple[str | int, ...], str]]:
        """Labels of something that is neither a dimension nor a stage, and of stages the model lacks."""
        problems: list[tuple[tuple[str | int, ...], str]] = []
        kinds = [*self.dimensions, "stage", "content_type"]
        stages = list(dict.fromkeys([*self.stages.contact, *self.stages.deal]))

        def hint(name: str, known: list[str]) -> str:
            near = suggest(name, known)
            return say("labels.hint", lang, name=near) if near else ""

        for kind, values in self.labels.items():
            if kind not in kinds:
                known = ", ".join(self.dimensions) or "-"
                problems.append((("labels", kind), say("labels.unknown", lang, name=kind, hint=hint(kind, kinds), known=known)))
            elif kind == "stage":
                for stage in values:
                    if stage not in stages:
                        message = say("labels.unknown_stage", lang, name=stage, hint=hint(stage, stages), known=", ".join(stages))
                        problems.append((("labels", kind, stage), message))
        return problems

    def _tree_problems(self, lang: str) -> list[tuple[tuple[str | int, ...], str]]:
        """A node listed among its own factors, and cycles through the tree (each reported once,
        at the node where the walk in file order first closes it)."""
        problems: list[tuple[tuple[str | int, ...], str]] = []
        for parent, factors in self.tree.items():
            if parent in factors:
                problems.append((("tree", parent, factors.index(parent)), say("tree.self", lang, name=parent)))
        state: dict[str, str] = {}  # "open" while on the walk's path, "done" after

        def visit(node: str, path: list[str]) -> None:
            state[node] = "open"
            for i, factor in enumerate(self.tree.get(node, [])):
                if factor == node:
                    continue  # reported above
                if state.get(factor) == "open":
                    cycle = [*path[path.index(factor) :], node, factor]
                    problems.append((("tree", node, i), say("tree.cycle", lang, path=" -> ".join(cycle))))
                elif factor not in state:
                    visit(factor, [*path, node])
            state[node] = "done"

        for parent in self.tree:
            if parent not in state:
                visit(parent, [])
        return problems

    def stage_names(self, entity: str) -> list[str]:
        return list(getattr(self.stages, entity))


def default_model_text(lang: str = "ja") -> str:
    """The commented model that `kpiflow init` writes."""
    text = resources.files("kpiflow.model").joinpath("default_model.yaml").read_text(encoding="utf-8")
    return text.replace("locale: ja ", f"locale: {lang} ", 1)


def _load(doc: yamlfile.YamlDocument) -> ModelFile:
    model = yamlfile.validate(ModelFile, doc)
    if model.reference_problems():
        # In the model's language; the command line says it again in the user's (--lang).
        raise ModelError.worded(
            lambda lang: "\n".join(f"{doc.locate(path)}: {msg}" for path, msg in model.reference_problems(lang)), model.locale
        )
    return model


def _parsed(text: str, file: str) -> tuple[ModelFile, yamlfile.YamlDocument]:
    """A model file's text, parsed and validated once per process: the dashboard opens the
    workspace on every request, a script may open it many times, and every new workspace starts
    from the same default text (parsing and validating costs about 20-70 ms). Keyed by the text
    itself, so an edited file is read anew; a model is never changed after it is read."""
    try:
        model, doc = _parsed_text(text)
    except ModelError:
        _load(yamlfile.parse_yaml(text, file))  # the mistake again, naming this file
        raise
    return model, dataclasses.replace(doc, file=file)


@functools.lru_cache(maxsize=128)  # a few KB each; a process may hold many workspaces (tests, notebooks)
def _parsed_text(text: str) -> tuple[ModelFile, yamlfile.YamlDocument]:
    doc = yamlfile.parse_yaml(text, MODEL_FILE)
    return _load(doc), doc


def parse_model(text: str, file: str = MODEL_FILE) -> ModelFile:
    return _parsed(text, file)[0]


def read_model(path: str | Path) -> ModelFile:
    return read_model_document(path)[0]


def locale_of(path: str | Path) -> str | None:
    """The language of the model at `path` (a workspace folder or its model file), for messages
    about what a user typed; None when there is no model to read."""
    file = Path(path)
    if not file.is_file():
        file = file / MODEL_FILE
    try:
        text = yamlfile.read_text(file)
    except ModelError:
        return None
    try:
        return parse_model(text, str(file)).locale
    except ModelError:  # a model with mistakes still says its language
        return yamlfile.language_of(text)


def read_model_document(path: str | Path) -> tuple[ModelFile, yamlfile.YamlDocument]:
    """The model and its YAML document (to point later checks at their lines)."""
    return _parsed(yamlfile.read_text(path), str(Path(path)))
