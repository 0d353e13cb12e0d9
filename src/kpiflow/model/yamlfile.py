"""YAML with positions, so that a mistake in a model or mapping file points at its line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, get_args, get_origin

import yaml
from pydantic import BaseModel, ValidationError

from kpiflow.errors import Location, ModelError, suggest

Path_ = tuple[str | int, ...]
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class YamlDocument:
    file: str
    data: Any
    positions: dict[Path_, tuple[int, int]]

    def locate(self, path: Sequence[str | int]) -> Location:
        """The deepest known position along `path` (1-based line and column)."""
        path = tuple(path)
        while path and path not in self.positions:
            path = path[:-1]
        line, column = self.positions.get(path, (None, None))
        return Location(self.file, line, column)


def _walk(node: yaml.Node, path: Path_, positions: dict, file: str) -> None:
    positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                loc = Location(file, key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                raise ModelError(f"{loc}: key '{key}' appears twice")
            seen.add(key)
            positions[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            _walk(value_node, path + (key,), positions, file)
            positions[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, path + (i,), positions, file)


def parse_yaml(text: str, file: str) -> YamlDocument:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark
        loc = Location(file, mark.line + 1, mark.column + 1) if mark else Location(file)
        raise ModelError(f"{loc}: not valid YAML: {e.problem}") from None
    positions: dict[Path_, tuple[int, int]] = {}
    if node is not None:
        _walk(node, (), positions, file)
    return YamlDocument(file, data, positions)


def read_yaml(path: str | Path) -> YamlDocument:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ModelError(f"{path}: file not found") from None
    except UnicodeDecodeError:
        raise ModelError(f"{path}: not UTF-8 text; save the YAML file as UTF-8") from None
    return parse_yaml(text, str(path))


def validate(model: type[M], doc: YamlDocument) -> M:
    """Validate a document against a Pydantic model; errors point at YAML lines."""
    try:
        return model.model_validate(doc.data if doc.data is not None else {})
    except ValidationError as e:
        lines = []
        for err in e.errors():
            loc = [p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-"))]
            where = doc.locate(loc)
            dotted = ".".join(str(p) for p in loc) or "(top level)"
            message = err["msg"]
            if err["type"] == "extra_forbidden":
                field = loc[-1] if loc else ""
                parent = _fields_at(model, loc[:-1])
                hint = suggest(str(field), parent) if parent else None
                message = f"unknown key '{field}'" + (f" (did you mean '{hint}'?)" if hint else "")
                if parent:
                    message += f"; allowed: {', '.join(sorted(parent))}"
            lines.append(f"{where}: {dotted}: {message}")
        raise ModelError("\n".join(lines)) from None


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
