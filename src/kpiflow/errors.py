"""One base exception; each subclass also inherits the matching built-in.

Messages are for people: what failed, where (file, line, column), what was expected, and a
"did you mean" for unknown names. Errors become exit codes in `cli.py` and nowhere else.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Self

from kpiflow.messages import MESSAGES, say


class KpiflowError(Exception):
    """Base of every error kpiflow raises on purpose. `str()` is the user-facing message."""

    exit_code = 1
    # The message as a function of the language, for an error raised through `worded`: where it
    # is raised the user's language is often unknown (a name checked deep in a library call), so
    # the command line says it again in the user's language (`message`).
    wording: Callable[[str], str] | None = None

    @classmethod
    def worded(cls, wording: Callable[[str], str], lang: str = "en") -> Self:
        """An error whose message `wording(lang)` can say again in another language."""
        error = cls(wording(lang))
        error.wording = wording
        return error

    def message(self, lang: str) -> str:
        """The message in `lang` when the error can say it again; else as it was raised."""
        return self.wording(lang) if self.wording is not None else str(self)


def suggest(name: str, candidates: Iterable[str]) -> str | None:
    """The closest candidate to a misspelt name, if any is close enough."""
    found = difflib.get_close_matches(name, list(candidates), n=1, cutoff=0.6)
    return found[0] if found else None


def did_you_mean(hint: str | None, lang: str = "en") -> str:
    """" (did you mean 'x'?)" after a misspelt name, or nothing when no name is close."""
    return say("hint.did_you_mean", lang, name=hint) if hint else ""


def expected_one_of(names: Iterable[str], lang: str = "en") -> str:
    """"; expected one of: a, b" after a name that is close to none of them."""
    return say("hint.expected_one_of", lang, names=", ".join(names))


def hint_or_expected(hint: str | None, names: Iterable[str], lang: str = "en") -> str:
    """What follows an unknown name: " (did you mean 'x'?)" when one is close, else the names expected."""
    return did_you_mean(hint, lang) if hint else expected_one_of(names, lang)


def kind_name(kind: str, lang: str) -> str:
    """What a kind of name is called in `lang`: an option (--by) as typed; "metric of hypothesis
    H1" part by part; a kind without a translation as it is."""
    if lang == "en" or kind.startswith("-"):
        return kind
    if f"kind.{kind}" in MESSAGES:
        return say(f"kind.{kind}", lang)
    thing, of, owner = kind.partition(" of ")
    if not of:
        return kind
    first, space, rest = owner.partition(" ")  # "hypothesis H1": the owner's kind, then its name
    if f"kind.{first}" in MESSAGES:
        owner = say(f"kind.{first}", lang) + space + rest
    return say("kind.of", lang, thing=kind_name(thing, lang), owner=owner)


def message_of(error: BaseException, lang: str) -> str:
    """Any error's message, in `lang` when it is a kpiflow error that can say it again."""
    return error.message(lang) if isinstance(error, KpiflowError) else str(error)


class UnknownNameError(KpiflowError, LookupError):
    @classmethod
    def for_name(cls, kind: str, name: str, candidates: Iterable[str], lang: str = "en") -> UnknownNameError:
        """`name` is none of `candidates`: the closest one as a "did you mean", else the list."""
        candidates = list(candidates)
        hint = suggest(name, candidates)

        def wording(lang: str) -> str:
            key = "unknown.option" if kind.startswith("-") else "unknown.name"
            ending = hint_or_expected(hint, candidates, lang)
            return say(key, lang, kind=kind_name(kind, lang), name=name, hint=ending)

        return cls.worded(wording, lang)


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


class SettingError(KpiflowError, ValueError):
    """An environment variable kpiflow reads (KPIFLOW_THREADS, KPIFLOW_MEMORY_LIMIT) holds no valid value."""

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
