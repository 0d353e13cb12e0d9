"""`kpiflow behaviour`: how people use the website, by content type, content item or channel.

The unit of reading is the **page view** (touchpoints of type `page_view`); downloads and
form submits (`download`, `form_submit`) are **actions**. `by` is the touchpoint column that
groups them: `content_type` (default), `content_id` or `channel`. Page views without a value
there form a group of their own (key None). With a period, the page views in it
(``start <= occurred_at < end``) are read; what follows them (revisits, inquiries,
opportunities) may fall after the period's end.

- **Person.** As in the exhibitions analysis: the touchpoint's `contact_id`; without one, the
  contact that the same `anonymous_id` carries on another touchpoint (the browser of a visitor
  who later filled in a form); else the `anonymous_id`.
- **Session**: the `session_id`. A page view without one is a session of its own.
- A session counts in every group whose page it viewed: a session that read a case study and
  then the pricing page counts once for `case_study` and once for `pricing`, so the groups'
  sessions (and visitors) do not add up to the site's.
- **page_views** of a group are its page views; **sessions** and **visitors** are the distinct
  sessions and persons among them.
- **pages_per_session**: the mean number of page views, of any group, in those sessions
  (the whole session, before and after the group's page); **onward_rate** (回遊率): the
  share of those sessions with more than one page view.
- **avg_dwell_seconds**, **avg_scroll_pct**: means over the group's page views (empty values
  ignored).
- **actions**: the downloads and form submits whose own `by` value is the group;
  **action_rate**: the share of the group's sessions that include a download or form
  submit (of any content; matched by `session_id`).
- Per visitor, the clock starts at their first page view of the group (in the period):
  - **revisit_rate**: visitors who view a page (any page) in a different session after that
    view and at most `revisit_days` days after it (when several first views share that
    moment, the one with the smallest session id is "that view"; one without a session last);
  - **inquiry_rate**: visitors with an `inquiry` touchpoint from that view up to
    `inquiry_days` days after it;
  - **opportunity_rate**: visitors whose contact has a deal created from that view up to
    `opportunity_days` days after it (visitors never identified have none).
  Window limits are included: an inquiry exactly `inquiry_days` days later counts.

Every rate carries its counts and a 95% Wilson interval; a denominator under 30 is a small
sample; a division by zero gives None. One query in DuckDB (grouped aggregates and semi
joins, no window functions) does the counting; Python only assembles the records.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from sqlglot import exp

from kpiflow.analysis.exhibitions import IDENTITY_CTES, interval_days
from kpiflow.analysis.frames import records_frame
from kpiflow.analysis.result import Described
from kpiflow.engine.base import Engine, parse
from kpiflow.engine.base import timestamp as sql_timestamp
from kpiflow.errors import KpiflowError, UnknownNameError
from kpiflow.model.config import ModelFile
from kpiflow.model.periods import Period
from kpiflow.stats import Rate, ratio

FirstInGroup = Callable[[exp.Expression, list[exp.Ordered]], exp.Expression | None]
"""`Engine.first_in_group`: an aggregate for the first row of a group in an order, or None."""

BY = ("content_type", "content_id", "channel")
"""The touchpoint columns behaviour can be grouped by."""
REVISIT_DAYS = 30
INQUIRY_DAYS = 30
OPPORTUNITY_DAYS = 90


class BehaviourError(KpiflowError, ValueError):
    """An option of the behaviour analysis cannot be used (a window in days)."""

    exit_code = 2


# How the work is cut (grouped aggregates and semi joins; no window function over the touchpoints,
# no step repeated per group or per metric):
# - The person of a touchpoint (`tp`, shared with the exhibitions analysis) is only needed for
#   visitors and what follows them, so `tp` holds just the page views and inquiries from the
#   period's start to the end of the longest window after it (:tp_filter). DuckDB computes it
#   once; `events` only renames its columns for the steps that read it.
# - Page views, dwell, scroll, sessions and actions need no person: they read `touchpoints`
#   directly, with the same rule as `tp` (a touchpoint with neither a contact nor an anonymous id
#   is nobody's and does not count).
# - A session's page views and actions are counted over all its touchpoints, in or out of the
#   period: those in the period are read with it; only those outside are looked up by session.
# - Revisits, inquiries and deals are semi joins from each visitor's first view.
# Placeholders (never first in a SELECT list: DuckDB's `alias: expr` syntax): :tp_filter;
# :group, :view_group, :action_group (the `by` column of `tp`, `pv`, `acts`); :in_period,
# :pv_in_period, :st_in_period, :actions_in_period (the period over views, pv, st, acts) and
# :st_outside_period (its negation); :revisit, :inquiry, :opportunity (intervals); :first_session
# (the session of a visitor's first view, an aggregate) and :view_rank (what it reads: see
# `_first_session`).
_QUERY = (
    "WITH "
    + IDENTITY_CTES
    + """,
page_views AS (
  SELECT session_id, :view_group AS grp, dwell_seconds, scroll_pct
  FROM touchpoints AS pv
  WHERE type = 'page_view' AND (contact_id IS NOT NULL OR anonymous_id IS NOT NULL) AND :pv_in_period
),
per_view AS (
  SELECT grp, COUNT(*) AS page_views, AVG(dwell_seconds) AS avg_dwell_seconds, AVG(scroll_pct) AS avg_scroll_pct,
         COUNT(*) FILTER (WHERE session_id IS NULL) AS lone_views
  FROM page_views GROUP BY grp
),
group_sessions AS (
  SELECT DISTINCT grp, session_id FROM page_views WHERE session_id IS NOT NULL
),
sessions AS (
  SELECT session_id, COUNT(*) FILTER (WHERE type = 'page_view') AS pages,
         BOOL_OR(type IN ('download', 'form_submit')) AS acted
  FROM (
    SELECT session_id, type FROM touchpoints AS st
    WHERE type IN ('page_view', 'download', 'form_submit') AND session_id IS NOT NULL
      AND (contact_id IS NOT NULL OR anonymous_id IS NOT NULL) AND :st_in_period
    UNION ALL
    SELECT session_id, type FROM touchpoints AS st
    WHERE session_id IN (SELECT session_id FROM group_sessions) AND :st_outside_period
      AND type IN ('page_view', 'download', 'form_submit') AND (contact_id IS NOT NULL OR anonymous_id IS NOT NULL)
  ) AS session_touchpoints
  GROUP BY session_id
),
per_session AS (
  SELECT g.grp, COUNT(*) AS sessions, SUM(s.pages) AS session_page_views,
         COUNT(*) FILTER (WHERE s.pages > 1) AS onward_sessions, COUNT(*) FILTER (WHERE s.acted) AS action_sessions
  FROM group_sessions AS g JOIN sessions AS s ON s.session_id = g.session_id
  GROUP BY g.grp
),
events AS NOT MATERIALIZED (
  SELECT type, :group AS grp, person, person_contact, occurred_at, session_id FROM tp
),
viewed AS (
  SELECT grp, person, person_contact, occurred_at, session_id, :view_rank AS view_rank
  FROM events AS views WHERE type = 'page_view' AND :in_period
),
visitors AS (
  SELECT grp, person, person_contact AS contact_id, MIN(occurred_at) AS first_at, :first_session AS first_session
  FROM viewed GROUP BY grp, person, person_contact
),
per_visitor AS (
  SELECT grp, COUNT(*) AS visitors FROM visitors GROUP BY grp
),
revisited AS (
  SELECT p.grp, COUNT(*) AS revisitors
  FROM (SELECT grp, person, first_at, first_at + :revisit AS until, first_session FROM visitors) AS p
  SEMI JOIN events AS v ON v.person = p.person AND v.type = 'page_view'
   AND v.occurred_at > p.first_at AND v.occurred_at <= p.until
   AND COALESCE(v.session_id <> p.first_session, TRUE)
  GROUP BY p.grp
),
inquired AS (
  SELECT p.grp, COUNT(*) AS inquirers
  FROM (SELECT grp, person, first_at, first_at + :inquiry AS until FROM visitors) AS p
  SEMI JOIN events AS i ON i.person = p.person AND i.type = 'inquiry'
   AND i.occurred_at >= p.first_at AND i.occurred_at <= p.until
  GROUP BY p.grp
),
dealt AS (
  SELECT p.grp, COUNT(*) AS opportunity_visitors
  FROM (SELECT grp, contact_id, first_at, first_at + :opportunity AS until FROM visitors) AS p
  SEMI JOIN deals AS d ON d.contact_id = p.contact_id
   AND d.created_at >= p.first_at AND d.created_at <= p.until
  GROUP BY p.grp
),
per_action AS (
  SELECT COUNT(*) AS actions, :action_group AS grp
  FROM touchpoints AS acts
  WHERE type IN ('download', 'form_submit') AND (contact_id IS NOT NULL OR anonymous_id IS NOT NULL) AND :actions_in_period
  GROUP BY grp
)
SELECT w.grp, w.page_views, w.avg_dwell_seconds, w.avg_scroll_pct,
       COALESCE(s.sessions, 0) + w.lone_views AS sessions,
       COALESCE(s.session_page_views, 0) + w.lone_views AS session_page_views,
       COALESCE(s.onward_sessions, 0) AS onward_sessions, COALESCE(s.action_sessions, 0) AS action_sessions,
       p.visitors, COALESCE(r.revisitors, 0) AS revisitors, COALESCE(q.inquirers, 0) AS inquirers,
       COALESCE(d.opportunity_visitors, 0) AS opportunity_visitors, COALESCE(a.actions, 0) AS actions
FROM per_view AS w
JOIN per_visitor AS p ON p.grp IS NOT DISTINCT FROM w.grp
LEFT JOIN per_session AS s ON s.grp IS NOT DISTINCT FROM w.grp
LEFT JOIN revisited AS r ON r.grp IS NOT DISTINCT FROM w.grp
LEFT JOIN inquired AS q ON q.grp IS NOT DISTINCT FROM w.grp
LEFT JOIN dealt AS d ON d.grp IS NOT DISTINCT FROM w.grp
LEFT JOIN per_action AS a ON a.grp IS NOT DISTINCT FROM w.grp
ORDER BY w.page_views DESC, w.grp NULLS LAST
"""
)


@dataclass(frozen=True)
class BehaviourRecord:
    """The web behaviour of one group (a content type, a content item or a channel)."""

    by: str
    key: str | None
    page_views: int
    sessions: int
    visitors: int
    pages_per_session: float | None
    onward_rate: Rate
    avg_dwell_seconds: float | None
    avg_scroll_pct: float | None
    actions: int
    action_rate: Rate
    revisit_rate: Rate
    inquiry_rate: Rate
    opportunity_rate: Rate

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            self.by: self.key,
            "page_views": self.page_views,
            "sessions": self.sessions,
            "visitors": self.visitors,
            "pages_per_session": self.pages_per_session,
            "onward_sessions": self.onward_rate.count,
        }
        out |= self.onward_rate.items("onward_rate")
        out |= {
            "avg_dwell_seconds": self.avg_dwell_seconds,
            "avg_scroll_pct": self.avg_scroll_pct,
            "actions": self.actions,
            "action_sessions": self.action_rate.count,
        }
        out |= self.action_rate.items("action_rate")
        out["revisitors"] = self.revisit_rate.count
        out |= self.revisit_rate.items("revisit_rate")
        out["inquirers"] = self.inquiry_rate.count
        out |= self.inquiry_rate.items("inquiry_rate")
        out["opportunity_visitors"] = self.opportunity_rate.count
        out |= self.opportunity_rate.items("opportunity_rate")
        return out


@dataclass(frozen=True)
class BehaviourResult(Described):
    period: str | None  # the period's label; None for every page view
    by: str
    revisit_days: int
    inquiry_days: int
    opportunity_days: int
    records: list[BehaviourRecord]  # most page views first
    queries: list[str] = field(default_factory=list)

    ANALYSIS = "behaviour"
    MAIN = "groups"
    TITLES = {"groups": {"ja": "Web行動", "en": "Web behaviour"}}

    def params(self) -> dict[str, object]:
        return {
            "period": self.period, "by": self.by, "revisit_days": self.revisit_days,
            "inquiry_days": self.inquiry_days, "opportunity_days": self.opportunity_days,
        }

    def record(self, key: str | None) -> BehaviourRecord:
        """The record of one group (`key` is the content type, content id or channel)."""
        for r in self.records:
            if r.key == key:
                return r
        raise LookupError(f"no behaviour record for {self.by} = {key!r}; groups: {', '.join(str(r.key) for r in self.records)}")

    def to_json_data(self) -> list[dict[str, object]]:
        """One plain, JSON-serialisable dict per group."""
        return [r.to_dict() for r in self.records]

    def to_frame(self):
        """A pandas DataFrame of the records (pandas is optional)."""
        return records_frame(self.to_json_data())


def _days(value: object, name: str, example: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise BehaviourError(f"{name} must be a whole number of days >= 0, such as {example} (got {value!r})")
    return value


def behaviour(
    engine: Engine,
    model: ModelFile,
    *,
    by: str = "content_type",
    period: Period | None = None,
    revisit_days: int = REVISIT_DAYS,
    inquiry_days: int = INQUIRY_DAYS,
    opportunity_days: int = OPPORTUNITY_DAYS,
    columns: Mapping[str, Sequence[str]] | None = None,
    lang: str = "en",
) -> BehaviourResult:
    """Sessions, visitors, depth, dwell, scroll, actions, revisits, inquiries and opportunities per group.

    `by` is `content_type`, `content_id` or `channel`. `period` keeps the page views in it.
    The windows are in days after each visitor's first page view of the group. `model` and
    `columns` are accepted for the common signature of the analyses. See the module docstring
    for every definition.
    """
    del model, columns  # nothing here depends on the model or on extra columns (yet)
    if by not in BY:
        raise UnknownNameError.for_name("behaviour breakdown", by, BY)
    windows = {
        name: _days(value, name, example)
        for name, value, example in (
            ("revisit_days", revisit_days, REVISIT_DAYS),
            ("inquiry_days", inquiry_days, INQUIRY_DAYS),
            ("opportunity_days", opportunity_days, OPPORTUNITY_DAYS),
        )
    }
    query = engine.render(build_query(by, period, first=engine.first_in_group, **windows))
    rows = engine.run(query).records()
    return BehaviourResult(
        period=period.label(lang) if period else None,
        by=by,
        revisit_days=revisit_days,
        inquiry_days=inquiry_days,
        opportunity_days=opportunity_days,
        records=[_record(by, r) for r in rows],
        queries=[query],
    )


@functools.cache
def _template() -> exp.Expression:
    """_QUERY parsed once (on first use); placeholders are filled in a copy."""
    return parse(_QUERY)


def _first_session(first: FirstInGroup | None) -> tuple[exp.Expression, exp.Expression]:
    """(:first_session, :view_rank): the session of a visitor's first page view of the group, the
    earliest view, ties to the smallest session id, a view without a session last.

    With the engine's aggregate for the first row of a group (DuckDB's ARG_MIN_NULL over a sort
    key) that is one aggregate and no rank; otherwise the views are numbered in that order
    (ROW_NUMBER, in every engine) and the session of view 1 is kept.
    """
    order = [
        exp.Ordered(this=exp.column("occurred_at"), nulls_first=False),
        exp.Ordered(this=exp.column("session_id"), nulls_first=False),
    ]
    aggregate = first(exp.column("session_id"), order) if first is not None else None
    if aggregate is not None:
        return aggregate, exp.null()
    window = exp.Window(
        this=exp.RowNumber(),
        partition_by=[exp.column(c) for c in ("grp", "person", "person_contact")],
        order=exp.Order(expressions=order),
    )
    first_view = exp.EQ(this=exp.column("view_rank"), expression=exp.convert(1))
    return exp.Min(this=exp.Case(ifs=[exp.If(this=first_view, true=exp.column("session_id"))])), window


def build_query(
    by: str,
    period: Period | None,
    *,
    revisit_days: int,
    inquiry_days: int,
    opportunity_days: int,
    first: FirstInGroup | None = None,
) -> exp.Expression:
    """The query of the analysis (one row per group); `first` is the engine's `first_in_group`
    (None: the portable plan, which every engine runs)."""

    def in_period(table: str) -> exp.Expression:
        if period is None:
            return exp.true()
        start, end = period.sql_bounds()
        at = exp.column("occurred_at", table=table)
        return exp.and_(at >= sql_timestamp(start), at.copy() < sql_timestamp(end))

    # `tp`: the page views and inquiries a visitor's windows can reach. A first view falls before
    # the period's end, so nothing it reaches lies past the end plus the longer of the two windows
    # over touchpoints (deals are read from their own table).
    tp_filter: exp.Expression = exp.column("type", table="t").isin("page_view", "inquiry")
    if period is not None:
        start, end = period.sql_bounds()
        at = exp.column("occurred_at", table="t")
        reach = exp.Add(this=sql_timestamp(end), expression=interval_days(max(revisit_days, inquiry_days)))
        tp_filter = exp.and_(tp_filter, at >= sql_timestamp(start), at.copy() < reach)
    first_session, view_rank = _first_session(first)
    query = exp.replace_placeholders(
        _template(),
        tp_filter=tp_filter,
        group=exp.column(by, table="tp"),
        view_group=exp.column(by, table="pv"),
        action_group=exp.column(by, table="acts"),
        in_period=in_period("views"),
        pv_in_period=in_period("pv"),
        st_in_period=in_period("st"),
        st_outside_period=exp.not_(in_period("st")),
        actions_in_period=in_period("acts"),
        revisit=interval_days(revisit_days),
        inquiry=interval_days(inquiry_days),
        opportunity=interval_days(opportunity_days),
        first_session=first_session,
        view_rank=view_rank,
    )
    return query


def _number(value: object) -> float | None:
    if value is None:
        return None
    value = float(value)
    return None if math.isnan(value) else value


def _record(by: str, row: Mapping[str, object]) -> BehaviourRecord:
    count = lambda name: int(row.get(name) or 0)  # noqa: E731
    sessions, visitors = count("sessions"), count("visitors")
    return BehaviourRecord(
        by=by,
        key=row["grp"],
        page_views=count("page_views"),
        sessions=sessions,
        visitors=visitors,
        pages_per_session=ratio(count("session_page_views"), sessions),
        onward_rate=Rate.of(count("onward_sessions"), sessions),
        avg_dwell_seconds=_number(row.get("avg_dwell_seconds")),
        avg_scroll_pct=_number(row.get("avg_scroll_pct")),
        actions=count("actions"),
        action_rate=Rate.of(count("action_sessions"), sessions),
        revisit_rate=Rate.of(count("revisitors"), visitors),
        inquiry_rate=Rate.of(count("inquirers"), visitors),
        opportunity_rate=Rate.of(count("opportunity_visitors"), visitors),
    )


__all__ = ["BY", "BehaviourError", "BehaviourRecord", "BehaviourResult", "behaviour"]
