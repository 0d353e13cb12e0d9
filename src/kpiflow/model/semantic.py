"""The semantic layer: which table a metric reads, which tables it may join, what a name means.

A metric reads one base table (`count: deals`, `sum: deals.amount`). Its `where` and the
dimensions it is broken down by may use any column of the base table or of a table reached
through the contract's references (deals -> accounts, stage_history -> contacts -> accounts,
...), bare (`channel`) or qualified by its table (`contacts.channel`, `accounts.industry`).

A qualified name means exactly that table's column. A bare name means, nearest first:

1. the base row's own column, where the base table has it. A deal or a contact also *inherits*
   what it does not record from the rows it came from (`INHERITS`): a deal's `channel` is
   ``COALESCE(deals.channel, contacts.channel)``, the deal's own channel where set, else its
   contact's, then its account's where the account has the column too. Identifiers and
   required columns never inherit (they are always set, or they are the row's own links), and
   an event row (a touch, an answer, an order) does not inherit: a page view without an owner
   had none. Where every base row has a value, the coalesce changes no number.
2. otherwise the column of the nearest joined table (one reference away before two); on
   stage_history, whose rows point at a contact or a deal, a name found on both is the
   coalesce of the two.

A bare name means the same in a `where` condition and in a breakdown, so a segment of
`--by channel` and a metric filtered on that channel count the same rows. Everything here is
pure: expressions are SQLGlot trees, not strings.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlglot import exp

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
from kpiflow.model import conditions
from kpiflow.model.conditions import ConditionError
from kpiflow.model.config import Metric, ModelFile
from kpiflow.model.schema import TABLES
from kpiflow.model.yamlfile import YamlDocument

# The tables a row inherits missing values from, nearest first: a deal comes from its contact
# at its account, a contact works at its account.
INHERITS: dict[str, tuple[str, ...]] = {"deals": ("contacts", "accounts"), "contacts": ("accounts",)}


@dataclass(frozen=True)
class Relation:
    """A table joined to a metric's base table (LEFT JOIN, so no base row is lost)."""

    table: str
    on: exp.Expression
    depth: int
    # Joins that can never both match a row (stage_history -> contacts | deals).
    exclusive: bool = False


def _col(name: str, table: str) -> exp.Column:
    return exp.column(name, table=table, quoted=True)


def relations(base: str) -> list[Relation]:
    """Tables reachable from `base` through references, nearest first, each joined once."""
    found: list[Relation] = []
    first = TABLES[base].references
    exclusive = len({r.table for r in first if r.when}) > 1
    for ref in first:
        on = exp.EQ(this=_col(ref.column, base), expression=_col(ref.target_column, ref.table))
        if ref.when:
            on = exp.and_(exp.EQ(this=_col(ref.when[0], base), expression=exp.convert(ref.when[1])), on)
        found.append(Relation(ref.table, on, 1, exclusive and bool(ref.when)))
    joined = {base, *(r.table for r in found)}
    # Second hop: a table reached from several first-level tables joins on the coalesce.
    second: dict[str, list[tuple[str, str, str]]] = {}
    for rel in list(found):
        for ref in TABLES[rel.table].references:
            if ref.table not in joined:
                second.setdefault(ref.table, []).append((rel.table, ref.column, ref.target_column))
    for table, paths in second.items():
        left: exp.Expression = (
            _col(paths[0][1], paths[0][0])
            if len(paths) == 1
            else exp.func("COALESCE", *[_col(column, parent) for parent, column, _ in paths])
        )
        found.append(Relation(table, exp.EQ(this=left, expression=_col(paths[0][2], table)), 2))
    return found


def joins_for(base: str, needed: set[str]) -> list[Relation]:
    """Relations to LEFT JOIN so that `needed` tables are reachable from `base`: parents before
    the second-hop tables that hang from them (whose coalesced condition names every parent)."""
    if not needed:
        return []
    rels = relations(base)
    by_table = {r.table: r for r in rels}
    wanted = set(needed)
    for rel in rels:
        if rel.depth == 2 and rel.table in wanted:
            wanted |= {c.table for c in rel.on.find_all(exp.Column) if c.table in by_table and by_table[c.table].depth == 1}
    return [r for r in rels if r.table in wanted]


@dataclass(frozen=True)
class MetricSource:
    """Where a base metric reads from."""

    table: str
    column: str | None  # summed or counted-distinct column; None for count
    time: str


def source_of(name: str, metric: Metric) -> MetricSource | None:
    """The base table of a count/count_distinct/sum metric (None for ratio and formula)."""
    spec = metric.count or metric.count_distinct or metric.sum
    if spec is None:
        return None
    table, _, column = spec.partition(".")
    time = metric.time or (TABLES[table].time_column if table in TABLES else None) or ""
    return MetricSource(table, column or None, time)


class Resolver:
    """Resolves column names for one base table, given the columns each table really has."""

    def __init__(self, base: str, columns: Mapping[str, Sequence[str]]):
        self.base = base
        self.columns = {t: list(c) for t, c in columns.items()}
        self.relations = relations(base)

    @property
    def tables(self) -> list[str]:
        return [self.base, *(r.table for r in self.relations)]

    def names(self) -> list[str]:
        out = list(self.columns.get(self.base, []))
        for rel in self.relations:
            out += [f"{rel.table}.{c}" for c in self.columns.get(rel.table, [])]
            out += [c for c in self.columns.get(rel.table, []) if c not in out]
        return out

    def resolve(self, name: str, table: str | None = None) -> tuple[exp.Expression, set[str]]:
        """The expression for a column and the relations it needs: `name` bare, with its `table`,
        or written as one dimension (``contacts.channel``)."""
        if not table:
            table, name = split_name(name, self.columns)
        if table:
            if table not in self.tables:
                # A real table out of reach gets the list; a misspelt one a "did you mean".
                hint = None if table in self.columns or table in TABLES else suggest(table, self.tables)
                base, reachable = self.base, ", ".join(self.tables)
                raise UnknownNameError.worded(
                    lambda lang: say(
                        "column.unreachable",
                        lang,
                        table=table,
                        base=base,
                        hint=did_you_mean(hint, lang) if hint else say("hint.reachable", lang, tables=reachable),
                    )
                )
            if name not in self.columns.get(table, []):
                raise self._unknown(f"{table}.{name}", [f"{table}.{c}" for c in self.columns.get(table, [])])
            return _col(name, table), ({table} - {self.base})
        if name in self.columns.get(self.base, []):
            parents = self._inherited(name)
            if not parents:
                return _col(name, self.base), set()
            return exp.func("COALESCE", _col(name, self.base), *[_col(name, t) for t in parents]), set(parents)
        for depth in (1, 2):
            hits = [r for r in self.relations if r.depth == depth and name in self.columns.get(r.table, [])]
            if not hits:
                continue
            if len(hits) > 1 and all(r.exclusive for r in hits):
                return exp.func("COALESCE", *[_col(name, r.table) for r in hits]), {r.table for r in hits}
            return _col(name, hits[0].table), {hits[0].table}
        raise self._unknown(name, self.names())

    def _inherited(self, name: str) -> list[str]:
        """The joined tables the base row takes `name` from when its own value is NULL, nearest first."""
        contract = TABLES.get(self.base)
        if contract is not None:
            links = {*contract.key, *contract.required, *(r.column for r in contract.references)}
            if name in links:
                return []
        return [t for t in INHERITS.get(self.base, ()) if t in self.tables and name in self.columns.get(t, [])]

    def _unknown(self, name: str, candidates: list[str]) -> UnknownNameError:
        hint, base = suggest(name, candidates), self.base
        return UnknownNameError.worded(lambda lang: say("column.unknown", lang, name=name, base=base, hint=did_you_mean(hint, lang)))

    def qualify(self, condition: exp.Expression, lang: str = "en") -> tuple[exp.Expression, set[str]]:
        """Rewrite every column of a condition to its qualified form; collect joins needed.

        A value the engine could never compare with its column (``amount > 'abc'``) is refused
        here, with the column's type, rather than by the engine once the table has rows.
        """
        needed: set[str] = set()

        def rewrite(node: exp.Expression) -> exp.Expression:
            if isinstance(node, exp.Column):
                expression, tables = self.resolve(node.name, node.table or None)
                needed.update(tables)
                return expression
            return node

        qualified = condition.transform(rewrite)  # transform copies the tree first
        conditions.check_values(qualified, lang)
        return qualified, needed


def split_name(name: str, columns: Mapping[str, Sequence[str]]) -> tuple[str | None, str]:
    """(table, column) of a dimension as typed: ``contacts.channel`` is qualified, ``channel`` bare.

    A name that is itself a column somewhere (an extra source column may hold a dot) stays bare.
    """
    table, dot, column = name.partition(".")
    if not dot or not column or any(name in cols for cols in columns.values()):
        return None, name
    return table, column


def check_dimensions(dimensions: Sequence[str], columns: Mapping[str, Sequence[str]], suggested: Sequence[str] = ()) -> None:
    """Refuse a dimension that is a column of no table: a typo, not a name some metric cannot reach.

    `suggested` (the model's dimensions) is what a bare name is compared with; a qualified name
    with the columns of its table, or with every ``table.column`` when the table is misspelt.
    """
    known = sorted({c for cols in columns.values() for c in cols})
    if not known:
        return
    for dim in dimensions:
        table, column = split_name(dim, columns)
        if table is None:
            if dim not in known:
                raise UnknownNameError.for_name("dimension", dim, list(suggested) or known)
        elif table in columns:
            if column not in columns[table]:
                # Compared within the table: every qualified name shares its prefix.
                hint = suggest(column, columns[table])
                qualified = [f"{table}.{c}" for c in columns[table]]
                raise _unknown_dimension(dim, lambda lang, hint=hint, qualified=qualified, table=table: (
                    hint_or_expected(hint and f"{table}.{hint}", qualified, lang)
                ))
        else:
            hint = suggest(dim, [f"{t}.{c}" for t, cols in columns.items() for c in cols])
            tables = ", ".join(columns)
            raise _unknown_dimension(dim, lambda lang, hint=hint, table=table, tables=tables: (
                did_you_mean(hint, lang) if hint else say("hint.not_a_table", lang, table=table, tables=tables)
            ))


def _unknown_dimension(dim: str, ending) -> UnknownNameError:
    """"unknown dimension 'x'" and what follows it (a "did you mean", the names expected), in any language."""
    return UnknownNameError.worded(lambda lang: say("unknown.name", lang, kind=kind_name("dimension", lang), name=dim, hint=ending(lang)))


def parse_condition(text: str, *, lang: str = "en") -> exp.Expression:
    """Parse an extraction condition (a SQL boolean, DuckDB's spelling) in the condition language.

    Every condition (a metric's `where`, --step, --exclude, --outcome, --where and the
    dashboard's) comes through here; anything outside the language (kpiflow.model.conditions)
    raises ConditionError, a ValueError.
    """
    return conditions.parse_condition(text, lang=lang)


def contract_columns() -> dict[str, list[str]]:
    return {name: list(t.column_names) for name, t in TABLES.items()}


def metric_problems(
    model: ModelFile, columns: Mapping[str, Sequence[str]] | None = None, *, lang: str | None = None
) -> list[tuple[tuple, str]]:
    """Every problem in the metrics' sources, times, `where` conditions and formulas.

    Returned as (YAML path, message) so that the caller can point at the line. Conditions and
    formulas outside their language are described in `lang` (default: the model's locale).
    """
    columns = columns or contract_columns()
    lang = lang or model.locale
    problems: list[tuple[tuple, str]] = []
    for name, metric in model.metrics.items():
        source = source_of(name, metric)
        if source is not None:
            kind = metric.kind
            if source.table not in TABLES:
                hint = suggest(source.table, TABLES)
                message = say("unknown.name", lang, kind=kind_name("table", lang), name=source.table, hint=did_you_mean(hint, lang))
                problems.append((("metrics", name, kind), message))
                continue
            if kind in ("sum", "count_distinct") and (
                source.column is None or source.column not in columns.get(source.table, [])
            ):
                hint = suggest(source.column or "", columns.get(source.table, []))
                message = say("model.metric_column", lang, kind=kind, column=source.column, table=source.table, hint=did_you_mean(hint, lang))
                problems.append((("metrics", name, kind), message))
            table = TABLES[source.table]
            times = [c.name for c in table.columns if c.type in ("timestamp", "date")]
            if source.time not in times:
                hint = suggest(source.time, times)
                ending = hint_or_expected(hint, times, lang)
                problems.append((("metrics", name, "time"), say("model.metric_time", lang, time=source.time, table=source.table, hint=ending)))
            if metric.where:
                try:
                    Resolver(source.table, columns).qualify(parse_condition(metric.where, lang=lang), lang)
                except ConditionError as e:
                    problems.append((("metrics", name, "where"), str(e)))
                except (ValueError, LookupError) as e:
                    said = message_of(e, lang)
                    problems.append((("metrics", name, "where"), said.strip("'\"")))
        elif metric.where:
            problems.append((("metrics", name, "where"), say("model.where_on_base_only", lang)))
        if metric.formula:
            problems += _formula_problems(model, name, metric.formula, lang)
    problems += _cycles(model, lang)
    return problems


def formula_names(formula: str, lang: str = "en") -> list[str]:
    """Metric names a formula refers to, in order of appearance (ConditionError outside the
    formula language: metric names, numbers, + - * / and parentheses)."""
    expression = conditions.parse_formula(formula, lang=lang)
    return list(dict.fromkeys(c.name for c in expression.find_all(exp.Column)))


def _formula_problems(model: ModelFile, name: str, formula: str, lang: str) -> list[tuple[tuple, str]]:
    try:
        names = formula_names(formula, lang)
    except ConditionError as e:
        return [(("metrics", name, "formula"), str(e))]
    out = []
    for ref in names:
        if ref not in model.metrics:
            hint = suggest(ref, model.metrics)
            out.append((("metrics", name, "formula"), say("model.formula_unknown_metric", lang, name=ref, hint=did_you_mean(hint, lang))))
    return out


def dependencies(model: ModelFile, name: str) -> list[str]:
    metric = model.metrics[name]
    if metric.ratio:
        return list(metric.ratio)
    if metric.formula:
        try:
            return [n for n in formula_names(metric.formula) if n in model.metrics]
        except ConditionError:
            return []
    return []


def _cycles(model: ModelFile, lang: str = "en") -> list[tuple[tuple, str]]:
    state: dict[str, int] = {}
    problems: list[tuple[tuple, str]] = []

    def visit(name: str, path: list[str]) -> None:
        if state.get(name) == 2:
            return
        if state.get(name) == 1:
            cycle = path[path.index(name) :] + [name]
            problems.append((("metrics", name), say("model.metric_cycle", lang, path=" -> ".join(cycle))))
            return
        state[name] = 1
        for dep in dependencies(model, name):
            visit(dep, [*path, name])
        state[name] = 2

    for name in model.metrics:
        visit(name, [])
    return problems


def check_model(
    model: ModelFile, doc: YamlDocument, columns: Mapping[str, Sequence[str]] | None = None, *, lang: str | None = None
) -> None:
    """Raise ModelError listing every metric problem, each at its YAML line and column (in `lang`,
    default the model's locale)."""
    if metric_problems(model, columns, lang=lang):
        # Said again in the user's language on the command line (--lang, else the model's locale).
        raise ModelError.worded(
            lambda lang: "\n".join(
                f"{doc.locate(path)}: {'.'.join(map(str, path))}: {message}" for path, message in metric_problems(model, columns, lang=lang)
            ),
            lang or model.locale,
        )
