"""Reference docs: a Markdown reference from the project's templates, and a static HTML page.

The Markdown reference (``<out>/<api>.md``) is built here from the bundled document: this
module prepares a view model (plain dataclasses with every value already formatted) and the
templates under ``templates/docs/`` only lay it out. The HTML reference (``<out>/<api>.html``)
is rendered by Redocly's CLI (``redocly build-docs``, installed with ``npm ci``) with its
scripts and styles inlined, so it opens from disk with no network.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from specpipe.bundle import dump_bundle, write_if_changed
from specpipe.loader import display_path, escape_token, resolve_pointer
from specpipe.rules import split_rules

__all__ = [
    "ApiView",
    "DocsError",
    "build_api_view",
    "build_html",
    "redocly_command",
    "register",
    "render_markdown",
    "write_markdown",
]

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates" / "docs"
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# Redocly must not phone home: no telemetry, no update check, no notifications.
REDOCLY_ENV = {
    "REDOCLY_TELEMETRY": "off",
    "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true",
    "REDOCLY_SUPPRESS_NOTIFICATIONS": "true",
    "NO_COLOR": "1",
}
REDOCLY_TIMEOUT = 300


class DocsError(Exception):
    """The docs could not be built; the message is one line for people."""


# view model ------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldView:
    name: str
    type: str
    required: bool
    constraints: str
    description: str


@dataclass(frozen=True)
class RuleView:
    message: str
    pointer: str
    schema: str  # the rule as compact JSON


@dataclass(frozen=True)
class ExampleView:
    name: str
    summary: str
    language: str
    text: str


@dataclass(frozen=True)
class MediaView:
    media_type: str
    type: str
    examples: list[ExampleView]


@dataclass(frozen=True)
class ResponseView:
    status: str
    description: str
    headers: list[FieldView]
    media: list[MediaView]


@dataclass(frozen=True)
class BodyView:
    required: bool
    description: str
    media: list[MediaView]


@dataclass(frozen=True)
class OperationView:
    operation_id: str
    method: str
    path: str
    anchor: str
    summary: str
    description: str
    deprecated: bool
    security: list[str]
    parameters: list[FieldView]
    request: BodyView | None
    responses: list[ResponseView]


@dataclass(frozen=True)
class SchemaView:
    name: str
    anchor: str
    title: str
    description: str
    type: str
    constraints: str
    properties: list[FieldView]
    rules: list[RuleView]


@dataclass(frozen=True)
class ServerView:
    url: str
    description: str


@dataclass(frozen=True)
class SchemeView:
    name: str
    kind: str
    description: str


@dataclass
class ApiView:
    name: str
    title: str
    version: str
    summary: str
    description: str
    servers: list[ServerView]
    security: list[str]
    schemes: list[SchemeView]
    operations: list[OperationView]
    schemas: list[SchemaView] = field(default_factory=list)


# formatting helpers ----------------------------------------------------------------------


def _one_line(text: Any) -> str:
    """Text for a table cell: one line, pipes escaped."""
    if text is None:
        return ""
    return " ".join(str(text).split()).replace("|", "\\|")


def _block(text: Any) -> str:
    return str(text).strip() if text else ""


def _anchor(*parts: str) -> str:
    slug = "-".join(parts).lower()
    return re.sub(r"[^a-z0-9]+", "-", slug).strip("-")


def _literal(value: Any) -> str:
    return "`" + json.dumps(value, ensure_ascii=False) + "`"


class _Describer:
    """Types and constraints of schemas in one bundled document, as short text."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document

    def resolve(self, ref: str) -> dict[str, Any]:
        target = resolve_pointer(self.document, ref[1:]) if ref.startswith("#") else {}
        return target if isinstance(target, dict) else {}

    def merged(self, schema: Any) -> dict[str, Any]:
        """``schema`` with its ``$ref`` chain followed; the referring keywords win."""
        layers: list[dict[str, Any]] = []
        seen: set[str] = set()
        while isinstance(schema, dict):
            layers.append(schema)
            ref = schema.get("$ref")
            if not isinstance(ref, str) or ref in seen:
                break
            seen.add(ref)
            schema = self.resolve(ref)
        result: dict[str, Any] = {}
        for layer in reversed(layers):
            result.update({k: v for k, v in layer.items() if k != "$ref"})
        return result

    @staticmethod
    def ref_name(schema: Any) -> str | None:
        if isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
            ref: str = schema["$ref"]
            if ref.startswith("#/components/schemas/"):
                return ref.rsplit("/", 1)[1].replace("~1", "/").replace("~0", "~")
        return None

    def type_text(self, schema: Any) -> str:
        name = self.ref_name(schema)
        merged = self.merged(schema)
        if name is not None:
            own = self._types(merged)
            suffix = " \\| null" if "null" in own else ""
            return f"[{name}](#{_anchor('schema', name)}){suffix}"
        types = self._types(merged)
        parts: list[str] = []
        for kind in types:
            if kind == "array":
                parts.append(f"array of {self.type_text(merged.get('items', {}))}")
            elif kind in ("integer", "number", "string") and merged.get("format"):
                parts.append(f"{kind} ({merged['format']})")
            else:
                parts.append(kind)
        for keyword in ("oneOf", "anyOf"):
            members = merged.get(keyword)
            if isinstance(members, list) and any(
                "type" in self.merged(m) or self.ref_name(m) for m in members
            ):
                word = "one of" if keyword == "oneOf" else "any of"
                parts.append(f"{word} " + ", ".join(self.type_text(m) for m in members))
        return " \\| ".join(parts) if parts else "any"

    @staticmethod
    def _types(schema: dict[str, Any]) -> list[str]:
        kind = schema.get("type")
        kinds = [kind] if isinstance(kind, str) else list(kind) if isinstance(kind, list) else []
        if schema.get("nullable") is True and "null" not in kinds:
            kinds.append("null")
        return [str(k) for k in kinds]

    def constraints(self, schema: Any) -> str:
        merged = self.merged(schema)
        found: list[str] = []
        if "null" in self._types(merged):
            found.append("nullable")
        if "const" in merged:
            found.append(f"const {_literal(merged['const'])}")
        if isinstance(merged.get("enum"), list):
            found.append("one of " + ", ".join(_literal(v) for v in merged["enum"]))
        for keyword, text in (
            ("minLength", "min length"),
            ("maxLength", "max length"),
            ("minItems", "min items"),
            ("maxItems", "max items"),
            ("minimum", "≥"),
            ("exclusiveMinimum", ">"),
            ("maximum", "≤"),
            ("exclusiveMaximum", "<"),
            ("multipleOf", "multiple of"),
        ):
            if keyword in merged:
                found.append(f"{text} {merged[keyword]}")
        if merged.get("uniqueItems") is True:
            found.append("unique items")
        if "pattern" in merged:
            found.append(f"pattern `{merged['pattern']}`")
        if merged.get("format") and not {"integer", "number", "string"} & set(self._types(merged)):
            found.append(f"format {merged['format']}")
        if "default" in merged:
            found.append(f"default {_literal(merged['default'])}")
        for flag, text in (
            ("readOnly", "read-only"),
            ("writeOnly", "write-only"),
            ("deprecated", "deprecated"),
        ):
            if merged.get(flag) is True:
                found.append(text)
        return _one_line("; ".join(found))

    def description(self, schema: Any) -> str:
        return _one_line(self.merged(schema).get("description"))


def _deref(describer: _Describer, node: Any) -> dict[str, Any]:
    """A parameter, response, example or header object with its ``$ref`` followed."""
    seen: set[str] = set()
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"] not in seen:
        seen.add(node["$ref"])
        node = describer.resolve(node["$ref"])
    return node if isinstance(node, dict) else {}


def _example_view(describer: _Describer, name: str, example: Any, media_type: str) -> ExampleView:
    example = _deref(describer, example)
    value = example.get("value")
    if isinstance(value, str) and ("xml" in media_type or not media_type.endswith("json")):
        language, text = ("xml" if value.lstrip().startswith("<") else "text"), value.strip()
    else:
        language = "json"
        text = json.dumps(value, indent=2, ensure_ascii=False)
    return ExampleView(name, _one_line(example.get("summary")), language, text)


def _media_views(describer: _Describer, content: Any) -> list[MediaView]:
    views: list[MediaView] = []
    for media_type, media in (content or {}).items():
        media = media if isinstance(media, dict) else {}
        examples = [
            _example_view(describer, name, example, media_type)
            for name, example in (media.get("examples") or {}).items()
        ]
        if "example" in media:
            examples.append(_example_view(describer, "example", {"value": media["example"]}, ""))
        schema = media.get("schema")
        views.append(
            MediaView(media_type, describer.type_text(schema) if schema else "—", examples)
        )
    return views


def _field(describer: _Describer, name: str, required: bool, node: dict[str, Any]) -> FieldView:
    schema = node.get("schema", {})
    notes = describer.constraints(schema)
    if node.get("deprecated") is True:
        notes = "; ".join(n for n in ("deprecated", notes) if n)
    if "example" in node:
        notes = "; ".join(n for n in (notes, f"example {_literal(node['example'])}") if n)
    description = _one_line(node.get("description")) or describer.description(schema)
    return FieldView(name, describer.type_text(schema), required, notes, description)


def _security_text(requirements: Any) -> list[str]:
    if not isinstance(requirements, list):
        return []
    texts = []
    for requirement in requirements:
        if not requirement:
            texts.append("none (anonymous access allowed)")
            continue
        parts = []
        for scheme, scopes in requirement.items():
            parts.append(f"{scheme} ({', '.join(scopes)})" if scopes else scheme)
        texts.append(" and ".join(parts))
    return texts


def _scheme_kind(scheme: dict[str, Any]) -> str:
    kind = str(scheme.get("type", ""))
    if kind == "apiKey":
        return f"API key in {scheme.get('in', '?')} `{scheme.get('name', '?')}`"
    if kind == "http":
        extra = f", {scheme['bearerFormat']}" if scheme.get("bearerFormat") else ""
        return f"HTTP {scheme.get('scheme', '?')}{extra}"
    return kind


def _operation_view(
    describer: _Describer, path: str, method: str, path_item: dict[str, Any], global_security: Any
) -> OperationView:
    operation = path_item[method]
    parameters: dict[tuple[str, str], dict[str, Any]] = {}
    for node in [*path_item.get("parameters", []), *operation.get("parameters", [])]:
        param = _deref(describer, node)
        parameters[(str(param.get("in")), str(param.get("name")))] = param
    order = {"path": 0, "query": 1, "header": 2, "cookie": 3}
    fields = [
        _field(describer, f"{name} ({where})", bool(param.get("required")), param)
        for (where, name), param in sorted(
            parameters.items(), key=lambda item: (order.get(item[0][0], 9), item[0][1])
        )
    ]
    request = None
    if "requestBody" in operation:
        body = _deref(describer, operation["requestBody"])
        request = BodyView(
            bool(body.get("required")),
            _block(body.get("description")),
            _media_views(describer, body.get("content")),
        )
    responses = []
    for status, node in (operation.get("responses") or {}).items():
        response = _deref(describer, node)
        headers = [
            _field(describer, name, bool(header.get("required")), header)
            for name, header in (
                (name, _deref(describer, h)) for name, h in (response.get("headers") or {}).items()
            )
        ]
        responses.append(
            ResponseView(
                str(status),
                _one_line(response.get("description")),
                headers,
                _media_views(describer, response.get("content")),
            )
        )
    operation_id = str(operation.get("operationId", f"{method} {path}"))
    return OperationView(
        operation_id=operation_id,
        method=method.upper(),
        path=path,
        anchor=_anchor("operation", operation_id),
        summary=_one_line(operation.get("summary")),
        description=_block(operation.get("description")),
        deprecated=operation.get("deprecated") is True,
        security=_security_text(operation.get("security", global_security)),
        parameters=fields,
        request=request,
        responses=responses,
    )


def _schema_view(describer: _Describer, name: str, schema: dict[str, Any]) -> SchemaView:
    pointer = f"/components/schemas/{escape_token(name)}"
    shape, rules = split_rules(schema, pointer, describer.resolve)
    properties: dict[str, Any] = {}
    required: set[str] = set()
    # typed allOf members contribute their members to the shape
    for part in [*shape.get("allOf", []), shape]:
        merged = describer.merged(part)
        properties.update(merged.get("properties") or {})
        required.update(merged.get("required") or [])
    fields = [
        FieldView(
            prop,
            describer.type_text(sub),
            prop in required,
            describer.constraints(sub),
            describer.description(sub),
        )
        for prop, sub in properties.items()
    ]
    own = {k: v for k, v in shape.items() if k not in ("properties", "required", "allOf")}
    return SchemaView(
        name=name,
        anchor=_anchor("schema", name),
        title=_one_line(schema.get("title")),
        description=_block(schema.get("description")),
        type=describer.type_text(own) if own.get("type") or not fields else "object",
        constraints=describer.constraints(own),
        properties=fields,
        rules=[
            RuleView(
                _one_line(rule.message),
                rule.pointer,
                json.dumps(
                    {k: v for k, v in rule.schema.items() if k != "description"},
                    ensure_ascii=False,
                    sort_keys=True,
                ),
            )
            for rule in rules
        ],
    )


def build_api_view(document: dict[str, Any], name: str) -> ApiView:
    """The view model of one bundled document, for ``templates/docs/api.md.j2``."""
    describer = _Describer(document)
    info = document.get("info") or {}
    global_security = document.get("security", [])
    operations = [
        _operation_view(describer, path, method, path_item, global_security)
        for path, path_item in (document.get("paths") or {}).items()
        for method in METHODS
        if isinstance(path_item, dict) and method in path_item
    ]
    components = document.get("components") or {}
    schemes = [
        SchemeView(
            scheme_name,
            _one_line(_scheme_kind(_deref(describer, scheme))),
            _one_line(_deref(describer, scheme).get("description")),
        )
        for scheme_name, scheme in (components.get("securitySchemes") or {}).items()
    ]
    schemas = [
        _schema_view(describer, schema_name, schema)
        for schema_name, schema in (components.get("schemas") or {}).items()
        if isinstance(schema, dict)
    ]
    return ApiView(
        name=name,
        title=_one_line(info.get("title")) or name,
        version=_one_line(info.get("version")),
        summary=_one_line(info.get("summary")),
        description=_block(info.get("description")),
        servers=[
            ServerView(str(s.get("url", "")), _one_line(s.get("description")))
            for s in document.get("servers") or []
        ],
        security=_security_text(global_security),
        schemes=schemes,
        operations=operations,
        schemas=schemas,
    )


# rendering -------------------------------------------------------------------------------


def render_markdown(document: dict[str, Any], name: str) -> str:
    """The Markdown reference of one bundled document (deterministic, final newline)."""
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # Markdown, not HTML
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    text = environment.get_template("api.md.j2").render(api=build_api_view(document, name))
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.rstrip("\n") + "\n"


def write_markdown(document: dict[str, Any], name: str, out_dir: Path) -> Path:
    target = out_dir / f"{name}.md"
    changed = write_if_changed(target, render_markdown(document, name))
    print(f"{'wrote' if changed else 'unchanged'}  {display_path(target)}")
    return target


def redocly_command() -> list[str]:
    """How to run Redocly's CLI: the project's ``node_modules`` copy (installed by ``npm ci``)."""
    local = ROOT / "node_modules" / ".bin" / "redocly"
    if not local.is_file():
        raise DocsError(
            f"Redocly's CLI is not installed ({display_path(local)} is missing): run `make node`"
        )
    node = shutil.which("node")
    if node is None:
        raise DocsError("Node.js is not installed (`node` is not on PATH)")
    return [node, str(local.resolve())]


def build_html(document: dict[str, Any], name: str, out_dir: Path) -> Path:
    """Render ``<out_dir>/<name>.html`` with ``redocly build-docs`` (scripts and styles inline).

    Redocly's output has been checked to be byte-identical on reruns (no timestamps, no random
    ids); the page title is the spec's own. The bundled document is written to a temporary
    folder so that no Redocly config file of the working tree changes the output.
    """
    command = redocly_command()
    target = out_dir / f"{name}.html"
    environment = {**os.environ, **REDOCLY_ENV}
    with tempfile.TemporaryDirectory(prefix="specpipe-docs-") as tmp:
        source = Path(tmp) / f"{name}.yaml"
        source.write_text(dump_bundle(document), encoding="utf-8")
        output = Path(tmp) / f"{name}.html"
        try:
            result = subprocess.run(
                [
                    *command,
                    "build-docs",
                    source.name,
                    "--inlineBundle",
                    "--lint-config",
                    "off",
                    "--output",
                    output.name,
                ],
                cwd=tmp,
                env=environment,
                capture_output=True,
                text=True,
                timeout=REDOCLY_TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise DocsError(f"redocly build-docs timed out after {REDOCLY_TIMEOUT}s") from None
        except OSError as exc:
            raise DocsError(f"cannot run redocly: {exc.strerror or exc}") from None
        if result.returncode != 0 or not output.is_file():
            lines = [ln.strip() for ln in (result.stderr + result.stdout).splitlines()]
            detail = next((ln for ln in reversed(lines) if ln and not ln.startswith("║")), "")
            raise DocsError(f"redocly build-docs failed for {name}: {detail or 'no output'}")
        html = output.read_text(encoding="utf-8")
    changed = write_if_changed(target, html)
    print(f"{'wrote' if changed else 'unchanged'}  {display_path(target)}")
    return target


# command line ----------------------------------------------------------------------------


def cmd_docs(args: argparse.Namespace) -> int:
    from specpipe import cli

    out_dir = Path(args.out)
    failures: list[str] = []

    def docs(name: str, spec: Any) -> None:
        write_markdown(spec.document, name, out_dir)
        if args.markdown_only:
            return
        try:
            build_html(spec.document, name, out_dir)
        except DocsError as exc:
            failures.append(str(exc))
            print(f"specpipe: error: {exc}", file=sys.stderr)

    status = cli._each_valid(args, docs)
    return cli.EXIT_FINDINGS if failures else status


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    docs = commands.add_parser(
        "docs",
        parents=[common],
        help="validate, then write the Markdown and HTML reference of each API",
        description="Write <out>/<api>.md (project templates) and <out>/<api>.html (Redocly, "
        "self-contained). The HTML needs `npm ci` (make node).",
    )
    docs.add_argument("--out", default="generated/docs", help="output folder (generated/docs)")
    docs.add_argument(
        "--markdown-only", action="store_true", help="skip the HTML (no Node.js needed)"
    )
    docs.set_defaults(handler=cmd_docs)
