"""specpipe diff on three real revision pairs (../shared/corpus/pairs): the report equals the
hand-checked expected-changes file of each pair, every pointer resolves, and what the
corpus README says changed is found.

Each `tests/fixtures/diff-pairs/<pair>.yaml` lists every change of the report; an entry with
a `checked` note was verified by hand against both revisions (every breaking change, and at
least 20 others per pair). A regression shows as a diff of that file:
`SPECPIPE_UPDATE_EXPECTED=1 pytest tests/test_diff_pairs.py` rewrites it, keeping the notes of
entries that are still reported.

Cost: about 45 s, nearly all of it the loader reading the six documents (0.35 to 0.93 MB
each); validating the two strictly valid pairs takes a few seconds more, the comparisons
a fraction of a second each.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from specs import ROOT
from test_diff import assert_well_formed, entries

from specpipe.diff import Change, check_revision, compare
from specpipe.loader import LoadedSpec, load_spec

PAIRS = ROOT.parent / "shared" / "corpus" / "pairs"
EXPECTED = Path(__file__).parent / "fixtures" / "diff-pairs"
UPDATE = os.environ.get("SPECPIPE_UPDATE_EXPECTED") == "1"
# xero's revisions do not pass openapi-spec-validator (string defaults on booleans): they are
# compared as `specpipe diff --no-validate` does
STRICTLY_VALID = {"adyen-checkout-v71": True, "xero-accounting": False, "ory-kratos": True}

pytestmark = pytest.mark.skipif(not PAIRS.is_dir(), reason="no corpus next to the repository")


@dataclass
class Pair:
    name: str
    old: LoadedSpec
    new: LoadedSpec
    changes: list[Change]


_LOADED: dict[str, Pair] = {}


def _pair(name: str) -> Pair:
    if name not in _LOADED:
        folder = PAIRS / name
        old = load_spec(sorted(folder.glob("old.*"))[0])
        new = load_spec(sorted(folder.glob("new.*"))[0])
        for spec in (old, new):
            assert check_revision(spec, STRICTLY_VALID[name], None) == []
        _LOADED[name] = Pair(name, old, new, compare(old, new))
    return _LOADED[name]


def _dump(document: dict[str, Any]) -> str:
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)


@pytest.mark.parametrize("name", sorted(STRICTLY_VALID))
def test_report_is_the_checked_one(name: str) -> None:
    pair = _pair(name)
    found = entries(pair.changes)
    path = EXPECTED / f"{name}.yaml"
    expected = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else {}
    notes = {
        (e["kind"], e["pointer"]): e["checked"]
        for e in expected.get("changes", [])
        if e.get("checked")
    }
    if UPDATE:
        document = {
            "pair": name,
            "validated": STRICTLY_VALID[name],
            "checked": sum((c["kind"], c["pointer"]) in notes for c in found),
            "changes": [
                {
                    **c,
                    **(
                        {"checked": notes[key]}
                        if (key := (c["kind"], c["pointer"])) in notes
                        else {}
                    ),
                }
                for c in found
            ],
        }
        header = (
            f"# specpipe diff --old {name}/old --new {name}/new"
            f"{'' if STRICTLY_VALID[name] else ' --no-validate'}; entries with `checked` were\n"
            "# verified by hand against both revisions (see tests/test_diff_pairs.py)\n"
        )
        path.write_text(header + _dump(document), encoding="utf-8")
        expected = yaml.safe_load(path.read_text(encoding="utf-8"))
    wanted = [{k: v for k, v in e.items() if k != "checked"} for e in expected["changes"]]
    if found != wanted:
        diff = difflib.unified_diff(
            _dump({"changes": wanted}).splitlines(),
            _dump({"changes": found}).splitlines(),
            f"{path.name} (expected)",
            "report",
            lineterm="",
        )
        pytest.fail("the report differs from the checked one:\n" + "\n".join(diff))


def test_every_breaking_change_and_twenty_others_are_checked() -> None:
    for name in sorted(STRICTLY_VALID):
        document = yaml.safe_load((EXPECTED / f"{name}.yaml").read_text(encoding="utf-8"))
        changes = document["changes"]
        unchecked = [c for c in changes if c["breaking"] and not c.get("checked")]
        assert not unchecked, f"{name}: breaking changes nobody checked: {unchecked}"
        others = [c for c in changes if not c["breaking"] and c.get("checked")]
        assert len(others) >= min(20, sum(not c["breaking"] for c in changes)), name


@pytest.mark.parametrize("name", sorted(STRICTLY_VALID))
def test_every_pointer_resolves_and_no_pointer_contradicts_itself(name: str) -> None:
    pair = _pair(name)
    assert_well_formed(pair.changes, pair.old, pair.new)


def _kinds(name: str, kind: str) -> list[str]:
    return sorted(c.message for c in _pair(name).changes if c.kind == kind)


def test_what_the_corpus_readme_says_changed() -> None:
    # xero: four operations removed, two added
    assert _kinds("xero-accounting", "operation-removed") == [
        "GET /Employees removed",
        "GET /Employees/{EmployeeID} removed",
        "POST /Employees removed",
        "PUT /Employees removed",
    ]
    assert len(_kinds("xero-accounting", "operation-added")) == 2
    # ory: 56 -> 60 operations, schema nullDuration removed
    assert len(_kinds("ory-kratos", "operation-added")) == 4
    assert "schema nullDuration removed" in _kinds("ory-kratos", "schema-removed")
    # adyen: the same 28 operations, 9 schemas added, none removed
    assert _kinds("adyen-checkout-v71", "operation-added") == []
    assert _kinds("adyen-checkout-v71", "operation-removed") == []
    assert len(_kinds("adyen-checkout-v71", "schema-added")) == 9


def test_xero_is_refused_without_no_validate() -> None:
    findings = check_revision(_pair("xero-accounting").old, True, None)
    assert findings
    assert any("is not of type 'boolean'" in str(f) and "[oas]" in str(f) for f in findings)
    assert all("\n" not in str(f) for f in findings)
