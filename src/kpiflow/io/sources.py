"""Reading a user's file into the engine: format and encoding detection, transcoding, XLSX.

The result is a `Source`: a relation the engine can scan (a `read_csv`/`read_parquet`/
`read_json` call or a registered XLSX table), its column names as the file spells them, and
how to turn a row number back into the line the user sees in their editor or spreadsheet.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
from sqlglot import exp

from kpiflow.errors import suggest
from kpiflow.io import scan
from kpiflow.io.problems import Problem, SourceRefused

FORMATS = ("csv", "tsv", "xlsx", "parquet", "jsonl")
_EXTENSIONS = {
    ".csv": "csv",
    ".txt": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
}
_ENCODING_ALIASES = {
    "sjis": "cp932",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "s-jis": "cp932",
    "ms932": "cp932",
    "windows-31j": "cp932",
    "cp932": "cp932",
    "utf8": "utf-8",
    "utf-8": "utf-8",
    "utf-8-sig": "utf-8",
    "utf_8": "utf-8",
    "utf16": "utf-16",
    "utf-16": "utf-16",
    "utf-16le": "utf-16-le",
    "utf-16be": "utf-16-be",
    "euc-jp": "euc-jp",
    "eucjp": "euc-jp",
    "latin-1": "latin-1",
    "iso-8859-1": "latin-1",
}
_SAMPLE = 1 << 16
_CHUNK = 1 << 22


@dataclass
class Source:
    path: Path
    format: str
    relation: exp.Expression
    columns: list[str]
    encoding: str = "-"
    # The user-visible line (or spreadsheet row) of data row 1.
    first_line: int = 2
    # For CSV/TSV: the UTF-8 file DuckDB reads (the original or a transcoded copy), its delimiter
    # and the line its header starts on.
    text: Path | None = None
    delimiter: str = ","
    header_line: int = 1
    # Rows the reader itself rejected (ragged rows, bad bytes), as problems with lines.
    problems: list[Problem] = field(default_factory=list)
    cleanup: list[Path] = field(default_factory=list)
    temp_tables: list[str] = field(default_factory=list)

    def close(self, con: duckdb.DuckDBPyConnection) -> None:
        for name in self.temp_tables:
            con.execute(exp.Drop(tables=[exp.to_table(name)], kind="TABLE", exists=True).sql("duckdb"))
        for path in self.cleanup:
            path.unlink(missing_ok=True)


def normalise_header(name: str) -> str:
    return unicodedata.normalize("NFKC", name).strip().strip("\ufeff").strip()


def sniff_format(path: Path, declared: str | None = None) -> str:
    """The format the bytes say, checked against the extension (or `declared`)."""
    expected = declared or _EXTENSIONS.get(path.suffix.lower())
    with path.open("rb") as f:
        head = f.read(8)
    if head.startswith(b"PK\x03\x04"):
        found = "xlsx"
    elif head.startswith(b"PAR1"):
        found = "parquet"
    elif head.startswith(b"\xd0\xcf\x11\xe0"):
        found = "xls"
    else:
        found = "text"
    if expected is None:
        if found == "text":
            return "csv"
        if found == "xls":
            raise SourceRefused([Problem("problem.not_format", values={"expected": "XLSX", "found": "found.xls"})])
        return found
    text_formats = ("csv", "tsv", "jsonl")
    ok = (expected in text_formats and found == "text") or expected == found
    if not ok:
        shown = {"text": "found.text", "xlsx": "found.zip", "parquet": "found.parquet", "xls": "found.xls"}[found]
        raise SourceRefused([Problem("problem.not_format", values={"expected": expected.upper(), "found": shown})])
    return expected


def detect_encoding(path: Path, override: str | None = None) -> str:
    """Python codec name for a text file: BOMs first, then UTF-8, then charset-normalizer."""
    if override:
        return _codec(override)
    with path.open("rb") as f:
        sample = f.read(_SAMPLE)
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in sample:
        found = _utf16_without_bom(sample)
        if found is None:
            raise SourceRefused([Problem("problem.binary")])
        return found
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=len(sample) < _SAMPLE)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    # Japanese-first: most non-UTF-8 files our users have are CP932 (Excel on Windows), some
    # EUC-JP. Short samples fool general detectors (a few kanji can look like Big5), so the
    # Japanese encodings that decode cleanly are preferred, and the detector only arbitrates.
    clean = [enc for enc in ("cp932", "euc_jp") if _decodes(sample, enc)]
    if clean:
        # EUC-JP bytes often decode as CP932 too, into strings of half-width katakana; the
        # reading with fewer of those is the real one (ties go to CP932, the common case).
        best = min(clean, key=lambda enc: _halfwidth_kana(sample, enc))
        return "cp932" if best == "cp932" else "euc-jp"
    from charset_normalizer import from_bytes  # noqa: PLC0415  (start-up: needed only for rare encodings)

    best = from_bytes(sample).best()
    if best is None:
        raise SourceRefused([Problem("problem.encoding_unknown")])
    name = codecs.lookup(best.encoding).name
    if name in ("shift_jis", "cp932", "shift_jis_2004", "shift_jisx0213"):
        return "cp932"
    return name


def _codec(name: str) -> str:
    """The Python codec for an --encoding value; a name that is not a text encoding is refused."""
    key = name.lower().strip()
    codec = _ENCODING_ALIASES.get(key, key)
    try:  # bytes-to-bytes codecs (base64, zlib) and str-to-str ones (rot13) are not text encodings
        known = isinstance(codecs.getincrementaldecoder(codec)().decode(b"", final=True), str)
    except (LookupError, TypeError):
        known = False
    if not known:
        raise SourceRefused(
            [Problem("problem.encoding_name", values={"encoding": name, "suggestion": suggest(key, _ENCODING_ALIASES)})]
        )
    return codec


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 saved without a byte-order mark: ASCII characters (delimiters, digits, line ends)
    leave a NUL in every other byte, on the high side of each 2-byte unit."""
    pairs = len(sample) // 2
    if pairs < 2 or (len(sample) < _SAMPLE and len(sample) % 2):  # a whole UTF-16 file has an even length
        return None
    even, odd = sample[0 : 2 * pairs : 2].count(0), sample[1 : 2 * pairs : 2].count(0)
    for codec, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if high < pairs // 4 or low > high // 20:
            continue
        try:
            text = codecs.getincrementaldecoder(codec)().decode(sample[: 2 * pairs], final=False)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for ch in text if not ch.isprintable() and ch not in "\t\r\n")
        # Text, and a CSV at that: at least one line ends within the first 64 KiB.
        if "\x00" not in text and controls <= len(text) // 100 and ("\n" in text or "\r" in text):
            return codec
    return None


def _halfwidth_kana(sample: bytes, encoding: str) -> int:
    text = codecs.getincrementaldecoder(encoding)(errors="ignore").decode(sample, final=False)
    return sum(1 for ch in text if "\uff61" <= ch <= "\uff9f")


def _decodes(sample: bytes, encoding: str) -> bool:
    try:
        codecs.getincrementaldecoder(encoding)().decode(sample, final=False)
    except UnicodeDecodeError:
        return False
    return True


def transcode_to_utf8(path: Path, encoding: str) -> Path:
    """Stream a file into a UTF-8 temporary copy; bad bytes are reported with their line."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    out = tempfile.NamedTemporaryFile(prefix="kpiflow-", suffix=".csv", delete=False)
    line = 1
    hint = "utf-8" if encoding != "utf-8" else "cp932"
    try:
        with path.open("rb") as src, out:
            while chunk := src.read(_CHUNK):
                try:
                    text = decoder.decode(chunk)
                except UnicodeDecodeError as e:
                    line += chunk[: e.start].count(b"\n")
                    raise SourceRefused(
                        [Problem("problem.encoding", line=line, values={"encoding": encoding.upper(), "hint": hint})]
                    ) from None
                line += chunk.count(b"\n")
                out.write(text.encode("utf-8"))
            try:
                out.write(decoder.decode(b"", final=True).encode("utf-8"))
            except UnicodeDecodeError:  # the file ends inside a multi-byte character
                raise SourceRefused(
                    [Problem("problem.encoding", line=line, values={"encoding": encoding.upper(), "hint": hint})]
                ) from None
    except BaseException:
        Path(out.name).unlink(missing_ok=True)
        raise
    return Path(out.name)


def _header_text(path: Path, skip: int) -> str:
    """The header record: its line, and the next ones while a quote is open (Excel writes a line
    break typed in a header cell inside quotes); never more than DuckDB reads as one line, so a
    file without line ends is not read whole."""
    text = ""
    with path.open("r", encoding="utf-8-sig", errors="replace", newline="") as f:
        for _ in range(skip):
            f.readline(scan.MAX_LINE_BYTES + 1)
        while line := f.readline(scan.MAX_LINE_BYTES + 1 - len(text)):
            text += line
            if len(text) > scan.MAX_LINE_BYTES:
                raise SourceRefused([Problem("problem.long_line", line=skip + 1, values={"limit": scan.MAX_LINE_BYTES})])
            if text.count('"') % 2 == 0:
                break
    return text


def _delimiter(header_line: str, fmt: str, declared: str | None) -> str:
    if declared:
        return "\t" if declared in ("\\t", "tab") else declared
    if fmt == "tsv":
        return "\t"
    counts = {d: header_line.count(d) for d in (",", "\t", ";")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _header(header_text: str, delimiter: str, line: int) -> tuple[list[str], int]:
    """Column names (an empty one is named by its position, as in a workbook) and the number of
    lines the header takes."""
    reader = csv.reader(io.StringIO(header_text, newline=""), delimiter=delimiter)
    try:
        row = next(reader, [])
    except csv.Error:  # the only error of a lenient reader: a field over csv.field_size_limit()
        raise SourceRefused([Problem("problem.long_field", line=line, values={"limit": scan.MAX_FIELD_CHARS})]) from None
    return [normalise_header(c) or f"column_{i + 1}" for i, c in enumerate(row)], max(reader.line_num, 1)


def _check_header(columns: list[str], line: int) -> None:
    seen: set[str] = set()
    problems = []
    for name in columns:
        if name.lower() in seen:
            problems.append(Problem("problem.duplicate_header", line=line, values={"column": name}))
        seen.add(name.lower())
    if problems:
        raise SourceRefused(problems)


def _named(name: str, value: exp.Expression) -> exp.PropertyEQ:
    return exp.PropertyEQ(this=exp.var(name), expression=value)


def open_text(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    fmt: str,
    *,
    encoding: str | None,
    delimiter: str | None,
    header_row: int,
    tag: str,
) -> Source:
    codec = detect_encoding(path, encoding)
    cleanup: list[Path] = []
    readable = path
    try:
        if codec != "utf-8":
            readable = transcode_to_utf8(path, codec)
            cleanup.append(readable)
        scan.check_bytes(readable)
        header_text = _header_text(readable, header_row - 1)
        if not header_text.strip():
            raise SourceRefused([Problem("problem.empty")])
        delim = _delimiter(header_text, fmt, delimiter)
        columns, header_lines = _header(header_text, delim, header_row)
        _check_header(columns, header_row)
    except BaseException:
        for temporary in cleanup:
            temporary.unlink(missing_ok=True)
        raise
    relation = exp.func(
        "read_csv",
        exp.Literal.string(str(readable)),
        _named("header", exp.true()),
        _named("skip", exp.convert(header_row - 1)),
        _named("delim", exp.Literal.string(delim)),
        _named("quote", exp.Literal.string('"')),
        _named("escape", exp.Literal.string('"')),
        _named("strict_mode", exp.true()),
        _named("null_padding", exp.false()),
        _named(
            "columns",
            exp.Struct(expressions=[_named_str(c, "VARCHAR") for c in columns]),
        ),
    )
    return Source(path, fmt, relation, columns, codec, header_row + header_lines, readable, delim, header_row, cleanup=cleanup)


def _named_str(name: str, value: str) -> exp.PropertyEQ:
    return exp.PropertyEQ(this=exp.to_identifier(name, quoted=True), expression=exp.Literal.string(value))


def with_rejects(relation: exp.Expression, tag: str) -> exp.Expression:
    """The same read_csv, told to skip and record bad rows instead of stopping at the first."""
    relation = relation.copy()
    relation.append("expressions", _named("ignore_errors", exp.true()))
    relation.append("expressions", _named("store_rejects", exp.true()))
    relation.append("expressions", _named("rejects_table", exp.Literal.string(f"_kf_rejects_{tag}")))
    relation.append("expressions", _named("rejects_scan", exp.Literal.string(f"_kf_scan_{tag}")))
    return relation


def open_parquet(con: duckdb.DuckDBPyConnection, path: Path) -> Source:
    relation = exp.func("read_parquet", exp.Literal.string(str(path)))
    try:
        columns = [name for name, _ in describe(con, relation)]
    except duckdb.Error as e:  # a file cut short while copying has no footer ("No magic bytes found")
        raise SourceRefused([damaged("Parquet", e, path)]) from None
    return Source(path, "parquet", relation, columns, "-", 1)


def damaged(fmt: str, error: BaseException, path: Path, line: int | None = None) -> Problem:
    """A file whose format was recognised but whose content cannot be read; the reader's own
    words are kept as a detail, without the query text DuckDB appends."""
    detail = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    detail = detail.replace(str(path), path.name)
    for prefix in ("Invalid Input Error: ", "IO Error: ", "Conversion Error: ", "Invalid Error: "):
        detail = detail.removeprefix(prefix)
    return Problem("problem.damaged", line=line, values={"format": fmt, "detail": detail})


def _cell_text(value: object) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return str(value)


def open_xlsx(con: duckdb.DuckDBPyConnection, path: Path, sheet: str | int | None, header_row: int, tag: str) -> Source:
    """Read one sheet with calamine (Rust) into a temporary engine table of text columns."""
    # Imported here: a CSV load, the common case, needs neither (about 0.1 s of every start).
    import numpy as np  # noqa: PLC0415
    from python_calamine import CalamineWorkbook  # noqa: PLC0415

    try:
        book = CalamineWorkbook.from_path(str(path))
    except Exception as e:  # calamine raises its own error types for corrupt workbooks
        raise SourceRefused([damaged("XLSX", e, path)]) from None
    names = book.sheet_names
    if sheet is None:
        chosen = names[0]
    elif isinstance(sheet, int) or (isinstance(sheet, str) and sheet.isdigit() and sheet not in names):
        index = int(sheet) - 1
        if not 0 <= index < len(names):
            raise SourceRefused([Problem("problem.sheet", values={"sheet": sheet, "sheets": ", ".join(names)})])
        chosen = names[index]
    elif sheet in names:
        chosen = sheet
    else:
        raise SourceRefused(
            [
                Problem(
                    "problem.sheet",
                    values={"sheet": sheet, "suggestion": suggest(sheet, names), "sheets": ", ".join(names)},
                )
            ]
        )
    try:  # a sheet's XML is parsed only now: a damaged one fails here, not on opening
        data = book.get_sheet_by_name(chosen)
        rows = data.to_python()  # from the used range's first row and column
    except Exception as e:
        raise SourceRefused([damaged("XLSX", e, path)]) from None
    # Rows above the sheet's used range are not returned; a sheet whose table starts lower
    # down (a title, blank rows) has its header on the first used row unless told otherwise.
    start_row = (data.start or (0, 0))[0]
    header_row = max(header_row, start_row + 1)
    header_index = header_row - 1 - start_row
    merged = [r for r in (data.merged_cell_ranges or []) if r[0][0] <= header_row - 1 <= r[1][0]]
    if merged:
        cells = ", ".join(f"{_cell_name(a)}:{_cell_name(b)}" for a, b in merged[:5])
        raise SourceRefused([Problem("problem.merged_header", line=header_row, values={"cells": cells})])
    if header_index < 0 or len(rows) <= header_index:
        raise SourceRefused([Problem("problem.empty")])
    columns = [normalise_header(_cell_text(c) or "") for c in rows[header_index]]
    while columns and not columns[-1]:
        columns.pop()
    _check_header([c for c in columns if c], header_row)
    body = rows[header_index + 1 :]
    arrays = {}
    for i, name in enumerate(columns):
        values = [_cell_text(r[i]) if i < len(r) else None for r in body]
        arrays[name or f"column_{i + 1}"] = np.array(values, dtype=object)
    columns = list(arrays)
    table_name = f"_kf_xlsx_{tag}"
    # Keep every column as text so the same normalisation applies as for CSV.
    con.register(
        f"_kf_arrays_{tag}", {k: v for k, v in arrays.items()} if body else {k: np.array([], dtype=object) for k in arrays}
    )
    select = exp.select(*[exp.cast(exp.column(c, quoted=True), "VARCHAR").as_(c, quoted=True) for c in columns]).from_(
        f"_kf_arrays_{tag}"
    )
    con.execute(
        exp.Create(
            this=exp.to_table(table_name),
            kind="TABLE",
            expression=select,
            properties=exp.Properties(expressions=[exp.TemporaryProperty()]),
        ).sql("duckdb")
    )
    con.unregister(f"_kf_arrays_{tag}")
    source = Source(path, "xlsx", exp.to_table(table_name), columns, "-", header_row + 1, temp_tables=[table_name])
    return source


def _cell_name(cell: tuple[int, int]) -> str:
    row, col = cell
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row + 1}"


def describe(con: duckdb.DuckDBPyConnection, relation: exp.Expression) -> list[tuple[str, str]]:
    """Column names and engine types of a relation, without reading it."""
    query = exp.Describe(this=exp.select("*").from_(relation))
    return [(row[0], row[1]) for row in con.execute(query.sql("duckdb")).fetchall()]
