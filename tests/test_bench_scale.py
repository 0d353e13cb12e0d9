"""bench/scale.py cannot rot: its generator and its equality checks run here at a tiny size
(20k events by 1k people, DuckDB only). The bench itself times them at 20M-100M events."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import scale  # noqa: E402  (bench/scale.py)

import kpiflow  # noqa: E402

EVENTS, PEOPLE = 20_000, 1_000


@pytest.fixture(scope="module")
def scale_workspace(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("scale") / "ws"
    scale.generate(root, EVENTS, PEOPLE, seed=17, memory_limit="1GB")
    return root


def test_the_generator_writes_a_workspace_of_the_sizes_asked(scale_workspace):
    with kpiflow.open(str(scale_workspace), read_only=True) as ws:
        rows = ws.table_rows()
        assert (rows["touchpoints"], rows["contacts"], rows["accounts"]) == (EVENTS, PEOPLE, PEOPLE // 5)
        # Every touchpoint belongs to a contact of the table, at that contact's account.
        orphans = ws.con.execute(
            "SELECT count(*) FROM touchpoints t LEFT JOIN contacts c USING (contact_id) "
            "WHERE c.contact_id IS NULL OR c.account_id <> t.account_id"
        ).fetchone()[0]
        assert orphans == 0
        # The model breaks metrics down by the bench's dimensions.
        assert {"channel", "industry"} <= set(ws.model.dimensions)


def test_the_same_seed_gives_the_same_data_and_another_seed_other_data(scale_workspace, tmp_path):
    def fingerprint(root: Path) -> tuple:
        with kpiflow.open(str(root), read_only=True) as ws:
            return ws.con.execute(
                "SELECT sum(hash(occurred_at, contact_id, type, channel, content_type)) FROM touchpoints"
            ).fetchone() + ws.con.execute("SELECT sum(hash(deal_id, amount, outcome, closed_at)) FROM deals").fetchone()

    scale.generate(tmp_path / "again", EVENTS, PEOPLE, seed=17, memory_limit="1GB")
    scale.generate(tmp_path / "other", EVENTS, PEOPLE, seed=18, memory_limit="1GB")
    assert fingerprint(tmp_path / "again") == fingerprint(scale_workspace)
    assert fingerprint(tmp_path / "other") != fingerprint(scale_workspace)


def test_every_analysis_gives_the_hand_sqls_numbers(scale_workspace):
    assert scale.problems_of(scale_workspace) == {name: [] for name in scale.ANALYSES}


def test_the_compared_numbers_are_not_empty(scale_workspace):
    # Equality of two empty answers would prove nothing: each hand query finds something to count.
    with kpiflow.open(str(scale_workspace), read_only=True) as ws:
        a = scale.ANALYSES
        assert all(n > 0 for n in a["funnel"].hand(ws))
        metrics = a["metrics"].hand(ws)
        assert metrics["deals"] and metrics["touch"] and sum(r[3] or 0 for r in metrics["deals"]) > 0
        assert any(r[0] is not None for r in a["patterns"].hand(ws))  # some step passes min_support
        assert any(key[1] is not None for key in a["explain"].hand(ws))  # some segment


def test_the_spark_funnel_query_counts_what_the_asof_query_counts(scale_workspace):
    # Spark has no ASOF join; its hand query uses windows instead. Both run on DuckDB here.
    with kpiflow.open(str(scale_workspace), read_only=True) as ws:
        assert list(ws.con.execute(scale.SPARK_FUNNEL_SQL).fetchone()) == scale.hand_funnel(ws)


@pytest.mark.parametrize(("text", "expected"), [("20M", 20_000_000), ("1m", 1_000_000), ("50k", 50_000), ("1.5M", 1_500_000), ("20_000", 20_000)])
def test_sizes_are_read_with_their_suffix(text, expected):
    assert scale.count(text) == expected


@pytest.mark.parametrize(("limit", "jvm"), [("8GB", "8g"), ("512MB", "512m"), ("8GiB", "8g")])
def test_the_memory_limit_becomes_the_spark_driver_memory(limit, jvm):
    assert scale.spark_memory(limit) == jvm
