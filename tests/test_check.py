"""`kpiflow check` on tiny hand-made tables, with every expected count worked out by hand."""

from __future__ import annotations

import datetime as dt

import pytest

import kpiflow


def write(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def small(ws, tmp_path):
    ws.load(write(tmp_path, "a.csv", "account_id,name,industry\nA1,テスト精機,machinery\nA2,サンプル工業,food\n"), "accounts")
    ws.load(
        write(
            tmp_path,
            "c.csv",
            "contact_id,account_id,created_at,channel\nC1,A1,2025-04-01,exhibition\nC2,A9,2025-04-02,ads\nC3,,2025-04-03,web_form\n",
        ),
        "contacts",
    )
    # 40 deals owned by 'bulk' whose stage entries all land on the last day of a month, and 40
    # owned by 'steady' entered mid-month: only 'bulk' is a month-end burst.
    deals = ["deal_id,account_id,contact_id,created_at,amount,outcome,closed_at,owner"]
    history = ["entity,entity_id,stage,entered_at"]
    for i in range(40):
        month = 1 + i % 12
        last = (dt.date(2025, month, 28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        deals.append(f"B{i},A1,C1,2025-{month:02d}-01,100,open,,bulk")
        history.append(f"deal,B{i},valid,{last} 18:00")
        deals.append(f"S{i},A2,,2025-{month:02d}-01,100,open,,steady")
        history.append(f"deal,S{i},valid,2025-{month:02d}-14 10:00")
    deals.append("X1,A1,C7,2025-05-01,100,won,2025-04-01,steady")  # orphan contact; closed before created
    history += ["contact,C1,lead,2025-04-01", "contact,C1,mql,2025-03-30", "contact,C8,lead,2025-04-01"]
    ws.load(write(tmp_path, "d.csv", "\n".join(deals) + "\n"), "deals")
    ws.load(write(tmp_path, "h.csv", "\n".join(history) + "\n"), "stage_history")
    return ws


def by_kind(result):
    return {(f.table, f.kind, f.column): f.count for f in result.findings}


def test_summary_counts_and_ranges(small):
    result = small.check()
    tables = {t.table: t for t in result.tables}
    assert tables["accounts"].rows == 2
    assert tables["contacts"].rows == 3
    assert (tables["contacts"].first, tables["contacts"].last) == ("2025-04-01 00:00:00", "2025-04-03 00:00:00")
    assert tables["deals"].rows == 81
    assert tables["stage_history"].rows == 83
    assert tables["deals"].key == ["deal_id"]
    assert tables["touchpoints"].rows == 0


def test_violations_and_warnings(small):
    result = small.check()
    assert not result.ok
    found = by_kind(result)
    # Orphans: contact C2 -> A9; deal X1 -> C7; history C8 is no contact. C3 has no account (not an orphan).
    assert found[("contacts", "orphan", "account_id")] == 1
    assert found[("deals", "orphan", "contact_id")] == 1
    assert found[("stage_history", "orphan", "entity_id")] == 1
    assert ("deals", "orphan", "account_id") not in found
    # Warnings: X1 closed before created; C1 entered mql before lead; the 'bulk' owner's burst.
    assert found[("deals", "closed_before_created", "closed_at")] == 1
    assert found[("stage_history", "stage_order", "entered_at")] == 1
    bursts = [f for f in result.warnings if f.kind == "month_end_burst"]
    assert [(f.count, f.detail) for f in bursts] == [(40, "bulk: 100%")]
    assert bursts[0].describe("ja").startswith("商談ステージ更新が月末2日間に集中")
    assert {f.severity for f in result.violations} == {"violation"}
    assert len(result.violations) == 3


def test_model_change_makes_loaded_stages_invalid(small):
    path = small.root / "kpiflow.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("contact: [lead, mql, sql", "contact: [lead, marketing_qualified, sql"),
        encoding="utf-8",
    )
    result = kpiflow.open(str(small.root)).check()
    assert by_kind(result)[("stage_history", "not_allowed", "stage")] == 1
    assert any(f.detail == "contact: mql" for f in result.violations)


def test_clean_workspace_passes(ws):
    result = ws.check()
    assert result.ok and result.findings == []
    assert result.to_json_data()["ok"] is True


def test_an_empty_table_has_no_empty_required_cells(ws):
    # Zero rows have zero empty cells, not an unknown count (as on every engine).
    tables = {t.table: t for t in ws.check().tables}
    assert tables["deals"].rows == 0
    assert tables["deals"].required_nulls == {"deal_id": 0, "created_at": 0, "outcome": 0}


def test_values_outside_the_vocabulary_are_listed_in_sorted_order(ws, tmp_path):
    # Touchpoint types are an open vocabulary: unknown ones are loaded and warned about, listed
    # once each in sorted order whatever the order of the rows (so every engine words it alike).
    rows = ["anonymous_id,occurred_at,type", "v1,2025-04-01 10:00,zoom_call", "v1,2025-04-01 11:00,web_quiz", "v2,2025-04-02 09:00,zoom_call", "v3,2025-04-02 10:00,ad_click"]
    ws.load(write(tmp_path, "t.csv", "\n".join(rows) + "\n"), "touchpoints")
    unknown = [f for f in ws.check().warnings if f.kind == "unknown_value"]
    assert [(f.table, f.column, f.count, f.detail) for f in unknown] == [("touchpoints", "type", 4, "ad_click, web_quiz, zoom_call")]
