"""Documentation cannot drift: generated docs match the code, and everything public is documented."""

from __future__ import annotations

import inspect
import string
from pathlib import Path

import typer.main

from kpiflow.cli import app
from kpiflow.messages import MESSAGES
from kpiflow.model import contract_doc
from kpiflow.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]


def test_data_contract_doc_is_generated_from_the_code():
    written = (ROOT / "docs" / "data-contract.md").read_text(encoding="utf-8")
    assert written == contract_doc.render(), "run: python -m kpiflow.model.contract_doc > docs/data-contract.md"


def test_every_cli_command_is_in_the_readme_and_has_help():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    group = typer.main.get_group(app)
    for name, command in group.commands.items():
        assert f"kpiflow {name}" in readme, f"README does not mention `kpiflow {name}`"
        assert command.help, f"`kpiflow {name}` has no help text"


def test_every_message_exists_in_japanese_and_english():
    for key, templates in MESSAGES.items():
        assert set(templates) == {"ja", "en"}, key
        # Both languages take the same placeholders.
        ja = {p.split(":")[0] for p in _placeholders(templates["ja"])}
        en = {p.split(":")[0] for p in _placeholders(templates["en"])}
        assert ja == en, key


def _placeholders(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


def test_public_workspace_methods_are_documented():
    for name, member in inspect.getmembers(Workspace):
        if name.startswith("_") or not callable(member):
            continue
        assert inspect.getdoc(member), f"Workspace.{name} has no docstring"


def test_readme_quick_start_has_exactly_two_setup_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("```", 2)[1]
    commands = [line for line in quick.splitlines() if line.strip()]
    assert [c.split("#")[0].strip() for c in commands] == ["make demo", "make test"]
