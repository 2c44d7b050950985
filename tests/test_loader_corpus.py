"""Every real spec of the shared corpus loads, bundles and validates with the verdicts the
corpus README records (openapi-spec-validator), every finding on one line.

Cost: loading and bundling all nine takes about 6 s of CPU; validating them about 60 s, most
of it openapi-spec-validator itself on cloudflare-openapi.json (4.2 MB, 79 errors, about
20 s alone). `tools/bench_loader.py` times the same work beside the anchors.
"""

from __future__ import annotations

import collections
from functools import cache
from pathlib import Path

import pytest
import yaml

from specpipe.bundle import dump_bundle
from specpipe.errors import Finding
from specpipe.loader import LoadedSpec, load_spec, split_pointer
from specpipe.validate import structural_findings, validate_spec

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "specs"

# file -> (openapi-spec-validator errors of the bundled document, operations)
EXPECTED = {
    "redocly-museum.yaml": (0, 8),
    "adyen-balanceplatform-configuration-notification-v2.yaml": (0, 0),
    "ory-kratos.json": (0, 60),
    "adyen-checkout-v71.json": (0, 28),
    "xero-accounting.yaml": (23, 235),
    "svix-openapi.json": (1, 252),
    "linode-openapi.yaml": (0, 390),
    "cloudflare-openapi.json": (79, 1533),
    # 14 errors as written (`get: {$ref: ...}` in place of an operation); bundled, it is valid
    "nhs-pds/personal-demographics.yaml": (0, 7),
}

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no corpus at {CORPUS}")


@cache
def loaded(name: str) -> LoadedSpec:
    return load_spec(CORPUS / name)


@cache
def validated(name: str) -> list[Finding]:
    return validate_spec(loaded(name), default_level="warn")


def operations(spec: LoadedSpec) -> int:
    from specpipe.loader import iter_operations

    return len(list(iter_operations(spec.document)))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_loads_and_bundles(name: str) -> None:
    spec = loaded(name)
    assert spec.ref_findings == []
    assert operations(spec) == EXPECTED[name][1]
    assert all(ref.startswith("#/") for _, ref in spec.refs), "external refs left"
    # the bundle is a tree (aliases expanded), so its YAML has no anchors
    seen: set[int] = set()
    stack: list[object] = [spec.document]
    while stack:
        node = stack.pop()
        if isinstance(node, dict | list):
            assert id(node) not in seen, "a node appears twice in the bundle"
            seen.add(id(node))
            stack.extend(node.values() if isinstance(node, dict) else node)
    if (CORPUS / name).stat().st_size < 1_000_000:  # PyYAML's writer is slow on the large ones
        assert yaml.load(dump_bundle(spec.document), Loader=yaml.CSafeLoader) == spec.document


def test_multi_file_spec_inlines_operations_and_example_files() -> None:
    spec = loaded("nhs-pds/personal-demographics.yaml")
    get = spec.document["paths"]["/Patient/{id}"]["get"]
    assert get["operationId"] == "get-patient"
    assert spec.locate("/paths/~1Patient~1{id}/get/operationId").file.endswith(
        "components/paths/patient-get.yaml"
    )
    example = get["responses"]["200"]["content"]["application/fhir+json"]["example"]
    assert example["resourceType"] == "Patient"  # from components/examples/Patient.json
    assert len(spec.files) > 50


def check_findings(name: str, findings: list[Finding]) -> None:
    lines: dict[str, list[str]] = {}
    for finding in findings:
        text = str(finding)
        assert "\n" not in text
        location = finding.location
        assert text.startswith(location.file + ":")
        if location.file not in lines:
            lines[location.file] = Path(location.file).read_text().splitlines()
        written = lines[location.file]
        if len(written) > 1 and location.pointer:
            # the line is where the node the finding names is written: its key or item
            token = split_pointer(location.pointer)[-1]
            line = written[location.line - 1]
            assert token in line or token.isdigit(), (text, line)
    structural = [f for f in findings if f.rule == "oas"]
    assert len(structural) == EXPECTED[name][0], collections.Counter(
        f.message[:50] for f in structural
    )


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_validates_with_the_recorded_verdict(name: str) -> None:
    findings = validated(name)
    check_findings(name, findings)
    assert [f.severity for f in findings if f.rule != "oas"] == ["warning"] * (
        len(findings) - EXPECTED[name][0]
    )


def test_structural_findings_are_the_validators_alone() -> None:
    spec = loaded("xero-accounting.yaml")
    oas = [f for f in validated("xero-accounting.yaml") if f.rule == "oas"]
    assert structural_findings(spec) == oas
    # string defaults on boolean schemas, as the corpus README says
    assert all("is not of type 'boolean'" in f.message for f in oas)


def test_json_findings_name_their_line() -> None:
    (finding,) = [f for f in validated("svix-openapi.json") if f.rule == "oas"]
    assert finding.message == "[] should be non-empty"
    assert finding.location.line > 1
    # cloudflare-openapi.json is one line of 4.2 MB: the pointers tell its findings apart
    messages = [f.message for f in validated("cloudflare-openapi.json") if f.rule == "oas"]
    assert sum("'4xx' was unexpected" in m for m in messages) == 18
