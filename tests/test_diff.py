"""specpipe diff: every fixture kind is recognised and classified; CLI exit codes and formats."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from specs import ROOT

from specpipe.diff import KINDS, compare, render
from specpipe.loader import load_spec

FIXTURES = Path(__file__).parent / "fixtures" / "diff"
KIND_DIRS = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())


def _changes(kind: str) -> list[dict[str, object]]:
    folder = FIXTURES / kind
    found = compare(load_spec(folder / "old.yaml"), load_spec(folder / "new.yaml"))
    return [{"kind": c.kind, "breaking": c.breaking, "pointer": c.pointer} for c in found]


def test_every_kind_has_a_fixture() -> None:
    missing = sorted(set(KINDS) - set(KIND_DIRS))
    unknown = sorted(set(KIND_DIRS) - set(KINDS))
    assert not missing, f"kinds without a fixture pair: {missing}"
    assert not unknown, f"fixture folders naming no kind: {unknown}"


@pytest.mark.parametrize("kind", KIND_DIRS)
def test_fixture_pair_is_recognised(kind: str) -> None:
    changes = _changes(kind)
    assert kind in {c["kind"] for c in changes}, changes
    expected = yaml.safe_load((FIXTURES / kind / "expected.yaml").read_text(encoding="utf-8"))
    assert changes == expected["changes"]


@pytest.mark.parametrize(
    ("kind", "breaking"),
    [
        ("path-removed", True),
        ("operation-added", False),
        ("request-enum-narrowed", True),
        ("request-enum-widened", False),
        ("response-enum-widened", True),
        ("response-enum-narrowed", False),
        ("response-property-renamed", True),
        ("request-property-added-optional", False),
        ("description-changed", False),
        ("security-requirement-tightened", True),
    ],
)
def test_classification(kind: str, breaking: bool) -> None:
    assert KINDS[kind] is breaking


def test_a_required_body_where_there_was_none_is_breaking() -> None:
    old = load_spec(FIXTURES / "request-body-removed" / "new.yaml")
    new = load_spec(FIXTURES / "request-body-removed" / "old.yaml")
    assert [(c.kind, c.breaking) for c in compare(old, new)] == [
        ("request-body-became-required", True)
    ]


def test_identical_specs_have_no_change() -> None:
    spec = load_spec(ROOT / "spec" / "opendental" / "openapi.yaml")
    assert compare(spec, spec) == []


def test_changes_are_located_on_the_new_side() -> None:
    folder = FIXTURES / "request-length-narrowed"
    (change,) = compare(load_spec(folder / "old.yaml"), load_spec(folder / "new.yaml"))
    lines = (folder / "new.yaml").read_text(encoding="utf-8").splitlines()
    assert change.file.endswith("request-length-narrowed/new.yaml")
    assert lines[change.line - 1].strip().startswith("maxLength: 20")


def test_reference_spelling_does_not_matter(tmp_path: Path) -> None:
    old = yaml.safe_load((FIXTURES / "description-changed" / "old.yaml").read_text())
    new = yaml.safe_load((FIXTURES / "description-changed" / "old.yaml").read_text())
    schemas = new["components"]["schemas"]
    schemas["Name"] = schemas["ItemCreate"]["properties"]["name"]
    schemas["ItemCreate"]["properties"]["name"] = {"$ref": "#/components/schemas/Name"}
    (tmp_path / "old.yaml").write_text(yaml.safe_dump(old))
    (tmp_path / "new.yaml").write_text(yaml.safe_dump(new))
    assert compare(load_spec(tmp_path / "old.yaml"), load_spec(tmp_path / "new.yaml")) == []


def _run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "specpipe", "diff", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def _pair(kind: str) -> list[str]:
    folder = FIXTURES / kind
    return ["--old", str(folder / "old.yaml"), "--new", str(folder / "new.yaml")]


def test_exit_1_on_breaking_and_0_otherwise() -> None:
    breaking = _run(*_pair("response-property-removed"))
    assert breaking.returncode == 1, breaking.stderr
    assert "BREAKING" in breaking.stdout and "response-property-removed" in breaking.stdout
    harmless = _run(*_pair("response-property-added"))
    assert harmless.returncode == 0, harmless.stderr


def test_acknowledged_breaking_change_passes(tmp_path: Path) -> None:
    ack = tmp_path / "ack.yaml"
    ack.write_text(
        yaml.safe_dump(
            {
                "acknowledged": [
                    {
                        "kind": "response-property-removed",
                        "pointer": "/components/schemas/Item/properties/price",
                        "reason": "no client reads it",
                    }
                ]
            }
        )
    )
    result = _run(*_pair("response-property-removed"), "--ack", str(ack), "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["breaking"] == 0
    assert report["apis"][0]["changes"][0]["acknowledged"] == "no client reads it"
    other = _run(*_pair("response-property-renamed"), "--ack", str(ack))
    assert other.returncode == 1


def test_markdown_report() -> None:
    result = _run(*_pair("request-enum-narrowed"), "--format", "markdown")
    assert result.returncode == 1
    assert "| 🔴 breaking | `request-enum-narrowed` |" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "give --base REF"),
        (("--base", "no-such-ref-anywhere"), "no such git ref"),
        (("--old", "missing.yaml", "--new", "missing.yaml"), "no such file"),
        (("--format", "html", "--base", "HEAD"), "invalid choice"),
    ],
)
def test_usage_errors_are_one_line(args: tuple[str, ...], message: str) -> None:
    result = _run(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_bad_acknowledgement_file_is_a_usage_error(tmp_path: Path) -> None:
    ack = tmp_path / "ack.yaml"
    ack.write_text("acknowledged:\n  - kind: no-such-kind\n    pointer: /x\n    reason: r\n")
    result = _run(*_pair("path-removed"), "--ack", str(ack))
    assert result.returncode == 2
    assert "unknown kind" in result.stderr


def test_missing_acknowledgement_file_given_explicitly_is_a_usage_error(tmp_path: Path) -> None:
    result = _run(*_pair("path-removed"), "--ack", str(tmp_path / "typo.yaml"))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"specpipe: error: no such acknowledgement file: {tmp_path / 'typo.yaml'}"
    ]


def test_unparsable_acknowledgement_file_is_one_line(tmp_path: Path) -> None:
    ack = tmp_path / "ack.yaml"
    ack.write_text("acknowledged: [1")
    result = _run(*_pair("path-removed"), "--ack", str(ack))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"specpipe: error: {ack}:1: YAML syntax error: expected ',' or ']', but got '<stream end>'"
    ]


def test_spec_dir_outside_the_repository_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "openapi.yaml").write_text("openapi: 3.1.0\n")
    result = _run("--base", "HEAD", "--spec-dir", str(tmp_path))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "is not inside the git repository" in result.stderr


def test_base_outside_a_git_repository_says_so(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "openapi.yaml").write_text("openapi: 3.1.0\n")
    result = _run("--base", "HEAD", "--spec-dir", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "not a git repository" in result.stderr


def test_working_tree_against_head_runs() -> None:
    result = _run("--base", "HEAD", "--format", "markdown", "lsatlas")
    assert result.returncode in (0, 1), result.stderr
    assert "`lsatlas`" in result.stdout


def test_render_text_lists_every_change() -> None:
    folder = FIXTURES / "server-removed"
    changes = compare(load_spec(folder / "old.yaml"), load_spec(folder / "new.yaml"))
    text = render("x", changes, "text")
    assert "server-removed" in text and "server-added" in text
