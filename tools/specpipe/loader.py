"""Load an OpenAPI document split over several YAML files and bundle it into one.

Every node keeps its origin (file, line, pointer inside that file), so findings about the bundled
document can name the line a person wrote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import yaml

from specpipe.errors import Finding, Location, SpecError

__all__ = [
    "LoadedSpec",
    "Location",
    "SpecError",
    "display_path",
    "escape_token",
    "join_pointer",
    "load_spec",
    "resolve_pointer",
    "split_pointer",
]

_COMPONENT_POINTER = re.compile(r"^/components/([^/]+)/([^/]+)$")
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


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
    except KeyError:
        raise KeyError(f"$ref {ref!r} does not resolve") from None
    if not isinstance(target, dict):
        raise KeyError(f"$ref {ref!r} does not point at an object")
    return target


def display_path(path: Path) -> str:
    """`path` relative to the working directory when it lies below it, else absolute."""
    absolute = path.resolve()
    try:
        return absolute.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return absolute.as_posix()


@dataclass
class _File:
    path: Path
    data: Any
    lines: dict[str, int]

    def line(self, pointer: str) -> int:
        while pointer not in self.lines and pointer:
            pointer = pointer.rsplit("/", 1)[0]
        return self.lines.get(pointer, 1)


class _Composer:
    """Turns a PyYAML node tree into plain data plus a pointer -> line index."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lines: dict[str, int] = {}
        self.findings: list[Finding] = []
        self.constructor = yaml.SafeLoader("")

    def build(self, node: yaml.Node, pointer: str) -> Any:
        self.lines.setdefault(pointer, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    merged = self.build(value_node, pointer)
                    for item in merged if isinstance(merged, list) else [merged]:
                        if isinstance(item, dict):
                            for k, v in item.items():
                                result.setdefault(k, v)
                    continue
                if not isinstance(key_node, yaml.ScalarNode):
                    self._finding(key_node, pointer, "mapping keys must be scalars")
                    continue
                key = str(key_node.value)
                child = join_pointer(pointer, key)
                if key in result:
                    self._finding(
                        key_node,
                        child,
                        f"duplicate key {key!r} (first defined on line {self.lines[child]})",
                        "yaml-duplicate-key",
                    )
                    continue
                self.lines[child] = key_node.start_mark.line + 1
                result[key] = self.build(value_node, child)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, join_pointer(pointer, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        if node.tag == _TIMESTAMP_TAG:
            return str(node.value)  # keep dates as the strings JSON Schema expects
        return self.constructor.construct_object(node, deep=True)

    def _finding(self, node: yaml.Node, pointer: str, message: str, rule: str = "yaml") -> None:
        location = Location(display_path(self.path), node.start_mark.line + 1, pointer)
        self.findings.append(Finding(location, message, rule))


def _read_yaml(path: Path) -> _File:
    text = path.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        problem = " ".join(p for p in (exc.context, exc.problem) if p) or str(exc)
        location = Location(display_path(path), line, "")
        raise SpecError(
            [Finding(location, f"YAML syntax error: {problem}", "yaml-syntax")]
        ) from None
    except yaml.YAMLError as exc:
        location = Location(display_path(path), 1, "")
        raise SpecError([Finding(location, f"YAML error: {exc}", "yaml-syntax")]) from None
    if node is None:
        return _File(path, None, {"": 1})
    composer = _Composer(path)
    try:
        data = composer.build(node, "")
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        location = Location(display_path(path), mark.line + 1 if mark else 1, "")
        raise SpecError([Finding(location, f"YAML error: {exc.problem}", "yaml-syntax")]) from None
    if composer.findings:
        raise SpecError(composer.findings)
    return _File(path, data, composer.lines)


_Key = tuple[Path, str]


@dataclass
class LoadedSpec:
    """A bundled OpenAPI document and the origin of every node in it."""

    root: Path
    document: dict[str, Any]
    files: list[Path]
    origins: dict[str, Location] = field(repr=False)
    ref_findings: list[Finding] = field(default_factory=list, repr=False)

    def locate(self, pointer: str) -> Location:
        """The origin of the bundled node at `pointer`, or of its nearest ancestor that has one."""
        probe = pointer
        while True:
            found = self.origins.get(probe)
            if found is not None:
                return found
            if not probe:
                return Location(display_path(self.root), 1, "")
            probe = probe.rsplit("/", 1)[0]


class _Bundler:
    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.files: dict[Path, _File] = {}
        self.origins: dict[str, Location] = {}
        self.ref_findings: list[Finding] = []
        self.conflicts: list[Finding] = []
        # where each external target lives in the bundle
        self.placed: dict[_Key, str] = {}
        # every source node copied so far -> its pointer in the bundle
        self.emitted: dict[_Key, str] = {}
        # root components entries that stand for an external target (rule a)
        self.aliases: dict[str, _Key] = {}
        self.hoisted: dict[str, dict[str, Any]] = {}
        self.hoisted_from: dict[str, _Key] = {}

    def file(self, path: Path) -> _File:
        path = path.resolve()
        if path not in self.files:
            self.files[path] = _read_yaml(path)
        return self.files[path]

    def run(self) -> LoadedSpec:
        root = self.file(self.root)
        if not isinstance(root.data, dict):
            location = Location(display_path(self.root), 1, "")
            raise SpecError([Finding(location, "the root document must be a mapping", "yaml")])
        self._find_aliases(root)
        document = self.copy(root.data, root, "", "")
        assert isinstance(document, dict)
        if self.hoisted:
            components = document.setdefault("components", {})
            for kind, entries in self.hoisted.items():
                section = components.setdefault(kind, {})
                for name, value in entries.items():
                    section[name] = value
        if self.conflicts:
            raise SpecError(self.conflicts)
        return LoadedSpec(
            root=self.root,
            document=document,
            files=sorted(self.files),
            origins=self.origins,
            ref_findings=self.ref_findings,
        )

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
                if key is not None and key not in self.placed and self._exists(key):
                    self.placed[key] = pointer
                    self.aliases[pointer] = key

    def _target(self, ref: str, source: _File) -> _Key | None:
        location, _, fragment = ref.partition("#")
        if "://" in location:
            return None
        path = (source.path.parent / unquote(location)).resolve() if location else source.path
        return path, unquote(fragment)

    def copy(self, value: Any, source: _File, src_ptr: str, out_ptr: str) -> Any:
        self.origins.setdefault(
            out_ptr, Location(display_path(source.path), source.line(src_ptr), src_ptr)
        )
        self.emitted.setdefault((source.path, src_ptr), out_ptr)
        if isinstance(value, list):
            return [
                self.copy(item, source, join_pointer(src_ptr, i), join_pointer(out_ptr, i))
                for i, item in enumerate(value)
            ]
        if not isinstance(value, dict):
            return value
        ref = value.get("$ref")
        if isinstance(ref, str):
            alias = self.aliases.get(out_ptr) if source.path == self.root else None
            if alias is not None and self._exists(alias):
                return self._inline(alias, source, src_ptr, out_ptr, {})
            return self._ref(ref, value, source, src_ptr, out_ptr)
        return {
            key: self.copy(item, source, join_pointer(src_ptr, key), join_pointer(out_ptr, key))
            for key, item in value.items()
        }

    def _siblings(
        self, value: dict[str, Any], source: _File, src_ptr: str, out_ptr: str
    ) -> dict[str, Any]:
        return {
            key: self.copy(item, source, join_pointer(src_ptr, key), join_pointer(out_ptr, key))
            for key, item in value.items()
            if key != "$ref"
        }

    def _dangling(self, source: _File, src_ptr: str, message: str) -> None:
        ref_ptr = join_pointer(src_ptr, "$ref")
        location = Location(display_path(source.path), source.line(ref_ptr), ref_ptr)
        self.ref_findings.append(Finding(location, message, "ref-resolves"))

    def _ref(
        self, ref: str, value: dict[str, Any], source: _File, src_ptr: str, out_ptr: str
    ) -> Any:
        siblings = self._siblings(value, source, src_ptr, out_ptr)
        self.origins[join_pointer(out_ptr, "$ref")] = Location(
            display_path(source.path),
            source.line(join_pointer(src_ptr, "$ref")),
            join_pointer(src_ptr, "$ref"),
        )
        key = self._target(ref, source)
        if key is None:
            return {"$ref": ref, **siblings}
        path, pointer = key
        if pointer and not pointer.startswith("/"):
            self._dangling(source, src_ptr, f"$ref {ref!r}: fragment is not a JSON pointer")
            return {"$ref": ref, **siblings}
        if path == self.root:
            # internal to the root document: the bundle keeps root pointers unchanged
            try:
                resolve_pointer(self.file(path).data, pointer)
            except KeyError:
                self._dangling(
                    source,
                    src_ptr,
                    f"$ref {ref!r} does not resolve: no {pointer or '/'} in {display_path(path)}",
                )
            return {"$ref": "#" + pointer, **siblings}
        known = self._known(key)
        if known is not None:
            return {"$ref": "#" + known, **siblings}
        try:
            target_file = self.file(path)
        except FileNotFoundError:
            self._dangling(
                source, src_ptr, f"$ref {ref!r} does not resolve: no file {display_path(path)}"
            )
            return {"$ref": ref, **siblings}
        except OSError as exc:
            self._dangling(source, src_ptr, f"$ref {ref!r} cannot be read: {exc.strerror}")
            return {"$ref": ref, **siblings}
        try:
            resolve_pointer(target_file.data, pointer)
        except KeyError:
            self._dangling(
                source,
                src_ptr,
                f"$ref {ref!r} does not resolve: no {pointer or '/'} in {display_path(path)}",
            )
            return {"$ref": ref, **siblings}
        if _COMPONENT_POINTER.match(pointer):
            _, kind, name = split_pointer(pointer)
            return {"$ref": "#" + self._hoist(key, kind, name, source, src_ptr), **siblings}
        return self._inline(key, source, src_ptr, out_ptr, siblings)

    def _exists(self, key: _Key) -> bool:
        try:
            resolve_pointer(self.file(key[0]).data, key[1])
        except (KeyError, OSError):
            return False
        return True

    def _known(self, key: _Key) -> str | None:
        if key in self.placed:
            return self.placed[key]
        path, pointer = key
        probe = pointer
        while True:
            if (path, probe) in self.emitted:
                rest = pointer[len(probe) :]
                return self.emitted[(path, probe)] + rest
            if not probe:
                return None
            probe = probe.rsplit("/", 1)[0]

    def _hoist(self, key: _Key, kind: str, name: str, source: _File, src_ptr: str) -> str:
        out_ptr = join_pointer(join_pointer("/components", kind), name)
        root_components = self.file(self.root).data.get("components")
        existing = (
            root_components.get(kind, {}).get(name) if isinstance(root_components, dict) else None
        )
        taken_by = self.hoisted_from.get(out_ptr)
        if (existing is not None and self.aliases.get(out_ptr) != key) or (
            taken_by not in (None, key)
        ):
            location = Location(
                display_path(source.path), source.line(join_pointer(src_ptr, "$ref")), src_ptr
            )
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
        section = self.hoisted.setdefault(kind, {})
        section[name] = None  # keep first-encounter order
        target = self.file(key[0])
        section[name] = self.copy(resolve_pointer(target.data, key[1]), target, key[1], out_ptr)
        return out_ptr

    def _inline(
        self, key: _Key, source: _File, src_ptr: str, out_ptr: str, siblings: dict[str, Any]
    ) -> Any:
        # callers have checked that the target exists
        self.placed[key] = out_ptr
        target = self.file(key[0])
        content = resolve_pointer(target.data, key[1])
        # the reference line stays the origin of the inlined node itself
        copied = self.copy(content, target, key[1], out_ptr)
        if isinstance(copied, dict) and siblings:
            copied.update(siblings)
        return copied


def load_spec(path: Path) -> LoadedSpec:
    """Read the root document at `path` and every file it refers to, and bundle them.

    Raises SpecError for unreadable or malformed YAML and for bundling conflicts; dangling
    references are not fatal here and are reported in `ref_findings` (see validate).
    """
    try:
        return _Bundler(path).run()
    except FileNotFoundError as exc:
        location = Location(display_path(Path(exc.filename or path)), 1, "")
        raise SpecError([Finding(location, "file not found", "file")]) from None
    except UnicodeDecodeError as exc:
        location = Location(display_path(path), 1, "")
        raise SpecError([Finding(location, f"not UTF-8 text: {exc.reason}", "file")]) from None
