"""Content that moves buyers (issue 21): reach, engaged reading, the next action and its lift
within strata of engagement equal hand counts on a tiny site and a second implementation."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from typer.testing import CliRunner

from conftest import open_shared_demo, workspace_from_csv
from kpiflow.analysis.content import ContentError, content, mantel_haenszel, shrink_log_lifts
from kpiflow.cli import app
from kpiflow.errors import UnknownNameError

runner = CliRunner()
Z = 1.959963984540054

CONTACTS = "contact_id,account_id,created_at,channel\n" + "".join(
    f"C{i},{'A1' if i <= 4 else 'A2'},2025-01-01,web_form\n" for i in range(1, 11)
)
# Stratum 1 (one page view each): C1 pricing -> inquiry, C2 pricing, C3 blog, C4 blog.
# Stratum 2 (two page views each): C5 pricing + blog -> inquiry, C6 the same -> inquiry,
# C7 blog, then blog again in another session -> inquiry, C8 blog + blog in one session.
# Not reading: C9's 25 one-second views (a crawler), C10's single page view of 0 seconds.
VIEWS = [
    ("2025-01-10 10:00", "C1", "/pricing", "pricing", "S1", 60, 80),
    ("2025-01-10 10:00", "C2", "/pricing", "pricing", "S2", 60, 80),
    ("2025-01-10 10:00", "C3", "/blog/1", "blog", "S3", 60, ""),  # scroll unknown: dwell alone decides
    ("2025-01-10 10:00", "C4", "/blog/1", "blog", "S4", 60, 80),
    ("2025-01-10 10:00", "C5", "/pricing", "pricing", "S5", 60, 80),
    ("2025-01-10 10:02", "C5", "/blog/1", "blog", "S5", 60, 80),
    ("2025-01-10 10:00", "C6", "/pricing", "pricing", "S6", 60, 80),
    ("2025-01-10 10:02", "C6", "/blog/2", "blog", "S6", 60, 80),
    ("2025-01-10 10:00", "C7", "/blog/1", "blog", "S7", 60, 80),
    ("2025-01-12 10:00", "C7", "/blog/1", "blog", "S7b", 60, 80),
    ("2025-01-10 10:00", "C8", "/blog/1", "blog", "S8", 60, 80),
    ("2025-01-10 10:02", "C8", "/blog/2", "blog", "S8", 60, 80),
    *((f"2025-01-10 11:{i:02d}", "C9", "/blog/1", "blog", "S9", 1, 10) for i in range(25)),
    ("2025-01-10 10:00", "C10", "/pricing", "pricing", "S10", 0, 0),
]
INQUIRIES = [("2025-01-13 10:00", c) for c in ("C1", "C5", "C6", "C7")]
TOUCHPOINTS = (
    "occurred_at,contact_id,type,content_id,content_type,session_id,dwell_seconds,scroll_pct\n"
    + "".join(f"{t},{c},page_view,{i},{k},{s},{d},{p}\n" for t, c, i, k, s, d, p in VIEWS)
    + "".join(f"{t},{c},inquiry,,,,,\n" for t, c in INQUIRIES)
)
INQUIRY = "type = 'inquiry'"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    ws = workspace_from_csv(tmp_path_factory.mktemp("content"), {"contacts": CONTACTS, "touchpoints": TOUCHPOINTS})
    yield ws
    ws.close()


def wilson(hits: int, n: int, z: float = 1.959963984540054) -> tuple[float, float]:
    """The Wilson score interval, from its closed form."""
    p = hits / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return centre - half, centre + half


def rows(result, key="content_type") -> dict:
    return {r[key]: r for r in result.table("items").records()}


def test_reach_and_reading_quality_leave_out_crawlers_and_zero_dwell_bounces(site):
    got = rows(content(site, outcome=INQUIRY, strata=2))
    pricing, blog = got["pricing"], got["blog"]
    # C10's lone 0-second view and C9's 25 one-second views are not reading
    assert (pricing["views"], pricing["reach"], pricing["accounts"], pricing["engaged"]) == (4, 4, 2, 4)
    assert (blog["views"], blog["reach"], blog["accounts"], blog["engaged"]) == (8, 6, 2, 6)
    assert pricing["median_dwell"] == 60 and blog["median_scroll"] == 80
    # onward: C5's and C6's pricing views were followed by a blog page; only C8's first blog view was
    assert (pricing["onward_rate"], blog["onward_rate"]) == (2 / 4, 1 / 8)
    assert blog["revisit_rate"] == 1 / 6  # C7 came back in another session
    # each rate with its counts and its 95% Wilson interval, in closed form
    assert (blog["revisitors"], pricing["onward_views"], blog["onward_views"]) == (1, 2, 1)
    assert (blog["revisit_rate_ci_low"], blog["revisit_rate_ci_high"]) == pytest.approx(wilson(1, 6))
    assert (pricing["onward_rate_ci_low"], pricing["onward_rate_ci_high"]) == pytest.approx(wilson(2, 4))
    assert (blog["onward_rate_ci_low"], blog["onward_rate_ci_high"]) == pytest.approx(wilson(1, 8))
    lo, hi = blog["engaged_low"], blog["engaged_high"]
    assert blog["engaged_rate"] == 1 and lo < 1 and hi == 1


def test_lift_is_the_mantel_haenszel_risk_ratio_within_engagement_strata(site):
    pricing = rows(content(site, outcome=INQUIRY, strata=2))["pricing"]
    # stratum 1: readers C1 (inquired), C2; others C3, C4 (neither). stratum 2: readers C5, C6
    # (both inquired); others C7 (inquired), C8. RR = (1*2/4 + 2*2/4) / (0*2/4 + 1*2/4) = 3
    assert (pricing["outcome_people"], pricing["outcomes"], pricing["outcome_rate"]) == (4, 3, 0.75)
    assert pricing["lift"] == pytest.approx(3.0)
    # Greenland-Robins: sum (n1 n0 m1 - a c N) / N^2 = 4/16 + 4/16, over R * S = 1.5 * 0.5
    se = math.sqrt(0.5 / 0.75)
    assert pricing["ci_low"] == pytest.approx(3 * math.exp(-Z * se))
    assert pricing["ci_high"] == pytest.approx(3 * math.exp(Z * se))
    # CMH: (3 - (2 * 1/4 + 2 * 3/4))^2 / (2*2*1*3 / 48 + 2*2*3*1 / 48) = 1 / 0.5 = 2
    assert pricing["p_value"] == pytest.approx(math.erfc(1.0))


def test_a_stricter_engagement_threshold_leaves_nobody_reading(site):
    got = rows(content(site, outcome=INQUIRY, dwell="90"))
    assert got["pricing"]["engaged"] == 0 and got["pricing"]["lift"] is None and got["pricing"]["outcome_people"] == 0
    relative = rows(content(site, outcome=INQUIRY, dwell="0.5x", strata=2))  # half the item's 60-second median
    assert relative["pricing"]["engaged"] == 4 and relative["pricing"]["lift"] == pytest.approx(3.0)


def test_a_period_reads_only_its_page_views(site):
    # from 11 January only C7's second blog view remains; C7 inquired on the 13th, within the period
    got = rows(content(site, outcome=INQUIRY, period="2025-01-11..2025-01-31"))
    assert list(got) == ["blog"]
    blog = got["blog"]
    assert (blog["views"], blog["reach"], blog["outcome_people"], blog["outcomes"]) == (1, 1, 1, 1)
    assert blog["lift"] is None and blog["q_value"] is None  # nobody left to compare with


def test_items_are_keyed_by_content_id_with_their_type(site):
    got = rows(content(site, by="content_id", outcome=INQUIRY, strata=2), "content_id")
    assert set(got) == {"/pricing", "/blog/1", "/blog/2"}
    assert got["/blog/2"]["content_type"] == "blog" and got["/blog/2"]["reach"] == 2


def test_mantel_haenszel_agrees_with_a_loop_over_strata():
    rng = np.random.default_rng(7)
    for _ in range(20):
        k = int(rng.integers(2, 6))
        n1, n0 = rng.integers(5, 60, k), rng.integers(5, 60, k)
        a, c = rng.binomial(n1, 0.3), rng.binomial(n0, 0.15)
        got = mantel_haenszel(a, n1, c, n0)
        r = s = v = expected = observed = variance = 0.0
        for ai, bi, ci, di in zip(a, n1 - a, c, n0 - c, strict=True):  # the 2x2 cells of each stratum
            n = ai + bi + ci + di
            r += ai * (ci + di) / n
            s += ci * (ai + bi) / n
            v += ((ai + bi) * (ci + di) * (ai + ci) - ai * ci * n) / n**2
            observed += ai
            expected += (ai + bi) * (ai + ci) / n
            variance += (ai + bi) * (ci + di) * (ai + ci) * (bi + di) / (n**2 * (n - 1))
        assert got["lift"] == pytest.approx(r / s)
        half = Z * math.sqrt(v / (r * s))
        assert (got["ci_low"], got["ci_high"]) == pytest.approx((r / s * math.exp(-half), r / s * math.exp(half)))
        assert got["p_value"] == pytest.approx(math.erfc(math.sqrt((observed - expected) ** 2 / variance / 2)))


def test_the_intent_score_shrinks_noisy_log_lifts_toward_zero():
    # tau^2 = mean(y^2 - s^2) = ((1 - 0.01) + (1 - 1)) / 2 = 0.495
    scores, tau2 = shrink_log_lifts([1.0, -1.0, None], [0.1, 1.0, None])
    assert tau2 == pytest.approx(0.495)
    assert scores[0] == pytest.approx(0.495 / 0.505) and scores[1] == pytest.approx(-0.495 / 1.495) and scores[2] is None
    assert shrink_log_lifts([0.1, -0.1], [1.0, 1.0])[0] == [0.0, 0.0]  # no spread beyond noise: no evidence


@pytest.mark.parametrize(
    ("options", "error", "words"),
    [
        ({"by": "contentid"}, UnknownNameError, "content_id"),
        ({"dwell": "long"}, ContentError, "0.5x"),
        ({"scroll": "120"}, ContentError, "0 to 100"),
        ({"within": "soon"}, ContentError, "30d"),
        ({"outcome": "type = 'inqury'"}, Exception, "inquiry"),
    ],
)
def test_bad_options_are_refused_in_words(site, options, error, words):
    with pytest.raises(error, match=words):
        content(site, **options)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    ws = open_shared_demo("small", "en")
    yield ws
    ws.close()


def test_the_demos_pricing_pages_rank_first_and_its_white_papers_do_not_move_buyers(demo):
    found = content(demo).table("items").records()
    assert found[0]["content_type"] == "pricing" and found[0]["ci_low"] > 2 and found[0]["q_value"] < 0.001
    whitepaper = next(r for r in found if r["content_type"] == "whitepaper")
    assert whitepaper["intent_score"] < 0 and whitepaper["ci_high"] < 1
    sequences = content(demo).table("sequences").records()
    assert sequences and all(r["significant"] for r in sequences[:5])
    assert any("page_view:pricing" in r["sequence"] for r in sequences[:5])


def test_the_command_prints_the_contracted_records(demo):
    result = runner.invoke(app, ["content", "-w", str(demo.root), "--by", "content_type", "--json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.output)
    for key in ("content_type", "reach", "engaged", "outcome_rate", "lift", "ci_low", "ci_high", "q_value", "intent_score"):
        assert key in records[0]
