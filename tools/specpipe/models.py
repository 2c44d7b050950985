"""The Python package of an API: Pydantic v2 models rendered from the IR, and the client.

``generate_python(api, out_dir)`` writes ``<api>_client/`` (``models.py``, ``client.py``,
``errors.py``, ``_base.py``, ``__init__.py``), ``pyproject.toml`` and ``README.md``. The
models come from :class:`specpipe.ir.Api` through ``templates/python/models.py.j2``; every
name is decided once by :class:`specpipe.naming.python.Names`, and the client
(:mod:`specpipe.clients.python`) uses the same names and the same annotations
(:class:`PythonTypes`).

What a model keeps of its schema:

* each member as ``Annotated[T, Field(alias=<wire name>, <constraints>)]`` (``populate_by_name``:
  either name is accepted), with lengths, ranges (``int32``/``int64`` ranges made explicit),
  patterns and item counts; a pattern Rust's regex engine cannot run makes that model use
  Python's ``re``, and one neither can compile is dropped with a warning;
* cross-field rules (:mod:`specpipe.rules`, refs resolved with ``api.resolve``), "may be
  left out but not be null" and closed objects (``additionalProperties: false``) as one
  ``model_validator`` per model;
* enums as ``StrEnum``/``IntEnum``/``Enum`` classes; a member typed by an enum accepts a value
  the spec does not list only when decoding leniently (``OpenStr``/``OpenInt``);
* unions with a discriminator as Pydantic discriminated unions where every alternative is an
  object whose tag can be a ``Literal`` (each value names one alternative, and no
  alternative is tagged differently elsewhere); otherwise a plain union;
* recursive and mutually recursive schemas (``from __future__ import annotations``, classes
  ordered by dependency, ``model_rebuild`` for the ones in a cycle).

Lenient decoding (the client's default for responses): ``Model.model_validate_json(raw,
context={"lenient": True})`` keeps unknown enum values (as plain values) and extra members,
and skips the rule checks. Without that context a model validates everything: requests
and models a user builds are always checked.

``datamodel-code-generator`` is no longer used here; it stays a dependency only as the
speed anchor of ``tools/bench_pipeline.py``.
"""

from __future__ import annotations

import math
import re
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from specpipe import escape, ir
from specpipe.bundle import write_if_changed
from specpipe.escape import Code
from specpipe.ir import Kind, SchemaKind
from specpipe.naming import python as py
from specpipe.render import render
from specpipe.rules import RuleError, compile_rule, uses_number, uses_pattern

__all__ = [
    "ModelsError",
    "PythonTypes",
    "generate_python",
    "models_source",
    "names_of",
]


class ModelsError(ir.GenerationError):
    """The models of a document cannot be rendered; the message says where and why."""


DOC_WIDTH = 88
LENIENT_CONTEXT_KEY = "lenient"
_INTEGER_RANGES = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}
_FORMATS = {  # string formats with a standard-library type; every other format is a str
    "date-time": "datetime",
    "date": "date",
    "time": "time",
    "duration": "timedelta",
    "uuid": "UUID",
    "binary": "bytes",
}
_MAX_DEPTH = 32


# ------------------------------------------------------------------------- names


def names_of(api: ir.Api) -> py.Names:
    """The Python names of every schema, property and enum member of ``api``.

    Component schemas are claimed in document order, synthesized ones after them by name.
    """
    present = {s.name for s in api.schemas}
    order = [n for n in api.component_order if n in present]
    seen = set(order)
    order += [s.name for s in api.schemas if s.name not in seen]
    properties = {
        s.name: [p.wire_name for p in s.properties]
        for s in api.schemas
        if s.kind is SchemaKind.OBJECT
    }
    enums = {s.name: list(s.enum_values) for s in api.schemas if s.kind is SchemaKind.ENUM}
    return py.Names.of(order, properties, enums)


# ------------------------------------------------------------------------- literals


def number(value: Any) -> Code | None:
    """A finite JSON number as Python source (None for anything else)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return Code(repr(value))


def scalar(value: Any) -> Code | None:
    """A JSON scalar (string, number, boolean, null) as Python source."""
    if value is None:
        return Code("None")
    if isinstance(value, bool):
        return Code("True" if value else "False")
    if isinstance(value, str):
        return escape.python.string(value)
    return number(value)


def string_pieces(text: str, width: int = 64) -> Code:
    """A string literal of ``text``, as implicitly joined pieces when it is long (so a line
    stays within the line length after formatting)."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return escape.python.string(flat)
    pieces = textwrap.wrap(flat, width, drop_whitespace=False, break_on_hyphens=False)
    return Code("(" + " ".join(escape.python.string(p) for p in pieces) + ")")


def doc_lines(text: str, indent: int, width: int = DOC_WIDTH) -> list[Code]:
    """``text`` as the lines of a docstring at ``indent`` spaces: paragraphs kept, each line
    escaped (:func:`specpipe.escape.python.docstring`) and wrapped."""
    lines: list[Code] = []
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        flat = " ".join(paragraph.split())
        if not flat:
            continue
        if lines:
            lines.append(Code(""))
        escaped = escape.python.docstring(flat)
        if len(escaped) <= width - indent:  # most descriptions: one line, no wrapping
            lines.append(escaped)
            continue
        lines.extend(
            Code(line)
            for line in textwrap.wrap(
                escaped, width - indent, break_on_hyphens=False, break_long_words=False
            )
        )
    return lines


def doc_block(text: str, indent: int) -> Code | None:
    """The body of a docstring at ``indent`` (None when ``text`` is empty)."""
    lines = doc_lines(text, indent)
    if not lines:
        return None
    pad = " " * indent
    return Code("\n".join((pad + line) if line else "" for line in lines))


# ------------------------------------------------------------------------- patterns


def _pattern_engine(pattern: str) -> str | None:
    """``rust`` when pydantic-core's regex engine runs ``pattern``, ``python`` when only
    Python's ``re`` does, None when neither compiles it."""
    from pydantic_core import SchemaError, SchemaValidator, core_schema

    try:
        SchemaValidator(core_schema.str_schema(pattern=pattern))
        return "rust"
    except SchemaError:
        pass
    try:
        re.compile(pattern)
    except (re.error, RecursionError, OverflowError):
        return None
    return "python"


# ------------------------------------------------------------------------- types


@dataclass
class PythonTypes:
    """Python annotations of IR types, for the models module (``prefix=""``) or the client
    (``prefix="models."``).

    ``constraints`` (models only) renders value constraints as ``Field`` arguments;
    ``lenient`` renders enum-typed members as ``OpenStr[E]``/``OpenInt[E]``; the names of
    discriminated unions come from :meth:`discriminated`.
    """

    api: ir.Api
    names: py.Names
    prefix: str = ""
    constraints: bool = True
    lenient: bool = True
    tags: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    unions: set[int] = field(default_factory=set)  # ids of unions rendered as discriminated
    uses: set[str] = field(default_factory=set)  # helpers used: OpenStr, OpenInt
    python_re: bool = False  # a pattern since the last reset needs Python's re
    warnings: list[str] = field(default_factory=list)
    _engines: dict[str, str | None] = field(default_factory=dict)

    def cls(self, schema: str) -> str:
        return self.prefix + self.names.classes[schema]

    def engine(self, pattern: str) -> str | None:
        if pattern not in self._engines:
            self._engines[pattern] = _pattern_engine(pattern)
        return self._engines[pattern]

    # Field arguments of a type's own constraints
    def field_arguments(self, kind: ir.Type, where: str) -> list[str]:
        if not self.constraints:
            return []
        c = kind.constraints
        found: list[str] = []
        if kind.kind is Kind.STRING and not kind.is_binary:
            if c.min_length is not None and isinstance(c.min_length, int):
                found.append(f"min_length={c.min_length}")
            if c.max_length is not None and isinstance(c.max_length, int):
                found.append(f"max_length={c.max_length}")
            if isinstance(c.pattern, str):
                engine = self.engine(c.pattern)
                if engine is None:
                    self.warnings.append(
                        f"{where}: pattern is not a regular expression Python can compile; "
                        "not enforced"
                    )
                else:
                    if engine == "python":
                        self.python_re = True
                    found.append(f"pattern={escape.python.string(c.pattern)}")
        if kind.kind in (Kind.INTEGER, Kind.NUMBER):
            low, high = c.minimum, c.maximum
            limits = _INTEGER_RANGES.get(kind.format or "") if kind.kind is Kind.INTEGER else None
            if limits is not None:
                if low is None and c.exclusive_minimum is None:
                    low = limits[0]
                if high is None and c.exclusive_maximum is None:
                    high = limits[1]
            for keyword, value in (
                ("ge", low),
                ("le", high),
                ("gt", c.exclusive_minimum),
                ("lt", c.exclusive_maximum),
                ("multiple_of", c.multiple_of),
            ):
                literal = number(value)
                if literal is not None and not (keyword == "multiple_of" and value == 0):
                    found.append(f"{keyword}={literal}")
        if kind.kind is Kind.ARRAY:
            if isinstance(c.min_items, int):
                found.append(f"min_length={c.min_items}")
            if isinstance(c.max_items, int):
                found.append(f"max_length={c.max_items}")
        return found

    def annotation(self, kind: ir.Type, where: str = "", *, accept_dict: bool = False) -> str:
        """The annotation of ``kind`` with its constraints inline (``Annotated``)."""
        text = self._nullable(kind, where, accept_dict, 0)
        return text

    def field_annotation(self, kind: ir.Type, where: str) -> tuple[str, list[str]]:
        """(annotation, Field arguments): a member's own constraints go to its ``Field``."""
        base = self.base(kind, where, False, 0)
        arguments = self.field_arguments(kind, where) if self._hoistable(kind) else []
        return self._or_none(kind, base), arguments

    def _hoistable(self, kind: ir.Type) -> bool:
        return kind.kind in (Kind.STRING, Kind.INTEGER, Kind.NUMBER, Kind.ARRAY) and not (kind.enum)

    def _or_none(self, kind: ir.Type, text: str) -> str:
        if (
            kind.nullable
            and kind.kind not in (Kind.NULL, Kind.ANY)
            and text != "Any"
            and not text.endswith("| None")
        ):
            return f"{text} | None"
        return text

    def _constrained(self, kind: ir.Type, text: str, where: str) -> str:
        arguments = self.field_arguments(kind, where) if self._hoistable(kind) else []
        if arguments:
            return f"Annotated[{text}, Field({', '.join(arguments)})]"
        return text

    def _nullable(self, kind: ir.Type, where: str, accept_dict: bool, depth: int) -> str:
        text = self._constrained(kind, self.base(kind, where, accept_dict, depth), where)
        return self._or_none(kind, text)

    def _literal(self, values: Iterable[Any]) -> str | None:
        pieces = []
        for value in values:
            if isinstance(value, float) or not (
                value is None or isinstance(value, (str, int, bool))
            ):
                return None
            literal = scalar(value)
            if literal is None:
                return None
            pieces.append(literal)
        return f"Literal[{', '.join(pieces)}]" if pieces else None

    def _open(self, text: str, kind: Kind) -> str:
        if not self.lenient:
            return text
        if kind is Kind.STRING:
            self.uses.add("OpenStr")
            return f"{self.prefix}OpenStr[{text}]"
        if kind is Kind.INTEGER:
            self.uses.add("OpenInt")
            return f"{self.prefix}OpenInt[{text}]"
        return text

    def base(self, kind: ir.Type, where: str, accept_dict: bool, depth: int) -> str:
        """The annotation of ``kind`` without its own constraints or ``| None``."""
        if depth > _MAX_DEPTH:
            return "Any"
        if kind.kind is Kind.STRING:
            if kind.enum is not None:
                literal = self._literal(kind.enum)
                if literal is not None:
                    return self._open(literal, Kind.STRING)
            return _FORMATS.get(kind.format or "", "str")
        if kind.kind is Kind.INTEGER:
            if kind.enum is not None:
                literal = self._literal(kind.enum)
                if literal is not None:
                    return self._open(literal, Kind.INTEGER)
            return "int"
        if kind.kind is Kind.NUMBER:
            return "float"
        if kind.kind is Kind.BOOLEAN:
            literal = self._literal(kind.enum) if kind.enum is not None else None
            return literal or "bool"
        if kind.kind is Kind.NULL:
            return "None"
        if kind.kind is Kind.ANY:
            literal = self._literal(kind.enum) if kind.enum else None
            return literal or "Any"
        if kind.kind is Kind.ARRAY:
            assert kind.items is not None
            item = self._nullable(kind.items, where, accept_dict, depth + 1)
            if accept_dict:
                return f"Sequence[{item}]"
            return f"list[{item}]"
        if kind.kind is Kind.MAP:
            assert kind.items is not None
            value = self._nullable(kind.items, where, accept_dict, depth + 1)
            if accept_dict:
                return f"Mapping[str, {value}]"
            return f"dict[str, {value}]"
        if kind.kind is Kind.UNION:
            parts: list[str] = []
            for variant in kind.variants:
                text = self._nullable(variant, where, accept_dict, depth + 1)
                if text == "Any":
                    return "Any"
                for part in _split_union(text):
                    if part not in parts and part != "None":
                        parts.append(part)
            joined = " | ".join(parts)
            if id(kind) in self.unions and kind.discriminator is not None and not accept_dict:
                tag = self.names.properties[self._variant(kind.variants[0])][
                    kind.discriminator.property
                ]
                return f"Annotated[{joined}, Field(discriminator={escape.python.string(tag)})]"
            return joined
        assert kind.ref is not None
        schema = self.api.schema(kind.ref)
        if schema.kind is SchemaKind.ALIAS:
            if schema.alias_of is None or depth > _MAX_DEPTH // 2:
                return "Any"
            alias = schema.alias_of
            if kind.nullable and not alias.nullable:
                alias = alias.with_nullable(True)
            return self._nullable(alias, where, accept_dict, depth + 1)
        if schema.kind is SchemaKind.ENUM:
            if not schema.enum_values:
                return "None"
            if not _enum_class(schema):
                return self._literal(schema.enum_values) or "Any"
            return self._open(self.cls(schema.name), schema.enum_type)
        name = self.cls(schema.name)
        if accept_dict:
            return f"{name} | Mapping[str, Any]"
        return name

    def _variant(self, kind: ir.Type) -> str:
        assert kind.ref is not None
        return kind.ref


def _split_union(text: str) -> list[str]:
    """The top-level members of an annotation ``A | B[C | D] | None``."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(text[start:index].strip())
            start = index + 1
    parts.append(text[start:].strip())
    return parts


def _enum_class(schema: ir.Schema) -> bool:
    """Whether an enum schema becomes an Enum class (its values are all scalars)."""
    return all(
        v is None or isinstance(v, (str, bool)) or number(v) is not None for v in schema.enum_values
    )


# ------------------------------------------------------------------------- discriminators


def _walk(kind: ir.Type | None) -> Iterator[ir.Type]:
    if kind is None:
        return
    yield kind
    if kind.items is not None:
        yield from _walk(kind.items)
    for variant in kind.variants:
        yield from _walk(variant)


def _all_types(api: ir.Api) -> Iterator[ir.Type]:
    for schema in api.schemas:
        for prop in schema.properties:
            yield from _walk(prop.type)
        yield from _walk(schema.additional)
        yield from _walk(schema.alias_of)


def discriminated(api: ir.Api) -> tuple[set[int], dict[str, tuple[str, tuple[str, ...]]]]:
    """The unions rendered as discriminated unions (ids), and the ``Literal`` tag each of
    their alternatives gets: schema name -> (wire name of the tag, values)."""
    candidates: list[tuple[ir.Type, dict[str, tuple[str, ...]]]] = []
    for kind in _all_types(api):
        if kind.kind is not Kind.UNION or kind.discriminator is None:
            continue
        tag = kind.discriminator.property
        values: dict[str, list[str]] = {}
        usable = True
        for variant in kind.variants:
            if variant.kind is not Kind.REF or variant.ref is None:
                usable = False
                break
            schema = api.schema(variant.ref)
            prop = next((p for p in schema.properties if p.wire_name == tag), None)
            if schema.kind is not SchemaKind.OBJECT or prop is None or not prop.required:
                usable = False
                break
            values[variant.ref] = [
                v for v, target in kind.discriminator.mapping if target == variant.ref
            ]
        if not usable or any(not found for found in values.values()):
            continue
        every = [v for found in values.values() for v in found]
        if len(every) != len(set(every)) or len(values) != len(kind.variants):
            continue
        candidates.append((kind, {k: tuple(v) for k, v in values.items()}))
    assigned: dict[str, set[tuple[str, tuple[str, ...]]]] = {}
    for union, tagged in candidates:
        assert union.discriminator is not None
        for target, found in tagged.items():
            assigned.setdefault(target, set()).add((union.discriminator.property, found))
    unions: set[int] = set()
    tags: dict[str, tuple[str, tuple[str, ...]]] = {}
    for union, tagged in candidates:
        if all(len(assigned[target]) == 1 for target in tagged):
            unions.add(id(union))
            for target in tagged:
                tags[target] = next(iter(assigned[target]))
    return unions, tags


# ------------------------------------------------------------------------- views


@dataclass(frozen=True)
class FieldView:
    name: str
    annotation: Code
    default: Code | None
    doc: Code | None


@dataclass(frozen=True)
class RuleView:
    pointer: Code  # for a comment
    expression: Code
    message: Code  # a string literal


@dataclass(frozen=True)
class ModelView:
    name: str
    doc: Code | None
    fields: list[FieldView]
    config: Code | None  # ConfigDict(...) arguments of its own
    closed: bool
    not_null: list[tuple[str, Code]]  # (attribute, wire name literal)
    rules: list[RuleView]
    schema: Code  # the schema's name, for the validator's docstring

    @property
    def reads_wire(self) -> bool:
        """Whether a rule reads the wire form (a rule may be a constant)."""
        return any(re.search(r"\bwire\b", rule.expression) for rule in self.rules)

    @property
    def validates(self) -> bool:
        return bool(self.closed or self.not_null or self.rules)


@dataclass(frozen=True)
class EnumView:
    name: str
    base: str  # StrEnum, IntEnum or Enum
    doc: Code | None
    members: list[tuple[str, Code]]


@dataclass(frozen=True)
class AliasView:
    name: str
    annotation: Code
    doc: Code | None


@dataclass
class ModelsView:
    doc: Code
    enums: list[EnumView]
    models: list[ModelView]
    aliases: list[AliasView]
    rebuild: list[str]
    helpers: set[str]
    uses_pattern: bool
    uses_number: bool


def _doc_of(title: str, description: str, extra: Iterable[str] = ()) -> str:
    parts = [p for p in (description or title, *extra) if p]
    return "\n\n".join(parts)


class _ModelsBuilder:
    def __init__(self, api: ir.Api, names: py.Names) -> None:
        self.api = api
        self.names = names
        unions, tags = discriminated(api)
        self.types = PythonTypes(api, names, tags=tags, unions=unions)
        self.code_for_rules: list[str] = []

    def default(self, prop: ir.Property, kind: ir.Type) -> Code | None:
        """A member's default as source, when it is a scalar of the member's type (``kind``:
        the member's type with aliases followed)."""
        if not prop.has_default:
            return None
        value = prop.default
        if value is None:
            return Code("None") if kind.nullable else None
        if kind.kind is Kind.REF and kind.ref is not None:
            schema = self.api.schema(kind.ref)
            if schema.kind is SchemaKind.ENUM and _enum_class(schema):
                for index, member in enumerate(schema.enum_values):
                    if member == value and type(member) is type(value):
                        enum = self.names.classes[schema.name]
                        return Code(f"{enum}.{self.names.enum_members[schema.name][index]}")
            return None
        if kind.enum is not None and value not in kind.enum:
            return None
        checks = {
            Kind.STRING: lambda v: isinstance(v, str) and kind.format not in _FORMATS,
            Kind.INTEGER: lambda v: isinstance(v, int) and not isinstance(v, bool),
            Kind.NUMBER: lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
            Kind.BOOLEAN: lambda v: isinstance(v, bool),
        }
        check = checks.get(kind.kind)
        if check is None or not check(value):
            return None
        if kind.kind is Kind.NUMBER and isinstance(value, int):
            value = float(value)
        return scalar(value)

    def model(self, schema: ir.Schema) -> ModelView:
        fields: list[FieldView] = []
        not_null: list[tuple[str, Code]] = []
        props = self.names.properties[schema.name]
        tag = self.types.tags.get(schema.name)
        self.types.python_re = False
        for prop in schema.properties:
            name = props[prop.wire_name]
            where = f"{schema.pointer}/properties/{prop.wire_name}"
            if tag is not None and tag[0] == prop.wire_name:
                annotation = f"Literal[{', '.join(escape.python.string(v) for v in tag[1])}]"
                arguments: list[str] = []
            else:
                annotation, arguments = self.types.field_annotation(prop.type, where)
            default = None
            kind = self.api.concrete(prop.type)
            if not prop.required:
                default = self.default(prop, kind)
                if default is None:
                    if not annotation.endswith("| None") and annotation not in ("Any", "None"):
                        annotation += " | None"
                        if not (prop.type.nullable or kind.nullable):
                            not_null.append((name, escape.python.string(prop.wire_name)))
                    default = Code("None")
            arguments = [f"alias={escape.python.string(prop.wire_name)}", *arguments]
            text = f"Annotated[{annotation}, Field({', '.join(arguments)})]"
            extra = []
            if kind.kind is Kind.STRING and kind.format and kind.format not in _FORMATS:
                extra.append(f"Format: {kind.format}.")
            if prop.deprecated:
                extra.append("Deprecated.")
            doc = doc_block(_doc_of("", prop.description, extra), 4)
            fields.append(FieldView(name, Code(text), default, doc))
        rules = []
        for rule in schema.rules:
            try:
                expression = compile_rule(rule, "wire", self.api.resolve)
            except (RuleError, ir.IRError) as exc:
                raise ModelsError(str(exc)) from None
            self.code_for_rules.append(expression)
            rules.append(
                RuleView(
                    escape.python.comment(rule.pointer),
                    Code(expression),
                    string_pieces(rule.message),
                )
            )
        config = Code('ConfigDict(regex_engine="python-re")') if self.types.python_re else None
        return ModelView(
            name=self.names.classes[schema.name],
            doc=doc_block(_doc_of(schema.title, schema.description), 4),
            fields=fields,
            config=config,
            closed=schema.additional is None,
            not_null=not_null,
            rules=rules,
            schema=escape.python.docstring(schema.name),
        )

    def enum(self, schema: ir.Schema) -> EnumView:
        base = {Kind.STRING: "StrEnum", Kind.INTEGER: "IntEnum"}.get(schema.enum_type, "Enum")
        members = []
        for index, value in enumerate(schema.enum_values):
            literal = scalar(value)
            assert literal is not None
            members.append((self.names.enum_members[schema.name][index], literal))
        return EnumView(
            self.names.classes[schema.name],
            base,
            doc_block(_doc_of(schema.title, schema.description), 4),
            members,
        )

    def order(self) -> tuple[list[ir.Schema], list[str]]:
        """Object schemas in dependency order, and the ones referring to a class defined
        after them (a cycle): those are rebuilt at the end of the module."""
        objects = {s.name: s for s in self.api.schemas if s.kind is SchemaKind.OBJECT}
        claim = list(self.names.classes)
        ordered: list[ir.Schema] = []
        state: dict[str, int] = {}  # 1 visiting, 2 done

        def deps(schema: ir.Schema) -> list[str]:
            found: list[str] = []
            seen_alias: set[str] = set()

            def visit(kind: ir.Type | None) -> None:
                for part in _walk(kind):
                    if part.kind is Kind.REF and part.ref is not None:
                        target = self.api.schema(part.ref)
                        if target.kind is SchemaKind.OBJECT:
                            found.append(part.ref)
                        elif target.kind is SchemaKind.ALIAS and part.ref not in seen_alias:
                            seen_alias.add(part.ref)
                            visit(target.alias_of)

            for prop in schema.properties:
                visit(prop.type)
            return found

        # iterative depth-first search (a deep chain of schemas must not exhaust the stack)
        for root in (n for n in claim if n in objects):
            if state.get(root):
                continue
            stack: list[tuple[str, Iterator[str]]] = [(root, iter(deps(objects[root])))]
            state[root] = 1
            while stack:
                name, children = stack[-1]
                child = next(children, None)
                if child is None:
                    stack.pop()
                    state[name] = 2
                    ordered.append(objects[name])
                elif not state.get(child):
                    state[child] = 1
                    stack.append((child, iter(deps(objects[child]))))
        position = {s.name: i for i, s in enumerate(ordered)}
        rebuild = [s.name for s in ordered if any(position[d] >= position[s.name] for d in deps(s))]
        return ordered, rebuild

    def build(self) -> ModelsView:
        api = self.api
        claim = list(self.names.classes)
        by_name = {s.name: s for s in api.schemas}
        enums = [
            self.enum(by_name[n])
            for n in claim
            if by_name[n].kind is SchemaKind.ENUM
            and by_name[n].enum_values
            and _enum_class(by_name[n])
        ]
        ordered, rebuild = self.order()
        models = [self.model(s) for s in ordered]
        aliases = []
        for name in claim:
            schema = by_name[name]
            if schema.kind is SchemaKind.ALIAS or (
                schema.kind is SchemaKind.ENUM and not (schema.enum_values and _enum_class(schema))
            ):
                kind = ir.Type(Kind.REF, ref=name, nullable=schema.nullable)
                annotation = self.types.annotation(kind, schema.pointer)
                aliases.append(
                    AliasView(
                        self.names.classes[name],
                        Code(annotation),
                        doc_block(_doc_of(schema.title, schema.description), 0),
                    )
                )
        code = "\n".join(self.code_for_rules)
        title = f"Typed models of the {api.title} (spec version {api.version})."
        return ModelsView(
            doc=doc_block(title, 0) or Code(""),
            enums=enums,
            models=models,
            aliases=aliases,
            rebuild=[self.names.classes[n] for n in rebuild],
            helpers=set(self.types.uses),
            uses_pattern=uses_pattern(code),
            uses_number=uses_number(code),
        )


def render_models(api: ir.Api, names: py.Names) -> tuple[str, list[str]]:
    """The (unformatted) source of the models module, and the warnings of its rendering."""
    builder = _ModelsBuilder(api, names)
    view = builder.build()
    return render("python", "models.py.j2", view=view), builder.types.warnings


def models_source(api: ir.Api) -> str:
    """The (unformatted) source of the models module of ``api``."""
    return render_models(api, names_of(api))[0]


# ------------------------------------------------------------------------- package


def _ruff() -> str:
    from ruff.__main__ import find_ruff_bin

    return str(find_ruff_bin())


_RUFF_SETTINGS = ("--isolated", "--line-length", "100", "--target-version", "py311")


def format_sources(sources: dict[str, str]) -> dict[str, str]:
    """Python files (and Markdown with Python blocks) fixed and formatted by one ruff run of
    each kind over a temporary folder: imports sorted, unused ones removed, then formatted."""
    with tempfile.TemporaryDirectory(prefix="specpipe-py-") as folder:
        root = Path(folder)
        paths = []
        for relative, text in sources.items():
            path = root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))
        python = [p for p in paths if p.endswith(".py")]
        for command in (
            [
                _ruff(),
                "check",
                *_RUFF_SETTINGS,
                "--fix",
                "--quiet",
                "--select",
                "I,F401,UP",
                *python,
            ],
            [_ruff(), "format", *_RUFF_SETTINGS, "--quiet", *paths],
        ):
            result = subprocess.run(command, capture_output=True, text=True, check=False)
            if result.returncode not in (0, 1):
                detail = (result.stderr or result.stdout).strip().splitlines()
                raise ModelsError(
                    "ruff failed on the generated Python code: "
                    + (detail[0] if detail else f"exit status {result.returncode}")
                )
        return {relative: (root / relative).read_text(encoding="utf-8") for relative in sources}


def pyproject(api: ir.Api) -> str:
    return render(
        "python",
        "pyproject.toml.j2",
        distribution=py.python_distribution(api.name),
        package=py.python_package(api.name),
        description=escape.toml.string(f"Typed client and models of the {api.title}."),
    )


def generate_python(api: ir.Api, out_dir: Path) -> list[Path]:
    """Write the Python package of ``api`` under ``out_dir``; return the files written."""
    from specpipe.clients import python as client

    names = names_of(api)
    package = py.python_package(api.name)
    models_source, warnings = render_models(api, names)
    sources = {
        f"{package}/models.py": models_source,
        **client.render_sources(api, names),
    }
    formatted = format_sources(sources)
    for warning in warnings:
        print(f"specpipe: warning: {api.name}: {warning}", file=sys.stderr)
    files = {
        "pyproject.toml": pyproject(api),
        f"{package}/py.typed": "",
        **formatted,
    }
    written = []
    for relative, text in files.items():
        path = out_dir / relative
        write_if_changed(path, text if text.endswith("\n") or not text else text + "\n")
        written.append(path)
    return written
