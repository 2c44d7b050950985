"""Python identifiers: PascalCase classes, snake_case members and methods, UPPER_CASE enum
members, and the package, distribution and environment-variable names of an API.

Every identifier goes through :class:`~specpipe.naming.common.Style` and
:class:`~specpipe.naming.common.Namespace`:

* a schema's class (its own name when it is PascalCase already, else ``api.v2010.account``
  → ``ApiV2010Account``, ``1st`` → ``Model1st``,
  ``list`` and ``List`` → ``List`` and ``List2``, ``None`` → ``None_``), unique in the models
  module, where the module's own imports and helpers (``Field``, ``Enum``, ``BaseModel``…)
  are reserved;
* a property (``userId`` → ``user_id``, ``from`` → ``from_``, ``json`` → ``json_``: a
  ``BaseModel`` attribute, ``date`` → ``date_``: a type the annotations use), unique in its
  class;
* an enum member (``CoInsurance`` → ``CO_INSURANCE``, ``""`` → ``EMPTY``, ``1`` →
  ``VALUE_1``, ``-1`` → ``MINUS_1``, ``a-b`` and ``a_b`` → ``A_B`` and ``A_B2``), unique in
  its enum;
* an operation's method (``ListPets`` → ``list_pets``; ``close`` and ``with_raw_response``
  are the client's own members, so they become ``close2`` and ``with_raw_response2``),
  unique among the methods of ``Client`` and ``AsyncClient``;
* a parameter, unique among the method's arguments (``body``, ``request_options`` reserved).

Names are claimed in document order, so the result is deterministic; wire names are never
changed.
"""

from __future__ import annotations

import builtins
import keyword
import re
from dataclasses import dataclass, field

from specpipe.naming.common import Namespace, Style, words

RESERVED = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist) | {"self", "cls"}
SHADOWED = frozenset(dir(builtins))

# Names an annotation of generated code may use: a member or method of that name would
# shadow it inside the class body (``date: date``), so such names get a trailing ``_``.
ANNOTATION_NAMES = frozenset(
    {
        "Annotated",
        "Any",
        "Literal",
        "Mapping",
        "Sequence",
        "UUID",
        "bool",
        "bytes",
        "date",
        "datetime",
        "dict",
        "float",
        "int",
        "list",
        "models",
        "object",
        "str",
        "time",
        "timedelta",
        "type",
    }
)

# Attributes of pydantic's BaseModel (and the names pydantic keeps for itself): a field of
# that name would replace them.
MODEL_ATTRIBUTES = frozenset(
    {
        "construct",
        "copy",
        "dict",
        "from_orm",
        "json",
        "model_computed_fields",
        "model_config",
        "model_construct",
        "model_copy",
        "model_dump",
        "model_dump_json",
        "model_extra",
        "model_fields",
        "model_fields_set",
        "model_json_schema",
        "model_parametrized_name",
        "model_post_init",
        "model_rebuild",
        "model_validate",
        "model_validate_json",
        "model_validate_strings",
        "parse_file",
        "parse_obj",
        "parse_raw",
        "schema",
        "schema_json",
        "update_forward_refs",
        "validate",
    }
)

# Module-level names of the generated models module (imports and helpers).
MODELS_MODULE_NAMES = frozenset(
    {
        "AfterValidator",
        "Annotated",
        "Any",
        "BaseModel",
        "ConfigDict",
        "Enum",
        "Field",
        "IntEnum",
        "Literal",
        "OpenInt",
        "OpenStr",
        "Self",
        "StrEnum",
        "TypeVar",
        "UUID",
        "Unknown",
        "ValidationInfo",
        "date",
        "datetime",
        "model_validator",
        "time",
        "timedelta",
    }
)

# Members of the generated Client, AsyncClient and their raw-response twins.
CLIENT_MEMBERS = frozenset({"close", "with_raw_response", "aclose"})
METHOD_RESERVED = frozenset({"self", "body", "content_type", "request_options"})
CLIENT_RESERVED = frozenset(
    {
        "self",
        "base_url",
        "timeout",
        "max_retries",
        "headers",
        "http_client",
        "strict_responses",
        "log",
    }
)


def _snake(parts: list[str]) -> str:
    return "_".join(parts)


def _pascal(parts: list[str]) -> str:
    return "".join(p.capitalize() for p in parts)


def _upper(parts: list[str]) -> str:
    return "_".join(parts).upper()


snake = Style(_snake, "value", RESERVED, "value_")
"""``CreatePlanBenefitLevel`` → ``create_plan_benefit_level``; keywords get a ``_``."""
pascal = Style(_pascal, "Model", RESERVED, "Model")
"""``plan benefit level`` → ``PlanBenefitLevel``."""
member = Style(_snake, "value", RESERVED | ANNOTATION_NAMES | MODEL_ATTRIBUTES, "value_")
"""A model field: as :data:`snake`, and BaseModel attributes and annotation names get ``_``."""
method = Style(_snake, "call", RESERVED | ANNOTATION_NAMES, "call_")
"""A client method: as :data:`snake`, and annotation names get ``_``."""
enum_member = Style(_upper, "EMPTY", RESERVED, "VALUE_")
"""An enum member: ``CoInsurance`` → ``CO_INSURANCE``."""


_CLASS_AS_WRITTEN = re.compile(r"[A-Z][A-Za-z0-9]*")


def class_name(text: str) -> str:
    """A schema's class: its own name when that is already a PascalCase ASCII identifier
    (``ErrorVBAResponse`` stays), else :data:`pascal` (``api.v2010.account`` →
    ``ApiV2010Account``)."""
    if _CLASS_AS_WRITTEN.fullmatch(text) and text not in RESERVED:
        return text
    return pascal(text)


def enum_source(value: object) -> str:
    """The text an enum member's name is made from (``-1`` → ``minus 1``, ``1.5`` → ``1 5``,
    ``True`` → ``true``)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        text = repr(value)
        return ("minus " + text[1:] if text.startswith("-") else text).replace(".", " ")
    return str(value)


def python_package(api: str) -> str:
    """Import name of an API's package (``calendar`` alone would shadow the stdlib; an API
    name starting with a digit gets the snake style's prefix: ``3d`` → ``value_3d_client``)."""
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


@dataclass
class Names:
    """The Python names of one API, decided once for the models and the client."""

    classes: dict[str, str] = field(default_factory=dict)  # schema name -> class name
    properties: dict[str, dict[str, str]] = field(default_factory=dict)  # schema -> wire -> name
    enum_members: dict[str, list[str]] = field(default_factory=dict)  # schema -> member names

    @classmethod
    def of(
        cls,
        schema_names: list[str],
        properties: dict[str, list[str]],
        enum_values: dict[str, list[object]],
    ) -> Names:
        """Names of schemas (in claim order), their properties' wire names and enum values."""
        found = cls()
        module = Namespace(class_name, MODELS_MODULE_NAMES | SHADOWED)
        for name in schema_names:
            found.classes[name] = module.claim(name)
        for name, wires in properties.items():
            scope = Namespace(member)
            found.properties[name] = {wire: scope.claim(wire) for wire in wires}
        for name, values in enum_values.items():
            scope = enum_scope()
            found.enum_members[name] = [
                scope.claim(f"{index}:{enum_source(value)}") for index, value in enumerate(values)
            ]
        return found


def enum_scope() -> Namespace:
    """A fresh scope for the members of one enum (sources are ``index:text``)."""
    return Namespace(lambda source: enum_member(source.split(":", 1)[1]))
