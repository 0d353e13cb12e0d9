"""`kpiflow exhibitions`: what each trade show (and each exhibit in the booth) brought in.

An **exhibition** is an `exhibition_id`. Its *show touchpoints* are its `booth_visit`, `demo`
and `badge_scan` touchpoints; other touchpoints that carry an `exhibition_id` (a follow-up
e-mail tagged with the show) are not show touchpoints. The show runs from its first to its
last recorded moment: the earliest and latest of its show touchpoints and its `booth_traffic`
hours. An exhibition with neither (only costs) is not reported.

- **Person.** A touchpoint's person is its `contact_id`; without one, the contact that the
  same `anonymous_id` carries on any other touchpoint (a browser or kiosk id later
  identified; when one id was seen with several contacts, the smallest contact_id); else
  the `anonymous_id` itself. Every count of people below is a count of distinct persons.
- **Passersby**: the sum of `booth_traffic.passersby`.
- **Visitors** (people who stopped): persons with a `booth_visit` or a `demo` touchpoint
  there (trying a demo is a stop too, so demo visitors are always visitors).
  ``stop_rate = visitors / passersby``. Counters that missed people can give more visitors
  than passers-by: the stop rate is then reported above 1, without an interval.
- **Demo visitors**: persons with a `demo` touchpoint; ``demo_rate = demo_visitors / visitors``.
- **Dwell**: mean and median `dwell_seconds` of the `booth_visit` touchpoints (rows, not people;
  empty values ignored).
- **Badge scans**: persons with a `badge_scan` touchpoint.
- **People**: persons with any show touchpoint (visitors and scanned people).
- **Leads** (new contacts won at the show): contacts among the people whose
  `contacts.created_at` falls between midnight of the show's first day and the end of the
  seventh day after its last day. A contact who already existed before the show (a customer
  who came by) is one of the people but not a lead; neither is a person scanned at the show
  who registers months later. Trade-show leads are usually imported a few days after the
  show, which the week allows for.
- **What followed**, per person, from their first show touchpoint at the exhibition up to
  ``within_days`` days after it, both ends included:
  - *inquiries*: people with an `inquiry` touchpoint; ``inquiry_rate = inquiries / people``;
  - *opportunities*: deals of the person's contact created in the window;
    *opportunity_contacts* are the people with at least one, and
    ``opportunity_rate = opportunity_contacts / people``;
  - *won* and *revenue*: those opportunities that were won with `closed_at` in the window,
    and the sum of their `amount`.
  A person at two shows counts for both: this is what followed each show, not an attribution
  model that shares the revenue out (see economics for that).
- **Cost**: every `costs` row with the exhibition's `exhibition_id`, whatever its date (space is
  booked months ahead) and category. With no such row the cost is unknown (None), not 0.
  ``cost_per_lead = cost / leads``, ``cost_per_opportunity = cost / opportunities``,
  ``roi = (revenue - cost) / cost``.
- **By exhibit** (``by_exhibit=True``): one record per `exhibit_id` of each exhibition (the
  exhibits of its touchpoints and of its traffic counter). A person counts at every exhibit
  they touched, so exhibits do not add up to the exhibition; their follow-up window still
  starts at the person's first touchpoint at the show. Costs are booked per exhibition, so an
  exhibit's cost, cost per lead, cost per opportunity and ROI are None.
- **Period**: the exhibitions whose show starts in the period (``start <= first moment <
  end``). Everything about a chosen exhibition is counted in full, follow-ups after the
  period's end included.
- **Comparison**: for `stop_rate` and `demo_rate`, each exhibition against all the other
  exhibitions (of the result) pooled, with a pooled two-proportion z-test (exhibitions whose
  rate has no denominator, or more successes than trials, are left out of the pool); by exhibit, each
  exhibit against the other exhibits of the same exhibition. Benjamini-Hochberg q-values are
  taken over all the tests of the result (both rates together). A test is skipped (None)
  when either side has no denominator or more successes than trials.

Every rate carries its counts and a 95% Wilson interval; a denominator under 30 is a small
sample; a division by zero gives None. One query in DuckDB does all the counting (CTEs,
grouped aggregates); Python only assembles the records and runs the tests.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from sqlglot import exp

from kpiflow.analysis.frames import records_frame
from kpiflow.analysis.result import Described
from kpiflow.engine.base import Engine, fill
from kpiflow.engine.base import timestamp as sql_timestamp
from kpiflow.errors import KpiflowError
from kpiflow.model.config import ModelFile
from kpiflow.model.periods import Period
from kpiflow.stats import SMALL_SAMPLE, Rate, benjamini_hochberg, ratio, two_proportion_test

WITHIN_DAYS = 180
"""Days after a person's first touch at the show in which follow-ups count."""
LEAD_GRACE_DAYS = 7
"""Days after the show's last day in which a new contact still counts as a lead of the show."""
SHOW_TYPES = ("booth_visit", "demo", "badge_scan")
COMPARED = ("stop_rate", "demo_rate")


class ExhibitionsError(KpiflowError, ValueError):
    """An option of the exhibitions analysis cannot be used (within_days)."""

    exit_code = 2


# A person: the contact of the touchpoint, else the contact its anonymous id is known to be,
# else the anonymous id. Prefixes keep contact ids and anonymous ids from colliding.
IDENTITY_CTES = """
ids AS (
  SELECT anonymous_id, MIN(contact_id) AS contact_id
  FROM touchpoints
  WHERE contact_id IS NOT NULL AND anonymous_id IS NOT NULL
  GROUP BY anonymous_id
),
tp AS (
  SELECT t.*, COALESCE(t.contact_id, ids.contact_id) AS person_contact,
         CASE WHEN COALESCE(t.contact_id, ids.contact_id) IS NOT NULL THEN 'c:' || COALESCE(t.contact_id, ids.contact_id)
              ELSE 'a:' || t.anonymous_id END AS person
  FROM touchpoints AS t
  LEFT JOIN ids ON ids.anonymous_id = t.anonymous_id
  WHERE COALESCE(t.contact_id, t.anonymous_id) IS NOT NULL AND :tp_filter
)
"""

# Placeholders: :tp_filter, :in_period (over chosen.first_at), :exhibit (the record's exhibit
# of a show touchpoint `s`, or NULL), :traffic_exhibit (same for booth_traffic `b`), :window
# (an interval), :grace (an interval).
_QUERY = (
    "WITH "
    + IDENTITY_CTES
    + """,
show AS (
  SELECT exhibition_id, exhibit_id, type, occurred_at, dwell_seconds, person, person_contact
  FROM tp WHERE exhibition_id IS NOT NULL AND type IN ('booth_visit', 'demo', 'badge_scan')
),
spans AS (
  SELECT exhibition_id, MIN(at) AS first_at, MAX(at) AS last_at
  FROM (
    SELECT exhibition_id, occurred_at AS at FROM show
    UNION ALL
    SELECT exhibition_id, hour AS at FROM booth_traffic
  ) AS moments
  GROUP BY exhibition_id
),
chosen AS (
  SELECT exhibition_id, first_at, last_at FROM spans AS chosen WHERE :in_period
),
people AS (
  SELECT s.exhibition_id, s.person, MAX(s.person_contact) AS contact_id, MIN(s.occurred_at) AS first_at
  FROM show AS s JOIN chosen AS c ON c.exhibition_id = s.exhibition_id
  GROUP BY s.exhibition_id, s.person
),
inquired AS (
  SELECT DISTINCT p.exhibition_id, p.person
  FROM people AS p
  JOIN tp AS i ON i.person = p.person AND i.type = 'inquiry'
   AND i.occurred_at >= p.first_at AND i.occurred_at <= p.first_at + :window
),
dealt AS (
  SELECT p.exhibition_id, p.person, COUNT(*) AS opportunities,
         COUNT(*) FILTER (WHERE d.outcome = 'won' AND d.closed_at >= p.first_at AND d.closed_at <= p.first_at + :window) AS won,
         SUM(d.amount) FILTER (WHERE d.outcome = 'won' AND d.closed_at >= p.first_at AND d.closed_at <= p.first_at + :window) AS revenue
  FROM people AS p
  JOIN deals AS d ON d.contact_id = p.contact_id
   AND d.created_at >= p.first_at AND d.created_at <= p.first_at + :window
  GROUP BY p.exhibition_id, p.person
),
flags AS (
  SELECT p.exhibition_id, p.person,
         COALESCE(ct.created_at >= DATE_TRUNC('day', c.first_at)
                  AND ct.created_at < DATE_TRUNC('day', c.last_at) + :grace, FALSE) AS is_lead,
         q.person IS NOT NULL AS inquired,
         COALESCE(d.opportunities, 0) AS opportunities, COALESCE(d.won, 0) AS won, COALESCE(d.revenue, 0) AS revenue
  FROM people AS p
  JOIN chosen AS c ON c.exhibition_id = p.exhibition_id
  LEFT JOIN contacts AS ct ON ct.contact_id = p.contact_id
  LEFT JOIN inquired AS q ON q.exhibition_id = p.exhibition_id AND q.person = p.person
  LEFT JOIN dealt AS d ON d.exhibition_id = p.exhibition_id AND d.person = p.person
),
members AS (
  SELECT exhibition_id, exhibit_id, person,
         BOOL_OR(type IN ('booth_visit', 'demo')) AS stopped, BOOL_OR(type = 'demo') AS demo,
         BOOL_OR(type = 'badge_scan') AS scanned
  FROM (
    SELECT s.exhibition_id, :exhibit AS exhibit_id, s.person, s.type
    FROM show AS s JOIN chosen AS c ON c.exhibition_id = s.exhibition_id
  ) AS touched
  GROUP BY exhibition_id, exhibit_id, person
),
counted AS (
  SELECT m.exhibition_id, m.exhibit_id,
         COUNT(*) AS people,
         COUNT(*) FILTER (WHERE m.stopped) AS visitors,
         COUNT(*) FILTER (WHERE m.demo) AS demo_visitors,
         COUNT(*) FILTER (WHERE m.scanned) AS badge_scans,
         COUNT(*) FILTER (WHERE f.is_lead) AS leads,
         COUNT(*) FILTER (WHERE f.inquired) AS inquiries,
         COUNT(*) FILTER (WHERE f.opportunities > 0) AS opportunity_contacts,
         SUM(f.opportunities) AS opportunities,
         SUM(f.won) AS won,
         SUM(f.revenue) AS revenue
  FROM members AS m
  JOIN flags AS f ON f.exhibition_id = m.exhibition_id AND f.person = m.person
  GROUP BY m.exhibition_id, m.exhibit_id
),
dwell AS (
  SELECT exhibition_id, exhibit_id, AVG(dwell_seconds) AS avg_dwell_seconds, MEDIAN(dwell_seconds) AS median_dwell_seconds
  FROM (
    SELECT s.exhibition_id, :exhibit AS exhibit_id, s.dwell_seconds
    FROM show AS s JOIN chosen AS c ON c.exhibition_id = s.exhibition_id
    WHERE s.type = 'booth_visit'
  ) AS visits
  GROUP BY exhibition_id, exhibit_id
),
traffic AS (
  SELECT exhibition_id, exhibit_id, SUM(passersby) AS passersby
  FROM (
    SELECT b.exhibition_id, :traffic_exhibit AS exhibit_id, b.passersby
    FROM booth_traffic AS b JOIN chosen AS c ON c.exhibition_id = b.exhibition_id
  ) AS counted_traffic
  GROUP BY exhibition_id, exhibit_id
),
spend AS (
  SELECT exhibition_id, SUM(amount) AS cost FROM costs WHERE exhibition_id IS NOT NULL GROUP BY exhibition_id
),
units AS (
  SELECT exhibition_id, exhibit_id FROM counted
  UNION
  SELECT exhibition_id, exhibit_id FROM traffic
)
SELECT u.exhibition_id, u.exhibit_id, c.first_at, c.last_at,
       COALESCE(t.passersby, 0) AS passersby,
       COALESCE(n.people, 0) AS people, COALESCE(n.visitors, 0) AS visitors,
       COALESCE(n.demo_visitors, 0) AS demo_visitors, COALESCE(n.badge_scans, 0) AS badge_scans,
       w.avg_dwell_seconds, w.median_dwell_seconds,
       COALESCE(n.leads, 0) AS leads, COALESCE(n.inquiries, 0) AS inquiries,
       COALESCE(n.opportunity_contacts, 0) AS opportunity_contacts,
       COALESCE(n.opportunities, 0) AS opportunities, COALESCE(n.won, 0) AS won,
       COALESCE(n.revenue, 0) AS revenue, sp.cost
FROM units AS u
JOIN chosen AS c ON c.exhibition_id = u.exhibition_id
LEFT JOIN counted AS n ON n.exhibition_id = u.exhibition_id AND n.exhibit_id IS NOT DISTINCT FROM u.exhibit_id
LEFT JOIN traffic AS t ON t.exhibition_id = u.exhibition_id AND t.exhibit_id IS NOT DISTINCT FROM u.exhibit_id
LEFT JOIN dwell AS w ON w.exhibition_id = u.exhibition_id AND w.exhibit_id IS NOT DISTINCT FROM u.exhibit_id
LEFT JOIN spend AS sp ON sp.exhibition_id = u.exhibition_id
ORDER BY c.first_at, u.exhibition_id, u.exhibit_id NULLS LAST
"""
)


@dataclass(frozen=True)
class Comparison:
    """One exhibition's (or exhibit's) rate against all the others pooled."""

    exhibition_id: str
    exhibit_id: str | None
    metric: str  # stop_rate | demo_rate
    rate: Rate
    others: Rate
    difference: float | None  # rate - others
    z: float | None
    p_value: float | None
    q_value: float | None  # Benjamini-Hochberg, over every test of the result

    @property
    def small_sample(self) -> bool:
        return min(self.rate.total, self.others.total) < SMALL_SAMPLE

    def to_dict(self) -> dict[str, object]:
        return {
            "exhibition_id": self.exhibition_id,
            "exhibit_id": self.exhibit_id,
            "metric": self.metric,
            "count": self.rate.count,
            "total": self.rate.total,
            "rate": self.rate.value,
            "others_count": self.others.count,
            "others_total": self.others.total,
            "others_rate": self.others.value,
            "difference": self.difference,
            "z": self.z,
            "p_value": self.p_value,
            "q_value": self.q_value,
            "small_sample": self.small_sample,
        }


@dataclass(frozen=True)
class ExhibitionRecord:
    """One exhibition, or one exhibit of it (`exhibit_id` set), with what followed."""

    exhibition_id: str
    exhibit_id: str | None
    first_at: str | None  # the show's first and last recorded moment, ISO text
    last_at: str | None
    passersby: int
    visitors: int
    stop_rate: Rate
    demo_visitors: int
    demo_rate: Rate
    avg_dwell_seconds: float | None
    median_dwell_seconds: float | None
    badge_scans: int
    people: int
    leads: int
    inquiries: int
    inquiry_rate: Rate
    opportunity_contacts: int
    opportunity_rate: Rate
    opportunities: int
    won: int
    revenue: float
    cost: float | None
    comparisons: tuple[Comparison, ...] = ()

    @property
    def cost_per_lead(self) -> float | None:
        return ratio(self.cost, self.leads)

    @property
    def cost_per_opportunity(self) -> float | None:
        return ratio(self.cost, self.opportunities)

    @property
    def roi(self) -> float | None:
        return None if self.cost is None else ratio(self.revenue - self.cost, self.cost)

    def to_dict(self, *, by_exhibit: bool = False) -> dict[str, object]:
        out: dict[str, object] = {"exhibition_id": self.exhibition_id}
        if by_exhibit:
            out["exhibit_id"] = self.exhibit_id
        out |= {"first_at": self.first_at, "last_at": self.last_at, "passersby": self.passersby, "visitors": self.visitors}
        out |= self.stop_rate.items("stop_rate")
        out["demo_visitors"] = self.demo_visitors
        out |= self.demo_rate.items("demo_rate")
        out |= {
            "avg_dwell_seconds": self.avg_dwell_seconds,
            "median_dwell_seconds": self.median_dwell_seconds,
            "badge_scans": self.badge_scans,
            "people": self.people,
            "leads": self.leads,
            "inquiries": self.inquiries,
        }
        out |= self.inquiry_rate.items("inquiry_rate")
        out["opportunity_contacts"] = self.opportunity_contacts
        out |= self.opportunity_rate.items("opportunity_rate")
        out |= {
            "opportunities": self.opportunities,
            "won": self.won,
            "revenue": self.revenue,
            "cost": self.cost,
            "cost_per_lead": self.cost_per_lead,
            "cost_per_opportunity": self.cost_per_opportunity,
            "roi": self.roi,
        }
        for c in self.comparisons:
            out |= {
                f"{c.metric}_others": c.others.value,
                f"{c.metric}_difference": c.difference,
                f"{c.metric}_z": c.z,
                f"{c.metric}_p_value": c.p_value,
                f"{c.metric}_q_value": c.q_value,
            }
        return out


@dataclass(frozen=True)
class ExhibitionsResult(Described):
    period: str | None  # the period's label; None for every exhibition
    by_exhibit: bool
    within_days: int
    records: list[ExhibitionRecord]
    queries: list[str] = field(default_factory=list)

    ANALYSIS = "exhibitions"
    MAIN = "exhibitions"
    TITLES = {"exhibitions": {"ja": "展示会", "en": "Exhibitions"}}

    def params(self) -> dict[str, object]:
        return {"period": self.period, "by_exhibit": self.by_exhibit, "within_days": self.within_days}

    @property
    def comparisons(self) -> list[Comparison]:
        """Every test of the result, in record order (stop_rate, then demo_rate of each record)."""
        return [c for r in self.records for c in r.comparisons]

    def record(self, exhibition_id: str, exhibit_id: str | None = None) -> ExhibitionRecord:
        """The record of one exhibition (or, by exhibit, of one of its exhibits)."""
        for r in self.records:
            if r.exhibition_id == exhibition_id and r.exhibit_id == exhibit_id:
                return r
        known = ", ".join(r.exhibition_id + (f"/{r.exhibit_id}" if r.exhibit_id else "") for r in self.records)
        raise LookupError(f"no exhibitions record for {exhibition_id!r}/{exhibit_id!r}; records: {known}")

    def to_json_data(self) -> list[dict[str, object]]:
        """One plain, JSON-serialisable dict per record (the comparison fields included)."""
        return [r.to_dict(by_exhibit=self.by_exhibit) for r in self.records]

    def to_frame(self):
        """A pandas DataFrame of the records (pandas is optional)."""
        return records_frame(self.to_json_data())


def exhibitions(
    engine: Engine,
    model: ModelFile,
    *,
    period: Period | None = None,
    by_exhibit: bool = False,
    within_days: int = WITHIN_DAYS,
    columns: Mapping[str, Sequence[str]] | None = None,
    lang: str = "en",
) -> ExhibitionsResult:
    """Passers-by, stop and demo rates, leads and what followed, cost and ROI per exhibition.

    `period` keeps the exhibitions whose show starts in it; `by_exhibit` gives one record per
    exhibit (zone, demo station); `within_days` is the follow-up window after each person's
    first touch at the show. `model` and `columns` are accepted for the common signature of
    the analyses (the canonical tables always have the columns used here). See the module
    docstring for every definition.
    """
    del model, columns  # nothing here depends on the model or on extra columns (yet)
    if isinstance(within_days, bool) or not isinstance(within_days, int) or within_days < 0:
        raise ExhibitionsError(f"within_days must be a whole number of days >= 0, such as 180 (got {within_days!r})")
    query = engine.render(build_query(period, by_exhibit=by_exhibit, within_days=within_days))
    rows = engine.run(query).records()
    records = [_record(r, by_exhibit) for r in rows]
    return ExhibitionsResult(
        period=period.label(lang) if period else None,
        by_exhibit=by_exhibit,
        within_days=within_days,
        records=_compare(records, by_exhibit),
        queries=[query],
    )


def interval_days(days: int) -> exp.Expression:
    return exp.Interval(this=exp.Literal.string(str(days)), unit=exp.var("DAY"))


def build_query(period: Period | None, *, by_exhibit: bool, within_days: int) -> exp.Expression:
    """The query of the analysis (one row per exhibition, or per exhibit)."""
    if period is None:
        in_period: exp.Expression = exp.true()
    else:
        start, end = period.sql_bounds()
        first_at = exp.column("first_at", table="chosen")
        in_period = exp.and_(first_at >= sql_timestamp(start), first_at.copy() < sql_timestamp(end))
    null_text = exp.cast(exp.null(), "VARCHAR")
    query = fill(
        _QUERY,
        tp_filter=exp.column("type", table="t").isin(*SHOW_TYPES, "inquiry"),
        in_period=in_period,
        exhibit=exp.column("exhibit_id", table="s") if by_exhibit else null_text,
        traffic_exhibit=exp.column("exhibit_id", table="b") if by_exhibit else null_text.copy(),
        window=interval_days(within_days),
        grace=interval_days(LEAD_GRACE_DAYS + 1),
    )
    return query


def _number(value: object) -> float | None:
    if value is None:
        return None
    value = float(value)
    return None if math.isnan(value) else value


def _record(row: Mapping[str, object], by_exhibit: bool) -> ExhibitionRecord:
    count = lambda name: int(row.get(name) or 0)  # noqa: E731
    passersby, people, visitors, demo_visitors = count("passersby"), count("people"), count("visitors"), count("demo_visitors")
    first_at, last_at = row.get("first_at"), row.get("last_at")
    return ExhibitionRecord(
        exhibition_id=str(row["exhibition_id"]),
        exhibit_id=row["exhibit_id"] if by_exhibit else None,
        first_at=first_at.isoformat(sep=" ") if first_at is not None else None,
        last_at=last_at.isoformat(sep=" ") if last_at is not None else None,
        passersby=passersby,
        visitors=visitors,
        stop_rate=Rate.of(visitors, passersby),
        demo_visitors=demo_visitors,
        demo_rate=Rate.of(demo_visitors, visitors),
        avg_dwell_seconds=_number(row.get("avg_dwell_seconds")),
        median_dwell_seconds=_number(row.get("median_dwell_seconds")),
        badge_scans=count("badge_scans"),
        people=people,
        leads=count("leads"),
        inquiries=count("inquiries"),
        inquiry_rate=Rate.of(count("inquiries"), people),
        opportunity_contacts=count("opportunity_contacts"),
        opportunity_rate=Rate.of(count("opportunity_contacts"), people),
        opportunities=count("opportunities"),
        won=count("won"),
        revenue=_number(row.get("revenue")) or 0.0,
        cost=None if by_exhibit else _number(row.get("cost")),
    )


def _compare(records: list[ExhibitionRecord], by_exhibit: bool) -> list[ExhibitionRecord]:
    """Each record's stop and demo rate against its peers pooled; BH q-values over all tests."""
    peers = (lambda r: r.exhibition_id) if by_exhibit else (lambda r: None)  # noqa: E731
    pending: list[tuple[int, str, Rate, Rate, float | None, float | None]] = []
    for index, record in enumerate(records):
        for metric in COMPARED:
            rate: Rate = getattr(record, metric)
            others = [getattr(o, metric) for o in records if o is not record and peers(o) == peers(record)]
            others = [o for o in others if o.testable]  # a show without counted passers-by is left out
            pooled = Rate.of(sum(o.count for o in others), sum(o.total for o in others))
            z = p = None
            if rate.testable and pooled.testable:
                z, p = two_proportion_test(rate.count, rate.total, pooled.count, pooled.total)
            pending.append((index, metric, rate, pooled, z, p))
    tested = [i for i, item in enumerate(pending) if item[5] is not None]
    q_values = dict(zip(tested, benjamini_hochberg([pending[i][5] for i in tested]), strict=True))
    by_record: dict[int, list[Comparison]] = {}
    for i, (index, metric, rate, pooled, z, p) in enumerate(pending):
        record = records[index]
        difference = rate.value - pooled.value if rate.value is not None and pooled.value is not None else None
        by_record.setdefault(index, []).append(
            Comparison(record.exhibition_id, record.exhibit_id, metric, rate, pooled, difference, z, p, q_values.get(i))
        )
    return [replace(r, comparisons=tuple(by_record.get(i, ()))) for i, r in enumerate(records)]


__all__ = [
    "Comparison",
    "ExhibitionRecord",
    "ExhibitionsError",
    "ExhibitionsResult",
    "IDENTITY_CTES",
    "LEAD_GRACE_DAYS",
    "Rate",
    "WITHIN_DAYS",
    "build_query",
    "exhibitions",
    "interval_days",
    "ratio",
]
