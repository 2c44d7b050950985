"""The command line: exit codes, one-line errors, no tracebacks."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from specpipe import cli

FIXTURE = Path(__file__).parent / "fixtures" / "petstore"


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "specpipe", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
        check=False,
    )
    assert "Traceback" not in result.stderr
    assert "Traceback" not in result.stdout
    return result


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder whose spec/ holds the fixture API `api` and the shared `common`."""
    shutil.copytree(FIXTURE, tmp_path / "spec")
    return tmp_path


def test_validate_all_clean(project: Path) -> None:
    result = run(project, "validate")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["ok  api  (3 operations)"]


def test_validate_by_name_and_by_path(project: Path) -> None:
    assert run(project, "validate", "api").returncode == 0
    result = run(project, "validate", "spec/api/openapi.yaml")
    assert result.returncode == 0
    assert "ok  api" in result.stdout


def test_validate_findings_exit_1(project: Path) -> None:
    paths = project / "spec" / "api" / "paths" / "pets.yaml"
    paths.write_text(paths.read_text().replace("    summary: Get one pet\n", ""))
    result = run(project, "validate", "api")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert any(
        line.startswith("spec/api/paths/pets.yaml:") and line.endswith("[operation-summary]")
        for line in lines
    ), lines
    assert lines[-1] == "FAIL  api  (1 finding)"


def test_yaml_error_exit_1_without_traceback(project: Path) -> None:
    root = project / "spec" / "api" / "openapi.yaml"
    root.write_text(root.read_text().replace("title: Pet store", "title: [Pet store"))
    result = run(project, "validate")
    assert result.returncode == 1
    assert result.stderr.startswith("spec/api/openapi.yaml:")
    assert "[yaml-syntax]" in result.stderr


def test_unknown_api_exit_2_one_line(project: Path) -> None:
    result = run(project, "validate", "nosuchapi")
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
    assert "unknown API 'nosuchapi'" in result.stderr
    assert "known: api" in result.stderr


def test_missing_file_exit_2_one_line(project: Path) -> None:
    result = run(project, "validate", "spec/gone/openapi.yaml")
    assert result.returncode == 2
    assert result.stderr.splitlines() == ["specpipe: error: no such file: spec/gone/openapi.yaml"]


def test_bad_flag_exit_2_one_line(project: Path) -> None:
    result = run(project, "validate", "--no-such-flag")
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1


def test_no_specs_exit_2(tmp_path: Path) -> None:
    result = run(tmp_path, "validate")
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1


def test_help_documents_arguments(project: Path) -> None:
    for command in ("validate", "bundle", "generate"):
        result = run(project, command, "--help")
        assert result.returncode == 0
        assert "API_OR_PATH" in result.stdout


def test_bundle_writes_once_and_keeps_mtime(project: Path) -> None:
    result = run(project, "bundle")
    assert result.returncode == 0, result.stderr
    out = project / "generated" / "bundled" / "api.yaml"
    content = out.read_bytes()
    assert b"$ref: ../" not in content
    assert content.startswith(b"openapi: 3.1.0\ninfo:\n")
    os.utime(out, (1_000_000_000, 1_000_000_000))
    again = run(project, "bundle", "api")
    assert again.returncode == 0
    assert "unchanged" in again.stdout
    assert out.read_bytes() == content
    assert out.stat().st_mtime == 1_000_000_000


def test_bundle_refuses_invalid_spec(project: Path) -> None:
    paths = project / "spec" / "api" / "paths" / "pets.yaml"
    paths.write_text(paths.read_text().replace("operationId: createPet", "operationId: listPets"))
    result = run(project, "bundle", "--out", "out")
    assert result.returncode == 1
    assert "[operation-id-unique]" in result.stderr
    assert not (project / "out").exists()


def test_generate_refuses_invalid_spec(project: Path) -> None:
    paths = project / "spec" / "api" / "paths" / "pets.yaml"
    paths.write_text(paths.read_text().replace("operationId: createPet", "operationId: listPets"))
    result = run(project, "generate", "--out", "gen")
    assert result.returncode == 1
    assert not (project / "gen" / "bundled").exists()


def test_unwritable_output_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = run(Path(__file__).parent.parent, "bundle", "calendar", "--out", str(blocker / "out"))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1].startswith("specpipe: error: ")


def test_generation_error_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    root = tmp_path / "api" / "openapi.yaml"
    root.parent.mkdir()
    root.write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\ntags: [{name: t}]\npaths:\n"
        "  /a:\n    get:\n      operationId: a\n      summary: A\n      tags: [t]\n"
        "      responses:\n        '200':\n          description: ok\n          content:\n"
        "            application/json:\n"
        "              schema: {$ref: '#/components/schemas/Thing'}\n"
        "        '400': {description: bad}\n"
        "components:\n  schemas:\n    Thing:\n      type: object\n"
        "      properties: {a: {type: array}}\n      allOf: [{uniqueItems: true}]\n"
    )
    result = run(tmp_path, "generate", "api/openapi.yaml", "--out", "gen", "--cache-dir", "")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "specpipe: error: cannot generate api: "
        "/components/schemas/Thing/allOf/0/uniqueItems: "
        "the rule compiler does not support 'uniqueItems'"
    ]


def test_every_finding_is_one_line_and_a_bare_root_is_named_by_its_folder(tmp_path: Path) -> None:
    folder = tmp_path / "mini"
    folder.mkdir()
    (folder / "openapi.yaml").write_text("openapi: 3.1.0\n")
    result = run(folder, "validate", "openapi.yaml")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == "FAIL  mini  (2 findings)"
    assert all(line.startswith("openapi.yaml:1: /: ") for line in lines[:-1])
    assert any('"info" is a required property [oas]' in line for line in lines)


def test_each_command_is_registered_by_the_module_the_parser_imports_for_it() -> None:
    """`build_parser(command)` imports only the module of `command`: the table must name the
    module that really registers it, for every command there is."""
    every = cli.build_parser()
    (commands,) = [a for a in every._actions if isinstance(a, argparse._SubParsersAction)]
    assert set(commands.choices) == set(cli.CORE_COMMANDS) | set(cli.COMMAND_MODULES)
    assert set(cli.COMMAND_MODULES.values()) == set(cli.EXTENSION_COMMANDS)
    for command in commands.choices:
        alone = cli.build_parser(command)
        (sub,) = [a for a in alone._actions if isinstance(a, argparse._SubParsersAction)]
        assert command in sub.choices, command
