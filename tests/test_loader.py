"""The loader on hostile and unusual input: one line and a non-zero exit for each bad spec,
never a traceback, a hang, a file read outside the spec's folder or an exploding alias."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from specpipe import cli
from specpipe.errors import Finding, SpecError
from specpipe.loader import _TARGETED, MAX_DEPTH, _File, _json_locate, load_spec
from specpipe.validate import validate_spec

HEAD = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\n"
SECRET = "TOP-SECRET-0c5e1f"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def spec_with_schema(folder: Path, schema: str) -> Path:
    """A root document whose one schema component is `schema` (YAML flow text)."""
    return write(
        folder, "openapi.yaml", f"{HEAD}paths: {{}}\ncomponents:\n  schemas:\n    A: {schema}\n"
    )


def load_error(root: Path) -> Finding:
    with pytest.raises(SpecError) as caught:
        load_spec(root)
    (finding,) = caught.value.findings
    return finding


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    status = cli.main(list(args))
    captured = capsys.readouterr()
    output = captured.out + captured.err
    assert "Traceback" not in output
    return status, output.splitlines()


def only_error(lines: list[str]) -> str:
    """The one error line of a failed run (the last line is the FAIL summary)."""
    assert lines[-1].startswith("FAIL  "), lines
    errors = [line for line in lines[:-1] if ": warning: " not in line]
    assert len(errors) == 1, lines
    return errors[0]


# ------------------------------------------------------------------ files outside the folder


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A secret file next to (not inside) the spec folder `tmp_path / 'api'`."""
    return write(tmp_path, "secret.yaml", f"type: string\ndescription: {SECRET}\n")


@pytest.mark.parametrize("ref", ["ABSOLUTE", "../secret.yaml", "sub/../../secret.yaml"])
def test_ref_outside_the_root_folder_is_refused_unread(
    tmp_path: Path, outside: Path, ref: str, capsys: pytest.CaptureFixture[str]
) -> None:
    ref = str(outside) if ref == "ABSOLUTE" else ref
    root = spec_with_schema(tmp_path / "api", f"{{$ref: '{ref}'}}")
    spec = load_spec(root)
    (finding,) = spec.ref_findings
    assert "leaves the spec's root folder" in finding.message
    assert SECRET not in json.dumps(spec.document)
    status, lines = run_cli(capsys, "validate", str(root))
    assert status == 1
    line = only_error(lines)
    assert line.endswith("[ref-resolves]") and "refused" in line
    assert SECRET not in "\n".join(lines)


def test_etc_passwd_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = spec_with_schema(tmp_path, "{$ref: /etc/passwd}")
    status, lines = run_cli(capsys, "bundle", str(root), "--out", str(tmp_path / "out"))
    assert status == 1
    assert "'/etc/passwd' leaves the spec's root folder" in only_error(lines)
    assert "root:" not in "\n".join(lines)
    assert not (tmp_path / "out").exists()


def test_symbolic_link_out_of_the_folder_is_refused(tmp_path: Path, outside: Path) -> None:
    root = spec_with_schema(tmp_path / "api", "{$ref: 'link.yaml'}")
    (tmp_path / "api" / "link.yaml").symlink_to(outside)
    (finding,) = load_spec(root).ref_findings
    assert "leaves the spec's root folder" in finding.message


def test_specpipe_toml_widens_the_root_folder(tmp_path: Path, outside: Path) -> None:
    root = spec_with_schema(tmp_path / "api", "{$ref: '../secret.yaml'}")
    write(tmp_path, "specpipe.toml", "[lint]\n")
    spec = load_spec(root)
    assert spec.ref_findings == []
    assert spec.root_dir == tmp_path.resolve()
    assert spec.document["components"]["schemas"]["A"]["description"] == SECRET


@pytest.mark.parametrize("ref", ["https://example.com/a.yaml", "http://x/y#/z", "//host/a.yaml"])
def test_remote_ref_is_never_fetched(
    tmp_path: Path, ref: str, capsys: pytest.CaptureFixture[str]
) -> None:
    root = spec_with_schema(tmp_path, f"{{$ref: '{ref}'}}")
    status, lines = run_cli(capsys, "validate", str(root))
    assert status == 1
    assert "is remote: URLs are never fetched" in only_error(lines)


# ------------------------------------------------------------------ cycles and depth


def test_ref_cycle_without_a_schema_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write(
        tmp_path,
        "openapi.yaml",
        f"{HEAD}paths: {{}}\ncomponents:\n  schemas:\n"
        "    A:\n      $ref: '#/components/schemas/B'\n"
        "    B:\n      $ref: '#/components/schemas/A'\n",
    )
    finding = load_error(root)
    assert finding.rule == "ref-cycle"
    assert finding.location.line in (7, 9)  # the line of A's or B's $ref
    assert "never reaches a schema" in finding.message
    status, lines = run_cli(capsys, "validate", str(root))
    assert status == 1
    assert only_error(lines).endswith("[ref-cycle]")


def test_allof_that_contains_itself_is_a_cycle(tmp_path: Path) -> None:
    root = spec_with_schema(tmp_path, "{allOf: [{$ref: '#/components/schemas/A'}]}")
    assert load_error(root).rule == "ref-cycle"


def test_cycle_across_files_is_one_line(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", "$ref: 'b.yaml'\n")
    write(tmp_path, "b.yaml", "$ref: 'a.yaml'\n")
    root = spec_with_schema(tmp_path, "{$ref: 'a.yaml'}")
    finding = load_error(root)
    assert finding.rule == "ref-cycle"


def test_legal_recursive_schemas_keep_working(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        "openapi.yaml",
        f"{HEAD}paths: {{}}\ncomponents:\n  schemas:\n"
        "    Contact:\n      type: object\n      properties:\n"
        "        groups: {type: array, items: {$ref: '#/components/schemas/ContactGroup'}}\n"
        "    ContactGroup:\n      type: object\n      properties:\n"
        "        contacts: {type: array, items: {$ref: '#/components/schemas/Contact'}}\n"
        "    Node:\n      oneOf:\n        - type: string\n"
        "        - {type: array, items: {$ref: '#/components/schemas/Node'}}\n",
    )
    spec = load_spec(root)
    assert [f for f in validate_spec(spec) if f.rule not in ("component-unused",)] == []


@pytest.mark.parametrize("shape", ["mapping", "list", "json"])
def test_2000_levels_of_nesting_is_one_line(
    tmp_path: Path, shape: str, capsys: pytest.CaptureFixture[str]
) -> None:
    depth = 2000
    if shape == "json":
        nested = "[" * depth + "]" * depth
        document = (
            f'{{"openapi": "3.1.0", "info": {{"title": "t", "version": "1"}},\n"x": {nested}}}'
        )
        root = write(tmp_path, "deep.json", document)
    else:
        nested = (
            "{a: " * depth + "1" + "}" * depth if shape == "mapping" else "[" * depth + "]" * depth
        )
        root = write(tmp_path, "deep.yaml", f"{HEAD}paths: {{}}\nx-deep: {nested}\n")
    finding = load_error(root)
    assert finding.rule == "yaml-depth"
    assert finding.location.line == (4 if shape != "json" else 2)
    status, lines = run_cli(capsys, "validate", str(root))
    assert status == 1
    assert f"nesting deeper than {MAX_DEPTH} levels" in only_error(lines)


def test_nesting_at_the_limit_is_accepted_and_validated(tmp_path: Path) -> None:
    """MAX_DEPTH levels in the bundle: the validator, the bundle writer and json all cope."""
    from specpipe.bundle import dump_bundle

    levels = (MAX_DEPTH - 4) // 2  # components/schemas/A + properties/p per level
    schema = "{type: object, properties: {p: " * levels + "{type: string}" + "}}" * levels
    root = spec_with_schema(tmp_path, schema)
    spec = load_spec(root)
    assert [f for f in validate_spec(spec) if f.rule != "component-unused"] == []
    assert dump_bundle(spec.document).count("properties:") == levels
    json.dumps(spec.document)


def test_bundled_nesting_beyond_the_limit_is_refused(tmp_path: Path) -> None:
    """Each file is within the limit, but inlining one into the other is not."""
    half = MAX_DEPTH // 2 + 5
    write(tmp_path, "inner.yaml", "{a: " * half + "1" + "}" * half + "\n")
    root = write(
        tmp_path,
        "openapi.yaml",
        f"{HEAD}paths: {{}}\nx-deep: " + "{a: " * half + "{$ref: 'inner.yaml'}" + "}" * half + "\n",
    )
    finding = load_error(root)
    assert finding.rule == "yaml-depth"
    assert finding.location.file.endswith("inner.yaml")


# ------------------------------------------------------------------ YAML aliases


def alias_bomb(levels: int) -> str:
    """The 'billion laughs': each anchor aliases the previous one ten times."""
    lines = [f"{HEAD}paths: {{}}", "x-l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, levels + 1):
        lines.append(f"x-l{level}: &l{level} [{', '.join([f'*l{level - 1}'] * 10)}]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("levels", [6, 9])
def test_alias_bomb_is_refused_at_once(
    tmp_path: Path, levels: int, capsys: pytest.CaptureFixture[str]
) -> None:
    text = alias_bomb(levels)
    assert len(text) < 1000
    root = write(tmp_path, "bomb.yaml", text)
    started = time.perf_counter()
    finding = load_error(root)
    assert time.perf_counter() - started < 10  # a guard against hanging; bench_loader times it
    assert finding.rule == "yaml-alias"
    assert "expand" in finding.message
    status, lines = run_cli(capsys, "validate", str(root))
    assert status == 1
    assert only_error(lines).endswith("[yaml-alias]")


def test_ordinary_anchors_and_merge_keys_work(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        "openapi.yaml",
        f"{HEAD}paths: {{}}\ncomponents:\n  schemas:\n"
        "    Base: &base\n      type: object\n      description: base\n"
        "    Copy: *base\n"
        "    Merged:\n      <<: *base\n      description: merged\n"
        "      title: &t Title\n"
        "    Titled:\n      type: string\n      title: *t\n",
    )
    spec = load_spec(root)
    schemas = spec.document["components"]["schemas"]
    assert schemas["Copy"] == schemas["Base"]
    assert schemas["Merged"] == {"type": "object", "description": "merged", "title": "Title"}
    assert schemas["Copy"] is not schemas["Base"]  # the bundle is a tree, not a graph
    # lines of merged and aliased content are where they are written
    assert spec.locate("/components/schemas/Merged/type").line == 7
    assert spec.locate("/components/schemas/Merged/description").line == 12
    assert spec.locate("/components/schemas/Copy/description").line == 8


def test_recursive_and_undefined_aliases(tmp_path: Path) -> None:
    root = write(tmp_path, "a.yaml", f"{HEAD}paths: {{}}\nx-a: &a [*a]\n")
    assert "recursive YAML alias" in load_error(root).message
    root = write(tmp_path, "b.yaml", f"{HEAD}paths: {{}}\nx-b: *nowhere\n")
    assert "has no anchor" in load_error(root).message


# ------------------------------------------------------------------ versions and shapes


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("swagger: '2.0'\n", "Swagger 2.0 documents are not supported"),
        ("openapi: 3.2.0\n", "OpenAPI 3.2.0 is not supported"),
        ("openapi: 4.0.0\n", "OpenAPI 4.0.0 is not supported"),
        ("openapi: 3.1\n", '`openapi` must be a string such as "3.1.0", not the float 3.1'),
        ("openapi: 3\n", "not the int 3"),
        ("openapi: '3.1'\n", "`openapi` is '3.1': expected a 3.0.x or 3.1.x version"),
        ("info: {title: t}\n", "no `openapi` field"),
    ],
)
def test_unsupported_versions_are_one_clear_line(
    tmp_path: Path, head: str, expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write(tmp_path, "api.yaml", f"{head}paths: {{}}\n")
    finding = load_error(root)
    assert expected in finding.message
    assert finding.rule == "openapi-version"
    status, lines = run_cli(capsys, "generate", str(root), "--out", str(tmp_path / "out"))
    assert status == 1
    assert expected in only_error(lines)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("name", "text", "rule"),
    [
        ("a.yaml", "", "yaml"),
        ("a.yaml", "- a\n- b\n", "yaml"),
        ("a.yaml", f"{HEAD}paths: {{}}\n---\n{HEAD}", "yaml"),
        ("a.yaml", f"{HEAD}paths: !!binary aGk=\n", "yaml"),
        ("a.yaml", f"{HEAD}paths: !Ref x\n", "yaml"),
        ("a.yaml", f"{HEAD}? [a, b]\n: 1\n", "yaml"),
        ("a.yaml", f"{HEAD}paths: {{}}\npaths: {{}}\n", "yaml-duplicate-key"),
        ("a.yaml", f"{HEAD}paths: [unclosed\n", "yaml-syntax"),
        ("a.json", '{"openapi": "3.1.0", "openapi": "3.0.0"}', "yaml-duplicate-key"),
        ("a.json", '{"openapi": "3.1.0",\n "paths": }', "json-syntax"),
    ],
)
def test_malformed_files_are_one_line(
    tmp_path: Path, name: str, text: str, rule: str, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write(tmp_path, name, text)
    assert load_error(root).rule == rule
    status, lines = run_cli(capsys, "validate", str(root))
    assert status == 1
    assert only_error(lines).endswith(f"[{rule}]")


def test_not_utf8_and_not_a_regular_file(tmp_path: Path) -> None:
    root = tmp_path / "latin1.yaml"
    root.write_bytes(b"openapi: 3.1.0\ninfo: {title: caf\xe9}\n")
    assert "not UTF-8" in load_error(root).message
    (tmp_path / "folder.yaml").mkdir()
    assert load_error(tmp_path / "folder.yaml").message == "not a regular file"


def test_duplicate_key_names_both_lines(tmp_path: Path) -> None:
    root = write(tmp_path, "a.yaml", f"{HEAD}paths:\n  /a: {{}}\n  /b: {{}}\n  /a: {{}}\n")
    finding = load_error(root)
    assert finding.location.line == 6
    assert finding.location.pointer == "/paths/~1a"
    assert "first defined on line 4" in finding.message


def test_json_spec_with_lines(tmp_path: Path) -> None:
    """JSON is read by json; its lines (found only for findings) match the text, including
    text libyaml cannot read as YAML (a surrogate pair escape, tabs)."""
    document = (
        '{\n\t"openapi": "3.1.0",\n\t"info": {"title": "\\ud83d\\ude00", "version": "1"},\n'
        '\t"paths": {},\n\t"components": {\n\t\t"schemas": {\n'
        '\t\t\t"A": {"type": "strng"}\n\t\t}\n\t}\n}\n'
    )
    root = write(tmp_path, "api.json", document)
    spec = load_spec(root)
    assert spec.document["info"]["title"] == "\U0001f600"
    (finding,) = [f for f in validate_spec(spec) if f.rule == "oas"]
    assert finding.location.line == 7


def test_finding_text_from_the_spec_stays_on_one_line(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        "a.yaml",
        f"{HEAD}paths: {{}}\ncomponents:\n  schemas:\n"
        "    \"A\\nB\\u202e\": {$ref: '#/nowhere'}\n",
    )
    (finding,) = load_spec(root).ref_findings
    text = str(finding)
    assert "\n" not in text and "\u202e" not in text
    assert "A\\nB\\u202e" in text


# ------------------------------------------------------------------ references in data


def test_ref_in_an_example_value_is_data(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        "openapi.yaml",
        f"{HEAD}paths: {{}}\ncomponents:\n  schemas:\n"
        "    A:\n      type: object\n      example: {$ref: '#/not/a/reference'}\n"
        "      default: {$ref: '#/nor/this'}\n"
        "  examples:\n    E:\n      value: {$ref: '#/not/either'}\n"
        "    F:\n      value: {$ref: 'https://json-schema.org/draft/2020-12/schema'}\n",
    )
    spec = load_spec(root)
    assert spec.ref_findings == []
    assert spec.refs == []
    assert spec.document["components"]["examples"]["E"]["value"] == {"$ref": "#/not/either"}


def test_file_ref_in_an_example_value_includes_the_file(tmp_path: Path) -> None:
    """How multi-file specs (NHS PDS) keep example values: `value: {$ref: example.json}`."""
    write(tmp_path, "examples/pet.json", '{"name": "Rex", "$ref": "#/kept"}')
    root = write(
        tmp_path,
        "openapi.yaml",
        f"{HEAD}paths: {{}}\ncomponents:\n  examples:\n"
        "    Pet:\n      value: {$ref: 'examples/pet.json'}\n",
    )
    spec = load_spec(root)
    assert spec.document["components"]["examples"]["Pet"]["value"] == {
        "name": "Rex",
        "$ref": "#/kept",
    }
    location = spec.locate("/components/examples/Pet/value/name")
    assert location.file.endswith("examples/pet.json")
    assert location.line == 1


def test_property_named_like_a_keyword_holds_references(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        "openapi.yaml",
        f"{HEAD}paths: {{}}\ncomponents:\n  schemas:\n"
        "    A:\n      properties:\n"
        "        example: {$ref: '#/components/schemas/B'}\n"
        "        default: {$ref: '#/components/schemas/Missing'}\n"
        "    B: {type: string}\n",
    )
    spec = load_spec(root)
    assert ("/components/schemas/A/properties/example", "#/components/schemas/B") in spec.refs
    (finding,) = spec.ref_findings
    assert "Missing" in finding.message


# UTF-8 text (as a file holds: no lone surrogates) without U+0085, U+2028 and U+2029: libyaml,
# which maps the lines of a JSON file read as YAML, counts them as line breaks where JSON (and
# the scan) counts only "\n".
_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_characters="\x85\u2028\u2029"), max_size=5
)
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | _TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4),
    max_leaves=25,
)


def _pointers(value: object, prefix: str = "") -> list[str]:
    found = [prefix]
    if isinstance(value, dict):
        for key, member in value.items():
            token = key.replace("~", "~0").replace("/", "~1")
            found += _pointers(member, f"{prefix}/{token}")
        found.append(f"{prefix}/no-such-member")
    elif isinstance(value, list):
        for index, member in enumerate(value):
            found += _pointers(member, f"{prefix}/{index}")
        found.append(f"{prefix}/{len(value)}")
    return found


@settings(max_examples=150, deadline=None)
@given(_JSON, st.sampled_from([None, 1, "\t"]))
def test_a_json_pointer_is_located_on_the_same_line_by_a_scan_as_by_the_full_map(
    value: object, indent: int | str | None
) -> None:
    """The scan along a pointer (the first pointers of a JSON file) and the map of every line
    (later ones) give the same line and the same nearest ancestor."""
    text = json.dumps({"openapi": "3.1.0", "x": value}, indent=indent, ensure_ascii=False)
    mapped = _File(Path("a.json"), None, text, True)
    mapped._scans = _TARGETED  # straight to the map
    for pointer in _pointers(value, "/x"):
        assert _json_locate(text, pointer) == mapped.locate(pointer), pointer


PICKLED = {
    "openapi": "3.1.0",
    "info": {"title": "Pets", "version": "1"},
    "paths": {
        "/pets": {
            "get": {
                "operationId": "listPets",
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}
                        },
                    }
                },
            }
        }
    },
    "components": {
        "schemas": {"Pet": {"type": "object", "properties": {"id": {"type": "integer"}}}}
    },
}


@pytest.mark.parametrize("name", ["pets.yaml", "pets.json"])
def test_a_loaded_spec_sent_to_another_process_locates_as_before(tmp_path: Path, name: str) -> None:
    import pickle

    import yaml

    path = tmp_path / name
    if name.endswith(".json"):
        path.write_text(json.dumps(PICKLED, indent=2), encoding="utf-8")
    else:
        path.write_text(yaml.safe_dump(PICKLED, sort_keys=False), encoding="utf-8")
    spec = load_spec(path)
    pointers = [
        "/paths/~1pets/get/responses/200/content",
        "/info/title",
        "/components/schemas/Pet/properties/id",
        "/paths/~1pets/get/operationId",
    ]
    for _ in range(_TARGETED + 1):  # past the JSON scans: the line map is built and sent too
        before = [spec.locate(p) for p in pointers]
    copy = pickle.loads(pickle.dumps(spec))
    assert [copy.locate(p) for p in pointers] == before
    assert len({location.line for location in before}) == len(pointers)
