"""Write a bundled document (see `loader`) as deterministic YAML."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.representer import SafeRepresenter
from yaml.resolver import Resolver

__all__ = ["dump_bundle", "write_bundle", "write_if_changed"]

_STR, _MAP, _SEQ = (f"tag:yaml.org,2002:{kind}" for kind in ("str", "map", "seq"))


class _PlainData(SafeRepresenter, Resolver):
    """PyYAML's safe representation, node for node, with plain strings, dicts and lists built
    without its per-node dispatch, and the resolver's verdict on a scalar remembered for the
    dump (a bundle repeats its keys and small values thousands of times). Everything else
    (numbers, booleans, null, other types, and any option this does not cover) goes through
    PyYAML's own representers."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._resolved: dict[tuple[str, Any], str] = {}

    def represent_data(self, data: Any) -> Node:
        kind = type(data)
        if self.default_style is not None or self.sort_keys:
            node: Node = super().represent_data(data)
        elif kind is str:
            node = ScalarNode(_STR, data)
        elif kind is dict or kind is list:
            node = self._collection(data)
        else:
            node = super().represent_data(data)
        return node

    def _collection(self, data: dict[Any, Any] | list[Any]) -> Node:
        key = id(data)
        known = self.represented_objects.get(key)
        if known is not None:  # the same object again: PyYAML's anchor and alias
            return known
        self.object_keeper.append(data)
        best = True
        node: MappingNode | SequenceNode
        if isinstance(data, dict):
            pairs: list[tuple[Node, Node]] = []
            node = MappingNode(_MAP, pairs)
            self.represented_objects[key] = node
            for name, value in data.items():
                name_node, value_node = self.represent_data(name), self.represent_data(value)
                best = best and _plain(name_node) and _plain(value_node)
                pairs.append((name_node, value_node))
        else:
            items: list[Node] = []
            node = SequenceNode(_SEQ, items)
            self.represented_objects[key] = node
            for value in data:
                value_node = self.represent_data(value)
                best = best and _plain(value_node)
                items.append(value_node)
        node.flow_style = best if self.default_flow_style is None else self.default_flow_style
        return node

    def resolve(self, kind: type[Node], value: Any, implicit: Any) -> str:
        if kind is not ScalarNode or type(value) is not str:
            return str(super().resolve(kind, value, implicit))  # type: ignore[no-untyped-call]
        key = (value, implicit)
        tag = self._resolved.get(key)
        if tag is None:
            tag = self._resolved[key] = str(super().resolve(kind, value, implicit))  # type: ignore[no-untyped-call]
        return tag


def _plain(node: Node) -> bool:
    return isinstance(node, ScalarNode) and not node.style


class _FastDumper(_PlainData, yaml.CSafeDumper):
    pass


class _FastPythonDumper(_PlainData, yaml.SafeDumper):
    pass


def dump_bundle(document: dict[str, Any]) -> str:
    """The bundled document as YAML: source key order, no line-wrapping surprises, final newline.

    Written by libyaml's emitter (PyYAML's pure-Python one takes about six times as long);
    a document holding a lone surrogate, which libyaml cannot encode, by PyYAML's, which
    writes it as an escape."""
    options: dict[str, Any] = {"sort_keys": False, "allow_unicode": True, "width": 100}
    try:
        text: str = yaml.dump(document, Dumper=_FastDumper, **options)
    except UnicodeEncodeError:
        text = yaml.dump(document, Dumper=_FastPythonDumper, **options)
    return text if text.endswith("\n") else text + "\n"


def write_if_changed(path: Path, content: str) -> bool:
    """Write `content` unless the file already holds it (so unchanged files keep their mtime)."""
    if path.is_file() and path.read_text(encoding="utf-8") == content:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return True


def write_bundle(document: dict[str, Any], path: Path) -> bool:
    """Write the bundled `document` to `path`; True when the file changed."""
    return write_if_changed(path, dump_bundle(document))
