"""Typed models of the VBA Software plan benefit levels and plan modifiers API (spec
version v1).

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


class PlanBenefitLevel(_Model):
    """
    A condition that selects a level of a plan benefit (an age range, a network, a
    modifier…), with the range of values it matches.
    """

    plan_benefit_level_key: Annotated[
        int, Field(alias="planBenefitLevel_Key", ge=-2147483648, le=2147483647)
    ]
    """
    Key of the benefit level. Required by the API because the database column is NOT
    NULL.
    """
    benefit_code: Annotated[str, Field(alias="benefit_Code", min_length=1, max_length=50)]
    """
    The plan benefit (PlanBenefits.Benefit_Code) the level belongs to.
    """
    benefit_level: Annotated[str, Field(alias="benefit_Level", min_length=1, max_length=32)]
    """
    Which condition the level tests. The vendor lists: Age by Service Date, Age by
    Received Date (the member's age on the claim's service or received date),
    Relationship Code (of the member to the subscriber), Months or Days Enrolled in
    Plan, Network, Out of Network, Billed Amount (range of the service line's billed
    amount), Modifier, Exact Modifier, No Modifier, Exclude Modifier, Exclude Exact
    Modifier (presence or absence of a modifier, anywhere or at an exact position on the
    service line), Gender, Billing Taxonomy, Rendering Taxonomy, Service Facility
    Taxonomy (the provider's taxonomy is in the taxonomy group), Procedure Category,
    Procedure Cluster (the line's procedure code is in it), Provider Federal ID.
    """
    entry_date: Annotated[datetime | None, Field(alias="entry_Date")] = None
    """
    When the record was added.
    """
    entry_user: Annotated[str | None, Field(alias="entry_User", max_length=20)] = None
    """
    Who added the record.
    """
    exclude: Annotated[bool, Field(alias="exclude")]
    """
    Whether the level excludes (true) or includes (false) what it matches. Required by
    the API because the database column is NOT NULL.
    """
    extra_value1: Annotated[str | None, Field(alias="extra_Value1", max_length=128)] = None
    """
    An additional value of the level.
    """
    extra_value2: Annotated[str | None, Field(alias="extra_Value2", max_length=128)] = None
    """
    A second additional value of the level.
    """
    from_value: Annotated[str | None, Field(alias="from_Value", max_length=128)] = None
    """
    First value of the range the level matches.
    """
    plan_id: Annotated[str | None, Field(alias="plan_ID", max_length=20)] = None
    """
    The plan (PlanBenefits.Plan_ID) the level belongs to.
    """
    thru_value: Annotated[str | None, Field(alias="thru_Value", max_length=128)] = None
    """
    Last value of the range the level matches.
    """
    update_date: Annotated[datetime | None, Field(alias="update_Date")] = None
    """
    When the record was last changed.
    """
    update_user: Annotated[str | None, Field(alias="update_User", max_length=20)] = None
    """
    Who last changed the record.
    """
    value_type: Annotated[str | None, Field(alias="value_Type", max_length=32)] = None
    """
    Unit or kind of the level's values.
    """

    @model_validator(mode="after")
    def _check_spec_rules(self, info: ValidationInfo) -> Self:
        """Check what the schema says beyond the member types (not when decoding leniently)."""
        if _lenient(info):
            return self
        for attribute, wire_name in (
            ("entry_date", "entry_Date"),
            ("update_date", "update_Date"),
        ):
            if attribute in self.model_fields_set and getattr(self, attribute) is None:
                raise ValueError(f"{wire_name} may be left out but may not be null")
        return self


class VBAProblemDetails(_Model):
    """
    An error in the form of RFC 7807 problem details; every member is optional.
    """

    type_: Annotated[str | None, Field(alias="type")] = None
    """
    URI reference naming the kind of problem (`about:blank` when absent).
    """
    title: Annotated[str | None, Field(alias="title")] = None
    """
    Short summary of the kind of problem.
    """
    status: Annotated[int | None, Field(alias="status", ge=-2147483648, le=2147483647)] = None
    """
    The HTTP status code of this occurrence.
    """
    detail: Annotated[str | None, Field(alias="detail")] = None
    """
    What went wrong in this occurrence, for people.
    """
    instance: Annotated[str | None, Field(alias="instance")] = None
    """
    URI reference naming this occurrence.
    """


class Debug(_Model):
    """
    Support information about the call.
    """

    activity_id: Annotated[str, Field(alias="activityID", min_length=1)]
    """
    Identifier of the call's activity; quote it to VBA support.
    """


class PlanBenefitLevelListVBAResponse(_Model):
    """
    The envelope of a call that returns a list of benefit levels.
    """

    data: Annotated[list[PlanBenefitLevel] | None, Field(alias="data")] = None
    """
    The benefit levels, or `null` when the call failed.
    """
    error: Annotated[VBAProblemDetails | None, Field(alias="error")] = None
    """
    Problem details, or `null` when the call succeeded.
    """
    debug: Annotated[Debug | None, Field(alias="debug")] = None
    """
    Support information, or `null`.
    """


class ErrorVBAResponse(_Model):
    """
    The envelope of a failed call; `error` says what went wrong and `data` is `null`.
    """

    data: Annotated[None, Field(alias="data")] = None
    """
    Always `null` in an error envelope.
    """
    error: Annotated[VBAProblemDetails, Field(alias="error")]
    """
    An error in the form of RFC 7807 problem details; every member is optional.
    """
    debug: Annotated[Debug | None, Field(alias="debug")] = None
    """
    Support information, or `null`.
    """


class PlanBenefitLevelVBAResponse(_Model):
    """
    The envelope of a call that returns one benefit level.
    """

    data: Annotated[PlanBenefitLevel | None, Field(alias="data")] = None
    """
    The benefit level, or `null` when the call failed.
    """
    error: Annotated[VBAProblemDetails | None, Field(alias="error")] = None
    """
    Problem details, or `null` when the call succeeded.
    """
    debug: Annotated[Debug | None, Field(alias="debug")] = None
    """
    Support information, or `null`.
    """


class KeyValuePair(_Model):
    """
    One key member of an entity, by name and value.
    """

    key: Annotated[str | None, Field(alias="key")] = None
    """
    Wire name of the key member.
    """
    value: Annotated[str | None, Field(alias="value")] = None
    """
    Its value, as text.
    """


class MultiCodeResponse(_Model):
    """
    The outcome of one item of a batch upsert.
    """

    id: Annotated[list[KeyValuePair] | None, Field(alias="id")] = None
    """
    The key members of the item's entity.
    """
    status: Annotated[int | None, Field(alias="status", ge=-2147483648, le=2147483647)] = None
    """
    HTTP status of this item's operation (200 updated, 201 created, 4xx or 5xx failed).
    """
    body: Annotated[str | None, Field(alias="body")] = None
    """
    Message about the item (`Updated`, `Created`, or what went wrong).
    """

    @model_validator(mode="after")
    def _check_spec_rules(self, info: ValidationInfo) -> Self:
        """Check what the schema says beyond the member types (not when decoding leniently)."""
        if _lenient(info):
            return self
        for attribute, wire_name in (("status", "status"),):
            if attribute in self.model_fields_set and getattr(self, attribute) is None:
                raise ValueError(f"{wire_name} may be left out but may not be null")
        return self


class MultiCodeResponseListVBAResponse(_Model):
    """
    The envelope of a batch upsert's answer; `data` has one result per item, in order.
    """

    data: Annotated[list[MultiCodeResponse] | None, Field(alias="data")] = None
    error: Annotated[VBAProblemDetails | None, Field(alias="error")] = None
    """
    Problem details, or `null` when the call succeeded.
    """
    debug: Annotated[Debug | None, Field(alias="debug")] = None
    """
    Support information, or `null`.
    """


class PlanModifier(_Model):
    """
    How a procedure modifier changes the fee of a plan's claims, from an effective date
    on. Identified by `plan_ID`, `modifier` and `effective_Date`.
    """

    plan_id: Annotated[str, Field(alias="plan_ID", min_length=1, max_length=20)]
    """
    The plan (Plans.Plan_ID) the rule belongs to.
    """
    modifier: Annotated[str, Field(alias="modifier", min_length=1, max_length=8)]
    """
    The modifier the rule applies to.
    """
    effective_date: Annotated[datetime, Field(alias="effective_Date")]
    """
    When the rule takes effect. Required by the API because the database column is NOT
    NULL.
    """
    apply_oon: Annotated[bool, Field(alias="apply_OON")]
    """
    Whether the modifier's fee applies to out-of-network claims. Required by the API
    because the database column is NOT NULL.
    """
    apply_uc: Annotated[bool, Field(alias="apply_UC")]
    """
    Whether the modifier's fee applies to usual-and-customary claims. Required by the
    API because the database column is NOT NULL.
    """
    entry_date: Annotated[datetime | None, Field(alias="entry_Date")] = None
    """
    When the record was added.
    """
    entry_user: Annotated[str | None, Field(alias="entry_User", max_length=20)] = None
    """
    Who added the record.
    """
    fee_percent: Annotated[float | None, Field(alias="fee_Percent")] = None
    """
    Fee for the modifier.
    """
    term_date: Annotated[datetime | None, Field(alias="term_Date")] = None
    """
    When the rule stops being effective.
    """
    update_date: Annotated[datetime | None, Field(alias="update_Date")] = None
    """
    When the record was last changed.
    """
    update_user: Annotated[str | None, Field(alias="update_User", max_length=20)] = None
    """
    Who last changed the record.
    """

    @model_validator(mode="after")
    def _check_spec_rules(self, info: ValidationInfo) -> Self:
        """Check what the schema says beyond the member types (not when decoding leniently)."""
        if _lenient(info):
            return self
        for attribute, wire_name in (
            ("entry_date", "entry_Date"),
            ("update_date", "update_Date"),
        ):
            if attribute in self.model_fields_set and getattr(self, attribute) is None:
                raise ValueError(f"{wire_name} may be left out but may not be null")
        return self


class PlanModifierListVBAResponse(_Model):
    """
    The envelope of a call that returns a list of modifier rules.
    """

    data: Annotated[list[PlanModifier] | None, Field(alias="data")] = None
    """
    The modifier rules, or `null` when the call failed.
    """
    error: Annotated[VBAProblemDetails | None, Field(alias="error")] = None
    """
    Problem details, or `null` when the call succeeded.
    """
    debug: Annotated[Debug | None, Field(alias="debug")] = None
    """
    Support information, or `null`.
    """


class PlanModifierVBAResponse(_Model):
    """
    The envelope of a call that returns one modifier rule.
    """

    data: Annotated[PlanModifier | None, Field(alias="data")] = None
    """
    The modifier rule, or `null` when the call failed.
    """
    error: Annotated[VBAProblemDetails | None, Field(alias="error")] = None
    """
    Problem details, or `null` when the call succeeded.
    """
    debug: Annotated[Debug | None, Field(alias="debug")] = None
    """
    Support information, or `null`.
    """


NullableProblemDetails: TypeAlias = VBAProblemDetails | None
"""
Problem details, or `null` when the call succeeded.
"""


NullableDebug: TypeAlias = Debug | None
"""
Support information, or `null`.
"""


PlanBenefitLevelList: TypeAlias = list[PlanBenefitLevel]
"""
Benefit levels to upsert.
"""


PlanModifierList: TypeAlias = list[PlanModifier]
"""
Modifier rules to upsert.
"""
