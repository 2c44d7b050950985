"""Load an OpenAPI document split over several YAML or JSON files and bundle it into one.

Reading is fast and bounded, because a spec may be large or hostile:

* YAML goes through libyaml's C parser; its events become plain data here, without PyYAML's
  node tree. Anchors and aliases work, but an alias may not make the document explode: a
  document whose aliases expand it past `ALIAS_EXPANSION_FLOOR` nodes and more than
  `ALIAS_EXPANSION_RATIO` times its own size is refused (the "billion laughs" bomb), and so is
  nesting deeper than `MAX_DEPTH`. JSON files (`.json`) are read with `json`.
* A `$ref` may reach only files inside the spec's root folder (`load_spec`); a remote
  (`http:`, `https:`) or other URI reference is never fetched. Every problem is one finding.
* A `$ref` cycle that never reaches a schema (`A: {$ref: B}`, `B: {$ref: A}`, or an `allOf`
  that contains itself) is an error; recursion through `properties` or `items` is legal.
* Lines cost little: YAML keeps the line of each key and item per container while it is read
  (no pointer is built), a JSON file is read a second time for its lines only when a finding
  needs one, and the bundle keeps, for each region copied from a file, where it came from, so
  `locate` maps a bundled pointer to the file and line a person wrote.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import json
import json.decoder
import json.scanner
import os
import re
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import unquote

import yaml
import yaml.constructor
import yaml.events
import yaml.reader
import yaml.resolver

from specpipe.errors import Finding, Location, SpecError

try:
    from yaml.cyaml import CParser as _EventParser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - PyYAML built without libyaml: slower, same result
    from yaml import SafeLoader as _EventParser  # type: ignore[assignment]

__all__ = [
    "ALIAS_EXPANSION_FLOOR",
    "ALIAS_EXPANSION_RATIO",
    "CONFIG_NAME",
    "HTTP_METHODS",
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "LoadedSpec",
    "Location",
    "SpecError",
    "display_path",
    "escape_token",
    "find_config",
    "follow_refs",
    "iter_objects",
    "iter_operations",
    "iter_refs",
    "join_pointer",
    "load_spec",
    "resolve_pointer",
    "resolve_ref",
    "split_pointer",
]

# Deepest nesting of mappings and lists accepted, in a file and in the bundle. Every recursive
# walker downstream (the bundle's YAML dumper at 3 frames a level, openapi-spec-validator and
# jsonschema at about 3 frames per document level, the generators and the diff) stays well
# inside Python's default recursion limit of 1000 at this depth; real specs nest below 30.
MAX_DEPTH = 100
# A longer chain of in-place references (`$ref` to `$ref`, `allOf` members) is refused too.
MAX_REF_CHAIN = MAX_DEPTH
# Aliases may expand a YAML file to this many nodes, or to this many times its own node count,
# whichever is larger (the same kind of bound as Go's yaml.v3); beyond that it is refused.
ALIAS_EXPANSION_FLOOR = 100_000
ALIAS_EXPANSION_RATIO = 10
_ALIAS_HARD_CAP = 10_000_000  # stops a bomb while it is read, long before its end
MAX_FILE_BYTES = 64 * 1024 * 1024
# The nearest folder holding this file (from the root document upwards) is the spec's root
# folder, and its `[lint]` table sets the lint levels (see validate).
CONFIG_NAME = "specpipe.toml"

_COMPONENT_POINTER = re.compile(r"^/components/([^/]+)/([^/]+)$")
_URI_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_VERSION = re.compile(r"^(\d+)\.(\d+)(?:\.(\d+))?")
_SUPPORTED_VERSION = re.compile(r"^3\.[01]\.\d+(?:-[0-9A-Za-z.-]+)?$")


def escape_token(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def join_pointer(pointer: str, token: str | int) -> str:
    return f"{pointer}/{escape_token(str(token))}"


def split_pointer(pointer: str) -> list[str]:
    if not pointer:
        return []
    if not pointer.startswith("/"):
        raise ValueError(f"not a JSON pointer: {pointer!r}")
    return [t.replace("~1", "/").replace("~0", "~") for t in pointer[1:].split("/")]


def resolve_pointer(document: Any, pointer: str) -> Any:
    """The node at `pointer`; raises KeyError when there is none."""
    node = document
    for token in split_pointer(pointer):
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            raise KeyError(pointer)
    return node


def resolve_ref(document: Any, ref: str) -> dict[str, Any]:
    """The object a document-internal ``$ref`` (``#/...``) points at.

    Raises ``KeyError`` with a one-line reason for an external, dangling or non-object ref.
    """
    if not ref.startswith("#"):
        raise KeyError(f"$ref {ref!r} is external: bundle the spec first")
    try:
        target = resolve_pointer(document, ref[1:])
    except (KeyError, ValueError):
        raise KeyError(f"$ref {ref!r} does not resolve") from None
    if not isinstance(target, dict):
        raise KeyError(f"$ref {ref!r} does not point at an object")
    return target


HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def follow_refs(document: Any, node: Any, pointer: str) -> tuple[Any, str]:
    """Follow internal `$ref`s from `node` (at `pointer`); returns the target and its pointer.
    Stops at an external or unresolvable `$ref`, and after 20 hops."""
    for _ in range(20):
        if not (isinstance(node, dict) and isinstance(node.get("$ref"), str)):
            break
        ref = node["$ref"]
        if not ref.startswith("#"):
            break
        try:
            node, pointer = resolve_pointer(document, ref[1:]), ref[1:]
        except KeyError:
            break
    return node, pointer


def iter_operations(document: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any], str]]:
    """(path template, method, operation, pointer) for every operation under `paths`."""
    paths = document.get("paths")
    for template, item in (paths if isinstance(paths, dict) else {}).items():
        item, item_ptr = follow_refs(document, item, join_pointer("/paths", template))
        if not isinstance(item, dict):
            continue
        for method in HTTP_METHODS:
            operation = item.get(method)
            if isinstance(operation, dict):
                yield template, method, operation, join_pointer(item_ptr, method)


def display_path(path: Path) -> str:
    """`path` relative to the working directory when it lies below it, else absolute."""
    return _display_path(str(path), os.getcwd())


@functools.lru_cache(maxsize=1024)
def _display_path(path: str, cwd: str) -> str:
    absolute = Path(cwd, path).resolve()
    try:
        return absolute.relative_to(Path(cwd).resolve()).as_posix()
    except ValueError:
        return absolute.as_posix()


def find_config(start: Path) -> Path | None:
    """The nearest `specpipe.toml` in `start` (a folder) or one of its parents."""
    folder = start.resolve()
    for candidate in (folder, *folder.parents):
        config = candidate / CONFIG_NAME
        if config.is_file():
            return config
    return None


# ------------------------------------------------------------------ what is a reference

# How the members of a node are read when following references. The keys of an object are
# keywords; the keys of a named map are names (so `default` under `responses` is a response and
# `example` under `properties` a schema); data (example values, defaults, enums, constants)
# holds no reference: a `#` `$ref` member there is part of the value.
(
    _OBJECT,  # keywords; may be a reference
    _EXAMPLE,  # an Example object: `value` is data
    _LINK,  # a Link object: `parameters` and `requestBody` are data
    _CALLBACK,  # a Callback object: expressions -> path items; may be a reference
    _NAMED,  # names -> objects
    _NAMED_EXAMPLES,
    _NAMED_LINKS,
    _NAMED_CALLBACKS,
    _DATA,
) = range(9)
_MEMBERS = {
    _NAMED: _OBJECT,
    _NAMED_EXAMPLES: _EXAMPLE,
    _NAMED_LINKS: _LINK,
    _NAMED_CALLBACKS: _CALLBACK,
    _CALLBACK: _OBJECT,
}
_REFERENCE_KINDS = frozenset({_OBJECT, _EXAMPLE, _LINK, _CALLBACK})
_DATA_KEYWORDS = frozenset({"example", "default", "enum", "const"})
_NAMED_KEYWORDS = {
    "examples": _NAMED_EXAMPLES,
    "links": _NAMED_LINKS,
    "callbacks": _NAMED_CALLBACKS,
    **dict.fromkeys(
        (
            "properties",
            "patternProperties",
            "$defs",
            "definitions",
            "dependentSchemas",
            "responses",
            "content",
            "schemas",
            "parameters",
            "headers",
            "securitySchemes",
            "requestBodies",
            "pathItems",
            "paths",
            "webhooks",
            "encoding",
            "variables",
        ),
        _NAMED,
    ),
}


def _member_kind(kind: int, key: str, value: Any) -> int:
    """The kind of the member `key` (holding `value`) of a node of `kind`."""
    member = _MEMBERS.get(kind)
    if member is not None:
        return member
    if kind == _DATA or key in _DATA_KEYWORDS:
        return _DATA
    if (kind == _EXAMPLE and key == "value") or (
        kind == _LINK and key in ("parameters", "requestBody")
    ):
        return _DATA
    if type(value) is dict:
        return _NAMED_KEYWORDS.get(key, _OBJECT)
    if key == "examples":  # a schema's list of example values
        return _DATA
    return _OBJECT


def _component_kind(section: str) -> int:
    """The kind of an entry of `components/<section>`."""
    return _MEMBERS.get(_member_kind(_OBJECT, section, {}), _OBJECT)


def iter_objects(document: Any, *, extensions: bool = True) -> Iterator[tuple[dict[str, Any], str]]:
    """(object, pointer) for every object of `document` whose keys are keywords, in document
    order: not data (example values, `default`, `enum`, `const`), not named maps (`properties`,
    `responses`, ...), and without `x-` extensions unless `extensions`."""
    stack: list[tuple[Any, str, int]] = [(document, "", _OBJECT)]
    while stack:
        node, pointer, kind = stack.pop()
        if type(node) is dict:
            if kind in _REFERENCE_KINDS:
                yield node, pointer
            for key, value in reversed(list(node.items())):
                if type(value) is dict or type(value) is list:
                    name = str(key)
                    if not extensions and name.startswith("x-") and kind in _REFERENCE_KINDS:
                        continue
                    child_kind = _member_kind(kind, name, value)
                    if child_kind != _DATA:
                        stack.append((value, join_pointer(pointer, name), child_kind))
        elif type(node) is list:
            for index in range(len(node) - 1, -1, -1):
                value = node[index]
                if type(value) is dict or type(value) is list:
                    stack.append((value, f"{pointer}/{index}", kind))


def iter_refs(document: Any) -> Iterator[tuple[str, str]]:
    """(pointer of the object holding it, value) for every `$ref` that is a reference, in
    document order. `$ref` members inside data (example values, `default`, `enum`, `const`)
    and keys of named maps (a property called `$ref`) are not references."""
    for node, pointer in iter_objects(document):
        ref = node.get("$ref")
        if isinstance(ref, str):
            yield pointer, ref


# ------------------------------------------------------------------ reading one file


class _Problem(Exception):
    """A file cannot be read as a spec: a one-line message, its 1-based line and pointer."""

    def __init__(self, line: int, message: str, rule: str = "yaml", pointer: str = "") -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.rule = rule
        self.pointer = pointer


class _Duplicate(Exception):
    """A JSON object repeats a key (reported with both lines from a second reading)."""


_TAG = "tag:yaml.org,2002:"
_RESOLVE_TAG: Callable[[type[yaml.Node], str, tuple[bool, bool]], str] = (
    yaml.resolver.Resolver().resolve
)
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_MISSING: Any = object()
_MERGE: Any = object()
_NO_KEY: Any = object()


def _scalar(tag: str, value: str, line: int) -> Any:
    """The value of a scalar with resolved `tag` (dates stay the strings JSON Schema expects)."""
    if tag == _TAG + "str":
        return value
    if tag == _TAG + "null":
        return None
    if tag in (_TAG + "timestamp", _TAG + "value", _TAG + "merge"):
        return value
    node = yaml.ScalarNode(tag, value)
    try:
        if tag == _TAG + "bool":
            return _CONSTRUCTOR.construct_yaml_bool(node)
        if tag == _TAG + "int":
            return _CONSTRUCTOR.construct_yaml_int(node)
        if tag == _TAG + "float":
            return _CONSTRUCTOR.construct_yaml_float(node)
    except (ValueError, KeyError, yaml.YAMLError):
        raise _Problem(line, f"{value[:40]!r} is not a valid {tag[len(_TAG) :]}") from None
    raise _Problem(line, f"the YAML tag {_short_tag(tag)!r} is not supported in a spec")


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag[:60]


def _plain(value: str) -> Any:
    tag = _RESOLVE_TAG(yaml.ScalarNode, value, (True, False))
    return _scalar(tag, value, 0)


class _Frame:
    __slots__ = ("anchor", "is_map", "key", "line", "lines", "merges", "start", "value")

    def __init__(self, is_map: bool, anchor: str | None, start: int, line: int) -> None:
        self.value: Any = {} if is_map else []
        self.lines: Any = {} if is_map else []  # line of each key, or of each item
        self.is_map = is_map
        self.anchor = anchor
        self.start = start
        self.line = line
        self.key: Any = _NO_KEY
        self.merges: list[Any] | None = None


def _line(event: Any) -> int:
    return int(event.start_mark.line) + 1


def _events(text: str) -> Any:
    return _EventParser(text)


# id(mapping or list) -> the line of each of its keys (a dict) or items (a list)
_Lines = dict[int, Any]


def _parse_yaml(text: str, max_depth: int | None = MAX_DEPTH) -> tuple[Any, _Lines]:
    """Plain data from YAML text and where each member is written; raises _Problem."""
    parser = _events(text)
    builder = _Builder(max_depth)
    try:
        return builder.run(parser), builder.tables
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        problem = " ".join(p for p in (exc.context, exc.problem) if p) or "malformed YAML"
        if "nesting depth" in problem:  # libyaml's own bound (1000), met before ours
            raise _Problem(line, f"nesting deeper than {MAX_DEPTH} levels", "yaml-depth") from None
        raise _Problem(line, f"YAML syntax error: {problem}", "yaml-syntax") from None
    except yaml.reader.ReaderError as exc:
        line = text.encode("utf-8")[: exc.position].count(b"\n") + 1
        raise _Problem(line, f"YAML error: {exc.reason}", "yaml-syntax") from None
    except yaml.YAMLError as exc:
        message = (str(exc).strip().splitlines() or ["malformed YAML"])[0]
        raise _Problem(1, f"YAML error: {message}", "yaml-syntax") from None
    finally:
        parser.dispose()


class _Builder:
    """Builds plain data from libyaml's events, bounding depth and alias expansion, and keeps
    the line of every member (cheap: no pointer is built until one is asked for)."""

    def __init__(self, max_depth: int | None = MAX_DEPTH) -> None:
        self.max_depth = max_depth
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.plain: dict[str, Any] = {}
        self.tables: _Lines = {}
        self.expanded = 0  # nodes of the document with every alias expanded
        self.distinct = 0  # nodes actually written
        self.root: Any = None
        self.documents = 0

    def run(self, parser: Any) -> Any:
        get_event = parser.get_event
        scalar_event = yaml.events.ScalarEvent
        mapping_start = yaml.events.MappingStartEvent
        sequence_start = yaml.events.SequenceStartEvent
        mapping_end = yaml.events.MappingEndEvent
        sequence_end = yaml.events.SequenceEndEvent
        alias_event = yaml.events.AliasEvent
        stack = self.stack
        while True:
            event = get_event()
            kind = type(event)
            top = stack[-1] if stack else None
            if kind is scalar_event:
                self.distinct += 1
                self.expanded += 1
                if top is not None and top.is_map and top.key is _NO_KEY:
                    self._key(top, event)
                    continue
                tag = event.tag
                if tag is None:
                    if event.implicit[0]:
                        value = self.plain.get(event.value, _MISSING)
                        if value is _MISSING:
                            try:
                                value = self.plain[event.value] = _plain(event.value)
                            except _Problem as problem:
                                raise _Problem(_line(event), problem.message) from None
                    else:
                        value = event.value
                elif tag == "!":
                    value = event.value
                else:
                    value = _scalar(tag, event.value, _line(event))
                if event.anchor is not None:
                    self.anchors[event.anchor] = (value, 1)
                self._add(value, _line(event))
            elif kind is mapping_start or kind is sequence_start:
                if top is not None and top.is_map and top.key is _NO_KEY:
                    raise _Problem(_line(event), "a mapping key must be a string, not a collection")
                if self.max_depth is not None and len(stack) >= self.max_depth:
                    raise _Problem(
                        _line(event), f"nesting deeper than {MAX_DEPTH} levels", "yaml-depth"
                    )
                is_map = kind is mapping_start
                tag = event.tag
                if tag is not None and tag != "!" and tag != _TAG + ("map" if is_map else "seq"):
                    raise _Problem(
                        _line(event), f"the YAML tag {_short_tag(tag)!r} is not supported in a spec"
                    )
                self.distinct += 1
                self.expanded += 1
                stack.append(_Frame(is_map, event.anchor, self.expanded, _line(event)))
            elif kind is mapping_end or kind is sequence_end:
                frame = stack.pop()
                value = frame.value
                lines = frame.lines
                if frame.merges is not None:
                    value, lines = self._merged(frame)
                self.tables[id(value)] = lines
                if frame.anchor is not None:
                    self.anchors[frame.anchor] = (value, self.expanded - frame.start + 1)
                self._add(value, frame.line)
            elif kind is alias_event:
                if top is not None and top.is_map and top.key is _NO_KEY:
                    raise _Problem(_line(event), "a mapping key must be a string, not an alias")
                found = self.anchors.get(event.anchor)
                if found is None:
                    if any(frame.anchor == event.anchor for frame in stack):
                        raise _Problem(
                            _line(event), f"recursive YAML alias *{event.anchor}", "yaml-alias"
                        )
                    raise _Problem(
                        _line(event), f"YAML alias *{event.anchor} has no anchor", "yaml-alias"
                    )
                value, size = found
                self.expanded += size
                if self.expanded > _ALIAS_HARD_CAP:
                    self._bomb(event)
                self._add(value, _line(event))
            elif kind is yaml.events.DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    raise _Problem(_line(event), "a spec file must hold exactly one YAML document")
            elif kind is yaml.events.StreamEndEvent:
                break
        limit = max(ALIAS_EXPANSION_FLOOR, ALIAS_EXPANSION_RATIO * self.distinct)
        if self.expanded > limit:
            self._bomb(None)
        return self.root

    def _bomb(self, event: Any) -> NoReturn:
        raise _Problem(
            _line(event) if event is not None else 1,
            f"YAML aliases expand this file to more than {ALIAS_EXPANSION_RATIO} times its "
            f"size (over {ALIAS_EXPANSION_FLOOR} nodes): refused",
            "yaml-alias",
        )

    def _pointer(self) -> str:
        """The pointer of the node being read (from the keys and indexes on the stack)."""
        tokens = []
        for frame in self.stack:
            if frame.is_map:
                if frame.key is not _NO_KEY and frame.key is not _MERGE:
                    tokens.append(escape_token(frame.key))
            else:
                tokens.append(str(len(frame.value)))
        return "".join(f"/{t}" for t in tokens)

    def _key(self, top: _Frame, event: Any) -> None:
        key = event.value
        if event.tag is None and key == "<<" and event.implicit[0]:
            top.key = _MERGE
            return
        if key in top.value:
            first = top.lines[key]
            top.key = key
            message = f"duplicate key {key[:60]!r} (first defined on line {first})"
            raise _Problem(_line(event), message, "yaml-duplicate-key", self._pointer())
        top.key = key
        top.lines[key] = _line(event)
        if event.anchor is not None:
            self.anchors[event.anchor] = (key, 1)

    def _add(self, value: Any, line: int) -> None:
        stack = self.stack
        if not stack:
            self.root = value
            return
        top = stack[-1]
        if not top.is_map:
            top.value.append(value)
            top.lines.append(line)
            return
        key = top.key
        top.key = _NO_KEY
        if key is _MERGE:
            sources = value if isinstance(value, list) else [value]
            if not all(isinstance(source, dict) for source in sources):
                raise _Problem(line, "the merge key << needs a mapping or a list of them")
            if top.merges is None:
                top.merges = []
            top.merges.extend(sources)
            return
        top.value[key] = value

    def _merged(self, frame: _Frame) -> tuple[dict[str, Any], dict[str, int]]:
        """The mapping with its `<<` sources merged in (its own keys win, then the first
        source), and the line of each key where it is written."""
        merged: dict[str, Any] = {}
        lines: dict[str, int] = {}
        for source in reversed(frame.merges or []):
            merged.update(source)
            lines.update(self.tables.get(id(source), {}))
        merged.update(frame.value)
        lines.update(frame.lines)
        return merged, lines


def _parse_json(text: str) -> Any:
    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(items)
        if len(result) != len(items):
            raise _Duplicate
        return result

    try:
        return json.loads(text, object_pairs_hook=pairs)
    except json.JSONDecodeError as exc:
        raise _Problem(exc.lineno, f"JSON syntax error: {exc.msg}", "json-syntax") from None


# ------------------------------------------------------------------ lines of JSON, on demand

# the standard library's pure-Python JSON scanner, whose hooks see every value's offset
_JSON_OBJECT: Any = vars(json.decoder)["JSONObject"]
_JSON_ARRAY: Any = vars(json.decoder)["JSONArray"]
_PY_SCANNER: Any = vars(json.scanner)["py_make_scanner"]


def _json_lines(text: str, max_depth: int | None = None) -> tuple[Any, _Lines]:
    """A JSON text read again with the line of every member: by libyaml (JSON is YAML), else
    (surrogate escapes, tabs, keys over 1024 characters) by the JSON module's Python scanner."""
    try:
        return _parse_yaml(text, max_depth)
    except _Problem as problem:
        if problem.rule != "yaml-syntax":
            raise  # too deep or a duplicate key: a problem of the file itself
    return _json_lines_py(text)


def _json_lines_py(text: str) -> tuple[Any, _Lines]:
    newlines = [i for i, char in enumerate(text) if char == "\n"]
    tables: _Lines = {}

    def line_at(offset: int) -> int:
        return bisect.bisect_left(newlines, offset) + 1

    def key_line(s: str, value_start: int) -> int:
        index = value_start - 1
        while index > 0 and s[index] in " \t\r\n:":
            index -= 1
        return line_at(index)  # the key's closing quote, on the key's line

    def recording(scan_once: Any, starts: list[int]) -> Any:
        def scan(s: str, index: int) -> Any:
            starts.append(index)
            return scan_once(s, index)

        return scan

    def parse_object(
        s_and_end: tuple[str, int], strict: bool, scan_once: Any, hook: Any, pairs: Any, memo: Any
    ) -> tuple[dict[str, Any], int]:
        starts: list[int] = []
        found, end = _JSON_OBJECT(s_and_end, strict, recording(scan_once, starts), None, list, memo)
        value: dict[str, Any] = {}
        lines: dict[str, int] = {}
        s = s_and_end[0]
        for (key, member), start in zip(found, starts, strict=False):
            line = key_line(s, start)
            if key in value:
                message = f"duplicate key {key[:60]!r} (first defined on line {lines[key]})"
                raise _Problem(line, message, "yaml-duplicate-key")
            value[key] = member
            lines[key] = line
        tables[id(value)] = lines
        return value, end

    def parse_array(s_and_end: tuple[str, int], scan_once: Any) -> tuple[list[Any], int]:
        starts: list[int] = []
        value, end = _JSON_ARRAY(s_and_end, recording(scan_once, starts))
        tables[id(value)] = [line_at(start) for start in starts]
        return value, end

    context: Any = json.JSONDecoder()
    context.parse_object = parse_object
    context.parse_array = parse_array
    context.scan_once = _PY_SCANNER(context)
    try:
        data, _ = context.raw_decode(text, len(text) - len(text.lstrip()))
    except RecursionError:
        raise _Problem(1, f"nesting deeper than {MAX_DEPTH} levels", "yaml-depth") from None
    except ValueError:
        return None, {}
    return data, tables


_WHITESPACE = re.compile(r"[ \t\n\r]*")
_JSON_VALUE = json.JSONDecoder()  # its raw_decode runs the C scanner: skips a value fast
_SCAN_STRING: Any = vars(json.decoder)["scanstring"]
_TARGETED = 32  # pointers of a JSON file located by a scan along them before a full map


def _json_locate(
    text: str, pointer: str, ends: dict[int, int] | None = None
) -> tuple[int, str] | None:
    """(line, pointer) of the node at `pointer` or of its nearest ancestor, found by reading
    `text` only along the pointer (the members before it are skipped by the C scanner, and
    remembered in `ends`, start offset to end, for the next pointer); None if the text is not
    as the loader read it."""
    ends = {} if ends is None else ends
    try:
        index = _WHITESPACE.match(text).end()  # type: ignore[union-attr]
        line, found = 1, ""
        for token in split_pointer(pointer):
            opening = text[index : index + 1]
            at = None
            if opening == "{":
                index = _WHITESPACE.match(text, index + 1).end()  # type: ignore[union-attr]
                while text[index : index + 1] == '"':
                    key, index = _SCAN_STRING(text, index + 1)
                    key_end = index - 1
                    index = _WHITESPACE.match(text, index).end()  # type: ignore[union-attr]
                    index = _WHITESPACE.match(text, index + 1).end()  # type: ignore[union-attr]
                    if key == token:
                        at = key_end
                        break
                    index = _skip(text, index, ends)
                    if text[index : index + 1] != ",":
                        break
                    index = _WHITESPACE.match(text, index + 1).end()  # type: ignore[union-attr]
            elif opening == "[" and token.isdigit():
                index = _WHITESPACE.match(text, index + 1).end()  # type: ignore[union-attr]
                for position in range(int(token) + 1):
                    if text[index : index + 1] in ("]", ""):
                        break
                    if position == int(token):
                        at = index
                        break
                    index = _skip(text, index, ends)
                    if text[index : index + 1] != ",":
                        break
                    index = _WHITESPACE.match(text, index + 1).end()  # type: ignore[union-attr]
            if at is None:
                break
            line = text.count("\n", 0, at) + 1
            found = f"{found}/{escape_token(token)}"
        return line, found
    except (ValueError, IndexError):
        return None


def _containers(node: Any) -> list[Any]:
    """Every dict and list under `node` (itself included), each once, in document order."""
    found: list[Any] = []
    seen: set[int] = set()
    stack = [node]
    while stack:
        item = stack.pop()
        if (type(item) is not dict and type(item) is not list) or id(item) in seen:
            continue
        seen.add(id(item))
        found.append(item)
        members = item.values() if type(item) is dict else item
        stack.extend(reversed([m for m in members if type(m) is dict or type(m) is list]))
    return found


def _skip(text: str, index: int, ends: dict[int, int]) -> int:
    """The offset after the JSON value at `index` and the whitespace that follows it."""
    end = ends.get(index)
    if end is None:
        _, after = _JSON_VALUE.raw_decode(text, index)
        end = ends[index] = _WHITESPACE.match(text, after).end()  # type: ignore[union-attr]
    return end


@dataclass
class _File:
    path: Path
    data: Any
    text: str = field(repr=False)
    is_json: bool = False
    # the data that `lines` describes (for JSON, a second reading made on demand)
    _lines: tuple[Any, _Lines] | None = field(default=None, repr=False)
    _scans: int = field(default=0, repr=False)
    _ends: dict[int, int] = field(default_factory=dict, repr=False)  # see _json_locate

    # A copy (a pickle a process sends once the spec is loaded) travels light and exact: the
    # parsed data serves only the loading, so it stays behind unless the line tables describe
    # it (YAML); and the tables, keyed by the id() of each node, which a copy does not keep,
    # travel in the order of a walk of the nodes.
    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        if self._lines is None or self._lines[0] is not self.data:
            state["data"] = None
        if self._lines is not None:
            node, tables = self._lines
            state["_lines"] = (node, [tables.get(id(n)) for n in _containers(node)])
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        lines = state.get("_lines")
        if lines is not None:
            node, ordered = lines
            nodes = _containers(node)
            state["_lines"] = (
                node,
                {id(n): t for n, t in zip(nodes, ordered, strict=True) if t is not None},
            )
        self.__dict__.update(state)

    def lines(self) -> tuple[Any, _Lines]:
        if self._lines is None:
            try:
                self._lines = _json_lines(self.text)
            except _Problem:
                self._lines = (None, {})
        return self._lines

    def locate(self, pointer: str) -> tuple[int, str]:
        """(line, pointer) of the node at `pointer` or of its nearest ancestor in this file.

        In a JSON file the first few pointers are found by a scan along each (a report of a
        few changes in a 4 MB file needs no map of every line); then every line is mapped."""
        if self.is_json and self._lines is None and self._scans < _TARGETED:
            self._scans += 1
            located = _json_locate(self.text, pointer, self._ends)
            if located is not None:
                return located
        node, tables = self.lines()
        line, found = 1, ""
        for token in split_pointer(pointer):
            table = tables.get(id(node))
            if table is None:
                break
            if type(node) is dict:
                if token not in node:
                    break
                line = table.get(token, line)
                node = node[token]
            elif type(node) is list and token.isdigit() and int(token) < len(node):
                line = table[int(token)]
                node = node[int(token)]
            else:
                break
            found = f"{found}/{escape_token(token)}"
        return line, found

    def location(self, pointer: str) -> Location:
        line, found = self.locate(pointer)
        return Location(display_path(self.path), line, found)


def _read(path: Path) -> _File:
    """One spec file, parsed; raises SpecError (one finding) when it cannot be."""
    where = Location(display_path(path), 1, "")
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise SpecError([Finding(where, "not a regular file", "file")])
        if info.st_size > MAX_FILE_BYTES:
            size = MAX_FILE_BYTES // (1024 * 1024)
            raise SpecError([Finding(where, f"larger than {size} MiB: refused", "file")])
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SpecError([Finding(where, "file not found", "file")]) from None
    except OSError as exc:
        raise SpecError([Finding(where, f"cannot read: {exc.strerror or exc}", "file")]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SpecError([Finding(where, f"not UTF-8 text: {exc.reason}", "file")]) from None
    is_json = path.suffix.lower() == ".json"
    file = _File(path, None, text, is_json)
    try:
        if is_json:
            try:
                file.data = _parse_json(text)
            except (_Duplicate, RecursionError):
                _json_lines(text, MAX_DEPTH)  # raises the problem with its line
                raise _Problem(1, "malformed JSON", "json-syntax") from None
        else:
            file.data, tables = _parse_yaml(text)
            file._lines = (file.data, tables)
    except _Problem as problem:
        location = Location(where.file, problem.line, problem.pointer)
        raise SpecError([Finding(location, problem.message, problem.rule)]) from None
    return file


def _check_version(file: _File) -> None:
    """One clear line for a document that is not OpenAPI 3.0 or 3.1."""
    data = file.data
    if "openapi" not in data:
        if "swagger" in data:
            message = (
                f"Swagger {data['swagger']} documents are not supported: convert it to OpenAPI "
                "3.0 or 3.1 first"
            )
            raise SpecError([Finding(file.location("/swagger"), message, "openapi-version")])
        message = "not an OpenAPI document: it has no `openapi` field"
        raise SpecError([Finding(file.location(""), message, "openapi-version")])
    version = data["openapi"]
    if not isinstance(version, str):
        message = (
            f'`openapi` must be a string such as "3.1.0", not the {type(version).__name__} '
            f"{str(version)[:20]}: quote it"
        )
        raise SpecError([Finding(file.location("/openapi"), message, "openapi-version")])
    if _SUPPORTED_VERSION.match(version):
        return
    parsed = _VERSION.match(version)
    if parsed and (int(parsed[1]), int(parsed[2])) >= (3, 2):
        message = f"OpenAPI {version[:20]} is not supported: specpipe reads OpenAPI 3.0 and 3.1"
    elif parsed and int(parsed[1]) < 3:
        message = f"OpenAPI {version[:20]} is not supported: convert it to 3.0 or 3.1 first"
    else:
        message = f"`openapi` is {version[:20]!r}: expected a 3.0.x or 3.1.x version"
    raise SpecError([Finding(file.location("/openapi"), message, "openapi-version")])


# ------------------------------------------------------------------ bundling

_Key = tuple[Path, str]


@dataclass(frozen=True)
class _Splice:
    """A region of the bundle copied from `file` at `pointer`; `holder` is where the `$ref`
    that brought it was written (the origin of the region's own node)."""

    file: _File
    pointer: str
    holder: tuple[_File, str] | None = None


def _locate(splices: dict[str, _Splice], root: Path, pointer: str) -> Location:
    probe = pointer
    while probe not in splices:
        if not probe:
            return Location(display_path(root), 1, "")
        probe = probe.rsplit("/", 1)[0]
    splice = splices[probe]
    rest = pointer[len(probe) :]
    if not rest and splice.holder is not None:
        holder, holder_ptr = splice.holder
        return holder.location(holder_ptr)
    return splice.file.location(splice.pointer + rest)


@dataclass
class LoadedSpec:
    """A bundled OpenAPI document and where each of its nodes was written.

    `root_dir` is the folder its `$ref`s may reach; `config` the `specpipe.toml` that applies
    to it (None when there is none). Lines are read from a file only when `locate` first needs
    one of its lines.
    """

    root: Path
    document: dict[str, Any]
    files: list[Path]
    ref_findings: list[Finding] = field(default_factory=list, repr=False)
    root_dir: Path = field(default=Path("."), repr=False)
    config: Path | None = field(default=None, repr=False)
    splices: dict[str, _Splice] = field(default_factory=dict, repr=False)
    # every reference of the bundled document: (pointer of its holder, `$ref` value), as
    # `iter_refs(document)` finds them
    refs: list[tuple[str, str]] = field(default_factory=list, repr=False)

    def locate(self, pointer: str) -> Location:
        """The origin of the bundled node at `pointer`, or of its nearest ancestor that has one."""
        return _locate(self.splices, self.root, pointer)

    @cached_property
    def origins(self) -> dict[str, Location]:
        """The origin of every node (costly for a large spec: prefer `locate`)."""
        found: dict[str, Location] = {}
        stack: list[tuple[Any, str]] = [(self.document, "")]
        while stack:
            node, pointer = stack.pop()
            found[pointer] = self.locate(pointer)
            if isinstance(node, dict):
                stack.extend((v, join_pointer(pointer, k)) for k, v in node.items())
            elif isinstance(node, list):
                stack.extend((v, f"{pointer}/{i}") for i, v in enumerate(node))
        return found


class _Bundler:
    def __init__(self, root: Path, root_dir: Path) -> None:
        self.root = root.resolve()
        self.root_dir = root_dir.resolve()
        self.files: dict[Path, _File] = {}
        self.splices: dict[str, _Splice] = {}
        self.ref_findings: list[Finding] = []
        self.conflicts: list[Finding] = []
        # where each external target lives in the bundle
        self.placed: dict[_Key, str] = {}
        # regions of files copied so far: file -> pointer in the file -> pointer in the bundle
        self.copied: dict[Path, dict[str, str]] = {}
        # root components entries that stand for an external target (rule a)
        self.aliases: dict[str, _Key] = {}
        self.hoisted: dict[str, dict[str, Any]] = {}
        self.hoisted_from: dict[str, _Key] = {}
        self.including: list[_Key] = []  # data files being inlined (a cycle guard)
        self.refs: list[tuple[str, str]] = []  # every reference the bundle holds
        self.holders: dict[str, dict[str, Any]] = {}  # pointer -> the object holding a $ref

    def file(self, path: Path) -> _File:
        """The file at `path` (resolved), read once."""
        found = self.files.get(path)
        if found is None:
            path = path.resolve()
            found = self.files.get(path)
            if found is None:
                found = self.files[path] = _read(path)
        return found

    def run(self) -> LoadedSpec:
        if not self.root.is_relative_to(self.root_dir):
            location = Location(display_path(self.root), 1, "")
            message = f"the root document is outside its root folder {display_path(self.root_dir)}"
            raise SpecError([Finding(location, message, "ref-outside-root")])
        root = self.file(self.root)
        if not isinstance(root.data, dict):
            message = "the root document must be a mapping"
            raise SpecError([Finding(root.location(""), message, "yaml")])
        _check_version(root)
        self._find_aliases(root)
        self._splice("", root, "")
        document = self.copy(root.data, _OBJECT, root, "", "", 0)
        assert isinstance(document, dict)
        if self.hoisted:
            components = document.setdefault("components", {})
            for kind, entries in self.hoisted.items():
                section = components.setdefault(kind, {})
                for name, value in entries.items():
                    section[name] = value
        if self.conflicts:
            raise SpecError(self.conflicts)
        spec = LoadedSpec(
            root=self.root,
            document=document,
            files=sorted(self.files),
            ref_findings=self.ref_findings,
            root_dir=self.root_dir,
            splices=self.splices,
            refs=self.refs,
        )
        _check_ref_chains(spec, self.holders)
        return spec

    def _splice(
        self,
        out_ptr: str,
        file: _File,
        pointer: str,
        holder: tuple[_File, str] | None = None,
        region: bool = True,
    ) -> None:
        self.splices[out_ptr] = _Splice(file, pointer, holder)
        if region:  # references into it may point at the copy
            self.copied.setdefault(file.path, {}).setdefault(pointer, out_ptr)

    def _find_aliases(self, root: _File) -> None:
        components = root.data.get("components")
        if not isinstance(components, dict):
            return
        for kind, entries in components.items():
            if not isinstance(entries, dict):
                continue
            for name, entry in entries.items():
                if not (isinstance(entry, dict) and len(entry) == 1):
                    continue
                ref = entry.get("$ref")
                if not isinstance(ref, str) or ref.startswith("#"):
                    continue
                key = self._target(ref, root)
                pointer = join_pointer(join_pointer("/components", kind), name)
                if isinstance(key, tuple) and key not in self.placed and self._exists(key):
                    self.placed[key] = pointer
                    self.aliases[pointer] = key

    def _target(self, ref: str, source: _File) -> _Key | str:
        """The (file, pointer) a `$ref` names, or why it is not followed."""
        location, _, fragment = ref.partition("#")
        if _URI_SCHEME.match(location) or location.startswith("//"):
            if location.lower().startswith(("http:", "https:", "//")):
                return f"$ref {ref!r} is remote: URLs are never fetched (save the file locally)"
            return f"$ref {ref!r} is a URI: only relative file paths and #/ pointers are followed"
        if not location:
            return source.path, unquote(fragment)
        path = (source.path.parent / unquote(location)).resolve()
        if not path.is_relative_to(self.root_dir):
            folder = display_path(self.root_dir)
            return f"$ref {ref!r} leaves the spec's root folder {folder}: refused"
        return path, unquote(fragment)

    def copy(
        self, value: Any, kind: int, source: _File, src_ptr: str, out_ptr: str, depth: int
    ) -> Any:
        """`value` (at `src_ptr` of `source`) as it goes to `out_ptr` of the bundle."""
        cls = type(value)
        if cls is not dict and cls is not list:
            return value
        if depth >= MAX_DEPTH:
            self._too_deep(out_ptr)
        if kind == _DATA:
            return self._data(value, source, src_ptr, out_ptr, depth)
        if cls is list:
            return [
                self.copy(item, kind, source, f"{src_ptr}/{i}", f"{out_ptr}/{i}", depth + 1)
                if type(item) is dict or type(item) is list
                else item
                for i, item in enumerate(value)
            ]
        ref = value.get("$ref")
        if isinstance(ref, str) and kind in _REFERENCE_KINDS:
            alias = self.aliases.get(out_ptr) if source.path == self.root else None
            if alias is not None:
                return self._inline(alias, kind, source, src_ptr, out_ptr, {}, depth)
            return self._ref(ref, value, kind, source, src_ptr, out_ptr, depth)
        return self._members(value, kind, source, src_ptr, out_ptr, depth, None)

    def _members(
        self,
        value: dict[str, Any],
        kind: int,
        source: _File,
        src_ptr: str,
        out_ptr: str,
        depth: int,
        skip: str | None,
    ) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, item in value.items():
            if key == skip:
                continue
            if type(item) is dict or type(item) is list:
                token = key if "~" not in key and "/" not in key else escape_token(key)
                result[key] = self.copy(
                    item,
                    _member_kind(kind, key, item),
                    source,
                    f"{src_ptr}/{token}",
                    f"{out_ptr}/{token}",
                    depth + 1,
                )
            else:
                result[key] = item
        return result

    def _too_deep(self, out_ptr: str) -> NoReturn:
        location = _locate(self.splices, self.root, out_ptr)
        message = f"nesting deeper than {MAX_DEPTH} levels"
        raise SpecError([Finding(location, message, "yaml-depth")])

    def _data(self, value: Any, source: _File, src_ptr: str, out_ptr: str, depth: int) -> Any:
        """A copy of data. A `$ref` to a file in it stands for that file's content (how
        multi-file specs keep example values in files); a `#` pointer is part of the value."""
        cls = type(value)
        if cls is not dict and cls is not list:
            return value
        if depth >= MAX_DEPTH:
            self._too_deep(out_ptr)
        if cls is list:
            return [
                self._data(item, source, f"{src_ptr}/{i}", f"{out_ptr}/{i}", depth + 1)
                if type(item) is dict or type(item) is list
                else item
                for i, item in enumerate(value)
            ]
        ref = value.get("$ref")
        if isinstance(ref, str) and not ref.startswith("#"):
            included = self._include(ref, value, source, src_ptr, out_ptr, depth)
            if included is not _MISSING:
                return included
        result: dict[str, Any] = {}
        for key, item in value.items():
            if type(item) is dict or type(item) is list:
                token = key if "~" not in key and "/" not in key else escape_token(key)
                result[key] = self._data(
                    item, source, f"{src_ptr}/{token}", f"{out_ptr}/{token}", depth + 1
                )
            else:
                result[key] = item
        return result

    def _include(
        self, ref: str, value: dict[str, Any], source: _File, src_ptr: str, out_ptr: str, depth: int
    ) -> Any:
        """The content of the file a `$ref` inside data names, or _MISSING (a URL or a URI is
        data; a file that cannot be included is reported)."""
        location = ref.partition("#")[0]
        if _URI_SCHEME.match(location) or location.startswith("//"):
            return _MISSING
        key = self._target(ref, source)
        if isinstance(key, str):
            self._dangling(source, src_ptr, key)
            return _MISSING
        content = self._resolve(key, ref, source, src_ptr)
        if content is _MISSING:
            return _MISSING
        if key in self.including:
            self._dangling(source, src_ptr, f"$ref {ref!r} includes itself")
            return _MISSING
        target = self.file(key[0])
        self.including.append(key)
        self._splice(out_ptr, target, key[1], (source, src_ptr), region=False)
        try:
            copied = self._data(content, target, key[1], out_ptr, depth)
        finally:
            self.including.pop()
        if isinstance(copied, dict):
            for name, item in value.items():
                if name != "$ref":
                    token = escape_token(name)
                    self._splice(f"{out_ptr}/{token}", source, f"{src_ptr}/{token}", region=False)
                    copied[name] = (
                        self._data(
                            item, source, f"{src_ptr}/{token}", f"{out_ptr}/{token}", depth + 1
                        )
                        if type(item) is dict or type(item) is list
                        else item
                    )
        return copied

    def _dangling(self, source: _File, src_ptr: str, message: str) -> None:
        location = source.location(join_pointer(src_ptr, "$ref"))
        self.ref_findings.append(Finding(location, message, "ref-resolves"))

    def _resolve(self, key: _Key, ref: str, source: _File, src_ptr: str) -> Any:
        """The node `key` names, or _MISSING after reporting why there is none."""
        path, pointer = key
        if pointer and not pointer.startswith("/"):
            self._dangling(source, src_ptr, f"$ref {ref!r}: fragment is not a JSON pointer")
            return _MISSING
        try:
            target = self.file(path)
        except SpecError as exc:
            if exc.findings[0].rule != "file":
                raise  # a referenced file that is malformed is an error of that file
            reason = exc.findings[0].message
            self._dangling(source, src_ptr, f"$ref {ref!r} does not resolve: {reason}")
            return _MISSING
        try:
            return resolve_pointer(target.data, pointer)
        except KeyError:
            where = display_path(path)
            message = f"$ref {ref!r} does not resolve: no {pointer or '/'} in {where}"
            self._dangling(source, src_ptr, message)
            return _MISSING

    def _ref(
        self,
        ref: str,
        value: dict[str, Any],
        kind: int,
        source: _File,
        src_ptr: str,
        out_ptr: str,
        depth: int,
    ) -> Any:
        siblings = self._members(value, kind, source, src_ptr, out_ptr, depth, "$ref")

        def keep(target: str) -> dict[str, Any]:
            holder = {"$ref": target, **siblings}
            self.refs.append((out_ptr, target))
            self.holders[out_ptr] = holder
            return holder

        key = self._target(ref, source)
        if isinstance(key, str):
            self._dangling(source, src_ptr, key)
            return keep(ref)
        path, pointer = key
        if path == self.root:
            # internal to the root document: the bundle keeps root pointers unchanged
            if self._resolve(key, ref, source, src_ptr) is _MISSING:
                return keep(ref)
            return keep("#" + pointer)
        known = self._known(key)
        if known is not None:
            return keep("#" + known)
        if self._resolve(key, ref, source, src_ptr) is _MISSING:
            return keep(ref)
        if _COMPONENT_POINTER.match(pointer):
            _, section, name = split_pointer(pointer)
            return keep("#" + self._hoist(key, section, name, source, src_ptr))
        return self._inline(key, kind, source, src_ptr, out_ptr, siblings, depth)

    def _exists(self, key: _Key) -> bool:
        try:
            resolve_pointer(self.file(key[0]).data, key[1])
        except (KeyError, ValueError, SpecError):
            return False
        return True

    def _known(self, key: _Key) -> str | None:
        if key in self.placed:
            return self.placed[key]
        path, pointer = key
        regions = self.copied.get(path, {})
        probe = pointer
        while True:
            if probe in regions:
                return regions[probe] + pointer[len(probe) :]
            if not probe:
                return None
            probe = probe.rsplit("/", 1)[0]

    def _hoist(self, key: _Key, section: str, name: str, source: _File, src_ptr: str) -> str:
        out_ptr = join_pointer(join_pointer("/components", section), name)
        root_components = self.file(self.root).data.get("components")
        entries = root_components.get(section) if isinstance(root_components, dict) else None
        existing = entries.get(name) if isinstance(entries, dict) else None
        taken_by = self.hoisted_from.get(out_ptr)
        if (existing is not None and self.aliases.get(out_ptr) != key) or (
            taken_by not in (None, key)
        ):
            line, _ = source.locate(join_pointer(src_ptr, "$ref"))
            location = Location(display_path(source.path), line, src_ptr)
            other = (
                f"{display_path(taken_by[0])}#{taken_by[1]}" if taken_by else "the root document"
            )
            self.conflicts.append(
                Finding(
                    location,
                    f"cannot bundle {display_path(key[0])}#{key[1]}: "
                    f"{out_ptr} is already taken by {other}",
                    "bundle-conflict",
                )
            )
            return out_ptr
        self.placed[key] = out_ptr
        self.hoisted_from[out_ptr] = key
        hoisted = self.hoisted.setdefault(section, {})
        hoisted[name] = None  # keep first-encounter order
        target = self.file(key[0])
        self._splice(out_ptr, target, key[1])
        content = resolve_pointer(target.data, key[1])
        hoisted[name] = self.copy(content, _component_kind(section), target, key[1], out_ptr, 2)
        return out_ptr

    def _inline(
        self,
        key: _Key,
        kind: int,
        source: _File,
        src_ptr: str,
        out_ptr: str,
        siblings: dict[str, Any],
        depth: int,
    ) -> Any:
        # callers have checked that the target exists
        self.placed[key] = out_ptr
        target = self.file(key[0])
        content = resolve_pointer(target.data, key[1])
        # the reference line stays the origin of the inlined node itself
        self._splice(out_ptr, target, key[1], (source, src_ptr))
        for name in siblings:
            token = escape_token(name)
            self._splice(f"{out_ptr}/{token}", source, f"{src_ptr}/{token}")
        copied = self.copy(content, kind, target, key[1], out_ptr, depth)
        if isinstance(copied, dict) and siblings:
            copied.update(siblings)
        return copied


# ------------------------------------------------------------------ reference cycles

# Keywords that apply a schema to the same instance: following only these, a reference must
# end at a schema of its own; recursion through `properties`, `items`, ... is legal.
_IN_PLACE_LISTS = ("allOf", "anyOf", "oneOf")
_IN_PLACE_SINGLE = ("not", "if", "then", "else")


def _in_place_members(node: dict[str, Any], pointer: str) -> Iterator[tuple[Any, str]]:
    for key in _IN_PLACE_LISTS:
        members = node.get(key)
        if isinstance(members, list):
            for index, member in enumerate(members):
                yield member, f"{pointer}/{key}/{index}"
    for key in _IN_PLACE_SINGLE:
        member = node.get(key)
        if isinstance(member, dict):
            yield member, f"{pointer}/{key}"


def _reach(node: Any, pointer: str, holders: dict[str, str], out: list[str], depth: int) -> None:
    """Append the reference holders that `node` applies in place (stopping at each)."""
    if not isinstance(node, dict) or depth > MAX_DEPTH:
        return
    if pointer in holders:
        out.append(pointer)
        return
    for member, member_ptr in _in_place_members(node, pointer):
        _reach(member, member_ptr, holders, out, depth + 1)


def _check_ref_chains(spec: LoadedSpec, nodes: dict[str, dict[str, Any]]) -> None:
    """Refuse a cycle of in-place references (it never reaches a schema) and a chain of them
    longer than MAX_REF_CHAIN: either sends a recursive consumer into endless recursion.
    `nodes` holds the object at each reference's pointer."""
    document = spec.document
    holders = {holder: ref for holder, ref in spec.refs if ref.startswith("#")}
    reached: dict[str, list[str]] = {}  # target pointer -> holders it applies in place
    successors: dict[str, list[str]] = {}
    for holder, ref in holders.items():
        target_ptr = ref[1:]
        found = reached.get(target_ptr)
        if found is None:
            found = reached[target_ptr] = []
            with contextlib.suppress(KeyError, ValueError):  # else reported as not resolving
                _reach(resolve_pointer(document, target_ptr), target_ptr, holders, found, 0)
        node = nodes.get(holder)
        if node is None:
            node = resolve_pointer(document, holder)
        own: list[str] = []
        for member, member_ptr in _in_place_members(node, holder):
            _reach(member, member_ptr, holders, own, 0)
        successors[holder] = found + own if own else found
    longest: dict[str, int] = {}  # holder -> longest in-place chain from it
    for start in successors:
        if start in longest:
            continue
        path = [start]
        pending = [iter(successors[start])]
        while pending:
            step = next(pending[-1], None)
            if step is None:
                done = path.pop()
                pending.pop()
                longest[done] = 1 + max((longest[s] for s in successors[done]), default=0)
                if longest[done] > MAX_REF_CHAIN:
                    message = f"a chain of more than {MAX_REF_CHAIN} $refs applied in place"
                    location = spec.locate(join_pointer(done, "$ref"))
                    raise SpecError([Finding(location, message, "ref-cycle")])
            elif step in path:
                cycle = path[path.index(step) :]
                names = " -> ".join(holders[p] for p in cycle[:4])
                more = " -> ..." if len(cycle) > 4 else ""
                message = f"$ref cycle that never reaches a schema: {names}{more} -> again"
                location = spec.locate(join_pointer(cycle[0], "$ref"))
                raise SpecError([Finding(location, message, "ref-cycle")])
            elif step not in longest:
                path.append(step)
                pending.append(iter(successors[step]))


def load_spec(path: Path, *, root_dir: Path | None = None) -> LoadedSpec:
    """Read the root document at `path` and every file it refers to, and bundle them.

    `$ref`s may reach files inside `root_dir`: by default the folder of the nearest
    `specpipe.toml` above the document, else the document's own folder. Raises SpecError for
    unreadable or malformed files, an unsupported version, excessive nesting or aliasing,
    reference cycles and bundling conflicts; references that do not resolve (or are refused)
    are not fatal here and are reported in `ref_findings` (see validate).
    """
    config = find_config(path.resolve().parent)
    if root_dir is None:
        root_dir = config.parent if config is not None else path.resolve().parent
    spec = _Bundler(path, root_dir).run()
    spec.config = config
    return spec
