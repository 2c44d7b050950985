"""Jinja2 rendering for every template target (``templates/<target>/``).

Templates only format: the caller hands them a prepared view (names already chosen by
:mod:`specpipe.naming`, types already mapped), and ``StrictUndefined`` turns any missing
value into an error instead of an empty string.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jinja2

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


@cache
def environment(target: str) -> jinja2.Environment:
    """The environment of one target folder, e.g. ``python``, ``typescript``, ``go``, ``docs``."""
    folder = TEMPLATES / target
    if not folder.is_dir():
        raise FileNotFoundError(f"no templates for target {target!r} (expected {folder})")
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )


def render(target: str, template: str, **context: Any) -> str:
    """Render ``templates/<target>/<template>`` with ``context``."""
    return environment(target).get_template(template).render(**context)
