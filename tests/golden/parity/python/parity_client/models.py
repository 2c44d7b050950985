"""Typed models of the Parity notes (spec version 1.0).

Members are snake_case attributes with the spec's wire names as aliases (either name is
accepted); serialise with ``model_dump(mode="json", by_alias=True, exclude_unset=True)``.
Decode an answer leniently with ``context={"lenient": True}`` (unknown enum values and
extra members are kept, rules are not checked); without it everything is validated.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal, Self, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    model_validator,
)

_T = TypeVar("_T")


def _lenient(info: ValidationInfo) -> bool:
    """Whether this validation decodes an answer leniently (``context={"lenient": True}``)."""
    context = info.context
    return isinstance(context, dict) and context.get("lenient") is True


def _unknown(value: _T, info: ValidationInfo) -> _T:
    """A value the spec does not list: kept when decoding leniently, refused otherwise."""
    if _lenient(info):
        return value
    raise ValueError("not one of the values the spec lists")


Unknown = Annotated[_T, AfterValidator(_unknown)]
"""A value outside an enum, accepted only when decoding leniently."""
OpenStr = Annotated[_T | Unknown[str], Field(union_mode="left_to_right")]
"""A string enum that keeps an unknown value (a ``str``) when decoding leniently."""


class _Model(BaseModel):
    """Base of every model: wire names as aliases, extra members kept."""

    model_config = ConfigDict(populate_by_name=True, extra="allow", protected_namespaces=())


class Status(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    ARCHIVED = "archived"


class NoteInput(_Model):
    title: Annotated[str, Field(alias="title", max_length=200)]
    type_: Annotated[OpenStr[Literal["text", "checklist"]], Field(alias="type")]
    """
    A property named like a keyword.
    """
    tags: Annotated[list[str] | None, Field(alias="tags")] = None

    @model_validator(mode="after")
    def _check_spec_rules(self, info: ValidationInfo) -> Self:
        """Check what the schema says beyond the member types (not when decoding leniently)."""
        if _lenient(info):
            return self
        for attribute, wire_name in (("tags", "tags"),):
            if attribute in self.model_fields_set and getattr(self, attribute) is None:
                raise ValueError(f"{wire_name} may be left out but may not be null")
        return self


class Note(_Model):
    id: Annotated[int, Field(alias="id", ge=-9223372036854775808, le=9223372036854775807)]
    title: Annotated[str, Field(alias="title")]
    type_: Annotated[OpenStr[Literal["text", "checklist"]], Field(alias="type")]
    status: Annotated[OpenStr[Status], Field(alias="status")]
    tags: Annotated[list[str] | None, Field(alias="tags")] = None

    @model_validator(mode="after")
    def _check_spec_rules(self, info: ValidationInfo) -> Self:
        """Check what the schema says beyond the member types (not when decoding leniently)."""
        if _lenient(info):
            return self
        for attribute, wire_name in (("tags", "tags"),):
            if attribute in self.model_fields_set and getattr(self, attribute) is None:
                raise ValueError(f"{wire_name} may be left out but may not be null")
        return self


class Problem(_Model):
    type_: Annotated[str | None, Field(alias="type")] = None
    title: Annotated[str | None, Field(alias="title")] = None
    status: Annotated[int | None, Field(alias="status")] = None
    detail: Annotated[str | None, Field(alias="detail")] = None

    @model_validator(mode="after")
    def _check_spec_rules(self, info: ValidationInfo) -> Self:
        """Check what the schema says beyond the member types (not when decoding leniently)."""
        if _lenient(info):
            return self
        for attribute, wire_name in (
            ("type_", "type"),
            ("title", "title"),
            ("status", "status"),
        ):
            if attribute in self.model_fields_set and getattr(self, attribute) is None:
                raise ValueError(f"{wire_name} may be left out but may not be null")
        return self


class Meta(_Model):
    request_id: Annotated[str | None, Field(alias="requestId")] = None

    @model_validator(mode="after")
    def _check_spec_rules(self, info: ValidationInfo) -> Self:
        """Check what the schema says beyond the member types (not when decoding leniently)."""
        if _lenient(info):
            return self
        for attribute, wire_name in (("request_id", "requestId"),):
            if attribute in self.model_fields_set and getattr(self, attribute) is None:
                raise ValueError(f"{wire_name} may be left out but may not be null")
        return self


class NoteEnvelope(_Model):
    data: Annotated[Note, Field(alias="data")]
    error: Annotated[Problem | None, Field(alias="error")] = None
    meta: Annotated[Meta | None, Field(alias="meta")] = None

    @model_validator(mode="after")
    def _check_spec_rules(self, info: ValidationInfo) -> Self:
        """Check what the schema says beyond the member types (not when decoding leniently)."""
        if _lenient(info):
            return self
        for attribute, wire_name in (("meta", "meta"),):
            if attribute in self.model_fields_set and getattr(self, attribute) is None:
                raise ValueError(f"{wire_name} may be left out but may not be null")
        return self


class NoteListEnvelope(_Model):
    data: Annotated[list[Note], Field(alias="data")]
    error: Annotated[Problem | None, Field(alias="error")] = None
    meta: Annotated[Meta | None, Field(alias="meta")] = None

    @model_validator(mode="after")
    def _check_spec_rules(self, info: ValidationInfo) -> Self:
        """Check what the schema says beyond the member types (not when decoding leniently)."""
        if _lenient(info):
            return self
        for attribute, wire_name in (("meta", "meta"),):
            if attribute in self.model_fields_set and getattr(self, attribute) is None:
                raise ValueError(f"{wire_name} may be left out but may not be null")
        return self


class ErrorEnvelope(_Model):
    data: Annotated[None, Field(alias="data")] = None
    error: Annotated[Problem, Field(alias="error")]
    meta: Annotated[Meta | None, Field(alias="meta")] = None

    @model_validator(mode="after")
    def _check_spec_rules(self, info: ValidationInfo) -> Self:
        """Check what the schema says beyond the member types (not when decoding leniently)."""
        if _lenient(info):
            return self
        for attribute, wire_name in (("meta", "meta"),):
            if attribute in self.model_fields_set and getattr(self, attribute) is None:
                raise ValueError(f"{wire_name} may be left out but may not be null")
        return self
