"""The lead quality score (issue 18): a rule score from kpiflow.yaml's `scoring:`, its audit trail,
and the quality of each channel's, campaign's and exhibition's leads.

A rule score is taken *as of* a moment, and only facts known strictly before it count: contacts
created before it, touchpoints that occurred before it. Fit rules give their points when a
contact's (or its account's) columns match; engagement rules give theirs per matching touch,
halved every `half_life_days` of the touch's age at the moment, at most `cap` per rule; the fit
part, the engagement part and the total have caps of their own. Everything is one SQLGlot query
run by the workspace's engine (DuckDB, or Spark), so a million leads score where the data is.

The moment is one instant for everyone (`kpiflow score --as-of`), or each lead's own: its
*decision time*, `after` days after it was created, which is how the quality by channel (and the
fitted score, kpiflow.analysis.score_fit) judge each lead on what was known when sales had to
decide, and then count what it became in the `within` days that followed.

Fit attributes are the contact's columns as they are now (the contract keeps no history of them):
a column sales fills in after a lead is qualified would leak into a backtest. docs/scoring.md says so.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlglot import exp

from kpiflow.analysis.result import Column, Table, Tabular, columns
from kpiflow.engine.base import days_between, timestamp
from kpiflow.errors import KpiflowError, suggest
from kpiflow.messages import say
from kpiflow.model.conditions import ConditionError
from kpiflow.model.config import MODEL_FILE, Scoring
from kpiflow.model.semantic import Resolver, joins_for, parse_condition
from kpiflow.stats import wilson_interval

TARGETS = ("sql", "opportunity", "won")
EXHIBITION = "exhibition_id"
"""`--by exhibition_id`: the exhibition of the lead's first touch that names one."""
DEFAULT_BY = ("channel", "campaign", EXHIBITION)
SCORED, ENGAGED, PARTS, REACHED, FIRST_SHOW = "scored", "engaged", "parts", "reached", "first_show"


class ScoreError(KpiflowError, ValueError):
    """A scoring rule, option or contact that cannot be scored; the message says which and why."""

    exit_code = 2


def _col(name: str, table: str | None = None) -> exp.Column:
    return exp.column(name, table=table, quoted=True)


# -- options ------------------------------------------------------------------------------------


def parse_moment(text: str | dt.datetime | dt.date, lang: str, option: str = "--as-of") -> dt.datetime:
    """A date (its first instant) or a date and time, as the user wrote it."""
    if isinstance(text, dt.datetime):
        return text
    if isinstance(text, dt.date):
        return dt.datetime.combine(text, dt.time())
    try:
        return dt.datetime.fromisoformat(str(text).strip())
    except ValueError:
        raise ScoreError(say("score.bad_date", lang, option=option, value=text)) from None


def parse_days(text: str | float | int, lang: str, option: str) -> float:
    """`90d` (or a plain number) as a number of days."""
    if isinstance(text, (int, float)) and not isinstance(text, bool) and text >= 0:
        return float(text)
    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*d?\s*", str(text))
    if not found:
        raise ScoreError(say("score.bad_days", lang, option=option, value=text))
    return float(found.group(1))


def default_moment(ws: Any) -> dt.datetime:
    """The data's end: the first instant of the day after the last timestamp, so that every fact
    of the data is strictly before it."""
    _, last = ws.time_span()
    if last is None:
        raise ScoreError(say("score.no_data", ws.lang))
    last = last if isinstance(last, dt.datetime) else dt.datetime.combine(last, dt.time())
    return dt.datetime.combine(last.date() + dt.timedelta(days=1), dt.time())


# -- rules ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """One rule of `scoring:`, its condition qualified against the tables it reads."""

    group: str  # fit | engagement
    name: str
    where: str
    condition: exp.Expression
    tables: frozenset[str]
    points: float
    half_life_days: float | None = None
    cap: float | None = None


@dataclass(frozen=True)
class Rules:
    scoring: Scoring
    fit: tuple[Rule, ...]
    engagement: tuple[Rule, ...]


def compile_rules(ws: Any, lang: str) -> Rules:
    """The model's rules, each condition checked against the condition language and the tables'
    columns; a rule that cannot be used is refused with its name and line."""
    scoring = ws.model.scoring
    if scoring is None:
        raise ScoreError(say("score.no_rules", lang))
    columns = ws.columns()
    compiled: dict[str, list[Rule]] = {"fit": [], "engagement": []}
    for group, base in (("fit", "contacts"), ("engagement", "touchpoints")):
        resolver = Resolver(base, columns)
        for name, spec in getattr(scoring, group).items():
            try:
                condition, tables = resolver.qualify(parse_condition(spec.where, lang=lang), lang)
            except ConditionError as e:
                _refuse(ws, lang, group, name, e.say(lang))
            except (ValueError, LookupError) as e:
                _refuse(ws, lang, group, name, str(e).strip("'\""))
            compiled[group].append(
                Rule(
                    group,
                    name,
                    spec.where,
                    condition,
                    frozenset(tables),
                    spec.points,
                    getattr(spec, "half_life_days", None),
                    getattr(spec, "cap", None),
                )
            )
    return Rules(scoring, tuple(compiled["fit"]), tuple(compiled["engagement"]))


def _refuse(ws: Any, lang: str, group: str, name: str, problem: str) -> None:
    place = MODEL_FILE
    root = getattr(ws, "root", None)
    if root is not None and (Path(root) / MODEL_FILE).is_file():
        from kpiflow.model.yamlfile import read_yaml  # noqa: PLC0415  (only to point at the line)

        place = str(read_yaml(Path(root) / MODEL_FILE).locate(("scoring", group, name, "where")))
    raise ScoreError(say("score.bad_rule", lang, place=place, group=group, rule=name, problem=problem))


# -- the moment -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Moment:
    """When a score is taken: one instant for everyone (`at`), or each lead's decision time,
    `after_days` after its creation."""

    at: dt.datetime | None = None
    after_days: float = 0.0

    def age(self, time: exp.Expression, created: exp.Expression) -> exp.Expression:
        """Days from `time` to the moment (positive: `time` is strictly before it)."""
        if self.at is not None:
            return days_between(timestamp(self.at), time)
        return exp.paren(exp.Sub(this=_number(self.after_days), expression=days_between(time, created)), copy=False)


# -- the score query ---------------------------------------------------------------------------------


def _number(value: float) -> exp.Expression:
    """A DOUBLE literal: a bare 20.0 is a DECIMAL to DuckDB, whose sums would then come back as Decimals."""
    return exp.cast(exp.convert(float(value)), "DOUBLE")


def _least(value: exp.Expression, cap: float | None) -> exp.Expression:
    return value if cap is None else exp.Least(this=value, expressions=[_number(cap)])


def _sum(values: Sequence[exp.Expression]) -> exp.Expression:
    if not values:
        return _number(0)
    total = values[0]
    for value in values[1:]:
        total = exp.Add(this=total, expression=value)
    return exp.paren(total, copy=False) if len(values) > 1 else total


def _when(condition: exp.Expression, then: exp.Expression, otherwise: exp.Expression) -> exp.Case:
    return exp.Case(ifs=[exp.If(this=condition.copy(), true=then)], default=otherwise)


def _first_show() -> exp.Select:
    """Each contact's first touch that names an exhibition, and that exhibition (ROW_NUMBER: every
    engine has it)."""
    t = "touchpoints"
    ranked = exp.select(
        _col("contact_id", t).as_("contact_id"),
        _col(EXHIBITION, t).as_(EXHIBITION),
        exp.Window(
            this=exp.RowNumber(),
            partition_by=[_col("contact_id", t)],
            order=exp.Order(expressions=[exp.Ordered(this=_col("occurred_at", t)), exp.Ordered(this=_col(EXHIBITION, t))]),
        ).as_("rank"),
    ).from_(exp.table_(t, quoted=True))
    ranked = ranked.where(exp.and_(_col("contact_id", t).is_(exp.null()).not_(), _col(EXHIBITION, t).is_(exp.null()).not_()))
    return exp.select(_col("contact_id"), _col(EXHIBITION)).from_(ranked.subquery("ranked")).where(
        exp.EQ(this=_col("rank"), expression=exp.convert(1))
    )


def dimension(ws: Any, name: str, lang: str) -> tuple[exp.Expression, set[str]]:
    """A contact's value of `--by name`: its column or its account's, or its first exhibition."""
    if name == EXHIBITION and EXHIBITION not in ws.columns().get("contacts", []):
        return _col(EXHIBITION, FIRST_SHOW), {FIRST_SHOW}
    try:
        return Resolver("contacts", ws.columns()).resolve(name)
    except LookupError as e:
        raise ScoreError(say("score.bad_dimension", lang, problem=str(e).strip("'\""))) from None


def score_query(
    rules: Rules,
    moment: Moment,
    *,
    keep: Mapping[str, tuple[exp.Expression, set[str]]] | None = None,
    people: exp.Expression | None = None,
    per_rule: bool = False,
) -> exp.Select:
    """One row per contact scored: contact_id, the `keep` columns, fit, engagement, score, grade
    (and mql when the model sets a threshold); with `per_rule`, each rule's points (f0.., r0..)
    and touches (n0..)."""
    scoring = rules.scoring
    keep = dict(keep or {})
    c = "contacts"
    needed = {t for r in rules.fit for t in r.tables} | {t for _, tables in keep.values() for t in tables}
    person = exp.select(
        _col("contact_id", c).as_("contact_id"),
        _col("created_at", c).as_("created_at"),
        *[expression.copy().as_(f"k{i}") for i, (expression, _) in enumerate(keep.values())],
        *[_when(r.condition, _number(r.points), _number(0)).as_(f"f{i}") for i, r in enumerate(rules.fit)],
    ).from_(exp.table_(c, quoted=True))
    for rel in joins_for(c, needed - {FIRST_SHOW}):
        person = person.join(exp.table_(rel.table, quoted=True), on=rel.on, join_type="LEFT")
    if FIRST_SHOW in needed:
        person = person.join(
            _first_show().subquery(FIRST_SHOW),
            on=exp.EQ(this=_col("contact_id", FIRST_SHOW), expression=_col("contact_id", c)),
            join_type="LEFT",
        )
    filters = [exp.EQ(this=exp.convert(1), expression=exp.convert(1))] if people is None else [people]
    if moment.at is not None:
        filters.append(exp.LT(this=_col("created_at", c), expression=timestamp(moment.at)))
    person = person.where(exp.and_(*filters))

    query = exp.select().with_(SCORED, as_=person)
    if rules.engagement:
        t = "touchpoints"
        age = moment.age(_col("occurred_at", t), _col("created_at", SCORED))
        sums = [_col("contact_id", SCORED).as_("contact_id")]
        for j, r in enumerate(rules.engagement):
            decay: exp.Expression = _number(1)
            if r.half_life_days is not None:
                decay = exp.Pow(this=_number(0.5), expression=exp.Div(this=age.copy(), expression=_number(r.half_life_days)))
            sums.append(exp.func("SUM", _when(r.condition, decay, _number(0))).as_(f"d{j}"))
            sums.append(exp.func("COUNT", _when(r.condition, exp.convert(1), exp.null())).as_(f"n{j}"))
        any_rule = exp.or_(*[r.condition.copy() for r in rules.engagement])
        if moment.at is not None:
            # One instant for everyone: the touches are summed per contact before meeting the
            # contacts (a join of every touch with its contact first costs half as much again).
            sums[0] = _col("contact_id", t).as_("contact_id")
            engaged = exp.select(*sums).from_(exp.table_(t, quoted=True))
            known = _col("contact_id", t).is_(exp.null()).not_()
            on_time = exp.LT(this=_col("occurred_at", t), expression=timestamp(moment.at))
            filters = exp.and_(known, on_time, exp.paren(any_rule))
            grouped_by = _col("contact_id", t)
        else:
            engaged = exp.select(*sums).from_(SCORED).join(
                exp.table_(t, quoted=True), on=exp.EQ(this=_col("contact_id", t), expression=_col("contact_id", SCORED)), join_type="INNER"
            )
            filters = exp.and_(exp.GT(this=age, expression=exp.convert(0)), exp.paren(any_rule))
            grouped_by = _col("contact_id", SCORED)
        for rel in joins_for(t, {x for r in rules.engagement for x in r.tables}):
            engaged = engaged.join(exp.table_(rel.table, quoted=True), on=rel.on, join_type="LEFT")
        engaged = engaged.where(filters).group_by(grouped_by)
        query = query.with_(ENGAGED, as_=engaged)

    rule_points = [
        _least(
            exp.Mul(
                this=_number(r.points),
                expression=exp.func("COALESCE", _col(f"d{j}", ENGAGED), _number(0)),
            ),
            r.cap,
        )
        for j, r in enumerate(rules.engagement)
    ]
    parts = exp.select(
        _col("contact_id", SCORED).as_("contact_id"),
        *[_col(f"k{i}", SCORED).as_(f"k{i}") for i in range(len(keep))],
        *[_col(f"f{i}", SCORED).as_(f"f{i}") for i in range(len(rules.fit))],
        *[p.as_(f"r{j}") for j, p in enumerate(rule_points)],
        *[exp.func("COALESCE", _col(f"n{j}", ENGAGED), exp.convert(0)).as_(f"n{j}") for j in range(len(rules.engagement))],
        _least(_sum([_col(f"f{i}", SCORED) for i in range(len(rules.fit))]), scoring.caps.fit).as_("fit"),
        _least(_sum(rule_points), scoring.caps.engagement).as_("engagement"),
    ).from_(SCORED)
    if rules.engagement:
        parts = parts.join(ENGAGED, on=exp.EQ(this=_col("contact_id", ENGAGED), expression=_col("contact_id", SCORED)), join_type="LEFT")
    query = query.with_(PARTS, as_=parts)

    score = _least(exp.Add(this=_col("fit", PARTS), expression=_col("engagement", PARTS)), scoring.caps.total)
    grade: exp.Expression = exp.null()
    if scoring.grades:
        grade = exp.Case(
            ifs=[exp.If(this=exp.GTE(this=score.copy(), expression=_number(low)), true=exp.convert(name)) for name, low in scoring.graded()],
            default=exp.null(),
        )
    selected = [
        _col("contact_id", PARTS).as_("contact_id"),
        *[_col(f"k{i}", PARTS).as_(name) for i, name in enumerate(keep)],
        score.as_("score"),
        _col("fit", PARTS).as_("fit"),
        _col("engagement", PARTS).as_("engagement"),
        exp.cast(grade, "VARCHAR").as_("grade"),
    ]
    if scoring.mql is not None:
        selected.append(exp.GTE(this=score.copy(), expression=_number(scoring.mql)).as_("mql"))
    if per_rule:
        selected += [_col(f"f{i}", PARTS).as_(f"f{i}") for i in range(len(rules.fit))]
        selected += [_col(f"r{j}", PARTS).as_(f"r{j}") for j in range(len(rules.engagement))]
        selected += [_col(f"n{j}", PARTS).as_(f"n{j}") for j in range(len(rules.engagement))]
    return query.select(*selected, copy=False).from_(PARTS)


# -- scores as of a moment ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scores:
    """Every contact's score as of one moment, best first."""

    as_of: dt.datetime
    by: str | None
    records: list[dict[str, Any]]
    grades: tuple[str, ...] = ()

    def to_dict(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.records]

    def write_csv(self, path: str | Path) -> Path:
        """The list as CSV for Excel (UTF-8 with BOM, formula-like text defused), written to a
        temporary file beside `path` and moved into place: a reader never sees half a list."""
        from kpiflow.io.export import csv_text  # noqa: PLC0415  (only when a list is written)

        path = Path(path)
        header = list(self.records[0]) if self.records else ["contact_id", "score", "fit", "engagement", "grade"]
        text = csv_text(header, ([r.get(h) for h in header] for r in self.records))
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or Path("."))
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as f:
                f.write(text)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return path


def _rounded(record: dict[str, Any]) -> dict[str, Any]:
    return {k: (float(v) if k in ("score", "fit", "engagement") and v is not None else v) for k, v in record.items()}


def rule_scores(ws: Any, *, as_of: str | dt.datetime | None = None, by: str | None = None, lang: str | None = None) -> Scores:
    """Every contact created before `as_of` (default: the data's end), with its score, fit and
    engagement parts and grade, best first (`by`: with the contact's value of a dimension)."""
    lang = lang or ws.lang
    rules = compile_rules(ws, lang)
    moment = parse_moment(as_of, lang) if as_of is not None else default_moment(ws)
    keep = {by: dimension(ws, by, lang)} if by else {}
    query = score_query(rules, Moment(at=moment), keep=keep)
    query = query.order_by(exp.Ordered(this=_col("score"), desc=True), exp.Ordered(this=_col("contact_id")))
    records = [_rounded(r) for r in ws.engine.run(query).records()]
    return Scores(moment, by, records, tuple(g for g, _ in rules.scoring.graded()))


def _open_filter(ws: Any, moment: dt.datetime) -> exp.Expression:
    """Contacts not handed on as of `moment`: no deal created and no contact stage from `sql` on
    (after the second stage when the model has no `sql`) entered before it."""
    stages = ws.model.stage_names("contact")
    later = stages[stages.index("sql") :] if "sql" in stages else stages[2:]
    at = timestamp(moment)
    c = _col("contact_id", "contacts")
    handed = exp.select(_col("entity_id")).from_(exp.table_("stage_history", quoted=True)).where(
        exp.and_(
            exp.EQ(this=_col("entity"), expression=exp.convert("contact")),
            exp.In(this=_col("stage"), expressions=[exp.convert(s) for s in later]) if later else exp.false(),
            exp.LT(this=_col("entered_at"), expression=at),
        )
    )
    deals = exp.select(_col("contact_id")).from_(exp.table_("deals", quoted=True)).where(
        exp.and_(_col("contact_id").is_(exp.null()).not_(), exp.LT(this=_col("created_at"), expression=at.copy()))
    )
    return exp.and_(exp.In(this=c, query=handed.subquery()).not_(), exp.In(this=c.copy(), query=deals.subquery()).not_())


def sales_list(
    ws: Any,
    *,
    grades: Sequence[str] = (),
    open_only: bool = False,
    as_of: str | dt.datetime | None = None,
    by: str | None = None,
    lang: str | None = None,
) -> Scores:
    """Contacts for sales to call, best first: those of `grades` (all when empty) and, with
    `open_only`, those not yet handed on (no SQL stage, no deal) as of the moment."""
    lang = lang or ws.lang
    rules = compile_rules(ws, lang)
    known = [g for g, _ in rules.scoring.graded()]
    if grades and not known:
        raise ScoreError(say("score.no_grades", lang))
    for grade in grades:
        if grade not in known:
            near = next((g for g in known if g.lower() == grade.lower()), None) or suggest(grade, known)
            raise ScoreError(
                say("score.unknown_grade", lang, grade=grade, known=", ".join(known), hint=say("labels.hint", lang, name=near) if near else "")
            )
    moment = parse_moment(as_of, lang) if as_of is not None else default_moment(ws)
    keep: dict[str, tuple[exp.Expression, set[str]]] = {}
    columns = ws.columns()
    for name in dict.fromkeys([*(["by"] if by else []), "channel", "campaign", "owner", "email"]):
        name = by if name == "by" else name
        if name == EXHIBITION or any(name in columns.get(t, []) for t in ("contacts", "accounts")):
            keep[name] = dimension(ws, name, lang)
    people = _open_filter(ws, moment) if open_only else None
    query = score_query(rules, Moment(at=moment), keep=keep, people=people)
    inner = query.subquery("scores")
    listed = exp.select(exp.Star()).from_(inner)
    if grades:
        listed = listed.where(exp.In(this=_col("grade"), expressions=[exp.convert(g) for g in grades]))
    listed = listed.order_by(exp.Ordered(this=_col("score"), desc=True), exp.Ordered(this=_col("contact_id")))
    records = []
    for r in ws.engine.run(listed).records():
        r = _rounded(r)
        head = {k: r[k] for k in ("contact_id", "score", "fit", "engagement", "grade")}
        records.append(head | {k: v for k, v in r.items() if k not in head})
    return Scores(moment, by, records, tuple(known))


# -- the audit trail -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Occurrence:
    occurred_at: dt.datetime
    type: str | None
    age_days: float
    points: float  # before decay
    decayed: float


@dataclass(frozen=True)
class RuleTrail:
    group: str
    name: str
    where: str
    points: float
    half_life_days: float | None
    cap: float | None
    matched: bool
    occurrences: tuple[Occurrence, ...] = ()
    before_cap: float = 0.0
    after_cap: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        out = {
            "group": self.group,
            "rule": self.name,
            "where": self.where,
            "points": self.points,
            "half_life_days": self.half_life_days,
            "cap": self.cap,
            "matched": self.matched,
            "before_cap": self.before_cap,
            "after_cap": self.after_cap,
        }
        if self.group == "engagement":
            out["occurrences"] = [
                {"occurred_at": o.occurred_at, "type": o.type, "age_days": o.age_days, "points": o.points, "decayed": o.decayed}
                for o in self.occurrences
            ]
        return out


@dataclass(frozen=True)
class Explanation:
    """How one contact's score was made: each rule, its occurrences, and every cap on the way."""

    contact_id: str
    as_of: dt.datetime
    rules: tuple[RuleTrail, ...]
    fit_before_cap: float
    fit: float
    engagement_before_cap: float
    engagement: float
    total_before_cap: float
    score: float
    grade: str | None
    caps: dict[str, float | None] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "contact_id": self.contact_id,
            "as_of": self.as_of,
            "score": self.score,
            "fit": self.fit,
            "engagement": self.engagement,
            "grade": self.grade,
            "fit_before_cap": self.fit_before_cap,
            "engagement_before_cap": self.engagement_before_cap,
            "total_before_cap": self.total_before_cap,
            "caps": dict(self.caps),
            "rules": [r.to_dict() for r in self.rules],
        }


def explain_score(ws: Any, contact_id: str, *, as_of: str | dt.datetime | None = None, lang: str | None = None) -> Explanation:
    """The audit trail of one contact's score. The engine finds the contact's rule matches and each
    touch's decayed points; the sums and caps are added up here, and equal the engine's score
    (a test holds them together)."""
    lang = lang or ws.lang
    rules = compile_rules(ws, lang)
    scoring = rules.scoring
    moment = parse_moment(as_of, lang) if as_of is not None else default_moment(ws)
    c = "contacts"
    person = exp.select(
        _col("created_at", c), *[_when(r.condition, exp.convert(1), exp.convert(0)).as_(f"f{i}") for i, r in enumerate(rules.fit)]
    ).from_(exp.table_(c, quoted=True))
    for rel in joins_for(c, {t for r in rules.fit for t in r.tables}):
        person = person.join(exp.table_(rel.table, quoted=True), on=rel.on, join_type="LEFT")
    found = ws.engine.run(person.where(exp.EQ(this=_col("contact_id", c), expression=exp.convert(contact_id)))).rows
    if not found:
        near = _near_contact(ws, contact_id)
        raise ScoreError(say("score.unknown_contact", lang, contact=contact_id, hint=say("labels.hint", lang, name=near) if near else ""))
    created, *fit_flags = found[0]
    if created >= moment:
        raise ScoreError(say("score.not_yet", lang, contact=contact_id, created=created, as_of=moment))
    trails: list[RuleTrail] = [
        RuleTrail("fit", r.name, r.where, r.points, None, None, bool(flag), (), r.points if flag else 0.0, r.points if flag else 0.0)
        for r, flag in zip(rules.fit, fit_flags, strict=True)
    ]
    if rules.engagement:
        t = "touchpoints"
        age = Moment(at=moment).age(_col("occurred_at", t), _col("created_at", c))
        touches = exp.select(
            _col("occurred_at", t), _col("type", t), age.as_("age_days"), *[_when(r.condition, exp.convert(1), exp.convert(0)).as_(f"m{j}") for j, r in enumerate(rules.engagement)]
        ).from_(exp.table_(t, quoted=True))
        for rel in joins_for(t, {x for r in rules.engagement for x in r.tables}):
            touches = touches.join(exp.table_(rel.table, quoted=True), on=rel.on, join_type="LEFT")
        touches = touches.where(
            exp.and_(exp.EQ(this=_col("contact_id", t), expression=exp.convert(contact_id)), exp.GT(this=age.copy(), expression=exp.convert(0)))
        ).order_by(exp.Ordered(this=_col("occurred_at", t)))
        rows = ws.engine.run(touches).rows
        for j, r in enumerate(rules.engagement):
            occurrences = []
            for occurred_at, kind, age_days, *matches in rows:
                if matches[j]:
                    decay = 1.0 if r.half_life_days is None else 0.5 ** (float(age_days) / r.half_life_days)
                    occurrences.append(Occurrence(occurred_at, kind, float(age_days), r.points, r.points * decay))
            total = sum(o.decayed for o in occurrences)
            capped = total if r.cap is None else min(total, r.cap)
            trails.append(RuleTrail("engagement", r.name, r.where, r.points, r.half_life_days, r.cap, bool(occurrences), tuple(occurrences), total, capped))

    def cap(value: float, limit: float | None) -> float:
        return value if limit is None else min(value, limit)

    fit_raw = sum(tr.after_cap for tr in trails if tr.group == "fit")
    engagement_raw = sum(tr.after_cap for tr in trails if tr.group == "engagement")
    fit, engagement = cap(fit_raw, scoring.caps.fit), cap(engagement_raw, scoring.caps.engagement)
    score = cap(fit + engagement, scoring.caps.total)
    grade = next((name for name, low in scoring.graded() if score >= low), None)
    caps = {"fit": scoring.caps.fit, "engagement": scoring.caps.engagement, "total": scoring.caps.total}
    return Explanation(contact_id, moment, tuple(trails), fit_raw, fit, engagement_raw, engagement, fit + engagement, score, grade, caps)


def _near_contact(ws: Any, contact_id: str) -> str | None:
    """A contact id close to a mistyped one (looked up among the ids that share all but its last three characters)."""
    prefix = contact_id[: max(1, len(contact_id) - 3)]
    query = exp.select(_col("contact_id")).from_(exp.table_("contacts", quoted=True)).where(
        exp.Like(this=_col("contact_id"), expression=exp.convert(prefix.replace("%", "").replace("_", "") + "%"))
    ).limit(5000)
    return suggest(contact_id, [r[0] for r in ws.engine.run(query).rows])


# -- outcomes: when each contact reached a target ---------------------------------------------------------


def reached_query(ws: Any, target: str, lang: str) -> exp.Select:
    """contact_id and the first moment it reached `target` (sql: a contact stage from sql on;
    opportunity: a stage from opportunity on, or a deal created; won: a deal won)."""
    if target not in TARGETS:
        near = suggest(target, TARGETS)
        raise ScoreError(say("score.unknown_target", lang, target=target, hint=say("labels.hint", lang, name=near) if near else ""))
    stages = ws.model.stage_names("contact")
    parts: list[exp.Select] = []
    if target in ("sql", "opportunity"):
        if target not in stages:
            raise ScoreError(say("score.target_stage", lang, target=target, stages=", ".join(stages)))
        later = stages[stages.index(target) :]
        parts.append(
            exp.select(_col("entity_id").as_("contact_id"), _col("entered_at").as_("at"))
            .from_(exp.table_("stage_history", quoted=True))
            .where(
                exp.and_(
                    exp.EQ(this=_col("entity"), expression=exp.convert("contact")),
                    exp.In(this=_col("stage"), expressions=[exp.convert(s) for s in later]),
                )
            )
        )
    if target in ("opportunity", "won"):
        time = "created_at" if target == "opportunity" else "closed_at"
        deal = exp.select(_col("contact_id").as_("contact_id"), _col(time).as_("at")).from_(exp.table_("deals", quoted=True))
        conditions = [_col("contact_id").is_(exp.null()).not_(), _col(time).is_(exp.null()).not_()]
        if target == "won":
            conditions.append(exp.EQ(this=_col("outcome"), expression=exp.convert("won")))
        parts.append(deal.where(exp.and_(*conditions)))
    union: exp.Query = parts[0]
    for part in parts[1:]:
        union = exp.union(union, part, distinct=False)
    return exp.select(_col("contact_id"), exp.func("MIN", _col("at")).as_("reached_at")).from_(union.subquery("outcomes")).group_by(
        _col("contact_id")
    )


# -- quality by channel, campaign and exhibition -------------------------------------------------------------


QUALITY_COLUMNS = columns(
    ("grade", "label"),
    ("leads", "count"),
    ("share", "percent"),
    ("median_score", "number"),
    ("converted", "count"),
    ("rate", "rate"),
    ("ci_low", "rate"),
    ("ci_high", "rate"),
)
ALL = "*"
"""The grade of a row that counts every grade of its segment."""


def quality(
    ws: Any,
    *,
    by: Sequence[str] = DEFAULT_BY,
    target: str = "sql",
    within: str = "90d",
    after: str = "14d",
    lang: str | None = None,
) -> Tabular:
    """Which programmes bring good leads: each lead scored at its decision time (`after` its
    creation), then followed for `within`: per grade, and per grade of each channel, campaign or
    exhibition, the leads, their share, the median score and how many reached `target`, with a
    95% interval. Leads whose window has not ended by the data's end, and leads that reached the
    target before their decision time, are left out (they were not scored in time)."""
    lang = lang or ws.lang
    rules = compile_rules(ws, lang)
    after_days = parse_days(after, lang, "--after")
    within_days = parse_days(within, lang, "--within")
    end = default_moment(ws)
    by = list(dict.fromkeys(by or ()))
    keep = {name: dimension(ws, name, lang) for name in by}
    c = "contacts"
    matured = exp.GTE(this=days_between(timestamp(end), _col("created_at", c)), expression=_number(after_days + within_days))
    scores = score_query(rules, Moment(after_days=after_days), keep=keep, people=matured)
    reached = reached_query(ws, target, lang)
    since = days_between(_col("reached_at", REACHED), _col("created_at", "leads"))
    leads = exp.select(_col("contact_id", c), _col("created_at", c)).from_(exp.table_(c, quoted=True))
    joined = (
        exp.select(
            _col("score", "s"),
            _col("grade", "s"),
            *[_col(name, "s") for name in by],
            exp.Case(
                ifs=[exp.If(this=exp.LT(this=since.copy(), expression=_number(after_days + within_days)), true=exp.convert(1))],
                default=exp.convert(0),
            ).as_("converted"),
        )
        .from_(scores.subquery("s"))
        .join(leads.subquery("leads"), on=exp.EQ(this=_col("contact_id", "leads"), expression=_col("contact_id", "s")), join_type="INNER")
        .join(reached.subquery(REACHED), on=exp.EQ(this=_col("contact_id", REACHED), expression=_col("contact_id", "s")), join_type="LEFT")
        .where(exp.or_(_col("reached_at", REACHED).is_(exp.null()), exp.GTE(this=since, expression=_number(after_days))))
    )

    def grouped(judged: str, dim: str | None) -> list[dict[str, Any]]:
        keys = ([_col(dim)] if dim else []) + [_col("grade")]
        out = []
        for with_grade in (True, False):
            group = keys if with_grade else keys[:-1]
            query = exp.select(
                *([_col(dim).as_("value")] if dim else []),
                (_col("grade") if with_grade else exp.convert(ALL)).as_("grade"),
                exp.func("COUNT", exp.Star()).as_("leads"),
                exp.func("SUM", _col("converted")).as_("converted"),
                exp.PercentileCont(this=_col("score"), expression=exp.convert(0.5)).as_("median_score"),
            ).from_(exp.table_(judged, quoted=True))
            if group:
                query = query.group_by(*[g.copy() for g in group])
            out += ws.engine.run(query).records()
        return out

    grade_order = {g: i for i, (g, _) in enumerate(rules.scoring.graded())}

    def table(name: str, title: dict[str, str], rows: list[dict[str, Any]], dim: str | None) -> Table:
        totals = {r.get("value"): r["leads"] for r in rows if r["grade"] == ALL}
        records = []
        for r in rows:
            leads_n, hits = int(r["leads"]), int(r["converted"] or 0)
            low, high = wilson_interval(hits, leads_n) if leads_n else (None, None)
            total = totals.get(r.get("value")) or 0
            records.append(
                ({dim: r["value"]} if dim else {})
                | {
                    "grade": r["grade"],
                    "leads": leads_n,
                    "share": leads_n / total if total else None,
                    "median_score": float(r["median_score"]) if r["median_score"] is not None else None,
                    "converted": hits,
                    "rate": hits / leads_n if leads_n else None,
                    "ci_low": low,
                    "ci_high": high,
                }
            )
        records.sort(
            key=lambda r: (
                (str(r[dim]) if r.get(dim) is not None else "\uffff") if dim else "",
                -1 if r["grade"] == ALL else grade_order.get(r["grade"], len(grade_order)),
            )
        )
        head = (Column(dim, "label"),) if dim else ()
        return Table(name, title, head + QUALITY_COLUMNS, tuple(records))

    # Each lead is scored once; every table counts the same kept rows.
    with ws.engine.temporary(joined, prefix="judged") as judged:
        tables = [table("grades", {"ja": "グレード別", "en": "By grade"}, grouped(judged.name, None), None)]
        for name in by:
            tables.append(table(f"by_{name}", {"ja": f"{name} 別", "en": f"By {name}"}, grouped(judged.name, name), name))
    notes = (
        say("score.quality_note", lang, target=target, within=f"{within_days:g}d", after=f"{after_days:g}d", end=end.date()),
    )
    params = {"by": list(by), "target": target, "within": f"{within_days:g}d", "after": f"{after_days:g}d"}
    return Tabular("score", params, tuple(tables), notes)
