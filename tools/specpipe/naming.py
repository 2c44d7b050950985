"""Names of generated artefacts per target language."""

from __future__ import annotations

import keyword
import re


def _identifier(text: str) -> str:
    name = re.sub(r"\W+", "_", text).strip("_").lower() or "api"
    if name[0].isdigit():
        name = "_" + name
    return name + "_" if keyword.iskeyword(name) else name


def python_package(api: str) -> str:
    """Import name of an API's Python package (``calendar`` would shadow the stdlib)."""
    return f"{_identifier(api)}_client"


def python_distribution(api: str) -> str:
    """Distribution (pip) name of an API's Python package."""
    return python_package(api).replace("_", "-")
