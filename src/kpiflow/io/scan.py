"""Python's own passes over a UTF-8 text file, for what DuckDB's reader does not say.

`check_bytes` runs before every text load: DuckDB keeps a NUL byte or a byte-order mark inside
a value (a BOM where two exports were concatenated ends up in a key: '\\ufeffD2' is not 'D2'),
so both are refused with their line. It only searches bytes: 33 ms for a 100 MB file without a
0xEF byte (most exports), about 1 GB/s with them (full-width characters).

`locate_break` runs only after DuckDB refused a file without a usable line ("Error when
sniffing file", or a line over its size limit reported on line 1): it reads the file as CSV in
Python, streaming with bounded memory, and names the first line where the structure breaks.
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Iterator
from pathlib import Path

from kpiflow.io.problems import Problem, SourceRefused

# DuckDB's read_csv refuses longer lines (its max_line_size default, in bytes).
MAX_LINE_BYTES = 2_000_000
# Python's csv module refuses longer fields (csv.field_size_limit(), a process-wide default).
MAX_FIELD_CHARS = 131_072
_CHUNK = 1 << 22
_BOM = codecs.BOM_UTF8
_ENDINGS = {"\r\n": "CRLF", "\n": "LF", "\r": "CR"}


def check_bytes(path: Path) -> None:
    """Refuse a NUL byte anywhere, and a UTF-8 byte-order mark anywhere but the very start."""
    offset = 0
    carry = b""  # the last bytes of the previous chunk, for a BOM split across two reads
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            window = carry + chunk
            start = offset - len(carry)
            nul = window.find(b"\x00")
            # Most text has no 0xEF byte at all: a memchr for it is 15x faster than the 3-byte search.
            bom = window.find(_BOM, 1 if start == 0 else 0) if b"\xef" in window else -1
            hits = [(p, key) for p, key in ((nul, "problem.nul"), (bom, "problem.bom_inside")) if p >= 0]
            if hits:
                position, key = min(hits)
                raise SourceRefused([Problem(key, line=line_at(path, start + position))])
            offset += len(chunk)
            carry = window[-(len(_BOM) - 1) :]


def line_at(path: Path, position: int) -> int:
    """The 1-based line of a byte offset, counting CRLF, LF and a lone CR as editors do."""
    newlines = 0
    previous = b""
    with path.open("rb") as f:
        remaining = position
        while remaining > 0 and (chunk := f.read(min(_CHUNK, remaining))):
            newlines += chunk.count(b"\n") + chunk.count(b"\r") - chunk.count(b"\r\n")
            if previous.endswith(b"\r") and chunk.startswith(b"\n"):
                newlines -= 1
            previous = chunk
            remaining -= len(chunk)
    return newlines + 1


class _Lines:
    """Physical lines of a text file (any line ending), each at most MAX_LINE_BYTES long."""

    def __init__(self, f, first: int):
        self.f = f
        self.number = first - 1
        self.ending = ""
        self.too_long: int | None = None

    def __iter__(self) -> Iterator[str]:
        while line := self.f.readline(MAX_LINE_BYTES + 1):
            self.number += 1
            self.ending = next((e for e in _ENDINGS if line.endswith(e)), "")
            # A character is 1 to 4 bytes: encode only lines that might be over the limit.
            if len(line) > MAX_LINE_BYTES // 4 and len(line.encode("utf-8", "surrogatepass")) > MAX_LINE_BYTES:
                self.too_long = self.number
                return
            yield line


def locate_break(path: Path, delimiter: str, header_line: int, columns: int) -> Problem | None:
    """The first structural break in a CSV file, as DuckDB's strict reader would meet it."""
    with path.open("r", encoding="utf-8", errors="replace", newline="") as f:
        for _ in range(header_line - 1):
            f.readline(MAX_LINE_BYTES + 1)
        lines = _Lines(f, header_line)
        reader = csv.reader(lines, delimiter=delimiter, quotechar='"', doublequote=True, strict=True)
        first_ending: tuple[int, str] | None = None
        start = header_line  # the line where the current record starts
        try:
            for fields in reader:
                if lines.ending:
                    if first_ending is None:
                        first_ending = (lines.number, lines.ending)
                    elif lines.ending != first_ending[1]:
                        return Problem(
                            "problem.line_endings",
                            line=lines.number,
                            values={
                                "found": _ENDINGS[lines.ending],
                                "first": first_ending[0],
                                "expected": _ENDINGS[first_ending[1]],
                            },
                        )
                if start > header_line and fields and len(fields) != columns:
                    return Problem("problem.ragged", line=start, values={"found": len(fields), "expected": columns})
                start = lines.number + 1
        except csv.Error as e:
            if lines.too_long is not None:
                return Problem("problem.long_line", line=lines.too_long, values={"limit": MAX_LINE_BYTES})
            text = str(e)
            if "expected after" in text:
                shown = "TAB" if delimiter == "\t" else delimiter
                return Problem("problem.after_quote", line=lines.number, values={"delimiter": shown})
            if "unexpected end of data" in text or lines.number > start:
                return Problem("problem.open_quote", line=start)
            if "field limit" in text:
                return Problem("problem.long_field", line=start, values={"limit": MAX_FIELD_CHARS})
            return Problem("problem.csv", line=start, values={"detail": text})
        if lines.too_long is not None:
            return Problem("problem.long_line", line=lines.too_long, values={"limit": MAX_LINE_BYTES})
    return None
