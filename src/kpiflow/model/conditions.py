"""The condition language: what a `where` in kpiflow.yaml, a funnel step (--step), an exclusion
(--exclude), an outcome (--outcome) or a patterns filter (--where) may say, and what a formula may.

A condition is read by SQLGlot and its tree is then walked node by node against an allow-list:
columns, values, comparisons, AND/OR/NOT, IN with a list of values, BETWEEN, LIKE/ILIKE,
IS [NOT] NULL, CASE, arithmetic, CAST to plain types and the scalar functions named in
`FUNCTIONS`, none of which touches a file, a setting or the environment. Anything else (a
subquery, a table function such as read_text(), getenv(), a setting, a statement, `*`, an
aggregate or a window, a parameter) is refused before any SQL is built: a model file is shared
in git between teams, and opening one must never read the files of whoever opens it.

Functions are allowed by the SQLGlot class they parse into, never by name alone, so every
allowed function is one SQLGlot knows and transpiles to the other engines' dialects.

A formula (`formula:` metrics) has a smaller language: metric names, numbers, + - * / and
parentheses. Everything here is pure: no I/O, no engine.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import sqlglot
from sqlglot import exp
from sqlglot.errors import ParseError, TokenError

from kpiflow.errors import KpiflowError
from kpiflow.messages import say
from kpiflow.model.schema import TABLES

# Longer or deeper input is refused before the parser's recursion can fail on it.
MAX_LENGTH = 20_000
MAX_DEPTH = 100


class ConditionError(KpiflowError, ValueError):
    """A condition or formula outside its language. `say(lang)` renders it in another language."""

    exit_code = 2

    def __init__(self, render: Callable[[str], str], lang: str = "en"):
        super().__init__(render(lang))
        self.render = render
        self.wording = render  # the command line says it in the user's language (KpiflowError.message)

    def say(self, lang: str) -> str:
        return self.render(lang)


@dataclass(frozen=True)
class Function:
    """A scalar function a condition may call."""

    name: str  # as DuckDB spells it
    node: type[exp.Expression]  # what SQLGlot parses a call into
    example: str  # a call on columns of deals, run against the engine by the tests
    group: str  # text | date | number


def _functions() -> tuple[Function, ...]:
    text = [
        ("lower", exp.Lower, "lower(channel)"),
        ("upper", exp.Upper, "upper(channel)"),
        ("trim", exp.Trim, "trim(channel)"),
        ("ltrim", exp.Trim, "ltrim(channel)"),
        ("rtrim", exp.Trim, "rtrim(channel)"),
        ("length", exp.Length, "length(channel)"),
        ("substring", exp.Substring, "substring(channel, 1, 3)"),
        ("left", exp.Left, "left(channel, 3)"),
        ("right", exp.Right, "right(channel, 3)"),
        ("replace", exp.Replace, "replace(channel, '_', ' ')"),
        ("concat", exp.Concat, "concat(channel, '/', product)"),
        ("concat_ws", exp.ConcatWs, "concat_ws('/', channel, product)"),
        ("split_part", exp.SplitPart, "split_part(product, '-', 1)"),
        ("strpos", exp.StrPosition, "strpos(product, 'line')"),
        ("starts_with", exp.StartsWith, "starts_with(channel, 'web')"),
        ("ends_with", exp.EndsWith, "ends_with(channel, 'web')"),
        ("contains", exp.Contains, "contains(channel, 'web')"),
        ("regexp_matches", exp.RegexpLike, "regexp_matches(channel, '^(web|seminar)$')"),
        ("regexp_replace", exp.RegexpReplace, "regexp_replace(channel, '[0-9]+', '')"),
        ("regexp_extract", exp.RegexpExtract, "regexp_extract(product, '[A-Z]+')"),
    ]
    date = [
        ("date_trunc", exp.TimestampTrunc, "date_trunc('month', created_at)"),
        ("extract", exp.Extract, "extract(year FROM created_at)"),
        ("year", exp.Year, "year(created_at)"),
        ("quarter", exp.Quarter, "quarter(created_at)"),
        ("month", exp.Month, "month(created_at)"),
        ("week", exp.Week, "week(created_at)"),
        ("day", exp.Day, "day(created_at)"),
        ("dayofweek", exp.DayOfWeek, "dayofweek(created_at)"),
        ("dayofyear", exp.DayOfYear, "dayofyear(created_at)"),
        ("hour", exp.Hour, "hour(created_at)"),
        ("minute", exp.Minute, "minute(created_at)"),
        ("date_diff", exp.DateDiff, "date_diff('day', created_at, closed_at)"),
        ("date_add", exp.DateAdd, "date_add(created_at, INTERVAL 30 DAY)"),
        ("last_day", exp.LastDay, "last_day(created_at)"),
        ("strftime", exp.TimeToStr, "strftime(created_at, '%Y-%m')"),
        ("strptime", exp.StrToTime, "strptime('2025-04-01', '%Y-%m-%d')"),
        ("current_date", exp.CurrentDate, "current_date"),
        ("current_timestamp", exp.CurrentTimestamp, "current_timestamp"),
    ]
    number = [
        ("abs", exp.Abs, "abs(amount)"),
        ("round", exp.Round, "round(amount, -4)"),
        ("floor", exp.Floor, "floor(amount)"),
        ("ceil", exp.Ceil, "ceil(amount)"),
        ("trunc", exp.Trunc, "trunc(amount)"),
        ("sign", exp.Sign, "sign(amount)"),
        ("sqrt", exp.Sqrt, "sqrt(amount)"),
        ("power", exp.Pow, "power(amount, 2)"),
        ("ln", exp.Ln, "ln(amount)"),
        ("log", exp.Log, "log(amount)"),
        ("exp", exp.Exp, "exp(1)"),
        ("mod", exp.Mod, "mod(amount, 2)"),
        ("coalesce", exp.Coalesce, "coalesce(channel, 'unknown')"),
        ("ifnull", exp.Coalesce, "ifnull(channel, 'unknown')"),
        ("nullif", exp.Nullif, "nullif(channel, '')"),
        ("greatest", exp.Greatest, "greatest(created_at, closed_at)"),
        ("least", exp.Least, "least(created_at, closed_at)"),
        ("if", exp.If, "if(amount > 0, 'paid', 'free')"),
    ]
    return tuple(
        Function(name, node, example, group)
        for group, rows in (("text", text), ("date", date), ("number", number))
        for name, node, example in rows
    )


FUNCTIONS: tuple[Function, ...] = _functions()
_FUNCTION_NODES = frozenset(f.node for f in FUNCTIONS)

# CAST targets: plain types only (no STRUCT, LIST, MAP, JSON or user types).
CAST_TYPES: dict[exp.DataType.Type, str] = {
    exp.DataType.Type.TEXT: "VARCHAR",
    exp.DataType.Type.VARCHAR: "VARCHAR",
    exp.DataType.Type.CHAR: "VARCHAR",
    exp.DataType.Type.TINYINT: "INTEGER",
    exp.DataType.Type.SMALLINT: "INTEGER",
    exp.DataType.Type.INT: "INTEGER",
    exp.DataType.Type.BIGINT: "BIGINT",
    exp.DataType.Type.DECIMAL: "DECIMAL",
    exp.DataType.Type.DOUBLE: "DOUBLE",
    exp.DataType.Type.FLOAT: "DOUBLE",
    exp.DataType.Type.DATE: "DATE",
    exp.DataType.Type.TIMESTAMP: "TIMESTAMP",
    exp.DataType.Type.TIMESTAMPNTZ: "TIMESTAMP",  # what DuckDB's TIMESTAMP and DATETIME parse into
    exp.DataType.Type.TIMESTAMPTZ: "TIMESTAMP",
    exp.DataType.Type.BOOLEAN: "BOOLEAN",
    exp.DataType.Type.INTERVAL: "INTERVAL",
}

# Nodes that carry no name of their own: values, operators and the shapes of the grammar. Exact
# classes, not their subclasses: a subclass is another construct (SQLGlot has many).
_STRUCTURE: frozenset[type[exp.Expression]] = frozenset({
    exp.Column,
    exp.Identifier,
    exp.Literal,
    exp.Null,
    exp.Boolean,
    exp.Paren,
    exp.Neg,
    exp.And,
    exp.Or,
    exp.Not,
    exp.EQ,
    exp.NEQ,
    exp.GT,
    exp.GTE,
    exp.LT,
    exp.LTE,
    exp.NullSafeEQ,
    exp.NullSafeNEQ,
    exp.In,
    exp.Between,
    exp.Like,
    exp.ILike,
    exp.Escape,
    exp.Is,
    exp.Case,
    exp.If,
    exp.Add,
    exp.Sub,
    exp.Mul,
    exp.Div,
    exp.IntDiv,
    exp.Mod,
    exp.DPipe,
    exp.Cast,
    exp.TryCast,
    exp.DataType,
    exp.DataTypeParam,
    exp.Interval,
    exp.Var,
})
_STATEMENTS: tuple[type[exp.Expression], ...] = (
    exp.DDL,
    exp.DML,
    exp.Command,
    exp.Pragma,
    exp.Set,
    exp.Block,
    exp.Transaction,
    exp.Commit,
    exp.Rollback,
    exp.Use,
    exp.Copy,
    exp.Describe,
    exp.Show,
    exp.Attach,
    exp.Detach,
    exp.Install,
    exp.Export,
)
_SUBQUERIES: tuple[type[exp.Expression], ...] = (exp.Query, exp.Subquery, exp.Exists, exp.Any, exp.All, exp.Unnest)
_PARAMETERS: tuple[type[exp.Expression], ...] = (exp.Placeholder, exp.Parameter, exp.SessionParameter)
_NUMBERS = re.compile(r"\s*[+-]?(?:[\d_]+\.?[\d_]*|\.[\d_]+)(?:[eE][+-]?\d+)?\s*|\s*[+-]?0[xXbB][0-9a-fA-F_]+\s*")
_BOOLEANS = {"true", "false", "t", "f", "1", "0", "yes", "no", "y", "n"}
_TIME_WORDS = {"infinity", "-infinity", "epoch"}


# -- messages -------------------------------------------------------------------------------


def _allowed(lang: str) -> str:
    return say("condition.allowed", lang)


def _function_list(lang: str) -> str:
    groups = {g: ", ".join(f.name for f in FUNCTIONS if f.group == g) for g in ("text", "date", "number")}
    return say("condition.functions", lang, **groups)


def _refused(what: Callable[[str], str], *, functions: bool = False, hint: str = "") -> Callable[[str], str]:
    def render(lang: str) -> str:
        tail = _function_list(lang) if functions else _allowed(lang)
        return say("condition.refused", lang, what=what(lang), allowed=tail) + hint

    return render


def _key(key: str, **values: object) -> Callable[[str], str]:
    return lambda lang: say(key, lang, **values)


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _sql(node: exp.Expression) -> str:
    try:
        return node.sql(dialect="duckdb")
    except Exception:  # noqa: BLE001  (rendering a refused node is only for the message)
        return type(node).__name__


def _function_name(node: exp.Expression) -> str | None:
    """The name a function call is written with (None for an operator such as ->>)."""
    if isinstance(node, exp.Anonymous):
        return str(node.name).lower()
    found = re.match(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*\(", _sql(node))
    return found.group(1).lower() if found else None


# -- parsing --------------------------------------------------------------------------------


def _parse_error(text: str, error: ParseError) -> Callable[[str], str]:
    """SQLGlot's complaint in words: what it expected and at which column."""
    first = error.errors[0] if error.errors else {}
    description = str(first.get("description") or str(error).splitlines()[0])
    column = first.get("col")

    def render(lang: str) -> str:
        # "Required keyword: 'expression' missing for <class ...EQ>" names a class, not the user's words.
        detail = say("condition.incomplete", lang) if "<class" in description else description
        if column and "<class" not in description:
            detail += say("condition.at_column", lang, column=column)
        return say("condition.invalid", lang, text=_short(text), detail=detail)

    return render


def _parse(text: object, lang: str, empty_key: str) -> exp.Expression:
    """SQLGlot's tree of `text`, every failure of the parser turned into a ConditionError."""
    if not isinstance(text, str) or not text.strip():
        raise ConditionError(_key(empty_key), lang)
    if "\x00" in text:
        raise ConditionError(_key("condition.nul"), lang)
    if len(text) > MAX_LENGTH:
        raise ConditionError(_key("condition.too_long", limit=MAX_LENGTH), lang)
    try:
        tree = sqlglot.parse_one(text, read="duckdb")
    except TokenError:
        # The tokenizer fails on an unclosed quote (or comment); it names no position.
        raise ConditionError(_key("condition.unclosed", text=_short(text)), lang) from None
    except ParseError as e:
        raise ConditionError(_parse_error(text, e), lang) from None
    except RecursionError:
        raise ConditionError(_key("condition.too_deep", limit=MAX_DEPTH), lang) from None
    except Exception as e:  # noqa: BLE001  (hostile text can trip the parser anywhere; none may become a traceback)
        detail = str(e).splitlines()[0] if str(e) else type(e).__name__
        raise ConditionError(_key("condition.invalid", text=_short(text), detail=_short(detail)), lang) from None
    if tree is None:
        raise ConditionError(_key(empty_key), lang)
    return tree


def _walk(tree: exp.Expression, lang: str, refusal: Callable[[exp.Expression], Callable[[str], str] | None]) -> None:
    """Pre-order walk (the outermost offending node is the one named), bounded in depth."""
    stack = [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ConditionError(_key("condition.too_deep", limit=MAX_DEPTH), lang)
        found = refusal(node)
        if found is None and node.error_messages():
            # The parser left a required part out (`@` alone is ABS of nothing): it would not run.
            shown = _short(_sql(node))
            found = lambda lang, shown=shown: say("condition.invalid", lang, text=shown, detail=say("condition.incomplete", lang))  # noqa: E731
        if found is not None:
            raise ConditionError(found, lang)
        node.comments = None  # comments never reach the engine
        node._meta = None  # nor positions: a kept condition is copied for every statement built on it
        stack.extend((child, depth + 1) for child in reversed(list(node.iter_expressions())))


def _literal_value(node: exp.Expression) -> bool:
    """A value written out: 'web', 42, -1.5, NULL, TRUE, DATE '2025-04-01'."""
    if isinstance(node, exp.Paren):
        return _literal_value(node.this)
    if isinstance(node, exp.Neg):
        return isinstance(node.this, exp.Literal) and not node.this.is_string
    if isinstance(node, exp.Cast):
        return isinstance(node.this, exp.Literal)
    return isinstance(node, (exp.Literal, exp.Null, exp.Boolean))


def _condition_refusal(node: exp.Expression) -> Callable[[str], str] | None:
    """Why `node` may not appear in a condition, or None when it may."""
    if isinstance(node, _STATEMENTS) or (isinstance(node, exp.Query) and node.parent is None):
        return _refused(_key("condition.what.statement"))
    if isinstance(node, _SUBQUERIES):
        return _refused(_key("condition.what.subquery"))
    if isinstance(node, exp.Window):
        return _refused(_key("condition.what.window"))
    if isinstance(node, exp.AggFunc):
        return _refused(_key("condition.what.aggregate", name=_function_name(node) or _short(_sql(node))))
    if isinstance(node, _PARAMETERS):
        return _refused(_key("condition.what.parameter", name=_sql(node)))
    if isinstance(node, exp.Star) or (isinstance(node, exp.Column) and isinstance(node.this, exp.Star)):
        return _refused(_key("condition.what.star"))
    if isinstance(node, exp.Func) and type(node) not in _STRUCTURE and type(node) not in _FUNCTION_NODES:
        name = _function_name(node)
        if name is None:
            return _refused(_key("condition.what.syntax", sql=_short(_sql(node))))
        close = difflib.get_close_matches(name, [f.name for f in FUNCTIONS], n=1, cutoff=0.75)
        hint = close[0] if close else None
        did_you_mean = (lambda lang: say("hint.did_you_mean", lang, name=hint)) if hint else (lambda lang: "")
        return _refused(lambda lang: say("condition.what.function", lang, name=name) + did_you_mean(lang), functions=True)
    if type(node) in _FUNCTION_NODES:
        return None
    if type(node) not in _STRUCTURE:
        return _refused(_key("condition.what.syntax", sql=_short(_sql(node))))
    return _shape_refusal(node)


def _shape_refusal(node: exp.Expression) -> Callable[[str], str] | None:
    """Allowed node types in places where they mean something else (a unit word, a name part)."""
    parent = node.parent
    if isinstance(node, exp.Column):
        if node.args.get("db") or node.args.get("catalog"):
            return _refused(_key("condition.what.name", name=_sql(node)))
        return None
    if isinstance(node, exp.Identifier):
        return None if isinstance(parent, exp.Column) else _refused(_key("condition.what.syntax", sql=_short(_sql(node))))
    if isinstance(node, exp.Var):
        # A unit word: EXTRACT(year FROM ...), date_trunc('month', ...), INTERVAL 30 DAY.
        if node.arg_key == "unit" or (isinstance(parent, exp.Extract) and node.arg_key == "this"):
            return None
        return _refused(_key("condition.what.syntax", sql=_short(_sql(node))))
    if isinstance(node, exp.DataType):
        if not isinstance(parent, exp.Cast) or node.this not in CAST_TYPES or node.args.get("nested"):
            return _refused(_key("condition.what.type", name=_sql(node), types=", ".join(dict.fromkeys(CAST_TYPES.values()))))
        return None
    if isinstance(node, exp.DataTypeParam):
        ok = isinstance(parent, exp.DataType) and isinstance(node.this, exp.Literal) and not node.this.is_string
        return None if ok else _refused(_key("condition.what.syntax", sql=_short(_sql(node))))
    if isinstance(node, exp.In):
        values = node.expressions
        if node.args.get("query"):
            return _refused(_key("condition.what.subquery"))
        if node.args.get("unnest") or node.args.get("field") or not values:
            return _key("condition.in_list")
        if not all(_literal_value(v) for v in values):
            return _key("condition.in_list")
        return None
    if isinstance(node, exp.Interval):
        return None if _literal_value(node.this) else _refused(_key("condition.what.syntax", sql=_short(_sql(node))))
    return None


def check_condition(tree: exp.Expression, lang: str = "en") -> exp.Expression:
    """Refuse (ConditionError) anything in a parsed condition outside the condition language."""
    _walk(tree, lang, _condition_refusal)
    return tree


def parse_condition(text: str, *, lang: str = "en") -> exp.Expression:
    """Read a condition (a SQL boolean in DuckDB's spelling) and check it is in the language."""
    if not isinstance(text, str):
        return check_condition(_parse(text, lang, "condition.empty"), lang)  # refused in words
    return _checked_condition(text, lang).copy()  # a copy: callers build their statements around it


@lru_cache(maxsize=4096)
def _checked_condition(text: str, lang: str) -> exp.Expression:
    # The model's conditions are read again by every analysis: parsing them once per process
    # saves more than the copy costs (a refusal raises, and is never cached)
    return check_condition(_parse(text, lang, "condition.empty"), lang)


# -- formulas -------------------------------------------------------------------------------


def _formula_refusal(node: exp.Expression) -> Callable[[str], str] | None:
    if isinstance(node, (exp.Paren, exp.Neg, exp.Add, exp.Sub, exp.Mul, exp.Div)):
        return None
    if isinstance(node, exp.Literal) and not node.is_string:
        return None
    if isinstance(node, exp.Column) and isinstance(node.this, exp.Identifier) and not node.table:
        return None
    if isinstance(node, exp.Identifier) and isinstance(node.parent, exp.Column):
        return None
    return _key("formula.refused", what=_short(_sql(node)))


def parse_formula(text: str, *, lang: str = "en") -> exp.Expression:
    """Read a formula: metric names, numbers, + - * / and parentheses."""
    tree = _parse(text, lang, "formula.empty")
    _walk(tree, lang, _formula_refusal)
    return tree


# -- values against the contract's column types ----------------------------------------------


def _column_of(node: exp.Expression) -> exp.Column | None:
    """The column a side of a comparison reads: a column, or an inherited COALESCE of columns."""
    if isinstance(node, exp.Paren):
        return _column_of(node.this)
    if isinstance(node, exp.Column):
        return node
    if isinstance(node, exp.Coalesce):
        parts = [node.this, *node.expressions]
        if all(isinstance(p, exp.Column) for p in parts):
            return parts[0]
    return None


def _contract_type(column: exp.Column) -> str | None:
    table = TABLES.get(column.table)
    if table is None:
        return None
    found = next((c for c in table.columns if c.name == column.name), None)
    return found.type if found is not None else None


def _fits(value: exp.Literal, kind: str) -> bool:
    """Whether the engine can read this value as the column's type (only sure failures count)."""
    if not value.is_string:
        return kind in ("integer", "number", "money", "boolean")
    text = value.this
    if kind in ("integer", "number", "money"):
        return bool(_NUMBERS.fullmatch(text)) and any(c.isdigit() for c in text)
    if kind in ("timestamp", "date"):
        return any(c.isdigit() for c in text) or text.strip().lower() in _TIME_WORDS
    if kind == "boolean":
        return text.lower() in _BOOLEANS
    return True


def _pairs(node: exp.Expression) -> list[tuple[exp.Expression, exp.Expression]]:
    if isinstance(node, (exp.EQ, exp.NEQ, exp.GT, exp.GTE, exp.LT, exp.LTE, exp.NullSafeEQ, exp.NullSafeNEQ)):
        return [(node.this, node.expression), (node.expression, node.this)]
    if isinstance(node, exp.Between):
        return [(node.this, node.args["low"]), (node.this, node.args["high"])]
    if isinstance(node, exp.In):
        return [(node.this, v) for v in node.expressions]
    return []


def check_values(tree: exp.Expression, lang: str = "en") -> None:
    """Refuse a value compared with a contract column it can never be read as (`amount > 'abc'`,
    `created_at > 5`, `channel = 5`): the engine would fail only once there is data."""
    for node in tree.walk():
        for side, other in _pairs(node):
            column = _column_of(side)
            if column is None or not isinstance(other, exp.Literal):
                continue
            kind = _contract_type(column)
            if kind is None or _fits(other, kind):
                continue
            shown = f"'{other.this}'" if other.is_string else other.this
            name = f"{column.table}.{column.name}"
            raise ConditionError(
                lambda lang, shown=shown, name=name, kind=kind: say(
                    "condition.value", lang, value=shown, column=name, kind=say(f"condition.kind.{kind}", lang)
                ),
                lang,
            )
