"""`kpiflow patterns`: which touchpoints and sequences of them precede an outcome more often than the base rate.

The winning pattern of a period: the steps (a pricing page, a hands-on demo, a case study) and
the ordered sequences of up to three of them that units who reached the outcome went through
shortly before it, compared with everyone else. Everything is computed in the engine, in one
statement per period: the population (one scan of touchpoints and the outcome's table), each
unit's window of events (a second, range-restricted scan joined to the population; both
materialized once), the units holding each step, pair and triple (self-joins on the unit
restricted by time, grouped counts) and the top paths (window functions). Python only turns
the counts into rates, tests and intervals.

Definitions:

- **Outcome.** One of
  ``"type = 'inquiry'"``: a condition on touchpoints in the `where` grammar of the model file
  (columns of touchpoints only, no subqueries): the unit's first touchpoint matching it;
  ``stage:NAME``: the unit's first entry into a contact stage in stage_history (``entity =
  'contact'``). For ``stage:opportunity`` the ``created_at`` of the contact's deals counts too
  (whichever is earlier): the demo, like most CRMs, records an opportunity both as a contact
  stage and as a deal, and a CRM export may carry only the deals. A stage that only deals have
  (``stage:proposal``) is the first entry of any deal of the contact (deals.contact_id);
  ``won``: the ``closed_at`` of the contact's first won deal.
  Only the *first* outcome of a unit counts. An outcome condition that no touchpoint of the data
  matches is refused with the nearest existing value (a misspelt ``type = 'inqury'``); one that
  matches touchpoints, only none in the period, is reported in ``warnings``.
- **Unit.** ``contact`` (touchpoints.contact_id: events without a contact are ignored) or
  ``account``, the buying committee: touchpoints.account_id, or when empty the account of the
  touchpoint's contact; any person of the account contributes steps, and the account's outcome
  is the earliest outcome of any of its people (a deal's own account_id comes first for deals).
- **Population.** Units active in the period (at least one touchpoint of any kind with
  ``start <= occurred_at < end``), except units whose first outcome came before the period
  (they have nothing left to reach). ``period=None``: every unit with a touchpoint.
  *Converters* reached their first outcome before the period's end; everyone else is a
  *non-converter* of the period (even if they convert later).
- **Window.** For a converter, its touchpoints with ``outcome - within <= occurred_at <
  outcome``: the limit itself counts, one microsecond earlier does not, and events at the very
  instant of the outcome are not "before" it (so the outcome event never counts as its own
  step). A non-converter is looked at over a *reference window* of the same length that ends
  with its last touchpoint in the period, that touchpoint included: both groups are seen over
  equally long stretches of their journey, so a step that merely comes with long activity does
  not look predictive. ``within=None``: everything before the outcome (converters) or up to the
  last touchpoint in the period (non-converters). The window may reach back before the period.
- **Step.** The touchpoint ``type``, refined with ``:content_type`` for the content types of
  `REFINED_TYPES` (page_view, download, form_submit, email_open, email_click) when
  content_type is not empty: ``page_view:pricing``, ``download:whitepaper``. Every other type
  is the type alone: ``demo``, ``booth_visit``, ``inquiry``, ``meeting``. (Exhibit ids and
  channels are too fine or too coarse to be steps; break down with the funnel instead.)
  ``where`` (a touchpoint condition) keeps only the matching events as steps, for example
  ``"channel <> 'sales'"`` to leave out calls and meetings; the population and the anchors of
  the reference windows still use every touchpoint.
- **Pattern.** A sequence of 1 to `max_length` (<= 3) steps. A unit holds it when its window
  has events of those steps at strictly increasing times; other events may come in between
  (gaps allowed). With ``strict=True`` no event of the unit's window may fall strictly between
  two consecutive steps' times (the touch_funnel rule: events at the very same instant are not
  between). Events at the same instant are never ordered, so they do not form a sequence.
- **Counts and rates.** ``support`` = units holding the pattern (converters and non-converters);
  ``converters`` = those of them that converted; ``confidence`` = converters / support =
  P(outcome | pattern); ``base_rate`` = converters / units of the population = P(outcome);
  ``lift`` = confidence / base_rate. Only patterns with ``support >= min_support`` are tested
  and reported; a sequence is only looked for when its first two and last two steps are
  frequent (a sequence is never more frequent than its parts).
- **Tests.** ``p_value``: Fisher's exact test (two-sided, as R's ``fisher.test``) of the outcome
  rate of pattern holders against non-holders (1.0 when every unit holds it); exact because
  converters are often few, where a z-test would be far too confident. ``q_value``:
  Benjamini-Hochberg over every pattern tested. ``significant``: ``q_value <= 0.05``. The 95% interval of ``lift`` is
  Katz's log interval for the risk ratio RR of holders vs non-holders, carried over through
  ``lift = RR / (s * RR + 1 - s)`` with ``s`` = support / units (the holders' share, taken as
  fixed); a cell of zero adds 0.5 to every cell for the interval, and the bound on that side
  is then the extreme (0, or 1 / s when no non-holder converted). Fewer than 30 holders is
  flagged as a small sample.
- **Order.** Significant patterns first, by lift (highest first), then support; then the rest
  by support, then lift.
- **Compare.** With ``compare=Period`` each reported pattern is counted in that period too (by
  the same rules, whatever its support there): ``support_then``, ``confidence_then``,
  ``lift_then``, and Fisher's exact test of confidence now against then (``change_p_value``;
  ``change_q_value`` by Benjamini-Hochberg over the patterns held in both periods).
  ``rose``: confidence is higher now and ``change_q_value <= 0.05``.
- **Paths.** The top `top_paths` paths into the outcome: each converter's steps in its window
  in time order (events at the same instant in step-name order), consecutive repeats collapsed
  into one, first touch -> ... -> outcome. A path longer than `PATH_STEPS` steps keeps its first
  touch, then "…", then the last steps before the outcome. As Sankey data: nodes named
  ``"<position>. <step>"`` (from 1) plus the outcome node, links ``{source, target, value}`` of
  the top paths. Converters without any step in their window have no path (``without_steps``).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
from sqlglot import exp

from kpiflow.analysis.frames import records_frame
from kpiflow.analysis.result import Described
from kpiflow.analysis.touch_funnel import parse_within, value_hints
from kpiflow.engine.base import Engine, EngineError
from kpiflow.engine.base import timestamp as sql_timestamp
from kpiflow.errors import KpiflowError, UnknownNameError, did_you_mean, message_of, suggest
from kpiflow.messages import say
from kpiflow.model.config import ModelFile
from kpiflow.model.periods import Period, parse_period
from kpiflow.model.semantic import parse_condition
from kpiflow.stats import SMALL_SAMPLE, benjamini_hochberg, normal_quantile

UNITS = ("contact", "account")
DEFAULT_WITHIN = "30d"
MIN_SUPPORT = 20
"""Patterns held by fewer units are not tested: their lift is too noisy to rank."""
MAX_LENGTH = 3
ALPHA = 0.05
TOP_PATHS = 10
PATH_STEPS = 5
"""Longer paths keep their first touch, "…" and the last PATH_STEPS - 2 steps."""
ELLIPSIS = "…"
REFINED_TYPES = ("page_view", "download", "form_submit", "email_open", "email_click")
"""Touchpoint types whose step is ``type:content_type`` (what was read, not only that something was)."""
OPPORTUNITY_STAGE = "opportunity"
"""The contact stage that a deal's creation also marks."""

_TABLE = "touchpoints"
# Nodes that cannot be part of an outcome or step condition.
_FORBIDDEN = (
    exp.Query,
    exp.Subquery,
    exp.Create,
    exp.Drop,
    exp.Insert,
    exp.Update,
    exp.Delete,
    exp.Alter,
    exp.Command,
    exp.Block,
    exp.AggFunc,
    exp.Window,
    exp.Placeholder,
    exp.Parameter,
    exp.Star,
)


class PatternsError(KpiflowError, ValueError):
    """The patterns analysis was asked for with an outcome, a window or options that cannot work."""

    exit_code = 2


# --- results ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Then:
    """One pattern counted in the comparison period, and the test of its change."""

    support: int
    converters: int
    confidence: float | None
    lift: float | None
    change_p_value: float | None  # confidence now vs then (Fisher's exact test); None if not held then
    change_q_value: float | None
    rose: bool | None


@dataclass(frozen=True)
class PatternRecord:
    """One step or ordered sequence of steps, with its counts, lift, interval and tests."""

    pattern: tuple[str, ...]
    support: int  # units holding the pattern
    converters: int  # of them, units that reached the outcome
    confidence: float  # converters / support
    base_rate: float  # converters / units of the whole population
    lift: float | None  # confidence / base_rate; None when nobody converted
    ci_low: float | None
    ci_high: float | None
    p_value: float
    q_value: float
    significant: bool
    then: Then | None = None

    @property
    def length(self) -> int:
        return len(self.pattern)

    @property
    def small_sample(self) -> bool:
        return self.support < SMALL_SAMPLE

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "pattern": list(self.pattern),
            "length": self.length,
            "support": self.support,
            "converters": self.converters,
            "confidence": self.confidence,
            "base_rate": self.base_rate,
            "lift": self.lift,
            "ci_low": self.ci_low,
            "ci_high": self.ci_high,
            "p_value": self.p_value,
            "q_value": self.q_value,
            "significant": self.significant,
            "small_sample": self.small_sample,
        }
        if self.then is not None:
            out |= {
                "support_then": self.then.support,
                "converters_then": self.then.converters,
                "confidence_then": self.then.confidence,
                "lift_then": self.then.lift,
                "change_p_value": self.then.change_p_value,
                "change_q_value": self.then.change_q_value,
                "rose": self.then.rose,
            }
        return out


@dataclass(frozen=True)
class PathCount:
    """One path into the outcome (collapsed steps, first touch first) and how many converters took it."""

    steps: tuple[str, ...]
    count: int
    share: float  # of the converters that have a path

    def to_dict(self) -> dict[str, object]:
        return {"path": list(self.steps), "count": self.count, "share": self.share}


@dataclass(frozen=True)
class SankeyLink:
    """A flow between two Sankey nodes ("<position>. <step>" or the outcome), in converters."""

    source: str
    target: str
    value: int

    def to_dict(self) -> dict[str, object]:
        return {"source": self.source, "target": self.target, "value": self.value}


@dataclass(frozen=True)
class Paths:
    """The top paths into the outcome and the same paths as Sankey nodes and links."""

    outcome: str
    paths: list[PathCount]
    links: list[SankeyLink]
    with_steps: int  # converters with at least one step in their window
    without_steps: int

    @property
    def nodes(self) -> list[str]:
        seen = dict.fromkeys(n for link in self.links for n in (link.source, link.target))
        return list(seen)

    def to_dict(self) -> dict[str, object]:
        return {
            "outcome": self.outcome,
            "nodes": self.nodes,
            "links": [link.to_dict() for link in self.links],
            "paths": [p.to_dict() for p in self.paths],
            "with_steps": self.with_steps,
            "without_steps": self.without_steps,
        }


@dataclass(frozen=True)
class Population:
    """The units of one period and how many of them reached the outcome."""

    units: int
    converters: int

    @property
    def base_rate(self) -> float | None:
        return self.converters / self.units if self.units else None


@dataclass(frozen=True, eq=False)
class PatternsResult(Described):
    """Patterns that precede the outcome, ranked, with the top paths into it."""

    outcome: str
    unit: str
    within: dt.timedelta | None
    max_length: int
    strict: bool
    min_support: int
    where: str | None
    period: str | None  # the period's label; None for all data
    compare: str | None
    population: Population
    population_then: Population | None
    records: list[PatternRecord]
    paths: Paths
    lang: str = "en"
    queries: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # an outcome that matches no touchpoint in the period

    ANALYSIS = "patterns"
    MAIN = "records"
    PARAMS = ("outcome", "unit", "within_seconds", "max_length", "strict", "min_support", "where", "period", "compare")
    NOTES = ("warnings",)
    # A pattern's interval is its lift's.
    KINDS = {"records.ci_low": "ratio", "records.ci_high": "ratio", "paths.outcome": "label", "paths_links.source": "label", "paths_links.value": "count"}
    TITLES = {
        "paths_links": {"ja": "経路の流れ", "en": "Flows between steps"},
        "paths_paths": {"ja": "経路ごとの人数", "en": "People per path"},
    }

    @property
    def base_rate(self) -> float | None:
        return self.population.base_rate

    @property
    def significant(self) -> list[PatternRecord]:
        return [r for r in self.records if r.significant]

    def record(self, *pattern: str) -> PatternRecord:
        """The record of one pattern: ``result.record("booth_visit", "demo")``."""
        key = tuple(pattern[0]) if len(pattern) == 1 and not isinstance(pattern[0], str) else tuple(pattern)
        for r in self.records:
            if r.pattern == key:
                return r
        raise LookupError(
            f"no pattern {' -> '.join(key)!r} among the {len(self.records)} reported "
            f"(held by fewer than {self.min_support} units, or never seen)"
        )

    def to_json_data(self) -> dict[str, object]:
        out: dict[str, object] = {
            "outcome": self.outcome,
            "unit": self.unit,
            "within_seconds": None if self.within is None else self.within.total_seconds(),
            "max_length": self.max_length,
            "strict": self.strict,
            "min_support": self.min_support,
            "where": self.where,
            "period": self.period,
            "compare": self.compare,
            "units": self.population.units,
            "converters": self.population.converters,
            "base_rate": self.population.base_rate,
        }
        if self.population_then is not None:
            out |= {
                "units_then": self.population_then.units,
                "converters_then": self.population_then.converters,
                "base_rate_then": self.population_then.base_rate,
            }
        out |= {"records": [r.to_dict() for r in self.records], "paths": self.paths.to_dict(), "warnings": list(self.warnings)}
        return out

    def to_frame(self):
        """A pandas DataFrame of the records, one row per pattern (pandas is optional)."""
        return records_frame([r.to_dict() for r in self.records])


# --- the outcome and the unit -------------------------------------------------------------


@dataclass(frozen=True)
class _Outcome:
    label: str
    kind: str  # condition | stage | deal_stage | won
    condition: exp.Expression | None = None
    stage: str | None = None


def _col(name: str, table: str) -> exp.Column:
    return exp.column(name, table=table, quoted=True)


def _forbidden_name(node: exp.Expression, lang: str = "en") -> str:
    if isinstance(node, (exp.Query, exp.Subquery)):
        return say("patterns.forbidden.subquery", lang)
    if isinstance(node, (exp.Block, exp.Command, exp.Create, exp.Drop, exp.Insert, exp.Update, exp.Delete, exp.Alter)):
        return say("patterns.forbidden.statement", lang)
    if isinstance(node, (exp.AggFunc, exp.Window)):
        return say("patterns.forbidden.aggregate", lang)
    return say("patterns.forbidden.other", lang)


def _touch_condition(text: str, columns: Sequence[str], what: str) -> exp.Expression:
    """A condition on touchpoints' own columns, parsed and checked; columns come back qualified."""
    # Every refusal below keeps its wording, so the command line says it in the user's language.
    try:
        tree = parse_condition(text)
    except ValueError as e:

        def unreadable(lang: str, e: ValueError = e) -> str:
            detail = message_of(e, lang)
            if "<class" in str(e):
                detail = say("patterns.incomplete", lang, text=repr(text))
            help = say("patterns.outcome_help" if what == "outcome" else "patterns.condition_help", lang)
            return say("patterns.unreadable", lang, what=what, detail=detail, help=help)

        raise PatternsError.worded(unreadable) from None
    for node in tree.walk():
        if isinstance(node, _FORBIDDEN):
            raise PatternsError.worded(
                lambda lang, node=node: say("patterns.forbidden", lang, what=what, text=repr(text), name=_forbidden_name(node, lang))
            )
    known = list(columns)
    bare = isinstance(tree, exp.Column)

    def qualify(node: exp.Expression) -> exp.Expression:
        if not isinstance(node, exp.Column):
            return node
        name = node.name
        if node.table and node.table != _TABLE:
            column = f"{node.table}.{name}"
            raise PatternsError.worded(lambda lang: say("patterns.other_table", lang, what=what, text=repr(text), column=column))
        if name not in known:
            hint, quoted = suggest(name, known), node.this.quoted

            def unknown(lang: str) -> str:
                if quoted:
                    ending = say("patterns.quoted_column", lang, name=name)
                elif hint:
                    ending = did_you_mean(hint, lang)
                else:
                    ending = say("patterns.did_you_mean_type", lang, name=name) if bare else ""
                return say("patterns.unknown_column", lang, what=what, text=repr(text), name=name, hint=ending)

            raise UnknownNameError.worded(unknown)
        return _col(node.name, _TABLE)

    return tree.transform(qualify)


def _parse_outcome(text: str, model: ModelFile, columns: Sequence[str]) -> _Outcome:
    """Read an outcome: a touchpoint condition, ``stage:NAME`` or ``won``."""
    if not isinstance(text, str) or not text.strip():
        raise PatternsError.worded(lambda lang: say("patterns.no_outcome", lang, help=say("patterns.outcome_help", lang)))
    compact = text.strip()
    if compact.lower() == "won":
        return _Outcome("won", "won")
    head, colon, name = compact.partition(":")
    if colon and head.strip().lower() == "stage":
        name = name.strip()
        contact, deal = model.stage_names("contact"), model.stage_names("deal")
        if name in contact:
            return _Outcome(f"stage:{name}", "stage", stage=name)
        if name in deal:
            return _Outcome(f"stage:{name}", "deal_stage", stage=name)
        raise UnknownNameError.for_name("stage", name, [*contact, *(s for s in deal if s not in contact)])
    condition = _touch_condition(compact, columns, "outcome")
    return _Outcome(_sql(parse_condition(compact)), "condition", condition=condition)


def _unit_of_touch(unit: str) -> exp.Expression:
    if unit == "contact":
        return _col("contact_id", _TABLE)
    return exp.func("COALESCE", _col("account_id", _TABLE), _col("account_id", "contacts"))


def _step() -> exp.Expression:
    kind = exp.func("TRIM", _col("type", _TABLE))
    content = exp.func("NULLIF", exp.func("TRIM", _col("content_type", _TABLE)), exp.Literal.string(""))
    refined = exp.and_(kind.copy().isin(*REFINED_TYPES), exp.Not(this=exp.Is(this=content.copy(), expression=exp.null())))
    joined = exp.DPipe(this=exp.DPipe(this=kind.copy(), expression=exp.Literal.string(":")), expression=content)
    return exp.Case(ifs=[exp.If(this=refined, true=joined)], default=kind)


# --- the query ----------------------------------------------------------------------------


def _sql(expression: exp.Expression) -> str:
    """An expression as DuckDB SQL: user text reaches a query only parsed and re-rendered like this.

    The patterns query is written as DuckDB text of constructs every engine has (no lists, no
    ASOF); `Engine.translate` runs it as written on DuckDB and renders it for any other engine.
    """
    return expression.sql("duckdb")


def _micros(window: dt.timedelta) -> int:
    return window // dt.timedelta(microseconds=1)


def _strings(rows: Sequence[Sequence[str]], names: Sequence[str]) -> str:
    """A small constant table (VALUES of string literals); an empty one when there are no rows."""
    if not rows:
        cols = ", ".join(f"CAST(NULL AS VARCHAR) AS {n}" for n in names)
        return f"SELECT {cols} WHERE FALSE"
    values = ", ".join("(" + ", ".join(_sql(exp.Literal.string(v)) for v in row) + ")" for row in rows)
    return f"SELECT * FROM (VALUES {values}) AS v({', '.join(names)})"


class _Plan:
    """The SQL of one analysis (one period), built from the checked options."""

    def __init__(
        self,
        *,
        unit: str,
        outcome: _Outcome,
        keep: exp.Expression | None,
        within: dt.timedelta | None,
        start: dt.datetime | None,
        end: dt.datetime | None,
    ):
        self.unit = unit
        self.outcome = outcome
        self.keep = keep
        self.within = within
        self.start = start
        self.end = end
        self.u = _sql(_unit_of_touch(unit))

    def touch_from(self) -> str:
        joins = " LEFT JOIN contacts ON touchpoints.contact_id = contacts.contact_id" if self.unit == "account" else ""
        return f"touchpoints{joins}"

    @staticmethod
    def bound(column: str, start: dt.datetime | None, end: dt.datetime | None) -> str:
        parts = ["TRUE"]
        if start is not None:
            parts.append(f"{column} >= {_sql(sql_timestamp(start))}")
        if end is not None:
            parts.append(f"{column} < {_sql(sql_timestamp(end))}")
        return " AND ".join(parts)

    def outcomes(self) -> str:
        """u, o: each unit's first outcome, over all time."""
        account = self.unit == "account"
        kind = self.outcome.kind
        stage = _sql(exp.Literal.string(self.outcome.stage or ""))
        deal_unit = "COALESCE(d.account_id, c.account_id)" if account else "d.contact_id"
        deal_from = "deals AS d" + (" LEFT JOIN contacts AS c ON c.contact_id = d.contact_id" if account else "")
        sources: list[str] = []
        if kind == "condition":
            condition = _sql(self.outcome.condition)
            sources.append(f"SELECT {self.u} AS u, touchpoints.occurred_at AS o FROM {self.touch_from()} WHERE {condition}")
        elif kind == "stage":
            unit, joins = (
                ("c.account_id", " LEFT JOIN contacts AS c ON c.contact_id = s.entity_id") if account else ("s.entity_id", "")
            )
            sources.append(
                f"SELECT {unit} AS u, s.entered_at AS o FROM stage_history AS s{joins} WHERE s.entity = 'contact' AND s.stage = {stage}"
            )
            if self.outcome.stage == OPPORTUNITY_STAGE:
                sources.append(f"SELECT {deal_unit} AS u, d.created_at AS o FROM {deal_from}")
        elif kind == "deal_stage":
            sources.append(
                f"SELECT {deal_unit} AS u, s.entered_at AS o FROM stage_history AS s "
                f"JOIN {deal_from} ON s.entity = 'deal' AND s.entity_id = d.deal_id WHERE s.stage = {stage}"
            )
        else:
            sources.append(f"SELECT {deal_unit} AS u, d.closed_at AS o FROM {deal_from} WHERE d.outcome = 'won'")
        union = " UNION ALL ".join(sources)
        return f"SELECT u, MIN(o) AS o FROM ({union}) AS sources WHERE u IS NOT NULL AND o IS NOT NULL GROUP BY u"

    def units(self) -> str:
        """u, conv, anchor: the population of the period, who converted, and where each window ends."""
        active = (
            f"SELECT {self.u} AS u, MAX(touchpoints.occurred_at) AS last_t FROM {self.touch_from()} "
            f"WHERE {self.u} IS NOT NULL AND {self.bound('touchpoints.occurred_at', self.start, self.end)} GROUP BY 1"
        )
        converted = "oc.o IS NOT NULL" + (f" AND oc.o < {_sql(sql_timestamp(self.end))}" if self.end is not None else "")
        not_before = f"oc.o IS NULL OR oc.o >= {_sql(sql_timestamp(self.start))}" if self.start is not None else "TRUE"
        return (
            f"WITH act AS ({active}), oc AS ({self.outcomes()}) "
            f"SELECT a.u, {converted} AS conv, CASE WHEN {converted} THEN oc.o ELSE a.last_t END AS anchor "
            f"FROM act AS a LEFT JOIN oc ON oc.u = a.u WHERE {not_before}"
        )

    def window(self, units: str) -> str:
        """u, conv, t, step: every kept event of each unit in its window."""
        lower = f"touchpoints.occurred_at >= n.anchor - INTERVAL '{_micros(self.within)}' MICROSECOND" if self.within else "TRUE"
        # A static range on the table as well, so that the scan can skip whole row groups.
        scan_start = self.start - self.within if self.start is not None and self.within is not None else None
        keep = _sql(self.keep) if self.keep is not None else "TRUE"
        return (
            f"SELECT n.u, n.conv, touchpoints.occurred_at AS t, {_sql(_step())} AS step FROM {self.touch_from()} "
            f"JOIN {units} AS n ON n.u = {self.u} "
            f"WHERE {self.bound('touchpoints.occurred_at', scan_start, self.end)} AND ({keep}) "
            f"AND touchpoints.occurred_at <= n.anchor AND NOT (n.conv AND touchpoints.occurred_at = n.anchor) AND {lower}"
        )


def _count_sql(*, max_length: int, strict: bool, min_support: int, pairs: list[tuple[str, str]] | None) -> tuple[list[str], str]:
    """CTEs and a SELECT of the units holding each step, pair and triple (the totals as length 0).

    Reads the CTEs `units` and `win`. `pairs`: the pairs a triple may start or end with; None
    means those frequent here. Rows: length, s1, s2, s3, n (support), x (converters).
    """
    win, units = "win", "units"
    ctes = [f"fs AS MATERIALIZED (SELECT u, step, BOOL_OR(conv) AS conv, MIN(t) AS f, MAX(t) AS l FROM {win} GROUP BY u, step)"]
    parts = [
        f"SELECT 0 AS length, CAST(NULL AS VARCHAR) AS s1, CAST(NULL AS VARCHAR) AS s2, CAST(NULL AS VARCHAR) AS s3, "
        f"COUNT(*) AS n, COUNT(*) FILTER (WHERE conv) AS x FROM {units}",
        "SELECT 1, step, NULL, NULL, COUNT(*), COUNT(*) FILTER (WHERE conv) FROM fs GROUP BY step "
        f"HAVING COUNT(*) >= {min_support}",
    ]
    if max_length >= 2:
        if strict:
            # Instants numbered per unit: the next step must be at the unit's very next instant.
            ctes.append(
                "inst AS MATERIALIZED (SELECT DISTINCT u, conv, step, "
                f"DENSE_RANK() OVER (PARTITION BY u ORDER BY t) AS r FROM {win})"
            )
            # Each pair of steps at consecutive instants, with where it starts.
            ctes.append(
                "adj AS MATERIALIZED (SELECT a.u, a.conv, a.r, a.step AS s1, b.step AS s2 FROM inst AS a "
                "JOIN inst AS b ON b.u = a.u AND b.r = a.r + 1)"
            )
            ctes.append(
                "p2 AS (SELECT s1, s2, COUNT(*) AS n, COUNT(*) FILTER (WHERE conv) AS x FROM ("
                "SELECT DISTINCT u, conv, s1, s2 FROM adj) AS held GROUP BY s1, s2)"
            )
        else:
            # Gaps allowed: a before b somewhere iff a's first time is before b's last time.
            ctes.append(
                "p2 AS (SELECT a.step AS s1, b.step AS s2, COUNT(*) AS n, COUNT(*) FILTER (WHERE a.conv) AS x "
                "FROM fs AS a JOIN fs AS b ON b.u = a.u AND a.f < b.l GROUP BY a.step, b.step)"
            )
        parts.append(f"SELECT 2, s1, s2, NULL, n, x FROM p2 WHERE n >= {min_support}")
    if max_length >= 3:
        if pairs is None:
            ctes.append(f"fp AS (SELECT s1, s2 FROM p2 WHERE n >= {min_support})")
        else:
            ctes.append(f"fp AS ({_strings(pairs, ['s1', 's2'])})")
        if strict:
            # Two adjacent pairs that share the middle instant and step, both frequent.
            ctes.append(
                "p3 AS (SELECT s1, s2, s3, COUNT(*) AS n, COUNT(*) FILTER (WHERE conv) AS x FROM ("
                "SELECT DISTINCT ab.u, ab.conv, ab.s1, ab.s2, bc.s2 AS s3 FROM adj AS ab "
                "SEMI JOIN fp ON fp.s1 = ab.s1 AND fp.s2 = ab.s2 "
                "JOIN adj AS bc ON bc.u = ab.u AND bc.r = ab.r + 1 AND bc.s1 = ab.s2 "
                "SEMI JOIN fp AS f2 ON f2.s1 = bc.s1 AND f2.s2 = bc.s2) AS held GROUP BY s1, s2, s3)"
            )
        else:
            # Greedy: the earliest b after a's first time (g), then any c whose last time is after g.
            ctes.append(
                "g AS (SELECT a.u, a.conv, a.step AS s1, e.step AS s2, MIN(e.t) AS g FROM fs AS a "
                f"JOIN {win} AS e ON e.u = a.u AND e.t > a.f "
                "JOIN fp AS ab ON ab.s1 = a.step AND ab.s2 = e.step GROUP BY a.u, a.conv, a.step, e.step)"
            )
            ctes.append(
                "p3 AS (SELECT g.s1, g.s2, c.step AS s3, COUNT(*) AS n, COUNT(*) FILTER (WHERE g.conv) AS x FROM g "
                "JOIN fs AS c ON c.u = g.u AND c.l > g.g "
                "JOIN fp AS bc ON bc.s1 = g.s2 AND bc.s2 = c.step GROUP BY g.s1, g.s2, c.step)"
            )
        parts.append(f"SELECT 3, s1, s2, s3, n, x FROM p3 WHERE n >= {min_support}")
    return ctes, " UNION ALL ".join(parts)


PATH_COLUMNS = tuple(f"p{i}" for i in range(1, PATH_STEPS + 1))
"""A path's steps, one column each (NULL past its end): portable, where a list would not be."""


def _paths_sql(top: int) -> tuple[list[str], str]:
    """CTEs and a SELECT of the `top` paths of the converters in `win`: p1..p5, n, total (with a path).

    Each converter's collapsed steps are numbered in time order; a path longer than PATH_STEPS
    keeps slot 1 (the first touch) and the last steps in the last slots, and slot 2 says "…".
    The slots, not a list, are what is grouped and ordered: an ordered list aggregate is spelt
    differently by every engine (Spark has none), a few columns are spelt the same everywhere.
    """
    keep_last = PATH_STEPS - 2
    ellipsis = _sql(exp.Literal.string(ELLIPSIS))
    slots = [f"MAX(CASE WHEN slot = {i} THEN step END)" for i in range(1, PATH_STEPS + 1)]
    slots[1] = f"CASE WHEN MAX(len) > {PATH_STEPS} THEN {ellipsis} ELSE {slots[1]} END"
    cut = ", ".join(f"{slot} AS {name}" for slot, name in zip(slots, PATH_COLUMNS, strict=True))
    columns = ", ".join(PATH_COLUMNS)
    ctes = [
        "seq AS (SELECT u, t, step, LAG(step) OVER (PARTITION BY u ORDER BY t, step) AS prev FROM win WHERE conv)",
        "collapsed AS (SELECT u, step, ROW_NUMBER() OVER (PARTITION BY u ORDER BY t, step) AS pos, "
        "COUNT(*) OVER (PARTITION BY u) AS len FROM seq WHERE prev IS NULL OR prev <> step)",
        f"slotted AS (SELECT u, step, len, CASE WHEN len <= {PATH_STEPS} THEN pos WHEN pos = 1 THEN 1 "
        f"WHEN pos > len - {keep_last} THEN pos - len + {PATH_STEPS} END AS slot FROM collapsed)",
        f"cut AS (SELECT {cut} FROM slotted WHERE slot IS NOT NULL GROUP BY u)",
        f"counted AS (SELECT {columns}, COUNT(*) AS n, SUM(COUNT(*)) OVER () AS total FROM cut GROUP BY {columns})",
    ]
    # A shorter path that is the start of a longer one comes first, as lists compare.
    order = ", ".join(f"{c} NULLS FIRST" for c in PATH_COLUMNS)
    return ctes, f"SELECT {columns}, n, total FROM counted ORDER BY n DESC, {order} LIMIT {top}"


def _query(plan: _Plan, counts: tuple[list[str], str], paths: tuple[list[str], str] | None) -> str:
    """One statement: the population and windows (materialized once), the counts and the paths.

    Rows: length, s1, s2, s3, n, x, p1..p5, total; the paths have length -1. DuckDB SQL, which
    `Engine.translate` renders in another engine's dialect.
    """
    ctes = [f"units AS MATERIALIZED ({plan.units()})", f"win AS MATERIALIZED ({plan.window('units')})", *counts[0]]
    no_path = ", ".join(f"CAST(NULL AS VARCHAR) AS {c}" for c in PATH_COLUMNS)
    select = f"SELECT *, {no_path}, CAST(NULL AS BIGINT) AS total FROM ({counts[1]}) AS counts"
    if paths is not None:
        ctes += paths[0]
        columns = ", ".join(PATH_COLUMNS)
        select += f" UNION ALL SELECT -1, NULL, NULL, NULL, n, NULL, {columns}, total FROM ({paths[1]}) AS top_paths"
    return "WITH " + ", ".join(ctes) + " " + select


# --- the analysis -------------------------------------------------------------------------


def _katz_lift(x1: int, n1: int, x: int, n: int) -> tuple[float | None, float | None]:
    """95% interval of lift from Katz's log interval of the risk ratio holders vs non-holders."""
    x0, n0 = x - x1, n - n1
    if x == 0 or n1 == 0:
        return None, None
    share = n1 / n
    if n0 == 0:
        return 1.0, 1.0
    a, b, c, d = x1, n1 - x1, x0, n0 - x0
    if 0 in (a, b, c, d):
        a, b, c, d = a + 0.5, b + 0.5, c + 0.5, d + 0.5
    log_rr = math.log((a / (a + b)) / (c / (c + d)))
    se = math.sqrt(1 / a - 1 / (a + b) + 1 / c - 1 / (c + d))
    z = normal_quantile(1 - ALPHA / 2)

    def lift(rr: float) -> float:
        return rr / (share * rr + 1 - share)

    low, high = lift(math.exp(log_rr - z * se)), lift(math.exp(log_rr + z * se))
    if x1 == 0:
        low = 0.0
    if x0 == 0:
        high = 1 / share
    point = (x1 / n1) / (x / n)
    return min(low, point), max(high, point)


class _Fisher:
    """Fisher's exact test for many 2x2 tables of up to `n` units at once (numpy, one log-factorial table)."""

    def __init__(self, n: int):
        self.log_factorial = np.concatenate(([0.0], np.cumsum(np.log(np.arange(1, n + 1, dtype=np.float64)))))

    def _log_choose(self, n: np.ndarray, k: np.ndarray) -> np.ndarray:
        lf = self.log_factorial
        return lf[n] - lf[k] - lf[n - k]

    def p_values(self, tables: Sequence[tuple[int, int, int, int]]) -> list[float]:
        """Two-sided p of ``x1/n1`` against ``x2/n2`` for each ``(x1, n1, x2, n2)``.

        Conditional on the margins, as R's ``fisher.test``: the probability of every table no
        more likely than the observed one (ties within a relative 1e-7 count as as extreme). A
        group without trials gives 1.0.
        """
        if not tables:
            return []
        x1, n1, x2, n2 = (np.array(column, dtype=np.int64) for column in zip(*tables, strict=True))
        n, x = n1 + n2, x1 + x2
        low, high = np.maximum(0, n1 - (n - x)), np.minimum(n1, x)
        sizes = high - low + 1
        table = np.repeat(np.arange(len(tables)), sizes)
        starts = np.cumsum(sizes) - sizes
        k = low[table] + np.arange(sizes.sum()) - starts[table]
        log_p = self._log_choose(x[table], k) + self._log_choose((n - x)[table], n1[table] - k) - self._log_choose(n, n1)[table]
        observed = log_p[starts + x1 - low]
        extreme = log_p <= observed[table] + math.log1p(1e-7)
        p = np.bincount(table, weights=np.where(extreme, np.exp(log_p), 0.0), minlength=len(tables))
        p = np.minimum(p, 1.0)
        p[(n1 == 0) | (n2 == 0)] = 1.0
        return [float(v) for v in p]


def _records(rows: list[tuple], total: Population, fisher: _Fisher) -> list[PatternRecord]:
    n, x = total.units, total.converters
    base = x / n if n else 0.0
    held = [
        (tuple(s for s in (s1, s2, s3)[:length]), int(support), int(converters))
        for length, s1, s2, s3, support, converters in rows
    ]
    p_values = fisher.p_values([(hx, hn, x - hx, n - hn) for _, hn, hx in held])
    q_values = benjamini_hochberg(p_values)
    out = []
    for (pattern, held_n, held_x), p, q in zip(held, p_values, q_values, strict=True):
        confidence = held_x / held_n
        lift = confidence / base if base > 0 else None
        low, high = _katz_lift(held_x, held_n, x, n)
        out.append(PatternRecord(pattern, held_n, held_x, confidence, base, lift, low, high, p, q, q <= ALPHA))
    return sorted(out, key=_rank)


def _rank(r: PatternRecord) -> tuple:
    lift = r.lift if r.lift is not None else 0.0
    if r.significant:
        return (0, -lift, -r.support, r.pattern)
    return (1, -r.support, -lift, r.pattern)


def _with_then(
    records: list[PatternRecord], counts: dict[tuple[str, ...], tuple[int, int]], then: Population, fisher: _Fisher
) -> list[PatternRecord]:
    """Each record with its counts in the comparison period and the test of its change in confidence."""
    base = then.base_rate
    held = [counts.get(r.pattern, (0, 0)) for r in records]
    compared = [i for i, (support, _) in enumerate(held) if support]
    p_values = fisher.p_values([(records[i].converters, records[i].support, held[i][1], held[i][0]) for i in compared])
    p_by_index = dict(zip(compared, p_values, strict=True))
    q_by_index = dict(zip(compared, benjamini_hochberg(p_values), strict=True))
    out = []
    for i, (r, (support, converters)) in enumerate(zip(records, held, strict=True)):
        confidence = converters / support if support else None
        lift = confidence / base if confidence is not None and base else None
        q = q_by_index.get(i)
        rose = None if q is None else bool(q <= ALPHA and r.confidence > confidence)
        out.append(replace(r, then=Then(support, converters, confidence, lift, p_by_index.get(i), q, rose)))
    return out


def _links(paths: list[PathCount], outcome: str) -> list[SankeyLink]:
    values: dict[tuple[str, str], int] = {}
    for p in paths:
        nodes = [f"{i}. {s}" for i, s in enumerate(p.steps, start=1)] + [outcome]
        for source, target in zip(nodes, nodes[1:], strict=False):
            values[source, target] = values.get((source, target), 0) + p.count
    return [SankeyLink(s, t, v) for (s, t), v in values.items()]


def _check_outcome(
    engine: Engine, outcome: _Outcome, text: str, period: Period | None, population: Population, lang: str
) -> list[str]:
    """Refuse an outcome condition that no touchpoint matches; warn when none matches in the period.

    Probed only when nobody converted (a converter's outcome is a match in the period), in one
    statement of EXISTS that stop at their first row; without any touchpoint nothing is said.
    """
    if outcome.kind != "condition" or outcome.condition is None or population.converters:
        return []

    def probe(bounds: list[exp.Expression]) -> exp.Exists:
        where = exp.and_(outcome.condition.copy(), *bounds)  # type: ignore[union-attr]
        return exp.Exists(this=exp.select(exp.convert(1)).from_(exp.to_table(_TABLE)).where(where).limit(1))

    bounds: list[exp.Expression] = []
    if period is not None:
        start, end = period.sql_bounds()
        time = _col("occurred_at", _TABLE)
        bounds = [exp.GTE(this=time, expression=sql_timestamp(start)), exp.LT(this=time.copy(), expression=sql_timestamp(end))]
    rows = exp.Exists(this=exp.select(exp.convert(1)).from_(exp.to_table(_TABLE)).limit(1))
    query = exp.select(rows.as_("r"), probe([]).as_("a"), probe(bounds).as_("p"))
    any_rows, anywhere, in_period = engine.run(query).one()
    what = say("match.outcome", lang)
    if not any_rows:
        return []
    if not anywhere:
        hints = value_hints(engine, outcome.condition, lang)
        raise PatternsError(say("match.none", lang, what=what, condition=text, hints=hints))
    if period is not None and not in_period:
        return [say("match.none_in_period", lang, what=what, condition=text, period=period.label(lang))]
    return []


def _period(value: Period | str | None, model: ModelFile, name: str) -> Period | None:
    if value is None or isinstance(value, Period):
        return value
    if isinstance(value, str):
        return parse_period(value, model.fiscal_year_start)
    raise PatternsError(f"{name} must be a Period or text such as FY2025Q3 (got {value!r})")


def _whole(value: object, name: str, low: int, high: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < low or (high is not None and value > high):
        limits = f"from {low} to {high}" if high is not None else f">= {low}"
        raise PatternsError(f"{name} must be a whole number {limits} (got {value!r})")
    return value


def patterns(
    engine: Engine,
    model: ModelFile,
    *,
    outcome: str,
    within: str | dt.timedelta | None = DEFAULT_WITHIN,
    max_length: int = MAX_LENGTH,
    strict: bool = False,
    unit: str = "contact",
    period: Period | str | None = None,
    compare: Period | str | None = None,
    min_support: int = MIN_SUPPORT,
    where: str | None = None,
    top_paths: int = TOP_PATHS,
    columns: Mapping[str, Sequence[str]] | None = None,
    lang: str = "en",
) -> PatternsResult:
    """Steps and ordered sequences of steps that precede `outcome` more often than the base rate.

    `outcome` is a touchpoint condition (``"type = 'inquiry'"``), ``stage:NAME`` or ``won``;
    `within` the window before it (text such as "30d", a timedelta, or None for no limit);
    `max_length` the longest sequence (1 to 3); `strict` asks for consecutive steps; `unit` is
    contact or account; `period` the population's period (a Period or text such as FY2025Q3;
    None: all data); `compare` another period to count the same patterns in; `min_support` the
    fewest units a pattern needs to be tested; `where` a touchpoint condition that keeps only
    some events as steps; `top_paths` how many paths into the outcome to return (0: none);
    `columns` the columns each table has (default: read from the database). The module
    docstring defines every rule precisely.
    """
    if unit not in UNITS:
        raise UnknownNameError.for_name("patterns unit", unit, UNITS)
    max_length = _whole(max_length, "max_length", 1, MAX_LENGTH)
    min_support = _whole(min_support, "min_support", 1)
    top_paths = _whole(top_paths, "top_paths", 0)
    if not isinstance(strict, bool):
        raise PatternsError(f"strict must be True or False (got {strict!r})")
    if isinstance(within, str):
        within = parse_within(within)
    if within is not None and (not isinstance(within, dt.timedelta) or within <= dt.timedelta(0)):
        raise PatternsError(f"within must be a positive timedelta, text such as '30d', or None (got {within!r})")
    chosen, then = _period(period, model, "period"), _period(compare, model, "compare")
    if then is not None and chosen is None:
        raise PatternsError("compare needs a period to compare it with (period=...)")
    columns = columns if columns is not None else engine.columns()
    touch_columns = list(columns.get(_TABLE, []))
    parsed = _parse_outcome(outcome, model, touch_columns)
    keep = _touch_condition(where, touch_columns, "where") if where is not None else None

    queries: list[str] = []

    def run(p: Period | None, counts: tuple[list[str], str], paths: tuple[list[str], str] | None) -> list[tuple]:
        start, end = p.sql_bounds() if p is not None else (None, None)
        plan = _Plan(unit=unit, outcome=parsed, keep=keep, within=within, start=start, end=end)
        query = _query(plan, counts, paths)
        try:
            text = engine.translate(query, "duckdb")
            queries.append(text)
            return engine.run(text).rows
        except EngineError as e:
            raise PatternsError(f"the patterns query failed: {e.detail}") from None

    def totals(rows: list[tuple]) -> Population:
        row = next(r for r in rows if r[0] == 0)
        return Population(int(row[4]), int(row[5]))

    counting = _count_sql(max_length=max_length, strict=strict, min_support=min_support, pairs=None)
    rows = run(chosen, counting, _paths_sql(top_paths) if top_paths else None)
    population = totals(rows)
    warnings = _check_outcome(engine, parsed, outcome, chosen, population, lang)
    records = _records([r[:6] for r in rows if r[0] > 0], population, _Fisher(population.units))
    # The engine picked the top paths; a UNION does not keep their order, so sort them again.
    width = len(PATH_COLUMNS)
    path_rows = sorted(
        ((tuple(p for p in r[6 : 6 + width] if p is not None), r[4], r[6 + width]) for r in rows if r[0] == -1),
        key=lambda r: (-r[1], r[0]),
    )
    population_then = None
    if then is not None:
        triples = [r.pattern for r in records if r.length == 3]
        pairs = sorted({p[:2] for p in triples} | {p[1:] for p in triples})
        then_rows = run(then, _count_sql(max_length=max_length, strict=strict, min_support=1, pairs=pairs), None)
        population_then = totals(then_rows)
        counts = {tuple(s for s in r[1:4][: r[0]]): (int(r[4]), int(r[5])) for r in then_rows if r[0] > 0}
        fisher = _Fisher(population.units + population_then.units)
        records = _with_then(records, counts, population_then, fisher)

    with_steps = int(path_rows[0][2]) if path_rows else 0
    top = [PathCount(tuple(p), int(n), int(n) / with_steps) for p, n, _ in path_rows]
    paths = Paths(parsed.label, top, _links(top, parsed.label), with_steps, population.converters - with_steps)
    return PatternsResult(
        outcome=parsed.label,
        unit=unit,
        within=within,
        max_length=max_length,
        strict=strict,
        min_support=min_support,
        where=_sql(parse_condition(where)) if where is not None else None,
        period=chosen.label(lang) if chosen is not None else None,
        compare=then.label(lang) if then is not None else None,
        population=population,
        population_then=population_then,
        records=records,
        paths=paths,
        lang=lang,
        queries=queries,
        warnings=warnings,
    )


__all__ = [
    "DEFAULT_WITHIN",
    "MIN_SUPPORT",
    "REFINED_TYPES",
    "UNITS",
    "PathCount",
    "Paths",
    "PatternRecord",
    "PatternsError",
    "PatternsResult",
    "Population",
    "SankeyLink",
    "Then",
    "patterns",
]
