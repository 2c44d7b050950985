import type * as rt from "./runtime.js";
/**
 * Benefit
 *
 * An insurance benefit as the server stores and returns it.
 */
export interface Benefit {
    /**
     * Key of the benefit, assigned by the server.
     *
     * Wire name: `BenefitNum`. Format: `int64`. Set by the server (read-only).
     */
    benefitNum: PrimaryKey;
    /**
     * Insurance plan (FK to InsPlan.PlanNum), 0 for a patient plan's benefit.
     *
     * Wire name: `PlanNum`. Format: `int64`.
     */
    planNum: ForeignKey;
    /**
     * Patient plan (FK to PatPlan.PatPlanNum), 0 for a plan's benefit.
     *
     * Wire name: `PatPlanNum`. Format: `int64`.
     */
    patPlanNum: ForeignKey;
    /**
     * Coverage category (FK to covcat.CovCatNum), 0 for none.
     *
     * Wire name: `CovCatNum`. Format: `int64`.
     */
    covCatNum: ForeignKey;
    /**
     * What the benefit expresses.
     *
     * Wire name: `BenefitType`.
     */
    benefitType: BenefitType;
    /**
     * Co-insurance percentage, 0 to 100, or -1 for empty. A value other than -1 is only allowed if
     * `BenefitType` is `CoInsurance`.
     *
     * Wire name: `Percent`.
     */
    percent: Percent;
    /**
     * Amount of money, or -1 for empty. Only used if `BenefitType` is `CoPayment`, `Limitations` or
     * `Deductible`: the server ignores it for the other types (it does not reject it; a vendor example
     * sends it with `ActiveCoverage`).
     *
     * Wire name: `MonetaryAmt`. Format: `double`.
     */
    monetaryAmt: MonetaryAmt;
    /**
     * The period the benefit's amount or quantity applies to.
     *
     * Wire name: `TimePeriod`.
     */
    timePeriod: TimePeriod;
    /**
     * What `Quantity` counts.
     *
     * Wire name: `QuantityQualifier`.
     */
    quantityQualifier: QuantityQualifier;
    /**
     * How many of `QuantityQualifier`, 0 to 100. Must be greater than 0 if `QuantityQualifier` is
     * `AgeLimit`.
     *
     * Wire name: `Quantity`.
     */
    quantity: Quantity;
    /**
     * Procedure code (FK to procedurecode.CodeNum), 0 for none.
     *
     * Wire name: `CodeNum`. Format: `int64`.
     */
    codeNum: ForeignKey;
    /**
     * Procedure code (FK to procedurecode.ProcCode), empty for none. Only allowed if `CovCatNum` is 0;
     * `CodeNum` wins when both are given.
     *
     * Wire name: `procCode`.
     */
    procCode: ProcCode;
    /**
     * Whom the benefit covers.
     *
     * Wire name: `CoverageLevel`.
     */
    coverageLevel: CoverageLevel;
    /**
     * When the benefit was created (set by the server).
     *
     * Wire name: `SecDateTEntry`. Set by the server (read-only).
     */
    secDateTEntry: SecDateTime;
    /**
     * When the benefit was last changed (set by the server).
     *
     * Wire name: `SecDateTEdit`. Set by the server (read-only).
     */
    secDateTEdit: SecDateTime;
    /**
     * Group of procedure codes a frequency limitation applies to (FK to codegroup.CodeGroupNum), 0 for
     * none. Added in version 23.2.62.
     *
     * Wire name: `CodeGroupNum`. Format: `int64`.
     */
    codeGroupNum: ForeignKey;
}
/**
 * New benefit
 *
 * A benefit to create. `PlanNum` or `PatPlanNum` is required, and so are `BenefitType` and
 * `CoverageLevel`; absent members take the defaults shown.
 */
export interface BenefitCreate {
    /**
     * Insurance plan (FK to InsPlan.PlanNum). This or `PatPlanNum` is required.
     *
     * Wire name: `PlanNum`. Format: `int64`.
     */
    planNum?: ForeignKey;
    /**
     * Patient plan (FK to PatPlan.PatPlanNum). This or `PlanNum` is required.
     *
     * Wire name: `PatPlanNum`. Format: `int64`.
     */
    patPlanNum?: ForeignKey;
    /**
     * What the benefit expresses.
     *
     * Wire name: `BenefitType`.
     */
    benefitType: BenefitType;
    /**
     * Whom the benefit covers.
     *
     * Wire name: `CoverageLevel`.
     */
    coverageLevel: CoverageLevel;
    /**
     * Coverage category (FK to covcat.CovCatNum).
     *
     * Wire name: `CovCatNum`. Format: `int64`.
     */
    covCatNum?: ForeignKey;
    /**
     * Co-insurance percentage, 0 to 100, or -1 for empty. A value other than -1 is only allowed if
     * `BenefitType` is `CoInsurance`.
     *
     * Wire name: `Percent`. Default: `-1`.
     */
    percent?: Percent;
    /**
     * Amount of money, or -1 for empty. Only used if `BenefitType` is `CoPayment`, `Limitations` or
     * `Deductible`: the server ignores it for the other types (it does not reject it; a vendor example
     * sends it with `ActiveCoverage`).
     *
     * Wire name: `MonetaryAmt`. Format: `double`. Default: `-1.0`.
     */
    monetaryAmt?: MonetaryAmt;
    /**
     * The period the benefit's amount or quantity applies to.
     *
     * Wire name: `TimePeriod`. Default: `"CalendarYear"`.
     */
    timePeriod?: TimePeriod;
    /**
     * What `Quantity` counts.
     *
     * Wire name: `QuantityQualifier`. Default: `"None"`.
     */
    quantityQualifier?: QuantityQualifier;
    /**
     * How many of `QuantityQualifier`, 0 to 100. Must be greater than 0 if `QuantityQualifier` is
     * `AgeLimit`.
     *
     * Wire name: `Quantity`. Default: `0`.
     */
    quantity?: Quantity;
    /**
     * Procedure code (FK to procedurecode.CodeNum). Only allowed if `CovCatNum` is 0; used over
     * `procCode` if both are given.
     *
     * Wire name: `CodeNum`. Format: `int64`. Default: `0`.
     */
    codeNum?: ForeignKey;
    /**
     * Procedure code (FK to procedurecode.ProcCode), empty for none. Only allowed if `CovCatNum` is 0;
     * `CodeNum` wins when both are given.
     *
     * Wire name: `procCode`. Default: `""`.
     */
    procCode?: string;
    /**
     * Group of procedure codes this frequency limitation applies to (FK to codegroup.CodeGroupNum).
     * Added in version 23.2.62.
     *
     * Wire name: `CodeGroupNum`. Format: `int64`.
     */
    codeGroupNum?: ForeignKey;
}
/**
 * What the benefit expresses.
 */
export type BenefitType = "ActiveCoverage" | "CoInsurance" | "Deductible" | "CoPayment" | "Exclusions" | "Limitations" | "WaitingPeriod";
/**
 * What the benefit expresses.
 */
export declare const BenefitType: {
    readonly ActiveCoverage: "ActiveCoverage";
    readonly CoInsurance: "CoInsurance";
    readonly Deductible: "Deductible";
    readonly CoPayment: "CoPayment";
    readonly Exclusions: "Exclusions";
    readonly Limitations: "Limitations";
    readonly WaitingPeriod: "WaitingPeriod";
};
/**
 * Benefit changes
 *
 * The members of a benefit to change; absent members keep their value.
 */
export interface BenefitUpdate {
    /**
     * Coverage category (FK to covcat.CovCatNum).
     *
     * Wire name: `CovCatNum`. Format: `int64`.
     */
    covCatNum?: ForeignKey;
    /**
     * What the benefit expresses.
     *
     * Wire name: `BenefitType`.
     */
    benefitType?: BenefitType;
    /**
     * Co-insurance percentage, 0 to 100, or -1 for empty. A value other than -1 is only allowed if
     * `BenefitType` is `CoInsurance`.
     *
     * Wire name: `Percent`.
     */
    percent?: Percent;
    /**
     * Amount of money, or -1 for empty. Only used if `BenefitType` is `CoPayment`, `Limitations` or
     * `Deductible`: the server ignores it for the other types (it does not reject it; a vendor example
     * sends it with `ActiveCoverage`).
     *
     * Wire name: `MonetaryAmt`. Format: `double`.
     */
    monetaryAmt?: MonetaryAmt;
    /**
     * The period the benefit's amount or quantity applies to.
     *
     * Wire name: `TimePeriod`.
     */
    timePeriod?: TimePeriod;
    /**
     * What `Quantity` counts.
     *
     * Wire name: `QuantityQualifier`.
     */
    quantityQualifier?: QuantityQualifier;
    /**
     * How many of `QuantityQualifier`, 0 to 100. Must be greater than 0 if `QuantityQualifier` is
     * `AgeLimit`.
     *
     * Wire name: `Quantity`.
     */
    quantity?: Quantity;
    /**
     * Procedure code (FK to procedurecode.CodeNum). Only allowed if `CovCatNum` is 0; used over
     * `procCode` if both are given.
     *
     * Wire name: `CodeNum`. Format: `int64`.
     */
    codeNum?: ForeignKey;
    /**
     * Procedure code (FK to procedurecode.ProcCode), empty for none. Only allowed if `CovCatNum` is 0;
     * `CodeNum` wins when both are given.
     *
     * Wire name: `procCode`.
     */
    procCode?: ProcCode;
    /**
     * Whom the benefit covers.
     *
     * Wire name: `CoverageLevel`.
     */
    coverageLevel?: CoverageLevel;
}
/**
 * Whom the benefit covers.
 */
export type CoverageLevel = "None" | "Individual" | "Family";
/**
 * Whom the benefit covers.
 */
export declare const CoverageLevel: {
    readonly None: "None";
    readonly Individual: "Individual";
    readonly Family: "Family";
};
/**
 * Explanation
 *
 * What went wrong, for people (a JSON string).
 */
export type Explanation = string;
/**
 * A 64-bit database key of another table; 0 means none.
 */
export type ForeignKey = number;
/**
 * Amount of money, or -1 for empty. Only used if `BenefitType` is `CoPayment`, `Limitations` or
 * `Deductible`: the server ignores it for the other types (it does not reject it; a vendor example
 * sends it with `ActiveCoverage`).
 */
export type MonetaryAmt = number;
/**
 * Co-insurance percentage, 0 to 100, or -1 for empty. A value other than -1 is only allowed if
 * `BenefitType` is `CoInsurance`.
 */
export type Percent = number;
/**
 * A 64-bit database key.
 */
export type PrimaryKey = number;
/**
 * Procedure code (FK to procedurecode.ProcCode), empty for none. Only allowed if `CovCatNum` is 0;
 * `CodeNum` wins when both are given.
 */
export type ProcCode = string;
/**
 * How many of `QuantityQualifier`, 0 to 100. Must be greater than 0 if `QuantityQualifier` is
 * `AgeLimit`.
 */
export type Quantity = number;
/**
 * What `Quantity` counts.
 */
export type QuantityQualifier = "None" | "NumberOfServices" | "AgeLimit" | "Visits" | "Years" | "Months";
/**
 * What `Quantity` counts.
 */
export declare const QuantityQualifier: {
    readonly None: "None";
    readonly NumberOfServices: "NumberOfServices";
    readonly AgeLimit: "AgeLimit";
    readonly Visits: "Visits";
    readonly Years: "Years";
    readonly Months: "Months";
};
/**
 * A server timestamp written `yyyy-MM-dd HH:mm:ss` in the server's local time (not RFC 3339).
 */
export type SecDateTime = string;
/**
 * The period the benefit's amount or quantity applies to.
 */
export type TimePeriod = "None" | "ServiceYear" | "CalendarYear" | "Lifetime" | "Years" | "NumberInLast12Months";
/**
 * The period the benefit's amount or quantity applies to.
 */
export declare const TimePeriod: {
    readonly None: "None";
    readonly ServiceYear: "ServiceYear";
    readonly CalendarYear: "CalendarYear";
    readonly Lifetime: "Lifetime";
    readonly Years: "Years";
    readonly NumberInLast12Months: "NumberInLast12Months";
};
/** The shape of every type of this module: how the runtime reads and writes it on the wire. */
export declare const SCHEMAS: rt.ShapeTable;
/** Unused in some packages; keeps the `rt` types import valid everywhere. */
export type BinaryBody = rt.BinaryBody;
