"""Two kinds of ratio, and how a ratio of two counts follows one entity from its denominator to its numerator.

- A **conversion rate** is a proportion of entities: its numerator counts a subset of what its
  denominator counts (won deals among closed deals), so it lies between 0 and 1 and takes a
  Wilson interval. It is what a team tries to improve.
- A **throughput ratio** divides two period counts (SQLs entered this quarter / MQLs entered
  this quarter): the SQLs need not come from those MQLs, so it passes 100% whenever earlier
  entities move on now. It keeps the period-basis KPI tree exact, but nobody can "raise" it.

A ratio is declared with ``ratio_kind`` in kpiflow.yaml or inferred here: it is a conversion rate
when both sides count the same rows (same table, timestamp and counted column) and the
numerator's condition implies the denominator's (``outcome = 'won'`` implies
``outcome IN ('won', 'lost')``). Ratios whose numerator is an amount (average deal size, cost per
lead) are neither: `ratio_kind` is None for them.

For bottlenecks and plan sensitivity every stage ratio also has a *cohort* reading: the entities
counted by its denominator in a period, and how many of them are later counted by its numerator
(`CohortLink`). That reading is a conversion rate whatever the ratio's own kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from sqlglot import exp

from kpiflow.model.config import ModelFile
from kpiflow.model.semantic import MetricSource, parse_condition, source_of

CONVERSION, THROUGHPUT = "conversion", "throughput"
DEFAULT_WINDOW_DAYS = 90.0
"""How long a cohort member has to convert when the ratio declares no `window`."""


def _conjuncts(condition: str | None) -> list[exp.Expression]:
    if not condition:
        return []
    node = parse_condition(condition)
    return list(node.flatten()) if isinstance(node, exp.And) else [node]


def _column_and_values(node: exp.Expression) -> tuple[str, frozenset] | None:
    """`col = 'x'` or `col IN ('x', 'y')` as (column, values); None for anything else."""
    node = node.unnest()
    if isinstance(node, exp.EQ) and isinstance(node.this, exp.Column) and isinstance(node.expression, exp.Literal):
        return node.this.sql(), frozenset([node.expression.sql()])
    if isinstance(node, exp.In) and isinstance(node.this, exp.Column) and node.expressions:
        if all(isinstance(e, exp.Literal) for e in node.expressions):
            return node.this.sql(), frozenset(e.sql() for e in node.expressions)
    return None


def _implies(premise: exp.Expression, conclusion: exp.Expression) -> bool:
    if premise.sql() == conclusion.sql():
        return True
    a, b = _column_and_values(premise), _column_and_values(conclusion)
    return a is not None and b is not None and a[0] == b[0] and a[1] <= b[1]


@lru_cache(maxsize=4096)
def condition_implies(premise: str | None, conclusion: str | None) -> bool:
    """Whether every row satisfying `premise` satisfies `conclusion` (provable cases only:
    shared conjuncts, and equality or IN-lists narrowing an IN-list on the same column)."""
    premises = _conjuncts(premise)
    return all(any(_implies(p, c) for p in premises) for c in _conjuncts(conclusion))


def _counts(model: ModelFile, name: str) -> MetricSource | None:
    metric = model.metrics[name]
    return source_of(name, metric) if metric.kind in ("count", "count_distinct") else None


def ratio_kind(model: ModelFile, name: str) -> str | None:
    """'conversion', 'throughput', or None for a ratio of amounts or a metric that is no ratio."""
    metric = model.metrics[name]
    if not metric.ratio:
        return None
    if metric.ratio_kind:
        return metric.ratio_kind
    num, den = (_counts(model, m) for m in metric.ratio)
    if num is None:
        return None  # an amount per unit (average deal size, cost per lead)
    if den is None:
        # A count over a summed count (booth visitors per passer-by): period counts of different things.
        return THROUGHPUT if model.metrics[metric.ratio[1]].kind == "sum" else None
    same_rows = (num.table, num.time, num.column) == (den.table, den.time, den.column) and (
        model.metrics[metric.ratio[0]].kind == model.metrics[metric.ratio[1]].kind
    )
    try:
        subset = same_rows and condition_implies(model.metrics[metric.ratio[0]].where, model.metrics[metric.ratio[1]].where)
    except ValueError:
        subset = False
    return CONVERSION if subset else THROUGHPUT


def is_throughput(model: ModelFile, name: str) -> bool:
    return ratio_kind(model, name) == THROUGHPUT


# --- the cohort reading of a stage ratio -------------------------------------------------

# The keys that name the contact and the deal a row of each table is about.
_KEYS: dict[str, dict[str, str]] = {
    "contacts": {"contact": "contact_id"},
    "deals": {"deal": "deal_id", "contact": "contact_id"},
    "touchpoints": {"contact": "contact_id"},
    "surveys": {"contact": "contact_id"},
}


def _stage_history_entity(where: str | None) -> str | None:
    """'contact' or 'deal' when a stage_history condition fixes `entity = '...'`."""
    for node in _conjuncts(where):
        found = _column_and_values(node)
        if found and found[0].strip('"') == "entity" and len(found[1]) == 1:
            return next(iter(found[1])).strip("'")
    return None


def _keys(model: ModelFile, name: str) -> dict[str, str]:
    """Entity level -> the column (of the metric's table) naming that entity."""
    source = _counts(model, name)
    if source is None:
        return {}
    if source.table == "stage_history":
        entity = _stage_history_entity(model.metrics[name].where)
        return {entity: "entity_id"} if entity in ("contact", "deal") else {}
    keys = dict(_KEYS.get(source.table, {}))
    if model.metrics[name].kind == "count_distinct" and source.column:
        # A distinct count counts one entity: only that entity links.
        keys = {level: column for level, column in keys.items() if column == source.column}
    return keys


@dataclass(frozen=True)
class CohortLink:
    """How a stage ratio follows one entity: the denominator's metric enters it into the cohort,
    the numerator's metric (matched on the same `level` key) converts it, within `window_days`."""

    rate: str
    entering: str  # the denominator metric
    reaching: str  # the numerator metric
    level: str  # contact | deal
    entering_key: str  # column of the denominator's table naming the entity
    reaching_key: str
    window_days: float
    # For a side counting entries into one stage: that stage and the later ones, so an entity
    # that skipped the stage still converts, and one that skipped the entering stage entered it
    # when it reached a later one (HubSpot's lifecycle semantics; `kpiflow funnel` counts so too).
    reaching_stages: tuple[str, ...] = ()
    entering_stages: tuple[str, ...] = ()


def cohort_link(model: ModelFile, rate: str, window_days: float | None = None) -> CohortLink | None:
    """The cohort reading of a ratio of two counts, or None when no entity links its two sides."""
    metric = model.metrics[rate]
    if not metric.ratio:
        return None
    reaching, entering = metric.ratio
    keys_in, keys_out = _keys(model, entering), _keys(model, reaching)
    level = next((lv for lv in ("deal", "contact") if lv in keys_in and lv in keys_out), None)
    if level is None:
        return None
    window = window_days if window_days is not None else metric.window_days or DEFAULT_WINDOW_DAYS
    return CohortLink(
        rate,
        entering,
        reaching,
        level,
        keys_in[level],
        keys_out[level],
        window,
        _stage_and_later(model, reaching, level),
        _stage_and_later(model, entering, level),
    )


def _stage_and_later(model: ModelFile, name: str, level: str) -> tuple[str, ...]:
    """For a stage_history metric fixing `stage = 'x'`: x and the stages after it in the model."""
    if _counts(model, name).table != "stage_history":
        return ()
    order = model.stage_names(level)
    for node in _conjuncts(model.metrics[name].where):
        found = _column_and_values(node)
        if found and found[0].strip('"') == "stage" and len(found[1]) == 1:
            stage = next(iter(found[1])).strip("'")
            if stage in order:
                return tuple(order[order.index(stage) :])
    return ()
