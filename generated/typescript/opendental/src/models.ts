// Generated from the OpenAPI document; do not edit.
// Open Dental insurance benefits API, version 23.2.62: a type for every schema, and its wire form.

/**
 * Converts a value between its TypeScript form (camelCase members) and its wire form (the
 * API's member names). `null` and `undefined` pass through unchanged.
 */
export interface Codec {
  toWire(value: unknown): unknown;
  fromWire(wire: unknown): unknown;
  /** Whether a wire value has this codec's shape (picks the member of a union). */
  matchesWire(wire: unknown): boolean;
  /** Whether a TypeScript value has this codec's shape. */
  matchesValue(value: unknown): boolean;
}

/** One member of an object: TypeScript name, wire name, whether required, its codec. */
type Field = readonly [name: string, wire: string, required: boolean, codec: Codec | null];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const registry: Record<string, Codec> = {};

/** Codec builders; `codecs.ref(name)` is the codec of a named type of this module. */
export const codecs = {
  object(fields: readonly Field[]): Codec {
    const convert = (value: unknown, from: 0 | 1, to: 0 | 1, toWire: boolean): unknown => {
      if (!isRecord(value)) return value;
      const out: Record<string, unknown> = {};
      for (const field of fields) {
        const member = value[field[from]];
        if (member === undefined) continue;
        const codec = field[3];
        out[field[to]] = codec === null ? member : toWire ? codec.toWire(member) : codec.fromWire(member);
      }
      return out;
    };
    const matches = (value: unknown, key: 0 | 1): boolean =>
      isRecord(value) && fields.every((field) => !field[2] || field[key] in value);
    return {
      toWire: (value) => convert(value, 0, 1, true),
      fromWire: (wire) => convert(wire, 1, 0, false),
      matchesWire: (wire) => matches(wire, 1),
      matchesValue: (value) => matches(value, 0),
    };
  },
  array(item: Codec): Codec {
    return {
      toWire: (value) => (Array.isArray(value) ? value.map((v: unknown) => item.toWire(v)) : value),
      fromWire: (wire) => (Array.isArray(wire) ? wire.map((v: unknown) => item.fromWire(v)) : wire),
      matchesWire: (wire) => Array.isArray(wire),
      matchesValue: (value) => Array.isArray(value),
    };
  },
  map(item: Codec): Codec {
    const convert = (value: unknown, toWire: boolean): unknown => {
      if (!isRecord(value)) return value;
      const out: Record<string, unknown> = {};
      for (const [key, member] of Object.entries(value)) {
        out[key] = toWire ? item.toWire(member) : item.fromWire(member);
      }
      return out;
    };
    return {
      toWire: (value) => convert(value, true),
      fromWire: (wire) => convert(wire, false),
      matchesWire: isRecord,
      matchesValue: isRecord,
    };
  },
  union(members: readonly Codec[]): Codec {
    return {
      toWire: (value) => members.find((m) => m.matchesValue(value))?.toWire(value) ?? value,
      fromWire: (wire) => members.find((m) => m.matchesWire(wire))?.fromWire(wire) ?? wire,
      matchesWire: (wire) => members.some((m) => m.matchesWire(wire)),
      matchesValue: (value) => members.some((m) => m.matchesValue(value)),
    };
  },
  ref(name: string): Codec {
    const target = (): Codec => {
      const codec = registry[name];
      if (codec === undefined) throw new Error(`no codec for ${name}`);
      return codec;
    };
    return {
      toWire: (value) => target().toWire(value),
      fromWire: (wire) => target().fromWire(wire),
      matchesWire: (wire) => target().matchesWire(wire),
      matchesValue: (value) => target().matchesValue(value),
    };
  },
};

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
   * Amount of money, or -1 for empty. Only used if `BenefitType` is `CoPayment`, `Limitations`
   * or `Deductible`: the server ignores it for the other types (it does not reject it; a vendor
   * example sends it with `ActiveCoverage`).
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
   * Procedure code (FK to procedurecode.ProcCode), empty for none. Only allowed if `CovCatNum`
   * is 0; `CodeNum` wins when both are given.
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
   * Group of procedure codes a frequency limitation applies to (FK to codegroup.CodeGroupNum), 0
   * for none. Added in version 23.2.62.
   *
   * Wire name: `CodeGroupNum`. Format: `int64`.
   */
  codeGroupNum: ForeignKey;
}

registry["Benefit"] = codecs.object([
  ["benefitNum", "BenefitNum", true, null],
  ["planNum", "PlanNum", true, null],
  ["patPlanNum", "PatPlanNum", true, null],
  ["covCatNum", "CovCatNum", true, null],
  ["benefitType", "BenefitType", true, null],
  ["percent", "Percent", true, null],
  ["monetaryAmt", "MonetaryAmt", true, null],
  ["timePeriod", "TimePeriod", true, null],
  ["quantityQualifier", "QuantityQualifier", true, null],
  ["quantity", "Quantity", true, null],
  ["codeNum", "CodeNum", true, null],
  ["procCode", "procCode", true, null],
  ["coverageLevel", "CoverageLevel", true, null],
  ["secDateTEntry", "SecDateTEntry", true, null],
  ["secDateTEdit", "SecDateTEdit", true, null],
  ["codeGroupNum", "CodeGroupNum", true, null],
]);

/** Benefit in its wire form (the API's member names). */
export function benefitToWire(value: Benefit): unknown {
  return codecs.ref("Benefit").toWire(value);
}

/** Benefit from its wire form (the API's member names). */
export function benefitFromWire(wire: unknown): Benefit {
  return codecs.ref("Benefit").fromWire(wire) as Benefit;
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
   * Amount of money, or -1 for empty. Only used if `BenefitType` is `CoPayment`, `Limitations`
   * or `Deductible`: the server ignores it for the other types (it does not reject it; a vendor
   * example sends it with `ActiveCoverage`).
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
   * Procedure code (FK to procedurecode.ProcCode), empty for none. Only allowed if `CovCatNum`
   * is 0; `CodeNum` wins when both are given.
   *
   * Wire name: `procCode`. Default: `""`.
   */
  procCode?: string;
  /**
   * Group of procedure codes this frequency limitation applies to (FK to
   * codegroup.CodeGroupNum). Added in version 23.2.62.
   *
   * Wire name: `CodeGroupNum`. Format: `int64`.
   */
  codeGroupNum?: ForeignKey;
}

registry["BenefitCreate"] = codecs.object([
  ["planNum", "PlanNum", false, null],
  ["patPlanNum", "PatPlanNum", false, null],
  ["benefitType", "BenefitType", true, null],
  ["coverageLevel", "CoverageLevel", true, null],
  ["covCatNum", "CovCatNum", false, null],
  ["percent", "Percent", false, null],
  ["monetaryAmt", "MonetaryAmt", false, null],
  ["timePeriod", "TimePeriod", false, null],
  ["quantityQualifier", "QuantityQualifier", false, null],
  ["quantity", "Quantity", false, null],
  ["codeNum", "CodeNum", false, null],
  ["procCode", "procCode", false, null],
  ["codeGroupNum", "CodeGroupNum", false, null],
]);

/** BenefitCreate in its wire form (the API's member names). */
export function benefitCreateToWire(value: BenefitCreate): unknown {
  return codecs.ref("BenefitCreate").toWire(value);
}

/** BenefitCreate from its wire form (the API's member names). */
export function benefitCreateFromWire(wire: unknown): BenefitCreate {
  return codecs.ref("BenefitCreate").fromWire(wire) as BenefitCreate;
}

/**
 * What the benefit expresses.
 */
export type BenefitType = "ActiveCoverage" | "CoInsurance" | "Deductible" | "CoPayment" | "Exclusions" | "Limitations" | "WaitingPeriod";

/**
 * What the benefit expresses.
 */
export const BenefitType = {
  ActiveCoverage: "ActiveCoverage",
  CoInsurance: "CoInsurance",
  Deductible: "Deductible",
  CoPayment: "CoPayment",
  Exclusions: "Exclusions",
  Limitations: "Limitations",
  WaitingPeriod: "WaitingPeriod",
} as const;

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
   * Amount of money, or -1 for empty. Only used if `BenefitType` is `CoPayment`, `Limitations`
   * or `Deductible`: the server ignores it for the other types (it does not reject it; a vendor
   * example sends it with `ActiveCoverage`).
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
   * Procedure code (FK to procedurecode.ProcCode), empty for none. Only allowed if `CovCatNum`
   * is 0; `CodeNum` wins when both are given.
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

registry["BenefitUpdate"] = codecs.object([
  ["covCatNum", "CovCatNum", false, null],
  ["benefitType", "BenefitType", false, null],
  ["percent", "Percent", false, null],
  ["monetaryAmt", "MonetaryAmt", false, null],
  ["timePeriod", "TimePeriod", false, null],
  ["quantityQualifier", "QuantityQualifier", false, null],
  ["quantity", "Quantity", false, null],
  ["codeNum", "CodeNum", false, null],
  ["procCode", "procCode", false, null],
  ["coverageLevel", "CoverageLevel", false, null],
]);

/** BenefitUpdate in its wire form (the API's member names). */
export function benefitUpdateToWire(value: BenefitUpdate): unknown {
  return codecs.ref("BenefitUpdate").toWire(value);
}

/** BenefitUpdate from its wire form (the API's member names). */
export function benefitUpdateFromWire(wire: unknown): BenefitUpdate {
  return codecs.ref("BenefitUpdate").fromWire(wire) as BenefitUpdate;
}

/**
 * Whom the benefit covers.
 */
export type CoverageLevel = "None" | "Individual" | "Family";

/**
 * Whom the benefit covers.
 */
export const CoverageLevel = {
  None: "None",
  Individual: "Individual",
  Family: "Family",
} as const;

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
 * Amount of money, or -1 for empty. Only used if `BenefitType` is `CoPayment`, `Limitations`
 * or `Deductible`: the server ignores it for the other types (it does not reject it; a vendor
 * example sends it with `ActiveCoverage`).
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
 * Procedure code (FK to procedurecode.ProcCode), empty for none. Only allowed if `CovCatNum`
 * is 0; `CodeNum` wins when both are given.
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
export const QuantityQualifier = {
  None: "None",
  NumberOfServices: "NumberOfServices",
  AgeLimit: "AgeLimit",
  Visits: "Visits",
  Years: "Years",
  Months: "Months",
} as const;

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
export const TimePeriod = {
  None: "None",
  ServiceYear: "ServiceYear",
  CalendarYear: "CalendarYear",
  Lifetime: "Lifetime",
  Years: "Years",
  NumberInLast12Months: "NumberInLast12Months",
} as const;
