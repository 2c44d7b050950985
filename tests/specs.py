"""Shared access to the project's own specs and generated models, for the tests."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from specpipe import naming
from specpipe.loader import LoadedSpec, join_pointer, load_spec, split_pointer
from specpipe.schemas import SchemaSet
from specpipe.xmlcodec import decode, is_xml_media_type

ROOT = Path(__file__).resolve().parent.parent
APIS = ("calendar", "lsatlas", "opendental", "vba")


@cache
def spec(api: str) -> LoadedSpec:
    return load_spec(ROOT / "spec" / api / "openapi.yaml")


@cache
def schemas(api: str) -> SchemaSet:
    return SchemaSet(spec(api).document)


@cache
def models(api: str) -> ModuleType:
    """The committed generated models module of ``api``."""
    folder = str(ROOT / "generated" / "python" / api)
    if folder not in sys.path:
        sys.path.insert(0, folder)
    return importlib.import_module(f"{naming.python_package(api)}.models")


@dataclass(frozen=True)
class Example:
    api: str
    pointer: str  # of the media type (or parameter) object holding the example
    name: str
    media_type: str | None
    schema_pointer: str
    value: Any  # the wire value (XML examples decoded)
    raw: Any  # the example as written

    @property
    def id(self) -> str:
        return f"{self.api}:{self.pointer}:{self.name}"


def _deref(api: str, node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        node = schemas(api).resolve(node["$ref"])
    return node


def _holders(node: Any, pointer: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every object holding ``schema`` and ``examples`` (media types and parameters)."""
    if isinstance(node, dict):
        if "schema" in node and "examples" in node:
            yield pointer, node
        for key, value in node.items():
            yield from _holders(value, join_pointer(pointer, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _holders(value, join_pointer(pointer, index))


def examples(api: str) -> list[Example]:
    """Every named example of the API's paths, with the schema it must satisfy."""
    document = spec(api).document
    found = []
    for pointer, holder in _holders(document.get("paths", {}), "/paths"):
        tokens = split_pointer(pointer)
        media_type = tokens[-1] if tokens[-2] == "content" else None
        schema = holder["schema"]
        schema_pointer = (
            schema["$ref"][1:]
            if isinstance(schema, dict) and "$ref" in schema
            else f"{pointer}/schema"
        )
        for name, example in holder["examples"].items():
            raw = _deref(api, example)["value"]
            value = raw
            if media_type and is_xml_media_type(media_type):
                value = decode(raw, _deref(api, schema), schemas(api).resolve)
            found.append(Example(api, pointer, name, media_type, schema_pointer, value, raw))
    return found
