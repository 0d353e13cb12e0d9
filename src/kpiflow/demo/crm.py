"""Accounts, contacts, the lead funnel, deals and their stage history, as numpy arrays.

Each person gets latent propensities and latent times for every stage; a stage is observed
only if it happens before the end of FY2025 (2026-03-31), so recent cohorts are immature as
in a real CRM export. Ids are assigned at the end in order of creation time.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from kpiflow.demo import exhibitions
from kpiflow.demo.calendar import DAY, END, GROWTH, HOUR, N_DAYS, SEASON, SPAN_DAYS, Calendar, office_hour_profile
from kpiflow.demo.catalog import (
    BULK_UPDATE_TEAM,
    CHANNEL_PROFILES,
    CHANNELS,
    CORE_INDUSTRIES,
    EXHIBITION_REGION,
    EXHIBITIONS,
    GIVEN_INITIALS,
    INDUSTRIES,
    JOB_TITLE_AUTHORITY,
    JOB_TITLE_SHARE,
    LOSS_REASON_SHARE,
    NAME_FIRST,
    NAME_KATAKANA,
    NAME_SECOND,
    PRODUCTS,
    REGIONS,
    REP_TEAM,
    REPS,
    SIZE_AMOUNT_FACTOR,
    SURNAMES,
    TEAMS,
)
from kpiflow.demo.programs import ADS_KIND_SHARE, ADS_KINDS, Programs

Arrays = dict[str, np.ndarray]

# Planted effect 1: exhibition deals whose contact tried a hands-on demo and that close in
# FY2025 Q3 (2025-10-01 .. 2025-12-31) are won with this probability instead of the usual one.
DEMO_WIN_Q3_FY2025 = 0.55
BASE_WIN = 0.27
Q3_FY2025 = (np.datetime64("2025-10-01"), np.datetime64("2026-01-01"))

# Planted effect 3: probability of viewing a pricing page, by how far the contact gets.
PRICING_VIEW = {"opportunity": 0.60, "sql": 0.12, "other": 0.04}
CASE_STUDY_VIEW = {"opportunity": 0.45, "sql": 0.18, "other": 0.08}

# Stage gaps (log-normal medians in days, and spreads).
GAP_MQL = (10.0, 1.0)
GAP_SQL = (19.0, 0.8)
GAP_OPP = (28.0, 0.7)
DEAL_CYCLE = (48.0, 0.6)

ROOTS: tuple[tuple[str, str], ...] = tuple((a + b, ra + rb) for a, ra in NAME_FIRST for b, rb in NAME_SECOND) + tuple(
    NAME_KATAKANA
)
WORDS: tuple[tuple[str, str, int], ...] = tuple((w, r, i) for i, (_, words) in enumerate(INDUSTRIES.values()) for w, r in words)


def days(x: float) -> float:
    return x * DAY


def lognormal_seconds(rng: np.random.Generator, median_days: float, sigma: float, n: int) -> np.ndarray:
    return (rng.lognormal(np.log(median_days * DAY), sigma, n)).astype(np.int64)


def occurrence_rank(key: np.ndarray) -> np.ndarray:
    """0 for the first row with a key, 1 for the second, ... (in row order)."""
    order = np.argsort(key, kind="stable")
    sk = key[order]
    starts = np.r_[True, sk[1:] != sk[:-1]]
    first = np.maximum.accumulate(np.where(starts, np.arange(sk.size), 0))
    rank = np.empty(key.size, dtype=np.int64)
    rank[order] = np.arange(sk.size) - first
    return rank


def choice_rows(rng: np.random.Generator, p: np.ndarray) -> np.ndarray:
    """One draw per row of a (rows x k) probability matrix."""
    cum = np.cumsum(p / p.sum(axis=1, keepdims=True), axis=1)
    return np.minimum((rng.random(p.shape[0])[:, None] > cum).sum(axis=1), p.shape[1] - 1)


def web_time(rng: np.random.Generator, day: np.ndarray) -> np.ndarray:
    """A time of day typical of BtoB web visits on the given day indices."""
    hour = rng.choice(24, day.size, p=office_hour_profile())
    return day * DAY + hour * HOUR + (rng.random(day.size) * HOUR).astype(np.int64)


def normalised(x) -> np.ndarray:
    x = np.asarray(x, dtype=float)
    return x / x.sum()


@dataclass
class Crm:
    accounts: Arrays
    contacts: Arrays
    deals: Arrays
    scans: exhibitions.Scans
    booth: exhibitions.BoothTraffic
    anomalies: dict[str, int] = field(default_factory=dict)


# --- accounts ------------------------------------------------------------------------------


def make_accounts(rng: np.random.Generator, n: int) -> Arrays:
    industry = rng.choice(len(INDUSTRIES), n, p=normalised([s for s, _ in INDUSTRIES.values()]))
    region = rng.choice(len(REGIONS), n, p=normalised([r[0] for r in REGIONS.values()]))
    employees = np.clip(np.round(rng.lognormal(np.log(220), 1.25, n)), 8, 60_000).astype(np.int64)
    size_band = np.searchsorted(np.array([100, 1000]), employees, side="right")
    core = np.isin(industry, [list(INDUSTRIES).index(c) for c in CORE_INDUSTRIES])
    p_target = np.where(core & (employees >= 300), 0.65, np.where(core & (employees >= 100), 0.2, 0.04))
    is_target = rng.random(n) < p_target

    team_codes = list(TEAMS)
    region_team = np.array([team_codes.index(r[2]) for r in REGIONS.values()])
    team = region_team[region]
    rep = np.empty(n, dtype=np.int64)
    for t, code in enumerate(team_codes):
        members = np.array([i for i, c in enumerate(REP_TEAM) if c == code])
        m = team == t
        rep[m] = members[rng.integers(0, members.size, int(m.sum()))]

    root = np.empty(n, dtype=np.int64)
    word = np.empty(n, dtype=np.int64)
    for i in range(len(INDUSTRIES)):
        m = np.flatnonzero(industry == i)
        w_idx = np.array([j for j, w in enumerate(WORDS) if w[2] == i])
        pick = rng.choice(len(ROOTS) * w_idx.size, m.size, replace=False)
        root[m] = pick // w_idx.size
        word[m] = w_idx[pick % w_idx.size]
    seisakusho = np.array([w[0] == "製作所" for w in WORDS])
    legal_prefix = rng.random(n) < np.where(seisakusho[word], 0.85, 0.3)
    romaji = {r: i for i, r in enumerate(dict.fromkeys(r for _, r in ROOTS))}
    root_romaji = np.array([romaji[r] for _, r in ROOTS])
    domain_rank = occurrence_rank(root_romaji[root] * len(WORDS) + word)
    return {
        "industry": industry,
        "region": region,
        "employees": employees,
        "size_band": size_band,
        "is_target": is_target,
        "rep": rep,
        "root": root,
        "word": word,
        "legal_prefix": legal_prefix,
        "domain_rank": domain_rank,
    }


# --- contacts ------------------------------------------------------------------------------


def inbound_day_weights(cal: Calendar, interest: np.ndarray, weekend: float) -> np.ndarray:
    """Daily weights of inbound leads: seasonality x growth, following brand interest three weeks later."""
    lagged = np.r_[np.full(21, interest[0]), interest[: N_DAYS - 21]]
    return cal.day_weights(GROWTH, SEASON, weekend) * lagged


def make_contacts(
    rng: np.random.Generator, n: int, acc: Arrays, cal: Calendar, programs: Programs, interest: np.ndarray
) -> tuple[Arrays, exhibitions.Scans, exhibitions.BoothTraffic]:
    shares = normalised([p.share for p in CHANNEL_PROFILES.values()])
    channel = np.sort(rng.choice(len(CHANNELS), n, p=shares))  # grouped by channel; re-ordered by time later
    created = np.zeros(n, dtype=np.int64)
    campaign = np.full(n, -1, dtype=np.int64)
    exhibition = np.full(n, -1, dtype=np.int64)
    scan_row = np.full(n, -1, dtype=np.int64)
    webinar = np.full(n, -1, dtype=np.int64)
    attended = np.zeros(n, dtype=bool)
    inquiry = np.zeros(n, dtype=bool)
    ads_kind = np.full(n, -1, dtype=np.int64)
    c = {name: i for i, name in enumerate(CHANNELS)}

    # exhibitions: one contact per badge scan
    ex_rows = np.flatnonzero(channel == c["exhibition"])
    counts = rng.multinomial(ex_rows.size, normalised([e.size for e in EXHIBITIONS]))
    scans, booth = exhibitions.simulate(rng, counts)
    created[ex_rows] = scans.t
    exhibition[ex_rows] = scans.exhibition
    scan_row[ex_rows] = np.arange(ex_rows.size)
    campaign[ex_rows] = scans.exhibition  # the first campaigns are the exhibitions, in order

    # webinars: registration 1-20 days before; about two in three attend
    sem = np.flatnonzero(channel == c["seminar"])
    fy = cal.fiscal_year[programs.webinar_t // DAY] - 2023
    w = rng.choice(len(programs.webinar_ids), sem.size, p=normalised(np.asarray(GROWTH)[fy]))
    reg_day = np.maximum(programs.webinar_t[w] // DAY - rng.integers(1, 21, sem.size), 0)
    created[sem] = np.minimum(web_time(rng, reg_day), programs.webinar_t[w] - HOUR)
    created[sem] = np.maximum(created[sem], 0)
    webinar[sem] = w
    attended[sem] = rng.random(sem.size) < 0.68
    campaign[sem] = programs.campaign(programs.webinar_ids[0]) + w

    # continuous inbound channels
    base = inbound_day_weights(cal, interest, weekend=0.25)
    ads_push = np.array([1.0, 1.3, 1.7])[cal.fiscal_year[:N_DAYS] - 2023]  # more paid media every year
    for name, weights, office in (
        ("web_form", base, False),
        ("ads", base * ads_push, False),
        ("referral", cal.day_weights(GROWTH, SEASON, 0.02), True),
        ("email", base, True),
    ):
        rows = np.flatnonzero(channel == c[name])
        day = rng.choice(N_DAYS, rows.size, p=normalised(weights))
        created[rows] = cal.business_time(rng, day) if office else web_time(rng, day)
        cfy = cal.fiscal_year[created[rows] // DAY]
        if name == "web_form":
            inquiry[rows] = rng.random(rows.size) < 0.35
            campaign[rows] = np.where(inquiry[rows], programs.campaign("web-inquiry"), programs.campaign("web-download"))
        elif name == "ads":
            kind = rng.choice(len(ADS_KINDS), rows.size, p=ADS_KIND_SHARE)
            ads_kind[rows] = kind
            campaign[rows] = programs.campaign("ads-search-FY2023") + (cfy - 2023) * len(ADS_KINDS) + kind
        elif name == "referral":
            campaign[rows] = programs.campaign("partner-referral") + (rng.random(rows.size) < 0.4)
        else:
            campaign[rows] = programs.campaign("media-mail-FY2023") + (cfy - 2023)
    created = np.clip(created, 0, END - 1)

    # companies: bigger and target companies produce more contacts; regional shows draw locals
    weight = acc["employees"] ** 0.45 * np.where(acc["is_target"], 1.8, 1.0)
    account = np.empty(n, dtype=np.int64)
    region_codes = list(REGIONS)
    groups = [(exhibition == e, EXHIBITION_REGION.get(ex.exhibition_id)) for e, ex in enumerate(EXHIBITIONS)]
    groups.append((exhibition < 0, None))
    for mask, region in groups:
        w_acc = weight * np.where(acc["region"] == region_codes.index(region), 4.0, 1.0) if region else weight
        account[mask] = rng.choice(w_acc.size, int(mask.sum()), p=normalised(w_acc))

    job = rng.choice(len(JOB_TITLE_SHARE), n, p=normalised(JOB_TITLE_SHARE))
    decision = rng.random(n) < np.asarray(JOB_TITLE_AUTHORITY)[job]
    authority = np.where(decision, 0, np.where(rng.random(n) < 0.6, 1, 2))
    authority = np.where(rng.random(n) < 0.2, -1, authority)
    job = np.where(rng.random(n) < 0.03, -1, job)
    authority = np.where(job < 0, -1, authority)
    budget = np.where(rng.random(n) < 0.4, -1, rng.choice(3, n, p=[0.15, 0.35, 0.50]))
    timeframe = np.where(rng.random(n) < 0.4, -1, rng.choice(4, n, p=[0.12, 0.25, 0.30, 0.33]))

    demo = np.zeros(n, dtype=bool)
    demo[ex_rows] = scans.demo
    contacts = {
        "channel": channel,
        "created": created,
        "campaign": campaign,
        "account": account,
        "exhibition": exhibition,
        "scan_row": scan_row,
        "demo": demo,
        "webinar": webinar,
        "attended": attended,
        "inquiry": inquiry,
        "ads_kind": ads_kind,
        "job": job,
        "authority": authority,
        "budget": budget,
        "timeframe": timeframe,
        "surname": rng.integers(0, len(SURNAMES), n),
        "initial": rng.integers(0, len(GIVEN_INITIALS), n),
        "has_email": rng.random(n) >= 0.01,
    }
    return contacts, scans, booth


# --- the funnel ----------------------------------------------------------------------------


def run_funnel(rng: np.random.Generator, con: Arrays, acc: Arrays, cal: Calendar) -> None:
    """Latent stage propensities and times; adds observed flags and times to `con`."""
    n = con["channel"].size
    ch = con["channel"]
    target = acc["is_target"][con["account"]]
    senior = (con["job"] >= 0) & (con["job"] <= 2)
    prof = list(CHANNEL_PROFILES.values())
    p_mql = np.array([p.p_mql for p in prof])[ch] * np.where(target, 1.12, 0.95) * np.where(con["demo"], 1.12, 1.0)
    budget_f = np.array([1.5, 1.2, 0.8, 1.0])[con["budget"]]  # index -1 (unknown) -> 1.0
    time_f = np.array([1.4, 1.2, 1.0, 0.8, 1.0])[con["timeframe"]]
    p_sql = (
        np.array([p.p_sql for p in prof])[ch] * np.where(target, 1.15, 0.93) * np.where(senior, 1.15, 0.95) * budget_f * time_f
    )
    p_opp = np.array([p.p_opp for p in prof])[ch] * np.where(target, 1.08, 0.97)
    mql = rng.random(n) < np.minimum(p_mql, 0.95)
    sql = mql & (rng.random(n) < np.minimum(p_sql, 0.95))
    opp = sql & (rng.random(n) < np.minimum(p_opp, 0.95))

    t_mql = con["created"] + lognormal_seconds(rng, *GAP_MQL, n) + 60
    t_sql = cal.snap_business(rng, t_mql + lognormal_seconds(rng, *GAP_SQL, n) + HOUR)
    t_opp = cal.snap_business(rng, t_sql + lognormal_seconds(rng, *GAP_OPP, n) + HOUR)
    con["t_mql"], con["t_sql"], con["t_opp"] = t_mql, t_sql, t_opp
    con["mql"] = mql & (t_mql < END)
    con["sql"] = sql & (t_sql < END)
    con["opp"] = opp & (t_opp < END)
    # Referral leads often go straight to sales: a quarter of those reaching SQL have no MQL entry.
    con["skip_mql"] = (ch == CHANNELS.index("referral")) & con["sql"] & (rng.random(n) < 0.25)

    # Planted effect 3: intent content. Viewed between the lead's creation and the opportunity.
    for name, probs in (("pricing", PRICING_VIEW), ("case", CASE_STUDY_VIEW)):
        p = np.where(opp, probs["opportunity"], np.where(sql, probs["sql"], probs["other"]))
        viewed = rng.random(n) < p
        u = rng.random(n)
        t = np.where(
            opp, t_mql + u * (t_opp - t_mql), np.where(sql, t_sql + u * days(30), con["created"] + u * days(120))
        ).astype(np.int64)
        t = np.maximum(t, con["created"] + 120)
        con[f"{name}_t"] = np.where(viewed & (t < END), t, -1)


# --- deals ---------------------------------------------------------------------------------


def make_deals(rng: np.random.Generator, con: Arrays, acc: Arrays, cal: Calendar) -> Arrays:
    who = np.flatnonzero(con["opp"])
    k = who.size
    created = con["t_opp"][who]
    account = con["account"][who]
    band = acc["size_band"][account]
    mix = np.array([[0.45, 0.20, 0.15, 0.20], [0.38, 0.20, 0.27, 0.15], [0.30, 0.20, 0.38, 0.12]])
    product = choice_rows(rng, mix[band])
    median = np.array([p.median for p in PRODUCTS])[product] * np.asarray(SIZE_AMOUNT_FACTOR)[band]
    sigma = np.array([p.sigma for p in PRODUCTS])[product]
    amount = np.clip(np.round(median * rng.lognormal(0.0, sigma) / 10_000) * 10_000, 500_000, 30_000_000)

    cycle = lognormal_seconds(rng, *DEAL_CYCLE, k) + days(3)
    close = cal.snap_business(rng, created + cycle)
    channel = con["channel"][who]
    demo = con["demo"][who]
    close_date = cal.dates[np.minimum(close // DAY, SPAN_DAYS - 1)]
    group = (channel == CHANNELS.index("exhibition")) & demo & (close_date >= Q3_FY2025[0]) & (close_date < Q3_FY2025[1])
    win = np.array([p.win for p in CHANNEL_PROFILES.values()])[channel]
    p_win = np.where(group, DEMO_WIN_Q3_FY2025, BASE_WIN * win * np.where(acc["is_target"][account], 1.1, 0.95))
    won = rng.random(k) < p_win

    # Lost deals stop after appointment, valid or proposal; won deals pass them all.
    reached = np.where(won, 2, rng.choice(3, k, p=[0.30, 0.35, 0.35]))
    t_valid = cal.snap_business(rng, created + (rng.uniform(0.10, 0.35, k) * cycle).astype(np.int64))
    t_prop = cal.snap_business(rng, created + (rng.uniform(0.45, 0.80, k) * cycle).astype(np.int64))
    t_prop = np.minimum(t_prop, close)
    t_valid = np.maximum(np.minimum(t_valid, t_prop), created)

    # The fiscal year (March) and the half year (September) pull wins into their last weeks.
    moy = cal.month_of_year[np.minimum(close // DAY, SPAN_DAYS - 1)]
    month = cal.month[np.minimum(close // DAY, SPAN_DAYS - 1)]
    pull = won & ((np.isin(moy, (1, 2)) & (rng.random(k) < 0.35)) | (np.isin(moy, (7, 8)) & (rng.random(k) < 0.2)))
    qe_month = np.minimum(month + (3 - moy % 3) % 3, cal.month.max())
    pulled_day = cal.prev_business[np.minimum(cal.month_start[qe_month] + 19 + rng.integers(0, 11, k), SPAN_DAYS - 1)]
    pulled = pulled_day * DAY + (9 * HOUR + rng.random(k) * 9 * HOUR).astype(np.int64)
    close = np.where(pull, np.maximum(pulled, close), close)

    # Planted effect 4: one team enters valid / proposal / close in bulk on the last business days of the month.
    rep = acc["rep"][account]
    bulk = np.asarray(REP_TEAM)[rep] == BULK_UPDATE_TEAM

    def month_end(t: np.ndarray) -> np.ndarray:
        d = np.minimum(t // DAY, SPAN_DAYS - 1)
        day = np.where(rng.random(k) < 0.7, cal.last_business_of_month[d], cal.second_last_business_of_month[d])
        shifted = day * DAY + (17 * HOUR + rng.random(k) * 3 * HOUR).astype(np.int64)
        return np.where(bulk & (rng.random(k) < 0.8), np.maximum(shifted, t), t)

    t_valid, t_prop, close = month_end(t_valid), month_end(t_prop), month_end(close)
    # a bulk edit enters several stages within a minute, in order
    t_prop = np.where(reached >= 2, np.maximum(t_prop, t_valid + rng.integers(5, 60, k)), t_prop)
    last_entry = np.where(reached >= 2, t_prop, np.where(reached >= 1, t_valid, created))
    close = np.maximum(close, last_entry + rng.integers(5, 60, k))

    closed = close < END
    outcome = np.where(~closed, 0, np.where(won, 1, 2))  # open, won, lost
    stage = np.where(won & closed, 3, np.minimum(reached, (t_valid < END).astype(int) + (t_prop < END)))
    loss_reason = np.where(outcome == 2, rng.choice(len(LOSS_REASON_SHARE), k, p=LOSS_REASON_SHARE), -1)
    return {
        "contact": who,
        "account": account,
        "created": created,
        "channel": channel,
        "product": product,
        "amount": amount.astype(np.int64),
        "outcome": outcome,
        "close": close,
        "closed_at": np.where(closed, close, -1),
        "loss_reason": loss_reason,
        "rep": rep,
        "stage": stage,
        "reached": reached,
        "t_valid": t_valid,
        "t_prop": t_prop,
        "demo": demo,
        "effect_group": group & closed,
        "bulk": bulk,
    }


# --- putting it together -------------------------------------------------------------------


def _reorder(arrays: Arrays, order: np.ndarray) -> Arrays:
    return {name: a[order] for name, a in arrays.items()}


def build(
    rng: np.random.Generator,
    n_accounts: int,
    n_contacts: int,
    cal: Calendar,
    programs: Programs,
    interest: np.ndarray,
    anomalies: dict[str, int],
) -> Crm:
    acc = make_accounts(rng, n_accounts)
    con, scans, booth = make_contacts(rng, n_contacts, acc, cal, programs, interest)
    run_funnel(rng, con, acc, cal)

    # contact ids follow creation time
    order = np.argsort(con["created"], kind="stable")
    con = _reorder(con, order)

    # duplicates: a handful of people registered twice (same e-mail, same company, later date)
    n_dup = anomalies["duplicate_contacts"]
    later = np.flatnonzero(~con["sql"] & (np.arange(n_contacts) > n_contacts // 2) & con["has_email"])
    dup = np.sort(rng.choice(later, n_dup, replace=False))
    original = rng.integers(0, n_contacts // 2, n_dup)
    for name in ("account", "surname", "initial"):
        con[name][dup] = con[name][original]
    con["has_email"][original] = True
    con["duplicate_of"] = np.full(n_contacts, -1)
    con["duplicate_of"][dup] = original
    key = (con["account"] * len(SURNAMES) + con["surname"]) * len(GIVEN_INITIALS) + con["initial"]
    rank = occurrence_rank(key)
    rank[dup] = rank[original]
    con["email_rank"] = rank

    # accounts: created with their first contact; the target list was imported at CRM go-live
    first = np.full(n_accounts, np.iinfo(np.int64).max)
    np.minimum.at(first, con["account"], con["created"])
    go_live = cal.business_time(rng, np.zeros(n_accounts, dtype=np.int64))
    spare = cal.business_time(rng, rng.integers(0, N_DAYS, n_accounts))
    acc_created = np.where(first < END, first, spare)
    acc_created = np.where(acc["is_target"], np.minimum(go_live, acc_created), acc_created)
    acc["created"] = acc_created
    acc_order = np.argsort(acc_created, kind="stable")
    acc = _reorder(acc, acc_order)
    new_id = np.empty(n_accounts, dtype=np.int64)
    new_id[acc_order] = np.arange(n_accounts)
    con["account"] = new_id[con["account"]]

    deals = make_deals(rng, con, acc, cal)
    d_order = np.argsort(deals["created"], kind="stable")
    deals = _reorder(deals, d_order)
    con["deal"] = np.full(n_contacts, -1)
    con["deal"][deals["contact"]] = np.arange(deals["contact"].size)

    crm = Crm(acc, con, deals, scans, booth)
    _plant_anomalies(rng, crm, anomalies)
    _plant_period_end_burst(rng, crm, cal)
    return crm


def _plant_anomalies(rng: np.random.Generator, crm: Crm, anomalies: dict[str, int]) -> None:
    con, deals = crm.contacts, crm.deals
    # Deals whose close date was keyed by hand before the creation date (stage history keeps the truth).
    closed = np.flatnonzero((deals["closed_at"] >= 0) & ~deals["effect_group"])
    bad = rng.choice(closed, anomalies["closed_before_created"], replace=False)
    deals["closed_field"] = deals["closed_at"].copy()
    deals["closed_field"][bad] = (deals["created"][bad] // DAY - rng.integers(1, 31, bad.size)) * DAY
    deals["closed_field"][bad] = np.maximum(deals["closed_field"][bad], 0)
    # Contacts whose MQL entry was synced after their SQL entry.
    ok = np.flatnonzero(con["mql"] & con["sql"] & ~con["skip_mql"] & (con["t_sql"] > con["t_mql"]))
    swap = rng.choice(ok, anomalies["contact_stage_swaps"], replace=False)
    con["t_mql"][swap], con["t_sql"][swap] = con["t_sql"][swap].copy(), con["t_mql"][swap].copy()
    # Deals whose valid entry was recorded after their proposal entry.
    ok = np.flatnonzero((deals["reached"] >= 2) & (deals["t_prop"] < END) & (deals["t_prop"] > deals["t_valid"]))
    swap = rng.choice(ok, anomalies["deal_stage_swaps"], replace=False)
    deals["t_valid"][swap], deals["t_prop"][swap] = deals["t_prop"][swap].copy(), deals["t_valid"][swap].copy()
    crm.anomalies = dict(anomalies)


# Planted effect 5: one rep books won deals on the last business days of the month they closed in.
PERIOD_END_REP = "田中 亮"


def _plant_period_end_burst(rng: np.random.Generator, crm: Crm, cal: Calendar) -> None:
    """Book 80% of PERIOD_END_REP's won deals as closed at 16:00-19:00 on the last (70%) or
    second-to-last business day of the month they closed in: only the `closed_at` the rep keys into
    the deal moves (months and amounts stay, never earlier than the truth); the stage history and
    everything drawn from the real close keep it. Drawn last from the CRM's stream, so nothing drawn
    before it changes."""
    deals = crm.deals
    k = deals["close"].size
    close_day = np.minimum(deals["close"] // DAY, SPAN_DAYS - 1)
    day = np.where(rng.random(k) < 0.7, cal.last_business_of_month[close_day], cal.second_last_business_of_month[close_day])
    booked = np.maximum(day * DAY + (16 * HOUR + rng.random(k) * 3 * HOUR).astype(np.int64), deals["close"])
    honest = deals["closed_field"] == deals["closed_at"]  # a close keyed before creation stays as keyed
    mine = (np.asarray(REPS)[deals["rep"]] == PERIOD_END_REP) & (deals["outcome"] == 1) & honest & ~deals["effect_group"]
    move = mine & (rng.random(k) < 0.8) & (booked < END)
    deals["closed_field"] = np.where(move, booked, deals["closed_field"])
