"""Python identifiers: snake_case members and functions, PascalCase classes."""

from __future__ import annotations

import builtins
import keyword

from specpipe.naming.common import words

RESERVED = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist) | {"self", "cls"}
SHADOWED = frozenset(dir(builtins))


def _safe(name: str, fallback: str) -> str:
    name = name or fallback
    if name[0].isdigit():
        name = f"{fallback}_{name}"
    return name + "_" if name in RESERVED else name


def snake(text: str) -> str:
    """``CreatePlanBenefitLevel`` → ``create_plan_benefit_level``; keywords get a ``_``."""
    return _safe("_".join(words(text)), "value")


def pascal(text: str) -> str:
    """``plan benefit level`` → ``PlanBenefitLevel``."""
    return _safe("".join(w.capitalize() for w in words(text)), "Model")


def python_package(api: str) -> str:
    """Import name of an API's package (``calendar`` alone would shadow the stdlib)."""
    return f"{snake(api)}_client"


def python_distribution(api: str) -> str:
    """Distribution (pip) name of an API's package."""
    return python_package(api).replace("_", "-")


def constant(text: str) -> str:
    """``vba`` + ``api key`` → ``VBA_API_KEY``: upper snake case for environment variables."""
    return "_".join(words(text)).upper() or "VALUE"


def environment_variable(api: str, setting: str) -> str:
    """The environment variable a client reads a setting from: ``<API>_<SETTING>``."""
    return f"{constant(api)}_{constant(setting)}"
