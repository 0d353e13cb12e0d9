"""Fuzzing the loader and the model reader (issue 15): whatever the bytes, the outcome is a clean
load or a kpiflow error, and a refused load leaves the database exactly as it was.

Random bytes under every extension, CSVs written in random dialects (delimiters, quoting,
encodings, line endings) and then damaged (NULs, BOMs, stray quotes, huge fields, cut short),
and random edits of the default model file. A CSV written cleanly must also load exactly: each
text value comes back as written, whatever the dialect.
"""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kpiflow
from kpiflow.errors import KpiflowError, LoadError
from kpiflow.model.config import default_model_text, read_model_document
from kpiflow.model.semantic import check_model
from test_load import DEALS_HEADER, DEALS_ROWS, snapshot, write

# As many examples as the profile draws (tests/conftest.py: 30 in the suite, more with explore).
FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
# A load that succeeds costs ~70 ms (a refusal a few): half as many examples where every one loads.
FUZZ_LOADS = settings(FUZZ, max_examples=FUZZ.max_examples // 2)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@pytest.fixture(scope="module")
def ws(folder):
    """One workspace for the module, with deals and touchpoints already in it."""
    workspace = kpiflow.init(str(folder / "ws"), lang="en")
    workspace.load(write(folder, "deals.csv", DEALS_HEADER + DEALS_ROWS), "deals")
    workspace.load(write(folder, "t.csv", "occurred_at,contact_id,type\n2025-04-01,C1,page_view\n"), "touchpoints")
    yield workspace
    workspace.close()


def load_or_refuse(ws, path: Path, table: str, **options) -> bool:
    """Load; True if it loaded. Any exception but a LoadError fails the test, and a refusal must
    leave every table, the load journal and the columns as they were."""
    before = snapshot(ws)
    try:
        ws.load(path, table, **options)
    except LoadError as refused:
        assert str(refused).startswith(f"{path.name}: "), str(refused)
        assert snapshot(ws) == before
        return False
    return True


# --- random bytes ------------------------------------------------------------------------------

MAGIC = [b"", b"PK\x03\x04", b"PAR1", b"\xd0\xcf\x11\xe0", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE]


@FUZZ
@given(
    magic=st.sampled_from(MAGIC),
    body=st.binary(max_size=3000),
    extension=st.sampled_from([".csv", ".tsv", ".txt", ".jsonl", ".xlsx", ".parquet"]),
    lang=st.sampled_from(["en", "ja"]),
)
def test_random_bytes_load_or_are_refused(ws, folder, magic, body, extension, lang):
    path = folder / f"random{extension}"
    path.write_bytes(magic + body)
    load_or_refuse(ws, path, "deals", lang=lang)


# --- CSVs in random dialects -------------------------------------------------------------------

# Text values the loader keeps as written (no edge spaces, no null markers, nothing NFKC changes),
# chosen to collide with delimiters, quotes and line ends.
CLEAN_TEXT = ["山田", "価格, 納期", 'say "hi"', "a\nb", "x;y", "p|q", "tab\there", "", "ー", "a\r\nb", "é"]
HOSTILE = ["\x00", "\ufeff", '"', '""x', "\r", "z" * 140_000, "\udcff"]
ENCODINGS = ["utf-8", "utf-8-sig", "cp932", "euc-jp", "utf-16", "utf-16-le", "utf-16-be"]
ENDINGS = ["\n", "\r\n"]
TABLES = {
    # table: (header, a row's values but the text column's, the text column)
    "deals": (["deal_id", "created_at", "amount", "outcome", "owner"], lambda i: [f"D{i}", "2025-04-01", "1200", "won"], "owner"),
    "touchpoints": (["occurred_at", "contact_id", "type", "campaign"], lambda i: ["2025-04-01 09:00", f"C{i}", "download"], "campaign"),
}


@st.composite
def dialects(draw) -> dict:
    table = draw(st.sampled_from(sorted(TABLES)))
    header, fixed, _ = TABLES[table]
    texts = draw(st.lists(st.sampled_from(CLEAN_TEXT), min_size=1, max_size=6))
    return {
        "table": table,
        "rows": [header] + [fixed(i + 1) + [text] for i, text in enumerate(texts)],
        "texts": texts,
        "delimiter": draw(st.sampled_from([",", ";", "\t"])),
        "quoting": draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL])),
        "encoding": draw(st.sampled_from(ENCODINGS)),
        "ending": draw(st.sampled_from(ENDINGS)),
    }


def render(dialect: dict) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=dialect["delimiter"], quoting=dialect["quoting"], lineterminator=dialect["ending"])
    writer.writerows(dialect["rows"])
    return out.getvalue().encode(dialect["encoding"], errors="replace")


@FUZZ_LOADS
@given(dialect=dialects())
def test_a_clean_csv_in_any_dialect_loads_exactly(ws, folder, dialect):
    path = folder / "dialect.csv"
    path.write_bytes(render(dialect))
    table = dialect["table"]
    _, _, column = TABLES[table]
    assert load_or_refuse(ws, path, table, lang="en"), path.read_bytes()[:300]
    # An empty cell is no value; é has no CP932 or EUC-JP code, so it was written (and reads) as '?'.
    encoding = dialect["encoding"]
    expected = [t.encode(encoding, errors="replace").decode(encoding) or None for t in dialect["texts"]]
    key = "deal_id" if table == "deals" else "contact_id"
    got = ws.sql(f'SELECT "{column}" FROM {table} ORDER BY length({key}), {key}').fetchall()
    assert [value for (value,) in got] == expected


@st.composite
def damaged(draw) -> tuple[dict, bytes]:
    dialect = draw(dialects())
    data = render(dialect)
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["insert", "cut", "ending"]))
        if kind == "insert":
            piece = draw(st.sampled_from(HOSTILE)).encode("utf-8", errors="surrogateescape")
            data = data[:at] + piece + data[at:]
        elif kind == "cut":
            data = data[:at]
        else:
            data = data[:at] + draw(st.sampled_from([b"\r", b"\n", b"\r\n"])) + data[at:]
    return dialect, data


@FUZZ
@given(case=damaged(), lang=st.sampled_from(["en", "ja"]))
def test_a_damaged_csv_loads_or_is_refused(ws, folder, case, lang):
    dialect, data = case
    path = folder / "damaged.csv"
    path.write_bytes(data)
    load_or_refuse(ws, path, dialect["table"], lang=lang)


# --- the model file ------------------------------------------------------------------------------

DEFAULT_MODEL = default_model_text("en")
PIECES = [
    "\x00", "\t", "'", '"', ":", "- ", "{", "[", "]", "&a ", "*a", "? ", "#", "  ", "\ufeff", "\x85", "\u2028",
    "!!python/object/apply:os.system ['true']", "1e309", ".nan", "~", "2025-13-45", "(SELECT 1)", "= =",
    "outcome = 'won", "[*a, *a]", "{a: 1, a: 2}", "9" * 40, "ä" * 3,
]  # fmt: skip


@st.composite
def model_edits(draw) -> str:
    lines = DEFAULT_MODEL.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["delete", "repeat", "insert", "value", "indent", "cut"]))
        if kind == "delete":
            del lines[i]
        elif kind == "repeat":
            lines.insert(i, lines[draw(st.integers(0, len(lines) - 1))])
        elif kind == "insert":
            at = draw(st.integers(0, len(lines[i])))
            piece = draw(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)))
            lines[i] = lines[i][:at] + piece + lines[i][at:]
        elif kind == "value" and ":" in lines[i]:
            key = lines[i].split(":", 1)[0]
            lines[i] = f"{key}: {draw(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)))}\n"
        elif kind == "indent":
            lines[i] = draw(st.sampled_from(["  ", "    ", "\t"])) + lines[i]
        else:
            lines = lines[:i]
    return "".join(lines)


def read_and_check(path: Path) -> None:
    """What opening a workspace does with its model file: read, validate, check every metric."""
    try:
        model, doc = read_model_document(path)
        check_model(model, doc)
    except KpiflowError:
        pass


@FUZZ
@given(text=model_edits())
def test_random_edits_of_the_model_are_read_or_refused(folder, text):
    path = folder / "kpiflow.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogateescape")
    read_and_check(path)


@FUZZ
@given(data=st.binary(max_size=2000), keep=st.integers(0, len(DEFAULT_MODEL.encode())))
def test_random_bytes_as_the_model_are_read_or_refused(folder, data, keep):
    path = folder / "kpiflow.yaml"
    path.write_bytes(DEFAULT_MODEL.encode()[:keep] + data)
    read_and_check(path)
