"""Validation of split specs: every finding names the right rule, file and line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from specpipe.errors import Finding, SpecError
from specpipe.loader import load_spec
from specpipe.validate import validate_spec

FIXTURE = Path(__file__).parent / "fixtures" / "petstore"


@pytest.fixture
def petstore(tmp_path: Path) -> Path:
    """A writable copy of the valid fixture; returns the directory holding api/ and common/."""
    target = tmp_path / "petstore"
    shutil.copytree(FIXTURE, target)
    return target


def findings_for(root: Path) -> list[Finding]:
    try:
        return validate_spec(load_spec(root / "api" / "openapi.yaml"))
    except SpecError as exc:
        return exc.findings


def edit(path: Path, old: str, new: str) -> int:
    """Replace the one occurrence of `old`; returns the 1-based line where it started."""
    text = path.read_text()
    assert text.count(old) == 1, old
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new))
    return line


def line_of(path: Path, needle: str) -> int:
    text = path.read_text()
    assert text.count(needle) == 1, needle
    return text[: text.index(needle)].count("\n") + 1


def only(findings: list[Finding], rule: str) -> Finding:
    matching = [f for f in findings if f.rule == rule]
    assert len(matching) == 1, [str(f) for f in findings]
    return matching[0]


def test_valid_fixture_is_clean() -> None:
    assert findings_for(FIXTURE) == []


def test_yaml_syntax_error_names_file_and_line(petstore: Path) -> None:
    schemas = petstore / "api" / "schemas.yaml"
    line = edit(
        schemas,
        "        name:\n          type: string\n          minLength",
        "        name: [unclosed\n          type: string\n          minLength",
    )
    finding = only(findings_for(petstore), "yaml-syntax")
    assert finding.location.file.endswith("api/schemas.yaml")
    assert line <= finding.location.line <= line + 2
    assert "YAML syntax error" in finding.message
    assert "Traceback" not in str(finding)


def test_duplicate_key_is_reported(petstore: Path) -> None:
    paths = petstore / "api" / "paths" / "pets.yaml"
    edit(paths, "    summary: List pets\n", "    summary: List pets\n    summary: List all pets\n")
    finding = only(findings_for(petstore), "yaml-duplicate-key")
    assert finding.location.file.endswith("api/paths/pets.yaml")
    assert finding.location.line == line_of(paths, "summary: List all pets")
    assert "'summary'" in finding.message


def test_missing_summary(petstore: Path) -> None:
    paths = petstore / "api" / "paths" / "pets.yaml"
    edit(paths, "    summary: Get one pet\n", "")
    finding = only(findings_for(petstore), "operation-summary")
    assert finding.location.file.endswith("api/paths/pets.yaml")
    assert finding.location.line == line_of(paths, "  get:\n    operationId: getPet")
    assert "GET /pets/{petId}" in finding.message


def test_duplicate_operation_id(petstore: Path) -> None:
    paths = petstore / "api" / "paths" / "pets.yaml"
    edit(paths, "operationId: createPet", "operationId: listPets")
    findings = findings_for(petstore)
    finding = only(findings, "operation-id-unique")
    assert finding.location.line == line_of(paths, "    operationId: listPets\n    summary: Create")
    assert "'listPets'" in finding.message


def test_undeclared_path_parameter(petstore: Path) -> None:
    root = petstore / "api" / "openapi.yaml"
    edit(root, "  /pets/{petId}:\n", "  /pets/{petId}/{extra}:\n")
    finding = only(findings_for(petstore), "path-params")
    assert finding.location.file.endswith("api/paths/pets.yaml")
    assert "{extra}" in finding.message


def test_path_parameter_missing_from_template(petstore: Path) -> None:
    root = petstore / "api" / "openapi.yaml"
    edit(root, "  /pets/{petId}:\n", "  /pets/{id}:\n")
    findings = [f for f in findings_for(petstore) if f.rule == "path-params"]
    messages = " ".join(f.message for f in findings)
    assert "{id} is not declared" in messages
    assert "'petId' does not appear" in messages


def test_missing_4xx(petstore: Path) -> None:
    paths = petstore / "api" / "paths" / "pets.yaml"
    edit(paths, "      '404':\n        $ref: ../openapi.yaml#/components/responses/NotFound\n", "")
    findings = findings_for(petstore)
    finding = only(findings, "operation-4xx")
    assert finding.location.file.endswith("api/paths/pets.yaml")
    assert "GET /pets/{petId}" in finding.message
    # NotFound is no longer used either
    assert only(findings, "component-unused").location.line == line_of(
        petstore / "api" / "openapi.yaml", "    NotFound:"
    )


def test_missing_tags(petstore: Path) -> None:
    paths = petstore / "api" / "paths" / "pets.yaml"
    edit(paths, "    summary: Get one pet\n    tags: [pets]\n", "    summary: Get one pet\n")
    finding = only(findings_for(petstore), "operation-tags")
    assert "has no tags" in finding.message


def test_undeclared_tag(petstore: Path) -> None:
    paths = petstore / "api" / "paths" / "pets.yaml"
    line = edit(
        paths,
        "    summary: Create a pet\n    tags: [pets]",
        "    summary: Create a pet\n    tags: [animals]",
    )
    finding = only(findings_for(petstore), "operation-tags")
    assert finding.location.line == line + 1
    assert "'animals'" in finding.message


def test_invalid_json_example(petstore: Path) -> None:
    paths = petstore / "api" / "paths" / "pets.yaml"
    edit(
        paths,
        "{id: 2, name: Tom, parent: {id: 1, name: Rex}}",
        "{id: 2, name: Tom, parent: {id: 0, name: Rex}}",
    )
    finding = only(findings_for(petstore), "example-valid")
    assert finding.location.file.endswith("api/paths/pets.yaml")
    assert finding.location.line == line_of(paths, "{id: 2, name: Tom")
    assert "/1/parent/id" in finding.message
    assert "minimum" in finding.message


def test_invalid_referenced_component_example(petstore: Path) -> None:
    root = petstore / "api" / "openapi.yaml"
    line = edit(root, "        name: Rex\n", "        name: ''\n")
    finding = only(findings_for(petstore), "example-valid")
    assert finding.location.file.endswith("api/openapi.yaml")
    assert finding.location.line == line
    assert "/name" in finding.message


def test_invalid_schema_level_example(petstore: Path) -> None:
    schemas = petstore / "api" / "schemas.yaml"
    line = edit(schemas, "- {id: 3, name: Kit}", "- {id: three, name: Kit}")
    finding = only(findings_for(petstore), "example-valid")
    assert finding.location.file.endswith("api/schemas.yaml")
    assert finding.location.line == line


def test_invalid_xml_example(petstore: Path) -> None:
    paths = petstore / "api" / "paths" / "pets.yaml"
    line = edit(paths, '<Pet id="1">', '<Pet id="x">')
    finding = only(findings_for(petstore), "example-valid")
    assert finding.location.file.endswith("api/paths/pets.yaml")
    assert finding.location.line == line - 1
    assert "/Pets/Pet[0]/@id" in finding.message


def test_xml_example_that_decodes_but_breaks_the_schema(petstore: Path) -> None:
    paths = petstore / "api" / "paths" / "pets.yaml"
    edit(paths, "<name>Rex</name>", "<name></name>")
    finding = only(findings_for(petstore), "example-valid")
    assert "/0/name" in finding.message


def test_malformed_xml_example(petstore: Path) -> None:
    paths = petstore / "api" / "paths" / "pets.yaml"
    edit(paths, "</Pets>", "</Pet>")
    finding = only(findings_for(petstore), "example-valid")
    assert "malformed XML" in finding.message


def test_dangling_ref_in_split_file(petstore: Path) -> None:
    schemas = petstore / "api" / "schemas.yaml"
    line = edit(schemas, "$ref: '#/components/schemas/Tag'", "$ref: '#/components/schemas/Label'")
    findings = findings_for(petstore)
    finding = only(findings, "ref-resolves")
    assert finding.location.file.endswith("api/schemas.yaml")
    assert finding.location.line == line
    assert "Label" in finding.message


def test_dangling_ref_to_missing_file(petstore: Path) -> None:
    paths = petstore / "api" / "paths" / "pets.yaml"
    text = paths.read_text()  # the last of several refs to the shared file
    idx = text.rindex("$ref: ../../common/problem.yaml")
    line = text[:idx].count("\n") + 1
    paths.write_text(
        text[:idx]
        + "$ref: ../../common/nope.yaml"
        + text[idx + len("$ref: ../../common/problem.yaml") :]
    )
    finding = only(findings_for(petstore), "ref-resolves")
    assert finding.location.file.endswith("api/paths/pets.yaml")
    assert finding.location.line == line
    assert "nope.yaml" in finding.message


def test_dangling_internal_ref_in_root(petstore: Path) -> None:
    root = petstore / "api" / "openapi.yaml"
    line = edit(
        root, "$ref: '#/components/schemas/Problem'", "$ref: '#/components/schemas/Problme'"
    )
    finding = only(findings_for(petstore), "ref-resolves")
    assert finding.location.file.endswith("api/openapi.yaml")
    assert finding.location.line == line


def test_unused_component(petstore: Path) -> None:
    schemas = petstore / "api" / "schemas.yaml"
    root = petstore / "api" / "openapi.yaml"
    edit(
        root,
        "  parameters:\n    PetId:",
        "  headers:\n    Unused:\n      schema: {type: string}\n  parameters:\n    PetId:",
    )
    finding = only(findings_for(petstore), "component-unused")
    assert finding.location.line == line_of(root, "    Unused:")
    assert "components/headers/Unused" in finding.message
    assert schemas.exists()


def test_undefined_security_scheme(petstore: Path) -> None:
    paths = petstore / "api" / "paths" / "pets.yaml"
    line = edit(
        paths,
        "    tags: [pets]\n    responses:\n      '200':\n        description: The pet\n",
        "    tags: [pets]\n    security:\n      - OAuth: []\n"
        "    responses:\n      '200':\n        description: The pet\n",
    )
    finding = only(findings_for(petstore), "security-scheme-defined")
    assert finding.location.file.endswith("api/paths/pets.yaml")
    assert finding.location.line == line + 2
    assert "'OAuth'" in finding.message


def test_unused_security_scheme(petstore: Path) -> None:
    root = petstore / "api" / "openapi.yaml"
    edit(root, "security:\n  - ApiKey: []\n", "")
    finding = only(findings_for(petstore), "component-unused")
    assert "'ApiKey'" in finding.message


def test_link_to_unknown_operation(petstore: Path) -> None:
    paths = petstore / "api" / "paths" / "pets.yaml"
    line = edit(
        paths,
        "operationId: getPet\n            parameters",
        "operationId: fetchPet\n            parameters",
    )
    finding = only(findings_for(petstore), "link-target")
    assert finding.location.file.endswith("api/paths/pets.yaml")
    assert finding.location.line == line
    assert "'fetchPet'" in finding.message


def test_required_not_declared(petstore: Path) -> None:
    schemas = petstore / "api" / "schemas.yaml"
    line = edit(schemas, "required: [id, name]", "required: [id, name, age]")
    finding = only(findings_for(petstore), "required-declared")
    assert finding.location.file.endswith("api/schemas.yaml")
    assert finding.location.line == line
    assert "'age'" in finding.message


def test_required_only_subschema_in_anyof_is_fine(petstore: Path) -> None:
    schemas = petstore / "api" / "schemas.yaml"
    edit(
        schemas,
        "      required: [id, name]\n",
        "      required: [id, name]\n"
        "      anyOf:\n        - required: [tags]\n        - required: [parent]\n"
        "      allOf:\n        - if: {properties: {id: {const: 1}}, required: [id, tags]}\n"
        "          then: {required: [parent]}\n",
    )
    assert [f for f in findings_for(petstore) if f.rule == "required-declared"] == []


def test_schema_type_typo_caught_by_spec_validator(petstore: Path) -> None:
    schemas = petstore / "api" / "schemas.yaml"
    text = schemas.read_text()
    needle = "        name:\n          type: string\n          minLength: 1"
    assert needle in text
    schemas.write_text(text.replace(needle, needle.replace("type: string", "type: strng")))
    finding = only(findings_for(petstore), "oas")
    assert finding.location.file.endswith("api/schemas.yaml")
    assert finding.location.line == line_of(schemas, "type: strng")
    assert "strng" in finding.message


def test_response_without_description_caught_by_spec_validator(petstore: Path) -> None:
    paths = petstore / "api" / "paths" / "pets.yaml"
    edit(paths, "        description: Created\n", "")
    finding = only(findings_for(petstore), "oas")
    assert finding.location.file.endswith("api/paths/pets.yaml")
    assert finding.location.line == line_of(paths, "      '201':")
    assert re.search(r"""['"]description['"] is a required property""", finding.message)


def test_openapi_30_documents_are_validated(tmp_path: Path) -> None:
    root = tmp_path / "openapi.yaml"
    root.write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\ntags: [{name: t}]\npaths:\n"
        "  /a:\n    get:\n      operationId: a\n      summary: A\n      tags: [t]\n"
        "      responses:\n        '200':\n          description: ok\n          content:\n"
        "            application/json:\n              schema: {type: integer, nullable: true}\n"
        "              example: x\n        '400': {description: bad}\n"
    )
    finding = only(validate_spec(load_spec(root)), "example-valid")
    assert finding.location.line == 16


def test_findings_are_sorted_and_formatted(petstore: Path) -> None:
    paths = petstore / "api" / "paths" / "pets.yaml"
    edit(paths, "    summary: Get one pet\n    tags: [pets]\n", "")
    findings = findings_for(petstore)
    keys = [(f.location.file, f.location.line, f.rule) for f in findings]
    assert keys == sorted(keys)
    first = findings[0]
    location = first.location
    assert location.pointer == "/item/get"
    assert str(first) == (
        f"{location.file}:{location.line}: {location.pointer}: {first.message} [{first.rule}]"
    )


# ------------------------------------------------------------------ references and defaults

MINI = (
    "openapi: 3.1.0\ninfo: {title: t, version: '1'}\ntags: [{name: t}]\npaths:\n"
    "  /a:\n    get:\n      operationId: a\n      summary: A\n      tags: [t]\n"
    "      responses:\n        '200':\n          description: ok\n"
    "          content:\n            application/json:\n"
    "              schema: {type: object}\n"
    "              examples:\n                default: {$ref: '#/components/examples/Only'}\n"
    "        '400': {description: bad}\n"
    "        default: {$ref: '#/components/responses/Problem'}\n"
    "components:\n  responses:\n    Problem:\n      description: any other answer\n"
    "      content:\n        application/json:\n"
    "          schema: {$ref: '#/components/schemas/Problem'}\n"
    "  examples:\n    Only:\n      value: {$ref: '#/components/schemas/InExample'}\n"
    "  schemas:\n    Problem: {type: object, example: {$ref: '#/components/schemas/Data'}}\n"
    "    InExample: {type: string}\n    Data: {type: string}\n"
)


def test_components_used_only_under_default_keys_are_used(tmp_path: Path) -> None:
    root = tmp_path / "openapi.yaml"
    root.write_text(MINI)
    unused = [f.message for f in validate_spec(load_spec(root)) if f.rule == "component-unused"]
    # the default response, the example named default and the schema under them are used;
    # the two schemas named only inside example values are not
    assert unused == [
        "components/schemas/InExample is never referenced",
        "components/schemas/Data is never referenced",
    ]


def test_refs_inside_example_values_are_not_followed(tmp_path: Path) -> None:
    root = tmp_path / "openapi.yaml"
    root.write_text(
        MINI.replace("'#/components/schemas/InExample'", "'#/no/such/schema'").replace(
            "'#/components/schemas/Data'", "'#/nor/this'"
        )
    )
    findings = validate_spec(load_spec(root))
    assert [f for f in findings if f.rule in ("ref-resolves", "oas")] == []


# ------------------------------------------------------------------ lint levels


def test_levels_from_specpipe_toml(petstore: Path) -> None:
    paths = petstore / "api" / "paths" / "pets.yaml"
    edit(paths, "    summary: Get one pet\n    tags: [pets]\n", "")
    (petstore / "specpipe.toml").write_text(
        '[lint]\ndefault = "warn"\noperation-summary = "off"\noperation-id-unique = "error"\n'
    )
    findings = findings_for(petstore)
    assert [f.rule for f in findings] == ["operation-tags"]
    assert findings[0].severity == "warning"
    assert str(findings[0]).split(": ")[1] == "warning"


def test_default_level_applies_without_a_config(tmp_path: Path) -> None:
    root = tmp_path / "openapi.yaml"
    root.write_text(MINI.replace("      tags: [t]\n", ""))
    spec = load_spec(root)
    assert spec.config is None
    warned = validate_spec(spec, default_level="warn")
    assert {f.rule for f in warned} == {"operation-tags", "component-unused"}
    assert {f.severity for f in warned} == {"warning"}
    assert {f.severity for f in validate_spec(spec)} == {"error"}
    assert validate_spec(spec, default_level="off") == []


def test_structural_findings_stay_errors_at_any_level(petstore: Path) -> None:
    schemas = petstore / "api" / "schemas.yaml"
    edit(schemas, "          type: string\n          minLength: 1", "          type: strng")
    (petstore / "specpipe.toml").write_text('[lint]\ndefault = "off"\n')
    findings = findings_for(petstore)
    assert [(f.rule, f.severity) for f in findings] == [("oas", "error")]


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ('[lint]\noperation-tagz = "warn"\n', "unknown lint rule 'operation-tagz'"),
        ('[lint]\noperation-tags = "warning"\n', "must be one of error, warn, off"),
        ('[lints]\ndefault = "warn"\n', "unknown table [lints]"),
        ("[lint\n", "not TOML"),
    ],
)
def test_bad_config_is_one_error(petstore: Path, config: str, message: str) -> None:
    (petstore / "specpipe.toml").write_text(config)
    (finding,) = findings_for(petstore)
    assert finding.rule == "config"
    assert finding.location.file.endswith("specpipe.toml")
    assert message in finding.message


# ------------------------------------------------------------------ the command line


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    from specpipe import cli

    status = cli.main(list(args))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return status, captured.out, captured.err


def test_other_specs_get_lint_warnings_and_pass(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("vendor.yaml").write_text(MINI.replace("      tags: [t]\n", ""))
    status, out, err = run_cli(capsys, "validate", "vendor.yaml")
    assert status == 0
    assert out == "ok  vendor  (1 operation, 3 warnings)\n"
    lines = err.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("vendor.yaml:6: warning: /paths/~1a/get: ")
    assert lines[0].endswith("has no tags [operation-tags]")


def test_apis_of_the_spec_dir_keep_lint_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("spec/vendor").mkdir(parents=True)
    Path("spec/vendor/openapi.yaml").write_text(MINI.replace("      tags: [t]\n", ""))
    for target in ("vendor", "spec/vendor/openapi.yaml"):
        status, _, err = run_cli(capsys, "validate", target)
        assert status == 1
        assert err.splitlines()[-1] == "FAIL  vendor  (3 findings)"
        assert ": warning: " not in err


def test_no_validate_bundles_a_spec_the_validator_rejects(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("odd.yaml").write_text(MINI.replace("'400'", "4xx"))
    status, _, err = run_cli(capsys, "bundle", "odd.yaml", "--out", "out")
    assert status == 1
    assert "[oas]" in err
    assert err.splitlines()[-1] == (
        "FAIL  odd  (1 finding, 2 warnings; bundle --no-validate skips validation)"
    )
    status, out, _ = run_cli(capsys, "bundle", "odd.yaml", "--out", "out", "--no-validate")
    assert status == 0
    assert out.splitlines() == [
        "ok  odd  (1 operation, not validated)",
        "wrote  out/odd.yaml",
        "wrote  out/odd.openapi-3.0.yaml",
    ]


def test_no_validate_still_refuses_a_dangling_ref(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("odd.yaml").write_text(MINI.replace("#/components/responses/Problem", "#/nowhere"))
    status, _, err = run_cli(capsys, "generate", "odd.yaml", "--out", "out", "--no-validate")
    assert status == 1
    assert "[ref-resolves]" in err
    assert not Path("out").exists()


def test_bundle_and_generate_show_a_bounded_number_of_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    many = "".join(f"    Unused{i}: {{type: string}}\n" for i in range(30))
    Path("many.yaml").write_text(MINI + many)
    status, out, err = run_cli(capsys, "bundle", "many.yaml", "--out", "out")
    assert status == 0
    lines = err.splitlines()
    assert len(lines) == 21
    assert lines[-1] == "... 12 more warnings (specpipe validate lists them all)"
    assert out.startswith("ok  many  (1 operation, 32 warnings)\n")
    status, _, err = run_cli(capsys, "validate", "many.yaml")
    assert status == 0
    assert len(err.splitlines()) == 32


def test_validate_help_explains_the_levels(capsys: pytest.CaptureFixture[str]) -> None:
    from specpipe.errors import LINT_RULE_NAMES

    with pytest.raises(SystemExit):
        run_cli(capsys, "validate", "--help")
    text = " ".join(capsys.readouterr().out.split())
    for phrase in ("error, warn", "specpipe.toml", "[lint]", "default =", "warning:", "--spec-dir"):
        assert phrase in text
    for rule in LINT_RULE_NAMES:
        assert rule in text


@pytest.mark.parametrize("version", ["3.1.0", "3.0.3"])
def test_the_located_validator_finds_what_openapi_spec_validator_finds(
    tmp_path: Path, version: str
) -> None:
    """Same findings as the library's own validator, on a document with shared, recursive
    and broken schemas (the located validator only adds pointers and remembers the schemas
    it has seen in sets)."""
    import json

    from openapi_spec_validator.shortcuts import get_validator_cls

    from specpipe.validate import _spec_validator

    node = {"type": "object", "properties": {"next": {"$ref": "#/components/schemas/Node"}}}
    document = {
        "openapi": version,
        "info": {"title": "t", "version": "1"},
        "paths": {
            f"/{name}": {
                "get": {
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": f"#/components/schemas/{name}"}
                                }
                            },
                        }
                    }
                }
            }
            for name in ("Node", "Bad", "Defaulted")
        },
        "components": {
            "schemas": {
                "Node": node,
                "Bad": {"type": "strng", "required": ["id"], "allOf": [node]},
                "Defaulted": {"type": "integer", "default": "one"},
            }
        },
    }
    path = tmp_path / "openapi.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    spec = load_spec(path)
    theirs = sorted(  # the library's own message, without the detail it appends
        str(e.message).split("\n\nFailed validating")[0]
        for e in get_validator_cls(spec.document)(spec.document).iter_errors()
    )
    ours = sorted(f.message for f in _spec_validator(spec))
    assert ours == theirs
    assert len(ours) >= 2


CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "specs"
BROKEN_SCHEMAS: list[Any] = [
    {"type": "strng"},
    {"type": 5},
    {"pattern": r"^\p{L}$"},
    {"pattern": "("},
    {"required": "x"},
    {"required": []},
    {"discriminator": 3},
    {"properties": {"a": {"minLength": -1}}},
    {"properties": {"a": {"maxLength": 1.5}}},
    {"$ref": 5},
    {"items": [1]},
    {"externalDocs": {"url": 1}},
    {"xml": {"attribute": "yes"}},
    {"enum": []},
    {"format": 3},
    {"additionalProperties": {"type": "nope"}},
    {"$defs": {"a": {"type": "x"}}},
    {"allOf": []},
    {"exclusiveMaximum": True, "maximum": 3},
    {"multipleOf": 0},
    {"minimum": "1"},
    {"uniqueItems": "yes"},
    {"not": {"type": ["string", "strng"]}},
    {"dependentRequired": {"a": [1]}},
    {"nullable": "yes"},
]


def _corpus_schemas() -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []
    for path in sorted(CORPUS.glob("*.*")):
        document = load_spec(path).document
        version = str(document.get("openapi", ""))
        schemas = list((document.get("components") or {}).get("schemas", {}).values())
        found += [(version, schema) for schema in schemas[:120]]
    return found


def test_a_schema_the_compiled_meta_schema_accepts_is_one_jsonschema_accepts() -> None:
    """The fast path of openapi-spec-validator's per-schema check (`_dialect_gates`): on
    component schemas of every corpus spec, 3.0 and 3.1, and on broken schemas in both
    dialects, the compiled meta-schema's yes is jsonschema's yes, and it is really taken."""
    from jsonschema.exceptions import SchemaError
    from openapi_schema_validator import (
        OAS31_BASE_DIALECT_ID,
        OAS30Validator,
        OAS31Validator,
        oas31_format_checker,
    )

    from specpipe.validate import _dialect_gates

    gates = _dialect_gates()
    assert set(gates) == {"3.0", OAS31_BASE_DIALECT_ID}
    cases = _corpus_schemas()
    cases += [(v, s) for v in ("3.0.3", "3.1.0") for s in BROKEN_SCHEMAS]
    accepted = 0
    for version, schema in cases:
        gate = gates["3.0" if version.startswith("3.0") else OAS31_BASE_DIALECT_ID]
        try:
            if version.startswith("3.0"):
                OAS30Validator.check_schema(schema)
            else:
                OAS31Validator.check_schema(schema, format_checker=oas31_format_checker)
            valid = True
        except SchemaError:
            valid = False
        if gate.is_valid(schema):
            accepted += 1
            assert valid, (version, schema)
    assert accepted >= len(cases) - len(BROKEN_SCHEMAS) * 2 - 5
