"""Typed models of the LS Atlas case billing API (spec version 1.0).

Members are snake_case attributes with the spec's wire names as aliases (either name is
accepted); serialise with ``model_dump(mode="json", by_alias=True, exclude_unset=True)``.
Decode an answer leniently with ``context={"lenient": True}`` (unknown enum values and
extra members are kept, rules are not checked); without it everything is validated.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Self, TypeAlias, TypeVar

from pydantic import (
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


class _Model(BaseModel):
    """Base of every model: wire names as aliases, extra members kept."""

    model_config = ConfigDict(populate_by_name=True, extra="allow", protected_namespaces=())


class CaseBillingProcedureCodeModel(_Model):
    """
    One CPT billing code line of a treatment, with its amounts.
    """

    id: Annotated[int | None, Field(alias="id", ge=-2147483648, le=2147483647)] = None
    """
    Identifier of the billing line.
    """
    bill_number: Annotated[str | None, Field(alias="bill_number")] = None
    """
    Number of the bill the line belongs to.
    """
    bill_amount: Annotated[float | None, Field(alias="bill_amount")] = None
    """
    Billed amount (.NET `decimal`).
    """
    cpt_code: Annotated[str | None, Field(alias="cpt_code")] = None
    """
    CPT procedure code.
    """
    description: Annotated[str | None, Field(alias="description")] = None
    """
    Description of the procedure.
    """
    specialty: Annotated[str | None, Field(alias="specialty")] = None
    """
    Medical specialty of the procedure.
    """
    modifier: Annotated[str | None, Field(alias="modifier")] = None
    """
    CPT modifier.
    """
    group_iteams: Annotated[str | None, Field(alias="group_iteams")] = None
    """
    Group of items the code belongs to. The wire name is misspelt by the vendor
    (`iteams`) and is kept exactly.
    """
    validation_type: Annotated[str | None, Field(alias="validation_type")] = None
    """
    Kind of validation applied to the code.
    """
    val_desc: Annotated[str | None, Field(alias="val_desc")] = None
    """
    Description of the validation result.
    """
    date_of_service: Annotated[datetime | None, Field(alias="date_of_service")] = None
    """
    When the service was performed (.NET `DateTime`, with offset).
    """
    amount: Annotated[float | None, Field(alias="amount")] = None
    """
    Amount of the line (.NET `decimal`).
    """
    paid_amount: Annotated[float | None, Field(alias="paid_amount")] = None
    """
    Amount paid (.NET `decimal`).
    """
    fee_schedule: Annotated[float | None, Field(alias="fee_schedule")] = None
    """
    Amount allowed by the fee schedule (.NET `decimal`).
    """
    write_off: Annotated[float | None, Field(alias="write_off")] = None
    """
    Amount written off (.NET `decimal`).
    """
    is90_cap: Annotated[bool | None, Field(alias="is90Cap")] = None
    """
    Whether the 90-visit cap applies to the code.
    """

    @model_validator(mode="after")
    def _check_spec_rules(self, info: ValidationInfo) -> Self:
        """Check what the schema says beyond the member types (not when decoding leniently)."""
        if _lenient(info):
            return self
        for attribute, wire_name in (
            ("id", "id"),
            ("bill_amount", "bill_amount"),
            ("date_of_service", "date_of_service"),
            ("amount", "amount"),
            ("paid_amount", "paid_amount"),
            ("fee_schedule", "fee_schedule"),
            ("write_off", "write_off"),
            ("is90_cap", "is90Cap"),
        ):
            if attribute in self.model_fields_set and getattr(self, attribute) is None:
                raise ValueError(f"{wire_name} may be left out but may not be null")
        return self


class AddBillingCodeModel(_Model):
    """
    The billing procedure codes to attach to one case treatment.
    """

    case_billing_codes: Annotated[
        list[CaseBillingProcedureCodeModel] | None, Field(alias="case_billing_codes")
    ] = None
    """
    The codes to add (a .NET collection, so it may be `null`).
    """


class AspNetError(_Model):
    """
    The body ASP.NET Web API 2 writes for a rejected request (its `HttpError` type): a
    general `Message` and, when model binding or validation failed, `ModelState` with
    the messages per offending member. Neither seed shows an error sample; this is the
    framework's standard shape, and the sandbox answers bad input with it.
    """

    message: Annotated[str, Field(alias="Message", min_length=1)]
    """
    What went wrong, for people.
    """
    message_detail: Annotated[str | None, Field(alias="MessageDetail")] = None
    """
    Extra detail the framework adds for some errors (for example no matching route).
    """
    model_state: Annotated[dict[str, list[str]] | None, Field(alias="ModelState")] = None
    """
    Messages per model member, keyed by the member's path (`model.Reason`,
    `model.case_billing_codes[0].id`).
    """

    @model_validator(mode="after")
    def _check_spec_rules(self, info: ValidationInfo) -> Self:
        """Check what the schema says beyond the member types (not when decoding leniently)."""
        if _lenient(info):
            return self
        for attribute, wire_name in (
            ("message_detail", "MessageDetail"),
            ("model_state", "ModelState"),
        ):
            if attribute in self.model_fields_set and getattr(self, attribute) is None:
                raise ValueError(f"{wire_name} may be left out but may not be null")
        return self


Saved: TypeAlias = bool
"""
`true` when the codes were stored.
"""
