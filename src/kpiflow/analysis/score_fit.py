"""A fitted lead score (issue 18): a regularised logistic regression on what was known at each
lead's decision time, validated out of time, its weights turned into points for `scoring:`.

Each lead is judged at its *decision time*, `after` days after its creation: its fit attributes
(the contact's and account's columns), its channel and campaign, and how many touches of each
kind it made strictly before that moment (sales' own touches left out: they follow a handoff,
they do not predict it). Its outcome is whether it reached the target (an `sql` stage or later,
an `opportunity` stage or a deal, a `won` deal) within `within` days after the decision time.
A lead that reached the target before its decision time had nothing left to predict and is left
out; a lead whose window ends after the data is left out too (its outcome is not known yet).
Nothing that happens after the decision time is read, so a touch that only follows the outcome
never becomes a feature.

The split is out of time: the model is trained on leads created before a cut-off whose windows
had ended by it (what a model fitted on that day could have known), and tested on the leads
created after it. A random split mixes the future into the training and looks better than next
quarter will: its AUC is shown beside, labelled as such, never instead.

The features are built by one engine query (DuckDB or Spark); scikit-learn, imported only here,
fits the model on their arrays.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sqlglot import exp

from kpiflow.analysis.scoring import REACHED, ScoreError, default_moment, parse_days, parse_moment, reached_query
from kpiflow.engine.base import days_between, objects, timestamp
from kpiflow.messages import say
from kpiflow.model.config import RULE_NAME
from kpiflow.stats import normal_quantile, wilson_interval

MIN_POSITIVES = 100
"""Fewer positives than this among the training leads: the fit is refused with the counts."""
COUNT_CAP = 10
"""Touch counts are capped here: the 40th page view says little more than the 10th."""
MIN_LEVEL_LEADS = 20
"""A category value with fewer training leads gets no weight of its own (it joins the baseline)."""
POINTS_TO_DOUBLE = 10.0
"""Points that double the odds of the outcome: a weight w is w * 10 / ln 2 points."""
TEST_SHARE = 0.3
"""The default cut-off leaves this share of the leads, the latest ones, to the test."""

CONTACT_ATTRIBUTES = ("channel", "campaign", "job_title", "authority", "budget", "timeframe")
ACCOUNT_ATTRIBUTES = ("industry", "size_band", "region", "is_target")


def _col(name: str, table: str | None = None) -> exp.Column:
    return exp.column(name, table=table, quoted=True)


def _number(value: float) -> exp.Expression:
    return exp.cast(exp.convert(float(value)), "DOUBLE")


@dataclass(frozen=True)
class Feature:
    """One column of the model: a category value (fit) or a capped touch count (engagement)."""

    group: str  # fit | engagement
    table: str  # contacts | accounts | touchpoints
    column: str  # the attribute, or the touch type
    value: str | None = None  # the category value, or the content type of page views

    @property
    def where(self) -> str:
        """The feature as a condition of the condition language, ready for `scoring:`."""
        if self.group == "engagement":
            text = f"type = {_quote(self.column)}"
            return text + (f" AND content_type = {_quote(self.value)}" if self.value is not None else "")
        name = self.column if self.table == "contacts" else f"accounts.{self.column}"
        if self.column == "is_target":
            return name if self.value == "true" else f"NOT {name}"
        return f"{name} = {_quote(self.value or '')}"

    @property
    def name(self) -> str:
        """A rule name for `scoring:` (letters, digits and _; a value in Japanese leaves the column's name)."""
        text = re.sub(r"[^A-Za-z0-9]+", "_", "_".join(p for p in (self.column, self.value or "") if p)).strip("_").lower() or "rule"
        return text if RULE_NAME.fullmatch(text) else f"r_{text}"


def _quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


# -- the features, in the engine ------------------------------------------------------------------


def _touch_kinds(ws: Any, sales: list[str]) -> list[tuple[str, str | None]]:
    """(type, content type or None) of every kind of touch known persons made, sales' left out;
    page views are told apart by their content type."""
    t = "touchpoints"
    content = exp.Case(
        ifs=[exp.If(this=exp.EQ(this=_col("type", t), expression=exp.convert("page_view")), true=_col("content_type", t))], default=exp.null()
    )
    query = (
        exp.select(_col("type", t).as_("type"), content.as_("content_type"))
        .from_(exp.table_(t, quoted=True))
        .where(exp.and_(_col("contact_id", t).is_(exp.null()).not_(), *([exp.In(this=_col("type", t), expressions=[exp.convert(s) for s in sales]).not_()] if sales else [])))
        .group_by(exp.column("type"), exp.column("content_type"))
        .order_by(exp.column("type"), exp.column("content_type"))
    )
    return [(kind, content) for kind, content in ws.engine.run(query).rows if kind is not None]


def feature_query(ws: Any, *, target: str, after_days: float, within_days: float, end: dt.datetime, lang: str) -> tuple[exp.Select, list[str], list[tuple[str, str | None]]]:
    """One row per lead whose window ended by `end` and that had not reached the target by its
    decision time: contact_id, created_at, its attributes (as text), its capped touch counts
    before the decision time, and `outcome` (1: reached the target within the window)."""
    columns = ws.columns()
    c, a, t = "contacts", "accounts", "touchpoints"
    attributes = [(c, name) for name in CONTACT_ATTRIBUTES if name in columns.get(c, [])]
    attributes += [(a, name) for name in ACCOUNT_ATTRIBUTES if name in columns.get(a, [])]
    kinds = _touch_kinds(ws, list(ws.model.handoff.sales_touch_types))
    matured = exp.GTE(this=days_between(timestamp(end), _col("created_at", c)), expression=_number(after_days + within_days))
    leads = exp.select(
        _col("contact_id", c).as_("contact_id"),
        _col("created_at", c).as_("created_at"),
        *[exp.cast(_col(name, table), "VARCHAR").as_(f"a{i}") for i, (table, name) in enumerate(attributes)],
    ).from_(exp.table_(c, quoted=True))
    if any(table == a for table, _ in attributes):
        leads = leads.join(exp.table_(a, quoted=True), on=exp.EQ(this=_col("account_id", c), expression=_col("account_id", a)), join_type="LEFT")
    leads = leads.where(matured)
    before = exp.LT(this=days_between(_col("occurred_at", t), _col("created_at", "leads")), expression=_number(after_days))
    counted = [_col("contact_id", "leads").as_("contact_id")]
    for j, (kind, content) in enumerate(kinds):
        match: exp.Expression = exp.EQ(this=_col("type", t), expression=exp.convert(kind))
        if kind == "page_view":
            match = exp.and_(
                match,
                exp.EQ(this=_col("content_type", t), expression=exp.convert(content)) if content is not None else _col("content_type", t).is_(exp.null()),
            )
        counted.append(exp.func("COUNT", exp.Case(ifs=[exp.If(this=match, true=exp.convert(1))], default=exp.null())).as_(f"t{j}"))
    touches = (
        exp.select(*counted)
        .from_("leads")
        .join(exp.table_(t, quoted=True), on=exp.EQ(this=_col("contact_id", t), expression=_col("contact_id", "leads")), join_type="INNER")
        .where(before)
        .group_by(_col("contact_id", "leads"))
    )
    since = days_between(_col("reached_at", REACHED), _col("created_at", "leads"))
    outcome = exp.Case(
        ifs=[exp.If(this=exp.LT(this=since.copy(), expression=_number(after_days + within_days)), true=exp.convert(1))], default=exp.convert(0)
    )
    query = (
        exp.select(
            _col("contact_id", "leads").as_("contact_id"),
            _col("created_at", "leads").as_("created_at"),
            *[_col(f"a{i}", "leads").as_(f"a{i}") for i in range(len(attributes))],
            *[
                exp.Least(this=exp.func("COALESCE", _col(f"t{j}", "touches"), exp.convert(0)), expressions=[exp.convert(COUNT_CAP)]).as_(f"t{j}")
                for j in range(len(kinds))
            ],
            outcome.as_("outcome"),
        )
        .with_("leads", as_=leads)
        .with_(REACHED, as_=reached_query(ws, target, lang))
        .with_("touches", as_=touches)
        .from_("leads")
        .join(REACHED, on=exp.EQ(this=_col("contact_id", REACHED), expression=_col("contact_id", "leads")), join_type="LEFT")
        .join("touches", on=exp.EQ(this=_col("contact_id", "touches"), expression=_col("contact_id", "leads")), join_type="LEFT")
        .where(exp.or_(_col("reached_at", REACHED).is_(exp.null()), exp.GTE(this=since, expression=_number(after_days))))
        .order_by(_col("created_at", "leads"), _col("contact_id", "leads"))
    )
    return query, [f"{table}.{name}" for table, name in attributes], kinds


# -- statistics --------------------------------------------------------------------------------------


def auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """The area under the ROC curve: the share of (positive, negative) pairs the score orders
    right, ties counting half (the Mann-Whitney U over n1 * n0), from mid-ranks."""
    labels = labels.astype(bool)
    n1, n0 = int(labels.sum()), int((~labels).sum())
    order = np.argsort(scores, kind="mergesort")
    ranks = np.empty(len(scores), dtype=float)
    sorted_scores = scores[order]
    i = 0
    while i < len(scores):
        j = i
        while j + 1 < len(scores) and sorted_scores[j + 1] == sorted_scores[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2 + 1
        i = j + 1
    return float((ranks[labels].sum() - n1 * (n1 + 1) / 2) / (n1 * n0))


def hanley_mcneil(area: float, positives: int, negatives: int, confidence: float = 0.95) -> tuple[float, float]:
    """The AUC's interval from Hanley & McNeil's (1982) standard error, clipped to [0, 1]."""
    q1, q2 = area / (2 - area), 2 * area * area / (1 + area)
    variance = (area * (1 - area) + (positives - 1) * (q1 - area * area) + (negatives - 1) * (q2 - area * area)) / (positives * negatives)
    z = normal_quantile(0.5 + confidence / 2)
    half = z * math.sqrt(max(variance, 0.0))
    return max(0.0, area - half), min(1.0, area + half)


# -- the result -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FitResult:
    target: str
    within_days: float
    after_days: float
    cutoff: dt.datetime
    auc: float
    auc_ci_low: float
    auc_ci_high: float
    random_split_auc: float
    train: dict[str, Any]
    test: dict[str, Any]
    deciles: list[dict[str, Any]]
    brier: float
    brier_baseline: float
    reliability: list[dict[str, Any]]
    weights: list[dict[str, Any]]
    intercept: float
    scoring_yaml: str
    excluded_already_converted: int
    # The test leads' predictions and outcomes (for checks and charts; not in the JSON).
    predictions: np.ndarray = field(repr=False, default_factory=lambda: np.zeros(0))
    outcomes: np.ndarray = field(repr=False, default_factory=lambda: np.zeros(0))

    def to_dict(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "within": f"{self.within_days:g}d",
            "after": f"{self.after_days:g}d",
            "cutoff": self.cutoff,
            "auc": self.auc,
            "auc_ci_low": self.auc_ci_low,
            "auc_ci_high": self.auc_ci_high,
            "random_split_auc": self.random_split_auc,
            "random_split_note": "a random 70/30 split of the same leads, for comparison only: it trains on the future",
            "train": dict(self.train),
            "test": dict(self.test),
            "excluded_already_converted": self.excluded_already_converted,
            "deciles": [dict(d) for d in self.deciles],
            "brier": self.brier,
            "brier_baseline": self.brier_baseline,
            "reliability": [dict(r) for r in self.reliability],
            "weights": [dict(w) for w in self.weights],
            "intercept": self.intercept,
            "points_to_double_the_odds": POINTS_TO_DOUBLE,
            "scoring_yaml": self.scoring_yaml,
        }

    def summary(self, lang: str) -> str:
        return say(
            "score.fit_summary",
            lang,
            auc=f"{self.auc:.3f}",
            low=f"{self.auc_ci_low:.3f}",
            high=f"{self.auc_ci_high:.3f}",
            test_leads=self.test["leads"],
            test_from=self.test["from"],
            test_to=self.test["to"],
            random=f"{self.random_split_auc:.3f}",
            brier=f"{self.brier:.4f}",
        )

    def deciles_title(self, lang: str) -> str:
        return say("score.deciles", lang, target=self.target, within=f"{self.within_days:g}d")


def _span(created: np.ndarray, outcome: np.ndarray) -> dict[str, Any]:
    return {
        "from": str(created.min())[:10] if len(created) else None,
        "to": str(created.max())[:10] if len(created) else None,
        "leads": int(len(outcome)),
        "positives": int(outcome.sum()),
    }


def _design(rows: dict[str, np.ndarray], attributes: list[str], kinds: list[tuple[str, str | None]], train: np.ndarray) -> tuple[np.ndarray, list[Feature]]:
    """The model's matrix: a 0/1 column per category value with enough training leads, and a
    capped count per touch kind that varies in training."""
    blocks: list[np.ndarray] = []
    features: list[Feature] = []
    for i, qualified in enumerate(attributes):
        table, name = qualified.split(".", 1)
        values = objects(rows[f"a{i}"])  # NULL is None on every engine (DuckDB masks it)
        present = values[train]
        known = np.array([v for v in present if v is not None], dtype=object).astype(str)
        levels, counts = np.unique(known, return_counts=True)
        # Every lead has a value: the commonest is the baseline (else its column and the rest's sum the intercept's).
        baseline = levels[np.argmax(counts)] if len(known) == len(present) and len(levels) else None
        for level, count in zip(levels, counts, strict=True):
            if count < MIN_LEVEL_LEADS or level == baseline:
                continue
            blocks.append((values == level).astype(float))
            features.append(Feature("fit", table, name, str(level)))
    for j, (kind, content) in enumerate(kinds):
        column = rows[f"t{j}"].astype(float)
        if np.ptp(column[train]) == 0:
            continue
        blocks.append(column)
        features.append(Feature("engagement", "touchpoints", kind, content))
    matrix = np.column_stack(blocks) if blocks else np.zeros((len(train), 0))
    return matrix, features


def _model(c: float = 1.0):
    from sklearn.linear_model import LogisticRegression  # noqa: PLC0415  (scikit-learn loads only for `score fit`)

    return LogisticRegression(C=c, solver="newton-cholesky", max_iter=200)


def _yaml(features: list[Feature], points: np.ndarray, target: str, within: float, train: dict[str, Any]) -> str:
    lines = [
        f"# Fitted by kpiflow score fit on {train['leads']:,} leads created {train['from']} .. {train['to']}: "
        f"{POINTS_TO_DOUBLE:g} points double the odds of {target} within {within:g}d.",
        "scoring:",
    ]
    used: set[str] = set()
    for group in ("fit", "engagement"):
        chosen = [(f, p) for f, p in zip(features, points, strict=True) if f.group == group and abs(p) >= 0.5]
        if not chosen:
            continue
        lines.append(f"  {group}:")
        for feature, value in sorted(chosen, key=lambda fp: -abs(fp[1])):
            name, n = feature.name, 1
            while name in used:
                n += 1
                name = f"{feature.name}_{n}"
            used.add(name)
            where = feature.where.replace('"', '\\"')
            extra = f", cap: {round(value * COUNT_CAP, 1):g}" if group == "engagement" and value > 0 else ""
            lines.append(f'    {name}: {{where: "{where}", points: {round(value, 1):g}{extra}}}')
    return "\n".join(lines)


def fit_score(
    ws: Any,
    *,
    target: str = "sql",
    within: str = "90d",
    after: str = "14d",
    cutoff: str | dt.datetime | None = None,
    lang: str | None = None,
    seed: int = 0,
) -> FitResult:
    """Fit, validate out of time, and turn the weights into points (see the module doc)."""
    lang = lang or ws.lang
    within_days = parse_days(within, lang, "--within")
    after_days = parse_days(after, lang, "--after")
    end = default_moment(ws)
    query, attributes, kinds = feature_query(ws, target=target, after_days=after_days, within_days=within_days, end=end, lang=lang)
    rows = dict(ws.engine.arrays(query))
    created = np.asarray(rows["created_at"], dtype="datetime64[us]")
    outcome = np.asarray(rows["outcome"], dtype=int)
    total = _already_converted(ws, target, after_days, within_days, end, lang)
    if cutoff is not None:
        cut = parse_moment(cutoff, lang, "--cutoff")
    elif len(created):
        cut = dt.datetime.combine(created[int(len(created) * (1 - TEST_SHARE))].astype(dt.datetime).date(), dt.time())
    else:
        cut = end
    cut64 = np.datetime64(cut, "us")
    horizon = np.timedelta64(int((after_days + within_days) * 86_400_000_000), "us")
    train = (created < cut64) & (created + horizon <= cut64)
    test = created >= cut64
    train_span, test_span = _span(created[train], outcome[train]), _span(created[test], outcome[test])
    if train_span["positives"] < MIN_POSITIVES or test_span["positives"] == 0 or test_span["positives"] == test_span["leads"]:
        raise ScoreError(
            say(
                "score.too_few",
                lang,
                positives=train_span["positives"],
                leads=train_span["leads"],
                start=train_span["from"],
                end=train_span["to"],
                target=target,
                within=f"{within_days:g}d",
                test_positives=test_span["positives"],
                test_leads=test_span["leads"],
                need=MIN_POSITIVES,
            )
        )
    matrix, features = _design(rows, attributes, kinds, train)
    model = _model().fit(matrix[train], outcome[train])
    predicted = model.predict_proba(matrix[test])[:, 1]
    y = outcome[test]
    area = auc(predicted, y)
    low, high = hanley_mcneil(area, int(y.sum()), int(len(y) - y.sum()))
    random_auc = _random_split_auc(rows, attributes, kinds, outcome, seed)
    points = model.coef_[0] * POINTS_TO_DOUBLE / math.log(2)
    weights = [
        {
            "feature": f.where,
            "group": f.group,
            "name": f.name,
            "coefficient": float(w),
            "odds_ratio": float(math.exp(w)),
            "points": float(p),
        }
        for f, w, p in sorted(zip(features, model.coef_[0], points, strict=True), key=lambda fwp: -abs(fwp[1]))
    ]
    base = float(y.mean())
    return FitResult(
        target=target,
        within_days=within_days,
        after_days=after_days,
        cutoff=cut,
        auc=area,
        auc_ci_low=low,
        auc_ci_high=high,
        random_split_auc=random_auc,
        train=train_span,
        test=test_span,
        deciles=_deciles(predicted, y),
        brier=float(np.mean((predicted - y) ** 2)),
        brier_baseline=base * (1 - base),
        reliability=_reliability(predicted, y),
        weights=weights,
        intercept=float(model.intercept_[0]),
        scoring_yaml=_yaml(features, points, target, within_days, train_span),
        excluded_already_converted=total,
        predictions=predicted,
        outcomes=y,
    )


def _already_converted(ws: Any, target: str, after_days: float, within_days: float, end: dt.datetime, lang: str) -> int:
    """Leads of the matured cohort left out because they reached the target before their decision time."""
    c = "contacts"
    since = days_between(_col("reached_at", REACHED), _col("created_at", c))
    query = (
        exp.select(exp.func("COUNT", exp.Star()))
        .from_(exp.table_(c, quoted=True))
        .join(reached_query(ws, target, lang).subquery(REACHED), on=exp.EQ(this=_col("contact_id", REACHED), expression=_col("contact_id", c)), join_type="INNER")
        .where(
            exp.and_(
                exp.GTE(this=days_between(timestamp(end), _col("created_at", c)), expression=_number(after_days + within_days)),
                exp.LT(this=since, expression=_number(after_days)),
            )
        )
    )
    return int(ws.engine.run(query).scalar())


def _random_split_auc(rows: dict[str, np.ndarray], attributes: list[str], kinds: list[tuple[str, str | None]], outcome: np.ndarray, seed: int) -> float:
    """The same model on a random 70/30 split of the same leads: shown beside, labelled, for comparison."""
    rng = np.random.default_rng(seed)
    train = rng.random(len(outcome)) < 1 - TEST_SHARE
    matrix, _ = _design(rows, attributes, kinds, train)
    if outcome[train].min() == outcome[train].max() or outcome[~train].min() == outcome[~train].max():
        return float("nan")
    predicted = _model().fit(matrix[train], outcome[train]).predict_proba(matrix[~train])[:, 1]
    return auc(predicted, outcome[~train])


def _deciles(predicted: np.ndarray, y: np.ndarray) -> list[dict[str, Any]]:
    """Test leads ranked by predicted probability, best first, in ten groups as equal as can be."""
    order = np.argsort(-predicted, kind="mergesort")
    base = y.mean()
    out = []
    for i, part in enumerate(np.array_split(order, 10), start=1):
        n, hits = len(part), int(y[part].sum())
        if n == 0:
            continue
        low, high = wilson_interval(hits, n)
        out.append(
            {
                "decile": i,
                "leads": n,
                "converted": hits,
                "rate": hits / n,
                "rate_low": low,
                "rate_high": high,
                "lift": float((hits / n) / base) if base else None,
                "predicted": float(predicted[part].mean()),
            }
        )
    return out


def _reliability(predicted: np.ndarray, y: np.ndarray) -> list[dict[str, Any]]:
    """Predicted against observed in ten equal bins of the predicted probability (the calibration plot)."""
    out = []
    bins = np.minimum((predicted * 10).astype(int), 9)
    for b in range(10):
        mask = bins == b
        n = int(mask.sum())
        if n == 0:
            continue
        hits = int(y[mask].sum())
        low, high = wilson_interval(hits, n)
        out.append(
            {
                "bin_low": b / 10,
                "bin_high": (b + 1) / 10,
                "leads": n,
                "predicted": float(predicted[mask].mean()),
                "observed": hits / n,
                "observed_low": low,
                "observed_high": high,
            }
        )
    return out


# -- the fit as tables and charts, for the dashboard's page (registry: score_fit) ------------------

_TITLES = {
    "validation": {"ja": "時系列で分けた検証", "en": "Out-of-time validation"},
    "deciles": {"ja": "予測順の十分位（上位から）", "en": "Deciles of the prediction, best first"},
    "reliability": {"ja": "較正（予測と実績）", "en": "Calibration: predicted against observed"},
    "weights": {"ja": "重みと点数", "en": "Weights and points"},
}


_WORDS = {
    "auc": ("AUC（検証）", "AUC (test)"),
    "auc_ci_low": ("95%下限", "95% low"),
    "auc_ci_high": ("95%上限", "95% high"),
    "random_split_auc": ("AUC（無作為分割・参考）", "AUC (random split, for comparison)"),
    "brier": ("ブライアスコア", "Brier score"),
    "brier_baseline": ("ブライアスコア（平均のみ）", "Brier score (base rate only)"),
    "train_leads": ("学習リード", "Training leads"),
    "train_positives": ("学習の成果", "Training positives"),
    "test_leads": ("検証リード", "Test leads"),
    "test_positives": ("検証の成果", "Test positives"),
    "decile": ("十分位", "Decile"),
    "leads": ("リード", "Leads"),
    "converted": ("成果", "Converted"),
    "rate": ("転換率", "Rate"),
    "rate_low": ("95%下限", "95% low"),
    "rate_high": ("95%上限", "95% high"),
    "lift": ("リフト", "Lift"),
    "predicted": ("予測確率", "Predicted"),
    "bin_low": ("予測の下端", "Predicted from"),
    "bin_high": ("予測の上端", "Predicted to"),
    "observed": ("実績の率", "Observed"),
    "observed_low": ("95%下限", "95% low"),
    "observed_high": ("95%上限", "95% high"),
    "feature": ("特徴", "Feature"),
    "coefficient": ("係数", "Coefficient"),
    "points": ("点数", "Points"),
}


def _columns(*specs: tuple[str, str]):
    from kpiflow.analysis.result import Column  # noqa: PLC0415

    return tuple(Column(name, kind, {"ja": _WORDS[name][0], "en": _WORDS[name][1]}) for name, kind in specs)


def fit_tables(ws: Any, *, target: str = "sql", within: str = "90d", after: str = "14d", lang: str | None = None):
    """`fit_score` as a `Tabular`: its validation, deciles, calibration and weights."""
    from kpiflow.analysis.result import Table, Tabular  # noqa: PLC0415

    fit = fit_score(ws, target=target, within=within, after=after, lang=lang)
    validation = {
        "auc": fit.auc,
        "auc_ci_low": fit.auc_ci_low,
        "auc_ci_high": fit.auc_ci_high,
        "random_split_auc": fit.random_split_auc,
        "brier": fit.brier,
        "brier_baseline": fit.brier_baseline,
        "train_leads": fit.train["leads"],
        "train_positives": fit.train["positives"],
        "test_leads": fit.test["leads"],
        "test_positives": fit.test["positives"],
    }
    number, count = ("number", "count")
    tables = (
        Table(
            "validation",
            _TITLES["validation"],
            _columns(*((k, count if k.endswith(("leads", "positives")) else number) for k in validation)),
            (validation,),
        ),
        Table(
            "deciles",
            _TITLES["deciles"],
            _columns(("decile", "count"), ("leads", "count"), ("converted", "count"), ("rate", "rate"), ("rate_low", "rate"), ("rate_high", "rate"), ("lift", "ratio"), ("predicted", "percent")),
            tuple(fit.deciles),
        ),
        Table(
            "reliability",
            _TITLES["reliability"],
            _columns(("bin_low", "percent"), ("bin_high", "percent"), ("leads", "count"), ("predicted", "percent"), ("observed", "rate"), ("observed_low", "rate"), ("observed_high", "rate")),
            tuple(fit.reliability),
        ),
        Table(
            "weights",
            _TITLES["weights"],
            _columns(("feature", "text"), ("coefficient", "number"), ("points", "number")),
            tuple({k: w.get(k) for k in ("feature", "coefficient", "points")} for w in fit.weights),
        ),
    )
    return Tabular("score_fit", {"target": target, "within": within, "after": after}, tables, notes=(fit.summary(lang or ws.lang),))


def fit_charts(data: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    """The decile chart (each decile's conversion rate with its 95% interval, the base rate as a
    line) and the calibration plot (observed against predicted, the diagonal a perfect model)."""
    ja = lang == "ja"
    deciles = data["tables"]["deciles"]["rows"]
    bins = data["tables"]["reliability"]["rows"]
    test = data["tables"]["validation"]["rows"][0]
    base = test["test_positives"] / test["test_leads"] if test["test_leads"] else None

    def errors(rows: list[dict[str, Any]], value: str, low: str, high: str) -> dict[str, Any]:
        return {
            "type": "data",
            "array": [r[high] - r[value] for r in rows],
            "arrayminus": [r[value] - r[low] for r in rows],
            "visible": True,
        }

    decile_chart = {
        "data": [
            {
                "type": "bar",
                "x": [r["decile"] for r in deciles],
                "y": [r["rate"] for r in deciles],
                "error_y": errors(deciles, "rate", "rate_low", "rate_high"),
                "text": [f"×{r['lift']:.2f}" if r["lift"] is not None else "" for r in deciles],
                "textposition": "outside",
                "name": "転換率" if ja else "Conversion rate",
            }
        ],
        "layout": {
            "margin": {"t": 60, "l": 70, "r": 20, "b": 50},
            "title": {"text": "十分位ごとの転換率（上位から、×はリフト）" if ja else "Conversion by decile, best first (× is the lift)"},
            "xaxis": {"title": {"text": "十分位" if ja else "Decile"}, "dtick": 1},
            "yaxis": {"title": {"text": "転換率" if ja else "Conversion rate"}, "tickformat": ".0%"},
            "shapes": [] if base is None else [
                {"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": base, "y1": base, "line": {"dash": "dash"}}
            ],
        },
    }
    calibration = {
        "data": [
            {
                "type": "scatter",
                "mode": "markers",
                "x": [r["predicted"] for r in bins],
                "y": [r["observed"] for r in bins],
                "error_y": errors(bins, "observed", "observed_low", "observed_high"),
                "text": [f"n={r['leads']:,}" for r in bins],
                "name": "実績" if ja else "Observed",
            },
            {"type": "scatter", "mode": "lines", "x": [0, 1], "y": [0, 1], "line": {"dash": "dot"}, "name": "予測どおり" if ja else "Perfectly calibrated"},
        ],
        "layout": {
            "margin": {"t": 60, "l": 70, "r": 20, "b": 50},
            "title": {"text": "較正: 予測と実績" if ja else "Calibration: predicted against observed"},
            "xaxis": {"title": {"text": "予測確率" if ja else "Predicted probability"}, "tickformat": ".0%", "range": [0, 1]},
            "yaxis": {"title": {"text": "実績の転換率" if ja else "Observed rate"}, "tickformat": ".0%", "range": [0, 1]},
        },
    }
    return [decile_chart, calibration]
