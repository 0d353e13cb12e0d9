"""A problem found in a source file, rendered in the user's language."""

from __future__ import annotations

from dataclasses import dataclass, field

from kpiflow.messages import say


@dataclass(frozen=True)
class Problem:
    key: str
    line: int | None = None
    column: str | None = None
    values: dict[str, object] = field(default_factory=dict)

    def where(self, lang: str) -> str:
        if self.line is not None and self.column:
            return say("where.line_column", lang, line=self.line, column=self.column)
        if self.line is not None:
            return say("where.line", lang, line=self.line)
        if self.column:
            return say("where.column", lang, column=self.column)
        return say("where.file", lang)

    def render(self, lang: str = "en") -> str:
        values = dict(self.values)
        values.setdefault("column", self.column)
        if "suggestion" in values or "meaning" in values:
            suggestion, meaning = values.pop("suggestion", None), values.pop("meaning", None)
            if suggestion:
                values["hint"] = say("hint.did_you_mean", lang, name=suggestion)
            elif meaning:
                values["hint"] = f" ({meaning[lang]})"
            else:
                values["hint"] = ""
        for name in ("expected", "found"):  # message keys given as values are said in the same language
            value = values.get(name)
            if isinstance(value, str) and value.startswith(("expect.", "found.")):
                values[name] = say(value, lang)
        return f"{self.where(lang)}: {say(self.key, lang, **values)}"

    def to_dict(self, lang: str = "en") -> dict[str, object]:
        return {"line": self.line, "column": self.column, "problem": self.key, "message": self.render(lang)}


class SourceRefused(Exception):
    """Raised inside `io` with the problems found; the loader turns it into a LoadError."""

    def __init__(self, problems: list[Problem]):
        super().__init__(problems[0].key if problems else "refused")
        self.problems = problems
