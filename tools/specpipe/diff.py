"""Compare two revisions of a spec and classify every change as breaking or not.

Both revisions are bundled with ``load_spec``; schemas are compared by meaning (``$ref`` chains
followed, sibling keywords merged, typed ``allOf`` members flattened, cross-field rules
separated with ``split_rules``), per direction: a narrower request schema breaks clients that
send what was allowed, a wider response schema breaks clients that parse what was promised.

A change is ``(kind, pointer)``: the pointer is the node in the new document (or, for what was
removed, where it was), and the location its file:line on the new side. Breaking changes can
be acknowledged in ``spec/<api>/breaking-changes.yaml``::

    acknowledged:
      - kind: response-property-removed
        pointer: /components/schemas/Benefit/properties/Note
        reason: The vendor dropped the member in 24.1; no client reads it.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from specpipe.ir import HTTP_METHODS
from specpipe.loader import LoadedSpec, join_pointer, resolve_ref, split_pointer

__all__ = [
    "KINDS",
    "Change",
    "DiffError",
    "compare",
    "load_acknowledgements",
    "register",
    "render",
]

REQUEST, RESPONSE = "request", "response"
_NOT_SHAPE = frozenset(
    {"description", "title", "examples", "example", "$comment", "deprecated", "xml"}
)

# kind -> breaking for existing clients
KINDS: dict[str, bool] = {
    "path-added": False,
    "path-removed": True,
    "operation-added": False,
    "operation-removed": True,
    "operation-id-changed": True,
    "operation-deprecated": False,
    "server-added": False,
    "server-removed": True,
    "security-requirement-tightened": True,
    "security-requirement-relaxed": False,
    "security-scheme-changed": True,
    "parameter-added-optional": False,
    "parameter-added-required": True,
    "parameter-removed": True,
    "parameter-became-required": True,
    "parameter-became-optional": False,
    "parameter-serialization-changed": True,
    "request-body-added": False,
    "request-body-removed": True,
    "request-body-became-required": True,
    "request-body-became-optional": False,
    "request-media-type-added": False,
    "request-media-type-removed": True,
    "response-status-added": False,
    "response-status-removed": True,
    "response-media-type-added": False,
    "response-media-type-removed": True,
    "response-header-added": False,
    "response-header-removed": True,
    "response-header-became-optional": True,
    "request-property-added-optional": False,
    "request-property-added-required": True,
    "request-property-removed": True,
    "request-property-renamed": True,
    "request-property-became-required": True,
    "request-property-became-optional": False,
    "response-property-added": False,
    "response-property-removed": True,
    "response-property-renamed": True,
    "response-property-became-optional": True,
    "response-property-became-required": False,
    "read-only-added": True,
    "read-only-removed": False,
    "write-only-added": True,
    "write-only-removed": False,
    "request-default-changed": True,
    "response-default-changed": False,
    "request-rule-added": True,
    "request-rule-removed": False,
    "request-rule-changed": True,
    "response-rule-added": False,
    "response-rule-removed": True,
    "response-rule-changed": True,
    "request-became-nullable": False,
    "request-became-non-nullable": True,
    "response-became-nullable": True,
    "response-became-non-nullable": False,
    "request-pattern-changed": True,
    "response-pattern-changed": True,
    "request-format-changed": True,
    "response-format-changed": True,
    "composition-changed": True,
    "schema-keyword-changed": True,
    "description-changed": False,
    "example-changed": False,
}
for _aspect in ("type", "enum", "format", "length", "range", "pattern", "items"):
    KINDS[f"request-{_aspect}-narrowed"] = True
    KINDS[f"request-{_aspect}-widened"] = False
    KINDS[f"response-{_aspect}-narrowed"] = False
    KINDS[f"response-{_aspect}-widened"] = True


class DiffError(Exception):
    """A usage problem (bad ref, unreadable file, bad acknowledgement file): one line."""


@dataclass
class Change:
    kind: str
    pointer: str
    message: str
    context: list[str] = field(default_factory=list)
    file: str = ""
    line: int = 0
    acknowledged: str | None = None  # the reason, when acknowledged

    @property
    def breaking(self) -> bool:
        return KINDS[self.kind]

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "breaking": self.breaking,
            "pointer": self.pointer,
            "location": f"{self.file}:{self.line}",
            "message": self.message,
            "context": self.context,
            "acknowledged": self.acknowledged,
        }


# schema views ----------------------------------------------------------------------------


@dataclass
class _View:
    """A schema with its ``$ref`` chain followed and typed ``allOf`` members merged in."""

    pointer: str
    keywords: dict[str, Any]
    origin: dict[str, str]  # keyword -> pointer of the node that set it
    properties: dict[str, tuple[Any, str]]
    required: set[str]
    rules: dict[str, tuple[str, str]]  # canonical rule JSON -> (message, pointer)
    refs: tuple[str, ...]
    target: str  # pointer of the schema the $ref chain ends at


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


class _Side:
    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document

    def resolve(self, ref: str) -> dict[str, Any]:
        """The object ``ref`` points at; ``{}`` (no constraint) for one that does not resolve."""
        try:
            return resolve_ref(self.document, ref)
        except KeyError:
            return {}

    def deref(self, node: Any, pointer: str) -> tuple[dict[str, Any], str]:
        seen: set[str] = set()
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            if ref in seen:
                break
            seen.add(ref)
            node, pointer = self.resolve(ref), ref[1:]
        return (node if isinstance(node, dict) else {}), pointer

    def view(self, schema: Any, pointer: str) -> _View:
        from specpipe.rules import split_rules

        layers: list[tuple[dict[str, Any], str]] = []
        refs: list[str] = []
        node = schema
        while isinstance(node, dict):
            layers.append((node, pointer))
            ref = node.get("$ref")
            if not isinstance(ref, str) or ref in refs:
                break
            refs.append(ref)
            node, pointer = self.resolve(ref), ref[1:]
        keywords: dict[str, Any] = {}
        origin: dict[str, str] = {}
        for layer, where in reversed(layers):
            for key, value in layer.items():
                if key != "$ref":
                    keywords[key] = value
                    origin[key] = where
        if schema is True or not layers:
            keywords, origin = {}, {}
        shape, rules = split_rules(keywords, "", self.resolve) if keywords else ({}, [])
        properties: dict[str, tuple[Any, str]] = {}
        required: set[str] = set()
        rule_map: dict[str, tuple[str, str]] = {}
        for rule in rules:
            where = rule.pointer
            if not where.startswith("/components"):
                first = where.split("/")[1] if "/" in where else ""
                where = f"{origin.get(first, layers[0][1] if layers else '')}{where}"
            body = {k: v for k, v in rule.schema.items() if k != "description"}
            rule_map[_canonical(body)] = (rule.message, where)
        members = shape.pop("allOf", []) if isinstance(shape.get("allOf"), list) else []
        for index, member in enumerate(members):
            base = f"{origin.get('allOf', '')}/allOf/{index}"
            sub = self.view(member, base)
            properties.update(sub.properties)
            required |= sub.required
            rule_map.update(sub.rules)
            for key, value in sub.keywords.items():
                if key not in shape:
                    shape[key] = value
                    origin[key] = sub.origin.get(key, base)
        for name, sub_schema in (shape.pop("properties", None) or {}).items():
            properties[name] = (
                sub_schema,
                join_pointer(f"{origin['properties']}/properties", name),
            )
        required |= set(shape.pop("required", None) or [])
        if "nullable" in shape and shape["nullable"] is True:
            shape["type"] = sorted({*_types(shape), "null"})
        return _View(
            pointer=layers[0][1] if layers else pointer,
            keywords=shape,
            origin=origin,
            properties=properties,
            required=required,
            rules=rule_map,
            refs=tuple(refs),
            target=layers[-1][1] if layers else pointer,
        )


def _types(schema: dict[str, Any]) -> set[str]:
    kind = schema.get("type")
    if isinstance(kind, str):
        return {kind}
    if isinstance(kind, list):
        return {str(k) for k in kind}
    return set()


def _covers(wide: set[str], narrow: set[str]) -> bool:
    """Whether the type set ``wide`` accepts every instance of ``narrow`` (empty = any)."""
    if not wide:
        return True
    if not narrow:
        return False
    return all(t in wide or (t == "integer" and "number" in wide) for t in narrow)


_FORMAT_WIDENING = {("int32", "int64"), ("float", "double"), ("int32", None), ("int64", None)}


# the comparison --------------------------------------------------------------------------


class _Comparer:
    def __init__(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        self.old, self.new = _Side(old), _Side(new)
        self.found: dict[tuple[str, str], Change] = {}
        self._stack: set[tuple[tuple[str, ...], tuple[str, ...], str]] = set()

    def add(self, kind: str, pointer: str, message: str, context: str = "") -> None:
        key = (kind, pointer)
        change = self.found.get(key)
        if change is None:
            change = self.found[key] = Change(kind, pointer, message)
        if context and context not in change.context:
            change.context.append(context)

    # document level

    def run(self) -> list[Change]:
        old, new = self.old.document, self.new.document
        self.servers(old.get("servers") or [], new.get("servers") or [])
        self.schemes(old, new)
        old_paths = old.get("paths") or {}
        new_paths = new.get("paths") or {}
        old_keys = {_template(p): p for p in old_paths}
        new_keys = {_template(p): p for p in new_paths}
        for key, path in old_keys.items():
            if key not in new_keys:
                self.add("path-removed", join_pointer("/paths", path), f"path {path} removed")
        for key, path in new_keys.items():
            if key not in old_keys:
                self.add("path-added", join_pointer("/paths", path), f"path {path} added")
                continue
            self.path_item(old_keys[key], path, old_paths[old_keys[key]], new_paths[path])
        return list(self.found.values())

    def servers(self, old: list[Any], new: list[Any]) -> None:
        old_urls = [s.get("url") for s in old if isinstance(s, dict)]
        new_urls = [s.get("url") for s in new if isinstance(s, dict)]
        for index, url in enumerate(old_urls):
            if url not in new_urls:
                self.add("server-removed", f"/servers/{index}", f"server {url} removed")
        for index, url in enumerate(new_urls):
            if url not in old_urls:
                self.add("server-added", f"/servers/{index}", f"server {url} added")

    def schemes(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        old_schemes = (old.get("components") or {}).get("securitySchemes") or {}
        new_schemes = (new.get("components") or {}).get("securitySchemes") or {}
        for name, scheme in old_schemes.items():
            if name not in new_schemes:
                continue  # only matters where a requirement names it (see security)
            before = {
                k: v for k, v in scheme.items() if k not in _NOT_SHAPE and not k.startswith("x-")
            }
            after = {
                k: v
                for k, v in new_schemes[name].items()
                if k not in _NOT_SHAPE and not k.startswith("x-")
            }
            if _canonical(before) != _canonical(after):
                pointer = join_pointer("/components/securitySchemes", name)
                self.add("security-scheme-changed", pointer, f"security scheme {name} changed")

    def path_item(self, old_path: str, path: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        base = join_pointer("/paths", path)
        for method in HTTP_METHODS:
            pointer = f"{base}/{method}"
            if method in old and method not in new:
                self.add("operation-removed", pointer, f"{method.upper()} {path} removed")
            elif method in new and method not in old:
                self.add("operation-added", pointer, f"{method.upper()} {path} added")
            elif method in new:
                self.operation(pointer, f"{method.upper()} {path}", old, new, method)

    def operation(
        self,
        pointer: str,
        label: str,
        old_item: dict[str, Any],
        new_item: dict[str, Any],
        method: str,
    ) -> None:
        old, new = old_item[method], new_item[method]
        if old.get("operationId") != new.get("operationId"):
            self.add(
                "operation-id-changed",
                f"{pointer}/operationId",
                f"operationId {old.get('operationId')} -> {new.get('operationId')}",
                label,
            )
        if new.get("deprecated") is True and old.get("deprecated") is not True:
            self.add("operation-deprecated", pointer, f"{label} deprecated", label)
        for key in ("summary", "description"):
            if old.get(key) != new.get(key):
                self.add("description-changed", f"{pointer}/{key}", f"{key} changed", label)
        self.security(pointer, label, old, new)
        self.parameters(pointer, label, old_item, new_item, old, new)
        self.request_body(pointer, label, old.get("requestBody"), new.get("requestBody"))
        self.responses(pointer, label, old.get("responses") or {}, new.get("responses") or {})

    def security(self, pointer: str, label: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        def effective(side: _Side, operation: dict[str, Any]) -> list[dict[str, set[str]]]:
            requirements = operation.get("security", side.document.get("security"))
            if not requirements:
                return [{}]
            return [{k: set(v or []) for k, v in r.items()} for r in requirements]

        before, after = effective(self.old, old), effective(self.new, new)
        if before == after:
            return

        def accepted(alternative: dict[str, set[str]]) -> bool:
            return any(
                all(k in alternative and scopes <= alternative[k] for k, scopes in n.items())
                for n in after
            )

        where = f"{pointer}/security" if "security" in new else "/security"
        if all(accepted(o) for o in before):
            self.add("security-requirement-relaxed", where, "security requirement relaxed", label)
        else:
            self.add(
                "security-requirement-tightened",
                where,
                "a security alternative clients use is no longer accepted",
                label,
            )

    def parameters(
        self,
        pointer: str,
        label: str,
        old_item: dict[str, Any],
        new_item: dict[str, Any],
        old: dict[str, Any],
        new: dict[str, Any],
    ) -> None:
        def collect(
            side: _Side, item: dict[str, Any], operation: dict[str, Any], base: str
        ) -> dict[tuple[str, str], tuple[dict[str, Any], str]]:
            found: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
            item_base = base.rsplit("/", 1)[0]
            for owner, where in ((item, item_base), (operation, base)):
                for index, node in enumerate(owner.get("parameters") or []):
                    param, _ = side.deref(node, f"{where}/parameters/{index}")
                    location = str(param.get("in"))
                    name = str(param.get("name"))
                    key = (location, name.lower() if location == "header" else name)
                    found[key] = (param, f"{where}/parameters/{index}")
            # path parameters are matched by position in the template, not by name
            renamed: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
            path = _path_of(base)
            for position, name in enumerate(_placeholders(path)):
                if ("path", name) in found:
                    renamed[("path", f"#{position}")] = found.pop(("path", name))
            found.update(renamed)
            return found

        before = collect(self.old, old_item, old, pointer)
        after = collect(self.new, new_item, new, pointer)
        for key, (param, where) in before.items():
            if key not in after:
                self.add(
                    "parameter-removed", where, f"parameter {param.get('name')} removed", label
                )
        for key, (param, where) in after.items():
            name = f"{param.get('in')} parameter {param.get('name')}"
            if key not in before:
                kind = (
                    "parameter-added-required"
                    if param.get("required")
                    else "parameter-added-optional"
                )
                self.add(kind, where, f"{name} added", label)
                continue
            previous, old_where = before[key]
            if param.get("required") and not previous.get("required"):
                self.add("parameter-became-required", where, f"{name} became required", label)
            elif previous.get("required") and not param.get("required"):
                self.add("parameter-became-optional", where, f"{name} became optional", label)
            for keyword in ("style", "explode", "allowReserved"):
                if previous.get(keyword) != param.get(keyword):
                    self.add(
                        "parameter-serialization-changed",
                        where,
                        f"{name}: {keyword} changed",
                        label,
                    )
            if previous.get("description") != param.get("description"):
                self.add(
                    "description-changed", f"{where}/description", f"{name}: description", label
                )
            self.schema(
                previous.get("schema", {}),
                f"{old_where}/schema",
                param.get("schema", {}),
                f"{where}/schema",
                REQUEST,
                f"{label} {name}",
            )

    def request_body(self, pointer: str, label: str, old: Any, new: Any) -> None:
        where = f"{pointer}/requestBody"
        if old is None and new is None:
            return
        if new is None:
            self.add("request-body-removed", where, "request body removed", label)
            return
        new_body, new_ptr = self.new.deref(new, where)
        if old is None:
            kind = (
                "request-body-became-required" if new_body.get("required") else "request-body-added"
            )
            self.add(kind, where, "request body added", label)
            return
        old_body, old_ptr = self.old.deref(old, where)
        if new_body.get("required") and not old_body.get("required"):
            self.add("request-body-became-required", where, "request body became required", label)
        elif old_body.get("required") and not new_body.get("required"):
            self.add("request-body-became-optional", where, "request body became optional", label)
        self.content(
            old_body.get("content") or {},
            f"{old_ptr}/content",
            new_body.get("content") or {},
            f"{new_ptr}/content",
            REQUEST,
            f"{label} request",
        )

    def content(
        self,
        old: dict[str, Any],
        old_ptr: str,
        new: dict[str, Any],
        new_ptr: str,
        direction: str,
        label: str,
    ) -> None:
        for media_type in old:
            if media_type not in new:
                self.add(
                    f"{direction}-media-type-removed",
                    join_pointer(new_ptr, media_type),
                    f"media type {media_type} removed",
                    label,
                )
        for media_type, media in new.items():
            where = join_pointer(new_ptr, media_type)
            if media_type not in old:
                self.add(
                    f"{direction}-media-type-added", where, f"media type {media_type} added", label
                )
                continue
            previous = old[media_type]
            for key in ("examples", "example"):
                if _canonical(self._examples(self.old, previous.get(key))) != _canonical(
                    self._examples(self.new, media.get(key))
                ):
                    self.add("example-changed", f"{where}/{key}", "examples changed", label)
            self.schema(
                previous.get("schema", {}),
                f"{join_pointer(old_ptr, media_type)}/schema",
                media.get("schema", {}),
                f"{where}/schema",
                direction,
                f"{label} {media_type}",
            )

    def _examples(self, side: _Side, examples: Any) -> Any:
        if isinstance(examples, dict) and all(isinstance(v, dict) for v in examples.values()):
            return {k: side.deref(v, "")[0] for k, v in examples.items()}
        return examples

    def responses(self, pointer: str, label: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        base = f"{pointer}/responses"
        for status in old:
            if str(status) not in {str(s) for s in new}:
                self.add(
                    "response-status-removed",
                    join_pointer(base, status),
                    f"status {status} removed",
                    label,
                )
        for status, node in new.items():
            where = join_pointer(base, status)
            previous_node = old.get(status)
            if previous_node is None:
                self.add("response-status-added", where, f"status {status} added", label)
                continue
            response, new_ptr = self.new.deref(node, where)
            previous, old_ptr = self.old.deref(previous_node, where)
            context = f"{label} {status}"
            old_headers = {k.lower(): (k, v) for k, v in (previous.get("headers") or {}).items()}
            new_headers = {k.lower(): (k, v) for k, v in (response.get("headers") or {}).items()}
            for key, (name, _) in old_headers.items():
                if key not in new_headers:
                    self.add(
                        "response-header-removed",
                        join_pointer(f"{new_ptr}/headers", name),
                        f"header {name} removed",
                        context,
                    )
            for key, (name, header_node) in new_headers.items():
                header_ptr = join_pointer(f"{new_ptr}/headers", name)
                if key not in old_headers:
                    self.add("response-header-added", header_ptr, f"header {name} added", context)
                    continue
                old_name, old_node = old_headers[key]
                header, header_ptr = self.new.deref(header_node, header_ptr)
                before, before_ptr = self.old.deref(
                    old_node, join_pointer(f"{old_ptr}/headers", old_name)
                )
                if before.get("required") and not header.get("required"):
                    self.add(
                        "response-header-became-optional",
                        header_ptr,
                        f"header {name} became optional",
                        context,
                    )
                self.schema(
                    before.get("schema", {}),
                    f"{before_ptr}/schema",
                    header.get("schema", {}),
                    f"{header_ptr}/schema",
                    RESPONSE,
                    f"{context} header {name}",
                )
            self.content(
                previous.get("content") or {},
                f"{old_ptr}/content",
                response.get("content") or {},
                f"{new_ptr}/content",
                RESPONSE,
                context,
            )

    # schemas

    def schema(
        self, old: Any, old_ptr: str, new: Any, new_ptr: str, direction: str, label: str
    ) -> None:
        before = self.old.view(old, old_ptr)
        after = self.new.view(new, new_ptr)
        key = (before.refs, after.refs, direction)
        if (before.refs or after.refs) and key in self._stack:
            return  # recursion: this pair is being compared further up
        self._stack.add(key)
        try:
            self._compare(before, after, direction, label)
        finally:
            self._stack.discard(key)

    def _compare(self, before: _View, after: _View, direction: str, label: str) -> None:
        old_kw, new_kw = before.keywords, after.keywords

        def where(keyword: str) -> str:
            return f"{after.origin.get(keyword, after.pointer)}/{keyword}"

        def narrowed_or_widened(aspect: str, narrowed: bool, widened: bool, text: str) -> None:
            if narrowed:
                self.add(f"{direction}-{aspect}-narrowed", where(aspect), text, label)
            if widened:
                self.add(f"{direction}-{aspect}-widened", where(aspect), text, label)

        # type and nullability
        old_types, new_types = _types(old_kw), _types(new_kw)
        old_null = "null" in old_types or not old_types
        new_null = "null" in new_types or not new_types
        old_core, new_core = old_types - {"null"}, new_types - {"null"}
        if old_core != new_core and (old_types or new_types):
            old_set = old_core if old_types else set()
            new_set = new_core if new_types else set()
            text = f"type {sorted(old_set) or 'any'} -> {sorted(new_set) or 'any'}"
            narrowed_or_widened(
                "type", not _covers(new_set, old_set), not _covers(old_set, new_set), text
            )
        if old_types and new_types and old_null != new_null:
            kind = "became-nullable" if new_null else "became-non-nullable"
            self.add(f"{direction}-{kind}", where("type"), kind.replace("-", " "), label)
        # enum / const
        old_enum, new_enum = _enum(old_kw), _enum(new_kw)
        if old_enum != new_enum:
            key = "enum" if "enum" in new_kw or "enum" in old_kw else "const"
            enum_where = where(key)
            text = f"{key} changed"
            if new_enum is not None and (old_enum is None or old_enum - new_enum):
                self.add(f"{direction}-enum-narrowed", enum_where, text, label)
            if old_enum is not None and (new_enum is None or new_enum - old_enum):
                self.add(f"{direction}-enum-widened", enum_where, text, label)
        # format
        old_format, new_format = old_kw.get("format"), new_kw.get("format")
        if old_format != new_format:
            text = f"format {old_format} -> {new_format}"
            if old_format is None:
                narrowed_or_widened("format", True, False, text)
            elif new_format is None or (old_format, new_format) in _FORMAT_WIDENING:
                narrowed_or_widened("format", False, True, text)
            elif (new_format, old_format) in _FORMAT_WIDENING:
                narrowed_or_widened("format", True, False, text)
            else:
                self.add(f"{direction}-format-changed", where("format"), text, label)
        # bounds
        for aspect, low, high in (
            ("length", "minLength", "maxLength"),
            ("items", "minItems", "maxItems"),
            ("range", "minimum", "maximum"),
            ("range", "exclusiveMinimum", "exclusiveMaximum"),
        ):
            for keyword, lower in ((low, True), (high, False)):
                a, b = old_kw.get(keyword), new_kw.get(keyword)
                if a == b or isinstance(a, bool) or isinstance(b, bool):
                    continue
                tighter = b is not None and (a is None or (b > a if lower else b < a))
                text = f"{keyword} {a} -> {b}"
                kind = f"{direction}-{aspect}-{'narrowed' if tighter else 'widened'}"
                self.add(kind, where(keyword), text, label)
        # pattern
        old_pattern, new_pattern = old_kw.get("pattern"), new_kw.get("pattern")
        if old_pattern != new_pattern:
            text = f"pattern {old_pattern!r} -> {new_pattern!r}"
            if old_pattern is None:
                narrowed_or_widened("pattern", True, False, text)
            elif new_pattern is None:
                narrowed_or_widened("pattern", False, True, text)
            else:
                self.add(f"{direction}-pattern-changed", where("pattern"), text, label)
        # default, readOnly, writeOnly
        if _canonical(old_kw.get("default")) != _canonical(new_kw.get("default")):
            text = f"default {old_kw.get('default')!r} -> {new_kw.get('default')!r}"
            self.add(f"{direction}-default-changed", where("default"), text, label)
        for flag, name in (("readOnly", "read-only"), ("writeOnly", "write-only")):
            if bool(old_kw.get(flag)) != bool(new_kw.get(flag)):
                state = "added" if new_kw.get(flag) else "removed"
                self.add(f"{name}-{state}", where(flag), f"{flag} {state}", label)
        # rules
        self._rules(before, after, direction, label)
        # typed compositions
        for keyword in ("oneOf", "anyOf"):
            a, b = old_kw.get(keyword), new_kw.get(keyword)
            if a is None and b is None:
                continue
            if not isinstance(a, list) or not isinstance(b, list) or len(a) != len(b):
                self.add("composition-changed", where(keyword), f"{keyword} changed", label)
                continue
            for index, (x, y) in enumerate(zip(a, b, strict=True)):
                self.schema(
                    x,
                    f"{before.origin.get(keyword, before.pointer)}/{keyword}/{index}",
                    y,
                    f"{where(keyword)}/{index}",
                    direction,
                    label,
                )
        # anything else in the shape
        handled = _HANDLED | {"oneOf", "anyOf", "items", "additionalProperties", "not"}
        for keyword in sorted(set(old_kw) | set(new_kw)):
            if keyword in handled or keyword.startswith("x-"):
                continue
            if _canonical(old_kw.get(keyword)) != _canonical(new_kw.get(keyword)):
                self.add("schema-keyword-changed", where(keyword), f"{keyword} changed", label)
        if _canonical(old_kw.get("description")) != _canonical(new_kw.get("description")):
            self.add("description-changed", where("description"), "description changed", label)
        # items and additional properties
        if "items" in old_kw or "items" in new_kw:
            self.schema(
                old_kw.get("items", {}),
                f"{before.origin.get('items', before.pointer)}/items",
                new_kw.get("items", {}),
                where("items"),
                direction,
                f"{label} items",
            )
        a, b = old_kw.get("additionalProperties"), new_kw.get("additionalProperties")
        if isinstance(a, dict) and isinstance(b, dict):
            self.schema(
                a,
                f"{before.origin.get('additionalProperties', before.pointer)}/additionalProperties",
                b,
                where("additionalProperties"),
                direction,
                label,
            )
        elif _canonical(a) != _canonical(b):
            self.add(
                "schema-keyword-changed",
                where("additionalProperties"),
                "additionalProperties changed",
                label,
            )
        self._properties(before, after, direction, label)

    def _rules(self, before: _View, after: _View, direction: str, label: str) -> None:
        old_by_message = {message: key for key, (message, _) in before.rules.items()}
        matched: set[str] = set()
        for key, (message, pointer) in after.rules.items():
            if key in before.rules:
                matched.add(key)
                continue
            if message in old_by_message and old_by_message[message] not in after.rules:
                matched.add(old_by_message[message])
                self.add(f"{direction}-rule-changed", pointer, f"rule changed: {message}", label)
            else:
                self.add(f"{direction}-rule-added", pointer, f"rule added: {message}", label)
        for key, (message, pointer) in before.rules.items():
            if key not in matched:
                self.add(
                    f"{direction}-rule-removed",
                    after.target,
                    f"rule removed: {message} (was {pointer})",
                    label,
                )

    def _properties(self, before: _View, after: _View, direction: str, label: str) -> None:
        def skipped(view: _View, side: _Side, name: str) -> bool:
            schema = side.view(view.properties[name][0], view.properties[name][1]).keywords
            hidden = "readOnly" if direction == REQUEST else "writeOnly"
            return schema.get(hidden) is True

        old_names, new_names = set(before.properties), set(after.properties)
        removed = sorted(n for n in old_names - new_names if not skipped(before, self.old, n))
        added = sorted(n for n in new_names - old_names if not skipped(after, self.new, n))
        renamed: dict[str, str] = {}
        signatures = {a: self._signature(self.new, after.properties[a]) for a in added}
        for name in removed:
            signature = self._signature(self.old, before.properties[name])
            candidates = [
                a
                for a in added
                if a not in renamed.values()
                and signatures[a] == signature
                and (a in after.required) == (name in before.required)
            ]
            if len(candidates) == 1:
                renamed[name] = candidates[0]
        parent = after.origin.get("properties", after.pointer)
        for name in removed:
            if name in renamed:
                target = renamed[name]
                self.add(
                    f"{direction}-property-renamed",
                    after.properties[target][1],
                    f"property {name} renamed to {target}",
                    label,
                )
            else:
                self.add(
                    f"{direction}-property-removed",
                    join_pointer(f"{parent}/properties", name),
                    f"property {name} removed",
                    label,
                )
        for name in added:
            if name in renamed.values():
                continue
            pointer = after.properties[name][1]
            if direction == RESPONSE:
                self.add("response-property-added", pointer, f"property {name} added", label)
            elif name in after.required:
                self.add(
                    "request-property-added-required", pointer, f"property {name} added", label
                )
            else:
                self.add(
                    "request-property-added-optional", pointer, f"property {name} added", label
                )
        for name in sorted(old_names & new_names):
            old_schema, old_ptr = before.properties[name]
            new_schema, new_ptr = after.properties[name]
            was, now = name in before.required, name in after.required
            if was != now and not (
                skipped(before, self.old, name) and skipped(after, self.new, name)
            ):
                state = "required" if now else "optional"
                self.add(
                    f"{direction}-property-became-{state}",
                    new_ptr,
                    f"property {name} became {state}",
                    label,
                )
            self.schema(old_schema, old_ptr, new_schema, new_ptr, direction, f"{label}.{name}")

    def _signature(self, side: _Side, prop: tuple[Any, str]) -> str:
        view = side.view(prop[0], prop[1])
        shape = {k: v for k, v in view.keywords.items() if k not in _NOT_SHAPE}
        return _canonical([shape, sorted(view.properties), sorted(view.required)])


_HANDLED = frozenset(
    {
        "type",
        "nullable",
        "enum",
        "const",
        "format",
        "minLength",
        "maxLength",
        "minItems",
        "maxItems",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "pattern",
        "default",
        "readOnly",
        "writeOnly",
        "description",
        "title",
        "examples",
        "example",
        "$comment",
        "deprecated",
        "xml",
    }
)


def _enum(schema: dict[str, Any]) -> frozenset[str] | None:
    if "const" in schema:
        return frozenset({_canonical(schema["const"])})
    values = schema.get("enum")
    if isinstance(values, list):
        return frozenset(_canonical(v) for v in values)
    return None


def _template(path: str) -> str:
    """A path with its placeholders' names erased: ``/a/{id}`` and ``/a/{key}`` are one path."""
    return re.sub(r"\{[^}]*\}", "{}", path)


def _placeholders(path: str) -> list[str]:
    return re.findall(r"\{([^}]*)\}", path)


def _path_of(pointer: str) -> str:
    """The path template of an operation's pointer (``/paths/<path>/<method>``)."""
    return split_pointer(pointer)[1]


# public API ------------------------------------------------------------------------------


def compare(old: LoadedSpec, new: LoadedSpec) -> list[Change]:
    """Every change from ``old`` to ``new``, sorted by location, each located on the new side."""
    changes = _Comparer(old.document, new.document).run()
    for change in changes:
        location = new.locate(change.pointer)
        change.file, change.line = location.file, location.line
    return sorted(changes, key=lambda c: (not c.breaking, c.file, c.line, c.pointer, c.kind))


def load_acknowledgements(path: Path) -> dict[tuple[str, str], str]:
    """``(kind, pointer) -> reason`` from an acknowledgement file (missing file: none)."""
    import yaml

    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise DiffError(f"cannot read {path}: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        problem = getattr(exc, "problem", None) or exc
        raise DiffError(f"{where}: YAML syntax error: {' '.join(str(problem).split())}") from None
    entries = data.get("acknowledged") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise DiffError(f"{path}: expected a mapping with an `acknowledged` list")
    found: dict[tuple[str, str], str] = {}
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or not all(
            isinstance(entry.get(k), str) and entry.get(k) for k in ("kind", "pointer", "reason")
        ):
            raise DiffError(f"{path}: entry {index + 1} needs kind, pointer and reason (strings)")
        if entry["kind"] not in KINDS:
            raise DiffError(f"{path}: entry {index + 1}: unknown kind {entry['kind']!r}")
        found[(entry["kind"], entry["pointer"])] = entry["reason"]
    return found


def render(name: str, changes: list[Change], form: str) -> str:
    """The report of one API's changes as ``text``, ``markdown`` or ``json``."""
    breaking = [c for c in changes if c.breaking and c.acknowledged is None]
    if form == "json":
        return json.dumps(
            {
                "api": name,
                "breaking": len(breaking),
                "changes": [c.as_json() for c in changes],
            },
            indent=2,
            ensure_ascii=False,
        )
    lines: list[str] = []
    if form == "markdown":
        verdict = (
            f"**{len(breaking)} unacknowledged breaking change(s)**"
            if breaking
            else "no unacknowledged breaking change"
        )
        lines.append(f"### `{name}`: {len(changes)} change(s), {verdict}")
        lines.append("")
        if changes:
            lines += ["| | kind | where | change | used by |", "|---|---|---|---|---|"]
            for c in changes:
                mark = "🔴 breaking" if c.breaking else "🟢"
                if c.breaking and c.acknowledged is not None:
                    mark = f"🟡 acknowledged: {c.acknowledged}"
                used = "; ".join(c.context[:3]) + (" …" if len(c.context) > 3 else "")
                cells = [mark, f"`{c.kind}`", f"`{c.file}:{c.line}` `{c.pointer}`", c.message, used]
                lines.append("| " + " | ".join(x.replace("|", "\\|") for x in cells) + " |")
        return "\n".join(lines).rstrip("\n")
    lines.append(f"{name}: {len(changes)} change(s), {len(breaking)} breaking")
    for c in changes:
        mark = "BREAKING" if c.breaking else "ok"
        if c.breaking and c.acknowledged is not None:
            mark = "ACKED"
        lines.append(f"  {mark:8} {c.kind}  {c.file}:{c.line}  {c.pointer}  {c.message}")
    return "\n".join(lines)


# command line ----------------------------------------------------------------------------


def _load(path: Path) -> LoadedSpec:
    from specpipe.errors import SpecError
    from specpipe.loader import load_spec

    try:
        return load_spec(path)
    except SpecError as exc:
        first = exc.findings[0] if exc.findings else None
        raise DiffError(f"cannot load {path}: {first}") from None
    except OSError as exc:
        raise DiffError(f"cannot read {path}: {exc.strerror or exc}") from None


def _git(*args: str) -> str:
    try:
        result = subprocess.run(["git", *args], capture_output=True, text=True, check=False)
    except OSError as exc:
        raise DiffError(f"cannot run git: {exc.strerror or exc}") from None
    if result.returncode != 0:
        message = (result.stderr.strip().splitlines() or ["failed"])[-1]
        raise DiffError(f"git {' '.join(args)}: {message}")
    return result.stdout


def _checkout_spec_dir(ref: str, spec_dir: Path, into: Path) -> Path:
    """``spec_dir`` as of ``ref`` (via ``git archive``), extracted under ``into``."""
    import io
    import tarfile

    top = Path(_git("rev-parse", "--show-toplevel").strip())
    try:
        _git("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    except DiffError:
        raise DiffError(f"no such git ref: {ref}") from None
    try:
        relative = spec_dir.resolve().relative_to(top).as_posix()
    except ValueError:
        raise DiffError(f"{spec_dir} is not inside the git repository {top}") from None
    try:
        data = subprocess.run(
            ["git", "archive", "--format=tar", ref, relative],
            capture_output=True,
            check=False,
            cwd=top,
        )
    except OSError as exc:
        raise DiffError(f"cannot run git: {exc.strerror or exc}") from None
    if data.returncode != 0:
        raise DiffError(f"{relative}/ does not exist at {ref}")
    with tarfile.open(fileobj=io.BytesIO(data.stdout)) as archive:
        archive.extractall(into, filter="data")
    return into / relative


def cmd_diff(args: argparse.Namespace) -> int:
    from specpipe.cli import UsageError, discover_apis

    pairs: list[tuple[str, Path, Path, Path]] = []  # name, old root, new root, ack file
    if args.ack and not Path(args.ack).is_file():
        raise UsageError(f"no such acknowledgement file: {args.ack}")
    with tempfile.TemporaryDirectory(prefix="specpipe-diff-") as tmp:
        try:
            if args.old is not None:
                if args.base is not None:
                    raise UsageError("give either --base or OLD NEW files, not both")
                if args.new is None or args.targets:
                    raise UsageError("--old needs --new (two files), and no API names")
                old, new = Path(args.old), Path(args.new)
                for path in (old, new):
                    if not path.is_file():
                        raise UsageError(f"no such file: {path}")
                ack = Path(args.ack) if args.ack else new.parent / "breaking-changes.yaml"
                pairs.append(
                    (new.parent.name if new.name == "openapi.yaml" else new.stem, old, new, ack)
                )
            else:
                if args.base is None:
                    raise UsageError("give --base REF, or --old FILE --new FILE")
                spec_dir = Path(args.spec_dir)
                apis = list(args.targets) or discover_apis(spec_dir)
                if not apis:
                    raise UsageError(f"no API found under {spec_dir}/")
                old_dir = _checkout_spec_dir(args.base, spec_dir, Path(tmp))
                for api in apis:
                    new_root = spec_dir / api / "openapi.yaml"
                    if not new_root.is_file():
                        raise UsageError(f"unknown API {api!r} (no {new_root})")
                    ack = Path(args.ack) if args.ack else spec_dir / api / "breaking-changes.yaml"
                    pairs.append((api, old_dir / api / "openapi.yaml", new_root, ack))
            reports: list[str] = []
            unacknowledged = 0
            every: list[dict[str, Any]] = []
            for name, old_root, new_root, ack_path in pairs:
                if not old_root.is_file():
                    note = f"{name}: new API (not present at the base)"
                    reports.append(note if args.format != "markdown" else f"### `{name}`: new API")
                    continue
                changes = compare(_load(old_root), _load(new_root))
                acks = load_acknowledgements(ack_path)
                for change in changes:
                    if change.breaking:
                        change.acknowledged = acks.get((change.kind, change.pointer))
                unacknowledged += sum(1 for c in changes if c.breaking and c.acknowledged is None)
                if args.format == "json":
                    every.append(json.loads(render(name, changes, "json")))
                else:
                    reports.append(render(name, changes, args.format))
        except DiffError as exc:
            raise UsageError(str(exc)) from None
    if args.format == "json":
        print(json.dumps({"breaking": unacknowledged, "apis": every}, indent=2, ensure_ascii=False))
    else:
        if args.format == "markdown":
            print("## Breaking-change report\n")
        print("\n\n".join(reports))
    return 1 if unacknowledged else 0


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    diff = commands.add_parser(
        "diff",
        parents=[common],
        help="compare two revisions of a spec and classify every change",
        description="Compare the working tree's specs with a git ref (--base REF [API...]) or "
        "two files (--old FILE --new FILE). Exit 1 when a breaking change is not listed in "
        "the acknowledgement file (spec/<api>/breaking-changes.yaml or --ack), else 0; 2 on "
        "usage errors.",
    )
    diff.add_argument("--base", help="git ref to compare the working tree with")
    diff.add_argument("--old", help="old root document (with --new)")
    diff.add_argument("--new", help="new root document (with --old)")
    diff.add_argument("--ack", help="acknowledgement file (default: next to the new spec)")
    diff.add_argument(
        "--format", choices=("text", "markdown", "json"), default="text", help="report format"
    )
    diff.set_defaults(handler=cmd_diff)
