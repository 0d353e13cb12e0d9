"""Targets at any grain (issue 23): what kpiflow.yaml's `targets:` and `phasing:` say a metric
should reach in each month.

A target is keyed by a period (FY2026, FY2026H1, FY2026Q1, 2026-04) and, optionally, a segment
written after it (``FY2026 channel=exhibition``); its values are per metric::

    targets:
      FY2026: {revenue: 1800000000, leads: 4000, win_rate: 0.33}
      FY2026Q1: {leads: 900}
      2026-04: {sqls: 60}
      FY2026 channel=exhibition: {leads: 1500}
    phasing: {revenue: last_year, leads: even, sqls: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2]}

Amounts (counts and sums) are split down the grains: a month's target is the finest target that
covers it; a target of a longer period goes to its parts that have none of their own, after
taking off the parts that do, in proportion to the metric's profile (`phasing:` per metric, or
one profile for all): `even` (each month alike), `last_year` (the shape of the same months a year
before) or twelve weights from the fiscal year's first month. A level (a ratio or a formula: a
rate, an average) is not split: a month's target is the level of the finest target covering it.

Pure functions of the model and numbers: no I/O (last year's shape is handed in).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import yaml

from kpiflow.errors import KpiflowError, did_you_mean
from kpiflow.messages import say
from kpiflow.model.periods import Period, PeriodError, parse_period

if TYPE_CHECKING:
    from kpiflow.model.config import ModelFile

PROFILES = ("even", "last_year")
ADDITIVE = ("count", "count_distinct", "sum")  # metric kinds whose months add up to the year
_SEGMENT = re.compile(r"^\s*(?P<period>[^=\s]+)(?:\s+(?P<dimension>[A-Za-z_][A-Za-z0-9_]*)\s*=\s*(?P<value>.+?))?\s*$")


class TargetError(KpiflowError, ValueError):
    """Targets that cannot be phased as written."""


@dataclass(frozen=True)
class TargetKey:
    """One key of `targets:`: a period and, optionally, a segment (a dimension and its value)."""

    period: Period
    dimension: str | None = None
    value: str | None = None

    @property
    def segment(self) -> tuple[str, str] | None:
        return (self.dimension, self.value) if self.dimension and self.value is not None else None


def parse_key(text: str, fiscal_year_start: int = 4) -> TargetKey:
    """`FY2026`, `FY2026Q1`, `2026-04` or `FY2026 channel=exhibition`; a TargetError that says how to write one."""
    found = _SEGMENT.match(str(text))
    if found is None:
        raise TargetError.worded(lambda lang: say("target.bad_key", lang, text=text))
    try:
        period = parse_period(found["period"], fiscal_year_start)
    except PeriodError as error:
        raise TargetError.worded(lambda lang, error=error: say("target.key_reason", lang, text=text, reason=error.message(lang))) from None
    if period.kind not in ("fy", "half", "quarter", "month"):
        raise TargetError.worded(lambda lang: say("target.key_kind", lang, text=text, period=period.label(lang)))
    return TargetKey(period, found["dimension"], found["value"])


def check_profile(profile: object) -> str | tuple[float, ...]:
    """A phasing profile as written: even, last_year, or twelve non-negative weights that do not all vanish."""
    if isinstance(profile, str):
        if profile not in PROFILES:
            from kpiflow.errors import suggest  # noqa: PLC0415  (only for the message)

            hint = suggest(profile, PROFILES)
            raise TargetError.worded(
                lambda lang: say(
                    "target.unknown_profile",
                    lang,
                    profile=profile,
                    hint=did_you_mean(hint, lang) if hint else say("target.profiles", lang, profiles=", ".join(PROFILES)),
                )
            )
        return profile
    if isinstance(profile, (list, tuple)):
        weights = tuple(float(w) for w in profile)
        if len(weights) != 12 or any(w < 0 or not math.isfinite(w) for w in weights) or sum(weights) <= 0:
            raise TargetError.worded(lambda lang: say("target.bad_weights", lang, weights=list(profile)))
        return weights
    raise TargetError.worded(lambda lang: say("target.profile_kind", lang, profile=repr(profile)))


def profile_of(model: ModelFile, metric: str) -> str | tuple[float, ...]:
    """The metric's declared profile (`phasing:` per metric, else the one for all, else even)."""
    phasing = model.phasing
    if isinstance(phasing, Mapping):
        return phasing.get(metric, phasing.get("*", "even"))
    return phasing


def months_of(period: Period) -> list[Period]:
    """The calendar months of a regular period, in order."""
    fys = period.fiscal_year_start
    months, day = [], period.start
    while day < period.end:
        months.append(Period.month(day.year, day.month, fys))
        day = months[-1].end
    return months


def weights_of(profile: str | tuple[float, ...], months: Sequence[Period], last_year: Mapping[str, float] | None) -> list[float]:
    """Each month's weight under the profile: 1 (even); last year's value of the same month
    (`last_year`: month label -> value; even when last year has nothing); the declared weight."""
    if profile == "even":
        return [1.0] * len(months)
    if profile == "last_year":
        shape = [max(float((last_year or {}).get(m.same_period_last_year().label("en")) or 0.0), 0.0) for m in months]
        return shape if sum(shape) > 0 else [1.0] * len(months)
    return [profile[(m.start.month - m.fiscal_year_start) % 12] for m in months]  # type: ignore[index]


def explicit_targets(model: ModelFile, metric: str, segment: tuple[str, str] | None = None) -> dict[Period, float]:
    """The targets kpiflow.yaml writes for the metric (and segment), by period."""
    out: dict[Period, float] = {}
    for text, values in model.targets.items():
        if metric not in values:
            continue
        key = parse_key(text, model.fiscal_year_start)
        if key.segment == segment:
            out[key.period] = float(values[metric])
    return out


def is_additive(model: ModelFile, metric: str) -> bool:
    """Whether a metric's months add up to its year (a count or a sum), so a target is split among them."""
    return model.metrics[metric].kind in ADDITIVE


def monthly_targets(
    model: ModelFile,
    metric: str,
    year: Period,
    *,
    segment: tuple[str, str] | None = None,
    last_year: Mapping[str, float] | None = None,
) -> dict[str, float | None]:
    """Each month of fiscal year `year` (label -> target, None where no target covers it)."""
    explicit = explicit_targets(model, metric, segment)
    months = months_of(year)
    out: dict[str, float | None] = {m.label("en"): None for m in months}
    if not is_additive(model, metric):
        for month in months:
            covering = [p for p in explicit if p.start <= month.start and month.end <= p.end]
            if covering:
                out[month.label("en")] = explicit[min(covering, key=lambda p: p.days)]
        return out
    weights = dict(zip((m.label("en") for m in months), weights_of(profile_of(model, metric), months, last_year), strict=True))

    def inside(part: Period, whole: Period) -> bool:
        return whole.start <= part.start and part.end <= whole.end and part != whole

    def split(period: Period, amount: float) -> None:
        # the largest periods with targets of their own inside this one keep them; its other months share the rest
        fixed = [p for p in explicit if inside(p, period) and not any(inside(p, q) and inside(q, period) for q in explicit)]
        free = [m for m in months_of(period) if not any(inside(m, p) or m == p for p in fixed)]
        left = amount - sum(explicit[p] for p in fixed)
        if free and left < -1e-9 * max(abs(amount), 1.0):
            raise TargetError(
                f"targets for {metric}: the parts of {period.label('en')} with targets of their own "
                f"({', '.join(p.label('en') for p in fixed)}) add up to {sum(explicit[p] for p in fixed):g}, more than its {amount:g}"
            )
        whole = sum(weights[m.label("en")] for m in free)
        for month in free:
            out[month.label("en")] = left * (weights[month.label("en")] / whole if whole else 1.0 / len(free))
        for part in fixed:
            split(part, explicit[part])

    tops = [p for p in explicit if not any(inside(p, q) for q in explicit)]
    for top in tops:
        if top.start < year.end and year.start < top.end:
            split(top, explicit[top])
    return out


def target_of(
    model: ModelFile,
    metric: str,
    period: Period,
    *,
    segment: tuple[str, str] | None = None,
    last_year: Mapping[str, float] | None = None,
) -> float | None:
    """The target of a metric over a regular period (or a run of months): an amount adds its months'
    targets (None if a month has none); a level is the finest target covering the whole period."""
    if not is_additive(model, metric):
        covering = [p for p in explicit_targets(model, metric, segment) if p.start <= period.start and period.end <= p.end]
        return explicit_targets(model, metric, segment)[min(covering, key=lambda p: p.days)] if covering else None
    total = 0.0
    year = None
    for month in months_of(period):
        fy = Period.fy(month.fiscal_year, month.fiscal_year_start)
        if fy != year:
            year, months = fy, monthly_targets(model, metric, fy, segment=segment, last_year=last_year)
        value = months[month.label("en")]
        if value is None:
            return None
        total += value
    return total


def largest_remainder(total: int, weights: Sequence[float]) -> list[int]:
    """Whole numbers in proportion to `weights` that add up to `total` exactly (Hamilton's method:
    each part's floor, then one more to the largest remainders, earlier parts first on a tie)."""
    whole = sum(weights)
    if not weights:
        return []
    exact = [total * w / whole if whole else total / len(weights) for w in weights]
    parts = [math.floor(x) for x in exact]
    short = total - sum(parts)
    for i in sorted(range(len(exact)), key=lambda i: (-(exact[i] - parts[i]), i))[:short]:
        parts[i] += 1
    return parts


_TOP_KEY = re.compile(r"^targets:[ \t]*(?P<flow>\{.*?\})?[ \t]*(?P<comment>#.*)?$", re.MULTILINE)
_KEY_LINE = re.compile(r"^\s+(?P<key>[^:#]+?):\s*(?P<flow>\{.*\})\s*(?P<comment>#.*)?$")


def save_targets(text: str, new: Mapping[str, Mapping[str, float]]) -> str:
    """kpiflow.yaml's text with `new` targets (key -> metric -> value) set under `targets:`, every
    other line and comment kept as it was: a key already there gets the new values merged into
    its line (a value it already had for the metric is replaced); a new key is a new line at the
    end of the block. A flow mapping on the `targets:` line itself is rewritten as a block."""

    def line(key: str, values: Mapping[str, float], comment: str | None = None) -> str:
        body = ", ".join(f"{metric}: {_number(value)}" for metric, value in values.items())
        return f"  {key}: {{{body}}}" + (f"  {comment}" if comment else "")

    found = _TOP_KEY.search(text)
    if found is None:
        block = "targets:\n" + "".join(line(k, v) + "\n" for k, v in new.items())
        return text + ("\n" if text and not text.endswith("\n") else "") + block
    after = text[found.end() :].removeprefix("\n").splitlines(keepends=True)
    # the block under targets: is its indented lines (blank lines inside it included)
    size = 0
    while size < len(after) and (after[size].startswith((" ", "\t")) or (not after[size].strip() and after[size + 1 :][:1] and after[size + 1].startswith((" ", "\t")))):
        size += 1
    out: list[str] = []
    done: set[str] = set()
    for old in (part.rstrip("\n") for part in after[:size]):
        match = _KEY_LINE.match(old)
        key = match["key"].strip().strip("'\"") if match else None
        if key in new:
            out.append(line(key, dict(yaml.safe_load(match["flow"]) or {}) | dict(new[key]), match["comment"]))
            done.add(key)
        else:
            out.append(old)
    for key, values in (yaml.safe_load(found["flow"]) or {}).items() if found["flow"] else ():
        out.append(line(str(key), dict(values) | dict(new.get(str(key), {}))))
        done.add(str(key))
    out += [line(key, values) for key, values in new.items() if key not in done]
    head = "targets:" + (f"  {found['comment']}" if found["comment"] else "")
    return text[: found.start()] + head + "\n" + "".join(o + "\n" for o in out) + "".join(after[size:])


def _number(value: float) -> str:
    """A target as YAML: a whole number without its .0."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))
