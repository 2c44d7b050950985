"""Write a bundled document (see `loader`) as deterministic YAML."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

__all__ = ["dump_bundle", "write_bundle", "write_if_changed"]


def dump_bundle(document: dict[str, Any]) -> str:
    """The bundled document as YAML: source key order, no line-wrapping surprises, final newline.

    Written by libyaml's emitter (PyYAML's pure-Python one takes about six times as long);
    a document holding a lone surrogate, which libyaml cannot encode, by PyYAML's, which
    writes it as an escape."""
    options: dict[str, Any] = {"sort_keys": False, "allow_unicode": True, "width": 100}
    try:
        text: str = yaml.dump(document, Dumper=yaml.CSafeDumper, **options)
    except UnicodeEncodeError:
        text = yaml.dump(document, Dumper=yaml.SafeDumper, **options)
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
