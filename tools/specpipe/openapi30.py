"""Render a bundled OpenAPI 3.1 document as OpenAPI 3.0.3, for tools that read only 3.0.

The rendering keeps the contract wherever OpenAPI 3.0 has the words for it:

* ``type: [T, 'null']`` is ``type: T, nullable: true``; an ``anyOf``/``oneOf`` of one typed
  schema and ``{type: 'null'}`` is folded the same way; a schema that allows only ``null`` is
  ``{type: object, nullable: true, not: {type: object}}``, and the ``null`` member of a union
  that stays one ``{type: object, nullable: true, enum: [null]}`` (see `_null_only`);
* ``const: v`` is ``enum: [v]``; several types are an ``anyOf`` of one schema per type;
* numeric ``exclusiveMinimum``/``exclusiveMaximum`` become ``minimum``/``maximum`` with the
  boolean flag; schema ``examples`` keep their first value as ``example``;
* a ``$ref`` with sibling keywords is wrapped in ``allOf`` (3.0 ignores a ``$ref``'s siblings);
* ``allOf``/``anyOf``/``oneOf``/``not``/``required`` rules are kept as they are.

What 3.0 cannot say (``if``/``then``/``else``, ``dependentRequired``, ``patternProperties``,
``prefixItems``…) is removed, so the 3.0 schema accepts *more* than the 3.1 one, never less,
and is written in prose: in the description of the schema that held it and in a list in
``info.description``. Under ``not`` a removal would make the schema stricter, so the whole
``not`` goes instead; under ``oneOf`` it could too, so that ``oneOf`` becomes an ``anyOf``.

`render` is a pure function of the document; `write_rendering` writes it beside the 3.1
bundle through `bundle.write_bundle` (deterministic YAML).
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from specpipe.bundle import write_bundle
from specpipe.loader import HTTP_METHODS, join_pointer

__all__ = [
    "RENDERING_SUFFIX",
    "OpenAPI30Error",
    "Rendering",
    "is_rendering",
    "render",
    "rendering_path",
    "write_rendering",
]

VERSION = "3.0.3"
RENDERING_SUFFIX = ".openapi-3.0.yaml"

_ANNOTATIONS = frozenset(
    {"title", "description", "default", "example", "readOnly", "writeOnly", "deprecated"}
    | {"externalDocs", "xml"}
)
# Keywords that constrain only values of one JSON type: they let a value of another type (null
# included) through, so a schema made only of them and one `type` can be made nullable.
_TYPE_KEYWORDS: dict[str, frozenset[str]] = {
    "string": frozenset({"minLength", "maxLength", "pattern", "format"}),
    "number": frozenset(
        {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "format"}
    ),
    "integer": frozenset(
        {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "format"}
    ),
    "array": frozenset({"items", "minItems", "maxItems", "uniqueItems"}),
    "object": frozenset(
        {"properties", "required", "additionalProperties", "minProperties", "maxProperties"}
        | {"discriminator"}
    ),
    "boolean": frozenset(),
}
_NULLABLE_SAFE = frozenset().union(*_TYPE_KEYWORDS.values()) | {"type", "enum", "nullable"}
# Keywords of JSON Schema 2020-12 that OpenAPI 3.0 has no word for, with how to say what is lost.
_UNSUPPORTED = {
    "dependentRequired": "`dependentRequired`",
    "dependentSchemas": "`dependentSchemas`",
    "patternProperties": "`patternProperties`",
    "propertyNames": "`propertyNames`",
    "prefixItems": "`prefixItems`",
    "contains": "`contains`",
    "minContains": "`minContains`",
    "maxContains": "`maxContains`",
    "unevaluatedProperties": "`unevaluatedProperties`",
    "unevaluatedItems": "`unevaluatedItems`",
    "$dynamicRef": "`$dynamicRef`",
    "$defs": "`$defs`",
}
_SILENTLY_DROPPED = frozenset(
    {"$schema", "$id", "$anchor", "$dynamicAnchor", "$comment", "$vocabulary", "nullable"}
    | {"contentMediaType", "contentSchema"}
)
_MAX_RULE_TEXT = 400


class OpenAPI30Error(ValueError):
    """The document cannot be rendered (one line: what and where)."""


@dataclass
class Rendering:
    """The 3.0 document and what of the 3.1 contract it does not enforce."""

    document: dict[str, Any]
    lost: list[tuple[str, str]] = field(default_factory=list)  # (3.1 pointer, what)


def rendering_path(bundle: Path) -> Path:
    """Where the 3.0 rendering of the bundle ``<api>.yaml`` goes: ``<api>.openapi-3.0.yaml``."""
    return bundle.with_name(bundle.stem + RENDERING_SUFFIX)


def is_rendering(path: Path) -> bool:
    """Whether ``path`` is a 3.0 rendering (not a bundle of its own API)."""
    return path.name.endswith(RENDERING_SUFFIX)


def write_rendering(document: dict[str, Any], bundle: Path) -> tuple[Path, bool]:
    """Write the 3.0 rendering of the bundled ``document`` beside ``bundle``; (path, changed)."""
    target = rendering_path(bundle)
    rendering = render(document, source=bundle.name)
    return target, write_bundle(rendering.document, target)


def render(document: dict[str, Any], source: str = "the OpenAPI 3.1 document") -> Rendering:
    """The OpenAPI 3.0.3 rendering of a bundled 3.0 or 3.1 ``document`` (left unchanged)."""
    if str(document.get("openapi", "")).startswith("3.0"):
        return Rendering(copy.deepcopy(document))
    renderer = _Renderer(document)
    try:
        out = renderer.document()
    except RecursionError:
        raise OpenAPI30Error("the document is nested too deeply to render") from None
    info = out.setdefault("info", {})
    info["description"] = _join(info.get("description"), _summary(source, renderer.lost))
    return Rendering(out, renderer.lost)


def _join(first: Any, second: str) -> str:
    text = str(first).rstrip() if isinstance(first, str) and first.strip() else ""
    return f"{text}\n\n{second}" if text else second


def _summary(source: str, lost: list[tuple[str, str]]) -> str:
    head = (
        f"**OpenAPI 3.0 rendering.** This is `{source}` (OpenAPI 3.1) rendered in OpenAPI "
        f"{VERSION} for tools that read only 3.0: `type: 'null'` is folded into `nullable` "
        "(a member that is only ever `null` is `type: object, nullable: true, not: {type: "
        "object}`), `const` is a one-value `enum`, schema `examples` keep their first value "
        "as `example`, and numeric `exclusiveMinimum`/`exclusiveMaximum` are the boolean form."
    )
    if not lost:
        return head + " Nothing of the contract is lost."
    items = "\n".join(f"* `{pointer}`: {what}" for pointer, what in lost)
    return (
        f"{head} OpenAPI 3.0 cannot express the following, so this rendering does not "
        f"enforce it (the OpenAPI 3.1 document does):\n\n{items}"
    )


def _compact(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return text if len(text) <= _MAX_RULE_TEXT else text[: _MAX_RULE_TEXT - 1] + "…"


def _is_null_only(node: Any) -> bool:
    """A 3.1 schema that allows exactly `null` (annotations aside)."""
    if not isinstance(node, dict):
        return False
    rest = {k: v for k, v in node.items() if k not in _ANNOTATIONS and not k.startswith("x-")}
    return rest in ({"type": "null"}, {"type": ["null"]}, {"const": None}, {"enum": [None]})


def _null_only(annotations: dict[str, Any]) -> dict[str, Any]:
    """A schema that allows only `null`. OpenAPI 3.0.3 lets `nullable` act only beside a
    `type`: `type: object, nullable: true` allows objects and `null`, and `not: {type:
    object}` (which `null` passes, the inner schema not being nullable) removes the objects.
    Generators read it as a nullable member. (`enum: [null]` beside the type is exact too,
    but OpenAPI Generator's java generator makes it an enum without constants, which does not
    compile.)"""
    return {**annotations, "type": "object", "nullable": True, "not": {"type": "object"}}


def _null_member(annotations: dict[str, Any]) -> dict[str, Any]:
    """The `null` member of a union kept as a union (`anyOf: [{$ref: X}, null]`): the 3.0
    idiom `{type: object, nullable: true, enum: [null]}`, which OpenAPI Generator folds into a
    nullable X (with the `not` form of `_null_only` it builds a wrapper class instead)."""
    return {**annotations, "type": "object", "nullable": True, "enum": [None]}


def _annotations(node: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in node.items() if k in _ANNOTATIONS or k.startswith("x-")}


def _only_annotations(node: dict[str, Any]) -> bool:
    return all(k in _ANNOTATIONS or k.startswith("x-") for k in node)


class _Renderer:
    def __init__(self, source: dict[str, Any]) -> None:
        self.source = source
        self.lost: list[tuple[str, str]] = []

    def lose(self, pointer: str, what: str) -> None:
        self.lost.append((pointer, what))

    # ------------------------------------------------------------------ document structure

    def document(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        dropped_schemes = self._mutual_tls_schemes()
        for key, value in self.source.items():
            if key == "openapi":
                out[key] = VERSION
            elif key == "info":
                out[key] = self._info(value)
            elif key == "jsonSchemaDialect":
                continue
            elif key == "webhooks":
                if value:
                    self.lose("/webhooks", "webhooks (OpenAPI 3.0 has none); they are left out.")
            elif key == "paths":
                out[key] = self._paths(value, "/paths")
            elif key == "components":
                out[key] = self._components(value, dropped_schemes)
            elif key == "security":
                out[key] = self._security(value, dropped_schemes)
            else:
                out[key] = copy.deepcopy(value)
        if "openapi" not in out:
            out = {"openapi": VERSION, **out}
        out.setdefault("paths", {})
        return out

    def _info(self, info: Any) -> Any:
        if not isinstance(info, dict):
            return copy.deepcopy(info)
        out = {k: copy.deepcopy(v) for k, v in info.items() if k != "summary"}
        summary = info.get("summary")
        if isinstance(summary, str) and summary.strip():
            out["description"] = _join(summary, str(info.get("description") or ""))
        license_ = out.get("license")
        if isinstance(license_, dict) and "identifier" in license_:
            license_.pop("identifier")
        if "description" in out and not str(out["description"]).strip():
            out.pop("description")
        return out

    def _mutual_tls_schemes(self) -> set[str]:
        components = self.source.get("components")
        schemes = components.get("securitySchemes") if isinstance(components, dict) else None
        if not isinstance(schemes, dict):
            return set()
        return {
            name
            for name, scheme in schemes.items()
            if isinstance(scheme, dict) and scheme.get("type") == "mutualTLS"
        }

    def _security(self, requirements: Any, dropped: set[str]) -> Any:
        if not isinstance(requirements, list) or not dropped:
            return copy.deepcopy(requirements)
        out = []
        for requirement in requirements:
            if isinstance(requirement, dict):
                requirement = {k: v for k, v in requirement.items() if k not in dropped}
            out.append(copy.deepcopy(requirement))
        return out

    def _paths(self, paths: Any, pointer: str) -> Any:
        if not isinstance(paths, dict):
            return copy.deepcopy(paths)
        return {
            key: self._path_item(item, join_pointer(pointer, key))
            if not key.startswith("x-")
            # an extension is not a path item
            else copy.deepcopy(item)
            for key, item in paths.items()
        }

    def _path_item(self, item: Any, pointer: str) -> Any:
        if not isinstance(item, dict):
            return copy.deepcopy(item)
        ref = item.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/pathItems/"):
            target = self._resolve(ref)
            if isinstance(target, dict):
                return self._path_item(target, ref[1:])
        out: dict[str, Any] = {}
        for key, value in item.items():
            if key == "parameters":
                out[key] = self._list(value, pointer, key, self._parameter)
            elif key in HTTP_METHODS:
                out[key] = self._operation(value, join_pointer(pointer, key))
            else:
                out[key] = copy.deepcopy(value)
        return out

    def _operation(self, operation: Any, pointer: str) -> Any:
        if not isinstance(operation, dict):
            return copy.deepcopy(operation)
        out: dict[str, Any] = {}
        dropped = self._mutual_tls_schemes()
        for key, value in operation.items():
            where = join_pointer(pointer, key)
            if key == "parameters":
                out[key] = self._list(value, pointer, key, self._parameter)
            elif key == "requestBody":
                out[key] = self._with_content(value, where)
            elif key == "responses" and isinstance(value, dict):
                out[key] = {
                    status: self._response(response, join_pointer(where, status))
                    for status, response in value.items()
                }
            elif key == "callbacks" and isinstance(value, dict):
                out[key] = {
                    name: self._paths(callback, join_pointer(where, name))
                    for name, callback in value.items()
                }
            elif key == "security":
                out[key] = self._security(value, dropped)
            else:
                out[key] = copy.deepcopy(value)
        return out

    def _list(self, value: Any, pointer: str, key: str, each: Any) -> Any:
        if not isinstance(value, list):
            return copy.deepcopy(value)
        where = join_pointer(pointer, key)
        return [each(item, join_pointer(where, index)) for index, item in enumerate(value)]

    def _reference(self, node: dict[str, Any]) -> dict[str, Any]:
        """A Reference Object of 3.0 has `$ref` alone (3.1 allows `summary`/`description`)."""
        return {"$ref": node["$ref"]}

    def _parameter(self, parameter: Any, pointer: str) -> Any:
        if not isinstance(parameter, dict):
            return copy.deepcopy(parameter)
        if "$ref" in parameter:
            return self._reference(parameter)
        out: dict[str, Any] = {}
        for key, value in parameter.items():
            where = join_pointer(pointer, key)
            if key == "schema":
                out[key] = self.schema(value, where)
            elif key == "content":
                out[key] = self._content(value, where)
            else:
                out[key] = copy.deepcopy(value)
        return out

    def _with_content(self, node: Any, pointer: str) -> Any:
        """A request body (or anything whose only schemas are under `content`)."""
        if not isinstance(node, dict):
            return copy.deepcopy(node)
        if "$ref" in node:
            return self._reference(node)
        return {
            key: self._content(value, join_pointer(pointer, key))
            if key == "content"
            else copy.deepcopy(value)
            for key, value in node.items()
        }

    def _response(self, response: Any, pointer: str) -> Any:
        if not isinstance(response, dict):
            return copy.deepcopy(response)
        if "$ref" in response:
            return self._reference(response)
        out: dict[str, Any] = {}
        for key, value in response.items():
            where = join_pointer(pointer, key)
            if key == "content":
                out[key] = self._content(value, where)
            elif key == "headers":
                out[key] = self._headers(value, where)
            elif key == "links" and isinstance(value, dict):
                out[key] = {
                    name: self._reference(link)
                    if isinstance(link, dict) and "$ref" in link
                    else copy.deepcopy(link)
                    for name, link in value.items()
                }
            else:
                out[key] = copy.deepcopy(value)
        return out

    def _headers(self, headers: Any, pointer: str) -> Any:
        if not isinstance(headers, dict):
            return copy.deepcopy(headers)
        return {
            name: self._parameter(header, join_pointer(pointer, name))
            for name, header in headers.items()
        }

    def _content(self, content: Any, pointer: str) -> Any:
        if not isinstance(content, dict):
            return copy.deepcopy(content)
        out: dict[str, Any] = {}
        for media_type, media in content.items():
            where = join_pointer(pointer, media_type)
            if not isinstance(media, dict):
                out[media_type] = copy.deepcopy(media)
                continue
            rendered: dict[str, Any] = {}
            for key, value in media.items():
                if key == "schema":
                    rendered[key] = self.schema(value, join_pointer(where, key))
                elif key == "examples" and isinstance(value, dict):
                    rendered[key] = {
                        name: self._reference(example)
                        if isinstance(example, dict) and "$ref" in example
                        else copy.deepcopy(example)
                        for name, example in value.items()
                    }
                elif key == "encoding" and isinstance(value, dict):
                    rendered[key] = {
                        name: {
                            k: self._headers(v, join_pointer(where, f"encoding/{name}/{k}"))
                            if k == "headers"
                            else copy.deepcopy(v)
                            for k, v in encoding.items()
                        }
                        if isinstance(encoding, dict)
                        else copy.deepcopy(encoding)
                        for name, encoding in value.items()
                    }
                else:
                    rendered[key] = copy.deepcopy(value)
            out[media_type] = rendered
        return out

    def _components(self, components: Any, dropped_schemes: set[str]) -> Any:
        if not isinstance(components, dict):
            return copy.deepcopy(components)
        out: dict[str, Any] = {}
        each = {
            "schemas": self.schema,
            "parameters": self._parameter,
            "headers": self._parameter,
            "requestBodies": self._with_content,
            "responses": self._response,
            "callbacks": self._paths,
        }
        for kind, entries in components.items():
            where = join_pointer("/components", kind)
            if kind == "pathItems":
                continue  # 3.0 has none; every reference to one was replaced by its content
            if not isinstance(entries, dict):
                out[kind] = copy.deepcopy(entries)
                continue
            if kind == "securitySchemes":
                for name in sorted(dropped_schemes):
                    self.lose(
                        join_pointer(where, name),
                        "security scheme of type `mutualTLS` (OpenAPI 3.0 has none); left out.",
                    )
                out[kind] = {
                    name: copy.deepcopy(scheme)
                    for name, scheme in entries.items()
                    if name not in dropped_schemes
                }
                continue
            convert = each.get(kind)
            out[kind] = {
                name: convert(entry, join_pointer(where, name))
                if convert is not None
                else copy.deepcopy(entry)
                for name, entry in entries.items()
            }
        return out

    def _resolve(self, ref: str) -> Any:
        node: Any = self.source
        for token in ref[2:].split("/"):
            token = token.replace("~1", "/").replace("~0", "~")
            if not isinstance(node, dict) or token not in node:
                return None
            node = node[token]
        return node

    # ------------------------------------------------------------------ schemas

    def schema(self, node: Any, pointer: str) -> Any:
        """The 3.0 form of the 3.1 schema at ``pointer``, its lost rules written in prose."""
        rendered, pending = self._schema(node, pointer)
        return _describe(rendered, pending)

    def _schema(self, node: Any, pointer: str) -> tuple[Any, list[str]]:
        """(3.0 schema, prose of the rules removed from it and not yet written anywhere)."""
        if node is True:
            return {}, []
        if node is False:
            return {"not": {}}, []
        if not isinstance(node, dict):
            return copy.deepcopy(node), []
        if "$ref" in node:
            siblings = {k: v for k, v in node.items() if k != "$ref"}
            reference = {"$ref": node["$ref"]}
            if not siblings:
                return reference, []
            node = {"allOf": [reference], **siblings}
        pending: list[str] = []
        out: dict[str, Any] = {}
        for key, value in node.items():
            where = join_pointer(pointer, key)
            if key in _SILENTLY_DROPPED:
                continue
            if key in ("if", "then", "else"):
                continue  # handled below, once for the three
            if key in _UNSUPPORTED:
                rule = {key: value}
                pending.append(self._lost_rule(node, where, _UNSUPPORTED[key], rule))
            elif key == "properties" and isinstance(value, dict):
                out[key] = {
                    name: self.schema(sub, join_pointer(where, name)) for name, sub in value.items()
                }
            elif key == "additionalProperties" and isinstance(value, bool):
                out[key] = value
            elif key in ("items", "additionalProperties"):
                out[key] = self.schema(value, where)
            elif key == "allOf" and isinstance(value, list):
                members: list[Any] = []
                for index, member in enumerate(value):
                    rendered, lost = self._schema(member, join_pointer(where, index))
                    if lost and isinstance(rendered, dict) and _only_annotations(rendered):
                        pending.extend(lost)  # a rule-only member: its prose goes to the parent
                    else:
                        members.append(_describe(rendered, lost))
                if members:
                    out[key] = members
            elif key in ("anyOf", "oneOf") and isinstance(value, list):
                before = len(self.lost)
                members = [
                    self.schema(member, join_pointer(where, index))
                    for index, member in enumerate(value)
                ]
                if key == "oneOf" and len(self.lost) > before:
                    # looser members could make 'exactly one' stricter; 'at least one' is not
                    self.lose(where, "`oneOf` is an `anyOf` here, as some member lost a rule.")
                    if "anyOf" in node:  # the schema's own anyOf stays; both must hold
                        out.setdefault("allOf", []).append({"anyOf": members})
                        continue
                    key = "anyOf"
                out[key] = members
            elif key == "not":
                before = len(self.lost)
                negated = self.schema(value, where)
                if len(self.lost) > before:
                    del self.lost[before:]
                    pending.append(self._lost_rule(node, where, "`not`", {"not": value}))
                else:
                    out[key] = negated
            elif key == "const":
                out["enum"] = [copy.deepcopy(value)]
            elif key == "examples":
                if isinstance(value, list) and value and "example" not in node:
                    out["example"] = copy.deepcopy(value[0])
            elif key == "contentEncoding":
                if value == "base64" and "format" not in node:
                    out["format"] = "byte"
            elif key == "required" and isinstance(value, list) and not value:
                continue
            else:
                out[key] = copy.deepcopy(value)
        if "if" in node:
            keywords = "/".join(f"`{k}`" for k in ("if", "then", "else") if k in node)
            rule = {k: node[k] for k in ("if", "then", "else") if k in node}
            pending.append(self._lost_rule(node, join_pointer(pointer, "if"), keywords, rule))
        _exclusive_bounds(out)
        out = self._types(out)
        if out.get("type") == "array" and "items" not in out:
            out["items"] = {}
        out = self._fold_null(out, node)
        return out, pending

    def _lost_rule(self, node: dict[str, Any], pointer: str, keywords: str, value: Any) -> str:
        """Record a removed rule; its prose is the description of a rule-only schema (the
        spec's way to say a rule in words), else the rule itself as compact JSON."""
        described = node.get("description")
        rule_only = not {"type", "properties", "items", "enum", "const"} & set(node)
        if rule_only and isinstance(described, str) and described.strip():
            prose = " ".join(described.split())
        else:
            prose = f"`{_compact(value)}`"
        what = f"{prose} ({keywords})"
        self.lose(pointer, what)
        return what

    def _types(self, out: dict[str, Any]) -> dict[str, Any]:
        """`type` as one name: a list becomes `nullable` and, for several types, an `anyOf`."""
        types = out.get("type")
        if types is None and out.get("enum") == [None]:  # `const: null`, `enum: [null]`
            out.pop("enum")
            return _null_only(out)
        if not isinstance(types, list):
            if types == "null":
                out.pop("type")
                return _null_only(out)
            return out
        nullable = "null" in types
        names = list(dict.fromkeys(t for t in types if t != "null"))
        if not names:
            out.pop("type")
            return _null_only(out)
        if len(names) == 1:
            out["type"] = names[0]
            if nullable:
                out["nullable"] = True
            return out
        # several types: one schema per type, each with the keywords that apply to it
        specific = frozenset().union(*(_TYPE_KEYWORDS.get(name, frozenset()) for name in names))
        members = []
        for name in names:
            member: dict[str, Any] = {"type": name}
            for keyword in _TYPE_KEYWORDS.get(name, frozenset()):
                if keyword in out:
                    member[keyword] = out[keyword]
            if nullable:
                member["nullable"] = True
            members.append(member)
        general = {k: v for k, v in out.items() if k != "type" and k not in specific}
        if "anyOf" in general:
            general["allOf"] = [*general.get("allOf", []), {"anyOf": general.pop("anyOf")}]
        return {**general, "anyOf": members}

    def _fold_null(self, out: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
        """`anyOf`/`oneOf` of one schema and `null`: the schema with `nullable` when exact."""
        for key in ("anyOf", "oneOf"):
            originals = node.get(key)
            members = out.get(key)
            if not isinstance(originals, list) or not isinstance(members, list):
                continue
            if len(originals) != len(members):
                continue
            nulls = [i for i, member in enumerate(originals) if _is_null_only(member)]
            if not nulls:
                continue
            rest = [m for i, m in enumerate(members) if i not in nulls]
            outer = {k: v for k, v in out.items() if k != key}
            if not rest and _only_annotations(outer):
                return _null_only(outer)
            if len(rest) == 1 and len(nulls) == 1 and _only_annotations(outer):
                member = rest[0]
                if (
                    isinstance(member, dict)
                    and isinstance(member.get("type"), str)
                    and set(member) <= _NULLABLE_SAFE | _ANNOTATIONS
                ):
                    folded = {**member, **outer, "nullable": True}
                    if "enum" in member:
                        folded["enum"] = _with_null(member["enum"])
                    return folded
            out[key] = [
                _null_member(_annotations(originals[i])) if i in nulls else member
                for i, member in enumerate(members)
            ]
        return out


def _with_null(values: Any) -> list[Any]:
    if not isinstance(values, list):
        return [None]
    return values if None in values else [*values, None]


def _exclusive_bounds(out: dict[str, Any]) -> None:
    """2020-12's numeric `exclusiveMinimum: n` is 3.0's `minimum: n, exclusiveMinimum: true`."""
    for bound, exclusive, sign in (
        ("minimum", "exclusiveMinimum", 1),
        ("maximum", "exclusiveMaximum", -1),
    ):
        limit = out.get(exclusive)
        if isinstance(limit, bool) or not isinstance(limit, int | float):
            continue
        inclusive = out.get(bound)
        if (
            isinstance(inclusive, int | float)
            and not isinstance(inclusive, bool)
            and sign * (inclusive - limit) > 0
        ):
            out.pop(exclusive)  # the inclusive bound is stricter: it already excludes the limit
            continue
        out[bound] = limit
        out[exclusive] = True


def _describe(schema: Any, pending: list[str]) -> Any:
    """Write the prose of the rules removed from ``schema`` into its description."""
    if not pending or not isinstance(schema, dict):
        return schema
    own = schema.get("description")
    lines = "\n".join(f"- {rule}" for rule in pending)
    note = f"Not enforced by this OpenAPI 3.0 schema (OpenAPI 3.0 cannot express it):\n{lines}"
    return {**schema, "description": _join(own, note)}
