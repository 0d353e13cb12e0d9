"""A workspace: a folder with the model file `kpiflow.yaml` and the database `kpiflow.duckdb`."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import inspect
import os
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ParamSpec, TypeVar

import duckdb
from sqlglot import exp

from kpiflow.analysis.metrics import PERIOD_KINDS, compute_metrics, resolve_periods
from kpiflow.engine import duck
from kpiflow.engine.base import Engine
from kpiflow.errors import KpiflowError, UnknownNameError, WorkspaceBusyError, WorkspaceError
from kpiflow.messages import say
from kpiflow.model.config import MODEL_FILE, ModelFile, default_model_text, read_model_document
from kpiflow.model.periods import Period, PeriodError, means_all, parse_period, period_of
from kpiflow.model.schema import TABLES
from kpiflow.model.semantic import check_model

# Each analysis is imported by the method that runs it, not here: a command imports only what it
# runs (`kpiflow metrics` need not load patterns' or the loader's modules), which keeps start-up fast.
if TYPE_CHECKING:
    from kpiflow.analysis.behaviour import BehaviourResult
    from kpiflow.analysis.blueprint import BlueprintCheck
    from kpiflow.analysis.bottleneck import BottleneckResult
    from kpiflow.analysis.check import CheckResult
    from kpiflow.analysis.dictionary import Dictionary
    from kpiflow.analysis.exhibitions import ExhibitionsResult
    from kpiflow.analysis.explain import ExplainResult
    from kpiflow.analysis.funnel import FunnelResult
    from kpiflow.analysis.handoff import HandoffResult
    from kpiflow.analysis.metrics import MetricsResult
    from kpiflow.analysis.patterns import PatternsResult
    from kpiflow.analysis.plan import PlanResult
    from kpiflow.analysis.touch_funnel import TouchFunnelResult
    from kpiflow.analysis.tree import TreeResult
    from kpiflow.analysis.velocity import ContactList, VelocityResult
    from kpiflow.io.loader import LoadResult, Mode
    from kpiflow.io.mapping import MappingFile

DATABASE_FILE = "kpiflow.duckdb"
# The timestamps that place the data in time: each table's time column, and when deals close.
# Accounts are left out: their CRM creation dates often precede the exported activity by years.
TIME_COLUMNS: tuple[tuple[str, str], ...] = (
    *((t.name, t.time_column) for t in TABLES.values() if t.time_column and t.name != "accounts"),
    ("deals", "closed_at"),
)
TOUCHPOINTS = ("touchpoints",)
P = ParamSpec("P")
R = TypeVar("R")

# What analyses compute from a database's data (results, compiled SQL, columns, time bounds),
# shared by every workspace this process opens on the same data with the same model: a script or
# notebook that opens the workspace again, the report and the workbook of one `kpiflow export`,
# each compute a result once. Keyed by the database's state (see `_data_state`), so a load, here
# or in another process, starts afresh; the states read most recently are kept.
_SHARED: dict[tuple, dict] = {}
_SHARED_STATES = 16
_SHARING = threading.Lock()


def _data_state(database: Path) -> tuple | None:
    """What identifies the data in `database` while a read-only connection holds it open (no
    process can write meanwhile): the file's identity and size, its header blocks (DuckDB bumps
    their iteration counter at every checkpoint) and its write-ahead log's size and time. Every
    commit grows the log until a checkpoint folds it into the file, so no write leaves this as it was."""
    wal = database.with_name(database.name + ".wal")
    try:
        with database.open("rb") as f:
            headers = f.read(3 * 4096)
            stat = os.fstat(f.fileno())
    except OSError:
        return None
    try:
        logged = wal.stat()
        log = (logged.st_size, logged.st_mtime_ns)
    except OSError:
        log = None
    return (str(database.resolve()), stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, headers, log)


LOCK_WAIT_SECONDS = 5.0
"""How long a command waits for a `kpiflow load` in another process to release the database."""


def _kept(method: Callable[P, R]) -> Callable[P, R]:
    """An analysis method whose result depends only on the data, the model and its arguments: kept
    with registered analyses' results (`Workspace.results`), so that the report, the workbook and
    the dashboard, and a workspace opened again on the same data, compute it once."""

    signature = inspect.signature(method)

    @functools.wraps(method)
    def keeping(self: Workspace, *args: object, **kwargs: object) -> object:
        # By the values the method sees, however they were passed: tree("FY2025") is tree(period="FY2025").
        bound = signature.bind(self, *args, **kwargs)
        bound.apply_defaults()
        return self.keep((method.__name__,), dict(list(bound.arguments.items())[1:]), lambda: method(self, *args, **kwargs))

    return keeping  # type: ignore[return-value]


class Workspace:
    """The model and the data of one team. Analyses are methods; each returns a typed result.

    Reads never write: the database is opened read-only until something must be written (a load,
    creating the tables), so `kpiflow metrics` leaves kpiflow.duckdb byte for byte as it was and
    runs beside the dashboard. `read_only=True` refuses writing altogether. When another process
    holds the write lock, opening waits up to `lock_wait` seconds, then says a load is running.
    """

    def __init__(
        self,
        root: Path,
        model: ModelFile,
        *,
        read_only: bool = False,
        lock_wait: float = LOCK_WAIT_SECONDS,
        lang: str | None = None,
    ):
        self.root = root
        self.model = model
        self.read_only = read_only
        self.lock_wait = lock_wait
        self._message_lang = lang  # the caller's language for messages (--lang), else the model's
        self._con: duckdb.DuckDBPyConnection | None = None
        self._engine: Engine | None = None
        self._writable = False
        # Compiled SQL, table columns, time bounds and results: shared with other workspaces on the
        # same data once the database is open for reading (`_share_cache`), a new one for writing.
        self._cache: dict = {}

    def __repr__(self) -> str:
        return f"Workspace({str(self.root)!r})"

    def keep(self, key: tuple, arguments: Mapping[str, object], compute: Callable[[], R]) -> R:
        """`compute()` once for the data this workspace reads: kept in `results` by `key` and the
        values the analysis sees. No language is this workspace's, so that a bare run and the
        report's run in the workspace's language are one."""
        values = dict(arguments)
        if "lang" in values and values["lang"] is None:
            values["lang"] = self.lang
        full = (*key, repr(sorted(values.items())))
        kept = self.results
        if full not in kept:
            kept[full] = compute()
        return kept[full]

    @property
    def results(self) -> dict:
        """Registered analyses' results by name and parameters (`Analysis.run`), kept for the data
        this workspace reads (`_SHARED`) and forgotten, with the rest of its cache, when it writes."""
        return self._cache.setdefault("results", {})

    def __getattr__(self, name: str):
        """`ws.<analysis>(**params)` for an analysis registered with its function (it has no method
        written here): the registry's defaults fill what is not given."""
        if not name.startswith("_"):
            from kpiflow.analysis.registry import REGISTRY  # noqa: PLC0415  (start-up: imported when used)

            entry = REGISTRY.get(name)
            if entry is not None and entry.generic:
                return lambda **values: entry.run(self, **values)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    @property
    def database(self) -> Path:
        return self.root / DATABASE_FILE

    @property
    def lang(self) -> str:
        return self.model.locale

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The connection analyses read through: read-only unless this workspace has written."""
        if self._con is None:
            if not self.database.exists():
                if self.read_only:
                    raise WorkspaceError(say("workspace.no_database", self._message_lang or self.lang, path=self.database))
                return self.writer()  # a new workspace: creating its tables is the first write
            self._con, self._writable = self._connect(write=False)
            if not self._writable and not self.read_only and duck.schema_behind(self._con):
                # Made by an earlier release: add the newer tables and columns once, then read.
                self.writer()
                self.close()
                self._con, self._writable = self._connect(write=False)
            if not self._writable:
                self._share_cache()
        return self._con

    def _share_cache(self) -> None:
        """Read what this process already computed from the same data with the same model (`_SHARED`)."""
        if self.model.engine.kind == "spark":  # its data are not in this database
            return
        state = _data_state(self.database)
        if state is None:
            return
        # The model by what it says (a comment changes nothing; each open parses the file anew);
        # the day, because "this quarter" and "entered in the future" move with it. Not the
        # language of messages: only errors are worded in it, and errors are never kept.
        model = hashlib.blake2b(self.model.model_dump_json().encode(), digest_size=16).digest()
        key = (state, model, dt.date.today())
        with _SHARING:  # the dashboard opens workspaces from several threads
            cache = _SHARED.pop(key, None)
            if cache is None:
                cache = {}
                while len(_SHARED) >= _SHARED_STATES:
                    del _SHARED[next(iter(_SHARED))]  # the one read longest ago
            _SHARED[key] = cache  # last: the most recently read
        self._cache = cache

    @property
    def engine(self) -> Engine:
        """The engine analyses run on: `con` behind the seam of `kpiflow.engine.base`, its errors
        worded in the language of this workspace's messages; Spark when the model's engine
        section says so (`kpiflow.engine.spark`)."""
        if self.model.engine.kind == "spark":
            if self._engine is None:
                self._engine = spark_engine(self.model, self.root, self._message_lang or self.lang)
            return self._engine
        con = self.con
        if not isinstance(self._engine, duck.DuckEngine) or self._engine.con is not con:
            self._engine = duck.DuckEngine(con, lang=self._message_lang or self.lang)
        return self._engine

    def writer(self) -> duckdb.DuckDBPyConnection:
        """A connection that may write, with every canonical table present (loads, init, the demo)."""
        if self.read_only:
            raise WorkspaceError(say("workspace.read_only", self._message_lang or self.lang, path=self.database))
        self._cache = {}  # what was computed from the data may not hold once it is written (a new dict: others share the old)
        if self._con is not None and not self._writable:
            self.close()
        if self._con is None:
            self._con, self._writable = self._connect(write=True)
            # Only a new or older database needs its tables: a refused load must leave the file as it was.
            if duck.schema_behind(self._con):
                duck.create_tables(self._con, self.lang)
        return self._con

    def _connect(self, *, write: bool) -> tuple[duckdb.DuckDBPyConnection, bool]:
        """Open the database, waiting while another process holds its write lock."""
        deadline = time.monotonic() + max(self.lock_wait, 0.0)
        delay = 0.05
        while True:
            try:
                return duck.connect(self.database, read_only=not write), write
            except duckdb.ConnectionException as e:
                # This process already holds the file open writable (a test, a notebook that
                # loaded): DuckDB shares one instance per file and configuration, so read through it.
                if write or "different configuration" not in str(e):
                    raise WorkspaceError(f"{self.database}: cannot open the database ({str(e).splitlines()[0]})") from None
                return duck.connect(self.database, read_only=False), True
            except duckdb.IOException as e:
                if not duck.is_lock_conflict(e):
                    raise WorkspaceError(f"{self.database}: cannot open the database ({str(e).splitlines()[0]})") from None
                if time.monotonic() >= deadline:
                    raise WorkspaceBusyError(
                        say("workspace.busy", self._message_lang or self.lang, path=self.database, seconds=f"{self.lock_wait:g}")
                    ) from e
                time.sleep(delay)
                delay = min(delay * 2, 0.5)

    def close(self) -> None:
        """Close the database connection (a later call reopens it)."""
        if self._con is not None:
            self._con.close()
            self._con = None
            self._engine = None
            self._writable = False

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def load(
        self,
        file: str | Path,
        table: str,
        *,
        mode: Mode = "replace",
        mapping: str | Path | MappingFile | None = None,
        preset: str | None = None,
        encoding: str | None = None,
        sheet: str | int | None = None,
        lang: str | None = None,
    ) -> LoadResult:
        """Load a file into a canonical table, all or nothing (see `kpiflow load`)."""
        from kpiflow.io.loader import load_file  # noqa: PLC0415  (start-up: imported when run)
        from kpiflow.io.mapping import preset_mapping, read_mapping  # noqa: PLC0415
        if mapping is not None and preset is not None:
            raise KpiflowError("give either a mapping file or a preset, not both")
        if isinstance(mapping, (str, Path)):
            mapping = read_mapping(mapping)
        elif preset is not None:
            mapping = preset_mapping(preset, table)
        return load_file(
            self.writer(),  # forgets what was computed from the data before
            file,
            table,
            model=self.model,
            mode=mode,
            mapping=mapping,
            encoding=encoding,
            sheet=sheet,
            lang=lang or self.lang,
        )

    @_kept
    def metrics(
        self,
        names: Sequence[str] | None = None,
        *,
        period: str | None = "quarter",
        start: str | None = None,
        end: str | None = None,
        last: str | None = None,
        by: Sequence[str] = (),
        lang: str | None = None,
    ) -> MetricsResult:
        """Metric values per period and dimension (see `kpiflow metrics`).

        `period` is a kind (month, quarter, half, fy), one period (FY2025Q3), a range of periods
        (FY2024..FY2025) or all; `start`/`end` are period labels bounding the range; `last` is a
        trailing window (4q).
        """
        names = list(names or self.model.metrics)
        lang = lang or self.lang
        chosen: str | Period | None = period
        if period and period not in PERIOD_KINDS:
            chosen = self.resolve_period(period, lang)
        elif start and end:
            self._check_covered(self._between(start, end), lang)
        kind, periods = resolve_periods(
            self.engine, self.model, names, period=chosen, start=start, end=end, last=last, cache=self._cache
        )
        return compute_metrics(
            self.engine,
            self.model,
            names,
            periods,
            kind=kind,
            dimensions=list(by),
            columns=self.columns(),
            lang=lang,
            cache=self._cache,
        )

    @_kept
    def tree(self, period: str, lang: str | None = None) -> TreeResult:
        """The KPI tree for one period (e.g. FY2025, FY2025Q3), with targets and last year."""
        from kpiflow.analysis.metrics import sum_moments  # noqa: PLC0415  (start-up: imported when run)
        from kpiflow.analysis.tree import amounts, evaluate_tree, tree_order  # noqa: PLC0415
        lang = lang or self.lang
        current_period = self.resolve_period(period, lang)
        names = [n for n, _ in tree_order(self.model)]
        columns = self.columns()
        kind = current_period.kind if current_period.kind in PERIOD_KINDS else None

        def values(p: Period) -> MetricsResult:
            return compute_metrics(self.engine, self.model, names, [p], kind=kind, columns=columns, lang=lang)

        previous_period = current_period.same_period_last_year()
        # Sums and averages of amounts are tested as explain tests them: from the engine's moments.
        now, then = sum_moments(
            self.engine,
            self.model,
            amounts(self.model, names),
            [current_period, previous_period],
            columns=columns,
            cache=self._cache,
        )
        return evaluate_tree(
            self.model, current_period, values(current_period), values(previous_period), lang, moments=(now, then)
        )

    @_kept
    def plan(
        self,
        target: Mapping[str, float],
        period: str,
        *,
        rates: str = "last:4q",
        overrides: Mapping[str, float] | None = None,
        scenarios: Mapping[str, Mapping[str, float]] | None = None,
        lang: str | None = None,
    ) -> PlanResult:
        """Plan backwards from a target ({"revenue": 600_000_000}) for a period (see `kpiflow plan`)."""
        from kpiflow.analysis.plan import make_plan  # noqa: PLC0415  (start-up: imported when run)
        if len(target) != 1:
            raise KpiflowError("give exactly one target, e.g. revenue=600000000")
        [(metric, value)] = target.items()
        return make_plan(
            self.engine,
            self.model,
            self.columns(),
            target_metric=metric,
            target=value,
            period=self.resolve_period(period, lang, measured=False),  # a plan's period is planned for, not measured
            rates_spec=rates,
            overrides=overrides,
            scenarios=scenarios,
            lang=lang or self.lang,
        )

    @_kept
    def funnel(
        self,
        period: str | None = None,
        *,
        basis: str = "cohort",
        entity: str = "contact",
        by: Sequence[str] = (),
        within: str | None = None,
        lang: str | None = None,
    ) -> FunnelResult:
        """The CRM-stage funnel on the cohort or period basis (see `kpiflow funnel`); the period
        defaults to the last complete fiscal year in the data."""
        from kpiflow.analysis.funnel import funnel  # noqa: PLC0415  (start-up: imported when run)
        from kpiflow.analysis.touch_funnel import parse_within  # noqa: PLC0415
        return funnel(
            self.engine,
            self.model,
            period=self.resolve_period(period, lang) if period else self.last_complete_year(),
            basis=basis,
            entity=entity,
            by=by,
            within=parse_within(within) if within else None,
            columns=self.columns(),
            lang=lang or self.lang,
        )

    @_kept
    def bottleneck(
        self,
        period: str | None = None,
        *,
        by: Sequence[str] = (),
        against: str | None = None,
        within: str | None = None,
        lang: str | None = None,
    ) -> BottleneckResult:
        """Stage conversion rates ranked by the revenue their repair is worth (see `kpiflow bottleneck`).

        `period` defaults to the last complete fiscal year in the data; `within` ("90d") overrides
        each throughput ratio's window in its cohort reading.
        """
        from kpiflow.analysis.bottleneck import bottleneck  # noqa: PLC0415  (start-up: imported when run)
        from kpiflow.analysis.touch_funnel import parse_within  # noqa: PLC0415
        chosen = self.resolve_period(period, lang) if period else self.last_complete_year()
        window = parse_within(within).total_seconds() / 86400 if within else None
        return bottleneck(
            self.engine,
            self.model,
            period=chosen,
            by=by,
            against=against,
            within_days=window,
            columns=self.columns(),
            lang=lang or self.lang,
        )

    @_kept
    def explain(self, metric: str, start: str, end: str, *, by: Sequence[str] = (), lang: str | None = None) -> ExplainResult:
        """Why `metric` changed from period `start` to period `end`: factors down the tree, segments,
        mix and rate, significance and a narrative (see `kpiflow explain`). Periods are labels such
        as ``FY2025Q2``, ``2025-10`` or ``FY2025``; `by` defaults to the model's dimensions."""
        from kpiflow.analysis.explain import explain  # noqa: PLC0415  (start-up: imported when run)
        return explain(
            self.engine,
            self.model,
            metric,
            self.resolve_period(start, lang),
            self.resolve_period(end, lang),
            by=by,
            columns=self.columns(),
            lang=lang or self.lang,
            cache=self._cache,
        )

    @_kept
    def exhibitions(
        self, period: str | None = None, *, by_exhibit: bool = False, within_days: int = 180, lang: str | None = None
    ) -> ExhibitionsResult:
        """Per exhibition (or exhibit): passers-by, stop and demo rates, leads and what followed, cost, ROI."""
        from kpiflow.analysis.exhibitions import exhibitions  # noqa: PLC0415  (start-up: imported when run)
        chosen = self.resolve_period(period, lang) if period else None
        return exhibitions(
            self.engine,
            self.model,
            period=chosen,
            by_exhibit=by_exhibit,
            within_days=within_days,
            columns=self.columns(),
            lang=lang or self.lang,
        )

    @_kept
    def behaviour(
        self,
        period: str | None = None,
        *,
        by: str = "content_type",
        revisit_days: int = 30,
        inquiry_days: int = 30,
        lang: str | None = None,
    ) -> BehaviourResult:
        """Web behaviour per content type, content item or channel: depth, dwell, revisits, inquiries."""
        from kpiflow.analysis.behaviour import behaviour  # noqa: PLC0415  (start-up: imported when run)
        chosen = self.resolve_period(period, lang, tables=TOUCHPOINTS) if period else None
        return behaviour(
            self.engine,
            self.model,
            by=by,
            period=chosen,
            revisit_days=revisit_days,
            inquiry_days=inquiry_days,
            columns=self.columns(),
            lang=lang or self.lang,
        )

    @_kept
    def patterns(
        self,
        outcome: str,
        *,
        within: str | None = "30d",
        max_length: int = 3,
        strict: bool = False,
        unit: str = "contact",
        period: str | Period | None = None,
        compare: str | Period | None = None,
        min_support: int = 20,
        where: str | None = None,
        lang: str | None = None,
    ) -> PatternsResult:
        """Touchpoints and ordered sequences that precede an outcome more often than the base rate."""
        from kpiflow.analysis.patterns import patterns  # noqa: PLC0415  (start-up: imported when run)
        return patterns(
            self.engine,
            self.model,
            outcome=outcome,
            within=within,
            max_length=max_length,
            strict=strict,
            unit=unit,
            period=self.resolve_period(period, lang, tables=TOUCHPOINTS) if period else None,
            compare=self.resolve_period(compare, lang, tables=TOUCHPOINTS) if compare else None,
            min_support=min_support,
            where=where,
            columns=self.columns(),
            lang=lang or self.lang,
        )

    def blueprint_save(
        self,
        name: str,
        period: str,
        *,
        outcome: str = "won",
        within: str | None = "90d",
        max_length: int = 3,
        unit: str = "contact",
        min_support: int = 20,
        where: str | None = None,
        top_patterns: int = 20,
        force: bool = False,
    ) -> Path:
        """Store the period's significant patterns and KPI values as `blueprints/NAME.yaml` (see `kpiflow blueprint`)."""
        from kpiflow.analysis.blueprint import blueprint_path, new_document, write_blueprint  # noqa: PLC0415  (start-up: imported when run)
        blueprint_path(self.root, name)  # refuse a bad name before any work
        chosen = self.resolve_period(period)
        found = self.patterns(
            outcome,
            within=within,
            max_length=max_length,
            unit=unit,
            period=chosen,
            min_support=min_support,
            where=where,
            lang="en",
        )
        document = new_document(name, chosen.label("en"), found, self._blueprint_kpis(chosen), top=top_patterns)
        return write_blueprint(self.root, name, document, force=force)

    def _blueprint_kpis(self, period: Period) -> dict[str, dict]:
        from kpiflow.analysis.blueprint import kpi_entries  # noqa: PLC0415  (start-up: imported when run)
        from kpiflow.analysis.tree import tree_order  # noqa: PLC0415
        names = [n for n, _ in tree_order(self.model)]
        values = compute_metrics(
            self.engine, self.model, names, [period], kind=None, columns=self.columns(), lang="en", cache=self._cache
        )
        shows = self.exhibitions(period.label("en")).records
        return kpi_entries(values, self.model, shows)

    def blueprints(self) -> list[str]:
        """Names of the blueprints saved in this workspace."""
        from kpiflow.analysis.blueprint import blueprint_names  # noqa: PLC0415  (start-up: imported when run)
        return blueprint_names(self.root)

    def blueprint(self, name: str) -> dict:
        """A saved blueprint as plain data."""
        from kpiflow.analysis.blueprint import read_blueprint  # noqa: PLC0415  (start-up: imported when run)
        return read_blueprint(self.root, name)

    def blueprint_check(self, name: str, period: str) -> BlueprintCheck:
        """Whether `period` follows blueprint `name`: patterns and KPIs then and now, departures ranked."""
        from kpiflow.analysis.blueprint import compare as compare_blueprint  # noqa: PLC0415  (start-up: imported when run)
        from kpiflow.analysis.blueprint import read_blueprint  # noqa: PLC0415
        saved = read_blueprint(self.root, name)
        fys = self.model.fiscal_year_start
        then, now = parse_period(str(saved["period"]), fys), self.resolve_period(period)
        lengths = [len(p["pattern"]) for p in saved["patterns"]] or [1]
        within = saved.get("within_days")
        found = self.patterns(
            str(saved["outcome"]),
            within=None if within is None else f"{within:g}d",
            max_length=max(lengths),
            strict=bool(saved.get("strict")),
            unit=str(saved.get("unit", "contact")),
            period=now,
            min_support=1,  # every saved pattern is counted now, however rare it became
            where=saved.get("where"),
            lang="en",
        )
        held = {r.pattern: (r.support, r.converters, r.lift) for r in found.records}
        population = (found.population.units, found.population.converters)
        return compare_blueprint(
            name,
            saved,
            now.label("en"),
            population_now=population,
            patterns_now=held,
            kpis_now=self._blueprint_kpis(now),
            days=(then.days, now.days),
        )

    def periods(self, kind: str = "fy") -> list[Period]:
        """Every period of `kind` (fy, half, quarter, month) that the KPI tree's data touches, oldest first."""
        from kpiflow.analysis.tree import tree_order  # noqa: PLC0415  (start-up: imported when run)
        if kind not in PERIOD_KINDS:
            raise UnknownNameError.for_name("period kind", kind, list(PERIOD_KINDS))
        names = [n for n, _ in tree_order(self.model)] or list(self.model.metrics)
        _, found = resolve_periods(self.engine, self.model, names, period=kind, start=None, end=None, last=None, cache=self._cache)
        return found

    def time_span(self, tables: Sequence[str] | None = None) -> tuple[dt.datetime | None, dt.datetime | None]:
        """The first and the last timestamp of the data: the time columns of `tables` (default: every
        table but accounts, and when deals close), in one query; (None, None) when they are empty."""
        key = ("time_span", tuple(tables) if tables is not None else None)
        if key in self._cache:
            return self._cache[key]
        columns = self.columns()
        scans = []
        for table, column in TIME_COLUMNS:
            if (tables is None or table in tables) and column in columns.get(table, []):
                moment = exp.cast(exp.column(column, table=table, quoted=True), "TIMESTAMP")
                lo, hi = exp.func("MIN", moment).as_("lo"), exp.func("MAX", moment.copy()).as_("hi")
                scans.append(exp.select(lo, hi).from_(exp.to_table(table)))
        span: tuple[dt.datetime | None, dt.datetime | None] = (None, None)
        if scans:
            union = scans[0]
            for scan in scans[1:]:
                union = exp.union(union, scan, distinct=False)
            query = exp.select(exp.func("MIN", exp.column("lo")), exp.func("MAX", exp.column("hi"))).from_(union.subquery("spans"))
            span = tuple(self.engine.run(query).one())  # type: ignore[assignment]
        self._cache[key] = span
        return span

    def resolve_period(
        self,
        text: str | Period,
        lang: str | None = None,
        *,
        measured: bool = True,
        tables: Sequence[str] | None = None,
    ) -> Period:
        """A period as typed: one period (FY2025), a range of periods (FY2024..FY2025), a date range
        or `all` (everything the data of `tables` covers). A measured period must overlap that
        data; a period planned for (a plan's target) need not."""
        lang = lang or self.lang
        if isinstance(text, Period):
            period = text
        elif means_all(text):
            first, last = self.time_span(tables)
            if first is None or last is None:
                raise PeriodError(say("period.no_data", lang, text=text))
            return Period.custom(first.date(), last.date(), self.model.fiscal_year_start)
        else:
            period = parse_period(text, self.model.fiscal_year_start, lang)
        if measured:
            self._check_covered(period, lang, tables)
        return period

    def _between(self, start: str, end: str) -> Period:
        """From the first day of period `start` to the last day of period `end` (`--from` / `--to`)."""
        fys = self.model.fiscal_year_start
        first, last = parse_period(start, fys), parse_period(end, fys)
        if last.end <= first.start:
            raise PeriodError.worded(lambda lang: say("period.to_before_from", lang, start=start, end=end), self.lang)
        if first.kind == last.kind and first.kind != "custom" and last.start >= first.start:
            return Period.span(first, last)
        return Period("custom", first.start, last.end, fys)

    def _check_covered(self, period: Period, lang: str, tables: Sequence[str] | None = None) -> None:
        """Refuse a period that holds none of the data's timestamps, naming the periods that do."""
        first, last = self.time_span(tables)
        if first is None or last is None:
            return  # no data at all: the analyses say so themselves
        start, end = period.sql_bounds()
        if start <= last and end > first:
            return
        fys = self.model.fiscal_year_start
        kind = period.kind if period.kind in PERIOD_KINDS else (period.range_of or "fy")
        low, high = period_of(kind, first, fys), period_of(kind, last, fys)
        covered = low.label(lang) if low == high else say("period.covered", lang, first=low.label(lang), last=high.label(lang))
        data = say("period.data", lang) if tables is None else say("period.data_of", lang, tables=", ".join(tables))
        raise PeriodError(
            say(
                "period.outside",
                lang,
                period=period.label(lang),
                data=data,
                covered=covered,
                first_day=first.date().isoformat(),
                last_day=last.date().isoformat(),
            )
        )

    def last_complete_year(self) -> Period:
        """The last complete fiscal year in the data: the default period of the analyses (see `kpiflow analyses`)."""
        from kpiflow.analysis.tree import tree_order  # noqa: PLC0415  (start-up: imported when run)
        names = [n for n, _ in tree_order(self.model)][:1] or list(self.model.metrics)[:1]
        _, periods = resolve_periods(self.engine, self.model, names, period=None, start=None, end=None, last="1y", cache=self._cache)
        if not periods:
            raise KpiflowError("no data yet: load deals and stage history first")
        return periods[-1]

    @_kept
    def touch_funnel(
        self,
        steps: Sequence[str],
        *,
        within: str | None = None,
        mode: str = "ordered",
        exclude: Sequence[str] = (),
        unit: str = "contact",
        by: str | None = None,
        period: str | None = None,
        lang: str | None = None,
        per_unit: bool = False,
    ) -> TouchFunnelResult:
        """An ordered touchpoint funnel (booth visit -> demo -> inquiry) over the workspace's events;
        `per_unit` also fetches who reached which step (for `dropped()` and the CSV of `--dropped`)."""
        from kpiflow.analysis.touch_funnel import touch_funnel  # noqa: PLC0415  (start-up: imported when run)
        start = end = None
        label = None
        if period:
            chosen = self.resolve_period(period, lang, tables=TOUCHPOINTS)
            start, end = chosen.sql_bounds()
            label = chosen.label(lang or self.lang)
        return touch_funnel(
            self.engine,
            steps=steps,
            within=within,
            mode=mode,
            exclude=exclude,
            unit=unit,
            by=by,
            start=start,
            end=end,
            columns=self.columns(),
            lang=lang or self.lang,
            period_label=label,
            per_unit=per_unit,
        )

    @_kept
    def handoff(self, period: str | None = None, *, by: str | None = None, lang: str | None = None) -> HandoffResult:
        """The sales-marketing handoff: MQL -> SQL, follow-up SLA, recycling, close (see `kpiflow handoff`)."""
        from kpiflow.analysis.handoff import handoff  # noqa: PLC0415  (start-up: imported when run)
        chosen = self.resolve_period(period, lang) if period else None
        return handoff(self.engine, self.model, period=chosen, by=by, columns=self.columns(), lang=lang or self.lang)

    @_kept
    def velocity(
        self, period: str | None = None, *, by: str | None = None, deals: bool = False, lang: str | None = None
    ) -> VelocityResult:
        """Time in and between stages, and the standard journey from lead to won (see `kpiflow velocity`)."""
        from kpiflow.analysis.velocity import velocity  # noqa: PLC0415  (start-up: imported when run)
        chosen = self.resolve_period(period, lang) if period else None
        return velocity(self.engine, self.model, by=by, period=chosen, deals=deals, columns=self.columns(), lang=lang or self.lang)

    @_kept
    def lists(self, kind: str, *, by: str | None = None) -> ContactList:
        """`nurture`: open leads slower than the standard; `fast`: leads faster than it (see `kpiflow lists`)."""
        from kpiflow.analysis.velocity import fast_list, nurture_list  # noqa: PLC0415  (start-up: imported when run)
        makers = {"nurture": nurture_list, "fast": fast_list}
        if kind not in makers:
            raise UnknownNameError.for_name("list", kind, makers)
        return makers[kind](self.engine, self.model, by=by, columns=self.columns())

    @_kept
    def dictionary(self, lang: str | None = None) -> Dictionary:
        """Every metric's label, definition, extraction condition and SQL (see `kpiflow dictionary`)."""
        from kpiflow.analysis.dictionary import dictionary  # noqa: PLC0415  (start-up: imported when run)
        return dictionary(self.model, self.columns(), lang or self.lang, dialect=self.engine.dialect)

    @_kept
    def check(self) -> CheckResult:
        """Summarise every table and list contract violations (see `kpiflow check`)."""
        from kpiflow.analysis.check import check  # noqa: PLC0415  (start-up: imported when run)
        return check(self.engine, self.model)

    def columns(self) -> dict[str, list[str]]:
        """Columns of each canonical table as the database has them (extras included)."""
        if "columns" in self._cache:
            return self._cache["columns"]
        found = self.engine.columns()
        out: dict[str, list[str]] = {name: list(found.get(name, [])) for name in TABLES}
        self._cache["columns"] = out
        return out

    def table_rows(self) -> dict[str, int]:
        """Rows in each canonical table."""
        def rows(name: str) -> int:
            return self.engine.run(exp.select(exp.func("count", exp.Star())).from_(exp.table_(name, quoted=True))).scalar()

        return {name: rows(name) for name in TABLES}

    def sql(self, query: str) -> duckdb.DuckDBPyRelation:
        """Run SQL against the workspace database (for analysts)."""
        return self.con.sql(query)


def spark_engine(model: ModelFile, root: Path, lang: str) -> Engine:
    """The Spark engine of a model whose engine section says kind: spark (PySpark loads on first query)."""
    from kpiflow.engine.spark import SparkEngine  # noqa: PLC0415  (optional dependency, slow import)

    section = model.engine
    return SparkEngine(section.tables, master=section.master, conf=section.conf, timezone=model.timezone, root=root, lang=lang)


def _find_root(path: Path) -> Path:
    path = path.resolve()
    if path.is_file() and path.name == MODEL_FILE:
        return path.parent
    if (path / MODEL_FILE).is_file():
        return path
    raise WorkspaceError(f"{path}: no {MODEL_FILE} here; create a workspace with `kpiflow init {path}` or `kpiflow demo`")


def open_workspace(
    path: str | Path = ".", *, read_only: bool = False, lock_wait: float = LOCK_WAIT_SECONDS, lang: str | None = None
) -> Workspace:
    """The workspace at `path` (or above it). Reads never write; `read_only` also refuses loads.
    `lang` is the language of messages about the model and the database (default: the model's locale)."""
    root = _find_root(Path(path))
    model, doc = read_model_document(root / MODEL_FILE)
    ws = Workspace(root, model, read_only=read_only, lock_wait=lock_wait, lang=lang)
    try:
        check_model(model, doc, ws.columns(), lang=lang)
    except BaseException:
        ws.close()
        raise
    return ws


def init_workspace(path: str | Path, *, lang: str = "ja", force: bool = False) -> Workspace:
    """Create a workspace folder with the default model and an empty database."""
    root = Path(path)
    root.mkdir(parents=True, exist_ok=True)
    model_path = root / MODEL_FILE
    if model_path.exists() and not force:
        raise WorkspaceError(f"{model_path} already exists; use --force to overwrite it")
    model_path.write_text(default_model_text(lang), encoding="utf-8")
    ws = open_workspace(root)
    ws.writer().execute("CHECKPOINT")  # creates the database file and every canonical table
    return ws


DEMO_MARKER = ".kpiflow-demo"
# Targets the demo company set itself, so that plans and bottlenecks have a gap to show; FY2025's
# stage volumes by month (11,000 leads, 5,200 MQLs, 2,100 SQLs, 1,150 opportunities, 360 wins, each
# phased by FY2024's months, whole numbers by largest remainder), so that kpiflow trend has a stage
# that falls behind: sales accepted far fewer SQLs than planned (docs/demo.md).
DEMO_TARGETS = """targets:
  FY2025: {revenue: 1500000000, win_rate: 0.32}
  FY2026: {revenue: 1800000000, win_rate: 0.33}
  2025-04: {leads: 591, mqls: 311, sqls: 137, opportunities: 83, won_deals: 34}
  2025-05: {leads: 437, mqls: 251, sqls: 119, opportunities: 81, won_deals: 26}
  2025-06: {leads: 2063, mqls: 729, sqls: 131, opportunities: 55, won_deals: 20}
  2025-07: {leads: 779, mqls: 514, sqls: 290, opportunities: 109, won_deals: 28}
  2025-08: {leads: 422, mqls: 305, sqls: 195, opportunities: 124, won_deals: 22}
  2025-09: {leads: 655, mqls: 308, sqls: 126, opportunities: 88, won_deals: 34}
  2025-10: {leads: 1765, mqls: 666, sqls: 159, opportunities: 86, won_deals: 37}
  2025-11: {leads: 775, mqls: 454, sqls: 222, opportunities: 89, won_deals: 31}
  2025-12: {leads: 548, mqls: 324, sqls: 145, opportunities: 117, won_deals: 31}
  2026-01: {leads: 1390, mqls: 423, sqls: 167, opportunities: 100, won_deals: 27}
  2026-02: {leads: 703, mqls: 489, sqls: 214, opportunities: 92, won_deals: 20}
  2026-03: {leads: 872, mqls: 426, sqls: 195, opportunities: 126, won_deals: 50}
"""
# How the demo company names its channels, industries, regions and products on screens (the data keeps the codes).
DEMO_LABELS = """
labels:
  channel:
    exhibition: {ja: 展示会, en: Exhibition}
    web_form: {ja: Webフォーム, en: Web form}
    seminar: {ja: セミナー, en: Seminar}
    referral: {ja: 紹介, en: Referral}
    ads: {ja: 広告, en: Ads}
    email: {ja: メール, en: Email}
    sales: {ja: 営業, en: Sales}
  industry:
    machinery: {ja: 機械, en: Machinery}
    automotive: {ja: 自動車, en: Automotive}
    electronics: {ja: 電子・電機, en: Electronics}
    metals: {ja: 金属, en: Metals}
    chemicals: {ja: 化学, en: Chemicals}
    food: {ja: 食品, en: Food}
    logistics: {ja: 物流, en: Logistics}
    pharma: {ja: 医薬品, en: Pharma}
  region:
    kanto: {ja: 関東, en: Kanto}
    chubu: {ja: 中部, en: Chubu}
    kansai: {ja: 関西, en: Kansai}
    kyushu: {ja: 九州, en: Kyushu}
    tohoku: {ja: 東北, en: Tohoku}
    chugoku: {ja: 中国, en: Chugoku}
    shikoku: {ja: 四国, en: Shikoku}
    hokkaido: {ja: 北海道, en: Hokkaido}
  product:
    vibration_sensor: {ja: 振動センサ VS-300, en: Vibration sensor VS-300}
    iot_gateway: {ja: IoTゲートウェイ GW-700, en: IoT gateway GW-700}
    predictive_saas: {ja: 予知保全クラウド, en: Predict Cloud}
    installation: {ja: 設置・立上げ, en: Installation}
"""


def build_demo(
    path: str | Path, *, size: str = "default", seed: int = 20260401, lang: str = "ja"
) -> tuple[Workspace, dict[str, int]]:
    """(Re)build the demo workspace at `path`: the default model and the fictional company.

    A folder that holds a workspace of the user's own is refused: only a demo is rebuilt.
    """
    from kpiflow.demo.company import SIZES, populate  # noqa: PLC0415  (numpy-heavy; only for the demo)

    if size not in SIZES:
        raise UnknownNameError.for_name("demo size", size, SIZES)
    root = Path(path)
    if (root / MODEL_FILE).exists() and not (root / DEMO_MARKER).exists():
        raise WorkspaceError(f"{root} holds a workspace that is not a demo; choose another folder for the demo")
    for name in (DATABASE_FILE, DATABASE_FILE + ".wal"):
        (root / name).unlink(missing_ok=True)
    root.mkdir(parents=True, exist_ok=True)
    (root / DEMO_MARKER).write_text(f"size={size} seed={seed}\n", encoding="utf-8")
    model_text = default_model_text(lang)
    model_text = model_text[: model_text.index("targets:")] + DEMO_TARGETS + DEMO_LABELS
    (root / MODEL_FILE).write_text(model_text, encoding="utf-8")
    from kpiflow.model import hypotheses  # noqa: PLC0415  (the demo's register of hypotheses, issue 22)

    (root / hypotheses.FILE).write_text(hypotheses.DEMO_REGISTER, encoding="utf-8")
    (root / hypotheses.HISTORY).unlink(missing_ok=True)
    ws = open_workspace(root)
    rows = populate(ws.writer(), size=size, seed=seed)
    ws.con.execute("CHECKPOINT")
    return ws, rows
