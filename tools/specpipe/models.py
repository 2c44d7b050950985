"""Pydantic v2 models from a bundled OpenAPI document.

``datamodel-code-generator`` (used as a library) writes the models from the schemas' shape.
It ignores cross-field rules (``if``/``then``, typeless ``anyOf``/``allOf`` members…) and
cannot express "optional but not null", so this module takes those out of the schemas first
(:mod:`specpipe.rules`), lets the generator do its part, and adds one ``model_validator`` per
model that checks them on the model's wire form.
"""

from __future__ import annotations

import ast
import copy
import json
import subprocess
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from specpipe import naming
from specpipe.bundle import write_if_changed
from specpipe.loader import resolve_ref
from specpipe.rules import (
    Rule,
    compile_rule,
    is_rules_only,
    split_rules,
    uses_number,
    uses_pattern,
)

Document = dict[str, Any]


class GenerationError(Exception):
    """The document cannot be turned into models; the message says where and why."""


@dataclass
class _ModelChecks:
    rules: list[tuple[Rule, str]] = field(default_factory=list)  # (rule, python expression)
    not_null: list[str] = field(default_factory=list)  # optional members that may not be null


def _resolver(document: Document) -> Any:
    def resolve(ref: str) -> dict[str, Any]:
        try:
            return resolve_ref(document, ref)
        except KeyError as exc:
            raise GenerationError(str(exc.args[0])) from None

    return resolve


def _allows_null(schema: Any, resolve: Any) -> bool:
    """Whether ``schema`` admits ``null`` (following refs and typed unions)."""
    if not isinstance(schema, dict):
        return True
    kind = schema.get("type")
    if kind is not None:
        return kind == "null" or (isinstance(kind, list) and "null" in kind)
    if "$ref" in schema:
        return _allows_null(resolve(schema["$ref"]), resolve)
    for keyword in ("anyOf", "oneOf"):
        if keyword in schema:
            return any(_allows_null(m, resolve) for m in schema[keyword])
    if "const" in schema:
        return schema["const"] is None
    return "enum" not in schema or None in schema["enum"]


_INTEGER_RANGES = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}


def _bound_integers(node: Any) -> None:
    """Make ``int32``/``int64`` ranges explicit bounds (the generator drops formats)."""
    if isinstance(node, dict):
        kind = node.get("type")
        kinds = kind if isinstance(kind, list) else [kind]
        limits = _INTEGER_RANGES.get(str(node.get("format")))
        if limits and "integer" in kinds:
            low, high = limits
            if "minimum" not in node and "exclusiveMinimum" not in node:
                node["minimum"] = low
            if "maximum" not in node and "exclusiveMaximum" not in node:
                node["maximum"] = high
        for value in node.values():
            _bound_integers(value)
    elif isinstance(node, list):
        for value in node:
            _bound_integers(value)


def _wrap_descriptions(node: Any, width: int = 88) -> None:
    """Wrap descriptions so the docstrings made from them stay within the line length."""
    if isinstance(node, dict):
        text = node.get("description")
        if isinstance(text, str):
            paragraphs = [" ".join(p.split()) for p in text.split("\n\n")]
            node["description"] = "\n\n".join(
                textwrap.fill(p, width, break_on_hyphens=False) for p in paragraphs if p
            )
        for key, value in node.items():
            if key not in ("example", "examples", "default", "enum", "const"):
                _wrap_descriptions(value, width)
    elif isinstance(node, list):
        for value in node:
            _wrap_descriptions(value, width)


def prepare(document: Document) -> tuple[Document, dict[str, _ModelChecks]]:
    """Split rules off the component schemas; return the generator's input and the checks."""
    doc = copy.deepcopy(document)
    resolve = _resolver(doc)
    schemas: dict[str, Any] = doc.get("components", {}).get("schemas", {})
    _bound_integers(schemas)
    _wrap_descriptions(schemas)
    checks: dict[str, _ModelChecks] = {}
    for name, schema in sorted(schemas.items()):
        if not isinstance(schema, dict):
            continue
        if schema.get("type") != "object" and "properties" not in schema:
            continue
        pointer = f"/components/schemas/{name}"
        shape, rules = split_rules(schema, pointer, resolve)
        found = _ModelChecks()
        for rule in rules:
            try:
                found.rules.append((rule, compile_rule(rule, "wire", resolve)))
            except ValueError as exc:
                raise GenerationError(str(exc)) from None
        required = set(shape.get("required", []))
        for prop, sub in shape.get("properties", {}).items():
            if prop not in required and not _allows_null(sub, resolve):
                found.not_null.append(prop)
        schemas[name] = shape
        if found.rules or found.not_null:
            checks[name] = found
    # Schemas that only hold rules shared by several shapes are not models.
    for name in [n for n, schema in schemas.items() if is_rules_only(schema, resolve)]:
        del schemas[name]
    return doc, checks


def _literal(text: str, width: int = 72) -> str:
    """A string literal, split into implicitly joined pieces when long."""
    pieces = textwrap.wrap(text, width, drop_whitespace=False, break_on_hyphens=False)
    if len(pieces) <= 1:
        return json.dumps(text)
    return "(" + " ".join(json.dumps(piece) for piece in pieces) + ")"


def _validator_source(model: str, found: _ModelChecks) -> str:
    lines = [
        "",
        '    @model_validator(mode="after")',
        "    def _check_spec_rules(self) -> Self:",
        f'        """Check the cross-field rules of the spec\'s ``{model}`` schema."""',
        '        wire = self.model_dump(mode="json", by_alias=True, exclude_unset=True)',
    ]
    if found.not_null:
        names = ", ".join(json.dumps(n) for n in found.not_null)
        lines += [
            f"        for name in ({names},):",
            "            if name in wire and wire[name] is None:",
            '                raise ValueError(f"{name} may be left out but may not be null")',
        ]
    for rule, expression in found.rules:
        lines += [
            f"        # {rule.pointer}",
            f"        if not {expression}:",
            f"            raise ValueError({_literal(rule.message)})",
        ]
    lines.append("        return self")
    return "\n".join(lines) + "\n"


_HELPERS = '''

def _is_number(value: object) -> bool:
    """JSON numbers only: ``bool`` is not a number on the wire."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)
'''


def _inject(source: str, checks: dict[str, _ModelChecks]) -> str:
    """Add each model's validator at the end of its class body."""
    if not checks:
        return source
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    classes = {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}
    missing = sorted(set(checks) - set(classes))
    if missing:
        raise GenerationError(f"the generator wrote no class for schema(s): {', '.join(missing)}")
    inserts = sorted(
        (
            (classes[name].end_lineno or 0, _validator_source(name, found))
            for name, found in checks.items()
        ),
        reverse=True,
    )
    for line_no, text in inserts:
        lines.insert(line_no, text)
    body = "".join(lines)
    code = "\n".join(expr for found in checks.values() for _, expr in found.rules)
    header = (
        "import re as _re\nfrom typing import Self\n"
        if uses_pattern(code)
        else ("from typing import Self\n")
    )
    body = body.replace(
        "from pydantic import ",
        header + "from pydantic import model_validator\nfrom pydantic import ",
        1,
    )
    if uses_number(code):
        body += _HELPERS
    return body


def _ruff(source: str, *args: str) -> str:
    from ruff.__main__ import find_ruff_bin

    result = subprocess.run(
        [
            find_ruff_bin(),
            *args,
            "--isolated",
            "--line-length",
            "100",
            "--target-version",
            "py311",
            "-",
        ],
        input=source,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode not in (0, 1) or not result.stdout:
        raise GenerationError(f"ruff failed on generated code: {result.stderr.strip()}")
    return result.stdout


def render_models(document: Document, api: str) -> str:
    """The source of the models module for one API."""
    from datamodel_code_generator import InputFileType, PythonVersion, generate
    from datamodel_code_generator.enums import DataModelType, DefaultValueType
    from datamodel_code_generator.format import Formatter

    doc, checks = prepare(document)
    header = (
        f"# Generated by specpipe from spec/{api}/ (bundled: generated/bundled/{api}.yaml).\n"
        "# Do not edit: change the spec and run `make generate`."
    )
    generated = generate(
        json.dumps(doc),
        input_file_type=InputFileType.OpenAPI,
        output_model_type=DataModelType.PydanticV2BaseModel,
        target_python_version=PythonVersion.PY_311,
        snake_case_field=True,
        allow_population_by_field_name=True,
        use_annotated=True,
        field_constraints=True,
        use_standard_collections=True,
        use_union_operator=True,
        use_schema_description=True,
        use_field_description=True,
        use_double_quotes=True,
        collapse_root_models=True,
        capitalise_enum_members=True,
        strict_nullable=True,
        disable_timestamp=True,
        deserialize_default_values=(DefaultValueType.Enum,),
        custom_file_header=header,
        formatters=[Formatter.RUFF_CHECK, Formatter.RUFF_FORMAT],
    )
    if not isinstance(generated, str):
        raise GenerationError("the model generator returned no module")
    source = _inject(generated, checks)
    source = _ruff(
        source,
        "check",
        "--fix",
        "--quiet",
        "--select",
        "I,F401,UP",
        "--stdin-filename",
        "models.py",
    )
    source = _ruff(source, "format", "--stdin-filename", "models.py")
    return source if source.endswith("\n") else source + "\n"


def _write(path: Path, text: str) -> Path:
    """Write ``text`` unless the file already holds it; return ``path``."""
    write_if_changed(path, text)
    return path


def generate_models(
    document: Document, api: str, out_dir: Path, *, package_init: str | None = None
) -> list[Path]:
    """Write the models package of ``api`` under ``out_dir``; return the files.

    ``package_init`` replaces the package's default ``__init__.py`` (the client generator
    gives one that also exports the client).
    """
    package = naming.python_package(api)
    title = document.get("info", {}).get("title", api)
    version = document.get("info", {}).get("version", "0")
    init = package_init or (
        f'"""Typed models of the {title} (spec version {version})."""\n\n'
        "from . import models\n\n"
        '__all__ = ["models"]\n'
    )
    project = (
        "[build-system]\n"
        'requires = ["setuptools>=68"]\n'
        'build-backend = "setuptools.build_meta"\n\n'
        "[project]\n"
        f'name = "{naming.python_distribution(api)}"\n'
        'version = "0.1.0"\n'
        f'description = "Typed client and models of the {title}."\n'
        'readme = "README.md"\n'
        'requires-python = ">=3.11"\n'
        'dependencies = ["httpx>=0.28", "pydantic>=2.9"]\n\n'
        "[tool.setuptools.package-data]\n"
        f'{package} = ["py.typed"]\n\n'
        "[tool.ruff]\n"
        "line-length = 100\n"
        'target-version = "py311"\n\n'
        "[tool.ruff.lint]\n"
        'select = ["E", "F", "W", "I", "B", "UP", "SIM"]\n\n'
        "[tool.mypy]\n"
        "strict = true\n"
    )
    return [
        _write(out_dir / "pyproject.toml", project),
        _write(out_dir / package / "__init__.py", init),
        _write(out_dir / package / "py.typed", ""),
        _write(out_dir / package / "models.py", render_models(document, api)),
    ]
