"""One base exception; each subclass also inherits the matching built-in.

Messages are for people: what failed, where (file, line, column), what was expected, and a
"did you mean" for unknown names. Errors become exit codes in `cli.py` and nowhere else.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


class KpiflowError(Exception):
    """Base of every error kpiflow raises on purpose. `str()` is the user-facing message."""

    exit_code = 1


def suggest(name: str, candidates: Iterable[str]) -> str | None:
    """The closest candidate to a misspelt name, if any is close enough."""
    found = difflib.get_close_matches(name, list(candidates), n=1, cutoff=0.6)
    return found[0] if found else None


class UnknownNameError(KpiflowError, LookupError):
    @classmethod
    def for_name(cls, kind: str, name: str, candidates: Iterable[str]) -> UnknownNameError:
        candidates = list(candidates)
        hint = suggest(name, candidates)
        msg = f"unknown {kind} '{name}'"
        msg += f" (did you mean '{hint}'?)" if hint else f"; expected one of: {', '.join(candidates)}"
        return cls(msg)


@dataclass(frozen=True)
class Location:
    """Where in a user's file something is: 1-based line and column."""

    file: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        out = self.file
        if self.line is not None:
            out += f":{self.line}"
            if self.column is not None:
                out += f":{self.column}"
        return out


class ModelError(KpiflowError, ValueError):
    """The model file (kpiflow.yaml) or a mapping file is wrong."""

    exit_code = 2


class WorkspaceError(KpiflowError, FileNotFoundError):
    """No workspace where one was expected."""

    exit_code = 2


class WorkspaceBusyError(WorkspaceError):
    """Another process (a `kpiflow load`) holds the database's write lock longer than we waited."""

    exit_code = 6


class LoadError(KpiflowError, ValueError):
    """A source file was refused; nothing was written. `problems` lists what was found."""

    exit_code = 3

    def __init__(self, message: str, problems: list | None = None):
        super().__init__(message)
        self.problems = problems or []


class ContractViolation(KpiflowError):
    """`kpiflow check` found data that breaks the contract."""

    exit_code = 4


class CannotListenError(KpiflowError, OSError):
    """`kpiflow serve` cannot listen on its address: the port is in use or not permitted, or the
    host is not an address of this machine."""

    exit_code = 5
