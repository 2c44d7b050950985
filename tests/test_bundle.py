"""Bundling split specs into one self-contained document."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from specpipe.bundle import dump_bundle
from specpipe.errors import SpecError
from specpipe.loader import load_spec, resolve_pointer

FIXTURE = Path(__file__).parent / "fixtures" / "petstore"
ROOT = FIXTURE / "api" / "openapi.yaml"


def refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return found + [r for value in node.values() for r in refs(value)]
    if isinstance(node, list):
        return [r for value in node for r in refs(value)]
    return []


def line_of(path: Path, needle: str) -> int:
    text = path.read_text()
    assert text.count(needle) == 1, needle
    return text[: text.index(needle)].count("\n") + 1


@pytest.fixture
def petstore(tmp_path: Path) -> Path:
    target = tmp_path / "petstore"
    shutil.copytree(FIXTURE, target)
    return target


def test_no_external_refs_remain_and_all_resolve() -> None:
    document = load_spec(ROOT).document
    all_refs = refs(document)
    assert all_refs
    for ref in all_refs:
        assert ref.startswith("#/"), ref
        resolve_pointer(document, ref[1:])


def test_files_lists_every_file_read() -> None:
    spec = load_spec(ROOT)
    names = [p.relative_to(FIXTURE.resolve()).as_posix() for p in spec.files]
    assert names == [
        "api/openapi.yaml",
        "api/paths/pets.yaml",
        "api/schemas.yaml",
        "common/problem.yaml",
    ]


def test_rule_a_root_component_alias_takes_the_content() -> None:
    document = load_spec(ROOT).document
    shared = yaml.safe_load((FIXTURE / "common" / "problem.yaml").read_text())
    assert document["components"]["schemas"]["Problem"] == shared
    # the split paths file refers to the shared file directly; that becomes the component
    responses = document["paths"]["/pets"]["get"]["responses"]
    schema = responses["4XX"]["content"]["application/problem+json"]["schema"]
    assert schema == {"$ref": "#/components/schemas/Problem"}
    assert "#/components/schemas/Problem" in refs(document["paths"]["/pets"]["post"])


def test_rule_b_external_components_are_hoisted() -> None:
    document = load_spec(ROOT).document
    schemas = document["components"]["schemas"]
    assert list(schemas) == ["Problem", "Pet", "Tag", "PetList"]
    pet = schemas["Pet"]
    # internal refs of the split file now point into the bundle; recursion stays a ref
    assert pet["properties"]["parent"] == {"$ref": "#/components/schemas/Pet"}
    assert pet["properties"]["tags"]["items"] == {"$ref": "#/components/schemas/Tag"}
    item = document["paths"]["/pets/{petId}"]["get"]["responses"]["200"]
    assert item["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Pet"}


def test_rule_b_name_clash_is_an_error(petstore: Path) -> None:
    root = petstore / "api" / "openapi.yaml"
    text = root.read_text()
    root.write_text(text.replace("  schemas:\n", "  schemas:\n    Tag:\n      type: string\n", 1))
    with pytest.raises(SpecError) as caught:
        load_spec(root)
    (finding,) = caught.value.findings
    assert finding.rule == "bundle-conflict"
    assert "/components/schemas/Tag" in finding.message
    assert finding.location.file.endswith("api/schemas.yaml")


def test_rule_c_other_targets_are_inlined_at_first_use(petstore: Path) -> None:
    paths = petstore / "api" / "paths" / "pets.yaml"
    text = paths.read_text()
    paths.write_text(
        text.replace("      '400':\n", "      '409':\n        $ref: '#/badRequest'\n      '400':\n")
    )
    document = load_spec(petstore / "api" / "openapi.yaml").document
    collection = yaml.safe_load(text)["collection"]
    assert document["paths"]["/pets"]["get"]["operationId"] == collection["get"]["operationId"]
    responses = document["paths"]["/pets"]["post"]["responses"]
    assert responses["409"]["description"] == "Invalid pet"
    assert responses["400"] == {"$ref": "#/paths/~1pets/post/responses/409"}
    # a path-level ref in the root is inlined too
    assert "$ref" not in document["paths"]["/pets/{petId}"]


def test_locate_maps_back_to_the_split_files() -> None:
    spec = load_spec(ROOT)
    schemas = FIXTURE / "api" / "schemas.yaml"
    location = spec.locate("/components/schemas/Pet/properties/name/minLength")
    assert location.file.endswith("tests/fixtures/petstore/api/schemas.yaml")
    assert location.line == line_of(schemas, "minLength: 1")
    assert location.pointer == "/components/schemas/Pet/properties/name/minLength"

    paths = FIXTURE / "api" / "paths" / "pets.yaml"
    location = spec.locate("/paths/~1pets/post/responses/201/links/GetPet/operationId")
    assert location.file.endswith("api/paths/pets.yaml")
    assert location.line == line_of(paths, "operationId: getPet\n            parameters")
    assert location.pointer == "/collection/post/responses/201/links/GetPet/operationId"

    location = spec.locate("/components/schemas/Problem/properties/status/format")
    assert location.file.endswith("common/problem.yaml")
    assert location.line == line_of(FIXTURE / "common" / "problem.yaml", "format: int32")


def test_locate_falls_back_to_nearest_ancestor() -> None:
    spec = load_spec(ROOT)
    exact = spec.locate("/components/securitySchemes/ApiKey")
    assert spec.locate("/components/securitySchemes/ApiKey/no/such/thing") == exact
    assert exact.file.endswith("api/openapi.yaml")
    assert exact.line == line_of(ROOT, "    ApiKey:\n      type")


def test_bundling_twice_is_byte_identical() -> None:
    first = dump_bundle(load_spec(ROOT).document)
    second = dump_bundle(load_spec(ROOT).document)
    assert first == second
    assert first.endswith("\n")
    assert list(yaml.safe_load(first)) == [
        "openapi",
        "info",
        "servers",
        "tags",
        "security",
        "paths",
        "components",
    ]


def test_cross_file_cycles_terminate(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("type: object\nproperties:\n  b:\n    $ref: b.yaml\n")
    (tmp_path / "b.yaml").write_text("type: object\nproperties:\n  a:\n    $ref: a.yaml\n")
    (tmp_path / "openapi.yaml").write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n"
        "components:\n  schemas:\n    A:\n      $ref: a.yaml\n"
    )
    document = load_spec(tmp_path / "openapi.yaml").document
    a = document["components"]["schemas"]["A"]
    assert a["properties"]["b"]["properties"]["a"] == {"$ref": "#/components/schemas/A"}


# ------------------------------------------------------------------ the fast representer

_DUMP_OPTIONS: dict[str, Any] = {"sort_keys": False, "allow_unicode": True, "width": 100}


def _pyyaml(document: Any) -> str:
    """What PyYAML's own safe dumper writes (the bundle's text must not differ from it)."""
    try:
        text: str = yaml.dump(document, Dumper=yaml.CSafeDumper, **_DUMP_OPTIONS)
    except UnicodeEncodeError:
        text = yaml.dump(document, Dumper=yaml.SafeDumper, **_DUMP_OPTIONS)
    return text if text.endswith("\n") else text + "\n"


def test_dump_writes_what_pyyaml_writes_for_tricky_values() -> None:
    shared = {"type": "string", "enum": ["a", "b"]}
    items = [1, 2.5, True, None]
    document = {
        "looks like other types": ["123", "1.5", "yes", "no", "null", "~", "", "0x1F", "1e3"],
        "numbers": [0, -1, 10**20, 1.0, float("inf"), -0.0],
        "flags": [True, False, None],
        "text": ["two\nlines", " padded ", "quote ' and \" ", "# not a comment", "- dash", "a: b"],
        "empty": [{}, [], [[]], {"": ""}],
        "shared": [shared, shared, {"inner": shared}],  # anchors and aliases
        "same list": [items, items],
        "unicode": ["é", "\u2028", "日本", "\U0001f600"],
        "long": "word " * 60,
        1: "an integer key",
    }
    assert dump_bundle(document) == _pyyaml(document)
    surrogate = {"lone": "\ud800 half a pair"}  # libyaml cannot encode it: PyYAML's emitter
    assert dump_bundle(surrogate) == _pyyaml(surrogate)


@pytest.mark.parametrize(
    "name", ["adyen-checkout-v71.json", "ory-kratos.json", "redocly-museum.yaml"]
)
def test_dump_writes_what_pyyaml_writes_for_corpus_specs(name: str) -> None:
    path = Path(__file__).parents[2] / "shared" / "corpus" / "specs" / name
    if not path.is_file():
        pytest.skip(f"no corpus spec {path}")
    document = load_spec(path).document
    assert dump_bundle(document) == _pyyaml(document)


_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(alphabet=st.characters(codec="utf-8"), max_size=12)
    | st.sampled_from(["true", "null", "1", "0o7", "-", "? x", "|", "*a", "&b", "!t", "%"]),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4)
    ),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(_JSON)
def test_dump_writes_what_pyyaml_writes_for_any_json(document: Any) -> None:
    assert dump_bundle(document) == _pyyaml(document)
