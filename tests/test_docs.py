"""Reference docs: the Markdown is in sync and complete; the HTML is in sync and renders.

The HTML checks need Redocly (``make node``) and Debian's Chromium (``make chromium``); they are
skipped with a reason when either is missing, so the rest of the suite runs anywhere.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from specs import APIS, ROOT, spec

from specpipe.docs import DocsError, build_api_view, build_html, redocly_command, render_markdown
from specpipe.loader import iter_operations

DOCS = ROOT / "generated" / "docs"
ARTIFACTS = ROOT / "tmp" / "artifacts" / "docs"
CHROMIUM = shutil.which("chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--virtual-time-budget=5000",
]


def _operations(api: str) -> list[dict[str, Any]]:
    return [operation for _, _, operation, _ in iter_operations(spec(api).document)]


def _redocly_available() -> bool:
    try:
        redocly_command()
    except DocsError:
        return False
    return True


needs_redocly = pytest.mark.skipif(not _redocly_available(), reason="run `make node` first")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="run `make chromium` first")


@pytest.mark.parametrize("api", APIS)
def test_markdown_is_in_sync(api: str) -> None:
    committed = (DOCS / f"{api}.md").read_text(encoding="utf-8")
    assert render_markdown(spec(api).document, api) == committed, "run `make generate`"


@pytest.mark.parametrize("api", APIS)
def test_markdown_covers_every_operation_and_rule(api: str) -> None:
    text = (DOCS / f"{api}.md").read_text(encoding="utf-8")
    view = build_api_view(spec(api).document, api)
    for operation in _operations(api):
        assert f"### {operation['operationId']}\n" in text
    for schema in view.schemas:
        for rule in schema.rules:
            assert rule.message in text


def test_markdown_shows_constraints_rules_and_examples() -> None:
    text = (DOCS / "opendental.md").read_text(encoding="utf-8")
    assert "≥ -1; ≤ 100; default `-1`" in text  # Percent on create
    assert "- Percent other than -1 is only allowed if BenefitType is CoInsurance." in text
    assert "read-only" in text and "pattern `" in text
    assert "<details><summary>Example <code>coInsurance</code>" in text
    assert "Security: `ODFHIR`" in text
    rules = text.split("### BenefitRules")[1]
    assert '- <a id="rule-benefitrules-1"></a>Percent other than -1 is only allowed' in rules
    # each operation lists, in words, the rules its body must meet, linked to the schema's
    create = text.split("\n### CreateBenefit")[1].split("\n### ")[0]
    assert (
        "- PlanNum or PatPlanNum is required. (unless `PlanNum` is present and `PlanNum`, when "
        "present, is at least `1`, `PatPlanNum` is present and `PatPlanNum`, when present, is "
        "at least `1`; [BenefitCreate rule 5](#rule-benefitcreate-5))"
    ) in create
    assert '<a id="rule-benefitcreate-5"></a>' in text
    calendar = (DOCS / "calendar.md").read_text(encoding="utf-8")
    assert '  - `host` (default `"localhost"`): Host' in calendar  # server variable
    assert '<details><summary>Example</summary>\n\n```json\n{\n  "Message"' in calendar


@needs_redocly
@pytest.mark.parametrize("api", APIS)
def test_html_is_in_sync(api: str, tmp_path: Path) -> None:
    fresh = build_html(spec(api).document, api, tmp_path).read_bytes()
    assert fresh == (DOCS / f"{api}.html").read_bytes(), "run `make docs`"


@needs_redocly
def test_html_is_deterministic(tmp_path: Path) -> None:
    first = build_html(spec("lsatlas").document, "lsatlas", tmp_path / "a").read_bytes()
    second = build_html(spec("lsatlas").document, "lsatlas", tmp_path / "b").read_bytes()
    assert first == second


@pytest.mark.parametrize("api", APIS)
def test_html_is_self_contained(api: str) -> None:
    html = (DOCS / f"{api}.html").read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=", html)
    assert not re.search(r"<link[^>]+href=\"https?:", html)


def _chromium(*args: str) -> str:
    assert CHROMIUM is not None
    with tempfile.TemporaryDirectory(prefix="chromium-") as profile:
        result = subprocess.run(
            [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            env={**os.environ, "HOME": profile},
        )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def _rendered(dom: str) -> str:
    """The DOM without scripts and styles (the embedded spec must not count as rendered)."""
    dom = re.sub(r"<script\b.*?</script>", "", dom, flags=re.S)
    return re.sub(r"<style\b.*?</style>", "", dom, flags=re.S)


def _tag_slug(tag: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", tag.lower()).strip("-")


@needs_chromium
@pytest.mark.parametrize("api", APIS)
def test_html_renders_every_operation_in_chromium(api: str) -> None:
    page = (DOCS / f"{api}.html").resolve().as_uri()
    operations = _operations(api)
    tags = sorted({_tag_slug(str(t)) for op in operations for t in op.get("tags", [])})
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    screenshot = ARTIFACTS / f"{api}.png"
    jobs = [("--window-size=1280,2000", f"--screenshot={screenshot}", page)]
    jobs += [("--dump-dom", f"{page}#/{tag}") for tag in tags]
    with ThreadPoolExecutor(max_workers=2) as pool:
        outputs = list(pool.map(lambda job: _chromium(*job), jobs))
    rendered = "\n".join(_rendered(dom) for dom in outputs[1:])
    links = set(re.findall(r'href="#/[^"#/]+/([^"#/]+)"', rendered))
    missing = [
        op["operationId"] for op in operations if str(op["operationId"]).lower() not in links
    ]
    assert not missing, f"operations not rendered on the page: {missing}"
    for operation in operations:
        assert str(operation["summary"]).replace("&", "&amp;") in rendered
    assert screenshot.is_file() and screenshot.stat().st_size > 10_000


def test_markdown_of_hostile_text_renders_no_html() -> None:
    from markdown_it import MarkdownIt

    from specpipe.docs import render_markdown

    evil = "<script>alert(1)</script>\n# not a heading | cell `x`\n```\n<b>"
    document: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {"title": evil, "version": evil, "description": evil},
        "paths": {
            "/x": {
                "get": {
                    "operationId": evil,
                    "summary": evil,
                    "parameters": [{"name": evil, "in": "query", "schema": {"pattern": evil}}],
                    "responses": {
                        "200": {
                            "description": evil,
                            "content": {evil: {"schema": {"$ref": "#/components/schemas/T"}}},
                        }
                    },
                }
            }
        },
        "components": {
            "schemas": {
                "T": {"type": "object", "description": evil, "properties": {evil: {"enum": [evil]}}}
            }
        },
    }
    html = MarkdownIt("commonmark").render(render_markdown(document, "evil"))
    assert "<script" not in html and "<b>" not in html
    assert html.count("<h1>") == 2  # the title, and the description's own heading (CommonMark)


@pytest.mark.parametrize("api", APIS)
def test_html_shows_each_operation_in_the_three_sdks(api: str) -> None:
    """The HTML reference carries, per operation, the sample of each generated SDK (the one
    its README shows), as `x-codeSamples` of the page's embedded document."""
    from specpipe import ir
    from specpipe.clients import go, python, typescript

    html = (DOCS / f"{api}.html").read_text(encoding="utf-8")
    document = spec(api).document
    model = ir.build(api, document)
    readmes = {
        language: (ROOT / "generated" / language / api / "README.md").read_text(encoding="utf-8")
        for language in ("python", "typescript", "go")
    }
    for operation in model.operations:
        samples = [
            ("Python", "python", python.code_sample(model, operation)),
            ("TypeScript", "typescript", typescript.code_sample(model, operation)),
            ("Go", "go", go.code_sample(model, operation)),
        ]
        for label, language, source in samples:
            entry = json.dumps(
                {"lang": label, "label": label, "source": source}, separators=(",", ":")
            )
            assert entry in html, (operation.operation_id, label)
            # the README shows it: whole programs in TypeScript and Go, the call in Python
            shown = source.strip()
            if language == "python":
                shown = shown.split("print(", 1)[1].rsplit(")", 1)[0]
            assert shown in readmes[language], (operation.operation_id, label)
