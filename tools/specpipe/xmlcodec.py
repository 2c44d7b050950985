"""Schema-driven conversion between XML documents and JSON values (the OpenAPI `xml` object).

`decode` reads XML into the value the schema describes; `encode` writes a value as XML the way
.NET's DataContractSerializer does (default namespace on the root, `i:nil` for null).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any
from xml.etree.ElementTree import Element, ParseError
from xml.sax.saxutils import escape, quoteattr

import defusedxml.ElementTree as SafeET  # type: ignore[import-untyped]
from defusedxml import DefusedXmlException

__all__ = ["XSI_NAMESPACE", "Resolver", "XmlDecodeError", "decode", "encode", "is_xml_media_type"]

XSI_NAMESPACE = "http://www.w3.org/2001/XMLSchema-instance"
_NIL = f"{{{XSI_NAMESPACE}}}nil"

Resolver = Callable[[str], dict[str, Any]]
Schema = dict[str, Any]


class XmlDecodeError(ValueError):
    """The XML text is malformed, unsafe, or does not match the schema."""


def is_xml_media_type(media_type: str) -> bool:
    base = media_type.split(";", 1)[0].strip().lower()
    return base in ("application/xml", "text/xml") or base.endswith("+xml")


def _effective(schema: Any, resolve: Resolver, depth: int = 0) -> Schema:
    """Follow `$ref` and merge `allOf` parts into one schema (properties, required, xml)."""
    if not isinstance(schema, dict):
        return {}
    if depth > 50:
        raise XmlDecodeError("schema references nest too deeply")
    result: Schema = {}
    ref = schema.get("$ref")
    if isinstance(ref, str):
        result.update(_effective(resolve(ref), resolve, depth + 1))
    for part in schema.get("allOf", []) if isinstance(schema.get("allOf"), list) else []:
        merged = _effective(part, resolve, depth + 1)
        for key, value in merged.items():
            if key == "properties":
                result.setdefault("properties", {}).update(value)
            elif key == "required":
                result["required"] = [*result.get("required", []), *value]
            else:
                result.setdefault(key, value)
    for key, value in schema.items():
        if key in ("$ref", "allOf"):
            continue
        if key == "properties":
            result["properties"] = {**result.get("properties", {}), **value}
        else:
            result[key] = value
    return result


def _types(schema: Schema, resolve: Resolver) -> tuple[set[str], Schema]:
    """The JSON types a schema allows, and the schema to use for a non-null value."""
    declared = schema.get("type")
    if isinstance(declared, str):
        types = {declared}
    elif isinstance(declared, list):
        types = {str(t) for t in declared}
    else:
        types = set()
    if schema.get("nullable") is True:
        types.add("null")
    main = schema
    for key in ("anyOf", "oneOf"):
        branches = schema.get(key)
        if not types and isinstance(branches, list):
            for branch in branches:
                branch_schema = _effective(branch, resolve)
                branch_types, _ = _types(branch_schema, resolve)
                if branch_types == {"null"}:
                    types.add("null")
                elif main is schema:
                    main = branch_schema
                    types |= branch_types
    if not types - {"null"}:
        if "properties" in main:
            types.add("object")
        elif "items" in main:
            types.add("array")
    return types, main


def _local(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        namespace, _, local = tag[1:].partition("}")
        return namespace, local
    return "", tag


def _xml(schema: Any) -> dict[str, Any]:
    xml = schema.get("xml") if isinstance(schema, dict) else None
    return xml if isinstance(xml, dict) else {}


# ---------------------------------------------------------------- decode


def decode(text: str | bytes, schema: Schema, resolve: Resolver) -> Any:
    """Parse `text` (no DTDs, no entities) and build the value described by `schema`."""
    try:
        root: Element = SafeET.fromstring(text, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise XmlDecodeError(f"unsafe XML rejected: {type(exc).__name__}") from None
    except ParseError as exc:
        raise XmlDecodeError(f"malformed XML: {exc}") from None
    effective = _effective(schema, resolve)
    xml = _xml(effective)
    namespace, local = _local(root.tag)
    expected_name = xml.get("name")
    if expected_name and local != expected_name:
        raise XmlDecodeError(f"root element is <{local}>, expected <{expected_name}>")
    expected_ns = xml.get("namespace")
    if expected_ns and namespace != expected_ns:
        found = namespace or "no namespace"
        raise XmlDecodeError(f"root element <{local}> is in {found}, expected {expected_ns}")
    return _decode_element(root, effective, resolve, "/" + local)


def _decode_element(element: Element, schema: Schema, resolve: Resolver, path: str) -> Any:
    types, main = _types(_effective(schema, resolve), resolve)
    if element.get(_NIL) == "true":
        if "null" in types or not types:
            return None
        raise XmlDecodeError(f"{path}: nil is not allowed here")
    if "object" in types:
        return _decode_object(element, main, resolve, path)
    if "array" in types:
        items = main.get("items", {})
        item_name = _xml(_effective(items, resolve)).get("name") or _xml(items).get("name")
        children = [c for c in element if not item_name or _local(c.tag)[1] == item_name]
        return [
            _decode_element(c, items, resolve, f"{path}/{_local(c.tag)[1]}[{i}]")
            for i, c in enumerate(children)
        ]
    if len(element):
        raise XmlDecodeError(f"{path}: expected text, found child elements")
    return _coerce(element.text or "", types, path)


def _decode_object(element: Element, schema: Schema, resolve: Resolver, path: str) -> Any:
    if (element.text or "").strip():
        raise XmlDecodeError(f"{path}: expected child elements, found text")
    children: dict[str, list[Element]] = {}
    for child in element:
        children.setdefault(_local(child.tag)[1], []).append(child)
    result: dict[str, Any] = {}
    known: set[str] = set()
    for name, prop in (schema.get("properties") or {}).items():
        prop_schema = _effective(prop, resolve)
        prop_xml = {**_xml(prop_schema), **_xml(prop)}
        wire = prop_xml.get("name") or name
        prop_types, prop_main = _types(prop_schema, resolve)
        if prop_xml.get("attribute"):
            attr_ns = prop_xml.get("namespace")
            raw = element.get(f"{{{attr_ns}}}{wire}" if attr_ns else wire)
            if raw is not None:
                result[name] = _coerce(raw, prop_types, f"{path}/@{wire}")
            continue
        if "array" in prop_types and not prop_xml.get("wrapped"):
            items = prop_main.get("items", {})
            item_wire = _xml(items).get("name") or wire
            known.add(item_wire)
            found = children.get(item_wire, [])
            if found:
                result[name] = [
                    _decode_element(c, items, resolve, f"{path}/{item_wire}[{i}]")
                    for i, c in enumerate(found)
                ]
            continue
        known.add(wire)
        found = children.get(wire, [])
        if len(found) > 1:
            raise XmlDecodeError(f"{path}/{wire}: element appears {len(found)} times")
        if found:
            result[name] = _decode_element(found[0], prop, resolve, f"{path}/{wire}")
    if schema.get("additionalProperties") is False:
        unknown = sorted(set(children) - known)
        if unknown:
            raise XmlDecodeError(f"{path}: unexpected element <{unknown[0]}>")
    return result


def _coerce(text: str, types: set[str], path: str) -> Any:
    stripped = text.strip()
    for kind in ("integer", "number", "boolean"):
        if kind not in types:
            continue
        if kind == "integer":
            try:
                return int(stripped)
            except ValueError:
                pass
        elif kind == "number":
            try:
                number = float(stripped)
            except ValueError:
                continue
            if math.isfinite(number):
                return int(stripped) if stripped.lstrip("+-").isdigit() else number
        elif stripped in ("true", "false"):
            return stripped == "true"
    if not types or "string" in types:
        return text
    if types == {"null"}:
        raise XmlDecodeError(f"{path}: expected nil, found {text!r}")
    wanted = " or ".join(sorted(types - {"null"}))
    raise XmlDecodeError(f"{path}: {text!r} is not a valid {wanted}")


# ---------------------------------------------------------------- encode


def encode(value: Any, schema: Schema, resolve: Resolver, root_name: str | None = None) -> str:
    """Write `value` as XML described by `schema`; deterministic, no XML declaration."""
    effective = _effective(schema, resolve)
    xml = _xml(effective)
    name = root_name or xml.get("name")
    if not name:
        raise ValueError("the schema has no xml.name: pass root_name")
    attributes: list[tuple[str, str]] = []
    if xml.get("namespace"):
        attributes.append(("xmlns", str(xml["namespace"])))
    types, _ = _types(effective, resolve)
    if value is None or isinstance(value, (dict, list)) or types & {"object", "array"}:
        attributes.append(("xmlns:i", XSI_NAMESPACE))
    return _encode_element(name, value, effective, resolve, attributes)


def _scalar_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return repr(value)
    return str(value)


def _start(name: str, attributes: list[tuple[str, str]]) -> str:
    return "<" + name + "".join(f" {k}={quoteattr(v)}" for k, v in attributes)


def _encode_element(
    name: str, value: Any, schema: Schema, resolve: Resolver, attributes: list[tuple[str, str]]
) -> str:
    if value is None:
        return _start(name, [*attributes, ("i:nil", "true")]) + "/>"
    _, main = _types(_effective(schema, resolve), resolve)
    if isinstance(value, dict):
        attrs, body = _encode_object(value, main, resolve)
        attributes = [*attributes, *attrs]
    elif isinstance(value, list):
        items = main.get("items", {})
        item_name = _xml(items).get("name") or _xml(_effective(items, resolve)).get("name") or name
        body = "".join(_encode_element(item_name, v, items, resolve, []) for v in value)
    else:
        body = escape(_scalar_text(value))
    if not body:
        return _start(name, attributes) + "/>"
    return f"{_start(name, attributes)}>{body}</{name}>"


def _encode_object(
    value: dict[str, Any], schema: Schema, resolve: Resolver
) -> tuple[list[tuple[str, str]], str]:
    properties: dict[str, Any] = schema.get("properties") or {}
    names = list(properties)
    if schema.get("x-xml-element-order") == "alphabetical":
        names.sort(key=lambda n: [ord(c) for c in (_xml(properties[n]).get("name") or n)])
    attributes: list[tuple[str, str]] = []
    parts: list[str] = []
    for name in names:
        if name not in value:
            continue
        prop = properties[name]
        prop_schema = _effective(prop, resolve)
        prop_xml = {**_xml(prop_schema), **_xml(prop)}
        wire = str(prop_xml.get("name") or name)
        item = value[name]
        if prop_xml.get("attribute"):
            if item is not None:
                attributes.append((wire, _scalar_text(item)))
            continue
        _, prop_main = _types(prop_schema, resolve)
        if isinstance(item, list) and not prop_xml.get("wrapped"):
            items = prop_main.get("items", {})
            item_wire = _xml(items).get("name") or wire
            parts.extend(_encode_element(item_wire, v, items, resolve, []) for v in item)
            continue
        namespace = _xml(prop).get("namespace")
        extra = [("xmlns", str(namespace))] if namespace else []
        parts.append(_encode_element(wire, item, prop, resolve, extra))
    return attributes, "".join(parts)
