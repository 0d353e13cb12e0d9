"""Trade shows: hourly passers-by per exhibit and the badge scans that become contacts.

Badge scans are spread over the exhibit-hours in proportion to the counted passers-by, so
stop rates (visits / passers-by) are similar across exhibits and hours, as on a real floor.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from kpiflow.demo.calendar import DAY, HOUR, START
from kpiflow.demo.catalog import EXHIBITION_HOURS, EXHIBITIONS

# (exhibition_id, exhibit_id, kind) for every exhibit; an exhibit code is an index here.
EXHIBITS: tuple[tuple[str, str, str], ...] = tuple(
    (ex.exhibition_id, f"{ex.exhibition_id}-{x.suffix}", x.kind) for ex in EXHIBITIONS for x in ex.exhibits
)
_FIRST_EXHIBIT = np.cumsum([0] + [len(ex.exhibits) for ex in EXHIBITIONS])

DAY_FACTOR = np.array([0.85, 1.0, 1.25])  # the last day (usually a Friday) is the busiest
HOUR_FACTOR = np.array([0.7, 1.1, 0.9, 1.0, 1.15, 1.05, 0.75])  # 10:00 .. 16:00
SCANS_PER_PASSERBY = 0.06


def first_day(e: int) -> int:
    return int((np.datetime64(EXHIBITIONS[e].start, "D") - START).astype("int64"))


@dataclass
class Scans:
    """One row per badge scan (= one exhibition contact), in exhibition order."""

    exhibition: np.ndarray  # index into EXHIBITIONS
    t: np.ndarray  # scan time (seconds since START)
    exhibit: np.ndarray  # index into EXHIBITS
    demo: np.ndarray  # tried a hands-on demo
    demo_exhibit: np.ndarray
    demo_t: np.ndarray
    visit2_exhibit: np.ndarray  # a second exhibit visited before the scan, or -1
    visit2_t: np.ndarray


@dataclass
class BoothTraffic:
    exhibit: np.ndarray
    hour: np.ndarray  # seconds since START at the start of the hour
    passersby: np.ndarray


def simulate(rng: np.random.Generator, scans_per_exhibition: np.ndarray) -> tuple[Scans, BoothTraffic]:
    parts: list[dict[str, np.ndarray]] = []
    traffic: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    hours = np.asarray(EXHIBITION_HOURS)
    for e, ex in enumerate(EXHIBITIONS):
        k = int(scans_per_exhibition[e])
        n_x = len(ex.exhibits)
        profile = (
            np.array([x.traffic for x in ex.exhibits])[:, None, None] * DAY_FACTOR[None, :, None] * HOUR_FACTOR[None, None, :]
        )
        expected = max(k, 20) / SCANS_PER_PASSERBY * profile / profile.sum()
        passersby = np.maximum(np.round(expected * rng.lognormal(0.0, 0.12, profile.shape)), 1).astype(np.int64)
        xi, di, hi = np.unravel_index(np.arange(profile.size), profile.shape)
        day0 = first_day(e)
        traffic.append((_FIRST_EXHIBIT[e] + xi, (day0 + di) * DAY + hours[hi] * HOUR, passersby.ravel()))

        cell = rng.choice(profile.size, k, p=passersby.ravel() / passersby.sum())
        x, d, h = np.unravel_index(cell, profile.shape)
        opening = (day0 + d) * DAY + 10 * HOUR
        t = (day0 + d) * DAY + hours[h] * HOUR + (rng.random(k) * HOUR).astype(np.int64)
        demo = rng.random(k) < ex.p_demo
        stations = np.array([i for i, s in enumerate(ex.exhibits) if s.kind == "demo"])
        demo_x = stations[rng.integers(0, stations.size, k)]
        demo_t = np.maximum(t - (rng.uniform(5, 25, k) * 60).astype(np.int64), opening)
        other = (x + 1 + rng.integers(0, n_x - 1, k)) % n_x
        has2 = rng.random(k) < 0.35
        visit2_t = np.maximum(t - (rng.uniform(10, 40, k) * 60).astype(np.int64), opening)
        parts.append(
            {
                "exhibition": np.full(k, e, dtype=np.int8),
                "t": t,
                "exhibit": _FIRST_EXHIBIT[e] + x,
                "demo": demo,
                "demo_exhibit": np.where(demo, _FIRST_EXHIBIT[e] + demo_x, -1),
                "demo_t": demo_t,
                "visit2_exhibit": np.where(has2, _FIRST_EXHIBIT[e] + other, -1),
                "visit2_t": visit2_t,
            }
        )
    scans = Scans(**{name: np.concatenate([p[name] for p in parts]) for name in parts[0]})
    booth = BoothTraffic(*(np.concatenate(c) for c in zip(*traffic, strict=True)))
    return scans, booth
