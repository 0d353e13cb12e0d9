"""The command line: parse arguments, make one library call, render the result.

Errors become exit codes here and nowhere else: 0 ok, 1 error, 2 model/workspace problem,
3 a file was refused (nothing written), 4 `check` found contract violations, 5 `serve` cannot listen,
6 another process (a load) held the database longer than we waited.
"""

from __future__ import annotations

import functools
import json
import os
import re
import sys
import time
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from kpiflow import __version__
from kpiflow.errors import KpiflowError
from kpiflow.messages import say

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

class _Commands(list):
    """The app's commands: those written in this module, then one for each registered analysis that
    returns a `Tabular` and has none of its own (its declaration says all a command needs). Typer
    appends the written ones and iterates this list each time it builds the command line, so an
    analysis registered after import (a plug-in, a test) is a command too."""

    def __iter__(self):
        yield from list.__iter__(self)
        written = {info.name or info.callback.__name__ for info in list.__iter__(self)}
        written |= {group.name for group in app.registered_groups}  # `kpiflow blueprint ...` and the like
        from kpiflow.analysis.registry import ANALYSES  # noqa: PLC0415  (small: no analysis is imported)

        for entry in ANALYSES:
            if entry.generic and entry.name not in written and "cli" in entry.faces:
                yield typer.models.CommandInfo(name=entry.name, callback=_analysis_command(entry), help=entry.summary["en"])


class _CommandLine(typer.core.TyperGroup):
    """The top command: a usage error (an unknown option or command, a missing argument, a value
    that is not a number) is said in the user's language, as kpiflow's own errors are (--lang,
    else the workspace's locale); typer shows it in its usual frame."""

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any) -> Any:
        argv = list(args)
        try:
            ctx = super().make_context(info_name, args, parent, **extra)
        except typer.core._click.exceptions.UsageError as error:
            raise _usage_error(error, argv) from None
        ctx.meta["kpiflow.argv"] = argv  # the sub-command's errors are raised below, without it
        return ctx

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except typer.core._click.exceptions.UsageError as error:
            raise _usage_error(error, ctx.meta.get("kpiflow.argv", [])) from None


def _usage_error(error: Exception, argv: list[str]) -> Exception:
    """`error` said in the language the command line asks for (unchanged in English)."""
    click = typer.core._click
    if isinstance(error, click.exceptions.NoArgsIsHelpError):
        return error
    lang = _argv_lang(argv)
    _frame_words(lang)
    message = _usage_message(error, lang) if lang != "en" else None
    if message is None:
        return error
    said = click.exceptions.UsageError(message, _WordedUsage(error.ctx, lang) if error.ctx is not None else None)
    said.exit_code = error.exit_code
    return said


# The words of the frame typer draws around a usage error, in Japanese (English: typer's own).
_FRAME_JA = {"ERRORS_PANEL_TITLE": "エラー", "RICH_HELP": "使い方は [blue]'{command_path} {help_option}'[/] で表示されます。"}
_FRAME_EN: dict[str, str] = {}


def _frame_words(lang: str) -> None:
    """Set the frame's words for this error's language (typer keeps them in module constants)."""
    from typer import rich_utils  # noqa: PLC0415  (only when a usage error is shown)

    if not _FRAME_EN:
        _FRAME_EN.update({name: getattr(rich_utils, name) for name in _FRAME_JA})
    for name, words in (_FRAME_JA if lang == "ja" else _FRAME_EN).items():
        setattr(rich_utils, name, words)


class _WordedUsage:
    """A command's context whose usage line starts with the language's word for "Usage:"."""

    def __init__(self, ctx: Any, lang: str) -> None:
        self._ctx, self._lang = ctx, lang

    def get_usage(self) -> str:
        usage = self._ctx.get_usage()
        return usage.replace("Usage:", "使い方:", 1) if self._lang == "ja" else usage

    def __getattr__(self, name: str) -> Any:
        return getattr(self._ctx, name)


def _argv_lang(argv: list[str]) -> str:
    """The language of a command line as typed: its --lang, else its workspace's (-w, else here)."""
    lang, workspace = None, "."
    for i, arg in enumerate(argv):
        value = argv[i + 1] if i + 1 < len(argv) else None
        if arg == "--lang":
            lang = value
        elif arg.startswith("--lang="):
            lang = arg.partition("=")[2]
        elif arg in ("-w", "--workspace") and value is not None:
            workspace = value
        elif arg.startswith("--workspace="):
            workspace = arg.partition("=")[2]
    return _user_lang(lang, Path(workspace))


def _usage_message(error: Exception, lang: str) -> str | None:
    """The usage error's sentence in `lang`, from what click recorded; None for one not known here."""
    click = typer.core._click
    text = str(getattr(error, "message", "") or "")
    if isinstance(error, click.exceptions.NoSuchOption):
        options = sorted(error.possibilities or [])
        hint = say("usage.possible_options", lang, options=", ".join(options)) if options else ""
        return say("usage.no_such_option", lang, option=error.option_name, hint=hint)
    if isinstance(error, click.exceptions.MissingParameter):
        param = error.param
        name = (error.param_hint if isinstance(error.param_hint, str) else None) or (param.get_error_hint() if param else "")
        kind = error.param_type or (param.param_type_name if param else "option")
        message = say("usage.missing_argument" if kind == "argument" else "usage.missing_option", lang, name=name.replace("'", ""))
        choices = getattr(getattr(param, "type_descriptor", None), "choices", None)
        return message + (say("usage.choose_from", lang, choices=", ".join(map(str, choices))) if choices else "")
    if isinstance(error, click.exceptions.BadParameter):
        param = (error.param.get_error_hint() if error.param else str(error.param_hint or "")).replace("'", "")
        found = error.__cause__.errors() if hasattr(error.__cause__, "errors") else []
        if found:
            kind, value = found[0].get("type"), found[0].get("input")
            if kind == "int_parsing":
                return say("usage.not_int", lang, param=param, value=value)
            if kind == "float_parsing":
                return say("usage.not_float", lang, param=param, value=value)
            choice = re.fullmatch(r"'(.*)' is not one of (.*)\.", str(found[0].get("ctx", {}).get("error", "")), re.DOTALL)
            if choice:  # a Literal or an Enum: typer checks the value and names the choices
                return say("usage.bad_choice", lang, param=param, value=choice[1], choices=choice[2])
        return say("usage.bad_value", lang, param=param, detail=text)
    if isinstance(error, click.exceptions.BadOptionUsage):
        key = "usage.requires_value" if "requires" in text else "usage.takes_no_value" if "does not take" in text else None
        return say(key, lang, option=error.option_name) if key else None
    command = re.fullmatch(r"No such command '(.*)'\.(?: Did you mean (.*)\?)?", text, re.DOTALL)
    if command:
        hint = say("usage.did_you_mean_command", lang, names=command[2]) if command[2] else ""
        return say("usage.no_such_command", lang, name=command[1], hint=hint)
    extra = re.fullmatch(r"Got unexpected extra argument\(s\) \((.*)\)", text, re.DOTALL)
    if extra:
        return say("usage.extra_arguments", lang, args=extra[1])
    if text == "Missing command.":
        return say("usage.missing_command", lang)
    return None


app = typer.Typer(
    name="kpiflow",
    help="Design, measure and explain BtoB marketing KPIs. / BtoBマーケティングのKPIを設計・計測・説明する。",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    cls=_CommandLine,
)
app.registered_commands = _Commands(app.registered_commands)


class _LazyConsole:
    """A rich Console made on first use: `--json` and `--help` print without importing rich
    (about 20 ms of every start). Made again when COLUMNS changes, as the tables' consoles are
    (kpiflow.cli_tables): notes wrap at the width the tables fit, also when one process runs
    several commands (tests, scripts calling the app)."""

    def __init__(self, **options: Any):
        self._options = options
        self._console: Console | None = None
        self._columns: str | None = None

    def __getattr__(self, name: str) -> Any:
        columns = os.environ.get("COLUMNS")
        if self._console is None or columns != self._columns:
            from rich.console import Console  # noqa: PLC0415  (start-up: rich loads only to print tables)

            self._console, self._columns = Console(**self._options), columns
        return getattr(self._console, name)


def RichTable(*headers: Any, **options: Any) -> Table:  # named as the class it makes
    """A rich Table (rich imported on first use, like the consoles)."""
    from rich.table import Table  # noqa: PLC0415  (start-up: rich loads only to print tables)

    return Table(*headers, **options)


out = _LazyConsole()
err = _LazyConsole(stderr=True, soft_wrap=True)  # messages stay on one line: copyable, greppable

Lang = Annotated[Optional[str], typer.Option("--lang", help="ja | en (default: the workspace's locale)")]
Debug = Annotated[bool, typer.Option("--debug", help="Show a traceback on errors.")]
AsJson = Annotated[bool, typer.Option("--json", help="Print JSON for scripts instead of tables.")]
WorkspaceDir = Annotated[Path, typer.Option("--workspace", "-w", help="Workspace folder (holds kpiflow.yaml).")]
Wide = Annotated[bool, typer.Option("--wide", help="Show every column, wider than the terminal if need be.")]


def _default_lang(explicit: str | None, fallback: str | None = None) -> str:
    """--lang if given; else the fallback (the workspace's locale, or English for --json so that
    period labels in machine output do not change with the workspace's language)."""
    if explicit:
        if explicit not in ("ja", "en"):
            raise KpiflowError(f"--lang must be ja or en, not '{explicit}'")
        return explicit
    if fallback:
        return fallback
    return "ja" if os.environ.get("LANG", "").lower().startswith("ja") else "en"


def _explicit_lang(lang: str | None) -> str | None:
    """--lang when it names a language kpiflow speaks (messages raised while opening use it)."""
    return lang if lang in ("ja", "en") else None


def handles_errors(command):
    """Turn a KpiflowError (or a database error that escaped an analysis) into a message on
    stderr and an exit code; --debug adds a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any):
        try:
            return command(*args, **kwargs)
        except Exception as e:
            error = e if isinstance(e, KpiflowError) else _engine_error(e, kwargs.get("lang"))
            if error is None:
                raise
            if kwargs.get("debug"):
                err.print(traceback.format_exc(), markup=False, highlight=False)
            message = error.message(_user_lang(kwargs.get("lang"), kwargs.get("workspace")))
            err.print(message, markup=False, highlight=False, style="red")
            raise typer.Exit(error.exit_code) from None

    return wrapper


def _user_lang(lang: str | None, workspace: object) -> str:
    """The language of an error about what the user typed: --lang, else the locale of the
    workspace's model, else English (a command with no workspace, or none found)."""
    explicit = _explicit_lang(lang)
    if explicit:
        return explicit
    if isinstance(workspace, (str, Path)):
        from kpiflow.model.config import locale_of  # noqa: PLC0415  (only on an error: start-up stays light)

        return locale_of(workspace) or "en"
    return "en"


def _engine_error(error: Exception, lang: str | None) -> KpiflowError | None:
    """A DuckDB error as a kpiflow error in the user's language; None for anything else."""
    duckdb = sys.modules.get("duckdb")  # not imported: the error cannot be one of its
    if duckdb is None or not isinstance(error, duckdb.Error):
        return None
    from kpiflow.engine.duck import EngineError  # noqa: PLC0415  (keeps `kpiflow --help` instant)

    return EngineError.of(error, lang if lang in ("ja", "en") else _default_lang(None))


def analysis(name: str):
    """The registered analysis `name` (imported on use: keeps `kpiflow --help` instant)."""
    from kpiflow.analysis.registry import analysis as registered  # noqa: PLC0415

    return registered(name)


def _given(**values: Any) -> dict[str, Any]:
    """The options the user gave (not None): the registry supplies the rest, as on every face."""
    return {k: v for k, v in values.items() if v is not None}


def _show(table: Table, wide: bool, language: str, drop: list[int] | None = None) -> None:
    """Print a table without cutting a number: at the terminal's width, text columns wrap or are
    left out with a note; `wide` shows every column (kpiflow.cli_tables)."""
    from kpiflow.cli_tables import print_table  # noqa: PLC0415  (rich loads only to print a table)

    print_table(table, wide=wide, lang=language, drop=drop)


def _more(count: int, option: str, language: str) -> None:
    """Under a list cut to its first rows: how many more there are, and how to see them."""
    if count > 0:
        out.print(say("table.more", language, count=count, option=option), style="dim", highlight=False)


def _print_json(data: object) -> None:
    try:
        text = json.dumps(data, ensure_ascii=False, indent=2, default=str, allow_nan=False)
    except ValueError:  # a NaN or infinity (JSON has neither) is written as null
        from kpiflow.analysis.result import finite  # noqa: PLC0415  (only then: start-up imports no more than it needs)

        text = json.dumps(finite(data), ensure_ascii=False, indent=2, default=str)
    sys.stdout.write(text + "\n")


def _print_result(result: object) -> None:
    """A result's JSON as its command promised it."""
    from kpiflow.analysis.result import json_data  # noqa: PLC0415  (start-up: only a command that prints JSON)

    _print_json(json_data(result))


def _defaults(ws, name: str, **given: object) -> dict[str, object]:
    """An analysis's arguments: the values given on the command line, else the registry's one set
    of defaults (the last complete year, the model's target, ...), as the other faces use them."""
    from kpiflow.analysis.registry import analysis  # noqa: PLC0415

    return analysis(name).arguments(ws, {k: v for k, v in given.items() if v is not None})


def _analyse(workspace: Path, lang: str | None, as_json: bool, call, to_json=None):
    """Open the workspace, make one library call, and print its JSON when asked.

    Returns (result, language, model) for a rich rendering, or None when JSON was printed.
    """
    from kpiflow.workspace import open_workspace  # noqa: PLC0415  (keeps `kpiflow --help` instant)

    with open_workspace(workspace, lang=_explicit_lang(lang)) as ws:
        language = _default_lang(lang, "en" if as_json else ws.lang)
        result = call(ws, language)
        model = ws.model
    if as_json:
        _print_json(to_json(result)) if to_json else _print_result(result)
        return None
    return result, language, model


@app.command()
@handles_errors
def init(
    directory: Annotated[Path, typer.Argument(help="Folder to create the workspace in.")],
    lang: Lang = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing kpiflow.yaml.")] = False,
    engine: Annotated[str, typer.Option("--engine", help="duckdb (a database file here) | spark (the tables of --tables)")] = "duckdb",
    tables: Annotated[Optional[Path], typer.Option("--tables", help="With --engine spark: a folder written by `kpiflow export --format parquet`.")] = None,
    debug: Debug = False,
) -> None:
    """Create a workspace: kpiflow.yaml (the model) and kpiflow.duckdb with every canonical table,
    or with --engine spark a model whose analyses run on Spark over an exported Parquet folder."""
    from kpiflow.errors import UnknownNameError, WorkspaceError  # noqa: PLC0415
    from kpiflow.workspace import init_workspace  # noqa: PLC0415  (keeps `kpiflow --help` instant)

    language = _default_lang(lang, "ja")
    if engine not in ("duckdb", "spark"):
        raise UnknownNameError.for_name("engine", engine, ["duckdb", "spark"])
    if (engine == "spark") != (tables is not None):
        raise KpiflowError(say("init.spark_tables", language))
    if tables is not None:
        from kpiflow.io.export import engine_section, exported_tables  # noqa: PLC0415
        from kpiflow.model.config import MODEL_FILE, default_model_text  # noqa: PLC0415

        found = exported_tables(tables)
        if not found:
            raise WorkspaceError(say("init.no_tables", language, path=tables))
        model = directory / MODEL_FILE
        if model.exists() and not force:
            raise WorkspaceError(say("init.exists", language, path=model))
        directory.mkdir(parents=True, exist_ok=True)
        model.write_text(default_model_text(language) + "\n" + engine_section(found), encoding="utf-8")
        out.print(say("init.spark_done", language, path=directory.resolve(), tables=len(found), folder=Path(tables).resolve()), highlight=False)
        return
    ws = init_workspace(directory, lang=language, force=force)
    out.print(say("init.done", language, path=ws.root, model=ws.root / "kpiflow.yaml", database=ws.database), highlight=False)
    ws.close()


@app.command()
@handles_errors
def demo(
    directory: Annotated[Path, typer.Argument(help="Folder for the demo workspace.")] = Path("kpiflow-demo"),
    size: Annotated[str, typer.Option("--size", help="small | default | large")] = "default",
    seed: Annotated[int, typer.Option("--seed", help="Random seed; the same seed builds the same company.")] = 20260401,
    report: Annotated[bool, typer.Option("--report/--no-report", help="Also write DIR/report.html.")] = True,
    lang: Lang = None,
    as_json: AsJson = False,
    debug: Debug = False,
) -> None:
    """Build a workspace filled with a realistic fictional manufacturer (three fiscal years), and its report."""
    from kpiflow.reporting.html import write_report  # noqa: PLC0415
    from kpiflow.workspace import build_demo  # noqa: PLC0415

    language = _default_lang(lang, "ja")
    started = time.perf_counter()
    ws, rows = build_demo(directory, size=size, seed=seed, lang=language)
    seconds = time.perf_counter() - started
    report_path = write_report(ws, ws.root / "report.html", lang=language) if report else None
    if as_json:
        _print_json(
            {
                "workspace": str(ws.root),
                "size": size,
                "seed": seed,
                "seconds": round(seconds, 2),
                "rows": rows,
                "report": str(report_path) if report_path else None,
            }
        )
        ws.close()
        return
    out.print(say("demo.done", language, path=ws.root, size=size, seconds=seconds), highlight=False)
    table = RichTable(say("label.table", language), say("label.rows", language))
    table.columns[1].justify = "right"
    for name, n in rows.items():
        table.add_row(name, f"{n:,}")
    _show(table, False, language)
    _print_headline(ws, language)
    if report_path:
        out.print(say("report.written", language, path=report_path.resolve()), highlight=False)
    out.print(say("demo.next", language, path=ws.root), highlight=False)
    ws.close()


HEADLINE = ("revenue", "won_deals", "win_rate", "avg_deal_size", "opportunities", "leads", "mql_rate", "cost_per_lead")


def _print_headline(ws, language: str) -> None:
    """The headline KPIs of each fiscal year, with counts and intervals for rates."""
    from kpiflow.formatting import format_interval, format_value  # noqa: PLC0415

    names = [n for n in HEADLINE if n in ws.model.metrics]
    result = ws.metrics(names, period="fy", lang=language)
    periods = [p.label(language) for p in result.periods]
    table = RichTable(say("label.metric", language), *periods, title=say("demo.headline", language))
    for column in table.columns[1:]:
        column.justify = "right"
    for name in names:
        metric = ws.model.metrics[name]
        cells = []
        for period in periods:
            r = result.record(name, period)
            cell = format_value(r.value, metric.format, language, ws.model.currency)
            if r.ci_low is not None:
                cell += f"\n[dim]{format_interval(r.ci_low, r.ci_high)}[/dim]"
            cells.append(cell)
        table.add_row(metric.label.text(language, name), *cells)
    _show(table, False, language)


@app.command()
@handles_errors
def load(
    file: Annotated[Path, typer.Argument(help="CSV, TSV, XLSX, Parquet or JSON Lines file.")],
    table: Annotated[str, typer.Option("--table", "-t", help="Canonical table to load into.")],
    mode: Annotated[str, typer.Option("--mode", help="replace | append | upsert (by the table's key)")] = "replace",
    mapping: Annotated[Optional[Path], typer.Option("--mapping", help="Mapping YAML (source -> canonical columns).")] = None,
    preset: Annotated[Optional[str], typer.Option("--preset", help="hubspot | salesforce | eight | ga4")] = None,
    encoding: Annotated[Optional[str], typer.Option("--encoding", help="Override detection: utf-8, cp932, utf-16, ...")] = None,
    sheet: Annotated[Optional[str], typer.Option("--sheet", help="XLSX sheet name or 1-based number.")] = None,
    workspace: WorkspaceDir = Path("."),
    lang: Lang = None,
    as_json: AsJson = False,
    debug: Debug = False,
) -> None:
    """Load a file into a canonical table, all or nothing."""
    from kpiflow.workspace import open_workspace  # noqa: PLC0415

    with open_workspace(workspace, lang=_explicit_lang(lang)) as ws:
        language = _default_lang(lang, ws.lang)  # messages for people, even with --json
        result = ws.load(file, table, mode=mode, mapping=mapping, preset=preset, encoding=encoding, sheet=sheet, lang=language)
    if as_json:
        _print_result(result)
        return
    out.print(
        say("load.done", language, file=file.name, rows=result.rows, table=table, mode=mode, encoding=result.encoding),
        highlight=False,
    )
    for warning in result.warnings:
        err.print("  ! " + warning, markup=False, highlight=False, style="yellow")


@app.command()
@handles_errors
def check(
    workspace: WorkspaceDir = Path("."),
    lang: Lang = None,
    as_json: AsJson = False,
    wide: Wide = False,
    debug: Debug = False,
) -> None:
    """Summarise every table and check the data contract; exits 4 on violations."""
    from kpiflow.workspace import open_workspace  # noqa: PLC0415

    with open_workspace(workspace, lang=_explicit_lang(lang)) as ws:
        language = _default_lang(lang, "en" if as_json else ws.lang)
        result = ws.check()
        root = ws.root
        words = _words(ws.model, language)
    if as_json:
        _print_result(result)
    else:
        out.print(say("check.title", language, path=root), style="bold", highlight=False)
        t = RichTable(*(say(f"label.{k}", language) for k in ("table", "rows", "from", "to", "key")))
        t.columns[1].justify = "right"
        for s in result.tables:
            t.add_row(s.table, f"{s.rows:,}", (s.first or "")[:10], (s.last or "")[:10], ", ".join(s.key))
        _show(t, wide, language)
        for title, findings, style in (
            (say("check.violations", language, count=len(result.violations)), result.violations, "red"),
            (say("check.warnings", language, count=len(result.warnings)), result.warnings, "yellow"),
        ):
            if not findings:
                continue
            f = RichTable(
                *(say(f"label.{k}", language) for k in ("table", "kind", "column", "count", "detail")), title=title, style=style
            )
            f.columns[3].justify = "right"
            for finding in findings:
                f.add_row(finding.table, words.code(finding.kind), finding.column, f"{finding.count:,}", finding.describe(language))
            _show(f, wide, language)
        if result.ok:
            out.print(say("check.ok", language), style="green")
    if not result.ok:
        raise typer.Exit(4)


@app.command()
@handles_errors
def metrics(
    names: Annotated[Optional[list[str]], typer.Argument(help="Metrics to show (default: all).")] = None,
    period: Annotated[
        str, typer.Option("--period", help="month | quarter | half | fy, or one period: FY2025Q3, 2025-10, FY2024..FY2025, all")
    ] = "quarter",
    by: Annotated[Optional[list[str]], typer.Option("--by", help="Dimension to break down by (repeatable).")] = None,
    start: Annotated[Optional[str], typer.Option("--from", help="First period, e.g. FY2024 or 2025-04.")] = None,
    end: Annotated[Optional[str], typer.Option("--to", help="Last period, e.g. FY2025Q4.")] = None,
    last: Annotated[Optional[str], typer.Option("--last", help="Trailing complete periods: 4q, 12m, 2h, 3y.")] = None,
    workspace: WorkspaceDir = Path("."),
    lang: Lang = None,
    as_json: AsJson = False,
    wide: Wide = False,
    debug: Debug = False,
) -> None:
    """Metric values per period and dimension, with counts and 95% intervals for rates."""
    from kpiflow.formatting import format_interval, format_value  # noqa: PLC0415

    analysed = _analyse(
        workspace,
        lang,
        as_json,
        lambda ws, language: ws.metrics(names, period=period, start=start, end=end, last=last, by=by or [], lang=language),
    )
    if analysed is None:
        return
    result, language, model = analysed
    words = _words(model, language)
    heads = [
        say("label.metric", language),
        *(words.dimension(d) for d in result.dimensions),
        say("label.period", language),
        say("label.value", language),
        say("label.counts", language),
        say("label.interval", language),
        "",
    ]
    table = RichTable(*heads)
    for column in table.columns[-4:-1]:
        column.justify = "right"
    for r in result.records:
        metric = model.metrics[r.metric]
        counts = f"{format_value(r.numerator)} / {format_value(r.denominator)}" if r.denominator is not None else ""
        flags = "⚠ n<30" if r.small_sample else ""
        throughput = r.ratio_kind == "throughput"
        if r.note and not throughput:
            flags = (flags + " " + r.note).strip()
        if throughput and r.value is not None and r.value > 1:
            flags = (flags + " " + say("ratio.above_100", language)).strip()
        table.add_row(
            metric.label.text(language, r.metric),
            *[words.value(d, r.dimensions.get(d)) for d in result.dimensions],
            r.period,
            format_value(r.value, metric.format, language, model.currency),
            counts,
            say("ratio.throughput", language) if throughput else format_interval(r.ci_low, r.ci_high),
            flags,
        )
    _show(table, wide, language)
    if any(r.ratio_kind == "throughput" for r in result.records):
        out.print(say("ratio.throughput_footnote", language), style="dim", highlight=False)


@app.command()
@handles_errors
def tree(
    period: Annotated[
        Optional[str],
        typer.Option("--period", help="One period: FY2025, FY2025Q3, 2025-10, FY2024..FY2025, all (default: the last complete fiscal year)."),
    ] = None,
    workspace: WorkspaceDir = Path("."),
    lang: Lang = None,
    as_json: AsJson = False,
    wide: Wide = False,
    debug: Debug = False,
) -> None:
    """The KPI tree (key point map): every node's value, target, last year and the product check."""
    from kpiflow.formatting import format_value  # noqa: PLC0415

    analysed = _analyse(
        workspace, lang, as_json, lambda ws, language: ws.tree(_defaults(ws, "tree", period=period)["period"], lang=language)
    )
    if analysed is None:
        return
    result, language, model = analysed
    heads = [say(f"label.{k}", language) for k in ("metric", "value", "target", "status", "last_year", "change", "product")]
    table = RichTable(*heads, title=f"{say('tree.title', language)} — {result.period}")
    table.columns[0].no_wrap = True
    for column in table.columns[1:]:
        column.justify = "right"
    reasons: list[str] = []
    for n in result.nodes:
        fmt = model.metrics[n.metric].format
        status = {"on_track": "[green]✓[/green]", "behind": "[red]✗[/red]"}.get(n.status or "", "")
        product = ""
        if n.factors:
            product = "✓" if n.exact else (f"{n.relative_difference:+.2%}" if n.relative_difference is not None else "—")
            if n.reason:
                reasons.append(f"{n.metric} = {' × '.join(n.factors)}: {n.reason}")
        change = f"{n.change:+.1%}" if n.change is not None else ""
        if change and n.change_significant is not None:
            change = f"[bold]{change}[/bold]" if n.change_significant else f"[dim]~{change}[/dim]"
        label = "  " * n.depth + n.label + (" ⚠" if n.small_sample else "")
        if n.ratio_kind == "throughput":
            label += " †"
        if n.note:
            reasons.append(f"† {n.label}: {n.note}")
        table.add_row(
            label,
            format_value(n.value, fmt, language, model.currency),
            format_value(n.target, fmt, language, model.currency) if n.target is not None else "",
            status,
            format_value(n.last_year, fmt, language, model.currency) if n.last_year is not None else "",
            change,
            product,
        )
    _show(table, wide, language)
    if any(n.change is not None for n in result.nodes):
        out.print(say("tree.legend", language), style="dim", highlight=False)
    if any(n.ratio_kind == "throughput" for n in result.nodes):
        out.print("† " + say("ratio.throughput_footnote", language), style="dim", highlight=False)
    for reason in reasons:
        out.print(reason, style="yellow", highlight=False)


@app.command()
@handles_errors
def plan(
    target: Annotated[
        Optional[str], typer.Option("--target", help="The goal, e.g. revenue=600000000 (default: kpiflow.yaml's target for the period).")
    ] = None,
    period: Annotated[
        Optional[str], typer.Option("--period", help="The plan period, e.g. FY2026 (default: the year after the last complete one).")
    ] = None,
    rates: Annotated[str, typer.Option("--rates", help="Where rates come from: last:4q (default), last:12m, ...")] = "last:4q",
    overrides: Annotated[Optional[list[str]], typer.Option("--set", help="Override a rate: win_rate=0.3 (repeatable).")] = None,
    scenarios: Annotated[
        Optional[list[str]], typer.Option("--scenario", help="NAME:rate=value[,rate=value] (repeatable).")
    ] = None,
    phase: Annotated[Optional[str], typer.Option("--phase", help="monthly: the plan's volumes as whole monthly targets per stage.")] = None,
    save_targets: Annotated[bool, typer.Option("--save-targets", help="With --phase monthly: write them into kpiflow.yaml's targets.")] = False,
    workspace: WorkspaceDir = Path("."),
    lang: Lang = None,
    as_json: AsJson = False,
    wide: Wide = False,
    debug: Debug = False,
) -> None:
    """Plan backwards from a revenue goal: volumes per stage, budget, gap and sensitivity."""
    from kpiflow.analysis.plan import parse_assignments, parse_scenarios  # noqa: PLC0415
    from kpiflow.formatting import format_money, format_value, plan_volumes  # noqa: PLC0415
    from kpiflow.workspace import open_workspace  # noqa: PLC0415

    given = parse_assignments([target], "--target") if target is not None else None
    with open_workspace(workspace, lang=_explicit_lang(lang)) as ws:
        language = _default_lang(lang, "en" if as_json else ws.lang)
        arguments = _defaults(ws, "plan", target=given, period=period)
        goal, period = arguments["target"], arguments["period"]
        result = ws.plan(
            goal,
            period,
            rates=rates,
            overrides=parse_assignments(overrides, "--set"),
            scenarios=parse_scenarios(scenarios),
            lang=language,
        )
        model = ws.model
        monthly = _phase_plan(ws, result, period, phase, save_targets, language)
    if as_json:
        _print_json(result.to_json_data() | ({"monthly_targets": monthly} if monthly else {}))
        return
    money = lambda v: format_money(v, language, model.currency) if v is not None else "—"  # noqa: E731
    words = _words(model, language)
    heads = [say(f"label.{k}", language) for k in ("metric", "required_volume", "run_rate", "gap", "source")]
    names = list(result.scenarios)
    table = RichTable(
        *heads,
        *names,
        title=f"{say('plan.title', language)} — {result.period} ({say('plan.history', language)} {result.history_period})",
    )
    for column in table.columns[1:]:
        column.justify = "right"
    table.columns[4].justify = "left"  # where each number comes from: words
    notes, throughput = [], []
    for n in result.nodes:
        fmt = model.metrics[n.metric].format
        show = lambda v, f=fmt: format_value(v, f, language, model.currency) if v is not None else ""  # noqa: E731
        label = "  " * n.depth + n.label
        if n.role == "volume" and fmt not in ("money", "percent"):
            # A count to deliver: whole numbers rounded up (you cannot plan 1,592.1 deals).
            need, pace, gap = plan_volumes(n.required, n.history)
            cells = [show(need), show(pace), show(gap)]
            others = [show(plan_volumes(result.node(n.metric, s).required, None)[0]) for s in names]
        else:
            cells = [show(n.required), show(n.history), show(n.gap)]
            others = [show(result.node(n.metric, s).required) for s in names]
        if n.ratio_kind == "throughput":
            label += " †"
            throughput.append(n.label)
            if n.note:  # above 100%: why it can be
                notes.append(f"† {n.label} {show(n.required)}: {n.note}")
        table.add_row(label, *cells, words.code(n.source), *others)
    _show(table, wide, language)
    if monthly:
        months = list(monthly)
        phased = RichTable(say("label.metric", language), *months, title=say("plan.phase_title", language, period=result.period))
        for column in phased.columns[1:]:
            column.justify = "right"
        for metric in dict.fromkeys(m for values in monthly.values() for m in values):
            phased.add_row(words.metric(metric), *(f"{monthly[m][metric]:,}" for m in months))
        _show(phased, wide, language)
        if save_targets:
            out.print(say("plan.targets_saved", language, count=len(months), file="kpiflow.yaml"), highlight=False)
    if throughput:
        out.print(f"† {say('plan.throughput_legend', language)}: {', '.join(throughput)}", style="dim", highlight=False)
    for note in notes:
        out.print(note, style="dim", highlight=False)
    out.print(say("plan.whole", language), style="dim", highlight=False)
    out.print(
        f"{say('plan.budget_leads', language)}: {money(result.budget_by_leads)}   "
        f"{say('plan.budget_opportunities', language)}: {money(result.budget_by_opportunities)}",
        highlight=False,
    )
    for name, settings in result.scenario_settings.items():
        out.print(
            say(
                "plan.scenario_budget",
                language,
                name=name,
                leads=money(settings["budget_by_leads"]),
                opportunities=money(settings["budget_by_opportunities"]),
            ),
            highlight=False,
        )
    if result.channel_budgets:
        ct = RichTable(
            say("plan.channel", language), say("plan.share", language), say("plan.cpl", language), say("plan.budget", language)
        )
        for column in ct.columns[1:]:
            column.justify = "right"
        for c in result.channel_budgets:
            name = words.value("channel", c.channel) if c.channel is not None else say("plan.no_channel", language) + " *"
            ct.add_row(name, f"{c.share_of_leads:.1%}", money(c.cost_per_lead), money(c.budget))
        _show(ct, wide, language)
        for c in result.channel_budgets:
            if c.note:
                out.print(f"* {c.note}", style="dim", highlight=False)
        out.print(say("plan.budget_note", language), style="dim", highlight=False)
    st = RichTable(
        say("plan.rate", language),
        say("plan.step", language),
        say("plan.saved", language),
        say("plan.money_saved", language),
        title=say("plan.sensitivity", language),
    )
    opening, sep, closing = ("（", "、", "）") if language == "ja" else (" (", ", ", ")")
    for item in result.sensitivity:
        label = model.metrics[item.rate].label.text(language, item.rate)
        if item.basis in ("rate", "cohort") and item.conversion_rate is not None:
            counts = f"{sep}{item.converted:,}/{item.entered:,}" if item.entered is not None else ""
            cohort = f"{say('plan.cohort', language)} " if item.basis == "cohort" else ""
            label += f"{opening}{cohort}{item.conversion_rate:.1%}{counts}{closing}"
        step = say("plan.point", language) if item.basis in ("rate", "cohort") else "+1%"
        top_label = model.metrics[item.top_metric].label.text(language, item.top_metric)
        st.add_row(label, step, f"{item.top_saved:,.0f} {top_label}", money(item.budget_saved))
    for column in st.columns[2:]:
        column.justify = "right"
    _show(st, wide, language)
    if any(item.basis == "cohort" for item in result.sensitivity):
        out.print(say("plan.sensitivity_legend", language), style="dim", highlight=False)
    for rate, reason in result.sensitivity_excluded.items():
        out.print(
            say("plan.excluded", language, rate=model.metrics[rate].label.text(language, rate), reason=reason),
            style="dim",
            highlight=False,
        )


@app.command(name="funnel")
@handles_errors
def funnel_command(
    period: Annotated[
        Optional[str], typer.Option("--period", help="FY2025, FY2025Q3, 2025-10, FY2024..FY2025, all (default: the last complete year).")
    ] = None,
    steps: Annotated[
        Optional[list[str]], typer.Option("--step", help="A touchpoint funnel step, e.g. \"type = 'demo'\" (repeatable).")
    ] = None,
    mode: Annotated[str, typer.Option("--mode", help="Touchpoint funnels: ordered | strict | unordered")] = "ordered",
    exclude: Annotated[
        Optional[list[str]], typer.Option("--exclude", help="Touchpoint funnels: a condition that stops an attempt.")
    ] = None,
    unit: Annotated[str, typer.Option("--unit", help="Touchpoint funnels: contact | account | anonymous")] = "contact",
    dropped: Annotated[
        Optional[Path], typer.Option("--dropped", help="Touchpoint funnels: write who dropped at each step (CSV).")
    ] = None,
    basis: Annotated[
        str, typer.Option("--basis", help="cohort (who entered A, did they reach B) | period (entries per stage)")
    ] = "cohort",
    by: Annotated[Optional[list[str]], typer.Option("--by", help="Dimension to break down by (repeatable).")] = None,
    within: Annotated[Optional[str], typer.Option("--within", help="Cohort window: 90d, 12h, 2w.")] = None,
    entity: Annotated[str, typer.Option("--entity", help="contact | deal stages")] = "contact",
    workspace: WorkspaceDir = Path("."),
    lang: Lang = None,
    as_json: AsJson = False,
    wide: Wide = False,
    debug: Debug = False,
) -> None:
    """The CRM-stage funnel: conversion between stages with counts, intervals, skips and exits."""
    from kpiflow.formatting import format_interval, format_kind  # noqa: PLC0415
    from kpiflow.workspace import open_workspace  # noqa: PLC0415

    if steps:
        _touch_funnel(workspace, steps, period, within, mode, exclude or [], unit, (by or [None])[0], dropped, lang, as_json, wide)
        return
    with open_workspace(workspace, lang=_explicit_lang(lang)) as ws:
        language = _default_lang(lang, "en" if as_json else ws.lang)
        result = ws.funnel(period, basis=basis, entity=entity, by=by or [], within=within, lang=language)
        model = ws.model
    if as_json:
        _print_result(result)
        return
    words = _words(model, language)
    cohort = result.basis == "cohort"
    # Times recorded out of order are flagged in their own column, shown when there are any.
    disordered = cohort and any(st.out_of_order for st in result.steps)
    heads = [
        *(words.dimension(d) for d in result.dimensions),
        say("funnel.step", language),
        say("funnel.entered", language),
        say("funnel.converted", language),
        say("label.value", language),
        say("label.interval", language),
        say("funnel.skipped", language),
        *([say("funnel.out_of_order", language)] if disordered else []),
    ]
    if cohort:
        heads += [say("funnel.lost", language), say("funnel.open", language), say("funnel.median_days", language)]
    title = say(f"funnel.title_{result.basis}", language, period=result.period)
    if result.within_days:
        title += f" ({say('funnel.within', language, days=result.within_days)})"
    table = RichTable(*heads, title=title)
    table.columns[len(result.dimensions)].no_wrap = True
    for column in table.columns[len(result.dimensions) + 1 :]:
        column.justify = "right"
    for st in result.steps:
        rate = f"{st.rate:.1%}" if st.rate is not None else "—"
        if st.small_sample:
            rate += " ⚠"
        row = [
            *(words.value(d, st.dimensions[d]) for d in result.dimensions),
            words.pair(st.from_stage, st.to_stage),
            f"{st.entered:,}",
            f"{st.converted:,}",
            rate,
            format_interval(st.ci_low, st.ci_high),
            f"{st.skipped:,}",
            *([f"{st.out_of_order:,}"] if disordered else []),
        ]
        if cohort:
            immature = f" ({st.immature:,} {say('funnel.immature', language)})" if st.immature else ""
            row += [f"{st.lost:,}", f"{st.open:,}{immature}", format_kind(st.median_days, "duration")]
        table.add_row(*row)
    # On a narrow terminal the rates and the days stay; the counts of irregular moves go first.
    order = [say(f"funnel.{k}", language) for k in ("out_of_order", "skipped", "lost", "open", "converted")] + [
        say("label.interval", language)
    ]
    _show(table, wide, language, drop=[heads.index(h) for h in order if h in heads])


def _touch_funnel(workspace, steps, period, within, mode, exclude, unit, by, dropped, lang, as_json, wide) -> None:
    from kpiflow.formatting import format_interval  # noqa: PLC0415
    from kpiflow.workspace import open_workspace  # noqa: PLC0415

    with open_workspace(workspace, lang=_explicit_lang(lang)) as ws:
        language = _default_lang(lang, "en" if as_json else ws.lang)
        result = ws.touch_funnel(
            steps, within=within, mode=mode, exclude=exclude, unit=unit, by=by, period=period, lang=language, per_unit=bool(dropped)
        )
    if dropped:
        count = result.write_dropped_csv(dropped, lang=language)
        err.print(say("lists.written", language, count=count, path=dropped), highlight=False)
    if as_json:
        _print_result(result)
        return
    hours = lambda s: f"{s / 3600:.1f}" if s is not None else "—"  # noqa: E731
    heads = [
        "#",
        say("touch.condition", language),
        say("funnel.entered", language),
        say("funnel.converted", language),
        say("label.value", language),
        say("touch.from_start", language),
        say("label.interval", language),
        say("touch.median_hours", language),
    ]
    table = RichTable(*heads, title=say("touch.title", language, mode=result.mode, unit=result.unit))
    for column in table.columns[2:]:
        column.justify = "right"
    rows = result.steps if not result.by else result.breakdown
    for st in rows:
        rate = f"{st.rate:.1%}" if st.rate is not None else ""
        label = st.condition if not result.by else f"[{st.group}] {st.condition}"
        table.add_row(
            str(st.step),
            label,
            f"{st.entered:,}",
            f"{st.reached:,}",
            rate + (" ⚠" if st.small_sample and st.rate is not None else ""),
            f"{st.rate_from_start:.1%}" if st.rate_from_start is not None else "",
            format_interval(st.ci_low, st.ci_high),
            hours(st.time.median_seconds),
        )
    table.columns[0].justify = "right"
    _show(table, wide, language)
    for warning in result.warnings:
        out.print(warning, style="yellow", markup=False, highlight=False)


@app.command(name="bottleneck")
@handles_errors
def bottleneck_command(
    by: Annotated[Optional[list[str]], typer.Option("--by", help="Dimension to break down by (repeatable).")] = None,
    against: Annotated[Optional[str], typer.Option("--against", help="target | best-period | best-segment")] = None,
    period: Annotated[Optional[str], typer.Option("--period", help="Default: the last complete fiscal year.")] = None,
    within: Annotated[
        Optional[str],
        typer.Option("--within", help="Window to reach the next stage in cohort rates, e.g. 90d (default: each ratio's window)."),
    ] = None,
    workspace: WorkspaceDir = Path("."),
    lang: Lang = None,
    as_json: AsJson = False,
    wide: Wide = False,
    debug: Debug = False,
) -> None:
    """Stage conversion rates ranked by the revenue their repair to the reference is worth."""
    from kpiflow.formatting import format_money  # noqa: PLC0415

    analysed = _analyse(
        workspace,
        lang,
        as_json,
        lambda ws, language: ws.bottleneck(period, by=by or [], against=against, within=within, lang=language),
    )
    if analysed is None:
        return
    result, language, model = analysed
    words = _words(model, language)
    currency = model.currency
    money = lambda v: format_money(v, language, currency) if v is not None else "—"  # noqa: E731
    heads = [
        say("plan.rate", language),
        *(words.dimension(d) for d in result.dimensions),
        say("bottleneck.actual", language),
        say("bottleneck.reference", language),
        say("bottleneck.gain", language),
        say("bottleneck.range", language),
        "",
    ]
    table = RichTable(*heads, title=say("bottleneck.title", language, period=result.period))
    for column in table.columns[1 + len(result.dimensions) : -1]:
        column.justify = "right"
    for b in result.ranked:
        actual = f"{b.actual:.1%}" if b.actual is not None else "—"
        counts = f" ({b.numerator:,.0f}/{b.denominator:,.0f})" if b.denominator is not None else ""
        if b.basis == "cohort":
            counts += " " + say("bottleneck.cohort", language, days=f"{b.window_days:g}")
        opening, closing = ("（", "）") if language == "ja" else ("(", ")")
        source = f"{opening}{words.code(b.reference_source)}{closing}"
        reference = f"{b.reference:.1%} {source}" if b.reference is not None else "—"
        if b.reference_low is not None:
            reference += f" [{b.reference_low:.1%}–{b.reference_high:.1%}]"
        flag = "⚠ n<30" if b.small_sample else ""
        table.add_row(
            b.label,
            *(words.value(d, b.dimensions[d]) for d in result.dimensions),
            actual + counts,
            reference,
            money(b.revenue_gain),
            f"{money(b.gain_low)}–{money(b.gain_high)}" if b.gain_low is not None else "",
            flag,
        )
    _show(table, wide, language)
    out.print(say("bottleneck.footnote", language), style="dim", highlight=False)
    for rate, reason in (result.excluded or {}).items():
        out.print(say("bottleneck.excluded", language, rate=model.metrics[rate].label.text(language, rate), reason=reason))


@app.command(name="explain")
@handles_errors
def explain_command(
    metric: Annotated[
        Optional[str], typer.Argument(help="Metric (a node of the KPI tree) to explain, e.g. revenue (default: revenue).")
    ] = None,
    start: Annotated[
        Optional[str], typer.Option("--from", help="Base period: FY2025Q2, 2025-10, FY2025, ... (default: a year before --to).")
    ] = None,
    end: Annotated[
        Optional[str], typer.Option("--to", help="Period to explain: FY2025Q3, ... (default: the last complete fiscal year).")
    ] = None,
    by: Annotated[
        Optional[list[str]], typer.Option("--by", help="Dimension to drill into (repeatable; default: every model dimension).")
    ] = None,
    top: Annotated[int, typer.Option("--top", help="Segments to show (JSON has all).", min=1)] = 15,
    workspace: WorkspaceDir = Path("."),
    lang: Lang = None,
    as_json: AsJson = False,
    wide: Wide = False,
    debug: Debug = False,
) -> None:
    """Why a KPI changed: exact contributions down the tree, the segments behind them, mix vs rate, noise."""
    from kpiflow.analysis.explain import signed_change  # noqa: PLC0415
    from kpiflow.formatting import format_kind, format_value  # noqa: PLC0415
    from kpiflow.model.ratios import is_throughput  # noqa: PLC0415

    def call(ws, language):
        arguments = _defaults(ws, "explain", metric=metric, start=start, end=end)
        return ws.explain(arguments["metric"], arguments["start"], arguments["end"], by=by or [], lang=language)

    analysed = _analyse(workspace, lang, as_json, call)
    if analysed is None:
        return
    result, language, model = analysed
    words = _words(model, language)

    def shown(name: str, value: float | None) -> str:
        return format_value(value, model.metrics[name].format, language, model.currency)

    def money(value: float | None) -> str:
        return "" if value is None else signed_change(model, result.metric, value, language)

    def noise(significant: bool | None) -> str:
        key = "explain.untested" if significant is None else ("explain.significant" if significant else "explain.noise")
        return say(key, language)

    def factor_label(name: str, label: str) -> str:
        # A throughput ratio (period counts, may pass 100%) is marked: it is not a rate to improve.
        return label + (" †" if is_throughput(model, name) else "")

    out.print(result.summary, highlight=False)
    heads = [
        say("explain.factor", language),
        result.period_from,
        result.period_to,
        say("explain.contribution", language),
        say("explain.share", language),
        say("explain.noise_column", language),
    ]
    table = RichTable(
        *heads, title=say("explain.title", language, metric=result.label, start=result.period_from, end=result.period_to)
    )
    for node in result.tree:
        counts = ""
        if node.test == "two_proportion" and node.denominator_to is not None and node.numerator_to is not None:
            counts = f" ({node.numerator_to:,.0f}/{node.denominator_to:,.0f})"
        share = format_kind(node.share, "percent") if node.share is not None else ""  # 33.3%, as on every face
        flag = " ⚠ n<30" if node.small_sample else ""
        table.add_row(
            "  " * node.depth + factor_label(node.metric, node.label),
            shown(node.metric, node.value_from),
            shown(node.metric, node.value_to) + counts,
            money(node.contribution),
            share,
            noise(node.significant) + flag,
        )
    for column in table.columns[1:5]:
        column.justify = "right"
    _show(table, wide, language)
    heads = [
        say("explain.factor", language),
        say("explain.segment", language),
        result.period_from,
        result.period_to,
        say("explain.contribution", language),
        say("explain.mix", language),
        say("explain.rate", language),
        say("explain.noise_column", language),
    ]
    segments = RichTable(*heads, title=say("explain.segments_title", language))
    for column in segments.columns[2:7]:
        column.justify = "right"
    for s in result.segments[:top]:
        segment = words.segment(s.dimension, s.value) if not s.unattributed else f"{words.dimension(s.dimension)}: ?"
        flag = " ⚠ n<30" if s.small_sample else ""
        segments.add_row(
            factor_label(s.factor, model.metrics[s.factor].label.text(language, s.factor)),
            segment,
            shown(s.factor, s.value_from),
            shown(s.factor, s.value_to),
            money(s.contribution),
            money(s.mix),
            money(s.rate),
            noise(s.significant) + flag,
        )
    _show(segments, wide, language)
    if len(result.segments) > top:
        out.print(say("explain.more", language, count=len(result.segments) - top), highlight=False)
    if any(is_throughput(model, node.metric) for node in result.tree):
        out.print(say("explain.throughput_legend", language), style="dim", highlight=False)
    for note in result.notes:
        out.print(f"[dim]{note}[/dim]", highlight=False)


def _rate(rate, language: str) -> str:
    """A rate with its counts and a small-sample mark, for tables."""
    if rate.value is None:
        return "—"
    flag = " ⚠" if rate.small_sample else ""
    return f"{rate.value:.1%} ({rate.count:,}/{rate.total:,}){flag}"


def _period_suffix(period: str | None) -> str:
    return f" {period}" if period else ""


def _words(model, language: str):
    """The words of the model's codes and labels in `language` (kpiflow.reporting.words)."""
    from kpiflow.reporting.words import vocabulary  # noqa: PLC0415  (keeps `kpiflow --help` instant)

    return vocabulary(model, language)


@app.command(name="exhibitions")
@handles_errors
def exhibitions_command(
    period: Annotated[
        Optional[str], typer.Option("--period", help="Exhibitions that start in this period (default: all).")
    ] = None,
    by_exhibit: Annotated[bool, typer.Option("--by-exhibit", help="One row per exhibit (booth zone, demo station).")] = False,
    within: Annotated[int, typer.Option("--within-days", help="Days after the show in which results count.", min=0)] = 180,
    workspace: WorkspaceDir = Path("."),
    lang: Lang = None,
    as_json: AsJson = False,
    wide: Wide = False,
    debug: Debug = False,
) -> None:
    """Exhibition KPIs: passers-by, stop rate, demo rate, dwell, leads, what followed, cost and ROI."""
    from kpiflow.formatting import format_kind, format_money  # noqa: PLC0415

    analysed = _analyse(
        workspace,
        lang,
        as_json,
        lambda ws, language: ws.exhibitions(period, by_exhibit=by_exhibit, within_days=within, lang=language),
    )
    if analysed is None:
        return
    result, language, model = analysed
    words = _words(model, language)
    money = lambda v: format_money(v, language, model.currency) if v is not None else "—"  # noqa: E731
    keys = [
        "passersby",
        "visitors",
        "stop_rate",
        "demo_rate",
        "dwell",
        "leads",
        "opportunities",
        "revenue",
        "cost_per_lead",
        "roi",
    ]
    heads = [words.header("exhibition_id")]
    heads += [words.header("exhibit_id")] if result.by_exhibit else []
    table = RichTable(
        *heads,
        *(words.header({"dwell": "median_dwell_seconds"}.get(k, k)) for k in keys),
        title=say("exhibitions.title", language, period=_period_suffix(result.period)),
    )
    for r in result.records:
        dwell = format_kind(r.median_dwell_seconds, "seconds")  # as every face shows it: the header says (s)
        roi = format_kind(r.roi, "roi")
        table.add_row(
            r.exhibition_id,
            *([str(r.exhibit_id)] if result.by_exhibit else []),
            f"{r.passersby:,}",
            f"{r.visitors:,}",
            _rate(r.stop_rate, language),
            _rate(r.demo_rate, language),
            dwell,
            f"{r.leads:,}",
            f"{r.opportunities:,}",
            money(r.revenue),
            money(r.cost_per_lead),
            roi,
        )
    for column in table.columns[len(heads) :]:
        column.justify = "right"
    # On a narrow terminal the show's results (leads, revenue, ROI) stay; traffic details go first.
    order = ["dwell", "demo_rate", "passersby", "visitors", "cost_per_lead", "opportunities", "stop_rate", "leads", "revenue"]
    _show(table, wide, language, drop=[len(heads) + keys.index(k) for k in order])


@app.command(name="behaviour")
@handles_errors
def behaviour_command(
    by: Annotated[str, typer.Option("--by", help="content_type | content_id | channel")] = "content_type",
    period: Annotated[Optional[str], typer.Option("--period", help="Page views in this period (default: all).")] = None,
    revisit_days: Annotated[int, typer.Option("--revisit-days", min=1)] = 30,
    inquiry_days: Annotated[int, typer.Option("--inquiry-days", min=1)] = 30,
    workspace: WorkspaceDir = Path("."),
    lang: Lang = None,
    as_json: AsJson = False,
    wide: Wide = False,
    debug: Debug = False,
) -> None:
    """Web behaviour: sessions, pages per session (回遊), dwell, scroll, revisits, inquiry conversion."""
    analysed = _analyse(
        workspace,
        lang,
        as_json,
        lambda ws, language: ws.behaviour(period, by=by, revisit_days=revisit_days, inquiry_days=inquiry_days, lang=language),
    )
    if analysed is None:
        return
    result, language, model = analysed
    from kpiflow.formatting import format_kind  # noqa: PLC0415  (start-up: only when a table is printed)

    words = _words(model, language)
    keys = ["sessions", "pages_per_session", "onward_rate", "dwell", "scroll", "revisit_rate", "inquiry_rate", "opportunity_rate"]
    table = RichTable(
        words.dimension(result.by),
        *(words.header({"dwell": "avg_dwell_seconds", "scroll": "avg_scroll_pct"}.get(k, k)) for k in keys),
        title=say("behaviour.title", language, by=words.dimension(result.by), period=_period_suffix(result.period)),
    )
    for r in result.records:
        table.add_row(
            words.value(result.by, r.key),
            f"{r.sessions:,}",
            format_kind(r.pages_per_session, "ratio"),
            _rate(r.onward_rate, language),
            format_kind(r.avg_dwell_seconds, "seconds"),  # the headers say (s) and (%), as on every face
            format_kind(r.avg_scroll_pct, "number"),
            _rate(r.revisit_rate, language),
            _rate(r.inquiry_rate, language),
            _rate(r.opportunity_rate, language),
        )
    for column in table.columns[1:]:
        column.justify = "right"
    # On a narrow terminal the conversions (inquiry, opportunity) stay; reading habits go first.
    order = ["scroll", "dwell", "pages_per_session", "revisit_rate", "onward_rate", "sessions", "opportunity_rate"]
    _show(table, wide, language, drop=[1 + keys.index(k) for k in order])


@app.command(name="patterns")
@handles_errors
def patterns_command(
    outcome: Annotated[
        Optional[str], typer.Option("--outcome", help="\"type = 'inquiry'\", stage:opportunity (default) or won.")
    ] = None,
    within: Annotated[str, typer.Option("--within", help="Window before the outcome, e.g. 30d.")] = "30d",
    max_length: Annotated[int, typer.Option("--max-length", min=1, max=3)] = 3,
    strict: Annotated[bool, typer.Option("--strict", help="Steps must follow each other directly.")] = False,
    unit: Annotated[str, typer.Option("--unit", help="contact | account (the buying committee)")] = "contact",
    period: Annotated[Optional[str], typer.Option("--period", help="Period to mine (default: all).")] = None,
    compare: Annotated[Optional[str], typer.Option("--compare", help="A second period: which patterns rose.")] = None,
    min_support: Annotated[int, typer.Option("--min-support", min=1)] = 20,
    where: Annotated[
        Optional[str],
        typer.Option(
            "--where",
            help="Touchpoints that count as steps (default: marketing's, \"channel <> 'sales'\"; --where '' counts every touch).",
        ),
    ] = None,
    top: Annotated[int, typer.Option("--top", min=1, help="Patterns to show (JSON has all).")] = 20,
    workspace: WorkspaceDir = Path("."),
    lang: Lang = None,
    as_json: AsJson = False,
    wide: Wide = False,
    debug: Debug = False,
) -> None:
    """Touchpoints and sequences that precede an outcome more often than the base rate, and the top paths."""
    analysed = _analyse(
        workspace,
        lang,
        as_json,
        lambda ws, language: analysis("patterns").run(
            ws,
            **_given(outcome=outcome, period=period, compare=compare),
            within=within,
            max_length=max_length,
            strict=strict,
            unit=unit,
            min_support=min_support,
            **({} if where is None else {"where": where or None}),  # '' = every touch, sales' too
            lang=language,
        ),
    )
    if analysed is None:
        return
    result, language, model = analysed
    from kpiflow.formatting import format_kind  # noqa: PLC0415  (start-up: only when a table is printed)

    words = _words(model, language)
    base = f"{result.base_rate:.1%}" if result.base_rate is not None else "—"
    table = RichTable(
        say("patterns.pattern", language),
        say("patterns.support", language),
        say("patterns.confidence", language),
        say("patterns.lift", language),
        say("patterns.q_value", language),
        "",
        title=say("patterns.title", language, outcome=words.code(result.outcome), unit=words.code(result.unit), base=base),
    )
    for r in result.records[:top]:
        lift = f"{r.lift:.2f}" if r.lift is not None else "—"
        interval = f" ({r.ci_low:.2f}–{r.ci_high:.2f})" if r.ci_low is not None and r.ci_high is not None else ""
        flag = say("explain.significant", language) if r.significant else say("explain.noise", language)
        table.add_row(words.steps(r.pattern), f"{r.support:,}", f"{r.confidence:.1%}", lift + interval, f"{r.q_value:.3g}", flag)
    for column in table.columns[1:5]:
        column.justify = "right"
    if result.records:
        _show(table, wide, language)
        _more(len(result.records) - top, "--top", language)
    else:
        out.print(say("patterns.none", language, min_support=result.min_support), highlight=False)
    paths = RichTable(
        "#", say("patterns.pattern", language), "n", title=say("patterns.paths", language, outcome=words.code(result.outcome))
    )
    for i, p in enumerate(result.paths.paths, 1):
        paths.add_row(str(i), words.steps(p.steps), f"{p.count:,} ({format_kind(p.share, 'percent')})")
    paths.columns[0].justify = paths.columns[2].justify = "right"
    if result.paths.paths:
        _show(paths, wide, language)
    for warning in result.warnings:
        out.print(warning, style="yellow", markup=False, highlight=False)


@app.command(name="handoff")
@handles_errors
def handoff_command(
    by: Annotated[Optional[str], typer.Option("--by", help="Dimension: channel, owner, industry, ...")] = None,
    period: Annotated[
        Optional[str], typer.Option("--period", help="MQLs entered in this period (default: the last complete fiscal year; all).")
    ] = None,
    workspace: WorkspaceDir = Path("."),
    lang: Lang = None,
    as_json: AsJson = False,
    wide: Wide = False,
    debug: Debug = False,
) -> None:
    """Marketing -> sales handoff: MQL->SQL rate and lag, follow-up SLA, recycling, close rate."""
    from kpiflow.formatting import format_interval, format_kind  # noqa: PLC0415

    analysed = _analyse(
        workspace, lang, as_json, lambda ws, language: analysis("handoff").run(ws, **_given(period=period, by=by), lang=language)
    )
    if analysed is None:
        return
    result, language, model = analysed
    words = _words(model, language)
    pct = lambda r: f"{r.value:.1%}" if r.value is not None else "—"  # noqa: E731
    heads = [
        words.dimension(by) if by else "",
        "MQL",
        "SQL",
        *(words.header(k) for k in ("sql_rate",)),
        say("label.interval", language),
        *(words.header(k) for k in ("median_lag_days", "sla_rate", "never_touched", "recycle_rate", "close_rate")),
    ]
    records = [result.total] + (result.records if by else [])
    table = RichTable(
        *heads,
        title=say(
            "handoff.title", language, period=result.period or say("handoff.all", language), hours=result.settings.sla_hours
        ),
    )
    for column in table.columns[1:]:
        column.justify = "right"
    for r in records:
        name = say("handoff.total", language) if r is result.total else words.value(by, r.key)
        lag = format_kind(r.median_lag_days, "duration")
        flag = " ⚠" if r.small_sample else ""
        table.add_row(
            name,
            f"{r.mqls:,}",
            f"{r.sqls:,}",
            pct(r.sql_rate) + flag,
            format_interval(r.sql_rate.ci_low, r.sql_rate.ci_high),
            lag,
            pct(r.sla_rate),
            f"{r.never_touched:,}",
            pct(r.recycle_rate),
            pct(r.close_rate),
        )
    _show(table, wide, language)
    effect = result.speed_effect
    if effect.met.value is not None and effect.missed.value is not None:
        out.print(
            say("handoff.speed", language, met=effect.met.value, missed=effect.missed.value, p=effect.p_value), highlight=False
        )


@app.command(name="velocity")
@handles_errors
def velocity_command(
    by: Annotated[Optional[str], typer.Option("--by", help="Dimension: channel, industry, size_band, owner, ...")] = None,
    period: Annotated[Optional[str], typer.Option("--period", help="Moves out of stages entered in this period.")] = None,
    deals: Annotated[bool, typer.Option("--deals", help="Also the deal stages.")] = False,
    workspace: WorkspaceDir = Path("."),
    lang: Lang = None,
    as_json: AsJson = False,
    wide: Wide = False,
    debug: Debug = False,
) -> None:
    """Nurturing period: days between stages (median, quartiles) and the standard journey to won."""
    from kpiflow.formatting import format_kind  # noqa: PLC0415

    analysed = _analyse(workspace, lang, as_json, lambda ws, language: ws.velocity(period, by=by, deals=deals, lang=language))
    if analysed is None:
        return
    result, language, model = analysed
    words = _words(model, language)
    days = lambda v: format_kind(v, "duration")  # noqa: E731
    # Moves recorded out of order count in n and are flagged in their own column, shown when there are any.
    disordered = any(r.out_of_order for r in result.records)
    heads = [
        *([words.dimension(by)] if by else []),
        say("funnel.step", language),
        "n",
        say("velocity.median", language),
        "p25",
        "p75",
        say("funnel.skipped", language),
        *([say("funnel.out_of_order", language)] if disordered else []),
        "",
    ]
    table = RichTable(*heads, title=say("velocity.title", language))
    for column in table.columns[(1 if by else 0) + 1 : -1]:  # the last holds the small-sample mark
        column.justify = "right"
    for r in result.records:
        # A move that jumped over stages (mql straight to customer) is measured in its own row.
        step = words.pair(r.from_stage, r.to_stage)
        row = [
            *([words.value(by, r.dimensions.get(by))] if by else []),
            say("velocity.skip", language, step=step) if r.kind == "skip" else step,
            f"{r.n:,}",
            days(r.median_days),
            days(r.p25_days),
            days(r.p75_days),
            f"{r.skipped:,}" if r.skipped is not None else "",
            *([f"{r.out_of_order:,}"] if disordered else []),
            "⚠ n<30" if r.small_sample else "",
        ]
        table.add_row(*row)
    _show(table, wide, language)
    journey = result.journey
    first = words.stage(journey.steps[0].from_stage) + " → " if journey.steps else ""
    steps = first + " → ".join(f"{words.stage(s.to_stage)} {days(s.cumulative_days)}" for s in journey.steps)
    out.print(say("velocity.journey", language, steps=steps, total=days(journey.total_median_days)), highlight=False)


@app.command(name="lists")
@handles_errors
def lists_command(
    kind: Annotated[
        Optional[str], typer.Argument(help="nurture (slower than the standard) | fast (faster: hand to sales now; the default)")
    ] = None,
    by: Annotated[Optional[str], typer.Option("--by", help="Compare with the standard of this segment (channel, ...).")] = None,
    output: Annotated[
        Optional[Path], typer.Option("--out", help="Write the list to a CSV file (UTF-8 with BOM, for Excel).")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", help="Rows to show in the terminal.")] = 30,
    workspace: WorkspaceDir = Path("."),
    lang: Lang = None,
    as_json: AsJson = False,
    wide: Wide = False,
    debug: Debug = False,
) -> None:
    """Leads to nurture (stuck longer than the standard) or to hand to sales now (faster than it)."""
    from kpiflow.formatting import format_kind  # noqa: PLC0415
    from kpiflow.workspace import open_workspace  # noqa: PLC0415

    with open_workspace(workspace, lang=_explicit_lang(lang)) as ws:
        language = _default_lang(lang, "en" if as_json else ws.lang)
        kind = _defaults(ws, "lists", kind=kind)["kind"]
        result = ws.lists(kind, by=by)
        words = _words(ws.model, language)
    if output:
        result.write_csv(output)
        out.print(say("lists.written", language, count=len(result.records), path=output), highlight=False)
        return
    if as_json:
        _print_result(result)
        return
    table = RichTable(
        words.dimension("contact_id"),
        say("funnel.step", language),
        say("lists.days", language),
        say("lists.standard", language),
        words.dimension("owner"),
        words.dimension("channel"),
        title=say(f"lists.title_{kind}", language, count=len(result.records)),
    )
    for r in result.records[:limit]:
        shown = r.days_in_stage if kind == "nurture" else r.days_from_lead
        table.add_row(
            r.contact_id,
            words.stage(r.stage),
            format_kind(shown, "duration"),
            format_kind(r.standard_days, "duration"),
            words.value("owner", r.owner),
            words.value("channel", r.channel),
        )
    table.columns[2].justify = table.columns[3].justify = "right"
    _show(table, wide, language)
    _more(len(result.records) - limit, "--limit", language)


@app.command()
@handles_errors
def analyses(lang: Lang = None, as_json: AsJson = False, wide: Wide = False, debug: Debug = False) -> None:
    """Every registered analysis: what it answers, its parameters with their defaults, and its faces."""
    from kpiflow.analysis.registry import ANALYSES  # noqa: PLC0415  (keeps `kpiflow --help` instant)

    if as_json:
        _print_json([a.to_dict() for a in ANALYSES])
        return
    language = _default_lang(lang)
    table = RichTable(*(say(f"analyses.{k}", language) for k in ("name", "what", "params", "faces")))
    for a in ANALYSES:
        params = ", ".join(p.name + ("" if p.default is None else f"={p.default}") for p in a.params)
        table.add_row(f"kpiflow {a.name}", a.summary.get(language, a.summary["en"]), params, " ".join(a.faces))
    _show(table, wide, language)


# Options of a registered analysis's command, by the kind of its parameter (see registry.Param).
_OPTION_TYPES: dict[str, Any] = {"int": Optional[int], "flag": Optional[bool], "dimensions": Optional[list[str]], "texts": Optional[list[str]]}


def _analysis_command(entry):
    """The command of a registered analysis that returns a `Tabular`: an option per parameter
    (`--name-with-dashes`, its default the registry's), `--json`, `--wide`; its tables printed
    with every cell formatted by its column's kind."""
    import inspect  # noqa: PLC0415

    options = [
        inspect.Parameter(
            p.name,
            inspect.Parameter.KEYWORD_ONLY,
            default=None,
            annotation=Annotated[
                _OPTION_TYPES.get(p.kind, Optional[str]),
                # a required list of names is the command's arguments (`kpiflow trend revenue leads`)
                typer.Argument(help=p.words("en"), show_default=False)
                if p.kind == "texts" and p.required
                else typer.Option(
                    "--" + p.name.replace("_", "-"),
                    help=p.words("en") + ("" if p.default is None else f" [default: {p.default}]"),
                    show_default=False,
                ),
            ],
        )
        for p in entry.params
    ]
    common = [
        inspect.Parameter("workspace", inspect.Parameter.KEYWORD_ONLY, default=Path("."), annotation=WorkspaceDir),
        inspect.Parameter("lang", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=Lang),
        inspect.Parameter("as_json", inspect.Parameter.KEYWORD_ONLY, default=False, annotation=AsJson),
        inspect.Parameter("wide", inspect.Parameter.KEYWORD_ONLY, default=False, annotation=Wide),
        inspect.Parameter("debug", inspect.Parameter.KEYWORD_ONLY, default=False, annotation=Debug),
    ]

    def command(**kwargs: Any) -> None:
        workspace, lang, as_json, wide = (kwargs.pop(k) for k in ("workspace", "lang", "as_json", "wide"))
        kwargs.pop("debug")
        values = {k: v for k, v in kwargs.items() if v is not None and v != []}
        for name, value in values.items():
            choices = entry.param(name).choices
            if choices and value not in choices:
                from kpiflow.errors import UnknownNameError  # noqa: PLC0415

                raise UnknownNameError.for_name(f"--{name.replace('_', '-')}", value, choices)
        analysed = _analyse(workspace, lang, as_json, lambda ws, language: entry.run(ws, **values, lang=language), entry.json_of)
        if analysed is None:
            return
        result, language, model = analysed
        from kpiflow.reporting.tabular import text_tables  # noqa: PLC0415

        for table in text_tables(result.to_dict(), _words(model, language), model.currency):
            shown = RichTable(*table.headings, title=table.title)
            for row in table.rows:
                shown.add_row(*row)
            for column, numeric in zip(shown.columns, table.numeric, strict=True):
                column.justify = "right" if numeric else "left"
            _show(shown, wide, language)
        for note in result.notes:
            out.print(note, style="dim", highlight=False, markup=False)

    command.__name__ = entry.name
    command.__doc__ = f"{entry.summary['en']} / {entry.summary['ja']}"
    command.__signature__ = inspect.Signature(options + common)  # type: ignore[attr-defined]
    command.__annotations__ = {p.name: p.annotation for p in options + common}
    return handles_errors(command)


def _phase_plan(ws: Any, result: Any, period: str, phase: str | None, save: bool, lang: str) -> dict[str, dict[str, int]] | None:
    """`kpiflow plan --phase monthly [--save-targets]`: the plan's volumes as whole monthly targets,
    written into kpiflow.yaml (its comments kept) when asked."""
    from kpiflow.analysis.plan import PlanError, phase_monthly  # noqa: PLC0415
    from kpiflow.errors import UnknownNameError  # noqa: PLC0415
    from kpiflow.model.config import MODEL_FILE, parse_model  # noqa: PLC0415
    from kpiflow.model.targets import save_targets  # noqa: PLC0415

    if phase is None:
        if save:
            raise PlanError(say("plan.save_needs_phase", lang))
        return None
    if phase != "monthly":
        raise UnknownNameError.for_name("--phase", phase, ["monthly"])
    monthly = phase_monthly(ws.engine, ws.model, ws.columns(), result, ws.resolve_period(period, lang, measured=False), lang)
    if save:
        path = ws.root / MODEL_FILE
        text = save_targets(path.read_text(encoding="utf-8-sig"), monthly)
        parse_model(text, str(path))  # a file kpiflow cannot read back is never written
        path.write_text(text, encoding="utf-8")
    return monthly


@app.command()
@handles_errors
def dictionary(
    output_format: Annotated[str, typer.Option("--format", help="table | md")] = "table",
    output: Annotated[Optional[Path], typer.Option("--out", help="Write to this file (with --format md).")] = None,
    workspace: WorkspaceDir = Path("."),
    lang: Lang = None,
    as_json: AsJson = False,
    wide: Wide = False,
    debug: Debug = False,
) -> None:
    """Every metric's definition, extraction condition and the exact SQL it runs."""
    analysed = _analyse(workspace, lang, as_json, lambda ws, language: ws.dictionary(language))
    if analysed is None:
        return
    result, language, model = analysed
    if output_format == "md":
        text = result.to_markdown()
        if output:
            output.write_text(text, encoding="utf-8")
            out.print(str(output), highlight=False)
        else:
            sys.stdout.write(text)
        return
    table = RichTable(
        say("label.metric", language),
        say("label.label", language),
        say("label.definition", language),
        say("label.source", language),
        say("label.condition", language),
        say("label.time", language),
    )
    for e in result.entries:
        table.add_row(e.metric, e.label, e.definition or "", e.source, e.where or "", e.time or "")
    _show(table, wide, language)


@app.command()
@handles_errors
def schema(
    table: Annotated[Optional[str], typer.Argument(help="One table; all when omitted.")] = None,
    lang: Lang = None,
    as_json: AsJson = False,
    wide: Wide = False,
    debug: Debug = False,
) -> None:
    """Show the data contract: canonical tables, columns, types, keys and vocabularies."""
    from kpiflow.model.schema import TABLES, TOUCHPOINT_TYPES  # noqa: PLC0415
    from kpiflow.model.schema import table as lookup  # noqa: PLC0415

    language = _default_lang(lang)
    chosen = [lookup(table)] if table else list(TABLES.values())
    if as_json:
        _print_json(
            [
                {
                    "table": t.name,
                    "key": list(t.key),
                    "columns": [
                        {
                            "name": c.name,
                            "type": c.type,
                            "required": c.required,
                            "allowed": list(c.allowed),
                            "meaning": c.doc_ja if language == "ja" else c.doc_en,
                        }
                        for c in t.columns
                    ],
                }
                for t in chosen
            ]
        )
        return
    for t in chosen:
        grain = t.grain_ja if language == "ja" else t.grain_en
        rt = RichTable(
            *(say(f"label.{k}", language) for k in ("column", "type", "required", "meaning")), title=f"{t.name} — {grain}"
        )
        for c in t.columns:
            meaning = c.doc_ja if language == "ja" else c.doc_en
            if c.allowed and t.name != "touchpoints":
                meaning += " [" + ", ".join(c.allowed) + "]"
            rt.add_row(c.name + (" *" if c.name in t.key else ""), c.type, "✓" if c.required else "", meaning)
        _show(rt, wide, language)
    if not table or table == "touchpoints":
        vt = RichTable("type", say("label.meaning", language), title="touchpoints.type")
        for name, (en, ja) in TOUCHPOINT_TYPES.items():
            vt.add_row(name, ja if language == "ja" else en)
        _show(vt, wide, language)


@app.command(name="report")
@handles_errors
def report_command(
    period: Annotated[Optional[str], typer.Option("--period", help="Default: the last complete fiscal year.")] = None,
    compare: Annotated[
        Optional[str], typer.Option("--compare", help="Period to explain the change from (default: the one before).")
    ] = None,
    output: Annotated[Path, typer.Option("--out", help="HTML file to write.")] = Path("report.html"),
    workspace: WorkspaceDir = Path("."),
    lang: Lang = None,
    debug: Debug = False,
) -> None:
    """One self-contained HTML report (opens offline, prints to A4): tree, funnel, explain, exhibitions, patterns."""
    from kpiflow.reporting.html import write_report  # noqa: PLC0415  (jinja2 and plotly load only for a report)
    from kpiflow.workspace import open_workspace  # noqa: PLC0415

    with open_workspace(workspace, lang=_explicit_lang(lang)) as ws:
        language = _default_lang(lang, ws.lang)
        path = write_report(ws, output, period=period, compare=compare, lang=language)
    out.print(say("report.written", language, path=path.resolve()), highlight=False)


@app.command(name="export")
@handles_errors
def export_command(
    output: Annotated[Path, typer.Option("--out", help="File to write, e.g. kpis.xlsx; for parquet, a new folder.")],
    fmt: Annotated[str, typer.Option("--format", help="xlsx (a workbook of the analyses) | parquet (the tables, for a lake or Spark)")] = "xlsx",
    period: Annotated[Optional[str], typer.Option("--period", help="Default: the last complete fiscal year.")] = None,
    compare: Annotated[Optional[str], typer.Option("--compare", help="Period to explain the change from.")] = None,
    workspace: WorkspaceDir = Path("."),
    lang: Lang = None,
    as_json: AsJson = False,
    debug: Debug = False,
) -> None:
    """An Excel workbook (one sheet per analysis, typed cells, frozen headers, the metric dictionary),
    or with --format parquet every canonical table as Parquet, touchpoints by month (docs/scale.md)."""
    from kpiflow.errors import UnknownNameError  # noqa: PLC0415
    from kpiflow.workspace import open_workspace  # noqa: PLC0415

    if fmt not in ("xlsx", "parquet"):
        raise UnknownNameError.for_name("format", fmt, ["xlsx", "parquet"])
    if fmt == "parquet":
        from kpiflow.io.export import export_parquet  # noqa: PLC0415

        with open_workspace(workspace, lang=_explicit_lang(lang)) as ws:
            language = _default_lang(lang, "en" if as_json else ws.lang)
            ws.close()  # the export attaches the file read-only itself
            written = export_parquet(ws.database, output, lang=language)
        if as_json:
            _print_json(written.to_dict())
        else:
            out.print(
                say("export.parquet_written", language, path=written.folder, tables=len(written.rows), rows=sum(written.rows.values())),
                highlight=False,
            )
        return
    from kpiflow.reporting.excel import write_workbook  # noqa: PLC0415  (xlsxwriter loads only for an export)

    with open_workspace(workspace, lang=_explicit_lang(lang)) as ws:
        language = _default_lang(lang, ws.lang)
        sheets = write_workbook(ws, output, period=period, compare=compare, lang=language)
    out.print(say("export.written", language, path=output.resolve(), sheets=len(sheets)), highlight=False)


@app.command(name="serve")
@handles_errors
def serve_command(
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8765,
    host: Annotated[str, typer.Option("--host", help="Address to bind; other than loopback only with --token.")] = "127.0.0.1",
    token: Annotated[
        Optional[str],
        typer.Option(
            "--token",
            envvar="KPIFLOW_TOKEN",
            help="Required of every request: open the address once with ?token= (a cookie keeps it), or send Bearer; or set KPIFLOW_TOKEN.",
        ),
    ] = None,
    allow_host: Annotated[
        Optional[list[str]],
        typer.Option("--allow-host", metavar="NAME", help="Another name the dashboard answers to (repeatable); 127.0.0.1, localhost, [::1] and --host always."),
    ] = None,
    workspace: WorkspaceDir = Path("."),
    lang: Lang = None,
    debug: Debug = False,
) -> None:
    """The local read-only dashboard: every analysis as a page, each with a JSON twin under /api/.

    Exit code 5 when it cannot listen (the port is in use, say)."""
    from kpiflow.dashboard import serve  # noqa: PLC0415  (FastAPI loads only for the dashboard)

    serve(workspace, host=host, port=port, token=token, lang=lang, allow_hosts=allow_host or ())


def _blueprint_value(c):
    """How a blueprint comparison shows its numbers: shares as percentages, KPIs as they are."""

    def shown(v: float | None) -> str:
        if v is None:
            return "—"
        return f"{v:.1%}" if c.then_counts is not None else f"{v:,.4g}"

    return shown


blueprint_app = typer.Typer(help="Save a good period's winning patterns and KPIs, and check later periods against them.")
app.add_typer(blueprint_app, name="blueprint")


@blueprint_app.command(name="save")
@handles_errors
def blueprint_save(
    name: Annotated[str, typer.Argument(help="Blueprint name (letters, digits, _ or -).")],
    period: Annotated[str, typer.Option("--period", help="The good period, e.g. FY2025Q3.")],
    outcome: Annotated[str, typer.Option("--outcome", help="won, stage:opportunity or \"type = 'inquiry'\".")] = "won",
    within: Annotated[str, typer.Option("--within", help="Window before the outcome.")] = "90d",
    max_length: Annotated[int, typer.Option("--max-length", min=1, max=3)] = 3,
    unit: Annotated[str, typer.Option("--unit", help="contact | account")] = "contact",
    min_support: Annotated[int, typer.Option("--min-support", min=1)] = 20,
    where: Annotated[Optional[str], typer.Option("--where", help="Touchpoints that count as steps.")] = None,
    top_patterns: Annotated[
        int, typer.Option("--patterns", min=1, help="Significant patterns to keep (strongest lift first).")
    ] = 20,
    force: Annotated[bool, typer.Option("--force", help="Replace a blueprint of the same name.")] = False,
    workspace: WorkspaceDir = Path("."),
    lang: Lang = None,
    debug: Debug = False,
) -> None:
    """Store the period's significant patterns and KPI values as blueprints/NAME.yaml."""
    from kpiflow.workspace import open_workspace  # noqa: PLC0415  (keeps `kpiflow --help` instant)

    with open_workspace(workspace, lang=_explicit_lang(lang)) as ws:
        language = _default_lang(lang, ws.lang)
        path = ws.blueprint_save(
            name,
            period,
            outcome=outcome,
            within=within,
            max_length=max_length,
            unit=unit,
            min_support=min_support,
            where=where,
            top_patterns=top_patterns,
            force=force,
        )
        saved = ws.blueprint(name)
    out.print(
        say("blueprint.saved", language, path=path, patterns=len(saved["patterns"]), kpis=len(saved["kpis"])), highlight=False
    )


@blueprint_app.command(name="list")
@handles_errors
def blueprint_list(
    workspace: WorkspaceDir = Path("."), as_json: AsJson = False, wide: Wide = False, debug: Debug = False
) -> None:
    """The blueprints saved in the workspace."""
    from kpiflow.workspace import open_workspace  # noqa: PLC0415

    with open_workspace(workspace) as ws:
        rows = [(n, ws.blueprint(n)) for n in ws.blueprints()]
    if as_json:
        _print_json(
            [{"name": n, "period": d["period"], "outcome": d.get("outcome"), "patterns": len(d["patterns"])} for n, d in rows]
        )
        return
    table = RichTable("name", "period", "outcome", "patterns", "saved_at")
    for n, d in rows:
        table.add_row(n, str(d["period"]), str(d.get("outcome")), str(len(d["patterns"])), str(d.get("saved_at", "")))
    table.columns[3].justify = "right"
    _show(table, wide, "en")


@blueprint_app.command(name="show")
@handles_errors
def blueprint_show(
    name: Annotated[str, typer.Argument(help="Blueprint name.")],
    workspace: WorkspaceDir = Path("."),
    as_json: AsJson = False,
    debug: Debug = False,
) -> None:
    """Print a saved blueprint (its YAML, or JSON with --json)."""
    from kpiflow.analysis.blueprint import blueprint_path  # noqa: PLC0415
    from kpiflow.workspace import open_workspace  # noqa: PLC0415

    with open_workspace(workspace) as ws:
        data = ws.blueprint(name)
        path = blueprint_path(ws.root, name)
    if as_json:
        _print_json(data)
        return
    out.print(path.read_text(encoding="utf-8"), highlight=False, markup=False)


@blueprint_app.command(name="check")
@handles_errors
def blueprint_check(
    name: Annotated[str, typer.Argument(help="Blueprint name.")],
    period: Annotated[str, typer.Option("--period", help="The later period to check, e.g. FY2026Q1.")],
    top: Annotated[int, typer.Option("--top", min=1, help="Rows to show (JSON has all).")] = 20,
    workspace: WorkspaceDir = Path("."),
    lang: Lang = None,
    as_json: AsJson = False,
    wide: Wide = False,
    debug: Debug = False,
) -> None:
    """Does a later period follow the blueprint? Exit 0 when it does, 3 when it departs significantly."""
    analysed = _analyse(workspace, lang, False, lambda ws, language: ws.blueprint_check(name, period))
    result, language, model = analysed
    words = _words(model, language)
    if as_json:
        _print_result(result)
    else:
        verdict = "blueprint.follows" if result.follows else "blueprint.departs"
        out.print(
            say(verdict, language, name=name, now=result.period_now, then=result.period_then, count=len(result.departures)),
            highlight=False,
        )
        table = RichTable("", say("blueprint.item", language), result.period_then, result.period_now, "q", "")
        for c in result.comparisons[:top]:
            shown = _blueprint_value(c)
            flag = say("blueprint.departs_mark", language) if c.departs else ""
            q = f"{c.q_value:.3g}" if c.q_value is not None else say("explain.untested", language)
            name = words.code(c.name) if c.kind != "kpi" else words.metric(c.name)
            table.add_row(words.code(c.kind), name, shown(c.then), shown(c.now), q, flag)
        for column in table.columns[2:5]:
            column.justify = "right"
        _show(table, wide, language)
        _more(len(result.comparisons) - top, "--top", language)
    if not result.follows:
        raise typer.Exit(3)


@app.command()
@handles_errors
def trust(
    period: Annotated[Optional[str], typer.Option("--period", help="Rows in this period (default: all).")] = None,
    end_of: Annotated[Optional[str], typer.Option("--end-of", help="Bursts at the end of: month | quarter | fy [default: month]")] = None,
    days: Annotated[Optional[int], typer.Option("--days", help="Last business days of each period that count as its end [default: 2].")] = None,
    output: Annotated[Optional[Path], typer.Option("--out", help="Write the rows behind each finding to a CSV file (UTF-8 with BOM, for Excel).")] = None,
    workspace: WorkspaceDir = Path("."),
    lang: Lang = None,
    as_json: AsJson = False,
    wide: Wide = False,
    debug: Debug = False,
) -> None:
    """Period-end bursts, back-dated and skipped entries, missing and duplicate rows: who, and how much each KPI moves without them."""
    values = {k: v for k, v in {"period": period, "end_of": end_of, "days": days}.items() if v is not None}
    if output is None:
        command = _analysis_command(analysis("trust"))
        command(**values, workspace=workspace, lang=lang, as_json=as_json, wide=wide, debug=debug)
        return
    if values.get("end_of") not in (None, "month", "quarter", "fy"):
        from kpiflow.errors import UnknownNameError  # noqa: PLC0415

        raise UnknownNameError.for_name("--end-of", values["end_of"], ("month", "quarter", "fy"))
    from kpiflow.analysis.trust import finding_rows, write_rows  # noqa: PLC0415  (keeps `kpiflow --help` instant)

    analysed = _analyse(workspace, lang, False, lambda ws, language: finding_rows(ws, **values, lang=language))
    if analysed is None:
        return
    rows, language, _ = analysed
    write_rows(output, rows)
    out.print(say("trust.written", language, count=len(rows), path=output), highlight=False)


hypotheses_app = typer.Typer(
    help="The hypotheses register (hypotheses.yaml): every KPI target as a hypothesis, checked by a rule fixed in advance.",
    invoke_without_command=True,
)
app.add_typer(hypotheses_app, name="hypotheses")


@hypotheses_app.callback(invoke_without_command=True)
@handles_errors
def hypotheses_command(
    ctx: typer.Context,
    workspace: WorkspaceDir = Path("."),
    lang: Lang = None,
    as_json: AsJson = False,
    wide: Wide = False,
    debug: Debug = False,
) -> None:
    """The register as it stands, each hypothesis with its last verdict, and the history of checks (reads only)."""
    if ctx.invoked_subcommand is not None:
        return
    command = _analysis_command(analysis("hypotheses"))
    command(workspace=workspace, lang=lang, as_json=as_json, wide=wide, debug=debug)


@hypotheses_app.command(name="check")
@handles_errors
def hypotheses_check(
    workspace: WorkspaceDir = Path("."),
    lang: Lang = None,
    as_json: AsJson = False,
    wide: Wide = False,
    debug: Debug = False,
) -> None:
    """Check every hypothesis (supported, refuted or inconclusive, with effect, interval and p) and append the results to the history."""
    from kpiflow.analysis.hypotheses import RESULT_COLUMNS, check  # noqa: PLC0415  (keeps `kpiflow --help` instant)
    from kpiflow.analysis.hypotheses import shown as as_shown  # noqa: PLC0415
    from kpiflow.analysis.result import Table, Tabular  # noqa: PLC0415
    from kpiflow.model import hypotheses as register  # noqa: PLC0415

    analysed = _analyse(workspace, lang, False, lambda ws, language: (check(ws, lang=language), ws.root))
    (records, root), language, model = analysed
    path = register.append_history(root, records)
    if as_json:
        _print_json([{k: r[k] for k in ("id", "verdict", "baseline_value", "test_value", "change", "ci_low", "ci_high", "p_value")} | r for r in records])
        return
    from kpiflow.reporting.tabular import text_tables  # noqa: PLC0415

    # The terminal shows the contract's columns; --json and the history keep every field.
    shown_columns = tuple(c for c in RESULT_COLUMNS if c.name in ("id", "verdict", "baseline_value", "test_value", "effect", "ci_low", "ci_high", "p_value"))
    rows = tuple({c.name: as_shown(r)[c.name] for c in shown_columns} for r in records)
    result = Tabular("hypotheses", {}, (Table("results", {"ja": "検証の結果", "en": "Results"}, shown_columns, rows),))
    for table in text_tables(result.to_dict(), _words(model, language), model.currency):
        shown = RichTable(*table.headings, title=table.title)
        for row in table.rows:
            shown.add_row(*row)
        _show(shown, wide, language)
    out.print(say("hypotheses.recorded", language, count=len(records), path=path), highlight=False)


@hypotheses_app.command(name="add")
@handles_errors
def hypotheses_add(
    id: Annotated[str, typer.Option("--id", help="A short name: lower-case letters, digits, - and _.")],
    statement: Annotated[str, typer.Option("--statement", help="The hypothesis in words.")],
    metric: Annotated[str, typer.Option("--metric", help="The metric it is about (e.g. win_rate).")],
    expect: Annotated[str, typer.Option("--expect", help="up | down")],
    min_change: Annotated[str, typer.Option("--min-change", help="The smallest change that counts: 0.05, or 10% of the baseline.")],
    baseline: Annotated[str, typer.Option("--baseline", help="The baseline period (e.g. FY2025Q2).")],
    test: Annotated[str, typer.Option("--test", help="The test period (e.g. FY2025Q3).")],
    segment: Annotated[Optional[str], typer.Option("--segment", help="A condition, e.g. \"channel = 'exhibition'\".")] = None,
    control: Annotated[Optional[str], typer.Option("--control", help="A control segment (a condition): difference in differences.")] = None,
    owner: Annotated[Optional[str], typer.Option("--owner", help="Who owns the hypothesis.")] = None,
    alpha: Annotated[float, typer.Option("--alpha", help="The significance level of the rule.")] = 0.05,
    workspace: WorkspaceDir = Path("."),
    lang: Lang = None,
    debug: Debug = False,
) -> None:
    """Add a hypothesis to hypotheses.yaml (checked before it is written; comments and order kept)."""
    from kpiflow.model import hypotheses as register  # noqa: PLC0415
    from kpiflow.model.semantic import parse_condition  # noqa: PLC0415
    from kpiflow.workspace import open_workspace  # noqa: PLC0415

    with open_workspace(workspace, lang=_explicit_lang(lang)) as ws:
        language = _default_lang(lang, ws.lang)
        if metric not in ws.model.metrics:
            from kpiflow.errors import UnknownNameError  # noqa: PLC0415

            raise UnknownNameError.for_name("--metric", metric, ws.model.metrics)
        for condition in (segment, control):
            if condition:
                parse_condition(condition, lang=language)
        for period in (baseline, test):
            ws.resolve_period(period, language)
        entry = {
            "id": id, "statement": statement, "metric": metric, "segment": segment, "expect": expect, "min_change": min_change,
            "baseline": baseline, "test": test, "control": control, "owner": owner, "alpha": alpha,
        }
        added = register.add(ws.root, entry, language)
        path = ws.root / register.FILE
    out.print(say("hypotheses.added", language, id=added.id, path=path), highlight=False)


score_app = typer.Typer(
    help="The lead quality score: rule scores from kpiflow.yaml (fit + engagement), their audit trail, a fitted score, lists for sales.",
    invoke_without_command=True,
)
app.add_typer(score_app, name="score")

AsOf = Annotated[Optional[str], typer.Option("--as-of", help="Score as of this date (facts strictly before it); default: the data's end.")]


def _points(value: float | None) -> str:
    return "—" if value is None else f"{value:,.1f}"


@score_app.callback(invoke_without_command=True)
@handles_errors
def score_command(
    ctx: typer.Context,
    as_of: AsOf = None,
    by: Annotated[Optional[str], typer.Option("--by", help="Show each contact's value of a dimension (channel, industry, exhibition_id, ...).")] = None,
    limit: Annotated[int, typer.Option("--limit", help="Rows to show in the terminal (JSON has all).")] = 30,
    workspace: WorkspaceDir = Path("."),
    lang: Lang = None,
    as_json: AsJson = False,
    wide: Wide = False,
    debug: Debug = False,
) -> None:
    """Every contact's score as of a moment, best first: score = fit + engagement, and its grade."""
    if ctx.invoked_subcommand is not None:
        return
    from kpiflow.analysis.scoring import rule_scores  # noqa: PLC0415  (keeps `kpiflow --help` instant)

    analysed = _analyse(workspace, lang, as_json, lambda ws, language: rule_scores(ws, as_of=as_of, by=by, lang=language))
    if analysed is None:
        return
    result, language, model = analysed
    _print_scores(result, model, language, wide, limit, "--limit")


def _print_scores(result, model, language: str, wide: bool, limit: int, option: str) -> None:
    words = _words(model, language)
    extra = [k for k in (result.records[0] if result.records else {}) if k not in ("contact_id", "score", "fit", "engagement", "grade")]
    table = RichTable(
        words.dimension("contact_id"), "score", "fit", "engagement", "grade", *[words.dimension(k) for k in extra],
        title=say("score.as_of", language, as_of=result.as_of),
    )
    for r in result.records[:limit]:
        shown = [words.value(k, r[k]) if isinstance(r[k], str) else str(r[k] if r[k] is not None else "—") for k in extra]
        table.add_row(r["contact_id"], _points(r["score"]), _points(r["fit"]), _points(r["engagement"]), r["grade"] or "—", *shown)
    for column in table.columns[1:4]:
        column.justify = "right"
    _show(table, wide, language)
    _more(len(result.records) - limit, option, language)


@score_app.command(name="explain")
@handles_errors
def score_explain(
    contact: Annotated[str, typer.Argument(help="The contact_id to explain.")],
    as_of: AsOf = None,
    workspace: WorkspaceDir = Path("."),
    lang: Lang = None,
    as_json: AsJson = False,
    wide: Wide = False,
    debug: Debug = False,
) -> None:
    """The audit trail of one contact's score: each rule, its touches, points before and after decay and caps."""
    from kpiflow.analysis.scoring import explain_score  # noqa: PLC0415

    analysed = _analyse(workspace, lang, as_json, lambda ws, language: explain_score(ws, contact, as_of=as_of, lang=language))
    if analysed is None:
        return
    trail, language, _ = analysed
    table = RichTable("group", "rule", "points", "half-life", "touches", "before cap", "cap", "after cap")
    for r in trail.rules:
        touches = str(len(r.occurrences)) if r.group == "engagement" else ("yes" if r.matched else "no")
        table.add_row(
            r.group, r.name, _points(r.points), _points(r.half_life_days), touches, _points(r.before_cap), _points(r.cap), _points(r.after_cap)
        )
    for column in table.columns[2:]:
        column.justify = "right"
    _show(table, wide, language)
    for r in trail.rules:
        for o in r.occurrences:
            out.print(
                f"  {r.name}: {o.occurred_at} {o.type} age {o.age_days:.2f}d: {o.points:g} -> {o.decayed:.3f}", highlight=False, markup=False
            )
    grade = f" ({trail.grade})" if trail.grade else ""
    out.print(
        say(
            "score.explain_total",
            language,
            contact=trail.contact_id,
            score=_points(trail.score),
            fit=_points(trail.fit),
            engagement=_points(trail.engagement),
            grade=grade,
            as_of=trail.as_of,
        )
        + f"  [caps: fit {_points(trail.fit_before_cap)} -> {_points(trail.fit)}, engagement {_points(trail.engagement_before_cap)} -> "
        f"{_points(trail.engagement)}, total {_points(trail.total_before_cap)} -> {_points(trail.score)}]",
        highlight=False,
        markup=False,
    )


@score_app.command(name="list")
@handles_errors
def score_list(
    grade: Annotated[Optional[list[str]], typer.Option("--grade", help="Only these grades (repeat for several).")] = None,
    open_only: Annotated[bool, typer.Option("--open", help="Only leads not yet handed on (no SQL stage, no deal).")] = False,
    as_of: AsOf = None,
    by: Annotated[Optional[str], typer.Option("--by", help="Add a dimension's value (channel, exhibition_id, ...).")] = None,
    output: Annotated[Optional[Path], typer.Option("--out", help="Write the list to a CSV file (UTF-8 with BOM, for Excel).")] = None,
    limit: Annotated[int, typer.Option("--limit", help="Rows to show in the terminal.")] = 30,
    workspace: WorkspaceDir = Path("."),
    lang: Lang = None,
    as_json: AsJson = False,
    wide: Wide = False,
    debug: Debug = False,
) -> None:
    """Leads for sales to call first: a grade's contacts, best score first, as a CSV for Excel."""
    from kpiflow.analysis.scoring import sales_list  # noqa: PLC0415

    call = lambda ws, language: sales_list(ws, grades=grade or (), open_only=open_only, as_of=as_of, by=by, lang=language)  # noqa: E731
    analysed = _analyse(workspace, lang, as_json and not output, call)
    if analysed is None:
        return
    result, language, model = analysed
    if output:
        result.write_csv(output)
        out.print(say("score.written", language, count=len(result.records), path=output), highlight=False)
        return
    _print_scores(result, model, language, wide, limit, "--limit")


@score_app.command(name="quality")
@handles_errors
def score_quality(
    by: Annotated[Optional[list[str]], typer.Option("--by", help="Dimensions (default: channel, campaign, exhibition_id).")] = None,
    target: Annotated[Optional[str], typer.Option("--target", help="sql | opportunity | won [default: sql]")] = None,
    within: Annotated[Optional[str], typer.Option("--within", help="Days after the decision time in which a conversion counts [default: 90d].")] = None,
    after: Annotated[Optional[str], typer.Option("--after", help="Decision time: days after a lead's creation [default: 14d].")] = None,
    workspace: WorkspaceDir = Path("."),
    lang: Lang = None,
    as_json: AsJson = False,
    wide: Wide = False,
    debug: Debug = False,
) -> None:
    """Which programmes bring good leads: grade shares, median score and each grade's conversion by channel, campaign, exhibition."""
    command = _analysis_command(analysis("score"))
    command(by=by, target=target, within=within, after=after, workspace=workspace, lang=lang, as_json=as_json, wide=wide, debug=debug)


@score_app.command(name="fit")
@handles_errors
def score_fit(
    target: Annotated[str, typer.Option("--target", help="sql | opportunity | won")] = "sql",
    within: Annotated[str, typer.Option("--within", help="Window after the decision time, e.g. 90d.")] = "90d",
    after: Annotated[str, typer.Option("--after", help="Decision time: days after a lead's creation, e.g. 14d.")] = "14d",
    cutoff: Annotated[Optional[str], typer.Option("--cutoff", help="Train on leads created before this date, test on those after (default: 70% of the leads before it).")] = None,
    workspace: WorkspaceDir = Path("."),
    lang: Lang = None,
    as_json: AsJson = False,
    wide: Wide = False,
    debug: Debug = False,
) -> None:
    """Fit a logistic regression on what was known at each lead's decision time; validate it out of time."""
    from kpiflow.analysis.score_fit import fit_score  # noqa: PLC0415  (scikit-learn loads only here)

    call = lambda ws, language: fit_score(ws, target=target, within=within, after=after, cutoff=cutoff, lang=language)  # noqa: E731
    analysed = _analyse(workspace, lang, as_json, call)
    if analysed is None:
        return
    result, language, _ = analysed
    out.print(result.summary(language), highlight=False, markup=False)
    deciles = RichTable("decile", "leads", "converted", "rate", "95% CI", "lift", "predicted", title=result.deciles_title(language))
    for d in result.deciles:
        deciles.add_row(
            str(d["decile"]), f"{d['leads']:,}", f"{d['converted']:,}", f"{d['rate']:.1%}", f"{d['rate_low']:.1%} - {d['rate_high']:.1%}",
            f"{d['lift']:.2f}", f"{d['predicted']:.1%}",
        )
    for column in deciles.columns:
        column.justify = "right"
    _show(deciles, wide, language)
    reliability = RichTable("predicted", "leads", "mean predicted", "observed", "95% CI", title=f"Brier {result.brier:.4f} (base rate only: {result.brier_baseline:.4f})")
    for r in result.reliability:
        reliability.add_row(
            f"{r['bin_low']:.0%} - {r['bin_high']:.0%}", f"{r['leads']:,}", f"{r['predicted']:.1%}", f"{r['observed']:.1%}",
            f"{r['observed_low']:.1%} - {r['observed_high']:.1%}",
        )
    for column in reliability.columns:
        column.justify = "right"
    _show(reliability, wide, language)
    out.print(result.scoring_yaml, highlight=False, markup=False)


clv_app = typer.Typer(
    help="Predictive customer value: BG/NBD, Pareto/NBD, Gamma-Gamma and shifted-beta-geometric models fitted by maximum likelihood, checked on a holdout.",
    invoke_without_command=True,
)
app.add_typer(clv_app, name="clv")
ClvModel = Annotated[Optional[str], typer.Option("--model", help="bgnbd | pareto | gg | sbg [default: bgnbd]")]
ClvPeriod = Annotated[Optional[str], typer.Option("--period", help="Calibration period: customers whose first purchase falls in it [default: the first half of the data].")]
ClvHoldout = Annotated[Optional[str], typer.Option("--holdout", help="Holdout period [default: as long as the calibration, right after it].")]
ClvUnit = Annotated[Optional[str], typer.Option("--unit", help="day | week | month | year [default: week; year for sbg]")]
ClvBy = Annotated[Optional[str], typer.Option("--by", help="Predicted value by channel | industry | size_band | campaign.")]
ClvHorizon = Annotated[Optional[str], typer.Option("--horizon", help="Months of predicted value after the calibration, e.g. 36m [default: 36m].")]
ClvDiscount = Annotated[Optional[str], typer.Option("--discount", help="Yearly discount rate, e.g. 0.1 or 10% [default: 0.1].")]


@clv_app.callback(invoke_without_command=True)
@handles_errors
def clv_command(
    ctx: typer.Context,
    model: ClvModel = None,
    period: ClvPeriod = None,
    holdout: ClvHoldout = None,
    unit: ClvUnit = None,
    by: ClvBy = None,
    horizon: ClvHorizon = None,
    discount: ClvDiscount = None,
    workspace: WorkspaceDir = Path("."),
    lang: Lang = None,
    as_json: AsJson = False,
    wide: Wide = False,
    debug: Debug = False,
) -> None:
    """The model's parameters, its holdout check and the value it predicts per segment, as the report and the dashboard show them."""
    if ctx.invoked_subcommand is not None:
        return
    command = _analysis_command(analysis("clv"))
    command(
        model=model, calibration=period, holdout=holdout, unit=unit, by=by, horizon=horizon, discount=discount,
        workspace=workspace, lang=lang, as_json=as_json, wide=wide, debug=debug,
    )


@clv_app.command(name="fit")
@handles_errors
def clv_fit(
    model: ClvModel = None,
    period: ClvPeriod = None,
    holdout: ClvHoldout = None,
    unit: ClvUnit = None,
    workspace: WorkspaceDir = Path("."),
    lang: Lang = None,
    as_json: AsJson = False,
    wide: Wide = False,
    debug: Debug = False,
) -> None:
    """Fit a model: its parameters by name, log-likelihood, customers, and predicted vs actual purchases in the holdout."""
    from kpiflow.analysis.clv import fit  # noqa: PLC0415  (scipy loads only here)

    call = lambda ws, language: fit(ws, model=model or "bgnbd", period=period, holdout=holdout, unit=unit, lang=language)  # noqa: E731
    analysed = _analyse(workspace, lang, as_json, call)
    if analysed is None:
        return
    result, language, _ = analysed
    out.print(say("clv.fitted", language, model=result.model, customers=result.customers, period=result.period, unit=result.unit), highlight=False, markup=False)
    parameters = RichTable("parameter", "value")
    for name, value in [*result.params.items(), ("log_likelihood", result.log_likelihood)]:
        parameters.add_row(name, f"{value:,.4f}")
    parameters.columns[1].justify = "right"
    _show(parameters, wide, language)
    if result.holdout is not None and result.by_frequency:
        words = "clv.holdout_renewals" if result.model == "sbg" else "clv.holdout"
        table = RichTable("x", "customers", "actual", "predicted", title=say(words, language, period=result.holdout_period))
        for r in result.by_frequency:
            table.add_row(r["frequency"], f"{r['customers']:,}", f"{r['actual']:.3f}", f"{r['predicted']:.3f}")
        table.add_row("*", f"{result.customers:,}", f"{result.holdout['actual']:,.0f}", f"{result.holdout['predicted']:,.1f}")
        for column in table.columns[1:]:
            column.justify = "right"
        _show(table, wide, language)
    elif result.holdout is not None:
        out.print(json.dumps(dict(result.holdout), ensure_ascii=False), highlight=False, markup=False)


def _version(value: bool) -> None:
    if value:
        out.print(f"kpiflow {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")] = False,
) -> None:
    """kpiflow: KPI tree, funnel and explanations for BtoB marketing."""


def main() -> None:
    app()
