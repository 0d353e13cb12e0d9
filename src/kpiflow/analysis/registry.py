"""The registry of analyses: each analysis declared once, for every face to read.

An `Analysis` names itself (the CLI command, the dashboard's URL, the JSON, sheet and report
key), says what it is in Japanese and English, lists its parameters with their one set of
defaults, and names the `Workspace` method that runs it. The CLI, the dashboard, the report
and the workbook take their defaults from here (`Analysis.run` fills them), so that one
analysis asked without options gives the same numbers on every face; `kpiflow analyses`
lists the registry, and a test fails when an analysis lacks a face it does not waive.

Defaults that depend on the data are named, not computed here (this module does no I/O):
`LAST_YEAR` is the last complete fiscal year in the data, `NEXT_YEAR` the one after it,
`YEAR_BEFORE` the same period a year before the one explain explains, `MODEL_TARGET` the
target kpiflow.yaml sets for the tree's root in the plan's period.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from kpiflow.errors import KpiflowError, UnknownNameError
from kpiflow.messages import say

Words = Mapping[str, str]

LAST_YEAR = "<last complete fiscal year>"
NEXT_YEAR = "<next fiscal year>"
YEAR_BEFORE = "<a year before the period explained>"
MODEL_TARGET = "<the model's target for the plan period>"
FACES = ("cli", "json", "dashboard", "report", "workbook")
"""Where an analysis can be seen: the command line, its --json, a dashboard page with JSON/CSV
twins, a section of the HTML report, a sheet of the Excel workbook."""

# Touches made by sales (meetings, calls) precede every won deal: counting them as a "winning
# pattern" teaches nothing to marketing. Patterns read marketing's touches unless asked otherwise.
MARKETING_TOUCHES = "channel <> 'sales'"


@dataclass(frozen=True)
class Param:
    """One parameter: its name (Python keyword; `--name-with-dashes` on the CLI; `name` in URLs),
    its kind (how faces ask for it), its default and a line of help in each language."""

    name: str
    kind: str  # period | dimension | dimensions | metric | outcome | duration | int | choice | text | texts | flag
    default: Any = None
    help: Words = field(default_factory=dict)
    choices: tuple[str, ...] = ()
    required: bool = False

    def words(self, lang: str) -> str:
        return self.help.get(lang) or self.help.get("en", "")


@dataclass(frozen=True)
class Analysis:
    """One analysis, as every face sees it."""

    name: str
    title: Words
    summary: Words
    method: str  # the Workspace method that runs it
    params: tuple[Param, ...] = ()
    # Faces it deliberately lacks, with the reason (a test checks every other face exists).
    waived: Mapping[str, str] = field(default_factory=dict)
    # The report section that shows it, when not its own name (the bottleneck is in the funnel's).
    report_section: str | None = None
    # A function of (workspace, **params) returning a `kpiflow.analysis.result.Tabular`: the analysis
    # then needs no face of its own (`generic`): the registry gives it every face and `ws.<name>()`.
    function: Callable[..., Any] | None = None
    # Charts drawn from its result's JSON (`Tabular.to_dict()`) in a language: Plotly figure dicts
    # the dashboard page and the report section show above its tables (the workbook keeps numbers).
    charts: Callable[[Mapping[str, Any], str], list[dict[str, Any]]] | None = None
    # The table whose rows its command's --json prints, where the contract promises records
    # (`kpiflow economics --json` -> records); None: the whole result, parameters and every table.
    records: str | None = None
    # Whether its result depends only on the workspace's tables, model and parameters, so that a
    # workspace keeps it while open (False: it reads files of its own, such as hypotheses.yaml);
    # or, given the values it runs with, whether this run does.
    kept: bool | Callable[[Mapping[str, Any]], bool] = True

    def json_of(self, result: Any) -> Any:
        """What its command's --json prints and its dashboard page's twin returns: the contracted
        table's records, an older analysis's promised JSON, or the whole result."""
        from kpiflow.analysis.result import json_data  # noqa: PLC0415  (start-up: the registry imports no analysis)

        return result.table(self.records).records() if self.records else json_data(result)

    @property
    def generic(self) -> bool:
        """Whether the faces show it from its declared tables (it returns a `Tabular`)."""
        return self.function is not None

    @property
    def faces(self) -> tuple[str, ...]:
        return tuple(f for f in FACES if f not in self.waived)

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        raise UnknownNameError.for_name(f"parameter of {self.name}", name, [p.name for p in self.params])

    def default(self, name: str) -> Any:
        return self.param(name).default

    def arguments(self, ws: Any, values: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """Keyword arguments for the workspace method: given values, else the defaults, with the
        data-dependent defaults resolved against `ws`."""
        values = dict(values or {})
        unknown = set(values) - {p.name for p in self.params} - {"lang"}
        if unknown:
            raise UnknownNameError.for_name(f"parameter of {self.name}", sorted(unknown)[0], [p.name for p in self.params])
        out: dict[str, Any] = {}
        for p in self.params:
            value = values.get(p.name, p.default)
            if value == LAST_YEAR:
                value = ws.last_complete_year().label("en")
            elif value == NEXT_YEAR:
                value = ws.last_complete_year().next().label("en")
            if value is not None or p.name in values:
                out[p.name] = value
        if out.get("target") == MODEL_TARGET:
            out["target"] = _model_target(ws, out["period"])
        if out.get("start") == YEAR_BEFORE:
            out["start"] = ws.resolve_period(out["end"]).same_period_last_year().label("en")
        if "lang" in values:
            out["lang"] = values["lang"]
        return out

    def run(self, ws: Any, **values: Any) -> Any:
        """Run the analysis on a workspace with these values and the registry's defaults for the rest."""
        arguments = self.arguments(ws, values)
        if self.function is not None:
            # The report, the workbook and the dashboard ask a workspace for the same results: it
            # keeps them for the data it reads (`Workspace.results`), by analysis, function and values
            keeps = self.kept(arguments) if callable(self.kept) else self.kept
            keep = getattr(ws, "keep", None) if keeps else None
            if keep is None:
                return self.function(ws, **arguments)
            return keep((self.name, self.function), {"lang": None, **arguments}, lambda: self.function(ws, **arguments))
        positional = [arguments.pop(p.name) for p in self.params if p.required and p.name in arguments]
        return getattr(ws, self.method)(*positional, **arguments)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": dict(self.title),
            "summary": dict(self.summary),
            "faces": list(self.faces),
            "waived": dict(self.waived),
            "report_section": self.report_section or self.name if "report" in self.faces else None,
            "params": [
                {
                    "name": p.name,
                    "kind": p.kind,
                    "default": p.default,
                    "required": p.required,
                    "choices": list(p.choices),
                    "help": dict(p.help),
                }
                for p in self.params
            ],
        }


def _period(default: Any = LAST_YEAR, en: str = "The period: FY2025, FY2025Q3, 2025-10, FY2024..FY2025, all.") -> Param:
    return Param("period", "period", default, {"en": en, "ja": "期間: FY2025、FY2025Q3、2025-10、FY2024..FY2025、all"})


_BY = Param("by", "dimensions", (), {"en": "Dimensions to break down by.", "ja": "内訳の軸"})
_BY_ONE = Param("by", "dimension", None, {"en": "A dimension to break down by.", "ja": "内訳の軸"})

def _score_fit(ws: Any, *, target: str = "sql", within: str = "90d", after: str = "14d", lang: str | None = None) -> Any:
    """The fitted lead score as tables (kpiflow.analysis.score_fit, which imports scikit-learn)."""
    from kpiflow.analysis.score_fit import fit_tables  # noqa: PLC0415  (start-up: the registry imports no analysis)

    return fit_tables(ws, target=target, within=within, after=after, lang=lang)


def _score_fit_charts(data: Mapping[str, Any], lang: str) -> list[dict[str, Any]]:
    from kpiflow.analysis.score_fit import fit_charts  # noqa: PLC0415

    return fit_charts(dict(data), lang)


def _score_quality(
    ws: Any,
    *,
    by: tuple[str, ...] = ("channel", "campaign", "exhibition_id"),
    target: str = "sql",
    within: str = "90d",
    after: str = "14d",
    lang: str | None = None,
) -> Any:
    """The lead score's quality by programme (kpiflow.analysis.scoring, imported when it runs)."""
    from kpiflow.analysis.scoring import quality  # noqa: PLC0415  (start-up: the registry imports no analysis)

    return quality(ws, by=by, target=target, within=within, after=after, lang=lang)


def _economics(
    ws: Any,
    *,
    period: str,
    by: str = "channel",
    horizon: str = "36m",
    costs: str = "marketing",
    spread: str = "none",
    cohort: str = "quarter",
    lang: str | None = None,
) -> Any:
    """CAC, realised LTV, LTV/CAC and payback by segment (kpiflow.analysis.economics, imported when it runs)."""
    from kpiflow.analysis.economics import economics  # noqa: PLC0415  (start-up: the registry imports no analysis)

    return economics(ws, period=period, by=by, horizon=horizon, costs=costs, spread=spread, cohort=cohort, lang=lang)


def _economics_charts(data: Mapping[str, Any], lang: str) -> list[dict[str, Any]]:
    from kpiflow.analysis.economics import charts  # noqa: PLC0415  (start-up: the registry imports no analysis)

    return charts(dict(data), lang)


def _trust(ws: Any, *, period: str | None = None, end_of: str = "month", days: int = 2, lang: str | None = None) -> Any:
    """Findings that make numbers look good, and the KPIs they move (kpiflow.analysis.trust, imported when it runs)."""
    from kpiflow.analysis.trust import trust  # noqa: PLC0415  (start-up: the registry imports no analysis)

    return trust(ws, period=period, end_of=end_of, days=days, lang=lang)


def _attribution(
    ws: Any,
    *,
    model: str = "all",
    paths: str | None = None,
    outcome: str = "won",
    unit: str = "contact",
    lookback: str = "90d",
    period: str | None = None,
    offline: str = "include",
    touches: str = "type NOT IN ('page_view', 'email_open')",
    order: str = "1",
    half_life: str = "7d",
    costs: str = "marketing",
    lang: str | None = None,
) -> Any:
    """Each channel's credit under the attribution models (kpiflow.analysis.attribution, imported when it runs)."""
    from kpiflow.analysis.attribution import attribution  # noqa: PLC0415  (start-up: the registry imports no analysis)

    return attribution(
        ws, model=model, paths=paths, outcome=outcome, unit=unit, lookback=lookback, period=period,
        offline=offline, touches=touches, order=order, half_life=half_life, costs=costs, lang=lang,
    )


def _attribution_charts(data: Mapping[str, Any], lang: str) -> list[dict[str, Any]]:
    from kpiflow.analysis.attribution import charts  # noqa: PLC0415  (start-up: the registry imports no analysis)

    return charts(dict(data), lang)


def _hypotheses(ws: Any, *, lang: str | None = None) -> Any:
    """The hypotheses register and the history of its checks (kpiflow.analysis.hypotheses, imported when it runs)."""
    from kpiflow.analysis.hypotheses import hypotheses  # noqa: PLC0415  (start-up: the registry imports no analysis)

    return hypotheses(ws, lang=lang)


def _clv_charts(data: Mapping[str, Any], lang: str) -> list[dict[str, Any]]:
    from kpiflow.analysis.clv import charts  # noqa: PLC0415  (start-up: the registry imports no analysis)

    return charts(dict(data), lang)


def _clv(
    ws: Any,
    *,
    model: str = "bgnbd",
    calibration: str | None = None,
    holdout: str | None = None,
    unit: str | None = None,
    by: str | None = None,
    horizon: str = "36m",
    discount: str | None = None,
    lang: str | None = None,
) -> Any:
    """The customer value model's fit, holdout check and predicted value (kpiflow.analysis.clv, imported when it runs)."""
    from kpiflow.analysis.clv import clv  # noqa: PLC0415  (start-up: the registry imports no analysis)

    return clv(ws, model=model, calibration=calibration, holdout=holdout, unit=unit, by=by, horizon=horizon, discount=discount, lang=lang)


def _content(
    ws: Any,
    *,
    by: str = "content_type",
    outcome: str = "stage:opportunity",
    within: str = "30d",
    period: str | None = None,
    dwell: str = "30",
    scroll: str = "50",
    strata: int = 5,
    lang: str | None = None,
) -> Any:
    """Content reach, engagement, next action, stratified lift and intent (kpiflow.analysis.content, imported when it runs)."""
    from kpiflow.analysis.content import content  # noqa: PLC0415  (start-up: the registry imports no analysis)

    return content(ws, by=by, outcome=outcome, within=within, period=period, dwell=dwell, scroll=scroll, strata=strata, lang=lang)


def _content_charts(data: Mapping[str, Any], lang: str) -> list[dict[str, Any]]:
    from kpiflow.analysis.content import charts  # noqa: PLC0415  (start-up: the registry imports no analysis)

    return charts(dict(data), lang)


def _brand(ws: Any, *, period: str = "quarter", by: str | None = None, lags: int = 6, lang: str | None = None) -> Any:
    """NPS, CSAT, awareness, brand signals and their lag to the pipeline (kpiflow.analysis.brand, imported when it runs)."""
    from kpiflow.analysis.brand import brand  # noqa: PLC0415  (start-up: the registry imports no analysis)

    return brand(ws, period=period, by=by, lags=lags, lang=lang)


def _brand_charts(data: Mapping[str, Any], lang: str) -> list[dict[str, Any]]:
    from kpiflow.analysis.brand import charts  # noqa: PLC0415  (start-up: the registry imports no analysis)

    return charts(dict(data), lang)


def _trend(
    ws: Any,
    *,
    metrics: tuple[str, ...] | list[str] | None = None,
    grain: str = "month",
    period: str | None = None,
    by: str | None = None,
    lang: str | None = None,
) -> Any:
    """Every metric by period against its phased target and last year (kpiflow.analysis.trend, imported when it runs)."""
    from kpiflow.analysis.trend import trend  # noqa: PLC0415  (start-up: the registry imports no analysis)

    return trend(ws, metrics=metrics, grain=grain, period=period, by=by, lang=lang)


def _trend_charts(data: Mapping[str, Any], lang: str) -> list[dict[str, Any]]:
    from kpiflow.analysis.trend import charts  # noqa: PLC0415  (start-up: the registry imports no analysis)

    return charts(dict(data), lang)


def _forecast(ws: Any, *, period: str | None = None, no_backtest: bool = False, lang: str | None = None) -> Any:
    """Where a period will land, its pipeline coverage and back-test (kpiflow.analysis.forecast, imported when it runs)."""
    from kpiflow.analysis.forecast import forecast  # noqa: PLC0415  (start-up: the registry imports no analysis)

    return forecast(ws, period=period, backtest=not no_backtest, lang=lang)


def _forecast_charts(data: Mapping[str, Any], lang: str) -> list[dict[str, Any]]:
    from kpiflow.analysis.forecast import charts  # noqa: PLC0415  (start-up: the registry imports no analysis)

    return charts(dict(data), lang)


ANALYSES: list[Analysis] = [
    Analysis(
        "tree",
        {"ja": "キーポイントマップ", "en": "Key point map"},
        {"ja": "KPIツリーの値・目標・前年比（誤差を超えるか）", "en": "The KPI tree: values, targets, change against last year and noise"},
        "tree",
        (Param("period", "period", LAST_YEAR, {"en": "One period.", "ja": "期間"}, required=True),),
    ),
    Analysis(
        "metrics",
        {"ja": "指標", "en": "Metrics"},
        {"ja": "指標の値（件数と95%区間つき）", "en": "Metric values with counts and 95% intervals"},
        "metrics",
        (
            Param("names", "texts", None, {"en": "Metrics (default: all).", "ja": "指標（既定: すべて）"}),
            Param("period", "period", "quarter", {"en": "A kind of period or one period.", "ja": "期間の種類または期間"}),
            _BY,
        ),
        waived={"dashboard": "the key point map and explain show the tree's metrics", "report": "the tree section"},
    ),
    Analysis(
        "plan",
        {"ja": "計画（逆算）", "en": "Plan"},
        {"ja": "売上目標から必要な件数・予算・感度を逆算", "en": "Plan backwards from a goal: volumes, budget, gap, sensitivity"},
        "plan",
        (
            Param("target", "assignments", MODEL_TARGET, {"en": "The goal, e.g. revenue=600000000.", "ja": "目標"}, required=True),
            Param("period", "period", NEXT_YEAR, {"en": "The plan period.", "ja": "計画期間"}, required=True),
            Param("rates", "text", "last:4q", {"en": "Where rates come from: last:4q, last:12m, ...", "ja": "率の実績期間"}),
        ),
        waived={"report": "the report shows plan vs actual of the model's targets", "workbook": "plan vs actual sheet"},
    ),
    Analysis(
        "funnel",
        {"ja": "ファネル", "en": "Funnel"},
        {"ja": "CRMステージのファネル（コホート／期間）", "en": "The CRM-stage funnel, cohort or period basis"},
        "funnel",
        (
            _period(),
            Param("basis", "choice", "cohort", {"en": "cohort | period", "ja": "cohort | period"}, ("cohort", "period")),
            Param("entity", "choice", "contact", {"en": "contact | deal stages", "ja": "contact | deal"}, ("contact", "deal")),
            _BY,
            Param("within", "duration", None, {"en": "Cohort window, e.g. 90d.", "ja": "コホートの期限（例: 90d）"}),
        ),
    ),
    Analysis(
        "bottleneck",
        {"ja": "ボトルネック", "en": "Bottleneck"},
        {"ja": "改善の価値が大きい転換率の順位", "en": "Conversion rates ranked by the revenue their repair is worth"},
        "bottleneck",
        (
            _period(),
            _BY,
            Param("against", "choice", None, {"en": "target | best-period | best-segment", "ja": "基準"}, ("target", "best-period", "best-segment")),
            Param("within", "duration", None, {"en": "Cohort window override, e.g. 90d.", "ja": "コホートの期限"}),
        ),
        report_section="funnel",
    ),
    Analysis(
        "velocity",
        {"ja": "速度", "en": "Velocity"},
        {"ja": "ステージ間の日数と標準的な道のり", "en": "Days between stages and the standard journey"},
        "velocity",
        (_period(None, "Moves out of stages entered in this period (default: all)."), _BY_ONE),
        report_section="journey",
    ),
    Analysis(
        "handoff",
        {"ja": "営業引き渡し", "en": "Handoff"},
        {"ja": "MQL→SQLの率と時間、SLA、リサイクル", "en": "MQL -> SQL rate and lag, SLA, recycling, close rate of handed-off leads"},
        "handoff",
        (_period(LAST_YEAR, "MQLs entered in this period."), _BY_ONE),
        waived={"report": "in the workbook and on the dashboard"},
    ),
    Analysis(
        "lists",
        {"ja": "リード一覧", "en": "Lead lists"},
        {"ja": "育成するリード／今すぐ営業へ渡すリード", "en": "Leads to nurture, or to hand to sales now"},
        "lists",
        (
            Param("kind", "choice", "fast", {"en": "nurture | fast", "ja": "nurture | fast"}, ("nurture", "fast"), required=True),
            _BY_ONE,
        ),
        waived={"report": "a list of people is not a report", "workbook": "kpiflow lists --out writes the CSV for Excel"},
    ),
    Analysis(
        "explain",
        {"ja": "変化の要因", "en": "Explain"},
        {"ja": "KPIの変化を要因とセグメントに分解", "en": "Why a KPI changed: factors, segments, noise"},
        "explain",
        (
            Param("metric", "metric", "revenue", {"en": "A node of the KPI tree.", "ja": "KPIツリーの指標"}, required=True),
            Param("start", "period", YEAR_BEFORE, {"en": "Base period (default: a year before).", "ja": "比較元"}, required=True),
            Param("end", "period", LAST_YEAR, {"en": "Period to explain.", "ja": "説明する期間"}, required=True),
            _BY,
        ),
    ),
    Analysis(
        "exhibitions",
        {"ja": "展示会", "en": "Exhibitions"},
        {"ja": "展示会・展示物ごとの成果と費用対効果", "en": "Per show or exhibit: traffic, leads, what followed, cost, ROI"},
        "exhibitions",
        (
            _period(None, "Exhibitions that start in this period (default: all)."),
            Param("by_exhibit", "flag", False, {"en": "One row per exhibit.", "ja": "展示物ごと"}),
            Param("within_days", "int", 180, {"en": "Days after the show in which results count.", "ja": "成果を数える日数"}),
        ),
    ),
    Analysis(
        "behaviour",
        {"ja": "Web行動", "en": "Behaviour"},
        {"ja": "回遊・滞在・再訪と問い合わせ・商談への転換", "en": "Web behaviour and its conversion to inquiries and opportunities"},
        "behaviour",
        (
            _period(None, "Page views in this period (default: all)."),
            Param("by", "choice", "content_type", {"en": "content_type | content_id | channel", "ja": "内訳"}, ("content_type", "content_id", "channel")),
            Param("revisit_days", "int", 30, {"en": "Days in which a return counts as a revisit.", "ja": "再訪とみなす日数"}),
            Param("inquiry_days", "int", 30, {"en": "Days in which an inquiry follows a view.", "ja": "問い合わせを数える日数"}),
        ),
    ),
    Analysis(
        "patterns",
        {"ja": "成果前のパターン", "en": "Patterns"},
        {"ja": "成果の前に多い接点と順序（リフト・q値）", "en": "Touches and sequences that precede an outcome more often than the base rate"},
        "patterns",
        (
            Param("outcome", "outcome", "stage:opportunity", {"en": "won, stage:opportunity or a touchpoint condition.", "ja": "成果"}, required=True),
            Param("within", "duration", "30d", {"en": "Window before the outcome.", "ja": "成果の前の期間"}),
            Param("max_length", "int", 3, {"en": "Longest sequence (1-3).", "ja": "最大の長さ"}),
            Param("strict", "flag", False, {"en": "Steps must follow each other directly.", "ja": "連続する接点だけ"}),
            Param("unit", "choice", "contact", {"en": "contact | account (the buying committee)", "ja": "contact | account"}, ("contact", "account")),
            _period(None, "Period to mine (default: all)."),
            Param("compare", "period", None, {"en": "A second period: which patterns rose.", "ja": "比較期間"}),
            Param("min_support", "int", 20, {"en": "Fewest people a pattern needs.", "ja": "最小の人数"}),
            Param(
                "where",
                "text",
                MARKETING_TOUCHES,
                {"en": "Touches that count as steps (default: marketing's, not sales').", "ja": "数える接点（既定: 営業以外）"},
            ),
        ),
    ),
    Analysis(
        "check",
        {"ja": "データ品質", "en": "Data check"},
        {"ja": "各テーブルの行数・期間・契約違反・警告", "en": "Every table: rows, dates, contract violations, warnings"},
        "check",
        waived={"report": "in the workbook and on the dashboard"},
    ),
    Analysis(
        "dictionary",
        {"ja": "指標辞書", "en": "Dictionary"},
        {"ja": "各指標の定義・抽出条件・SQL", "en": "Every metric's definition, extraction condition and SQL"},
        "dictionary",
    ),
    Analysis(
        "score",
        {"ja": "リードの質", "en": "Lead quality"},
        {"ja": "リードスコアのグレード構成と各グレードの転換（チャネル・キャンペーン・展示会別）", "en": "Lead score grades and each grade's conversion by channel, campaign, exhibition"},
        "score",
        (
            Param("by", "dimensions", ("channel", "campaign", "exhibition_id"), {"en": "Dimensions to break down by.", "ja": "内訳の軸"}),
            Param("target", "choice", "sql", {"en": "sql | opportunity | won", "ja": "成果: sql | opportunity | won"}, ("sql", "opportunity", "won")),
            Param("within", "duration", "90d", {"en": "Window after the decision time.", "ja": "判断時点からの期間"}),
            Param("after", "duration", "14d", {"en": "Decision time: days after a lead's creation.", "ja": "判断時点: 登録からの日数"}),
        ),
        function=_score_quality,
    ),
    Analysis(
        "score_fit",
        {"ja": "リードスコアの当てはめ", "en": "Fitted lead score"},
        {
            "ja": "成果を予測するロジスティック回帰と時系列で分けた検証（AUC・十分位・較正・点数）",
            "en": "A logistic regression of the outcome, validated out of time: AUC, deciles, calibration, points",
        },
        "score_fit",
        (
            Param("target", "choice", "sql", {"en": "sql | opportunity | won", "ja": "成果: sql | opportunity | won"}, ("sql", "opportunity", "won")),
            Param("within", "duration", "90d", {"en": "Window after the decision time.", "ja": "判断時点からの期間"}),
            Param("after", "duration", "14d", {"en": "Decision time: days after a lead's creation.", "ja": "判断時点: 登録からの日数"}),
        ),
        waived={
            "cli": "kpiflow score fit",
            "json": "kpiflow score fit --json",
            "report": "a fit takes seconds each time: the report and the workbook show score quality; kpiflow score fit --json has the fit",
            "workbook": "a fit takes seconds each time: the workbook shows score quality; kpiflow score fit --json has the fit",
        },
        function=_score_fit,
        charts=_score_fit_charts,
    ),
    Analysis(
        "clv",
        {"ja": "顧客価値の予測", "en": "Customer value model"},
        {
            "ja": "再購買（BG/NBD）・購買単価（Gamma-Gamma）・契約更新（sBG）の最尤推定と検証期間での予測と実績",
            "en": "Repeat buying (BG/NBD), its value (Gamma-Gamma), renewals (sBG) by maximum likelihood, checked on a holdout",
        },
        "clv",
        (
            Param("model", "choice", "bgnbd", {"en": "bgnbd | pareto | gg | sbg", "ja": "bgnbd | pareto | gg | sbg"}, ("bgnbd", "pareto", "gg", "sbg")),
            Param(
                "calibration",
                "period",
                None,
                {"en": "Customers whose first purchase falls in it (default: the first half of the data).", "ja": "当てはめ期間（既定: データの前半）"},
            ),
            Param("holdout", "period", None, {"en": "Holdout period (default: as long, right after).", "ja": "検証期間（既定: 直後の同じ長さ）"}),
            Param("unit", "choice", None, {"en": "day | week | month | year (default: week; year for sbg)", "ja": "時間の単位"}, ("day", "week", "month", "year")),
            Param("by", "choice", None, {"en": "channel | industry | size_band | campaign", "ja": "予測価値の内訳の軸"}, ("channel", "industry", "size_band", "campaign")),
            Param("horizon", "text", "36m", {"en": "Months of predicted value, e.g. 36m.", "ja": "予測する期間（例: 36m）"}),
            Param("discount", "text", "0.1", {"en": "Yearly discount rate, e.g. 0.1 or 10%.", "ja": "年率の割引率（例: 0.1、10%）"}),
        ),
        function=_clv,
        charts=_clv_charts,
    ),
    Analysis(
        "economics",
        {"ja": "LTV・CAC・回収期間", "en": "LTV, CAC and payback"},
        {
            "ja": "新規顧客の獲得単価（CAC）・実績LTV・LTV/CAC（3倍ライン）・回収月数をチャネル・業種・規模・キャンペーン別に",
            "en": "CAC, realised LTV, LTV/CAC against the 3x line and payback months by channel, industry, size band or campaign",
        },
        "economics",
        (
            _period(LAST_YEAR, "New customers: first won deal closed in this period."),
            Param("by", "choice", "channel", {"en": "channel | industry | size_band | campaign", "ja": "内訳の軸"}, ("channel", "industry", "size_band", "campaign")),
            Param("horizon", "text", "36m", {"en": "Months of value counted from acquisition, e.g. 36m or 3y.", "ja": "獲得から数える期間（例: 36m）"}),
            Param("costs", "text", "marketing", {"en": "Cost categories: marketing | all | media,event,...", "ja": "費目: marketing | all | media,event など"}),
            Param(
                "spread",
                "choice",
                "none",
                {"en": "Overhead: none (its own row) | customers | cost (shared in proportion)", "ja": "共通費の配賦: none | customers | cost"},
                ("none", "customers", "cost"),
            ),
            Param(
                "cohort",
                "choice",
                "quarter",
                {"en": "Acquisition cohorts by month | quarter | half | fy of the first won deal", "ja": "獲得コホートの単位: month | quarter | half | fy"},
                ("month", "quarter", "half", "fy"),
            ),
        ),
        function=_economics,
        charts=_economics_charts,
        records="segments",
    ),
    # attribution (issue 20)
    Analysis(
        "attribution",
        {"ja": "アトリビューション", "en": "Attribution"},
        {
            "ja": "チャネルごとの貢献（ファースト・ラスト・均等・U字・W字・フルパス・時間減衰・マルコフ除去効果・シャープレイ値）と95%区間、貢献単価とROAS",
            "en": "Each channel's credit under first, last, linear, U, W, full-path, time-decay, Markov removal-effect and Shapley models, with 95% intervals, cost per conversion and ROAS",
        },
        "attribution",
        (
            Param(
                "model",
                "choice",
                "all",
                {"en": "all | first | last | linear | u | w | full | time_decay | markov | shapley", "ja": "モデル: all | first | last | linear | u | w | full | time_decay | markov | shapley"},
                ("all", "first", "last", "linear", "u", "w", "full", "time_decay", "markov", "shapley"),
            ),
            Param("paths", "text", None, {"en": "A path-count file (path;total_conversions;total_conversion_value;total_null).", "ja": "経路ファイル（path;total_conversions;total_conversion_value;total_null）"}),
            Param("outcome", "outcome", "won", {"en": "won, stage:opportunity or a touchpoint condition.", "ja": "成果: won、stage:opportunity、接点の条件"}),
            Param("unit", "choice", "contact", {"en": "contact | account (the buying committee)", "ja": "contact | account"}, ("contact", "account")),
            Param("lookback", "duration", "90d", {"en": "Touches counted before the outcome, e.g. 90d.", "ja": "成果の前に遡る期間（例: 90d）"}),
            _period(None, "Outcomes in this period (default: all)."),
            Param("offline", "choice", "include", {"en": "Offline touches (booths, demos, seminars, meetings): include | exclude", "ja": "オフライン接点: include | exclude"}, ("include", "exclude")),
            Param("touches", "text", "type NOT IN ('page_view', 'email_open')", {"en": "Touchpoints that count as touches.", "ja": "接点として数える条件"}),
            Param("order", "choice", "1", {"en": "The Markov chain's order: 1 | 2 | 3", "ja": "マルコフ連鎖の次数: 1 | 2 | 3"}, ("1", "2", "3")),
            Param("half_life", "duration", "7d", {"en": "Time decay: a touch's credit halves every ..., e.g. 7d.", "ja": "時間減衰の半減期（例: 7d）"}),
            Param("costs", "text", "marketing", {"en": "Cost categories: marketing | all | media,event,...", "ja": "費目: marketing | all | media,event など"}),
        ),
        function=_attribution,
        kept=lambda values: not values.get("paths"),  # --paths reads a file, which may change between two runs
        charts=_attribution_charts,
        records="credits",
    ),
    # content, brand (issue 21)
    Analysis(
        "content",
        {"ja": "コンテンツの効果", "en": "Content"},
        {
            "ja": "コンテンツ別の到達・エンゲージ・次の行動と、閲覧量の層で比べたリフト（95%区間・q値）、インテントスコア、受注に先立つ閲覧の順序",
            "en": "Reach, engaged reading and the next action per content item or type, its lift within engagement strata, intent score, sequences before closing",
        },
        "content",
        (
            Param("by", "choice", "content_type", {"en": "content_type | content_id", "ja": "内訳: content_type | content_id"}, ("content_type", "content_id")),
            Param("outcome", "outcome", "stage:opportunity", {"en": "The next action: a touchpoint condition, stage:NAME or won.", "ja": "次の行動（接点の条件、stage:NAME、won）"}),
            Param("within", "duration", "30d", {"en": "Window before the next action.", "ja": "次の行動の前の期間"}),
            _period(None, "Page views in this period (default: all)."),
            Param("dwell", "text", "30", {"en": "Engaged: seconds (30) or a multiple of the item's median dwell (0.5x).", "ja": "エンゲージの滞在: 秒（30）か中央値の倍数（0.5x）"}),
            Param("scroll", "text", "50", {"en": "Engaged: scroll depth in percent, where known.", "ja": "エンゲージのスクロール率（%）"}),
            Param("strata", "int", 5, {"en": "Bands of overall engagement compared within.", "ja": "閲覧量の層の数"}),
        ),
        function=_content,
        charts=_content_charts,
        records="items",
    ),
    Analysis(
        "brand",
        {"ja": "ブランド・NPS", "en": "Brand and NPS"},
        {
            "ja": "NPS（95%区間）・推奨者/中立者/批判者・CSAT・認知・指名検索・言及・レビュー・掲載の推移と、パイプラインへの時間差相関（仮説）",
            "en": "NPS with its interval, promoters / passives / detractors, CSAT, awareness, branded search, mentions, reviews, media, and their lag to the pipeline",
        },
        "brand",
        (
            Param("period", "text", "quarter", {"en": "month | quarter | half | fy, or a period such as FY2024..FY2025.", "ja": "month | quarter | half | fy、または期間"}),
            Param("by", "choice", None, {"en": "industry | size_band | region", "ja": "内訳の軸: industry | size_band | region"}, ("industry", "size_band", "region")),
            Param("lags", "int", 6, {"en": "Months of lag to the pipeline (1-12).", "ja": "パイプラインへの時間差（月、1〜12）"}),
        ),
        function=_brand,
        charts=_brand_charts,
        records="scores",
    ),
    # trust, hypotheses (issue 22)
    Analysis(
        "trust",
        {"ja": "数字の信頼性", "en": "Trust"},
        {
            "ja": "期末への集中・遡及入力・ステージ飛ばし・欠損・重複などの行と担当者、その行を除いたときのKPI",
            "en": "Period-end bursts, back-dated and skipped entries, missing and duplicate rows: who, and how much each KPI moves without them",
        },
        "trust",
        (
            _period(None, "Rows in this period (default: all)."),
            Param("end_of", "choice", "month", {"en": "Bursts at the end of: month | quarter | fy", "ja": "期末の単位: month | quarter | fy"}, ("month", "quarter", "fy")),
            Param("days", "int", 2, {"en": "Last business days of each period that count as its end.", "ja": "期末とみなす最後の営業日数"}),
        ),
        function=_trust,
        records="findings",
    ),
    Analysis(
        "hypotheses",
        {"ja": "仮説の台帳", "en": "Hypotheses"},
        {
            "ja": "KPI目標を仮説として登録し、事前に決めた基準で支持・棄却・判定保留を記録（状況と履歴）",
            "en": "KPI targets as hypotheses, each checked by a rule fixed in advance: status and the history of verdicts",
        },
        "hypotheses",
        (),
        function=_hypotheses,
        kept=False,  # reads hypotheses.yaml and its history, which check and add write
    ),
    # trend, forecast (issue 23)
    Analysis(
        "trend",
        {"ja": "推移と進捗", "en": "Trend and pacing"},
        {
            "ja": "各指標の月次・四半期の推移を目標（月割り）・前年と比べ、累計・残りに必要なペース・状況（先行／達成見込み／未達）を示す",
            "en": "Every metric by month or quarter against its phased target and last year: to date, the pace needed, ahead / on track / behind",
        },
        "trend",
        (
            Param("metrics", "texts", None, {"en": "Metrics (default: all).", "ja": "指標（既定: すべて）"}, required=True),
            Param("grain", "choice", "month", {"en": "Grain: month | quarter", "ja": "粒度: month（月）| quarter（四半期）"}, ("month", "quarter")),
            _period(None, "A fiscal year, half or quarter (default: the fiscal year of the data's last day)."),
            _BY_ONE,
        ),
        function=_trend,
        charts=_trend_charts,
        records="trend",
    ),
    Analysis(
        "forecast",
        {"ja": "着地見込みとカバー率", "en": "Forecast and coverage"},
        {
            "ja": "期間の着地見込み（実績＋パイプラインの期待値＋今後のリードの期待値、95%区間）・目標に対するパイプラインのカバー率・過去の四半期での検証",
            "en": "Where the period will land (actual + weighted pipeline + leads to come, 95% interval), pipeline coverage, back-test on past quarters",
        },
        "forecast",
        (
            # text, not a period picker: the period forecast is usually one the data have not reached
            Param(
                "period",
                "text",
                None,
                {
                    "en": "A month, quarter, half or fiscal year, e.g. FY2026Q1 (default: the quarter after the data's last moment, or the one it falls in).",
                    "ja": "予測する期間（例: FY2026Q1。既定: データの最終時点の次の瞬間を含む四半期）",
                },
            ),
            Param("no_backtest", "flag", False, {"en": "Skip the back-test on past quarters (faster).", "ja": "過去の四半期での検証を省く（速い）"}),
        ),
        function=_forecast,
        charts=_forecast_charts,
        records="forecast",
    ),
]
"""Every analysis, in the order faces show them (`register` adds one)."""

REGISTRY: dict[str, Analysis] = {a.name: a for a in ANALYSES}


CHART_MARGIN = {"t": 60, "l": 70, "r": 20, "b": 50}
"""Room for a chart's title and axis labels, where a registered analysis's figure does not say."""


def charts_of(entry: Analysis, data: Mapping[str, Any], lang: str, label: Callable[[str], str] | None = None) -> list[dict[str, Any]]:
    """A registered analysis's charts, each with room for its title and axis labels; `label` words
    the values its traces name and its categories (a channel's code as kpiflow.yaml labels it)."""
    figures = entry.charts(data, lang) if entry.charts else []
    for figure in figures:
        figure.setdefault("layout", {}).setdefault("margin", dict(CHART_MARGIN))
        for trace in figure.get("data", []) if label else []:
            if isinstance(trace.get("name"), str):
                trace["name"] = label(trace["name"])
            if isinstance(trace.get("x"), list) and all(isinstance(v, str) for v in trace["x"]):
                trace["x"] = [label(v) for v in trace["x"]]
    return figures


def generic_analyses(face: str) -> list[Analysis]:
    """The registered analyses that declare their tables and show on `face`: the faces draw them
    from their tables, after the ones they show in their own way."""
    return [a for a in ANALYSES if a.generic and face in a.faces]


def register(entry: Analysis) -> Analysis:
    """Add an analysis to the registry: every face shows it from then on."""
    if entry.name in REGISTRY:
        raise KpiflowError(f"an analysis called {entry.name} is already registered")
    if entry.function is None:
        raise KpiflowError(f"{entry.name}: a registered analysis needs its function (it returns a Tabular)")
    ANALYSES.append(entry)
    REGISTRY[entry.name] = entry
    return entry


def unregister(name: str) -> None:
    entry = REGISTRY.pop(name)
    ANALYSES.remove(entry)


@contextmanager
def registered(entry: Analysis) -> Iterator[Analysis]:
    """`entry` registered for the length of a `with` block (tests, plug-ins tried out)."""
    register(entry)
    try:
        yield entry
    finally:
        unregister(entry.name)


def _model_target(ws: Any, period: str) -> dict[str, float]:
    """The goal kpiflow.yaml sets for the tree's root in `period`; an error that says how to give one."""
    from kpiflow.model.periods import parse_period  # noqa: PLC0415  (start-up: the registry imports no model code)

    root = next(iter(ws.model.tree), None)
    goal = ws.model.targets.get(parse_period(period, ws.model.fiscal_year_start).label("en"), {})  # 2026年度 is FY2026
    if root is None or root not in goal:
        name = root or "the tree"
        raise KpiflowError.worded(lambda lang: say("plan.no_target", lang, name=name, period=period))
    return {root: goal[root]}


def analysis(name: str) -> Analysis:
    """The registered analysis called `name` (with a suggestion for a typo)."""
    if name not in REGISTRY:
        raise UnknownNameError.for_name("analysis", name, REGISTRY)
    return REGISTRY[name]
