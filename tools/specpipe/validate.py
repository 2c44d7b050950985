"""Validate a bundled spec: structural validity, then the project's own lint rules.

Structural validity is what every consumer needs before anything else: every `$ref`
resolves and openapi-spec-validator accepts the document. Its findings are always errors.

The lint rules (`LINT_RULES`: tags, summaries, a 4xx on every operation, unused components,
examples that break their schema, ...) each have a level: `error` (the finding stops
`bundle`/`generate` and `validate` exits 1), `warn` (printed, exit 0) or `off` (not checked).
The levels come from the `[lint]` table of the nearest `specpipe.toml` above the spec (see
`loader.find_config`), over a default the caller chooses (`validate_spec(default_level=)`):

    [lint]
    default = "warn"           # every rule not named below
    operation-tags = "off"
    example-valid = "error"

Every finding names the file and line a person wrote, via `LoadedSpec.locate`.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import cache
from typing import Any

from jsonschema.exceptions import SchemaError, UnknownType, ValidationError
from jsonschema_path import SchemaPath
from openapi_spec_validator.shortcuts import get_validator_cls
from openapi_spec_validator.validation.exceptions import (
    OpenAPIValidationError,
    ValidatorDetectError,
)
from openapi_spec_validator.validation.keywords import SchemaValidator as _SchemaKeyword
from referencing.exceptions import Unresolvable

from specpipe.errors import (
    ERROR,
    LEVELS,
    LINT_RULE_NAMES,
    WARNING,
    Finding,
    Location,
    sort_findings,
)
from specpipe.loader import (
    HTTP_METHODS,
    LoadedSpec,
    display_path,
    follow_refs,
    iter_objects,
    iter_operations,
    join_pointer,
    resolve_pointer,
    split_pointer,
)
from specpipe.schemas import SchemaSet
from specpipe.xmlcodec import XmlDecodeError, decode, is_xml_media_type

__all__ = [
    "LEVELS",
    "LINT_RULES",
    "LINT_RULE_NAMES",
    "lint_findings",
    "lint_levels",
    "ref_findings",
    "structural_findings",
    "validate_spec",
]

_TEMPLATE_PARAM = re.compile(r"{([^{}]+)}")
_MAX_MESSAGE = 240

Rule = Callable[[LoadedSpec, "_Walk"], Iterator[Finding]]


def _finding(spec: LoadedSpec, pointer: str, message: str, rule: str) -> Finding:
    location = spec.locate(_canonical(spec.document, pointer))
    # One finding, one line: validators append "Failed validating ... On instance: ..." blocks.
    message = message.strip().split("\n", 1)[0].strip()
    if len(message) > _MAX_MESSAGE:
        message = message[: _MAX_MESSAGE - 3] + "..."
    return Finding(location, message, rule)


def _canonical(document: Any, pointer: str) -> str:
    """`pointer` with every internal `$ref` on its way followed (where a token is missing)."""
    try:
        resolve_pointer(document, pointer)
        return pointer  # no reference on its way
    except (KeyError, ValueError):
        pass
    node = document
    current = ""
    for token in split_pointer(pointer):
        for _ in range(20):
            if isinstance(node, dict) and token not in node and isinstance(node.get("$ref"), str):
                target = node["$ref"]
                if not target.startswith("#"):
                    break
                try:
                    node = resolve_pointer(document, target[1:])
                except KeyError:
                    break
                current = target[1:]
            else:
                break
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return pointer
        current = join_pointer(current, token)
    return current


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


# ------------------------------------------------------------------ openapi-spec-validator


class _IdSet(set[int]):
    """The ids a schema validator has seen, looked up in constant time (the validator keeps
    them in lists, which made checking a spec of n schemas take time in n squared)."""

    append = set.add


def _located_keyword(cls: type[Any]) -> type[Any]:
    """A keyword validator whose errors carry the pointer of the node they are about."""

    def __call__(self: Any, *args: Any, **kwargs: Any) -> Iterator[ValidationError]:
        base = next((a for a in args if isinstance(a, SchemaPath)), None)
        for error in cls.__call__(self, *args, **kwargs):
            if not isinstance(error, OpenAPIValidationError):
                error = OpenAPIValidationError.create_from(error)
            if base is not None and not hasattr(error, "specpipe_parts"):
                setattr(error, "specpipe_parts", [*base.parts, *error.absolute_path])  # noqa: B010
            yield error

    members: dict[str, Any] = {"__call__": __call__}
    if issubclass(cls, _SchemaKeyword):

        def __init__(self: Any, registry: Any) -> None:
            cls.__init__(self, registry)
            for name in ("visited_schema_ids", "meta_checked_schema_ids"):
                if isinstance(getattr(self, name, None), list):
                    setattr(self, name, _IdSet(getattr(self, name)))

        def _validate_schema_meta(self: Any, schema: Any, schema_value: Any) -> Any:
            if _meets_dialect(self, schema, schema_value):
                return None
            return cls._validate_schema_meta(self, schema, schema_value)

        members["__init__"] = __init__
        if hasattr(cls, "_validate_schema_meta"):
            members["_validate_schema_meta"] = _validate_schema_meta
    return type(cls.__name__, (cls,), members)


@cache
def _dialect_gates() -> dict[str, Any]:
    """Each schema dialect's meta-schema compiled by jsonschema-rs, for the check that
    openapi-spec-validator makes of every schema of a document with jsonschema (half of its
    time on a large spec): OpenAPI 3.1's base dialect (draft 2020-12 and the OAS vocabulary,
    as `check_openapi_schema` reads it) and OpenAPI 3.0's (draft 4). A schema a compiled
    meta-schema accepts is one jsonschema accepts too: the same meta-schemas, `pattern` and
    formats judged by the same functions (`schemas.compile_like`); on every component schema
    of the corpus specs and on broken ones the two agree (`tests/test_validate.py`). What it
    rejects is checked by jsonschema, which words the finding."""
    from jsonschema.validators import Draft4Validator, Draft202012Validator, validator_for
    from openapi_schema_validator import (
        OAS31_BASE_DIALECT_ID,
        OAS30Validator,
        oas30_format_checker,
        oas31_format_checker,
    )

    from specpipe.schemas import compile_like, fast_registry

    gates: dict[str, Any] = {}
    python4 = Draft4Validator({}, format_checker=oas30_format_checker)
    draft4 = compile_like(OAS30Validator.META_SCHEMA, python4)
    if draft4 is not None and OAS30Validator.FORMAT_CHECKER is oas30_format_checker:
        gates["3.0"] = draft4
    try:
        from openapi_schema_validator._specifications import REGISTRY

        meta = validator_for({"$schema": OAS31_BASE_DIALECT_ID}).META_SCHEMA
        resources = [(OAS31_BASE_DIALECT_ID, meta)]
        for member in meta.get("allOf", ()):
            uri = member.get("$ref", "") if isinstance(member, dict) else ""
            if uri.startswith("https://spec.openapis.org/"):
                resources.append((uri, REGISTRY.contents(uri)))
    except Exception:  # another layout of the library: jsonschema alone checks 3.1
        return gates
    python = Draft202012Validator({}, format_checker=oas31_format_checker)
    compiled = compile_like(meta, python, fast_registry(resources))
    if compiled is not None:
        gates[OAS31_BASE_DIALECT_ID] = compiled
    return gates


def _meets_dialect(keyword: Any, schema: Any, schema_value: Any) -> bool:
    """Whether the compiled meta-schema of the dialect jsonschema would check `schema_value`
    against accepts it (a dialect without one, or a value it cannot read: jsonschema's)."""
    from openapi_schema_validator import OAS30Validator
    from openapi_spec_validator.validation.keywords import OpenAPIV30SchemaValidator

    from specpipe.schemas import plain_json

    if not plain_json(schema_value):
        return False
    gates = _dialect_gates()
    try:
        if isinstance(keyword, OpenAPIV30SchemaValidator):
            gate = gates.get("3.0") if keyword.schema_validator_cls is OAS30Validator else None
        else:
            dialect = getattr(keyword, "_get_schema_dialect_id", None)
            gate = gates.get(dialect(schema, schema_value)) if dialect is not None else None
        return gate is not None and bool(gate.is_valid(schema_value))
    except Exception:  # jsonschema decides
        return False


def _spec_validator(spec: LoadedSpec) -> Iterator[Finding]:
    document = spec.document
    try:
        base_cls = get_validator_cls(document)
    except (ValidatorDetectError, KeyError):
        yield _finding(spec, "", "not an OpenAPI 3.0/3.1 document (no `openapi` field)", "oas")
        return
    located = {name: _located_keyword(kw) for name, kw in base_cls.keyword_validators.items()}
    validator_cls = type("LocatedValidator", (base_cls,), {"keyword_validators": located})
    try:
        for error in validator_cls(document).iter_errors():
            parts = getattr(error, "specpipe_parts", None)
            if parts is None:
                parts = list(error.absolute_path)
            pointer = "".join(join_pointer("", part) for part in parts)
            yield _finding(spec, pointer, str(error.message), "oas")
    except Unresolvable as exc:
        yield _finding(spec, "", f"cannot resolve a reference: {exc}", "ref-resolves")


# ------------------------------------------------------------------ lint rules


def rule_ref_resolves(spec: LoadedSpec, walk: _Walk) -> Iterator[Finding]:
    if spec.ref_findings:
        yield from spec.ref_findings
        return
    # the loader checks every reference it follows; this is a safety net for the bundle
    for pointer, ref in spec.refs:
        if not ref.startswith("#"):
            yield _finding(
                spec, join_pointer(pointer, "$ref"), f"$ref {ref!r} is not bundled", "ref-resolves"
            )
            continue
        try:
            resolve_pointer(spec.document, ref[1:])
        except (KeyError, ValueError):
            yield _finding(
                spec,
                join_pointer(pointer, "$ref"),
                f"$ref {ref!r} does not resolve",
                "ref-resolves",
            )


def rule_operation_ids(spec: LoadedSpec, walk: _Walk) -> Iterator[Finding]:
    seen: dict[str, str] = {}
    for template, method, operation, pointer in iter_operations(spec.document):
        op_id = operation.get("operationId")
        if not isinstance(op_id, str) or not op_id:
            yield _finding(
                spec,
                pointer,
                f"{method.upper()} {template} has no operationId",
                "operation-id-present",
            )
            continue
        if op_id in seen:
            first = spec.locate(seen[op_id])
            yield _finding(
                spec,
                join_pointer(pointer, "operationId"),
                f"operationId {op_id!r} is already used at {first}",
                "operation-id-unique",
            )
        else:
            seen[op_id] = join_pointer(pointer, "operationId")


def rule_operation_summary(spec: LoadedSpec, walk: _Walk) -> Iterator[Finding]:
    for template, method, operation, pointer in iter_operations(spec.document):
        summary = operation.get("summary")
        if not isinstance(summary, str) or not summary.strip():
            yield _finding(
                spec, pointer, f"{method.upper()} {template} has no summary", "operation-summary"
            )


def rule_operation_tags(spec: LoadedSpec, walk: _Walk) -> Iterator[Finding]:
    declared = {t.get("name") for t in spec.document.get("tags") or [] if isinstance(t, dict)}
    for template, method, operation, pointer in iter_operations(spec.document):
        tags = operation.get("tags")
        if not isinstance(tags, list) or not tags:
            yield _finding(
                spec, pointer, f"{method.upper()} {template} has no tags", "operation-tags"
            )
            continue
        for index, tag in enumerate(tags):
            if tag not in declared:
                yield _finding(
                    spec,
                    join_pointer(join_pointer(pointer, "tags"), index),
                    f"tag {tag!r} is not declared in the top-level tags",
                    "operation-tags",
                )


def _status_rule(prefix: str, rule: str) -> Rule:
    def check(spec: LoadedSpec, walk: _Walk) -> Iterator[Finding]:
        for template, method, operation, pointer in iter_operations(spec.document):
            codes = [str(code).upper() for code in _dict(operation.get("responses"))]
            if not any(len(code) == 3 and code.startswith(prefix) for code in codes):
                yield _finding(
                    spec,
                    join_pointer(pointer, "responses") if "responses" in operation else pointer,
                    f"{method.upper()} {template} documents no {prefix}xx response",
                    rule,
                )

    check.__name__ = f"rule_{rule.replace('-', '_')}"
    return check


def _path_params(spec: LoadedSpec, params: Any, pointer: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for index, param in enumerate(params if isinstance(params, list) else []):
        param, _ = follow_refs(spec.document, param, join_pointer(pointer, index))
        if (
            isinstance(param, dict)
            and param.get("in") == "path"
            and isinstance(param.get("name"), str)
        ):
            found[param["name"]] = join_pointer(pointer, index)
    return found


def rule_path_params(spec: LoadedSpec, walk: _Walk) -> Iterator[Finding]:
    document = spec.document
    for template, item in _dict(document.get("paths")).items():
        item, item_ptr = follow_refs(document, item, join_pointer("/paths", template))
        item = _dict(item)
        in_template = _TEMPLATE_PARAM.findall(template)
        shared = _path_params(spec, item.get("parameters"), join_pointer(item_ptr, "parameters"))
        operations = [(m, item[m]) for m in HTTP_METHODS if isinstance(item.get(m), dict)]
        for method, operation in operations:
            op_ptr = join_pointer(item_ptr, method)
            own = _path_params(
                spec, operation.get("parameters"), join_pointer(op_ptr, "parameters")
            )
            declared = {**shared, **own}
            for name in in_template:
                if name not in declared:
                    yield _finding(
                        spec,
                        op_ptr,
                        f"{method.upper()} {template}: path parameter {{{name}}} is not declared",
                        "path-params",
                    )
            for name, param_ptr in own.items():
                if name not in in_template:
                    yield _finding(
                        spec,
                        param_ptr,
                        f"path parameter {name!r} does not appear in {template}",
                        "path-params",
                    )
        for name, param_ptr in shared.items():
            if name not in in_template:
                yield _finding(
                    spec,
                    param_ptr,
                    f"path parameter {name!r} does not appear in {template}",
                    "path-params",
                )


def rule_security_schemes(spec: LoadedSpec, walk: _Walk) -> Iterator[Finding]:
    defined = _dict(_dict(spec.document.get("components")).get("securitySchemes"))
    for pointer, requirement in _security_requirements(spec.document):
        for name in requirement:
            if name not in defined:
                yield _finding(
                    spec,
                    pointer,
                    f"security scheme {name!r} is not defined in components/securitySchemes",
                    "security-scheme-defined",
                )


def _security_requirements(document: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    sources: list[tuple[str, Any]] = [("/security", document.get("security"))]
    for _, _, operation, pointer in iter_operations(document):
        sources.append((join_pointer(pointer, "security"), operation.get("security")))
    for pointer, requirements in sources:
        for index, requirement in enumerate(requirements if isinstance(requirements, list) else []):
            if isinstance(requirement, dict):
                yield join_pointer(pointer, index), requirement


_COMPONENT_KINDS = (
    "schemas",
    "parameters",
    "responses",
    "requestBodies",
    "headers",
    "examples",
    "links",
    "callbacks",
    "pathItems",
)


def rule_component_unused(spec: LoadedSpec, walk: _Walk) -> Iterator[Finding]:
    components = _dict(spec.document.get("components"))
    used: set[str] = set()  # the components (/components/<kind>/<name>) referenced
    for holder, ref in spec.refs:
        if ref.startswith("#/components/"):
            target = ref[1:]
            # a component that only refers to itself is still unused
            if not holder.startswith(target + "/") and holder != target:
                used.add("/".join(target.split("/", 4)[:4]))
    for kind in _COMPONENT_KINDS:
        for name in _dict(components.get(kind)):
            pointer = join_pointer(join_pointer("/components", kind), name)
            if pointer not in used:
                yield _finding(
                    spec,
                    pointer,
                    f"components/{kind}/{name} is never referenced",
                    "component-unused",
                )
    named = {
        name for _, requirement in _security_requirements(spec.document) for name in requirement
    }
    for name in _dict(components.get("securitySchemes")):
        if name not in named:
            pointer = join_pointer("/components/securitySchemes", name)
            yield _finding(
                spec,
                pointer,
                f"security scheme {name!r} is not used by any security requirement",
                "component-unused",
            )


def rule_link_target(spec: LoadedSpec, walk: _Walk) -> Iterator[Finding]:
    document = spec.document
    op_ids = {op.get("operationId") for _, _, op, _ in iter_operations(document)}
    links: list[tuple[str, Any]] = []
    responses: list[tuple[str, Any]] = [
        (join_pointer("/components/responses", name), response)
        for name, response in _dict(_dict(document.get("components")).get("responses")).items()
    ]
    for _, _, operation, pointer in iter_operations(document):
        for code, response in _dict(operation.get("responses")).items():
            responses.append((join_pointer(join_pointer(pointer, "responses"), code), response))
    for pointer, response in responses:
        response, pointer = follow_refs(document, response, pointer)
        for name, link in _dict(_dict(response).get("links")).items():
            links.append((join_pointer(join_pointer(pointer, "links"), name), link))
    for name, link in _dict(_dict(document.get("components")).get("links")).items():
        links.append((join_pointer("/components/links", name), link))
    seen: set[str] = set()
    for pointer, link in links:
        link, link_ptr = follow_refs(document, link, pointer)
        if link_ptr in seen:
            continue
        seen.add(link_ptr)
        op_id = _dict(link).get("operationId")
        if op_id is not None and op_id not in op_ids:
            yield _finding(
                spec,
                join_pointer(link_ptr, "operationId"),
                f"link names operationId {op_id!r}, which no operation has",
                "link-target",
            )


# ------------------------------------------------------------------ schema walking

_SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
_SCHEMA_SINGLE = (
    "items",
    "not",
    "if",
    "then",
    "else",
    "additionalProperties",
    "contains",
    "propertyNames",
    "unevaluatedItems",
    "unevaluatedProperties",
    "additionalItems",
)


def _walk_schema(schema: Any, pointer: str) -> Iterator[tuple[dict[str, Any], str]]:
    if not isinstance(schema, dict):
        return
    yield schema, pointer
    for key in _SCHEMA_MAPS:
        for name, sub in _dict(schema.get(key)).items():
            yield from _walk_schema(sub, join_pointer(join_pointer(pointer, key), name))
    for key in _SCHEMA_LISTS:
        subs = schema.get(key)
        for index, sub in enumerate(subs if isinstance(subs, list) else []):
            yield from _walk_schema(sub, join_pointer(join_pointer(pointer, key), index))
    for key in _SCHEMA_SINGLE:
        sub = schema.get(key)
        if isinstance(sub, list):  # OpenAPI 3.0 / draft 4 tuple items
            for index, item in enumerate(sub):
                yield from _walk_schema(item, join_pointer(join_pointer(pointer, key), index))
        else:
            yield from _walk_schema(sub, join_pointer(pointer, key))


class _Walk:
    """The schemas of a document, and the objects that pair a `schema` with examples (media
    types, parameters, headers): found once, for the rules that need them."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self._nodes: list[tuple[str, dict[str, Any], str]] | None = None

    @property
    def nodes(self) -> list[tuple[str, dict[str, Any], str]]:
        """('schema', schema, ptr) for every schema and ('holder', obj, ptr) for every holder."""
        if self._nodes is None:
            self._nodes = list(self._walk())
        return self._nodes

    def _walk(self) -> Iterator[tuple[str, dict[str, Any], str]]:
        for node, pointer in iter_objects(self.document, extensions=False):
            schema = node.get("schema")
            if isinstance(schema, dict):
                yield "holder", node, pointer
                for sub, sub_ptr in _walk_schema(schema, join_pointer(pointer, "schema")):
                    yield "schema", sub, sub_ptr
        components = _dict(self.document.get("components"))
        for name, schema in _dict(components.get("schemas")).items():
            for sub, sub_ptr in _walk_schema(schema, join_pointer("/components/schemas", name)):
                yield "schema", sub, sub_ptr


_ASSERTION_KEYWORDS = {"if", "then", "else", "not", "anyOf", "oneOf", "allOf", "dependentSchemas"}


def rule_required_declared(spec: LoadedSpec, walk: _Walk) -> Iterator[Finding]:
    document = spec.document
    for kind, schema, pointer in walk.nodes:
        if (
            kind != "schema"
            or "properties" not in schema
            or not isinstance(schema.get("required"), list)
        ):
            continue
        if any(
            k in schema
            for k in ("patternProperties", "anyOf", "oneOf", "$ref", "if", "dependentSchemas")
        ):
            continue
        if _ASSERTION_KEYWORDS & set(split_pointer(pointer)):
            # conditions and alternatives assert about properties of the enclosing schema
            continue
        extra = schema.get("additionalProperties", False)
        if extra is not False or schema.get("unevaluatedProperties", False) is not False:
            continue
        names = set(_dict(schema.get("properties")))
        for part in schema.get("allOf") or []:
            part, _ = follow_refs(document, part, pointer)
            names |= set(_dict(_dict(part).get("properties")))
            if _dict(part).get("additionalProperties", False) is not False:
                names = set()
                break
        else:
            for index, name in enumerate(schema["required"]):
                if name not in names:
                    yield _finding(
                        spec,
                        join_pointer(join_pointer(pointer, "required"), index),
                        f"required property {name!r} is not declared in properties",
                        "required-declared",
                    )


# ------------------------------------------------------------------ examples


class _ExampleChecker:
    def __init__(self, spec: LoadedSpec) -> None:
        self.spec = spec
        self.schemas = SchemaSet(spec.document)

    def resolve(self, ref: str) -> dict[str, Any]:
        try:
            return self.schemas.resolve(ref)
        except KeyError as exc:
            raise XmlDecodeError(str(exc.args[0])) from None

    def check(
        self, value: Any, schema: Any, schema_ptr: str, example_ptr: str, label: str, xml: bool
    ) -> Iterator[Finding]:
        if xml:
            if not isinstance(value, str):
                yield _finding(
                    self.spec,
                    example_ptr,
                    f"{label}: an XML example must be a string",
                    "example-valid",
                )
                return
            try:
                value = decode(value, _dict(schema), self.resolve)
            except XmlDecodeError as exc:
                yield _finding(self.spec, example_ptr, f"{label}: {exc}", "example-valid")
                return
        try:
            errors = self.schemas.iter_errors(value, _canonical(self.spec.document, schema_ptr))
        except (UnknownType, SchemaError):
            return  # a malformed schema is reported by the OpenAPI validator
        except Unresolvable as exc:
            yield _finding(
                self.spec,
                schema_ptr,
                f"{label}: schema reference does not resolve: {exc}",
                "example-valid",
            )
            return
        except re.error as exc:  # e.g. an ECMAScript `(?<name>...)` group
            yield _finding(
                self.spec,
                example_ptr,
                f"{label} cannot be checked: a pattern of its schema is not a Python regular "
                f"expression ({exc})",
                "example-valid",
            )
            return
        for error in errors:
            path = "".join(f"/{p}" for p in error.absolute_path)
            target = example_ptr
            if not xml:
                for part in error.absolute_path:
                    target = join_pointer(target, part)
            yield _finding(
                self.spec,
                target,
                f"{label} is invalid at {path or '/'}: {error.message}",
                "example-valid",
            )


def _media_type_of(pointer: str) -> str | None:
    tokens = split_pointer(pointer)
    if len(tokens) >= 2 and tokens[-2] == "content":
        return tokens[-1]
    return None


def rule_example_valid(spec: LoadedSpec, walk: _Walk) -> Iterator[Finding]:
    document = spec.document
    checker = _ExampleChecker(spec)
    for kind, node, pointer in walk.nodes:
        if kind == "schema":
            if "example" in node:
                yield from checker.check(
                    node["example"],
                    node,
                    pointer,
                    join_pointer(pointer, "example"),
                    "schema example",
                    False,
                )
            examples = node.get("examples")
            for index, value in enumerate(examples if isinstance(examples, list) else []):
                example_ptr = join_pointer(join_pointer(pointer, "examples"), index)
                yield from checker.check(
                    value, node, pointer, example_ptr, f"schema example {index}", False
                )
            continue
        media_type = _media_type_of(pointer)
        xml = media_type is not None and is_xml_media_type(media_type)
        schema_ptr = join_pointer(pointer, "schema")
        if "example" in node:
            example_ptr = join_pointer(pointer, "example")
            yield from checker.check(
                node["example"], node["schema"], schema_ptr, example_ptr, "example", xml
            )
        for name, entry in _dict(node.get("examples")).items():
            entry_ptr = join_pointer(join_pointer(pointer, "examples"), name)
            entry, target_ptr = follow_refs(document, entry, entry_ptr)
            if isinstance(entry, dict) and "value" in entry:
                value_ptr = join_pointer(target_ptr, "value")
                yield from checker.check(
                    entry["value"], node["schema"], schema_ptr, value_ptr, f"example {name!r}", xml
                )


# each rule and the names of the findings it reports
_RULES: tuple[tuple[Rule, tuple[str, ...]], ...] = (
    (rule_operation_ids, ("operation-id-present", "operation-id-unique")),
    (rule_operation_summary, ("operation-summary",)),
    (rule_operation_tags, ("operation-tags",)),
    (_status_rule("2", "operation-2xx"), ("operation-2xx",)),
    (_status_rule("4", "operation-4xx"), ("operation-4xx",)),
    (rule_path_params, ("path-params",)),
    (rule_example_valid, ("example-valid",)),
    (rule_component_unused, ("component-unused",)),
    (rule_security_schemes, ("security-scheme-defined",)),
    (rule_link_target, ("link-target",)),
    (rule_required_declared, ("required-declared",)),
)
LINT_RULES: tuple[Rule, ...] = tuple(rule for rule, _ in _RULES)
assert tuple(name for _, names in _RULES for name in names) == LINT_RULE_NAMES


# ------------------------------------------------------------------ levels


def lint_levels(
    spec: LoadedSpec, default_level: str = ERROR
) -> tuple[dict[str, str], list[Finding]]:
    """The level of every lint rule for `spec`, and the findings about its `specpipe.toml`
    (a malformed file, an unknown rule or level: errors). `default_level` applies to every rule
    the file does not set (and to all when there is no file)."""
    levels = dict.fromkeys(LINT_RULE_NAMES, default_level)
    if spec.config is None:
        return levels, []
    path = spec.config
    where = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
        config = tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        return levels, [Finding(Location(where, 1, ""), f"cannot read: {reason}", "config")]
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"at line (\d+)", str(exc))
        line = int(match[1]) if match else 1
        return levels, [Finding(Location(where, line, ""), f"not TOML: {exc}", "config")]

    def problem(key: str, message: str) -> Finding:
        lines = text.splitlines()
        line = next((i + 1 for i, t in enumerate(lines) if t.strip().startswith(key)), 1)
        return Finding(Location(where, line, ""), message, "config")

    findings: list[Finding] = []
    for table in config:
        if table != "lint":
            findings.append(problem(f"[{table}", f"unknown table [{table}] (known: [lint])"))
    lint = config.get("lint", {})
    if not isinstance(lint, dict):
        return levels, [*findings, problem("lint", "`lint` must be a table ([lint])")]
    chosen = {**{"default": default_level}, **lint}
    for name, level in chosen.items():
        if name != "default" and name not in levels:
            message = f"unknown lint rule {name!r} (rules: {', '.join(LINT_RULE_NAMES)})"
            findings.append(problem(name, message))
        elif level not in LEVELS:
            message = f"level of {name!r} must be one of {', '.join(LEVELS)}, not {level!r}"
            findings.append(problem(name, message))
    if findings:
        return levels, findings
    for name in levels:
        levels[name] = chosen.get(name, chosen["default"])
    return levels, []


# ------------------------------------------------------------------ entry points


def ref_findings(spec: LoadedSpec) -> list[Finding]:
    """A finding for every `$ref` that does not resolve (the first part of
    `structural_findings`)."""
    return list(rule_ref_resolves(spec, _Walk(spec.document)))


def structural_findings(spec: LoadedSpec) -> list[Finding]:
    """Whether `spec` is a valid OpenAPI document at all: every `$ref` resolves, and
    openapi-spec-validator accepts it. What every consumer (generate, diff) needs first;
    always errors."""
    findings = ref_findings(spec)
    if not findings:
        # the upstream validator cannot cope with dangling references
        findings.extend(_spec_validator(spec))
    return sort_findings(findings)


def lint_findings(spec: LoadedSpec, levels: dict[str, str]) -> list[Finding]:
    """The findings of the lint rules at `levels` (see `lint_levels`): `warn` ones are
    warnings, `off` rules are not run."""
    walk = _Walk(spec.document)
    findings: list[Finding] = []
    for rule, names in _RULES:
        if all(levels.get(name, ERROR) == "off" for name in names):
            continue
        for finding in rule(spec, walk):
            level = levels.get(finding.rule, ERROR)
            if level == "warn":
                findings.append(replace(finding, severity=WARNING))
            elif level != "off":
                findings.append(finding)
    return findings


def validate_spec(spec: LoadedSpec, *, default_level: str = ERROR) -> list[Finding]:
    """All findings about `spec` (structural ones, then the lint rules at their levels over
    `default_level`), sorted by file, line and rule; no error among them means valid."""
    levels, findings = lint_levels(spec, default_level)
    findings.extend(structural_findings(spec))
    findings.extend(lint_findings(spec, levels))
    return sort_findings(findings)
