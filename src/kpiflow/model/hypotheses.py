"""The hypotheses register: hypotheses.yaml beside kpiflow.yaml (kept in git), and the history of
their checks, hypotheses.history.jsonl beside it (one JSON object per line, appended).

Reading never writes. `add` appends an entry to the file's text (its comments and order stay as
written) and `append_history` appends lines; both write a temporary file and move it into place,
so a crash leaves the old file whole.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml

from kpiflow.errors import ModelError
from kpiflow.messages import say

FILE = "hypotheses.yaml"
HISTORY = "hypotheses.history.jsonl"
EXPECT = ("up", "down")
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


DEMO_REGISTER = """# 仮説の台帳 / the hypotheses register: KPI targets as hypotheses, checked by `kpiflow hypotheses check`.
# 判定は事前に決めた基準で（alpha 既定 0.05）/ verdicts by a rule fixed in advance (docs/trust.md).
hypotheses:
  - id: exhibition-win-rate
    statement: 展示会経由の商談は下期に受注率が上がる
    metric: win_rate
    segment: "channel = 'exhibition'"
    expect: up
    min_change: 0.05
    baseline: FY2025Q2
    test: FY2025Q3
    owner: marketing
  - id: exhibition-vs-web
    statement: 展示会の受注率の伸びはWebフォーム経由を上回る
    metric: win_rate
    segment: "channel = 'exhibition'"
    control: "channel = 'web_form'"
    expect: up
    min_change: 0.05
    baseline: FY2025Q2
    test: FY2025Q3
    owner: marketing
  - id: leads-up
    statement: 今年度はリード数が前年より1割増える
    metric: leads
    expect: up
    min_change: 10%
    baseline: FY2024
    test: FY2025
    owner: marketing
"""
"""The register a demo workspace starts with: the example of issue 22 (the demo plants a rise of the
exhibition win rate in FY2025 Q3, docs/demo.md effect 1), a difference in differences and a count."""


class HypothesisError(ModelError):
    """A hypothesis the register cannot hold: a missing field, an unknown direction, a bad size."""


@dataclass(frozen=True)
class Hypothesis:
    id: str
    statement: str
    metric: str
    expect: str
    min_change: str  # 0.05 (absolute) or 10% (relative to the baseline value)
    baseline: str
    test: str
    segment: str | None = None
    control: str | None = None
    owner: str | None = None
    alpha: float = 0.05

    def threshold(self, baseline_value: float | None) -> float:
        """The smallest change that counts, in the metric's units."""
        text = str(self.min_change).strip()
        if text.endswith("%"):
            return abs(float(text[:-1]) / 100 * (baseline_value or 0.0))
        return abs(float(text))


def _checked(entry: Mapping[str, Any], where: str, lang: str) -> Hypothesis:
    missing = [k for k in ("id", "statement", "metric", "expect", "min_change", "baseline", "test") if entry.get(k) in (None, "")]
    if missing:
        raise HypothesisError(say("hypotheses.missing", lang, where=where, fields=", ".join(missing)))
    if not _ID.match(str(entry["id"])):
        raise HypothesisError(say("hypotheses.bad_id", lang, where=where, value=entry["id"]))
    if entry["expect"] not in EXPECT:
        raise HypothesisError(say("hypotheses.bad_expect", lang, where=where, value=entry["expect"]))
    size = str(entry["min_change"]).strip()
    try:
        float(size[:-1] if size.endswith("%") else size)
    except ValueError:
        raise HypothesisError(say("hypotheses.bad_min_change", lang, where=where, value=entry["min_change"])) from None
    alpha = entry.get("alpha", 0.05)
    if not isinstance(alpha, (int, float)) or not 0 < alpha < 1:
        raise HypothesisError(say("hypotheses.bad_alpha", lang, where=where, value=alpha))
    known = {f for f in Hypothesis.__dataclass_fields__}
    return Hypothesis(**{k: (str(v) if k in ("baseline", "test", "min_change") else v) for k, v in entry.items() if k in known})


def read(root: str | Path, lang: str = "en") -> list[Hypothesis]:
    """The hypotheses of the workspace at `root` (none when the file does not exist)."""
    path = Path(root) / FILE
    if not path.exists():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig")) or {}
    except yaml.YAMLError as e:
        raise HypothesisError(say("hypotheses.bad_yaml", lang, path=path, detail=str(e).splitlines()[0])) from None
    entries = data.get("hypotheses") if isinstance(data, dict) else None
    if entries is None:
        entries = []
    if not isinstance(entries, list):
        raise HypothesisError(say("hypotheses.bad_yaml", lang, path=path, detail="hypotheses: expected a list"))
    out = [_checked(e if isinstance(e, dict) else {}, f"{FILE} #{i + 1}", lang) for i, e in enumerate(entries)]
    ids = [h.id for h in out]
    for h in out:
        if ids.count(h.id) > 1:
            raise HypothesisError(say("hypotheses.duplicate", lang, id=h.id))
    return out


def _replace(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def add(root: str | Path, entry: Mapping[str, Any], lang: str = "en") -> Hypothesis:
    """Append a hypothesis to hypotheses.yaml (created when absent), after checking it and its id."""
    hypothesis = _checked({k: v for k, v in entry.items() if v is not None}, "--", lang)
    existing = read(root, lang)
    if any(h.id == hypothesis.id for h in existing):
        raise HypothesisError(say("hypotheses.duplicate", lang, id=hypothesis.id))
    path = Path(root) / FILE
    text = path.read_text(encoding="utf-8-sig") if path.exists() else "# 仮説の台帳 / the hypotheses register (kpiflow hypotheses check)\nhypotheses:\n"
    if not re.search(r"^hypotheses:", text, re.M):
        text = text.rstrip("\n") + "\nhypotheses:\n"
    text = re.sub(r"^hypotheses:\s*\[\]\s*$", "hypotheses:", text, flags=re.M)
    fields = {k: v for k, v in asdict(hypothesis).items() if v is not None and not (k == "alpha" and v == 0.05)}
    lines = []
    for i, (key, value) in enumerate(fields.items()):
        dumped = yaml.safe_dump({key: value}, allow_unicode=True, default_flow_style=False, width=1000).strip()
        lines.append(("  - " if i == 0 else "    ") + dumped)
    _replace(path, text.rstrip("\n") + "\n" + "\n".join(lines) + "\n")
    return hypothesis


def history(root: str | Path) -> list[dict[str, Any]]:
    """Every check recorded, oldest first."""
    path = Path(root) / HISTORY
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def append_history(root: str | Path, records: Sequence[Mapping[str, Any]]) -> Path:
    path = Path(root) / HISTORY
    before = path.read_text(encoding="utf-8") if path.exists() else ""
    added = "".join(json.dumps(dict(r), ensure_ascii=False, sort_keys=True) + "\n" for r in records)
    _replace(path, before + added)
    return path
