"""YAML with positions, so that a mistake in a model or mapping file points at its line.

Whatever the bytes, reading gives a document or a ModelError naming the file, line and column:
never a parser's own exception. The reader's messages are in the file's language (its `locale:`
line; English when it has none), since the model is not read yet when they are raised.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, get_args, get_origin

import yaml
from pydantic import BaseModel, ValidationError

from kpiflow.errors import KpiflowError, Location, ModelError, did_you_mean, suggest
from kpiflow.messages import say

Path_ = tuple[str | int, ...]
M = TypeVar("M", bound=BaseModel)
# No model or mapping file has this many values; an alias bomb (a: &a [x, x], b: &b [*a, *a], ...)
# expands past it in a few lines and would take hours to walk and validate.
MAX_NODES = 100_000
_LOCALE = re.compile(r"^locale:\s*['\"]?(ja|en)\b", re.MULTILINE)


@dataclass(frozen=True)
class YamlDocument:
    file: str
    data: Any
    positions: dict[Path_, tuple[int, int]]
    lang: str = "en"  # the file's language (its `locale:` line), for messages about it

    def locate(self, path: Sequence[str | int]) -> Location:
        """The deepest known position along `path` (1-based line and column)."""
        path = tuple(path)
        while path and path not in self.positions:
            path = path[:-1]
        line, column = self.positions.get(path, (None, None))
        return Location(self.file, line, column)


def language_of(text: str) -> str:
    """The language a model file declares (`locale: ja`), for messages about the file itself; the
    last one counts if the key is repeated, as it does for the loader."""
    found = _LOCALE.findall(text)
    return found[-1] if found else "en"


def _walk(root: yaml.Node, file: str, lang: str) -> dict[Path_, tuple[int, int]]:
    """Each path's line and column; a key given twice in one mapping is an error."""
    positions: dict[Path_, tuple[int, int]] = {}
    stack: list[tuple[yaml.Node, Path_]] = [(root, ())]  # a loop, not recursion: nesting depth is the user's
    visited = 0
    while stack:
        node, path = stack.pop()
        visited += 1
        if visited > MAX_NODES:
            where = Location(file, node.start_mark.line + 1, node.start_mark.column + 1)
            raise _refused("yaml.too_large", lang, where=where, limit=MAX_NODES)
        positions.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        children: list[tuple[yaml.Node, Path_]] = []
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key_node, value_node in node.value:
                # A key that is not a scalar (`? [a, b]`) is refused by the constructor before this.
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.start_mark)
                where = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                if key in seen:
                    raise _refused("yaml.duplicate_key", lang, where=Location(file, *where), key=key)
                seen.add(key)
                positions[path + (key,)] = where
                children.append((value_node, path + (key,)))
        elif isinstance(node, yaml.SequenceNode):
            children = [(item, path + (i,)) for i, item in enumerate(node.value)]
        stack.extend(reversed(children))  # visited in document order: the first mistake is reported first
    return positions


def _refused(key: str, lang: str, /, **values: object) -> ModelError:
    """A ModelError said in `lang` (the file's), that the command line can say again in the user's."""
    return ModelError.worded(lambda lang: say(key, lang, **values), lang)


def parse_yaml(text: str, file: str, lang: str | None = None) -> YamlDocument:
    lang = lang or language_of(text)
    try:
        # One parse: the node tree gives the positions, and the data is constructed from it.
        loader = yaml.SafeLoader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark
        loc = Location(file, mark.line + 1, mark.column + 1) if mark else Location(file)
        raise _refused("yaml.invalid", lang, where=loc, problem=e.problem) from None
    except yaml.reader.ReaderError as e:  # a NUL or other control character, before any parsing
        line, column = _line_column(text, e.position)
        code = f"U+{e.character:04X}" if isinstance(e.character, int) else repr(e.character)
        raise _refused("yaml.character", lang, where=Location(file, line, column), code=code) from None
    except RecursionError:  # PyYAML composes nested collections recursively
        raise _refused("yaml.too_deep", lang, where=Location(file)) from None
    positions = _walk(node, file, lang) if node is not None else {}
    return YamlDocument(file, data, positions, lang)


def _line_column(text: str, position: int) -> tuple[int, int]:
    before = text[:position]
    return before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1


def read_yaml(path: str | Path, lang: str | None = None) -> YamlDocument:
    return parse_yaml(read_text(path, lang), str(Path(path)), lang)


def read_text(path: str | Path, lang: str | None = None) -> str:
    """A YAML file's text (UTF-8, a BOM allowed), or a ModelError naming the file and line."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise _refused("yaml.not_found", lang or "en", file=path) from None
    except OSError as e:  # a folder, no permission
        raise _refused("yaml.unreadable", lang or "en", file=path, reason=e.strerror or type(e).__name__) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        lang = lang or language_of(raw.decode("utf-8", "replace"))
        raise _refused("yaml.not_utf8", lang, where=Location(str(path), line)) from None
    return text


def validate(model: type[M], doc: YamlDocument, lang: str | None = None) -> M:
    """Validate a document against a Pydantic model; errors point at YAML lines, in `lang`
    (default: the file's language; the command line says them again in the user's)."""
    try:
        return model.model_validate(doc.data if doc.data is not None else {})
    except ValidationError as e:
        errors = e.errors()
        raise ModelError.worded(lambda lang: "\n".join(_problem(model, doc, err, lang) for err in errors), lang or doc.lang) from None


def _problem(model: type[BaseModel], doc: YamlDocument, err: Any, lang: str) -> str:
    """One validation error as a line: where, the dotted path, what is wrong."""
    loc = [p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-"))]
    where = doc.locate(loc)
    dotted = ".".join(str(p) for p in loc) or say("yaml.top_level", lang)
    message = err["msg"]
    raised = err.get("ctx", {}).get("error")
    if isinstance(raised, KpiflowError) and lang != "en":  # a validator's own words; English keeps pydantic's prefix
        message = raised.message(lang)
    if err["type"] == "extra_forbidden":
        field = loc[-1] if loc else ""
        parent = _fields_at(model, loc[:-1])
        hint = suggest(str(field), parent) if parent else None
        message = say("yaml.unknown_key", lang, key=field, hint=did_you_mean(hint, lang))
        if parent:
            message += say("yaml.allowed_keys", lang, keys=", ".join(sorted(parent)))
    return f"{where}: {dotted}: {message}"


def _fields_at(model: type[BaseModel], path: Sequence[str | int]) -> list[str]:
    """Field names of the nested model reached by `path` (best effort, for suggestions)."""
    current: Any = model
    for part in path:
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(str(part))
            current = field.annotation if field else None
        elif get_origin(current) is dict:
            current = get_args(current)[1]
        elif get_origin(current) is list:
            current = get_args(current)[0]
        else:
            current = _model_in(current)
            if current is None:
                return []
            field = current.model_fields.get(str(part))
            current = field.annotation if field else None
    current = _model_in(current)
    return list(current.model_fields) if current is not None else []


def _model_in(annotation: Any) -> Any:
    """The Pydantic model inside an annotation such as `Metric | None`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None
