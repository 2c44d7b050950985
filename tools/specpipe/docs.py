"""Reference docs: a Markdown reference from the project's templates, and a static HTML page.

The Markdown reference (``<out>/<api>.md``) is built here from the intermediate representation
(:mod:`specpipe.ir`, the one the client generators render from): this module prepares a view
model (plain dataclasses with every value already formatted) and the templates under
``templates/docs/`` only lay it out. The HTML reference (``<out>/<api>.html``)
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

from specpipe import escape, ir
from specpipe.bundle import dump_bundle, write_if_changed
from specpipe.escape import Code
from specpipe.ir import Kind, SchemaKind
from specpipe.loader import display_path
from specpipe.rules import describe

__all__ = [
    "ApiView",
    "DocsError",
    "api_view",
    "build_api_view",
    "build_html",
    "redocly_command",
    "register",
    "render_markdown",
    "with_code_samples",
    "write_markdown",
]

ROOT = Path(__file__).resolve().parents[2]
# Redocly must not phone home: no telemetry, no update check, no notifications.
REDOCLY_ENV = {
    "REDOCLY_TELEMETRY": "off",
    "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true",
    "REDOCLY_SUPPRESS_NOTIFICATIONS": "true",
    "NO_COLOR": "1",
}
REDOCLY_TIMEOUT = 300


class DocsError(ir.GenerationError):
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
    anchor: str
    words: str  # the rule in words


@dataclass(frozen=True)
class ExampleView:
    name: str
    summary: str
    language: str
    text: str


@dataclass(frozen=True)
class MediaView:
    media_type: str  # as inline code
    media_html: str  # inside an HTML element
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
    operation_id: str  # for a heading
    operation_code: str  # as inline code
    method: str
    path: str  # method and path, as inline code
    path_code: str  # the path alone, as inline code
    anchor: str
    summary: str
    description: str
    deprecated: bool
    security: list[str]
    parameters: list[FieldView]
    request: BodyView | None
    responses: list[ResponseView]
    rules: list[str]  # the cross-field rules its request body must meet, in words, linked


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
    examples: list[ExampleView]


@dataclass(frozen=True)
class ServerView:
    url: str
    description: str
    variables: list[str]  # one line per variable


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


# formatting helpers: every piece of spec text goes through specpipe.escape ----------------


def _one_line(text: Any) -> Code:
    """Prose for a table cell or a one-line place: Markdown kept, raw HTML and ``|`` not."""
    return escape.markdown.cell("" if text is None else str(text))


def _block(text: Any) -> Code:
    """Prose for a paragraph of its own (descriptions are CommonMark in OpenAPI)."""
    return escape.markdown.text(str(text).strip() if text else "")


def _code(text: Any) -> Code:
    return escape.markdown.code(str(text))


def _literal(value: Any) -> Code:
    return _code(json.dumps(value, ensure_ascii=False))


def _joined(*notes: str) -> Code:
    return Code("; ".join(note for note in notes if note))


def _anchor(*parts: str) -> str:
    slug = "-".join(parts).lower()
    return re.sub(r"[^a-z0-9]+", "-", slug).strip("-") or "x"


# view model from the intermediate representation -----------------------------------------

_CONSTRAINT_TEXT = (
    ("min_length", "min length"),
    ("max_length", "max length"),
    ("min_items", "min items"),
    ("max_items", "max items"),
    ("minimum", "≥"),
    ("exclusive_minimum", ">"),
    ("maximum", "≤"),
    ("exclusive_maximum", "<"),
    ("multiple_of", "multiple of"),
)
_LOCATION_ORDER = {"path": 0, "query": 1, "header": 2, "cookie": 3}


def _nullable(api: ir.Api, kind: ir.Type) -> bool:
    """Whether ``null`` is a value of ``kind`` (aliases followed), for a typed value."""
    concrete = api.concrete(kind)
    return concrete.nullable and concrete.kind not in (Kind.ANY, Kind.NULL)


def _type_text(api: ir.Api, kind: ir.Type, depth: int = 0) -> Code:
    if depth > 8:
        text = "…"
    elif kind.kind is Kind.REF and kind.ref is not None:
        text = f"[{escape.markdown.inline(kind.ref)}](#{_anchor('schema', kind.ref)})"
    elif kind.kind is Kind.ARRAY:
        text = "array of " + _type_text(api, kind.items or ir.Type(Kind.ANY), depth + 1)
    elif kind.kind is Kind.MAP:
        text = "object"
    elif kind.kind is Kind.UNION:
        text = " \\| ".join(
            _type_text(api, v.with_nullable(False), depth + 1) for v in kind.variants
        )
    else:
        shown = f" ({escape.markdown.inline(kind.format)})" if kind.format else ""
        text = kind.kind.value + shown
    return Code(text + (" \\| null" if _nullable(api, kind) else ""))


def _constraints(
    api: ir.Api,
    kind: ir.Type,
    has_default: bool = False,
    default: Any = None,
    read_only: bool = False,
    write_only: bool = False,
    deprecated: bool = False,
) -> str:
    """The constraints on a value of ``kind`` (those of a named alias or enum included)."""
    concrete = api.concrete(kind)
    enum = concrete.enum
    if concrete.kind is Kind.REF and concrete.ref is not None:
        target = api.schema(concrete.ref)
        enum = target.enum_values if target.kind is SchemaKind.ENUM else None
    found = ["nullable"] if concrete.nullable and concrete.kind is not Kind.ANY else []
    if enum is not None:
        found.append("one of " + ", ".join(_literal(v) for v in enum))
    limits = concrete.constraints
    for attribute, text in _CONSTRAINT_TEXT:
        if getattr(limits, attribute) is not None:
            found.append(f"{text} {getattr(limits, attribute)}")
    if limits.unique_items:
        found.append("unique items")
    if limits.pattern is not None:
        found.append(f"pattern {_code(limits.pattern)}")
    if has_default:
        found.append(f"default {_literal(default)}")
    for flag, text in ((read_only, "read-only"), (write_only, "write-only")):
        if flag:
            found.append(text)
    if deprecated:
        found.append("deprecated")
    return _joined(*found)


def _ref_description(api: ir.Api, kind: ir.Type) -> str:
    return api.schema(kind.ref).description if kind.kind is Kind.REF and kind.ref else ""


def _parameter_field(api: ir.Api, parameter: ir.Parameter, name: str) -> FieldView:
    notes = _joined(
        "deprecated" if parameter.deprecated else "",
        _constraints(api, parameter.type, parameter.has_default, parameter.default),
        *(f"example {_literal(value)}" for value in parameter.examples.values()),
    )
    description = parameter.description or _ref_description(api, parameter.type)
    kind = _type_text(api, parameter.type)
    return FieldView(_code(name), kind, parameter.required, notes, _one_line(description))


def _property_field(api: ir.Api, prop: ir.Property) -> FieldView:
    notes = _constraints(
        api,
        prop.type,
        prop.has_default,
        prop.default,
        prop.read_only,
        prop.write_only,
        prop.deprecated,
    )
    return FieldView(
        _code(prop.wire_name),
        _type_text(api, prop.type),
        prop.required,
        notes,
        _one_line(prop.description),
    )


def _example_view(name: str, summary: str, value: Any, textual: bool) -> ExampleView:
    """An example as a code block: a string of a non-JSON media type as written, else JSON."""
    if isinstance(value, str) and textual:
        language, text = ("xml" if value.lstrip().startswith("<") else "text"), value.strip()
    else:
        language, text = "json", json.dumps(value, indent=2, ensure_ascii=False)
    return ExampleView(
        escape.markdown.html(name),
        escape.markdown.html(summary),
        language,
        escape.markdown.block(text, language),
    )


def _media_views(api: ir.Api, media_types: tuple[ir.MediaType, ...]) -> list[MediaView]:
    return [
        MediaView(
            _code(media.name),
            escape.markdown.html(media.name),
            _type_text(api, media.type) if media.type is not None else Code("—"),
            [
                _example_view(name, media.summaries.get(name, ""), value, not media.is_json)
                for name, value in media.examples.items()
            ],
        )
        for media in media_types
    ]


def _security_text(
    requirements: tuple[tuple[str, ...], ...], scopes: tuple[tuple[tuple[str, ...], ...], ...]
) -> list[str]:
    """One line per alternative; ``scopes`` is aligned with ``requirements`` (see ``ir``)."""
    texts: list[str] = []
    for requirement, needed in zip(requirements, scopes, strict=True):
        parts = [
            f"{_code(scheme)} ({', '.join(_code(s) for s in scheme_scopes)})"
            if scheme_scopes
            else _code(scheme)
            for scheme, scheme_scopes in zip(requirement, needed, strict=True)
        ]
        texts.append(Code(" and ".join(parts) or "none (anonymous access allowed)"))
    return texts


def _scheme_kind(scheme: ir.SecurityScheme) -> Code:
    if scheme.type == "apiKey":
        where = escape.markdown.inline(scheme.location or "?")
        return Code(f"API key in {where} {_code(scheme.parameter_name or '?')}")
    if scheme.type == "http":
        extra = f", {escape.markdown.inline(scheme.bearer_format)}" if scheme.bearer_format else ""
        return Code(f"HTTP {escape.markdown.inline(scheme.scheme or '?')}{extra}")
    return escape.markdown.inline(scheme.type)


def _rule_schemas(api: ir.Api, kind: ir.Type | None) -> list[ir.Schema]:
    """The object schemas with rules that a body of ``kind`` is (or holds as items)."""
    found: list[ir.Schema] = []
    if kind is None:
        return found
    concrete = api.concrete(kind)
    if concrete.kind is Kind.ARRAY and concrete.items is not None:
        return _rule_schemas(api, concrete.items)
    if concrete.kind is Kind.REF and concrete.ref is not None:
        schema = api.schema(concrete.ref)
        if schema.rules:
            found.append(schema)
    return found


def _operation_rules(api: ir.Api, operation: ir.Operation) -> list[str]:
    """The rules a request body must meet, in words, each linked to its schema's list."""
    if operation.body is None:
        return []
    schemas: dict[str, ir.Schema] = {}
    for media in operation.body.media_types:
        for schema in _rule_schemas(api, media.type):
            schemas.setdefault(schema.name, schema)
    lines: list[str] = []
    for schema in schemas.values():
        for index, rule in enumerate(schema.rules, 1):
            words = describe(rule.schema, api.resolve, escape.markdown.code)
            link = f"[{escape.markdown.inline(schema.name)} rule {index}]"
            lines.append(
                Code(f"{_one_line(rule.message)} ({words}; {link}(#{_rule_anchor(schema, index)}))")
            )
    return lines


def _rule_anchor(schema: ir.Schema, index: int) -> str:
    return _anchor("rule", schema.name, str(index))


def _operation_view(api: ir.Api, operation: ir.Operation) -> OperationView:
    parameters = sorted(
        operation.parameters,
        key=lambda p: (_LOCATION_ORDER.get(p.location, 9), p.wire_name),
    )
    request = None
    if operation.body is not None:
        request = BodyView(
            operation.body.required,
            _block(operation.body.description),
            _media_views(api, operation.body.media_types),
        )
    return OperationView(
        operation_id=escape.markdown.inline(operation.operation_id),
        operation_code=_code(operation.operation_id),
        method=operation.method.upper(),
        path=_code(f"{operation.method.upper()} {operation.path}"),
        path_code=_code(operation.path),
        anchor=_anchor("operation", operation.operation_id),
        summary=_one_line(operation.summary),
        description=_block(operation.description),
        deprecated=operation.deprecated,
        security=_security_text(operation.security, operation.security_scopes),
        parameters=[_parameter_field(api, p, f"{p.wire_name} ({p.location})") for p in parameters],
        rules=_operation_rules(api, operation),
        request=request,
        responses=[
            ResponseView(
                escape.markdown.inline(response.status),
                _one_line(response.description),
                [_parameter_field(api, header, header.wire_name) for header in response.headers],
                _media_views(api, response.media_types),
            )
            for response in operation.responses
        ],
    )


def _schema_view(api: ir.Api, schema: ir.Schema) -> SchemaView:
    flags: tuple[bool, Any, bool, bool, bool] = (
        schema.has_default,
        schema.default,
        schema.read_only,
        schema.write_only,
        schema.deprecated,
    )
    if schema.kind is SchemaKind.OBJECT:
        kind, constraints = "object", _constraints(api, ir.Type(Kind.ANY), *flags)
    elif schema.kind is SchemaKind.ENUM:
        values = ir.Type(schema.enum_type, enum=schema.enum_values)
        kind, constraints = schema.enum_type.value, _constraints(api, values, *flags)
    else:
        alias = schema.alias_of or ir.Type(Kind.ANY)
        kind, constraints = _type_text(api, alias), _constraints(api, alias, *flags)
    return SchemaView(
        name=escape.markdown.inline(schema.name),
        anchor=_anchor("schema", schema.name),
        title=_one_line(schema.title),
        description=_block(schema.description),
        type=kind,
        constraints=constraints,
        properties=[_property_field(api, prop) for prop in schema.properties],
        rules=[
            RuleView(
                _one_line(rule.message),
                _code(rule.pointer),
                _code(
                    json.dumps(
                        {k: v for k, v in rule.schema.items() if k != "description"},
                        ensure_ascii=False,
                        sort_keys=True,
                    )
                ),
                _rule_anchor(schema, index),
                Code(describe(rule.schema, api.resolve, escape.markdown.code)),
            )
            for index, rule in enumerate(schema.rules, 1)
        ],
        examples=[_example_view("", "", value, False) for value in schema.examples],
    )


def _server_view(server: ir.Server) -> ServerView:
    variables: list[str] = []
    for name, variable in server.variables.items():
        variable = variable if isinstance(variable, dict) else {}
        notes = _joined(
            f"default {_literal(variable['default'])}" if "default" in variable else "",
            "one of " + ", ".join(_literal(v) for v in variable["enum"])
            if isinstance(variable.get("enum"), list)
            else "",
        )
        description = _one_line(variable.get("description"))
        variables.append(Code(_code(name) + (f" ({notes})" if notes else "") + f": {description}"))
    return ServerView(_code(server.url), _one_line(server.description), variables)


def api_view(api: ir.Api) -> ApiView:
    """The view model of one API, for ``templates/docs/api.md.j2``."""
    named = {schema.name: schema for schema in (*api.schemas, *api.rules_only)}
    order = [name for name in api.component_order if name in named]
    order += [schema.name for schema in api.schemas if schema.name not in order]
    return ApiView(
        name=api.name,
        title=escape.markdown.inline(api.title or api.name),
        version=escape.markdown.inline(api.version),
        summary=_one_line(api.summary),
        description=_block(api.description),
        servers=[_server_view(server) for server in api.servers],
        security=_security_text(api.security, api.security_scopes),
        schemes=[
            SchemeView(_code(scheme.name), _scheme_kind(scheme), _one_line(scheme.description))
            for scheme in api.security_schemes
        ],
        operations=[_operation_view(api, operation) for operation in api.operations],
        schemas=[_schema_view(api, named[name]) for name in order],
    )


def build_api_view(document: dict[str, Any], name: str) -> ApiView:
    """The view model of one bundled document, for ``templates/docs/api.md.j2``."""
    try:
        return api_view(ir.build(name, document))
    except ir.IRError as exc:
        raise DocsError(f"cannot document {name}: {exc}") from None


# rendering -------------------------------------------------------------------------------


def render_markdown(document: dict[str, Any], name: str, api: ir.Api | None = None) -> str:
    """The Markdown reference of one bundled document (deterministic, final newline).

    ``api`` is the document's representation when the caller has built it already.
    """
    from specpipe.render import render

    view = api_view(api) if api is not None else build_api_view(document, name)
    text = render("docs", "api.md.j2", api=view)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.rstrip("\n") + "\n"


def write_markdown(
    document: dict[str, Any], name: str, out_dir: Path, api: ir.Api | None = None
) -> bool:
    """Write ``<out_dir>/<name>.md``; True when the file changed."""
    return write_if_changed(out_dir / f"{name}.md", render_markdown(document, name, api))


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


def with_code_samples(document: dict[str, Any], api: ir.Api) -> dict[str, Any]:
    """A copy of ``document`` whose operations carry ``x-codeSamples``: the snippet each
    generated SDK's README shows for it (``code_sample`` of each client generator), which
    Redocly renders beside the operation. The document itself is not changed."""
    from specpipe.clients import go, python, typescript  # heavy: only when HTML is built

    samplers = (
        ("Python", python.code_sample),
        ("TypeScript", typescript.code_sample),
        ("Go", go.code_sample),
    )
    paths = {path: dict(item) for path, item in (document.get("paths") or {}).items()}
    for operation in api.operations:
        item = paths.get(operation.path)
        if not isinstance(item, dict) or not isinstance(item.get(operation.method), dict):
            continue
        samples = [
            {"lang": label, "label": label, "source": str(sample(api, operation))}
            for label, sample in samplers
        ]
        item[operation.method] = {**item[operation.method], "x-codeSamples": samples}
    return {**document, "paths": paths}


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
        samples = with_code_samples(document, ir.build(name, document))
        source.write_text(dump_bundle(samples), encoding="utf-8")
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
        try:
            target = out_dir / f"{name}.md"
            changed = write_markdown(spec.document, name, out_dir)
            print(f"{'wrote' if changed else 'unchanged'}  {display_path(target)}")
            if not args.markdown_only:
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
