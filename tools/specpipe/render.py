"""Jinja2 rendering for every template target (``templates/<target>/``).

Templates only format: the caller hands them a prepared view (names already chosen by
:mod:`specpipe.naming`, types already mapped), and ``StrictUndefined`` turns any missing
value into an error instead of an empty string.

Spec text reaches a template only escaped for the place it lands (:mod:`specpipe.escape`):
the filters below apply the escapers (``{{ title | py_doc }}``), and in a *strict* target
every printed value must be :class:`~specpipe.escape.Code` (already escaped or chosen), an
integer, or a plain token (letters, digits, ``_``, ``.``, ``-``: an identifier or a version
cannot break out of any place). Anything else is a :class:`RenderError`, so a template that
prints raw text fails at generation time instead of writing it into code.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from specpipe import escape
from specpipe.escape import Code

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"

# Targets whose templates print only escaped or chosen text (see the module docstring).
STRICT_TARGETS: frozenset[str] = frozenset({"docs", "go", "python", "typescript"})

_TOKEN = re.compile(r"[A-Za-z0-9_.\-]*")

FILTERS = {
    "py_str": escape.python.string,
    "py_doc": escape.python.docstring,
    "py_comment": escape.python.comment,
    "toml_str": escape.toml.string,
    "ts_str": escape.typescript.string,
    "ts_doc": escape.typescript.jsdoc,
    "ts_comment": escape.typescript.comment,
    "go_str": escape.go.string,
    "go_comment": escape.go.comment,
    "md_text": escape.markdown.text,
    "md_inline": escape.markdown.inline,
    "md_code": escape.markdown.code,
    "md_cell": escape.markdown.cell,
}


class RenderError(ValueError):
    """A template printed a value that is not fit for generated code."""


def _strict(value: Any) -> Any:
    if isinstance(value, Code) or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    if isinstance(value, str) and _TOKEN.fullmatch(value):
        return value
    shown = repr(value)
    if len(shown) > 60:
        shown = shown[:57] + "..."
    raise RenderError(f"a template printed unescaped text {shown} (use an escape filter)")


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept between runs, as Python keeps ``.pyc`` files: under
    ``$XDG_CACHE_HOME/specpipe/jinja`` (``~/.cache``), in a folder named by a digest of this
    module (the environments' options) and Jinja's version; a template whose source changed
    is compiled again (Jinja checks its checksum). None when no cache folder can be made."""
    import hashlib
    import os

    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    digest = hashlib.sha256(Path(__file__).read_bytes() + jinja2.__version__.encode())
    folder = base / "specpipe" / "jinja" / digest.hexdigest()[:16]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))


@cache
def environment(target: str) -> jinja2.Environment:
    """The environment of one target folder, e.g. ``python``, ``typescript``, ``go``, ``docs``."""
    folder = TEMPLATES / target
    if not folder.is_dir():
        raise FileNotFoundError(f"no templates for target {target!r} (expected {folder})")
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
        finalize=_strict if target in STRICT_TARGETS else None,
        bytecode_cache=_bytecode_cache(),
    )
    env.filters.update(FILTERS)
    return env


def render(target: str, template: str, **context: Any) -> str:
    """Render ``templates/<target>/<template>`` with ``context``."""
    return environment(target).get_template(template).render(**context)
