"""The demo company: 東和センシング株式会社, a fictional maker of sensors and factory IoT.

`populate(con, size, seed)` fills every canonical table of a DuckDB connection with three
fiscal years (FY2023-FY2025, April to March) of a coherent CRM, web, exhibition, cost, order,
survey and brand history, with planted effects that the analyses should find (docs/demo.md).

Numbers are generated in numpy as integer codes (vectorised, no loop over rows) and turned
into strings and timestamps by DuckDB while inserting. The same seed gives the same tables.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import duckdb
import numpy as np

from kpiflow.demo import behaviour, crm, finance
from kpiflow.demo.calendar import DAY, N_DAYS, Calendar
from kpiflow.demo.catalog import (
    AUTHORITIES,
    BUDGETS,
    CHANNELS,
    EXHIBITIONS,
    GIVEN_INITIALS,
    INDUSTRIES,
    JOB_TITLES,
    LOSS_REASONS,
    PRODUCTS,
    REGIONS,
    REPS,
    SIZE_BANDS,
    SURNAMES,
    TIMEFRAMES,
    TOUCH_CHANNELS,
)
from kpiflow.demo.exhibitions import EXHIBITS
from kpiflow.demo.programs import Programs, plan
from kpiflow.errors import KpiflowError, UnknownNameError
from kpiflow.model.schema import TABLES

DEFAULT_SEED = 20260401


@dataclass(frozen=True)
class Size:
    """How big the demo company's data is. Anomaly counts are exact (see docs/demo.md)."""

    accounts: int
    contacts: int
    touchpoints: int  # approximate target; anonymous web traffic fills the gap
    closed_before_created: int
    contact_stage_swaps: int
    deal_stage_swaps: int
    duplicate_contacts: int

    @property
    def anomalies(self) -> dict[str, int]:
        d = asdict(self)
        return {k: d[k] for k in ("closed_before_created", "contact_stage_swaps", "deal_stage_swaps", "duplicate_contacts")}


SIZES: dict[str, Size] = {
    "small": Size(
        accounts=300,
        contacts=2_500,
        touchpoints=60_000,
        closed_before_created=3,
        contact_stage_swaps=4,
        deal_stage_swaps=3,
        duplicate_contacts=3,
    ),
    "default": Size(
        accounts=5_000,
        contacts=30_000,
        touchpoints=3_000_000,
        closed_before_created=12,
        contact_stage_swaps=30,
        deal_stage_swaps=15,
        duplicate_contacts=20,
    ),
    "large": Size(
        accounts=20_000,
        contacts=120_000,
        touchpoints=30_000_000,
        closed_before_created=40,
        contact_stage_swaps=100,
        deal_stage_swaps=50,
        duplicate_contacts=60,
    ),
}
CONTACT_STAGES = ("lead", "mql", "sql", "opportunity", "customer")
DEAL_STAGES = ("appointment", "valid", "proposal", "won")
OUTCOMES = ("open", "won", "lost")

_TS = "TIMESTAMP '2023-04-01 00:00:00' + to_seconds({})"
_ACCOUNT = "printf('ACC%05d', {} + 1)"
_CONTACT = "printf('C%07d', {} + 1)"
_DEAL = "printf('D%06d', {} + 1)"


def _ts(col: str) -> str:
    return _TS.format(col)


def _opt(col: str, expr: str) -> str:
    return f"CASE WHEN {col} >= 0 THEN {expr} END"


def _insert(
    con: duckdb.DuckDBPyConnection,
    table: str,
    frame: dict[str, np.ndarray],
    select: str,
    params: dict | None = None,
    skip: tuple[str, ...] = (),
) -> None:
    name = f"_demo_{table}"
    con.register(name, frame)
    try:
        columns = ", ".join(f'"{c}"' for c in TABLES[table].column_names if c not in skip)
        con.execute(f'INSERT INTO "{table}" ({columns}) SELECT {select} FROM "{name}"', params or {})
    finally:
        con.unregister(name)


def populate(con: duckdb.DuckDBPyConnection, size: str = "default", seed: int = DEFAULT_SEED) -> dict[str, int]:
    """Fill the (empty) canonical tables with the demo company; returns rows per table."""
    try:
        params = SIZES[size]
    except KeyError:
        raise UnknownNameError.for_name("demo size", size, SIZES) from None
    filled = [t for t in TABLES if con.execute(f'SELECT count(*) FROM "{t}"').fetchall()[0][0]]
    if filled:
        raise KpiflowError(f"the demo needs empty tables; these already hold rows: {', '.join(filled)}")

    cal = Calendar()
    programs = plan(cal)
    rng = np.random.default_rng(seed)
    level = finance.interest(rng, cal)
    company = crm.build(rng, params.accounts, params.contacts, cal, programs, level, params.anomalies)
    scale = params.contacts / SIZES["default"].contacts

    con.execute("BEGIN TRANSACTION")
    try:
        _accounts(con, company)
        _contacts(con, company, programs)
        _deals(con, company)
        _stage_history(con, company)
        _touchpoints(con, company, cal, programs, params, seed, level)
        _booth_traffic(con, company)
        _costs(con, finance.costs(np.random.default_rng([seed, 3]), company, cal, programs, scale), programs)
        _orders(con, finance.orders(np.random.default_rng([seed, 4]), company))
        _surveys(con, finance.surveys(np.random.default_rng([seed, 5]), company, cal, scale))
        _brand_signals(con, finance.brand_signals(np.random.default_rng([seed, 6]), cal, level, scale))
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchall()[0][0] for t in TABLES}


# --- one writer per table ------------------------------------------------------------------


def _accounts(con, company: crm.Crm) -> None:
    acc = company.accounts
    frame = {
        "i": np.arange(acc["root"].size),
        **{
            k: acc[k]
            for k in ("root", "word", "legal_prefix", "industry", "employees", "size_band", "region", "is_target", "created")
        },
    }
    name = "list_extract($roots, root + 1) || list_extract($words, word + 1)"
    _insert(
        con,
        "accounts",
        frame,
        f"""
        {_ACCOUNT.format("i")},
        CASE WHEN legal_prefix THEN '株式会社' || {name} ELSE {name} || '株式会社' END,
        list_extract($industries, industry + 1), employees, list_extract($bands, size_band + 1),
        list_extract($regions, region + 1), is_target, {_ts("created")}""",
        {
            "roots": [r for r, _ in crm.ROOTS],
            "words": [w for w, _, _ in crm.WORDS],
            "industries": list(INDUSTRIES),
            "bands": list(SIZE_BANDS),
            "regions": list(REGIONS),
        },
    )


def _contacts(con, company: crm.Crm, programs: Programs) -> None:
    c, acc = company.contacts, company.accounts
    a = c["account"]
    frame = {
        "i": np.arange(a.size),
        "account": a,
        "created": c["created"],
        "channel": c["channel"],
        "campaign": c["campaign"],
        "job": c["job"],
        "authority": c["authority"],
        "budget": c["budget"],
        "timeframe": c["timeframe"],
        "rep": acc["rep"][a],
        "has_email": c["has_email"],
        "initial": c["initial"],
        "surname": c["surname"],
        "rank": c["email_rank"],
        "root": acc["root"][a],
        "word": acc["word"][a],
        "domain_rank": acc["domain_rank"][a],
    }
    email = """list_extract($initials, initial + 1) || '.' || list_extract($surnames, surname + 1)
        || CASE WHEN rank > 0 THEN (rank + 1)::VARCHAR ELSE '' END || '@'
        || list_extract($root_romaji, root + 1) || '-' || list_extract($word_romaji, word + 1)
        || CASE WHEN domain_rank > 0 THEN (domain_rank + 1)::VARCHAR ELSE '' END || '.example.jp'"""
    _insert(
        con,
        "contacts",
        frame,
        f"""
        {_CONTACT.format("i")}, {_ACCOUNT.format("account")}, {_ts("created")},
        list_extract($channels, channel + 1), list_extract($campaigns, campaign + 1), list_extract($jobs, job + 1),
        list_extract($authorities, authority + 1), list_extract($budgets, budget + 1),
        list_extract($timeframes, timeframe + 1), list_extract($reps, rep + 1),
        CASE WHEN has_email THEN {email} END""",
        {
            "channels": list(CHANNELS),
            "campaigns": list(programs.campaigns),
            "jobs": list(JOB_TITLES),
            "authorities": list(AUTHORITIES),
            "budgets": list(BUDGETS),
            "timeframes": list(TIMEFRAMES),
            "reps": list(REPS),
            "initials": list(GIVEN_INITIALS),
            "surnames": [r for _, r in SURNAMES],
            "root_romaji": [r for _, r in crm.ROOTS],
            "word_romaji": [r for _, r, _ in crm.WORDS],
        },
    )


def _deals(con, company: crm.Crm) -> None:
    d = company.deals
    frame = {
        "i": np.arange(d["created"].size),
        **{
            k: d[k]
            for k in (
                "account",
                "contact",
                "created",
                "channel",
                "product",
                "amount",
                "outcome",
                "closed_field",
                "loss_reason",
                "rep",
                "stage",
            )
        },
    }
    _insert(
        con,
        "deals",
        frame,
        f"""
        {_DEAL.format("i")}, {_ACCOUNT.format("account")}, {_CONTACT.format("contact")}, {_ts("created")},
        list_extract($channels, channel + 1), list_extract($products, product + 1), amount::DECIMAL(18,2),
        list_extract($outcomes, outcome + 1), {_opt("closed_field", _ts("closed_field"))},
        list_extract($reasons, loss_reason + 1), list_extract($reps, rep + 1), list_extract($stages, stage + 1)""",
        {
            "channels": list(CHANNELS),
            "products": [p.code for p in PRODUCTS],
            "outcomes": list(OUTCOMES),
            "reasons": list(LOSS_REASONS),
            "reps": list(REPS),
            "stages": list(DEAL_STAGES),
        },
    )


def stage_entries(company: crm.Crm) -> dict[str, np.ndarray]:
    """stage_history as arrays: entity (0 contact, 1 deal), entity index, stage code, time; ordered by time."""
    c, d = company.contacts, company.deals
    n = c["created"].size
    k = d["created"].size
    won = d["outcome"] == 1
    customer = np.flatnonzero(c["deal"] >= 0)
    customer = customer[won[c["deal"][customer]]]
    parts = [
        (0, np.arange(n), 0, c["created"]),
        (0, np.flatnonzero(c["mql"] & ~c["skip_mql"]), 1, c["t_mql"]),
        (0, np.flatnonzero(c["sql"]), 2, c["t_sql"]),
        (0, np.flatnonzero(c["opp"]), 3, c["t_opp"]),
        (0, customer, 4, None),
        (1, np.arange(k), 5, d["created"]),
        (1, np.flatnonzero((d["reached"] >= 1) & (d["t_valid"] < N_DAYS * DAY)), 6, d["t_valid"]),
        (1, np.flatnonzero((d["reached"] >= 2) & (d["t_prop"] < N_DAYS * DAY)), 7, d["t_prop"]),
        (1, np.flatnonzero(won), 8, d["close"]),
    ]
    entity, ids, stage, t = [], [], [], []
    for e, rows, s, times in parts:
        entity.append(np.full(rows.size, e, dtype=np.int8))
        ids.append(rows)
        stage.append(np.full(rows.size, s, dtype=np.int8))
        t.append(d["close"][c["deal"][rows]] if times is None else times[rows])
    out = {"entity": np.concatenate(entity), "id": np.concatenate(ids), "stage": np.concatenate(stage), "t": np.concatenate(t)}
    order = np.lexsort((out["stage"], out["id"], out["entity"], out["t"]))
    return {name: v[order] for name, v in out.items()}


def _stage_history(con, company: crm.Crm) -> None:
    _insert(
        con,
        "stage_history",
        stage_entries(company),
        f"""
        CASE entity WHEN 0 THEN 'contact' ELSE 'deal' END,
        CASE entity WHEN 0 THEN {_CONTACT.format("id")} ELSE {_DEAL.format("id")} END,
        list_extract($stages, stage + 1), {_ts("t")}""",
        {"stages": [*CONTACT_STAGES, *DEAL_STAGES]},
    )


def _touchpoints(con, company: crm.Crm, cal: Calendar, programs: Programs, params: Size, seed: int, level: np.ndarray) -> None:
    known, sessions = behaviour.known_touchpoints(np.random.default_rng([seed, 1]), company, cal, programs)
    select = f"""
        {_ts("t")}, {_opt("contact", _CONTACT.format("contact"))}, {_opt("anon", "printf('V%09d', anon)")},
        {_opt("account", _ACCOUNT.format("account"))}, list_extract($types, type + 1),
        list_extract($channels, channel + 1), list_extract($campaigns, campaign + 1),
        list_extract($content_ids, content + 1), list_extract($content_types, content + 1),
        list_extract($exhibitions, exhibition + 1), list_extract($exhibits, exhibit + 1),
        {_opt("session", "printf('S%09d', session)")}, dwell, scroll"""
    lists = {
        "types": list(behaviour.TYPES),
        "channels": list(TOUCH_CHANNELS),
        "campaigns": list(programs.campaigns),
        "content_ids": [c for c, _ in programs.contents],
        "content_types": [t for _, t in programs.contents],
        "exhibitions": [e.exhibition_id for e in EXHIBITIONS],
        "exhibits": [x for _, x, _ in EXHIBITS],
    }
    # anonymous sessions fill the rest of the touchpoint budget, spread like brand interest
    n_months = int(cal.month[N_DAYS - 1]) + 1
    weight = level * np.where(cal.business[:N_DAYS], 1.0, 0.3)
    month_weight = np.bincount(cal.month[:N_DAYS], weights=weight, minlength=n_months)
    pages_per_session = 1 / (1 - 0.6)
    total = max(params.touchpoints - known["t"].size, 0) / pages_per_session
    per_month = np.round(total * month_weight / month_weight.sum()).astype(np.int64)
    visitors = max(int(total * 0.5), 100)
    bounds = np.searchsorted(known["t"], cal.month_start[: n_months + 1] * DAY)
    bounds[-1] = known["t"].size
    for m in range(n_months):
        anon = behaviour.anonymous_month(
            np.random.default_rng([seed, 2, m]),
            cal,
            programs,
            m,
            int(per_month[m]),
            sessions,
            visitors,
            company.accounts["root"].size,
            weight,
        )
        sessions += int(per_month[m])
        part = {k: np.concatenate([known[k][bounds[m] : bounds[m + 1]], anon[k]]) for k in known}
        order = np.argsort(part["t"], kind="stable")
        _insert(con, "touchpoints", {k: v[order] for k, v in part.items()}, select, lists, skip=("owner",))
    # Sales touches (meetings, calls) are made by the contact's owner.
    con.execute(
        "UPDATE touchpoints SET owner = contacts.owner FROM contacts "
        "WHERE touchpoints.contact_id = contacts.contact_id AND touchpoints.type IN ('meeting', 'call')"
    )


def _booth_traffic(con, company: crm.Crm) -> None:
    b = company.booth
    _insert(
        con,
        "booth_traffic",
        {"exhibit": b.exhibit, "hour": b.hour, "passersby": b.passersby},
        f"""
        list_extract($exhibitions, exhibit + 1), list_extract($exhibits, exhibit + 1), {_ts("hour")}, passersby""",
        {"exhibitions": [e for e, _, _ in EXHIBITS], "exhibits": [x for _, x, _ in EXHIBITS]},
    )


def _costs(con, costs: dict[str, np.ndarray], programs: Programs) -> None:
    frame = {k: costs[k] for k in ("day", "channel", "campaign", "exhibition", "category", "amount")}
    _insert(
        con,
        "costs",
        frame,
        """
        DATE '2023-04-01' + day::INTEGER, list_extract($channels, channel + 1), list_extract($campaigns, campaign + 1),
        list_extract($exhibitions, exhibition + 1), list_extract($categories, category + 1), amount::DECIMAL(18,2)""",
        {
            "channels": list(CHANNELS),
            "campaigns": list(programs.campaigns),
            "exhibitions": [e.exhibition_id for e in EXHIBITIONS],
            "categories": costs["categories"].tolist(),
        },
    )


def _orders(con, orders: dict[str, np.ndarray]) -> None:
    frame = {"i": np.arange(orders["t"].size), **{k: orders[k] for k in ("account", "t", "amount", "margin", "product", "kind")}}
    _insert(
        con,
        "orders",
        frame,
        f"""
        printf('O%07d', i + 1), {_ACCOUNT.format("account")}, {_ts("t")}, amount::DECIMAL(18,2), margin::DECIMAL(18,2),
        list_extract($products, product + 1), list_extract($kinds, kind + 1)""",
        {"products": [p.code for p in PRODUCTS], "kinds": orders["kinds"].tolist()},
    )


def _surveys(con, surveys: dict[str, np.ndarray]) -> None:
    frame = {
        "i": np.arange(surveys["t"].size),
        **{k: surveys[k] for k in ("contact", "account", "t", "kind", "score", "comment")},
    }
    _insert(
        con,
        "surveys",
        frame,
        f"""
        printf('R%06d', i + 1), {_opt("contact", _CONTACT.format("contact"))}, {_opt("account", _ACCOUNT.format("account"))},
        {_ts("t")}, list_extract($kinds, kind + 1), score, list_extract($comments, comment + 1)""",
        {"kinds": surveys["kinds"].tolist(), "comments": surveys["comments"].tolist()},
    )


def _brand_signals(con, brand: dict[str, np.ndarray]) -> None:
    frame = {k: brand[k] for k in ("day", "kind", "source", "value", "sentiment")}
    _insert(
        con,
        "brand_signals",
        frame,
        """
        DATE '2023-04-01' + day::INTEGER, list_extract($kinds, kind + 1), list_extract($sources, source + 1), value,
        sentiment""",
        {"kinds": brand["kinds"].tolist(), "sources": brand["sources"].tolist()},
    )
