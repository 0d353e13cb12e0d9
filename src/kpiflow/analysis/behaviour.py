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
    view and at most `revisit_days` days after it;
  - **inquiry_rate**: visitors with an `inquiry` touchpoint from that view up to
    `inquiry_days` days after it;
  - **opportunity_rate**: visitors whose contact has a deal created from that view up to
    `opportunity_days` days after it (visitors never identified have none).
  Window limits are included: an inquiry exactly `inquiry_days` days later counts.

Every rate carries its counts and a 95% Wilson interval; a denominator under 30 is a small
sample; a division by zero gives None. One query in DuckDB (window functions and grouped
aggregates) does the counting; Python only assembles the records.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import duckdb
import sqlglot
from sqlglot import exp

from kpiflow.analysis.exhibitions import IDENTITY_CTES, interval_days
from kpiflow.analysis.frames import records_frame
from kpiflow.engine.duck import timestamp as sql_timestamp
from kpiflow.errors import KpiflowError, UnknownNameError
from kpiflow.model.config import ModelFile
from kpiflow.model.periods import Period
from kpiflow.stats import Rate, ratio

BY = ("content_type", "content_id", "channel")
"""The touchpoint columns behaviour can be grouped by."""
REVISIT_DAYS = 30
INQUIRY_DAYS = 30
OPPORTUNITY_DAYS = 90
ACTION_TYPES = ("download", "form_submit")


class BehaviourError(KpiflowError, ValueError):
    """An option of the behaviour analysis cannot be used (a window in days)."""

    exit_code = 2


# Placeholders (never first in a SELECT list: DuckDB's `alias: expr` syntax): :tp_filter, :group (the `by` column of `tp`), :group_all (the same for the
# actions), :in_period (over views.occurred_at), :revisit, :inquiry, :opportunity (intervals).
_QUERY = (
    "WITH "
    + IDENTITY_CTES
    + """,
all_views AS (
  SELECT grp, person, person_contact, occurred_at, dwell_seconds, scroll_pct, session,
         COUNT(*) OVER (PARTITION BY session) AS session_pages
  FROM (
    SELECT person, :group AS grp, person_contact, occurred_at, dwell_seconds, scroll_pct,
           COALESCE('s:' || session_id, 'v:' || CAST(ROW_NUMBER() OVER () AS VARCHAR)) AS session
    FROM tp WHERE type = 'page_view'
  ) AS numbered
),
views AS (
  SELECT * FROM all_views AS views WHERE :in_period
),
action_sessions AS (
  SELECT DISTINCT 's:' || session_id AS session FROM tp
  WHERE type IN ('download', 'form_submit') AND session_id IS NOT NULL
),
group_sessions AS (
  SELECT v.grp, v.session, MAX(v.session_pages) AS pages, BOOL_OR(a.session IS NOT NULL) AS acted
  FROM views AS v LEFT JOIN action_sessions AS a ON a.session = v.session
  GROUP BY v.grp, v.session
),
visitors AS (
  SELECT grp, person, MAX(person_contact) AS contact_id, MIN(occurred_at) AS first_at,
         ARG_MIN(session, occurred_at) AS first_session
  FROM views GROUP BY grp, person
),
revisited AS (
  SELECT DISTINCT p.grp, p.person
  FROM visitors AS p
  JOIN all_views AS v ON v.person = p.person AND v.session <> p.first_session
   AND v.occurred_at > p.first_at AND v.occurred_at <= p.first_at + :revisit
),
inquired AS (
  SELECT DISTINCT p.grp, p.person
  FROM visitors AS p
  JOIN tp AS i ON i.person = p.person AND i.type = 'inquiry'
   AND i.occurred_at >= p.first_at AND i.occurred_at <= p.first_at + :inquiry
),
dealt AS (
  SELECT DISTINCT p.grp, p.person
  FROM visitors AS p
  JOIN deals AS d ON d.contact_id = p.contact_id
   AND d.created_at >= p.first_at AND d.created_at <= p.first_at + :opportunity
),
per_view AS (
  SELECT grp, COUNT(*) AS page_views, AVG(dwell_seconds) AS avg_dwell_seconds, AVG(scroll_pct) AS avg_scroll_pct
  FROM views GROUP BY grp
),
per_session AS (
  SELECT grp, COUNT(*) AS sessions, SUM(pages) AS session_page_views,
         COUNT(*) FILTER (WHERE pages > 1) AS onward_sessions, COUNT(*) FILTER (WHERE acted) AS action_sessions
  FROM group_sessions GROUP BY grp
),
per_visitor AS (
  SELECT p.grp, COUNT(*) AS visitors, COUNT(r.person) AS revisitors, COUNT(q.person) AS inquirers,
         COUNT(d.person) AS opportunity_visitors
  FROM visitors AS p
  LEFT JOIN revisited AS r ON r.grp IS NOT DISTINCT FROM p.grp AND r.person = p.person
  LEFT JOIN inquired AS q ON q.grp IS NOT DISTINCT FROM p.grp AND q.person = p.person
  LEFT JOIN dealt AS d ON d.grp IS NOT DISTINCT FROM p.grp AND d.person = p.person
  GROUP BY p.grp
),
per_action AS (
  SELECT grp, COUNT(*) AS actions
  FROM (SELECT type, :group_all AS grp FROM tp WHERE type IN ('download', 'form_submit') AND :actions_in_period) AS acts
  GROUP BY grp
)
SELECT w.grp, w.page_views, w.avg_dwell_seconds, w.avg_scroll_pct,
       s.sessions, s.session_page_views, s.onward_sessions, s.action_sessions,
       p.visitors, p.revisitors, p.inquirers, p.opportunity_visitors,
       COALESCE(a.actions, 0) AS actions
FROM per_view AS w
JOIN per_session AS s ON s.grp IS NOT DISTINCT FROM w.grp
JOIN per_visitor AS p ON p.grp IS NOT DISTINCT FROM w.grp
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
class BehaviourResult:
    period: str | None  # the period's label; None for every page view
    by: str
    revisit_days: int
    inquiry_days: int
    opportunity_days: int
    records: list[BehaviourRecord]  # most page views first
    queries: list[str] = field(default_factory=list)

    def record(self, key: str | None) -> BehaviourRecord:
        """The record of one group (`key` is the content type, content id or channel)."""
        for r in self.records:
            if r.key == key:
                return r
        raise LookupError(f"no behaviour record for {self.by} = {key!r}; groups: {', '.join(str(r.key) for r in self.records)}")

    def to_dict(self) -> list[dict[str, object]]:
        """One plain, JSON-serialisable dict per group."""
        return [r.to_dict() for r in self.records]

    def to_frame(self):
        """A pandas DataFrame of the records (pandas is optional)."""
        return records_frame(self.to_dict())


def _days(value: object, name: str, example: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise BehaviourError(f"{name} must be a whole number of days >= 0, such as {example} (got {value!r})")
    return value


def behaviour(
    con: duckdb.DuckDBPyConnection,
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
    query = build_query(by, period, **windows)
    cursor = con.execute(query)
    header = [d[0] for d in cursor.description]
    rows = [dict(zip(header, row, strict=True)) for row in cursor.fetchall()]
    return BehaviourResult(
        period=period.label(lang) if period else None,
        by=by,
        revisit_days=revisit_days,
        inquiry_days=inquiry_days,
        opportunity_days=opportunity_days,
        records=[_record(by, r) for r in rows],
        queries=[query],
    )


def build_query(by: str, period: Period | None, *, revisit_days: int, inquiry_days: int, opportunity_days: int) -> str:
    """The DuckDB SQL of the analysis (one row per group)."""

    def in_period(table: str) -> exp.Expression:
        if period is None:
            return exp.true()
        start, end = period.sql_bounds()
        at = exp.column("occurred_at", table=table)
        return exp.and_(at >= sql_timestamp(start), at.copy() < sql_timestamp(end))

    template = sqlglot.parse_one(_QUERY, read="duckdb")
    query = exp.replace_placeholders(
        template,
        tp_filter=exp.column("type", table="t").isin("page_view", *ACTION_TYPES, "inquiry"),
        group=exp.column(by, table="tp"),
        group_all=exp.column(by, table="tp"),
        in_period=in_period("views"),
        actions_in_period=in_period("tp"),
        revisit=interval_days(revisit_days),
        inquiry=interval_days(inquiry_days),
        opportunity=interval_days(opportunity_days),
    )
    return query.sql("duckdb")


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
