"""Bundling split specs into one self-contained document."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

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
