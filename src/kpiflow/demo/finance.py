"""After the first deal and around it: costs, follow-up orders, surveys and brand signals."""

from __future__ import annotations

import numpy as np

from kpiflow.demo.calendar import DAY, END, GROWTH, HOUR, N_DAYS, SEASON, Calendar
from kpiflow.demo.catalog import CHANNELS, EXHIBITIONS, MEDIA_SOURCES, NPS_COMMENTS, PRODUCTS, REPS
from kpiflow.demo.crm import Crm, days
from kpiflow.demo.exhibitions import first_day
from kpiflow.demo.programs import ADS_KINDS, Programs

Arrays = dict[str, np.ndarray]
PRODUCT = {p.code: i for i, p in enumerate(PRODUCTS)}
MARGIN = np.array([p.margin for p in PRODUCTS])
NPS_DIP = ("2024-10-01", "2025-04-01")  # FY2024H2: answers in it score lower on average
NPS_DIP_POINTS = 1.0


def interest(rng: np.random.Generator, cal: Calendar) -> np.ndarray:
    """Daily brand interest: growth x season, slow weekly noise, and a lift around each exhibition."""
    weeks = N_DAYS // 7 + 1
    noise = np.zeros(weeks)
    shocks = rng.normal(0.0, 0.06, weeks)
    for w in range(1, weeks):  # AR(1) over weeks
        noise[w] = 0.7 * noise[w - 1] + shocks[w]
    level = cal.day_weights(GROWTH, SEASON, 1.0) * np.exp(noise[np.arange(N_DAYS) // 7])
    lift = np.zeros(N_DAYS)
    d = np.arange(N_DAYS)
    for e, ex in enumerate(EXHIBITIONS):
        since = d - first_day(e)
        lift += np.where((since >= -14) & (since < 0), 0.15, 0.0)
        lift += np.where(since >= 0, 0.45 * ex.size * np.exp(-np.maximum(since, 0) / 21.0), 0.0)
    return level * (1.0 + lift)


# --- costs ---------------------------------------------------------------------------------


def costs(rng: np.random.Generator, crm: Crm, cal: Calendar, programs: Programs, scale: float) -> Arrays:
    """Spend rows: date (day index), channel, campaign, exhibition, category, amount (yen)."""
    rows: list[tuple[np.ndarray, ...]] = []
    cats = ("media", "event", "content", "system", "sales", "other")

    def add(day, channel, campaign, exhibition, category, amount):
        day = np.atleast_1d(np.asarray(day, dtype=np.int64))
        n = day.size
        rows.append(
            tuple(
                np.broadcast_to(np.asarray(v), (n,)).astype(np.int64)
                for v in (day, channel, campaign, exhibition, cats.index(category), np.round(amount))
            )
        )

    con = crm.contacts
    n_months = int(cal.month[N_DAYS - 1]) + 1
    month_of = cal.month[con["created"] // DAY]
    month_end = cal.month_start[1 : n_months + 1] - 1
    month_first = cal.month_start[:n_months]

    def noise(n: int) -> np.ndarray:
        return rng.lognormal(0.0, 0.08, n)

    # paid media, priced per lead by ad type
    ads = con["channel"] == CHANNELS.index("ads")
    for k, kind in enumerate(ADS_KINDS):
        leads = np.bincount(month_of[ads & (con["ads_kind"] == k)], minlength=n_months)
        fy = cal.fiscal_year[month_first] - 2023
        cpl = (12_000, 16_000, 19_000)[k]
        add(
            month_end,
            CHANNELS.index("ads"),
            programs.campaign(f"ads-{kind}-FY2023") + fy * len(ADS_KINDS),
            -1,
            "media",
            leads * cpl * noise(n_months),
        )
    mail = con["channel"] == CHANNELS.index("email")
    leads = np.bincount(month_of[mail], minlength=n_months)
    fy = cal.fiscal_year[month_first] - 2023
    add(
        month_end,
        CHANNELS.index("email"),
        programs.campaign("media-mail-FY2023") + fy,
        -1,
        "media",
        leads * 9_000 * noise(n_months),
    )

    # exhibitions: space booked months ahead, booth construction, promotion, staff travel and giveaways
    for e, ex in enumerate(EXHIBITIONS):
        d0 = first_day(e)
        cost = ex.cost * scale
        for offset, category, share in ((-120, "event", 0.40), (0, "event", 0.35), (-30, "media", 0.10), (3, "other", 0.15)):
            add(
                max(d0 + offset, 0),
                CHANNELS.index("exhibition"),
                programs.campaign(ex.exhibition_id),
                e,
                category,
                cost * share * noise(1),
            )

    # webinars
    wd = programs.webinar_t // DAY
    wid = programs.campaign(programs.webinar_ids[0]) + np.arange(wd.size)
    add(wd, CHANNELS.index("seminar"), wid, -1, "event", 200_000 * scale * noise(wd.size))
    add(np.maximum(wd - 14, 0), CHANNELS.index("seminar"), wid, -1, "content", 120_000 * scale * noise(wd.size))

    # web, e-mail, shared systems and the field sales force
    growth = np.asarray(GROWTH)[cal.fiscal_year[month_first] - 2023]
    add(month_end, CHANNELS.index("web_form"), -1, -1, "content", 900_000 * scale * growth * noise(n_months))
    add(month_first, CHANNELS.index("web_form"), -1, -1, "system", np.full(n_months, 350_000 * scale))
    add(month_first, CHANNELS.index("email"), -1, -1, "system", np.full(n_months, 300_000 * scale))
    add(month_first, -1, -1, -1, "system", np.full(n_months, 600_000 * scale))
    add(month_end, -1, -1, -1, "sales", np.full(n_months, len(REPS) * 850_000 * scale))

    # referral partners earn 10% of the deals they bring, booked when the deal is won
    deals = crm.deals
    won_ref = (deals["outcome"] == 1) & (deals["channel"] == CHANNELS.index("referral"))
    add(
        deals["close"][won_ref] // DAY,
        CHANNELS.index("referral"),
        programs.campaign("partner-referral"),
        -1,
        "sales",
        deals["amount"][won_ref] * 0.10,
    )

    cols = [np.concatenate(c) for c in zip(*rows, strict=True)]
    order = np.argsort(cols[0], kind="stable")
    names = ("day", "channel", "campaign", "exhibition", "category", "amount")
    out = {n: c[order] for n, c in zip(names, cols, strict=True)}
    out["categories"] = np.asarray(cats)
    return out


# --- orders after a won deal ---------------------------------------------------------------


def orders(rng: np.random.Generator, crm: Crm) -> Arrays:
    deals = crm.deals
    won = np.flatnonzero(deals["outcome"] == 1)
    close, amount, product, account = deals["close"][won], deals["amount"][won], deals["product"][won], deals["account"][won]
    parts: list[tuple[np.ndarray, ...]] = []
    kinds = ("new", "repeat", "upsell", "cross_sell", "renewal")

    def add(sel, t, value, prod, kind):
        parts.append((account[sel], t.astype(np.int64), value, prod, np.full(sel.size, kinds.index(kind))))

    saas = product == PRODUCT["predictive_saas"]
    hardware = np.isin(product, [PRODUCT["vibration_sensor"], PRODUCT["iot_gateway"]])
    # Customers met at a trade show saw the machines run and bring their plant engineers: they
    # renew, reorder, expand and add products more often (the seed's point, issue 19: the channel
    # that costs more per customer than the web brings the customers worth the most). Only the
    # odds change, so every draw of this stream keeps its shape and no other table moves.
    shown = deals["channel"][won] == CHANNELS.index("exhibition")
    # yearly renewals of the SaaS subscription, each kept with probability 0.9 (0.97 after a show)
    alive = saas.copy()
    for year in (1, 2):
        alive &= rng.random(won.size) < np.where(shown, 0.97, 0.9)
        sel = np.flatnonzero(alive)
        add(
            sel,
            close[sel] + days(365 * year) - rng.integers(0, 14, sel.size) * DAY,
            amount[sel] * rng.uniform(1.0, 1.15, sel.size) ** year,
            product[sel],
            "renewal",
        )
    # repeat purchases of sensors and gateways for more machines
    # (after a show, buyers of the SaaS add seats for more plants too)
    k = rng.poisson(np.where(shown, 4.0, np.where(hardware, 1.4, 0.0)))
    sel = np.repeat(np.arange(won.size), k)
    add(
        sel,
        close[sel] + rng.uniform(60, 720, sel.size) * DAY,
        amount[sel] * rng.lognormal(np.log(0.35), 0.5, sel.size),
        product[sel],
        "repeat",
    )
    # upsell: a larger rollout of the same product
    sel = np.flatnonzero(hardware & (rng.random(won.size) < np.where(shown, 0.45, 0.25)))
    add(
        sel,
        close[sel] + rng.uniform(90, 540, sel.size) * DAY,
        amount[sel] * rng.uniform(0.4, 0.9, sel.size),
        product[sel],
        "upsell",
    )
    # cross-sell: hardware customers add the SaaS (or installation); SaaS customers add sensors
    sel = np.flatnonzero(rng.random(won.size) < np.where(shown, 0.6, np.where(saas, 0.35, 0.30)))
    other = np.where(
        saas[sel],
        PRODUCT["vibration_sensor"],
        np.where(rng.random(sel.size) < 0.7, PRODUCT["predictive_saas"], PRODUCT["installation"]),
    )
    other = np.where(other == product[sel], PRODUCT["iot_gateway"], other)
    base = np.array([p.median for p in PRODUCTS])[other]
    add(
        sel,
        close[sel] + rng.uniform(60, 420, sel.size) * DAY,
        base * rng.lognormal(np.log(0.8), 0.5, sel.size),
        other,
        "cross_sell",
    )

    acc, t, value, prod, kind = (np.concatenate(c) for c in zip(*parts, strict=True))
    value = np.maximum(np.round(value / 1_000) * 1_000, 50_000)
    margin = np.round(value * MARGIN[prod] * rng.uniform(0.9, 1.1, value.size))
    keep = t < END
    order = np.argsort(t[keep], kind="stable")
    out = {"account": acc, "t": t, "amount": value, "margin": margin, "product": prod, "kind": kind}
    out = {n: a[keep][order] for n, a in out.items()}
    out["kinds"] = np.asarray(kinds)
    return out


# --- surveys -------------------------------------------------------------------------------


def surveys(rng: np.random.Generator, crm: Crm, cal: Calendar, scale: float) -> Arrays:
    deals = crm.deals
    won = np.flatnonzero(deals["outcome"] == 1)
    contact, account, close, product = deals["contact"][won], deals["account"][won], deals["close"][won], deals["product"][won]
    parts: list[tuple[np.ndarray, ...]] = []
    kinds = ("nps", "csat", "awareness")
    # NPS: three months after the win, then yearly; about half answer. In FY2024H2 a firmware
    # release raised false alerts (the detractors' 誤検知 comments): scores dip, then recover.
    dip_start, dip_end = (int((np.datetime64(d) - cal.dates[0]).astype(np.int64)) * DAY for d in NPS_DIP)
    for year in (0, 1, 2):
        sel = np.flatnonzero(rng.random(won.size) < 0.5)
        t = cal.business_time(rng, (close[sel] + days(90 + 365 * year)) // DAY)
        dip = np.where((t >= dip_start) & (t < dip_end), NPS_DIP_POINTS, 0.0)
        mean = 7.6 + 0.6 * (product[sel] == PRODUCT["predictive_saas"]) + 0.2 * year - dip
        score = np.clip(np.round(rng.normal(mean, 1.8)), 0, 10)
        parts.append((contact[sel], account[sel], t, np.full(sel.size, 0), score))
    # CSAT (1-5) a month after an installation project
    sel = np.flatnonzero((product == PRODUCT["installation"]) & (rng.random(won.size) < 0.6))
    t = cal.business_time(rng, (close[sel] + days(30)) // DAY)
    parts.append((contact[sel], account[sel], t, np.full(sel.size, 1), np.clip(np.round(rng.normal(4.1, 0.7, sel.size)), 1, 5)))
    # awareness panel every July: share of engineers in the target market who know the brand (1/0)
    for fy, aware in zip((2023, 2024, 2025), (0.18, 0.22, 0.27), strict=True):
        n = max(60, round(400 * scale))
        day = int((np.datetime64(f"{fy}-07-10") - cal.dates[0]).astype(np.int64))
        t = day * DAY + 10 * HOUR + rng.integers(0, 7 * DAY, n)
        parts.append((np.full(n, -1), np.full(n, -1), t, np.full(n, 2), (rng.random(n) < aware).astype(float)))
    c, a, t, k, score = (np.concatenate(p) for p in zip(*parts, strict=True))
    keep = t < END
    c, a, t, k, score = c[keep], a[keep], t[keep], k[keep], score[keep]
    # comments: about a third of NPS answers say something, by score band
    band = np.where(score >= 9, 0, np.where(score >= 7, 1, 2))
    texts = [*NPS_COMMENTS["promoter"], *NPS_COMMENTS["passive"], *NPS_COMMENTS["detractor"]]
    first = np.array([0, len(NPS_COMMENTS["promoter"]), len(NPS_COMMENTS["promoter"]) + len(NPS_COMMENTS["passive"])])
    size = np.array([len(NPS_COMMENTS[b]) for b in ("promoter", "passive", "detractor")])
    comment = first[band] + (rng.random(score.size) * size[band]).astype(np.int64)
    comment = np.where((k == 0) & (rng.random(score.size) < 0.35), comment, -1)
    order = np.argsort(t, kind="stable")
    out = {"contact": c, "account": a, "t": t, "kind": k, "score": score, "comment": comment}
    out = {n: v[order] for n, v in out.items()}
    out["kinds"], out["comments"] = np.asarray(kinds), np.asarray(texts)
    return out


# --- brand signals -------------------------------------------------------------------------


def brand_signals(rng: np.random.Generator, cal: Calendar, level: np.ndarray, scale: float) -> Arrays:
    """Weekly branded search and SNS mentions, media articles after exhibitions, quarterly reviews."""
    monday = np.flatnonzero(cal.weekday[:N_DAYS] == 0)
    monday = monday[monday + 7 <= N_DAYS]
    weekly = np.add.reduceat(level, monday)[: monday.size] / 7.0
    weekly = weekly / weekly[:8].mean()
    parts: list[tuple[np.ndarray, ...]] = []
    kinds = ("branded_search", "mention", "review", "media")
    sources = ("search_console", "sns", "trade_media", "review_site", *MEDIA_SOURCES)
    n = monday.size
    parts.append(
        (monday, np.zeros(n), np.zeros(n), np.round(1_400 * scale * weekly * rng.lognormal(0, 0.05, n)), np.full(n, np.nan))
    )
    parts.append(
        (
            monday,
            np.ones(n),
            np.ones(n),
            rng.poisson(8 * weekly * max(scale, 0.2)).astype(float),
            np.round(np.clip(rng.normal(0.25, 0.15, n), -1, 1), 2),
        )
    )
    parts.append(
        (
            monday,
            np.ones(n),
            np.full(n, 2),
            rng.poisson(1.5, n).astype(float),
            np.round(np.clip(rng.normal(0.4, 0.2, n), -1, 1), 2),
        )
    )
    for e in range(len(EXHIBITIONS)):
        k = int(rng.integers(2, 4))
        day = first_day(e) + rng.integers(0, 10, k)
        parts.append(
            (day, np.full(k, 3), 4 + rng.integers(0, len(MEDIA_SOURCES), k), np.ones(k), np.round(rng.uniform(0.4, 0.8, k), 2))
        )
    quarter_end = cal.month_start[3::3][:12] - 1
    q = quarter_end.size
    parts.append(
        (
            quarter_end,
            np.full(q, 2),
            np.full(q, 3),
            np.round(np.linspace(3.9, 4.3, q) + rng.normal(0, 0.05, q), 2),
            np.round(np.linspace(0.3, 0.5, q), 2),
        )
    )
    day, kind, source, value, sentiment = (np.concatenate(p) for p in zip(*parts, strict=True))
    order = np.lexsort((source, kind, day))
    out = {
        "day": day.astype(np.int64),
        "kind": kind.astype(np.int64),
        "source": source.astype(np.int64),
        "value": value,
        "sentiment": sentiment,
    }
    out = {n: v[order] for n, v in out.items()}
    out["kinds"], out["sources"] = np.asarray(kinds), np.asarray(sources)
    return out
