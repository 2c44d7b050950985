"""Typed models of the Patient appointment booking API (spec version 2).

Members are snake_case attributes with the spec's wire names as aliases (either name is
accepted); serialise with ``model_dump(mode="json", by_alias=True, exclude_unset=True)``.
Decode an answer leniently with ``context={"lenient": True}`` (unknown enum values and
extra members are kept, rules are not checked); without it everything is validated.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Self, TypeAlias, TypeVar
from uuid import UUID

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


class Reasons(_Model):
    """
    One structured reason for the visit.
    """

    reason_id: Annotated[UUID | None, Field(alias="ReasonId")] = None
    """
    The reason.
    """

    @model_validator(mode="after")
    def _check_spec_rules(self, info: ValidationInfo) -> Self:
        """Check what the schema says beyond the member types (not when decoding leniently)."""
        if _lenient(info):
            return self
        for attribute, wire_name in (("reason_id", "ReasonId"),):
            if attribute in self.model_fields_set and getattr(self, attribute) is None:
                raise ValueError(f"{wire_name} may be left out but may not be null")
        return self


class AppointmentModel(_Model):
    """
    An appointment to book.
    """

    encounter_type_id: Annotated[UUID | None, Field(alias="EncounterTypeId")] = None
    """
    Kind of encounter.
    """
    encounter_type_mode_duration_id: Annotated[
        UUID | None, Field(alias="EncounterTypeModeDurationId")
    ] = None
    """
    Mode and duration of the encounter type.
    """
    provider_id: Annotated[UUID | None, Field(alias="ProviderId")] = None
    """
    Provider the appointment is with.
    """
    user_id: Annotated[UUID, Field(alias="UserId")]
    """
    User who books the appointment.
    """
    patient_id: Annotated[UUID | None, Field(alias="PatientId")] = None
    """
    Patient the appointment is for.
    """
    speciality_id: Annotated[UUID | None, Field(alias="SpecialityId")] = None
    """
    Specialty of the appointment.
    """
    appointment_on: Annotated[datetime, Field(alias="AppointmentOn")]
    """
    When the appointment takes place (.NET `DateTime`, with offset).
    """
    secondary_appointment_on: Annotated[datetime | None, Field(alias="SecondaryAppointmentOn")] = (
        None
    )
    """
    A second date and time for the appointment (.NET `DateTime`, with offset).
    """
    reason: Annotated[
        str,
        Field(
            alias="Reason", min_length=1, max_length=250, pattern="[^\\s\\x1C-\\x1F\\x85\\uFEFF]"
        ),
    ]
    """
    Why the patient is coming. Required, at most 250 characters, not blank (see the API
    description for why the vendor's \"between 0 and 250\" means this).
    """
    note: Annotated[str | None, Field(alias="Note", max_length=1000)] = None
    """
    A free note, at most 1000 characters.
    """
    parent_id: Annotated[UUID | None, Field(alias="ParentId")] = None
    """
    Appointment this one follows from.
    """
    referred_parent_id: Annotated[UUID | None, Field(alias="ReferredParentId")] = None
    """
    Appointment that referred this one.
    """
    paid_amount: Annotated[float | None, Field(alias="PaidAmount")] = None
    """
    Amount already paid (.NET `decimal`).
    """
    account_id: Annotated[UUID, Field(alias="AccountId")]
    """
    Account (practice) the appointment is booked in.
    """
    service_id: Annotated[UUID | None, Field(alias="ServiceId")] = None
    """
    Service to be provided.
    """
    method_id: Annotated[int | None, Field(alias="MethodId", ge=-2147483648, le=2147483647)] = None
    """
    How the appointment is held (the vendor does not list the values).
    """
    is_custom_form_flow: Annotated[str | None, Field(alias="IsCustomFormFlow")] = None
    """
    Whether the booking comes from a custom form flow (a string in the vendor's model).
    """
    doc_ids: Annotated[str | None, Field(alias="DocIds")] = None
    """
    Documents attached to the appointment (a string in the vendor's model).
    """
    reasons: Annotated[list[Reasons] | None, Field(alias="Reasons")] = None
    """
    Structured reasons for the visit.
    """

    @model_validator(mode="after")
    def _check_spec_rules(self, info: ValidationInfo) -> Self:
        """Check what the schema says beyond the member types (not when decoding leniently)."""
        if _lenient(info):
            return self
        for attribute, wire_name in (
            ("encounter_type_id", "EncounterTypeId"),
            ("encounter_type_mode_duration_id", "EncounterTypeModeDurationId"),
            ("provider_id", "ProviderId"),
            ("patient_id", "PatientId"),
            ("speciality_id", "SpecialityId"),
            ("secondary_appointment_on", "SecondaryAppointmentOn"),
            ("parent_id", "ParentId"),
            ("referred_parent_id", "ReferredParentId"),
            ("paid_amount", "PaidAmount"),
            ("service_id", "ServiceId"),
            ("method_id", "MethodId"),
        ):
            if attribute in self.model_fields_set and getattr(self, attribute) is None:
                raise ValueError(f"{wire_name} may be left out but may not be null")
        return self


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


Guid: TypeAlias = UUID
"""
A .NET `Guid`.
"""


NullableText: TypeAlias = str | None
"""
A .NET string, which may be `null`.
"""


ActionResult: TypeAlias = Any
"""
Whatever the action chose to return; the vendor documents no shape (an empty schema
accepts every JSON value).
"""
