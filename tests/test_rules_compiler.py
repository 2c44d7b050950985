"""Models generated from small inline specs enforce every rule shape the compiler supports."""

from __future__ import annotations

import json
import sys
import types
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from specpipe import ir
from specpipe.ir import GenerationError
from specpipe.models import models_source


def _module(schemas: dict[str, Any]) -> types.ModuleType:
    document = {
        "openapi": "3.1.0",
        "info": {"title": "inline", "version": "1"},
        "paths": {},
        "components": {"schemas": schemas},
    }
    module = types.ModuleType("inline_models")
    sys.modules["inline_models"] = module  # pydantic resolves annotations in the module
    source = models_source(ir.build("inline", document))
    exec(compile(source, "inline_models.py", "exec"), module.__dict__)
    return module


def _model(schema: dict[str, Any], **extra: Any) -> type[BaseModel]:
    model: type[BaseModel] = _module({"Thing": schema, **extra}).Thing
    return model


def _accepts(model: type[BaseModel], value: dict[str, Any]) -> bool:
    try:
        model.model_validate_json(json.dumps(value), strict=True)
    except ValidationError:
        return False
    return True


OBJECT = {
    "type": "object",
    "properties": {"a": {"type": "integer"}, "b": {"type": "string"}, "c": {"type": "boolean"}},
}


def test_dependent_required() -> None:
    model = _model({**OBJECT, "dependentRequired": {"a": ["b"]}})
    assert _accepts(model, {"a": 1, "b": "x"})
    assert _accepts(model, {"b": "x"})
    assert not _accepts(model, {"a": 1})


def test_one_of_members_without_type() -> None:
    model = _model({**OBJECT, "oneOf": [{"required": ["a"]}, {"required": ["b"]}]})
    assert _accepts(model, {"a": 1})
    assert not _accepts(model, {"a": 1, "b": "x"})
    assert not _accepts(model, {})


def test_not_and_if_then_else() -> None:
    model = _model(
        {
            **OBJECT,
            "allOf": [
                {"not": {"required": ["a", "c"]}},
                {
                    "if": {"properties": {"c": {"const": True}}, "required": ["c"]},
                    "then": {"required": ["b"]},
                    "else": {"properties": {"b": {"maxLength": 1}}},
                },
            ],
        }
    )
    assert _accepts(model, {"c": True, "b": "long"})
    assert not _accepts(model, {"c": True})
    assert not _accepts(model, {"a": 1, "c": False})
    assert _accepts(model, {"b": "x"})
    assert not _accepts(model, {"b": "xy"})


def test_numeric_const_is_not_boolean() -> None:
    model = _model(
        {
            "type": "object",
            "properties": {"n": {"type": "integer"}, "s": {"type": "string"}},
            "allOf": [
                {
                    "if": {"properties": {"n": {"const": 1}}, "required": ["n"]},
                    "then": {"required": ["s"]},
                }
            ],
        }
    )
    assert not _accepts(model, {"n": 1})
    assert _accepts(model, {"n": 2})


def test_pattern_and_numeric_limits_in_rules() -> None:
    model = _model(
        {
            **OBJECT,
            "allOf": [
                {
                    "if": {"properties": {"b": {"pattern": "^x"}}, "required": ["b"]},
                    "then": {
                        "properties": {"a": {"minimum": 10, "exclusiveMaximum": 20}},
                        "required": ["a"],
                    },
                }
            ],
        }
    )
    assert _accepts(model, {"b": "xy", "a": 10})
    assert not _accepts(model, {"b": "xy", "a": 20})
    assert not _accepts(model, {"b": "xy"})
    assert _accepts(model, {"b": "yx"})


def test_rules_behind_refs_and_nested_all_of() -> None:
    module = _module(
        {
            "Rules": {
                "allOf": [
                    {"description": "a needs b", "dependentRequired": {"a": ["b"]}},
                    {"allOf": [{"description": "b needs c", "dependentRequired": {"b": ["c"]}}]},
                ]
            },
            "Thing": {**OBJECT, "allOf": [{"$ref": "#/components/schemas/Rules"}]},
        }
    )
    assert not hasattr(module, "Rules"), "a rules-only schema is not a model"
    with pytest.raises(ValidationError, match="a needs b"):
        module.Thing.model_validate({"a": 1})
    with pytest.raises(ValidationError, match="b needs c"):
        module.Thing.model_validate({"b": "x"})
    module.Thing.model_validate({"a": 1, "b": "x", "c": True})


def test_optional_members_that_are_not_nullable_reject_null() -> None:
    model = _model(
        {
            "type": "object",
            "properties": {"plain": {"type": "string"}, "nullable": {"type": ["string", "null"]}},
        }
    )
    assert _accepts(model, {"nullable": None})
    assert not _accepts(model, {"plain": None})
    assert model().model_dump(exclude_unset=True) == {}


def test_unsupported_keyword_in_a_rule_is_an_error_naming_it() -> None:
    with pytest.raises(
        GenerationError, match=r"/components/schemas/Thing/allOf/0.*'minProperties'"
    ):
        _model({**OBJECT, "allOf": [{"minProperties": 2}]})
