"""Touchpoints: what known contacts and anonymous visitors did, as integer-coded numpy columns.

Known contacts' touchpoints are generated all at once (they follow each person's funnel); the
anonymous web traffic, by far the largest part, is generated month by month with a generator
seeded from (seed, month), so memory stays bounded and the result does not depend on how the
work is split.
"""

from __future__ import annotations

import numpy as np

from kpiflow.demo.calendar import DAY, END, HOUR, N_DAYS, Calendar
from kpiflow.demo.catalog import CHANNELS, CONTENT_WEIGHT, DWELL_MEDIAN, GATED_TYPES, TOUCH_CHANNELS
from kpiflow.demo.crm import Crm, days, normalised, web_time
from kpiflow.demo.programs import ADS_KIND_SHARE, ADS_KINDS, Programs
from kpiflow.model.schema import TOUCHPOINT_TYPES

TYPES = tuple(TOUCHPOINT_TYPES)
T = {name: i for i, name in enumerate(TYPES)}
CH = {name: i for i, name in enumerate(TOUCH_CHANNELS)}
COLUMNS: dict[str, tuple[type, object]] = {
    "t": (np.int64, 0),
    "contact": (np.int32, -1),
    "anon": (np.int64, -1),
    "account": (np.int32, -1),
    "type": (np.int8, 0),
    "channel": (np.int8, -1),
    "campaign": (np.int16, -1),
    "content": (np.int16, -1),
    "exhibition": (np.int8, -1),
    "exhibit": (np.int16, -1),
    "session": (np.int64, -1),
    "dwell": (np.float32, np.nan),
    "scroll": (np.float32, np.nan),
}
CONTACT_COOKIE_BASE = 900_000_000  # anonymous ids of known contacts' browsers; visitors are numbered below


class Touches:
    """Accumulates touchpoint columns; session ids are numbered in the order sessions are made."""

    def __init__(self, programs: Programs) -> None:
        self.parts: list[dict[str, np.ndarray]] = []
        self.next_session = 0
        self.programs = programs
        types = [t for _, t in programs.contents]
        self.content_type = np.array([list(dict.fromkeys(types)).index(t) for t in types])
        self.type_names = list(dict.fromkeys(types))
        self.dwell_median = np.array([DWELL_MEDIAN.get(t, 60) for t in self.type_names], dtype=float)
        self.gated = np.isin(np.arange(len(self.type_names)), [self.type_names.index(t) for t in GATED_TYPES])

    def add(self, **columns: object) -> None:
        n = np.asarray(columns["t"]).size
        if n == 0:
            return
        part = {}
        for name, (dtype, default) in COLUMNS.items():
            value = columns.get(name, default)
            part[name] = np.broadcast_to(np.asarray(value), (n,)).astype(dtype)
        self.parts.append(part)

    def sessions(self, k: int) -> np.ndarray:
        ids = np.arange(self.next_session, self.next_session + k, dtype=np.int64)
        self.next_session += k
        return ids

    def web(
        self,
        rng: np.random.Generator,
        start: np.ndarray,
        content_p: np.ndarray,
        *,
        contact=-1,
        anon=-1,
        account=-1,
        channel=-1,
        campaign=-1,
        first_content: np.ndarray | None = None,
        p_more: float = 0.6,
    ) -> None:
        """Web sessions: page views (downloads for known visitors on gated content) with dwell and scroll."""
        n = start.size
        if n == 0:
            return
        pages = rng.geometric(1 - p_more, n)
        total = int(pages.sum())
        s = np.repeat(np.arange(n), pages)
        head = np.cumsum(pages) - pages
        pos = np.arange(total) - np.repeat(head, pages)
        content = rng.choice(content_p.size, total, p=content_p)
        if first_content is not None:
            content[head] = np.where(first_content >= 0, first_content, content[head])
        ctype = self.content_type[content]
        dwell = np.clip(rng.lognormal(np.log(self.dwell_median[ctype]), 0.8), 3, 3_600)
        gap = dwell + rng.integers(2, 15, total)
        cum = np.cumsum(gap) - gap
        t = start[s] + (cum - cum[head][s]).astype(np.int64)
        read = np.minimum(dwell / (1.5 * self.dwell_median[ctype]), 1.0)
        scroll = np.round(np.clip(100 * (0.15 + 0.85 * read) * rng.beta(4, 1.5, total), 0, 100))

        def per_page(x):
            x = np.asarray(x)
            return x[s] if x.ndim else x

        known = np.asarray(contact).ndim > 0 or int(np.asarray(contact)) >= 0
        kind = np.where(known & self.gated[ctype] & (pos > 0), T["download"], T["page_view"])
        self.add(
            t=t,
            contact=per_page(contact),
            anon=per_page(anon),
            account=per_page(account),
            type=kind,
            channel=per_page(channel),
            campaign=per_page(campaign),
            content=content,
            session=self.sessions(n)[s],
            dwell=np.round(dwell),
            scroll=scroll,
        )

    def concat(self) -> dict[str, np.ndarray]:
        if not self.parts:
            return {name: np.empty(0, dtype=dtype) for name, (dtype, _) in COLUMNS.items()}
        return {name: np.concatenate([p[name] for p in self.parts]) for name in COLUMNS}


def content_weights(programs: Programs, *, known: bool) -> np.ndarray:
    """Page popularity for web sessions; known contacts rarely stumble on pricing by chance."""
    w = np.zeros(len(programs.contents))
    w[: len(CONTENT_WEIGHT)] = CONTENT_WEIGHT
    if known:
        w[programs.content_codes("pricing")] *= 0.05
        w[programs.content_codes("case_study")] *= 0.3
    return normalised(w)


def pick(rng: np.random.Generator, codes: np.ndarray, n: int) -> np.ndarray:
    return codes[rng.integers(0, codes.size, n)]


def known_touchpoints(rng: np.random.Generator, crm: Crm, cal: Calendar, programs: Programs) -> tuple[dict[str, np.ndarray], int]:
    """Every touchpoint of known contacts (and their browsers before they were known), sorted by time,
    and the number of web sessions used."""
    tp = Touches(programs)
    con, deals = crm.contacts, crm.deals
    n = con["created"].size
    ids = np.arange(n)
    cookie = CONTACT_COOKIE_BASE + ids
    acc = con["account"]
    ch = con["channel"]
    created = con["created"]
    chan = {name: np.flatnonzero(ch == i) for i, name in enumerate(CHANNELS)}
    known_p = content_weights(programs, known=True)
    anon_p = content_weights(programs, known=False)
    gated = np.concatenate([programs.content_codes(t) for t in GATED_TYPES])
    whitepapers = programs.content_codes("whitepaper")
    products = programs.content_codes("product")
    blog = programs.content_codes("blog")
    contact_page = programs.content("/contact")

    # --- how each contact was acquired ---------------------------------------------------
    s = crm.scans
    ex = chan["exhibition"]
    row = con["scan_row"][ex]
    common = {"contact": ex, "anon": -1, "account": acc[ex], "channel": CH["exhibition"], "campaign": con["campaign"][ex]}
    tp.add(t=s.t[row], type=T["badge_scan"], exhibition=s.exhibition[row], exhibit=s.exhibit[row], **common)
    tp.add(
        t=s.t[row] - rng.integers(60, 480, ex.size),
        type=T["booth_visit"],
        exhibition=s.exhibition[row],
        exhibit=s.exhibit[row],
        dwell=rng.integers(60, 480, ex.size),
        **common,
    )
    d = s.demo[row]
    tp.add(
        t=s.demo_t[row][d],
        type=T["demo"],
        exhibition=s.exhibition[row][d],
        exhibit=s.demo_exhibit[row][d],
        dwell=rng.integers(300, 1_200, int(d.sum())),
        **{k: (v[d] if np.ndim(v) else v) for k, v in common.items()},
    )
    v2 = s.visit2_exhibit[row] >= 0
    tp.add(
        t=s.visit2_t[row][v2],
        type=T["booth_visit"],
        exhibition=s.exhibition[row][v2],
        exhibit=s.visit2_exhibit[row][v2],
        dwell=rng.integers(60, 300, int(v2.sum())),
        **{k: (v[v2] if np.ndim(v) else v) for k, v in common.items()},
    )

    sem = chan["seminar"]
    w = con["webinar"][sem]
    webinar_content = programs.content(programs.webinar_ids[0]) + w
    tp.add(
        t=created[sem],
        contact=sem,
        anon=cookie[sem],
        account=acc[sem],
        type=T["form_submit"],
        channel=CH["seminar"],
        campaign=con["campaign"][sem],
        content=webinar_content,
    )
    att = con["attended"][sem]
    tp.add(
        t=programs.webinar_t[w[att]] + rng.integers(0, 600, int(att.sum())),
        contact=sem[att],
        account=acc[sem[att]],
        type=T["seminar_attend"],
        channel=CH["seminar"],
        campaign=con["campaign"][sem[att]],
        content=webinar_content[att],
        dwell=rng.integers(1_800, 3_600, int(att.sum())),
    )

    web = chan["web_form"]
    inq = con["inquiry"][web]
    first = np.where(inq, pick(rng, products, web.size), pick(rng, blog, web.size))
    sid = tp.sessions(web.size)
    base = {
        "contact": web,
        "anon": cookie[web],
        "account": acc[web],
        "channel": CH["web_form"],
        "campaign": con["campaign"][web],
        "session": sid,
    }
    doc = pick(rng, gated, web.size)
    tp.add(
        t=created[web] - 240,
        type=T["page_view"],
        content=first,
        dwell=rng.integers(30, 200, web.size),
        scroll=rng.integers(30, 100, web.size),
        **base,
    )
    tp.add(
        t=created[web] - 60,
        type=T["page_view"],
        content=np.where(inq, contact_page, doc),
        dwell=rng.integers(20, 60, web.size),
        scroll=rng.integers(50, 100, web.size),
        **base,
    )
    tp.add(t=created[web], type=np.where(inq, T["inquiry"], T["form_submit"]), content=np.where(inq, contact_page, doc), **base)
    dl = ~inq
    tp.add(
        t=created[web][dl] + 5, type=T["download"], content=doc[dl], **{k: v[dl] if np.ndim(v) else v for k, v in base.items()}
    )

    ads = chan["ads"]
    sid = tp.sessions(ads.size)
    landing = pick(rng, whitepapers, ads.size)
    base = {
        "contact": ads,
        "anon": cookie[ads],
        "account": acc[ads],
        "channel": CH["ads"],
        "campaign": con["campaign"][ads],
        "session": sid,
        "content": landing,
    }
    tp.add(
        t=created[ads] - 90,
        type=T["page_view"],
        dwell=rng.integers(20, 120, ads.size),
        scroll=rng.integers(20, 100, ads.size),
        **base,
    )
    tp.add(t=created[ads], type=T["form_submit"], **base)
    tp.add(t=created[ads] + 5, type=T["download"], **base)

    em = chan["email"]
    sid = tp.sessions(em.size)
    landing = pick(rng, whitepapers, em.size)
    base = {"contact": em, "anon": cookie[em], "account": acc[em], "channel": CH["email"], "campaign": con["campaign"][em]}
    tp.add(t=created[em] - 70, type=T["email_click"], **base)
    tp.add(
        t=created[em] - 60,
        type=T["page_view"],
        content=landing,
        session=sid,
        dwell=rng.integers(20, 90, em.size),
        scroll=rng.integers(20, 100, em.size),
        **base,
    )
    tp.add(t=created[em], type=T["form_submit"], content=landing, session=sid, **base)

    ref = chan["referral"]
    tp.add(
        t=created[ref], contact=ref, account=acc[ref], type=T["inquiry"], channel=CH["referral"], campaign=con["campaign"][ref]
    )

    # browsing before the form: the same browser, not yet identified
    pre = np.concatenate([web, ads])
    k = rng.poisson(1.3, pre.size)
    who = np.repeat(pre, k)
    start = created[who] - (rng.uniform(1 / 24, 45, who.size) * DAY).astype(np.int64)
    keep = start >= 0
    who, start = who[keep], start[keep]
    from_ads = (ch[who] == CHANNELS.index("ads")) & (rng.random(who.size) < 0.5)
    fy = cal.fiscal_year[start // DAY] - 2023
    tp.web(
        rng,
        start,
        anon_p,
        anon=cookie[who],
        channel=np.where(from_ads, CH["ads"], CH["web_form"]),
        campaign=np.where(from_ads, programs.campaign("ads-search-FY2023") + fy * len(ADS_KINDS), -1),
    )

    # --- browsing as a known contact -----------------------------------------------------
    lam = 1.2 + 1.5 * con["mql"] + 2.0 * con["sql"] + 2.5 * con["opp"]
    k = rng.poisson(lam)
    who = np.repeat(ids, k)
    offset = (rng.random(who.size) ** 1.6 * days(240)).astype(np.int64)
    start = np.maximum(web_time(rng, (created[who] + offset) // DAY), created[who] + 300)
    keep = start < END
    who, start = who[keep], start[keep]
    retarget = rng.random(who.size) < np.where(ch[who] == CHANNELS.index("ads"), 0.4, 0.1)
    fy = np.clip(cal.fiscal_year[start // DAY] - 2023, 0, 2)
    tp.web(
        rng,
        start,
        known_p,
        contact=who,
        anon=cookie[who],
        account=acc[who],
        channel=np.where(retarget, CH["ads"], CH["web_form"]),
        campaign=np.where(retarget, programs.campaign("ads-display-FY2023") + fy * len(ADS_KINDS), -1),
    )

    # planted effect 3: pricing (and case study) views by people on their way to an opportunity
    for name, codes in (("pricing_t", programs.content_codes("pricing")), ("case_t", programs.content_codes("case_study"))):
        who = np.flatnonzero(con[name] >= 0)
        tp.web(
            rng,
            con[name][who],
            known_p,
            contact=who,
            anon=cookie[who],
            account=acc[who],
            channel=CH["web_form"],
            first_content=pick(rng, codes, who.size),
            p_more=0.45,
        )

    # --- webinars for people already in the database -------------------------------------
    unsub = created + (rng.exponential(700, n) * DAY).astype(np.int64)
    has_email = con["has_email"]
    reg_t, reg_c, reg_w = [], [], []
    for i, wt in enumerate(programs.webinar_t):
        active = con["mql"] & (con["t_mql"] < wt) & ~(con["opp"] & (con["t_opp"] < wt))
        elig = (created < wt - days(15)) & has_email & (unsub > wt) & (ch != CHANNELS.index("seminar"))
        p = np.where(active, 0.03, 0.008)
        who = np.flatnonzero(elig & (rng.random(n) < p))
        reg_c.append(who)
        reg_w.append(np.full(who.size, i))
        reg_t.append(web_time(rng, wt // DAY - rng.integers(1, 15, who.size)))
    who, w, t = np.concatenate(reg_c), np.concatenate(reg_w), np.concatenate(reg_t)
    content = programs.content(programs.webinar_ids[0]) + w
    campaign = programs.campaign(programs.webinar_ids[0]) + w
    tp.add(
        t=t,
        contact=who,
        anon=cookie[who],
        account=acc[who],
        type=T["form_submit"],
        channel=CH["seminar"],
        campaign=campaign,
        content=content,
    )
    att = rng.random(who.size) < 0.62
    tp.add(
        t=programs.webinar_t[w[att]] + rng.integers(0, 600, int(att.sum())),
        contact=who[att],
        account=acc[who[att]],
        type=T["seminar_attend"],
        channel=CH["seminar"],
        campaign=campaign[att],
        content=content[att],
        dwell=rng.integers(1_200, 3_600, int(att.sum())),
    )

    # --- e-mail: newsletter to everyone, nurture mail to leads not yet with sales ---------
    engagement = rng.beta(2, 6, n)
    opens_c, opens_t, opens_m = [], [], []
    for i, st in enumerate(programs.email_t):
        elig = (created < st) & has_email & (unsub > st)
        if programs.email_nurture[i]:
            elig &= ~(con["sql"] & (con["t_sql"] < st))
        who = np.flatnonzero(elig)
        who = who[rng.random(who.size) < engagement[who]]
        opens_c.append(who)
        opens_m.append(np.full(who.size, i))
        opens_t.append(st + np.minimum(rng.lognormal(np.log(3 * HOUR), 1.2, who.size), days(10)).astype(np.int64))
    who, m, t = np.concatenate(opens_c), np.concatenate(opens_m), np.concatenate(opens_t)
    mail_content = programs.content(programs.email_ids[0]) + m
    mail_campaign = np.where(programs.email_nurture[m], programs.campaign("nurture"), programs.campaign("newsletter"))
    tp.add(
        t=t,
        contact=who,
        account=acc[who],
        type=T["email_open"],
        channel=CH["email"],
        campaign=mail_campaign,
        content=mail_content,
    )
    click = rng.random(who.size) < 0.18
    who, m, t, mail_campaign = who[click], m[click], t[click] + rng.integers(10, 300, int(click.sum())), mail_campaign[click]
    tp.add(
        t=t,
        contact=who,
        account=acc[who],
        type=T["email_click"],
        channel=CH["email"],
        campaign=mail_campaign,
        content=programs.content(programs.email_ids[0]) + m,
    )
    topics = np.concatenate([programs.content_codes(c) for c in ("case_study", "blog", "product", "webinar", "whitepaper")])
    topics = topics[topics < len(CONTENT_WEIGHT)]
    mail_topic = topics[(np.arange(len(programs.email_ids)) * 7) % topics.size]
    tp.web(
        rng,
        t + 5,
        known_p,
        contact=who,
        anon=cookie[who],
        account=acc[who],
        channel=CH["email"],
        campaign=mail_campaign,
        first_content=mail_topic[m],
        p_more=0.45,
    )

    # --- sales: inside-sales calls, hand-off calls, meetings during deals -------------------
    c = np.flatnonzero(con["mql"] & (rng.random(n) < 0.5))
    tp.add(
        t=cal.snap_business(rng, con["t_mql"][c] + (rng.uniform(1, 5, c.size) * DAY).astype(np.int64)),
        contact=c,
        account=acc[c],
        type=T["call"],
        channel=CH["sales"],
        dwell=rng.integers(120, 900, c.size),
    )
    c = np.flatnonzero(con["sql"])
    tp.add(
        t=con["t_sql"][c] - rng.integers(600, 7_200, c.size),
        contact=c,
        account=acc[c],
        type=T["call"],
        channel=CH["sales"],
        dwell=rng.integers(300, 1_500, c.size),
    )
    c = np.flatnonzero(con["sql"] & (rng.random(n) < 0.4))
    until = np.where(con["opp"][c], con["t_opp"][c], con["t_sql"][c] + days(20))
    tp.add(
        t=cal.snap_business(rng, con["t_sql"][c] + (rng.random(c.size) * (until - con["t_sql"][c])).astype(np.int64)),
        contact=c,
        account=acc[c],
        type=T["meeting"],
        channel=CH["sales"],
        dwell=rng.integers(1_800, 5_400, c.size),
    )
    dc = deals["contact"]
    k = deals["created"].size
    stop = np.minimum(deals["close"], END)
    tp.add(
        t=np.minimum(cal.snap_business(rng, deals["created"] + (rng.uniform(1, 7, k) * DAY).astype(np.int64)), stop - 1),
        contact=dc,
        account=acc[dc],
        type=T["meeting"],
        channel=CH["sales"],
        dwell=rng.integers(1_800, 5_400, k),
    )
    for stage, t_stage in ((1, deals["t_valid"]), (2, deals["t_prop"])):
        r = np.flatnonzero(deals["reached"] >= stage)
        tp.add(
            t=t_stage[r] - rng.integers(HOUR, 3 * DAY, r.size),
            contact=dc[r],
            account=acc[dc[r]],
            type=T["meeting"],
            channel=CH["sales"],
            dwell=rng.integers(1_800, 7_200, r.size),
        )
    calls = rng.poisson(1.5, k)
    r = np.repeat(np.arange(k), calls)
    tp.add(
        t=cal.snap_business(rng, deals["created"][r] + (rng.random(r.size) * (stop[r] - deals["created"][r])).astype(np.int64)),
        contact=dc[r],
        account=acc[dc[r]],
        type=T["call"],
        channel=CH["sales"],
        dwell=rng.integers(120, 1_200, r.size),
    )

    # a few chats on the website by known contacts
    c = np.flatnonzero(rng.random(n) < 0.03)
    tp.add(
        t=np.maximum(web_time(rng, (created[c] + (rng.random(c.size) * days(120)).astype(np.int64)) // DAY), created[c] + 60),
        contact=c,
        anon=cookie[c],
        account=acc[c],
        type=T["chat"],
        channel=CH["web_form"],
        dwell=rng.integers(60, 900, c.size),
    )

    out = tp.concat()
    keep = (out["t"] >= 0) & (out["t"] < END)
    order = np.argsort(out["t"][keep], kind="stable")
    return {name: a[keep][order] for name, a in out.items()}, tp.next_session


def anonymous_month(
    rng: np.random.Generator,
    cal: Calendar,
    programs: Programs,
    month: int,
    sessions: int,
    first_session: int,
    visitors: int,
    n_accounts: int,
    day_weight: np.ndarray,
) -> dict[str, np.ndarray]:
    """Anonymous web sessions of one month (visitors never identified), sorted by time."""
    tp = Touches(programs)
    tp.next_session = first_session
    d0 = int(cal.month_start[month])
    d1 = int(cal.month_start[month + 1]) if month + 1 < cal.month_start.size else N_DAYS
    d1 = min(d1, N_DAYS)
    day = d0 + rng.choice(d1 - d0, sessions, p=normalised(day_weight[d0:d1]))
    start = web_time(rng, day)
    visitor = (visitors * rng.random(sessions) ** 2.2).astype(np.int64)
    # a reverse-IP service names the company of about one visitor in five
    account = np.where(visitor % 5 == 0, (visitor * 2_654_435_761) % n_accounts, -1)
    fy = int(cal.fiscal_year[d0]) - 2023
    ads_share = (0.20, 0.25, 0.32)[fy]
    source = rng.choice(3, sessions, p=[1 - ads_share - 0.04, ads_share, 0.04])
    channel = np.array([CH["web_form"], CH["ads"], CH["referral"]])[source]
    kind = rng.choice(len(ADS_KINDS), sessions, p=ADS_KIND_SHARE)
    campaign = np.where(source == 1, programs.campaign("ads-search-FY2023") + fy * len(ADS_KINDS) + kind, -1)
    tp.web(rng, start, content_weights(programs, known=False), anon=visitor, account=account, channel=channel, campaign=campaign)
    chat = np.flatnonzero(rng.random(sessions) < 0.003)
    tp.add(
        t=start[chat] + 60,
        anon=visitor[chat],
        account=account[chat],
        type=T["chat"],
        channel=CH["web_form"],
        dwell=rng.integers(60, 600, chat.size),
    )
    out = tp.concat()
    keep = out["t"] < END
    order = np.argsort(out["t"][keep], kind="stable")
    return {name: a[keep][order] for name, a in out.items()}
