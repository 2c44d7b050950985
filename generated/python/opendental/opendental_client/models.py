"""Typed models of the Open Dental insurance benefits API (spec version 23.2.62).

Members are snake_case attributes with the spec's wire names as aliases (either name is
accepted); serialise with ``model_dump(mode="json", by_alias=True, exclude_unset=True)``.
Decode an answer leniently with ``context={"lenient": True}`` (unknown enum values and
extra members are kept, rules are not checked); without it everything is validated.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Self, TypeAlias, TypeVar

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


def _is_number(value: object) -> bool:
    """JSON numbers only: ``bool`` is not a number on the wire."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


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


class BenefitType(StrEnum):
    """
    What the benefit expresses.
    """

    ACTIVE_COVERAGE = "ActiveCoverage"
    CO_INSURANCE = "CoInsurance"
    DEDUCTIBLE = "Deductible"
    CO_PAYMENT = "CoPayment"
    EXCLUSIONS = "Exclusions"
    LIMITATIONS = "Limitations"
    WAITING_PERIOD = "WaitingPeriod"


class TimePeriod(StrEnum):
    """
    The period the benefit's amount or quantity applies to.
    """

    NONE = "None"
    SERVICE_YEAR = "ServiceYear"
    CALENDAR_YEAR = "CalendarYear"
    LIFETIME = "Lifetime"
    YEARS = "Years"
    NUMBER_IN_LAST12_MONTHS = "NumberInLast12Months"


class QuantityQualifier(StrEnum):
    """
    What `Quantity` counts.
    """

    NONE = "None"
    NUMBER_OF_SERVICES = "NumberOfServices"
    AGE_LIMIT = "AgeLimit"
    VISITS = "Visits"
    YEARS = "Years"
    MONTHS = "Months"


class CoverageLevel(StrEnum):
    """
    Whom the benefit covers.
    """

    NONE = "None"
    INDIVIDUAL = "Individual"
    FAMILY = "Family"


class Benefit(_Model):
    """
    An insurance benefit as the server stores and returns it.
    """

    benefit_num: Annotated[
        Annotated[int, Field(ge=1, le=9223372036854775807)], Field(alias="BenefitNum")
    ]
    """
    Key of the benefit, assigned by the server.
    """
    plan_num: Annotated[Annotated[int, Field(ge=0, le=9223372036854775807)], Field(alias="PlanNum")]
    """
    Insurance plan (FK to InsPlan.PlanNum), 0 for a patient plan's benefit.
    """
    pat_plan_num: Annotated[
        Annotated[int, Field(ge=0, le=9223372036854775807)], Field(alias="PatPlanNum")
    ]
    """
    Patient plan (FK to PatPlan.PatPlanNum), 0 for a plan's benefit.
    """
    cov_cat_num: Annotated[
        Annotated[int, Field(ge=0, le=9223372036854775807)], Field(alias="CovCatNum")
    ]
    """
    Coverage category (FK to covcat.CovCatNum), 0 for none.
    """
    benefit_type: Annotated[OpenStr[BenefitType], Field(alias="BenefitType")]
    """
    What the benefit expresses.
    """
    percent: Annotated[Annotated[int, Field(ge=-1, le=100)], Field(alias="Percent")]
    """
    Co-insurance percentage, 0 to 100, or -1 for empty. A value other than -1 is only
    allowed if `BenefitType` is `CoInsurance`.
    """
    monetary_amt: Annotated[float, Field(alias="MonetaryAmt")]
    """
    Amount of money, or -1 for empty. Only used if `BenefitType` is `CoPayment`,
    `Limitations` or `Deductible`: the server ignores it for the other types (it does
    not reject it; a vendor example sends it with `ActiveCoverage`).
    """
    time_period: Annotated[OpenStr[TimePeriod], Field(alias="TimePeriod")]
    """
    The period the benefit's amount or quantity applies to.
    """
    quantity_qualifier: Annotated[OpenStr[QuantityQualifier], Field(alias="QuantityQualifier")]
    """
    What `Quantity` counts.
    """
    quantity: Annotated[Annotated[int, Field(ge=0, le=100)], Field(alias="Quantity")]
    """
    How many of `QuantityQualifier`, 0 to 100. Must be greater than 0 if
    `QuantityQualifier` is `AgeLimit`.
    """
    code_num: Annotated[Annotated[int, Field(ge=0, le=9223372036854775807)], Field(alias="CodeNum")]
    """
    Procedure code (FK to procedurecode.CodeNum), 0 for none.
    """
    proc_code: Annotated[str, Field(alias="procCode")]
    """
    Procedure code (FK to procedurecode.ProcCode), empty for none. Only allowed if
    `CovCatNum` is 0; `CodeNum` wins when both are given.
    """
    coverage_level: Annotated[OpenStr[CoverageLevel], Field(alias="CoverageLevel")]
    """
    Whom the benefit covers.
    """
    sec_date_t_entry: Annotated[
        Annotated[str, Field(pattern="^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$")],
        Field(alias="SecDateTEntry"),
    ]
    """
    When the benefit was created (set by the server).
    """
    sec_date_t_edit: Annotated[
        Annotated[str, Field(pattern="^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$")],
        Field(alias="SecDateTEdit"),
    ]
    """
    When the benefit was last changed (set by the server).
    """
    code_group_num: Annotated[
        Annotated[int, Field(ge=0, le=9223372036854775807)], Field(alias="CodeGroupNum")
    ]
    """
    Group of procedure codes a frequency limitation applies to (FK to
    codegroup.CodeGroupNum), 0 for none. Added in version 23.2.62.
    """

    @model_validator(mode="after")
    def _check_spec_rules(self, info: ValidationInfo) -> Self:
        """Check what the schema says beyond the member types (not when decoding leniently)."""
        if _lenient(info):
            return self
        wire = self.model_dump(mode="json", by_alias=True, exclude_unset=True)
        # /components/schemas/BenefitRules/allOf/0
        holds = not (
            ("Percent" in wire and "BenefitType" in wire)
            and (
                "Percent" not in wire
                or (not (_is_number(wire["Percent"]) and wire["Percent"] == -1))
            )
        ) or ("BenefitType" not in wire or (wire["BenefitType"] == "CoInsurance"))
        if not holds:
            raise ValueError("Percent other than -1 is only allowed if BenefitType is CoInsurance.")
        # /components/schemas/BenefitRules/allOf/1
        holds = not (
            ("BenefitType" in wire and "QuantityQualifier" in wire)
            and ("BenefitType" not in wire or (wire["BenefitType"] == "WaitingPeriod"))
        ) or ("QuantityQualifier" not in wire or (wire["QuantityQualifier"] in ("Months", "Years")))
        if not holds:
            raise ValueError(
                "QuantityQualifier must be Months or Years if BenefitType is WaitingPeriod."
            )
        # /components/schemas/BenefitRules/allOf/2
        holds = not (
            ("QuantityQualifier" in wire and "Quantity" in wire)
            and ("QuantityQualifier" not in wire or (wire["QuantityQualifier"] == "AgeLimit"))
        ) or ("Quantity" not in wire or (not _is_number(wire["Quantity"]) or wire["Quantity"] > 0))
        if not holds:
            raise ValueError("Quantity must be greater than 0 if QuantityQualifier is AgeLimit.")
        # /components/schemas/BenefitRules/allOf/3
        holds = not (
            ("CovCatNum" in wire)
            and (
                "CovCatNum" not in wire
                or (not (_is_number(wire["CovCatNum"]) and wire["CovCatNum"] == 0))
            )
        ) or (
            ("CodeNum" not in wire or (_is_number(wire["CodeNum"]) and wire["CodeNum"] == 0))
            and ("procCode" not in wire or (wire["procCode"] == ""))
        )
        if not holds:
            raise ValueError("CodeNum and procCode are only allowed if CovCatNum is 0.")
        return self


class BenefitCreate(_Model):
    """
    A benefit to create. `PlanNum` or `PatPlanNum` is required, and so are `BenefitType`
    and `CoverageLevel`; absent members take the defaults shown.
    """

    plan_num: Annotated[
        Annotated[int, Field(ge=0, le=9223372036854775807)] | None, Field(alias="PlanNum")
    ] = None
    """
    Insurance plan (FK to InsPlan.PlanNum). This or `PatPlanNum` is required.
    """
    pat_plan_num: Annotated[
        Annotated[int, Field(ge=0, le=9223372036854775807)] | None, Field(alias="PatPlanNum")
    ] = None
    """
    Patient plan (FK to PatPlan.PatPlanNum). This or `PlanNum` is required.
    """
    benefit_type: Annotated[OpenStr[BenefitType], Field(alias="BenefitType")]
    """
    What the benefit expresses.
    """
    coverage_level: Annotated[OpenStr[CoverageLevel], Field(alias="CoverageLevel")]
    """
    Whom the benefit covers.
    """
    cov_cat_num: Annotated[
        Annotated[int, Field(ge=0, le=9223372036854775807)] | None, Field(alias="CovCatNum")
    ] = None
    """
    Coverage category (FK to covcat.CovCatNum).
    """
    percent: Annotated[Annotated[int, Field(ge=-1, le=100)], Field(alias="Percent")] = -1
    """
    Co-insurance percentage, 0 to 100, or -1 for empty. A value other than -1 is only
    allowed if `BenefitType` is `CoInsurance`.
    """
    monetary_amt: Annotated[float, Field(alias="MonetaryAmt")] = -1.0
    """
    Amount of money, or -1 for empty. Only used if `BenefitType` is `CoPayment`,
    `Limitations` or `Deductible`: the server ignores it for the other types (it does
    not reject it; a vendor example sends it with `ActiveCoverage`).
    """
    time_period: Annotated[OpenStr[TimePeriod], Field(alias="TimePeriod")] = (
        TimePeriod.CALENDAR_YEAR
    )
    """
    The period the benefit's amount or quantity applies to.
    """
    quantity_qualifier: Annotated[OpenStr[QuantityQualifier], Field(alias="QuantityQualifier")] = (
        QuantityQualifier.NONE
    )
    """
    What `Quantity` counts.
    """
    quantity: Annotated[Annotated[int, Field(ge=0, le=100)], Field(alias="Quantity")] = 0
    """
    How many of `QuantityQualifier`, 0 to 100. Must be greater than 0 if
    `QuantityQualifier` is `AgeLimit`.
    """
    code_num: Annotated[
        Annotated[int, Field(ge=0, le=9223372036854775807)], Field(alias="CodeNum")
    ] = 0
    """
    Procedure code (FK to procedurecode.CodeNum). Only allowed if `CovCatNum` is 0; used
    over `procCode` if both are given.
    """
    proc_code: Annotated[str, Field(alias="procCode")] = ""
    """
    Procedure code (FK to procedurecode.ProcCode), empty for none. Only allowed if
    `CovCatNum` is 0; `CodeNum` wins when both are given.
    """
    code_group_num: Annotated[
        Annotated[int, Field(ge=0, le=9223372036854775807)] | None, Field(alias="CodeGroupNum")
    ] = None
    """
    Group of procedure codes this frequency limitation applies to (FK to
    codegroup.CodeGroupNum). Added in version 23.2.62.
    """

    @model_validator(mode="after")
    def _check_spec_rules(self, info: ValidationInfo) -> Self:
        """Check what the schema says beyond the member types (not when decoding leniently)."""
        if _lenient(info):
            return self
        for attribute, wire_name in (
            ("plan_num", "PlanNum"),
            ("pat_plan_num", "PatPlanNum"),
            ("cov_cat_num", "CovCatNum"),
            ("code_group_num", "CodeGroupNum"),
        ):
            if attribute in self.model_fields_set and getattr(self, attribute) is None:
                raise ValueError(f"{wire_name} may be left out but may not be null")
        wire = self.model_dump(mode="json", by_alias=True, exclude_unset=True)
        # /components/schemas/BenefitRules/allOf/0
        holds = not (
            ("Percent" in wire and "BenefitType" in wire)
            and (
                "Percent" not in wire
                or (not (_is_number(wire["Percent"]) and wire["Percent"] == -1))
            )
        ) or ("BenefitType" not in wire or (wire["BenefitType"] == "CoInsurance"))
        if not holds:
            raise ValueError("Percent other than -1 is only allowed if BenefitType is CoInsurance.")
        # /components/schemas/BenefitRules/allOf/1
        holds = not (
            ("BenefitType" in wire and "QuantityQualifier" in wire)
            and ("BenefitType" not in wire or (wire["BenefitType"] == "WaitingPeriod"))
        ) or ("QuantityQualifier" not in wire or (wire["QuantityQualifier"] in ("Months", "Years")))
        if not holds:
            raise ValueError(
                "QuantityQualifier must be Months or Years if BenefitType is WaitingPeriod."
            )
        # /components/schemas/BenefitRules/allOf/2
        holds = not (
            ("QuantityQualifier" in wire and "Quantity" in wire)
            and ("QuantityQualifier" not in wire or (wire["QuantityQualifier"] == "AgeLimit"))
        ) or ("Quantity" not in wire or (not _is_number(wire["Quantity"]) or wire["Quantity"] > 0))
        if not holds:
            raise ValueError("Quantity must be greater than 0 if QuantityQualifier is AgeLimit.")
        # /components/schemas/BenefitRules/allOf/3
        holds = not (
            ("CovCatNum" in wire)
            and (
                "CovCatNum" not in wire
                or (not (_is_number(wire["CovCatNum"]) and wire["CovCatNum"] == 0))
            )
        ) or (
            ("CodeNum" not in wire or (_is_number(wire["CodeNum"]) and wire["CodeNum"] == 0))
            and ("procCode" not in wire or (wire["procCode"] == ""))
        )
        if not holds:
            raise ValueError("CodeNum and procCode are only allowed if CovCatNum is 0.")
        # /components/schemas/BenefitCreate/allOf/1
        holds = (
            True
            if (
                ("PlanNum" in wire)
                and (
                    "PlanNum" not in wire
                    or (not _is_number(wire["PlanNum"]) or wire["PlanNum"] >= 1)
                )
            )
            else (
                ("PatPlanNum" in wire)
                and (
                    "PatPlanNum" not in wire
                    or (not _is_number(wire["PatPlanNum"]) or wire["PatPlanNum"] >= 1)
                )
            )
        )
        if not holds:
            raise ValueError("PlanNum or PatPlanNum is required.")
        # /components/schemas/BenefitCreate/allOf/2
        holds = not (
            ("BenefitType" in wire)
            and ("BenefitType" not in wire or (wire["BenefitType"] == "WaitingPeriod"))
        ) or ("QuantityQualifier" in wire)
        if not holds:
            raise ValueError(
                "QuantityQualifier is required (Months or Years) if BenefitType "
                "is WaitingPeriod: its default, None, is not allowed then."
            )
        # /components/schemas/BenefitCreate/allOf/3
        holds = not (
            ("QuantityQualifier" in wire)
            and ("QuantityQualifier" not in wire or (wire["QuantityQualifier"] == "AgeLimit"))
        ) or ("Quantity" in wire)
        if not holds:
            raise ValueError(
                "Quantity is required (greater than 0) if QuantityQualifier is "
                "AgeLimit: its default, 0, is not allowed then."
            )
        return self


class BenefitUpdate(_Model):
    """
    The members of a benefit to change; absent members keep their value.
    """

    cov_cat_num: Annotated[
        Annotated[int, Field(ge=0, le=9223372036854775807)] | None, Field(alias="CovCatNum")
    ] = None
    """
    Coverage category (FK to covcat.CovCatNum).
    """
    benefit_type: Annotated[OpenStr[BenefitType] | None, Field(alias="BenefitType")] = None
    """
    What the benefit expresses.
    """
    percent: Annotated[Annotated[int, Field(ge=-1, le=100)] | None, Field(alias="Percent")] = None
    """
    Co-insurance percentage, 0 to 100, or -1 for empty. A value other than -1 is only
    allowed if `BenefitType` is `CoInsurance`.
    """
    monetary_amt: Annotated[float | None, Field(alias="MonetaryAmt")] = None
    """
    Amount of money, or -1 for empty. Only used if `BenefitType` is `CoPayment`,
    `Limitations` or `Deductible`: the server ignores it for the other types (it does
    not reject it; a vendor example sends it with `ActiveCoverage`).
    """
    time_period: Annotated[OpenStr[TimePeriod] | None, Field(alias="TimePeriod")] = None
    """
    The period the benefit's amount or quantity applies to.
    """
    quantity_qualifier: Annotated[
        OpenStr[QuantityQualifier] | None, Field(alias="QuantityQualifier")
    ] = None
    """
    What `Quantity` counts.
    """
    quantity: Annotated[Annotated[int, Field(ge=0, le=100)] | None, Field(alias="Quantity")] = None
    """
    How many of `QuantityQualifier`, 0 to 100. Must be greater than 0 if
    `QuantityQualifier` is `AgeLimit`.
    """
    code_num: Annotated[
        Annotated[int, Field(ge=0, le=9223372036854775807)] | None, Field(alias="CodeNum")
    ] = None
    """
    Procedure code (FK to procedurecode.CodeNum). Only allowed if `CovCatNum` is 0; used
    over `procCode` if both are given.
    """
    proc_code: Annotated[str | None, Field(alias="procCode")] = None
    """
    Procedure code (FK to procedurecode.ProcCode), empty for none. Only allowed if
    `CovCatNum` is 0; `CodeNum` wins when both are given.
    """
    coverage_level: Annotated[OpenStr[CoverageLevel] | None, Field(alias="CoverageLevel")] = None
    """
    Whom the benefit covers.
    """

    @model_validator(mode="after")
    def _check_spec_rules(self, info: ValidationInfo) -> Self:
        """Check what the schema says beyond the member types (not when decoding leniently)."""
        if _lenient(info):
            return self
        for attribute, wire_name in (
            ("cov_cat_num", "CovCatNum"),
            ("benefit_type", "BenefitType"),
            ("percent", "Percent"),
            ("monetary_amt", "MonetaryAmt"),
            ("time_period", "TimePeriod"),
            ("quantity_qualifier", "QuantityQualifier"),
            ("quantity", "Quantity"),
            ("code_num", "CodeNum"),
            ("proc_code", "procCode"),
            ("coverage_level", "CoverageLevel"),
        ):
            if attribute in self.model_fields_set and getattr(self, attribute) is None:
                raise ValueError(f"{wire_name} may be left out but may not be null")
        wire = self.model_dump(mode="json", by_alias=True, exclude_unset=True)
        # /components/schemas/BenefitRules/allOf/0
        holds = not (
            ("Percent" in wire and "BenefitType" in wire)
            and (
                "Percent" not in wire
                or (not (_is_number(wire["Percent"]) and wire["Percent"] == -1))
            )
        ) or ("BenefitType" not in wire or (wire["BenefitType"] == "CoInsurance"))
        if not holds:
            raise ValueError("Percent other than -1 is only allowed if BenefitType is CoInsurance.")
        # /components/schemas/BenefitRules/allOf/1
        holds = not (
            ("BenefitType" in wire and "QuantityQualifier" in wire)
            and ("BenefitType" not in wire or (wire["BenefitType"] == "WaitingPeriod"))
        ) or ("QuantityQualifier" not in wire or (wire["QuantityQualifier"] in ("Months", "Years")))
        if not holds:
            raise ValueError(
                "QuantityQualifier must be Months or Years if BenefitType is WaitingPeriod."
            )
        # /components/schemas/BenefitRules/allOf/2
        holds = not (
            ("QuantityQualifier" in wire and "Quantity" in wire)
            and ("QuantityQualifier" not in wire or (wire["QuantityQualifier"] == "AgeLimit"))
        ) or ("Quantity" not in wire or (not _is_number(wire["Quantity"]) or wire["Quantity"] > 0))
        if not holds:
            raise ValueError("Quantity must be greater than 0 if QuantityQualifier is AgeLimit.")
        # /components/schemas/BenefitRules/allOf/3
        holds = not (
            ("CovCatNum" in wire)
            and (
                "CovCatNum" not in wire
                or (not (_is_number(wire["CovCatNum"]) and wire["CovCatNum"] == 0))
            )
        ) or (
            ("CodeNum" not in wire or (_is_number(wire["CodeNum"]) and wire["CodeNum"] == 0))
            and ("procCode" not in wire or (wire["procCode"] == ""))
        )
        if not holds:
            raise ValueError("CodeNum and procCode are only allowed if CovCatNum is 0.")
        return self


ForeignKey: TypeAlias = Annotated[int, Field(ge=0, le=9223372036854775807)]
"""
A 64-bit database key of another table; 0 means none.
"""


PrimaryKey: TypeAlias = Annotated[int, Field(ge=1, le=9223372036854775807)]
"""
A 64-bit database key.
"""


Percent: TypeAlias = Annotated[int, Field(ge=-1, le=100)]
"""
Co-insurance percentage, 0 to 100, or -1 for empty. A value other than -1 is only
allowed if `BenefitType` is `CoInsurance`.
"""


MonetaryAmt: TypeAlias = float
"""
Amount of money, or -1 for empty. Only used if `BenefitType` is `CoPayment`,
`Limitations` or `Deductible`: the server ignores it for the other types (it does not
reject it; a vendor example sends it with `ActiveCoverage`).
"""


Quantity: TypeAlias = Annotated[int, Field(ge=0, le=100)]
"""
How many of `QuantityQualifier`, 0 to 100. Must be greater than 0 if `QuantityQualifier`
is `AgeLimit`.
"""


ProcCode: TypeAlias = str
"""
Procedure code (FK to procedurecode.ProcCode), empty for none. Only allowed if
`CovCatNum` is 0; `CodeNum` wins when both are given.
"""


SecDateTime: TypeAlias = Annotated[
    str, Field(pattern="^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$")
]
"""
A server timestamp written `yyyy-MM-dd HH:mm:ss` in the server's local time (not RFC
3339).
"""


Explanation: TypeAlias = Annotated[str, Field(min_length=1)]
"""
What went wrong, for people (a JSON string).
"""
