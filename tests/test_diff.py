"""specpipe diff: every kind has a fixture pair whose report is checked line by line; the
cases real specs broke on; validation first; acknowledgements; CLI exit codes and formats.

`SPECPIPE_UPDATE_EXPECTED=1 pytest tests/test_diff.py` rewrites the fixtures' expected.yaml
files (review their diff before committing)."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from specs import ROOT

from specpipe.cli import main
from specpipe.diff import KINDS, RULES, Change, check_revision, compare, render
from specpipe.diff.kinds import aspect_of
from specpipe.loader import LoadedSpec, load_spec, resolve_pointer

FIXTURES = Path(__file__).parent / "fixtures" / "diff"
KIND_DIRS = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())
UPDATE = os.environ.get("SPECPIPE_UPDATE_EXPECTED") == "1"


def entries(changes: list[Change]) -> list[dict[str, Any]]:
    return [
        {
            "kind": c.kind,
            "breaking": c.breaking,
            "pointer": c.pointer,
            "in": c.side,
            "message": c.message,
        }
        for c in changes
    ]


def assert_well_formed(changes: list[Change], old: LoadedSpec, new: LoadedSpec) -> None:
    """Every pointer resolves in the revision it names; no pointer gets contradictory kinds."""
    for change in changes:
        document = new.document if change.side == "new" else old.document
        try:
            resolve_pointer(document, change.pointer)
        except KeyError:
            pytest.fail(f"{change.kind} at {change.pointer}: no such node in the {change.side}")
    verdicts: dict[tuple[str, str, str], set[str]] = {}
    nullability: dict[str, set[str]] = {}
    for change in changes:
        aspect = aspect_of(change.kind)
        if aspect is not None:
            verdicts.setdefault((change.pointer, *aspect[:2]), set()).add(aspect[2])
        if change.kind.endswith(("-became-nullable", "-no-longer-nullable")):
            direction = change.kind.split("-", 1)[0]
            nullability.setdefault(f"{direction} {change.pointer}", set()).add(change.kind)
    for key, found in verdicts.items():
        assert len(found) == 1, f"{key}: {sorted(found)}"
    for key, kinds in nullability.items():
        assert len(kinds) == 1, f"{key}: {sorted(kinds)}"


def _compare(folder: Path) -> tuple[list[Change], LoadedSpec, LoadedSpec]:
    old, new = load_spec(folder / "old.yaml"), load_spec(folder / "new.yaml")
    return compare(old, new), old, new


def test_every_kind_has_a_fixture() -> None:
    missing = sorted(set(KINDS) - set(KIND_DIRS))
    unknown = sorted(set(KIND_DIRS) - set(KINDS))
    assert not missing, f"kinds without a fixture pair: {missing}"
    assert not unknown, f"fixture folders naming no kind: {unknown}"


@pytest.mark.parametrize("kind", KIND_DIRS)
def test_fixture_pair(kind: str) -> None:
    folder = FIXTURES / kind
    changes, old, new = _compare(folder)
    assert kind in {c.kind for c in changes}, changes
    assert_well_formed(changes, old, new)
    expected_file = folder / "expected.yaml"
    found = entries(changes)
    if UPDATE:
        text = yaml.safe_dump({"changes": found}, sort_keys=False, allow_unicode=True, width=100)
        expected_file.write_text(text, encoding="utf-8")
    expected = yaml.safe_load(expected_file.read_text(encoding="utf-8"))
    assert found == expected["changes"]


def test_every_kind_says_why() -> None:
    for kind in RULES.values():
        assert kind.rule and kind.rule[0].islower() and not kind.rule.endswith("."), kind


@pytest.mark.parametrize(
    ("kind", "breaking"),
    [
        ("operation-removed", True),
        ("operation-added", False),
        ("request-enum-narrowed", True),
        ("request-enum-widened", False),
        ("response-enum-widened", True),
        ("response-enum-narrowed", False),
        ("request-union-member-added", False),
        ("response-union-member-added", True),
        ("request-became-nullable", False),
        ("response-became-nullable", True),
        ("request-no-longer-nullable", True),
        ("response-no-longer-nullable", False),
        ("union-member-renamed", False),
        ("unclassified", False),
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


def test_what_was_removed_is_located_in_the_old_revision() -> None:
    folder = FIXTURES / "response-property-removed"
    (change,) = compare(load_spec(folder / "old.yaml"), load_spec(folder / "new.yaml"))
    lines = (folder / "old.yaml").read_text(encoding="utf-8").splitlines()
    assert change.side == "old" and change.file.endswith("response-property-removed/old.yaml")
    assert lines[change.line - 1].strip() == "price:"


# ---------------------------------------------------------------- the cases of real specs


def _doc(schemas: dict[str, Any], request: str, response: str) -> dict[str, Any]:
    """A one-operation document: POST /x sends `request`, answers `response` (schema names)."""

    def body(name: str) -> dict[str, Any]:
        return {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}}

    return {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/x": {
                "post": {
                    "operationId": "x",
                    "requestBody": {"required": True, "content": body(request)},
                    "responses": {"200": {"description": "ok", "content": body(response)}},
                }
            }
        },
        "components": {"schemas": schemas},
    }


def _pair(tmp_path: Path, old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    (tmp_path / "old.yaml").write_text(yaml.safe_dump(old), encoding="utf-8")
    (tmp_path / "new.yaml").write_text(yaml.safe_dump(new), encoding="utf-8")
    old_spec, new_spec = load_spec(tmp_path / "old.yaml"), load_spec(tmp_path / "new.yaml")
    changes = compare(old_spec, new_spec)
    assert_well_formed(changes, old_spec, new_spec)
    return changes


def _kinds(changes: list[Change]) -> list[tuple[str, str]]:
    return [(c.kind, c.pointer) for c in changes]


def test_a_typeless_allof_member_that_brings_properties_is_a_shape(tmp_path: Path) -> None:
    name = {"type": "string", "maxLength": 64}
    inline = {"type": "object", "required": ["id"], "properties": {"id": {}, "name": name}}
    mixin = {
        "Named": {"properties": {"name": name}},  # no `type`: still a shape, not a rule
        "Thing": {
            "type": "object",
            "required": ["id"],
            "properties": {"id": {}},
            "allOf": [{"$ref": "#/components/schemas/Named"}],
        },
    }
    old = _doc({"Thing": inline}, "Thing", "Thing")
    new = _doc(mixin, "Thing", "Thing")
    assert _kinds(_pair(tmp_path, old, new)) == [("schema-added", "/components/schemas/Named")]


def test_an_allof_member_that_only_gives_examples_is_no_rule(tmp_path: Path) -> None:
    def thing(example: int) -> dict[str, Any]:
        typed = {"type": "object", "properties": {"a": {"type": "integer"}}}
        return {"allOf": [typed, {"properties": {"a": {"example": example}}}]}

    old, new = _doc({"T": thing(1)}, "T", "T"), _doc({"T": thing(2)}, "T", "T")
    assert _pair(tmp_path, old, new) == []


def test_a_reordered_union_is_no_change(tmp_path: Path) -> None:
    members = [
        {"$ref": "#/components/schemas/Card"},
        {"$ref": "#/components/schemas/Bank"},
        {"type": "string", "const": "cash"},
    ]
    schemas = {
        "Card": {"type": "object", "properties": {"number": {"type": "string"}}},
        "Bank": {"type": "object", "properties": {"iban": {"type": "string"}}},
        "Pay": {"oneOf": members},
        "Got": {"anyOf": members},
    }
    old = _doc(schemas, "Pay", "Got")
    new = _doc(
        {**schemas, "Pay": {"oneOf": members[::-1]}, "Got": {"anyOf": members[1:] + members[:1]}},
        "Pay",
        "Got",
    )
    assert _pair(tmp_path, old, new) == []


def test_widening_a_request_union_is_not_breaking(tmp_path: Path) -> None:
    schemas = {
        "Pay": {"anyOf": [{"type": "string", "const": "cash"}, {"type": "integer"}]},
        "Out": {"type": "object"},
    }
    wider = {
        "anyOf": [
            {"type": "integer"},
            {"type": "string", "const": "card"},
            {"type": "string", "const": "cash"},
            {"type": "boolean"},
        ]
    }
    changes = _pair(
        tmp_path, _doc(schemas, "Pay", "Out"), _doc({**schemas, "Pay": wider}, "Pay", "Out")
    )
    assert _kinds(changes) == [
        ("request-union-member-added", "/components/schemas/Pay/anyOf/1"),
        ("request-union-member-added", "/components/schemas/Pay/anyOf/3"),
    ]
    assert not any(c.breaking for c in changes)
    assert [c.message for c in changes] == [
        'anyOf member const "card" added',
        "anyOf member boolean added",
    ]


def test_wrapping_a_member_as_nullable_is_only_that(tmp_path: Path) -> None:
    code = {"type": "string", "maxLength": 64}
    schemas = {
        "Code": code,
        "In": {"type": "object", "properties": {"code": {"$ref": "#/components/schemas/Code"}}},
    }
    nullable = {"anyOf": [{"$ref": "#/components/schemas/Code"}, {"type": "null"}]}
    new_in = {"type": "object", "properties": {"code": nullable}}
    changes = _pair(
        tmp_path, _doc(schemas, "In", "In"), _doc({**schemas, "In": new_in}, "In", "In")
    )
    assert [(c.kind, c.pointer, c.message) for c in changes] == [
        (
            "response-became-nullable",
            "/components/schemas/In/properties/code/anyOf/1",
            "became nullable",
        ),
        (
            "request-became-nullable",
            "/components/schemas/In/properties/code/anyOf/1",
            "became nullable",
        ),
    ]


def test_enum_changes_name_the_values(tmp_path: Path) -> None:
    schemas = {"E": {"type": "string", "enum": ["a", "b", "c"]}}
    new = {"E": {"type": "string", "enum": ["a", "c", "d", "e"]}}
    changes = _pair(tmp_path, _doc(schemas, "E", "E"), _doc(new, "E", "E"))
    assert {(c.kind, c.message) for c in changes} == {
        ("request-enum-changed", 'enum: added "d", "e"; removed "b"'),
        ("response-enum-changed", 'enum: added "d", "e"; removed "b"'),
    }
    assert changes[0].details == {"added": ['"d"', '"e"'], "removed": ['"b"']}


def test_an_unknown_keyword_is_unclassified(tmp_path: Path) -> None:
    schemas = {"E": {"type": "string"}}
    new = {"E": {"type": "string", "$recursiveAnchor": True, "frobnicate": 3}}
    changes = _pair(tmp_path, _doc(schemas, "E", "E"), _doc(new, "E", "E"))
    assert {(c.kind, c.pointer) for c in changes} == {
        ("unclassified", "/components/schemas/E/$recursiveAnchor"),
        ("unclassified", "/components/schemas/E/frobnicate"),
    }
    assert not any(c.breaking for c in changes)


def test_a_renamed_alternative_with_an_equal_target_is_a_rename(tmp_path: Path) -> None:
    card = {"type": "object", "required": ["number"], "properties": {"number": {"type": "string"}}}
    bank = {"type": "object", "required": ["iban"], "properties": {"iban": {"type": "string"}}}
    old = _doc(
        {
            "Card": card,
            "Bank": bank,
            "Pay": {
                "oneOf": [
                    {"$ref": "#/components/schemas/Card"},
                    {"$ref": "#/components/schemas/Bank"},
                ]
            },
        },
        "Pay",
        "Pay",
    )
    new = _doc(
        {
            "CardDetails": card,
            "Bank": bank,
            "Pay": {
                "oneOf": [
                    {"$ref": "#/components/schemas/Bank"},
                    {"$ref": "#/components/schemas/CardDetails"},
                ]
            },
        },
        "Pay",
        "Pay",
    )
    assert _kinds(_pair(tmp_path, old, new)) == [
        ("schema-renamed", "/components/schemas/CardDetails"),
        ("union-member-renamed", "/components/schemas/Pay/oneOf/1"),
    ]


def test_alternatives_are_matched_by_discriminator_value(tmp_path: Path) -> None:
    def kind(value: str, **more: Any) -> dict[str, Any]:
        properties = {"kind": {"type": "string", "const": value}, **more}
        return {"type": "object", "required": ["kind"], "properties": properties}

    old = _doc(
        {
            "Pay": {
                "discriminator": {"propertyName": "kind"},
                "oneOf": [kind("card", number={"type": "string"}), kind("bank")],
            }
        },
        "Pay",
        "Pay",
    )
    new = _doc(
        {
            "Pay": {
                "discriminator": {"propertyName": "kind"},
                "oneOf": [kind("bank"), kind("card", number={"type": "string", "maxLength": 19})],
            }
        },
        "Pay",
        "Pay",
    )
    assert {(c.kind, c.pointer) for c in _pair(tmp_path, old, new)} == {
        ("request-length-narrowed", "/components/schemas/Pay/oneOf/1/properties/number/maxLength"),
        ("response-length-narrowed", "/components/schemas/Pay/oneOf/1/properties/number/maxLength"),
    }


def test_a_removed_path_reports_each_operation(tmp_path: Path) -> None:
    old = yaml.safe_load((FIXTURES / "operation-removed" / "old.yaml").read_text())
    new = yaml.safe_load((FIXTURES / "operation-removed" / "old.yaml").read_text())
    del new["paths"]["/items/{itemId}"]
    changes = _pair(tmp_path, old, new)
    assert [(c.kind, c.side) for c in changes] == [
        ("operation-removed", "old"),
        ("operation-removed", "old"),
    ]
    assert sorted(c.message for c in changes) == [
        "DELETE /items/{itemId} removed",
        "GET /items/{itemId} removed",
    ]


def test_webhook_bodies_are_judged_as_what_clients_receive(tmp_path: Path) -> None:
    def document(properties: dict[str, Any]) -> dict[str, Any]:
        schema = {"type": "object", "properties": properties}
        operation = {
            "requestBody": {"content": {"application/json": {"schema": schema}}},
            "responses": {"200": {"description": "ok"}},
        }
        return {
            "openapi": "3.1.0",
            "info": {"title": "t", "version": "1"},
            "webhooks": {"paid": {"post": operation}},
        }

    status = {"type": "string", "enum": ["ok", "late"]}
    old = document({"status": status, "note": {"type": "string"}})
    new = document({"status": {**status, "enum": ["ok", "late", "lost"]}})
    assert {(c.kind, c.breaking) for c in _pair(tmp_path, old, new)} == {
        ("response-enum-widened", True),  # the subscriber receives a value it does not know
        ("response-property-removed", True),
    }


def test_callback_bodies_are_judged_as_what_clients_receive(tmp_path: Path) -> None:
    def document(enum: list[str]) -> dict[str, Any]:
        schema = {"type": "object", "properties": {"state": {"type": "string", "enum": enum}}}
        callback = {
            "post": {
                "requestBody": {"content": {"application/json": {"schema": schema}}},
                "responses": {"200": {"description": "ok"}},
            }
        }
        operation = {
            "responses": {"201": {"description": "subscribed"}},
            "callbacks": {"event": {"{$request.body#/url}": callback}},
        }
        return {
            "openapi": "3.1.0",
            "info": {"title": "t", "version": "1"},
            "paths": {"/subscriptions": {"post": operation}},
        }

    (change,) = _pair(tmp_path, document(["on"]), document(["on", "off"]))
    assert (change.kind, change.breaking) == ("response-enum-widened", True)
    assert change.pointer.startswith("/paths/~1subscriptions/post/callbacks/event/")


def test_reference_spelling_does_not_matter(tmp_path: Path) -> None:
    old = yaml.safe_load((FIXTURES / "description-changed" / "old.yaml").read_text())
    new = yaml.safe_load((FIXTURES / "description-changed" / "old.yaml").read_text())
    schemas = new["components"]["schemas"]
    schemas["Name"] = schemas["ItemCreate"]["properties"]["name"]
    schemas["ItemCreate"]["properties"]["name"] = {"$ref": "#/components/schemas/Name"}
    assert _kinds(_pair(tmp_path, old, new)) == [("schema-added", "/components/schemas/Name")]


def test_hostile_names_stay_on_one_line(tmp_path: Path) -> None:
    old = _doc({"E": {"type": "object"}}, "E", "E")
    new = _doc(
        {"E": {"type": "object", "properties": {"a\nb\x1b[31m|`<b>": {"type": "string"}}}},
        "E",
        "E",
    )
    changes = _pair(tmp_path, old, new)
    text = render("x", changes, "text")
    assert len(text.splitlines()) == 1 + len(changes)
    assert "\x1b" not in text
    markdown = render("x", changes, "markdown")
    rows = [line for line in markdown.splitlines() if line.startswith("| 🟢")]
    assert len(rows) == len(changes)
    assert "\x1b" not in markdown
    outside_code = re.sub(r"(`+)(?!`).+?(?<!`)\1(?!`)", "", markdown)
    assert "<b>" not in outside_code and "\\<b\\>" in outside_code


# ---------------------------------------------------------------- the command line


_CACHE: list[Path] = []  # one validation cache for the module's runs (see below)


@pytest.fixture(autouse=True, scope="module")
def _validation_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    _CACHE[:] = [tmp_path_factory.mktemp("validated")]


def _run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """`specpipe diff ARGS` through the CLI's entry point, in this process (an exception
    escaping it fails the test, as a traceback would), remembering validated documents across
    the module's runs (a broken revision is never remembered, so the refusals see the
    validator run)."""
    extra = ["--cache-dir", str(_CACHE[0])] if "--list-kinds" not in args else []
    out, err = io.StringIO(), io.StringIO()
    here = Path.cwd()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(["diff", *args, *extra])
    finally:
        os.chdir(here)
    return subprocess.CompletedProcess(args, status, out.getvalue(), err.getvalue())


def _files(kind: str) -> list[str]:
    folder = FIXTURES / kind
    return ["--old", str(folder / "old.yaml"), "--new", str(folder / "new.yaml")]


def test_the_command_runs_as_its_own_process() -> None:
    import sys

    pair = FIXTURES / "response-property-removed"
    files = ["--old", str(pair / "old.yaml"), "--new", str(pair / "new.yaml")]
    result = subprocess.run(
        [sys.executable, "-m", "specpipe", "diff", *files, "--cache-dir", ""],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert result.stderr == "" and "response-property-removed" in result.stdout


def test_exit_1_on_breaking_and_0_otherwise() -> None:
    breaking = _run(*_files("response-property-removed"))
    assert breaking.returncode == 1, breaking.stderr
    assert "BREAKING" in breaking.stdout and "response-property-removed" in breaking.stdout
    harmless = _run(*_files("response-property-added"))
    assert harmless.returncode == 0, harmless.stderr


def _ack(tmp_path: Path, *entries: tuple[str, str]) -> Path:
    ack = tmp_path / "ack.yaml"
    items = [{"kind": k, "pointer": p, "reason": "no client reads it"} for k, p in entries]
    ack.write_text(yaml.safe_dump({"acknowledged": items}, sort_keys=False))
    return ack


def test_acknowledged_breaking_change_passes(tmp_path: Path) -> None:
    ack = _ack(tmp_path, ("response-property-removed", "/components/schemas/Item/properties/price"))
    result = _run(*_files("response-property-removed"), "--ack", str(ack), "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["breaking"] == 0
    assert report["apis"][0]["changes"][0]["acknowledged"] == "no client reads it"
    assert result.stderr == ""


def test_a_stale_acknowledgement_is_reported(tmp_path: Path) -> None:
    ack = _ack(
        tmp_path,
        ("response-property-removed", "/components/schemas/Item/properties/price"),
        ("response-property-removed", "/components/schemas/Item/properties/gone"),
    )
    warned = _run(*_files("response-property-removed"), "--ack", str(ack))
    assert warned.returncode == 0, warned.stderr
    assert warned.stderr.splitlines() == [
        f"specpipe: warning: {ack}:5: acknowledgement of response-property-removed at "
        "/components/schemas/Item/properties/gone matches no reported change (remove it) "
        "[ack-stale]"
    ]
    strict = _run(*_files("response-property-removed"), "--ack", str(ack), "--strict-acks")
    assert strict.returncode == 1
    assert strict.stderr.startswith("specpipe: error: ")
    other = _run(*_files("response-property-renamed"), "--ack", str(ack))
    assert other.returncode == 1
    assert len(other.stderr.splitlines()) == 2


def test_markdown_report() -> None:
    result = _run(*_files("request-enum-narrowed"), "--format", "markdown")
    assert result.returncode == 1
    assert "| 🔴 breaking | `request-enum-narrowed` |" in result.stdout


def test_list_kinds_names_every_kind() -> None:
    result = _run("--list-kinds")
    assert result.returncode == 0
    rows = [line for line in result.stdout.splitlines() if line.startswith("| `")]
    assert len(rows) == len(KINDS)


BROKEN_REF = """\
openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /a:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/A'}
components:
  schemas:
    A: {$ref: 'REF'}
    B: {$ref: '#/components/schemas/A'}
"""


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        (
            BROKEN_REF.replace("REF", "#/components/schemas/Missing"),
            ": /components/schemas/A/$ref: $ref '#/components/schemas/Missing' does not resolve",
        ),
        (
            BROKEN_REF.replace("REF", "#/components/schemas/B"),
            "$ref cycle that never reaches a schema: #/components/schemas/B -> "
            "#/components/schemas/A -> again [ref-cycle]",
        ),
        (
            BROKEN_REF.replace("REF", "https://example.com/a.yaml#/A"),
            "is remote: URLs are never fetched (save the file locally) [ref-resolves]",
        ),
        ("openapi: 3.1.0\npaths: {}\n", ': /: "info" is a required property [oas]'),
        (
            "openapi: 3.1\ninfo: {title: t, version: '1'}\npaths: {}\n",
            ':1: /openapi: `openapi` must be a string such as "3.1.0", not the float 3.1',
        ),
        ("openapi: [3.1.0\n", "YAML syntax error"),
    ],
)
def test_a_broken_revision_exits_2_with_its_findings(
    tmp_path: Path, text: str, finding: str
) -> None:
    good = FIXTURES / "description-changed" / "old.yaml"
    broken = tmp_path / "broken.yaml"
    broken.write_text(text, encoding="utf-8")
    for args in (
        ("--old", str(broken), "--new", str(good)),
        ("--old", str(good), "--new", str(broken)),
    ):
        result = _run(*args)
        assert result.returncode == 2, result.stdout
        lines = result.stderr.splitlines()
        assert any(str(broken) in line and finding in line for line in lines), lines
        assert lines[-1].startswith("specpipe: error: cannot compare:")
        assert "Traceback" not in result.stderr and result.stdout == ""


def test_no_validate_compares_a_usable_revision_the_validator_rejects(tmp_path: Path) -> None:
    doc = yaml.safe_load((FIXTURES / "description-changed" / "old.yaml").read_text())
    doc["components"]["schemas"]["Item"]["properties"]["id"]["default"] = "1"  # not an integer
    del doc["info"]
    old = tmp_path / "old.yaml"
    old.write_text(yaml.safe_dump(doc))
    new = FIXTURES / "description-changed" / "old.yaml"
    strict = _run("--old", str(old), "--new", str(new))
    assert strict.returncode == 2
    assert "--no-validate skips openapi-spec-validator" in strict.stderr
    loose = _run("--old", str(old), "--new", str(new), "--no-validate")
    assert loose.returncode == 0, loose.stderr
    assert "response-default-changed" in loose.stdout
    dangling = tmp_path / "dangling.yaml"
    dangling.write_text(BROKEN_REF.replace("REF", "#/nowhere"))
    assert _run("--old", str(dangling), "--new", str(new), "--no-validate").returncode == 2


def test_validation_is_remembered_per_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import specpipe.validate

    spec = load_spec(FIXTURES / "description-changed" / "old.yaml")
    assert check_revision(spec, True, tmp_path) == []
    assert len(list((tmp_path / "structurally-valid").iterdir())) == 1

    def fail(_: object) -> list[object]:
        raise AssertionError("validated again")

    monkeypatch.setattr(specpipe.validate, "structural_findings", fail)
    assert (
        check_revision(load_spec(FIXTURES / "description-changed" / "old.yaml"), True, tmp_path)
        == []
    )
    other = load_spec(FIXTURES / "description-changed" / "new.yaml")
    with pytest.raises(AssertionError, match="validated again"):
        check_revision(other, True, tmp_path)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "give --base REF"),
        (("--base", "no-such-ref-anywhere"), "no such git ref"),
        (("--old", "missing.yaml", "--new", "missing.yaml"), "no such file"),
        (("--old", "missing.yaml"), "--old needs --new"),
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
    result = _run(*_files("operation-removed"), "--ack", str(ack))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"specpipe: error: {ack}:2: entry 1: unknown kind 'no-such-kind'"
    ]


def test_missing_acknowledgement_file_given_explicitly_is_a_usage_error(tmp_path: Path) -> None:
    result = _run(*_files("operation-removed"), "--ack", str(tmp_path / "typo.yaml"))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"specpipe: error: no such acknowledgement file: {tmp_path / 'typo.yaml'}"
    ]


def test_unparsable_acknowledgement_file_is_one_line(tmp_path: Path) -> None:
    ack = tmp_path / "ack.yaml"
    ack.write_text("acknowledged: [1")
    result = _run(*_files("operation-removed"), "--ack", str(ack))
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


def _repository(tmp_path: Path) -> Path:
    """A git repository with one API committed, then changed in the working tree."""
    repo = tmp_path / "repo"
    (repo / "spec" / "items").mkdir(parents=True)
    root = repo / "spec" / "items" / "openapi.yaml"
    root.write_text((FIXTURES / "response-property-removed" / "old.yaml").read_text())

    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
            cwd=repo,
            check=True,
            capture_output=True,
        )

    git("init", "-q", "-b", "main")
    git("add", ".")
    git("commit", "-q", "-m", "base")
    root.write_text((FIXTURES / "response-property-removed" / "new.yaml").read_text())
    return repo


def test_base_ref_names_the_old_revision_by_ref(tmp_path: Path) -> None:
    repo = _repository(tmp_path)
    result = _run("--base", "main", "--format", "json", cwd=repo)
    assert result.returncode == 1, result.stderr
    (change,) = json.loads(result.stdout)["apis"][0]["changes"]
    assert change["kind"] == "response-property-removed"
    assert change["in"] == "old"
    assert change["location"].startswith("main:spec/items/openapi.yaml:")


def test_working_tree_against_head_runs() -> None:
    result = _run("--base", "HEAD", "--format", "markdown", "lsatlas")
    assert result.returncode in (0, 1), result.stderr
    assert "`lsatlas`" in result.stdout


def test_render_text_lists_every_change() -> None:
    folder = FIXTURES / "server-removed"
    changes = compare(load_spec(folder / "old.yaml"), load_spec(folder / "new.yaml"))
    text = render("x", changes, "text")
    assert "server-removed" in text and "server-added" in text


def _in_process(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["diff", *args])
    return code, out.getvalue(), err.getvalue()


def test_the_revisions_prepared_side_by_side_give_the_same_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import specpipe.cli
    import specpipe.diff.command as command

    broken = tmp_path / "broken.yaml"
    broken.write_text(BROKEN_REF.replace("REF", "#/nowhere"))
    pair = FIXTURES / "response-property-removed"
    runs = [
        ("--old", str(pair / "old.yaml"), "--new", str(pair / "new.yaml"), "--format", "json"),
        ("--old", str(broken), "--new", str(pair / "new.yaml")),
        ("--old", str(pair / "old.yaml"), "--new", str(broken)),
    ]
    monkeypatch.setattr(specpipe.cli, "can_fork", lambda: True)
    monkeypatch.setattr(command.os, "cpu_count", lambda: 2)
    apart = [_in_process(*args) for args in runs]
    monkeypatch.setattr(command, "_prepare_in_child", lambda *_: os._exit(3))  # no answer
    fallback = [_in_process(*args) for args in runs]
    monkeypatch.setattr(specpipe.cli, "can_fork", lambda: False)
    together = [_in_process(*args) for args in runs]
    assert apart == together == fallback
    assert [code for code, _, _ in together] == [1, 2, 2]
    assert json.loads(together[0][1])["apis"][0]["changes"]
