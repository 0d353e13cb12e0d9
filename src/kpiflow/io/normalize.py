"""Engine-side normalisation of text from real exports into contract types.

Every function returns a SQLGlot expression, evaluated by the engine over the whole column:
no Python loop over rows. Templates are parsed once, on first use, never at import time.
"""

from __future__ import annotations

from functools import cache

from sqlglot import exp

from kpiflow.engine.base import fill
from kpiflow.model.schema import SQL_TYPES

# NFKC for what Japanese exports contain: full-width ASCII, the ideographic space and
# half-width katakana. Voiced marks become combining marks, which nfc_normalize composes,
# so ｶﾞ becomes ガ exactly as unicodedata.normalize("NFKC") does.
_FULLWIDTH = "".join(chr(c) for c in range(0xFF01, 0xFF5F)) + "\u3000\uffe5"
_ASCII = "".join(chr(c) for c in range(0x21, 0x7F)) + " \u00a5"
_HALFWIDTH_KANA = "｡｢｣､･ｦｧｨｩｪｫｬｭｮｯｰｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝﾞﾟ"
_FULL_KANA = "。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン\u3099\u309a"
NFKC_FROM = _FULLWIDTH + _HALFWIDTH_KANA
NEEDS_NFKC = "[\uff01-\uff5e\u3000\uffe5\uff61-\uff9f\u2460-\u2473\u3231\u3232\u3239]"
# CP932's special characters that NFKC expands to several: circled numbers and (株)-style.
EXPANSIONS = {chr(0x2460 + i): str(i + 1) for i in range(20)} | {"㈱": "(株)", "㈲": "(有)", "㈹": "(代)"}
NFKC_TO = _ASCII + _FULL_KANA

# Values that mean "no value" in spreadsheets and CRM exports.
NULL_MARKERS = ("", "-", "NULL", "null", "NaN", "nan", "#N/A", "N/A", "n/a", "None")

# Formats tried, in order, after ISO 8601 (which the engine reads natively).
TIMESTAMP_FORMATS = (
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y%m%d",
)

ERAS = {"令和": 2018, "R": 2018, "平成": 1988, "H": 1988, "昭和": 1925, "S": 1925}

TRUE_WORDS = ("true", "t", "1", "yes", "y", "はい", "○", "〇", "◯", "有", "あり", "対象")
FALSE_WORDS = ("false", "f", "0", "no", "n", "いいえ", "×", "✕", "無", "なし", "対象外")


def _lit(value: object) -> exp.Expression:
    if isinstance(value, str):
        return exp.Literal.string(value)
    return exp.convert(value)


def nfkc(text: exp.Expression, *, expansions: bool = True) -> exp.Expression:
    """NFKC for the characters Japanese exports carry; other values pass untouched.

    Two guards keep this cheap on large files: ASCII values (byte length = character length)
    skip everything, and TRANSLATE (costly per value) runs only where a regular expression
    finds something to change. `text` should be a column: it is referenced several times.
    `expansions=False` leaves out the characters NFKC expands to several (①, ㈱), for text
    known to hold none: their chain of REPLACEs is a third of planning a small file's load.
    """
    return exp.replace_placeholders(_nfkc_template(expansions), x=text)  # replace_placeholders copies the template


def has_expansions(data: bytes) -> bool:
    """Whether UTF-8 `data` holds a character NFKC expands to several (①..⑳, ㈱, ㈲, ㈹)."""
    return any(char.encode() in data for char in EXPANSIONS)


@cache
def _nfkc_template(expansions: bool = True) -> exp.Expression:
    """`nfkc` of the placeholder :x, built once: the chain of a REPLACE per expansion is long, and
    building it anew for every text column of every load cost more than the load of a small file."""
    expanded: exp.Expression = exp.func("TRANSLATE", exp.Placeholder(this="x"), _lit(NFKC_FROM), _lit(NFKC_TO))
    for char, replacement in EXPANSIONS.items() if expansions else ():
        expanded = exp.func("REPLACE", expanded, _lit(char), _lit(replacement))
    return fill(
        """CASE WHEN STRLEN(:x) = LENGTH(:x) THEN :x
                WHEN REGEXP_MATCHES(:x, :needs) THEN NFC_NORMALIZE(:expanded)
                ELSE :x END""",
        needs=_lit(NEEDS_NFKC),
        expanded=expanded,
    )


def trim(text: exp.Expression) -> exp.Expression:
    """Surrounding spaces removed (TRIM copies, so only values that need it pay for it). LIKE
    with a fixed prefix or suffix is DuckDB's cheapest test of one: 40% less than STARTS_WITH and
    ENDS_WITH on a 1M-row file, the costliest of the cleaning layers."""
    return fill("CASE WHEN :x LIKE ' %' OR :x LIKE '% ' THEN TRIM(:x) ELSE :x END", x=text)


def null_markers(text: exp.Expression) -> exp.Expression:
    """Empty strings and spreadsheet null markers (-, NULL, #N/A, ...) become NULL."""
    short = exp.LTE(this=exp.func("STRLEN", text), expression=exp.convert(max(map(len, NULL_MARKERS))))
    is_marker = exp.and_(short, exp.In(this=text.copy(), expressions=[_lit(m) for m in NULL_MARKERS]), copy=False)
    return exp.Case().when(is_marker, exp.null()).else_(text.copy())


# Cleaning, in the order the layers apply. The loader evaluates each layer in its own
# subquery so that every function runs once per value (nesting them inline made DuckDB
# evaluate inner layers several times: 60% slower on a 5M-row file).
CLEANING_LAYERS = (nfkc, trim, null_markers)


def clean_text(text: exp.Expression) -> exp.Expression:
    """All cleaning layers composed into one expression (for single values and tests)."""
    for layer in CLEANING_LAYERS:
        text = layer(text)
    return text


DEFAULT_VALUE = "*"


def map_values(text: exp.Expression, mapping: dict[str, str | None], *, casefold: bool) -> exp.Expression:
    """Replace source values by canonical ones (matching ignores case when `casefold`).

    Values not listed stay as they are, unless the mapping has a "*" entry: the value for
    everything else (e.g. every other deal stage is `open`). Empty values stay empty.
    """
    key = exp.func("LOWER", text) if casefold else text
    case = exp.Case(this=key)
    for source, target in mapping.items():
        if source == DEFAULT_VALUE:
            continue
        source = source.lower() if casefold else source
        case = case.when(_lit(source), exp.null() if target is None else _lit(target), copy=False)
    if DEFAULT_VALUE in mapping:
        fallback = mapping[DEFAULT_VALUE]
        other = exp.null() if fallback is None else _lit(fallback)
        return case.else_(exp.Case().when(text.is_(exp.null()), exp.null()).else_(other))
    return case.else_(text.copy())


def parse_money(text: exp.Expression, sql_type: str = SQL_TYPES["money"]) -> exp.Expression:
    """¥1,200,000 / 1,200,000円 / 120万円 / 1億2000万 / ▲500 -> a decimal number."""
    return fill(
        f"""COALESCE(TRY_CAST(:t AS {sql_type}), (
            SELECT CASE
              WHEN s = '' THEN NULL
              WHEN REGEXP_FULL_MATCH(s, '[0-9]+(\\.[0-9]+)?') THEN TRY_CAST(s AS {sql_type})
              WHEN REGEXP_FULL_MATCH(s, '(([0-9.]+)億)?(([0-9.]+)万)?(([0-9.]+)千)?([0-9.]+)?')
                THEN TRY_CAST(
                  COALESCE(TRY_CAST(NULLIF(REGEXP_EXTRACT(s, '([0-9.]+)億', 1), '') AS DECIMAL(38,4)) * 100000000, 0)
                  + COALESCE(TRY_CAST(NULLIF(REGEXP_EXTRACT(s, '([0-9.]+)万', 1), '') AS DECIMAL(38,4)) * 10000, 0)
                  + COALESCE(TRY_CAST(NULLIF(REGEXP_EXTRACT(s, '([0-9.]+)千', 1), '') AS DECIMAL(38,4)) * 1000, 0)
                  + COALESCE(TRY_CAST(NULLIF(REGEXP_EXTRACT(s, '(^|[億万千])([0-9.]+)$', 2), '') AS DECIMAL(38,4)), 0)
                  AS {sql_type})
            END * sign
            FROM (SELECT
              REGEXP_REPLACE(REGEXP_REPLACE(:t, '^[-▲△]|^\\(|\\)$', '', 'g'), '[¥\\\\$,円\\s]|JPY|YEN', '', 'gi') AS s,
              CASE WHEN REGEXP_MATCHES(:t, '^[-▲△(]') THEN -1 ELSE 1 END AS sign)
        ))""",
        t=text,
    )


def parse_number(text: exp.Expression) -> exp.Expression:
    """1,234.5 / 85% -> a double (the percent sign is dropped: 85% is 85)."""
    return fill(
        "COALESCE(TRY_CAST(:t AS DOUBLE), TRY_CAST(REGEXP_REPLACE(:t, '[,%\\s]', '', 'g') AS DOUBLE))",
        t=text,
    )


def parse_integer(text: exp.Expression) -> exp.Expression:
    """A whole number; 1,200 and 12万 are accepted, 1.5 is not."""
    return fill(
        "CASE WHEN ROUND(:v) = :v THEN TRY_CAST(:v AS BIGINT) END",
        v=parse_money(text, "DECIMAL(38,4)"),
    )


def parse_boolean(text: exp.Expression) -> exp.Expression:
    return fill(
        "CASE WHEN LOWER(:t) = ANY(:yes) THEN TRUE WHEN LOWER(:t) = ANY(:no) THEN FALSE END",
        t=text,
        yes=exp.Array(expressions=[_lit(w) for w in TRUE_WORDS]),
        no=exp.Array(expressions=[_lit(w) for w in FALSE_WORDS]),
    )


def _era_to_gregorian(text: exp.Expression) -> exp.Expression:
    """令和7年4月1日 / R7.4.1 -> 2025/4/1 (元年 is year 1)."""
    era = exp.Case(this=exp.func("REGEXP_EXTRACT", text, _lit("^(令和|平成|昭和|R|H|S)"), _lit(1)))
    for name, base in ERAS.items():
        era = era.when(_lit(name), _lit(base), copy=False)
    return fill(
        """CASE WHEN REGEXP_MATCHES(:t, '^(令和|平成|昭和|R|H|S)([0-9]+|元)[年./]') THEN
             CAST(:base + CAST(REPLACE(REGEXP_EXTRACT(:t, '^(令和|平成|昭和|R|H|S)([0-9]+|元)', 2), '元', '1') AS INTEGER) AS VARCHAR)
             || '/' || REGEXP_REPLACE(:t, '^(令和|平成|昭和|R|H|S)([0-9]+|元)[年./]', '')
           ELSE :t END""",
        t=text,
        base=era,
    )


def _kanji_date(text: exp.Expression) -> exp.Expression:
    """2025年4月1日 9時30分 -> 2025/4/1 9:30; 2025.4.1 -> 2025/4/1."""
    return fill(
        """REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(
             :t, '[年月.]', '/', 'g'), '日\\s*', ' ', 'g'), '時', ':', 'g'), '分|秒|\\([^)]*\\)|（[^）]*）', '', 'g')""",
        t=text,
    )


def parse_timestamp(text: exp.Expression, timezone: str, formats: tuple[str, ...] = ()) -> exp.Expression:
    """Text -> wall-clock TIMESTAMP in the workspace time zone.

    Tries, in order: the mapping's own formats, ISO 8601 (a trailing offset or Z is converted
    to the workspace zone), common Japanese spellings (2025/4/1, 2025年4月1日, 令和7年4月1日)
    and Excel serial day numbers. An impossible date such as 2025-02-30 stays NULL.
    """
    fmt_list = exp.Array(expressions=[_lit(f) for f in TIMESTAMP_FORMATS])
    user = exp.func("TRY_STRPTIME", text, exp.Array(expressions=[_lit(f) for f in formats])) if formats else exp.null()
    japanese = _kanji_date(_era_to_gregorian(text))
    return fill(
        """COALESCE(
             :user,
             CASE WHEN REGEXP_MATCHES(:t, '[0-9]:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?\\s*(Z|[+-][0-9]{2}(:?[0-9]{2})?)$')
                  THEN TIMEZONE(:tz, TRY_CAST(:t AS TIMESTAMPTZ))
                  ELSE TRY_CAST(:t AS TIMESTAMP) END,
             TRY_STRPTIME(TRIM(:jp), :formats),
             CASE WHEN REGEXP_FULL_MATCH(:t, '[1-9][0-9]{4}(\\.[0-9]+)?')
                  THEN TIMESTAMP '1899-12-30' + TO_MICROSECONDS(CAST(ROUND(CAST(:t AS DOUBLE) * 86400000000) AS BIGINT))
             END)""",
        user=user,
        t=text,
        tz=_lit(timezone),
        jp=japanese,
        formats=fmt_list,
    )


def parse(column_type: str, text: exp.Expression, *, timezone: str, formats: tuple[str, ...] = ()) -> exp.Expression:
    """Parse cleaned text into the contract type `column_type`."""
    if column_type == "text":
        return text
    if column_type == "money":
        return parse_money(text)
    if column_type == "number":
        return parse_number(text)
    if column_type == "integer":
        return parse_integer(text)
    if column_type == "boolean":
        return parse_boolean(text)
    if column_type == "timestamp":
        return parse_timestamp(text, timezone, formats)
    if column_type == "date":
        return exp.cast(parse_timestamp(text, timezone, formats), "DATE")
    raise ValueError(f"no parser for {column_type}")


def convert_typed(column_type: str, value: exp.Expression, source_type: str, timezone: str) -> exp.Expression:
    """A value that already has an engine type (Parquet, JSON, a derived expression)."""
    target = SQL_TYPES[column_type]
    if source_type.startswith("TIMESTAMP WITH TIME ZONE"):
        value = exp.func("TIMEZONE", _lit(timezone), value)
        return exp.cast(value, target) if column_type == "date" else value
    return exp.TryCast(this=value, to=exp.DataType.build(target, dialect="duckdb"))
