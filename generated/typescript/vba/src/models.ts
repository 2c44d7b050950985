// Generated from the OpenAPI document; do not edit.
// VBA Software plan benefit levels and plan modifiers API, version v1: a type for every schema, and its wire form.

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
 * Debug
 *
 * Support information about the call.
 */
export interface Debug {
  /**
   * Identifier of the call's activity; quote it to VBA support.
   *
   * Wire name: `activityID`.
   */
  activityId: string;
}

registry["Debug"] = codecs.object([
  ["activityId", "activityID", true, null],
]);

/** Debug in its wire form (the API's member names). */
export function debugToWire(value: Debug): unknown {
  return codecs.ref("Debug").toWire(value);
}

/** Debug from its wire form (the API's member names). */
export function debugFromWire(wire: unknown): Debug {
  return codecs.ref("Debug").fromWire(wire) as Debug;
}

/**
 * Error envelope
 *
 * The envelope of a failed call; `error` says what went wrong and `data` is `null`.
 */
export interface ErrorVbaResponse {
  /**
   * Always `null` in an error envelope.
   *
   * Wire name: `data`.
   */
  data?: string | null;
  /**
   * An error in the form of RFC 7807 problem details; every member is optional.
   *
   * Wire name: `error`.
   */
  error: VbaProblemDetails;
  /**
   * Support information, or `null`.
   *
   * Wire name: `debug`.
   */
  debug?: NullableDebug;
}

registry["ErrorVbaResponse"] = codecs.object([
  ["data", "data", false, null],
  ["error", "error", true, codecs.ref("VbaProblemDetails")],
  ["debug", "debug", false, codecs.ref("NullableDebug")],
]);

/** ErrorVbaResponse in its wire form (the API's member names). */
export function errorVbaResponseToWire(value: ErrorVbaResponse): unknown {
  return codecs.ref("ErrorVbaResponse").toWire(value);
}

/** ErrorVbaResponse from its wire form (the API's member names). */
export function errorVbaResponseFromWire(wire: unknown): ErrorVbaResponse {
  return codecs.ref("ErrorVbaResponse").fromWire(wire) as ErrorVbaResponse;
}

/**
 * Key member
 *
 * One key member of an entity, by name and value.
 */
export interface KeyValuePair {
  /**
   * Wire name of the key member.
   *
   * Wire name: `key`.
   */
  key?: string | null;
  /**
   * Its value, as text.
   *
   * Wire name: `value`.
   */
  value?: string | null;
}

registry["KeyValuePair"] = codecs.object([
  ["key", "key", false, null],
  ["value", "value", false, null],
]);

/** KeyValuePair in its wire form (the API's member names). */
export function keyValuePairToWire(value: KeyValuePair): unknown {
  return codecs.ref("KeyValuePair").toWire(value);
}

/** KeyValuePair from its wire form (the API's member names). */
export function keyValuePairFromWire(wire: unknown): KeyValuePair {
  return codecs.ref("KeyValuePair").fromWire(wire) as KeyValuePair;
}

/**
 * Batch item result
 *
 * The outcome of one item of a batch upsert.
 */
export interface MultiCodeResponse {
  /**
   * The key members of the item's entity.
   *
   * Wire name: `id`. Set by the server (read-only).
   */
  id?: KeyValuePair[] | null;
  /**
   * HTTP status of this item's operation (200 updated, 201 created, 4xx or 5xx failed).
   *
   * Wire name: `status`. Format: `int32`. Set by the server (read-only).
   */
  status?: number;
  /**
   * Message about the item (`Updated`, `Created`, or what went wrong).
   *
   * Wire name: `body`. Set by the server (read-only).
   */
  body?: string | null;
}

registry["MultiCodeResponse"] = codecs.object([
  ["id", "id", false, codecs.array(codecs.ref("KeyValuePair"))],
  ["status", "status", false, null],
  ["body", "body", false, null],
]);

/** MultiCodeResponse in its wire form (the API's member names). */
export function multiCodeResponseToWire(value: MultiCodeResponse): unknown {
  return codecs.ref("MultiCodeResponse").toWire(value);
}

/** MultiCodeResponse from its wire form (the API's member names). */
export function multiCodeResponseFromWire(wire: unknown): MultiCodeResponse {
  return codecs.ref("MultiCodeResponse").fromWire(wire) as MultiCodeResponse;
}

/**
 * Batch results envelope
 *
 * The envelope of a batch upsert's answer; `data` has one result per item, in order.
 */
export interface MultiCodeResponseListVbaResponse {
  /**
   * Wire name: `data`.
   */
  data?: MultiCodeResponse[] | null;
  /**
   * Problem details, or `null` when the call succeeded.
   *
   * Wire name: `error`.
   */
  error?: NullableProblemDetails;
  /**
   * Support information, or `null`.
   *
   * Wire name: `debug`.
   */
  debug?: NullableDebug;
}

registry["MultiCodeResponseListVbaResponse"] = codecs.object([
  ["data", "data", false, codecs.array(codecs.ref("MultiCodeResponse"))],
  ["error", "error", false, codecs.ref("NullableProblemDetails")],
  ["debug", "debug", false, codecs.ref("NullableDebug")],
]);

/** MultiCodeResponseListVbaResponse in its wire form (the API's member names). */
export function multiCodeResponseListVbaResponseToWire(value: MultiCodeResponseListVbaResponse): unknown {
  return codecs.ref("MultiCodeResponseListVbaResponse").toWire(value);
}

/** MultiCodeResponseListVbaResponse from its wire form (the API's member names). */
export function multiCodeResponseListVbaResponseFromWire(wire: unknown): MultiCodeResponseListVbaResponse {
  return codecs.ref("MultiCodeResponseListVbaResponse").fromWire(wire) as MultiCodeResponseListVbaResponse;
}

/**
 * Support information, or `null`.
 */
export type NullableDebug = Debug | null;

registry["NullableDebug"] = codecs.ref("Debug");

/** NullableDebug in its wire form (the API's member names). */
export function nullableDebugToWire(value: NullableDebug): unknown {
  return codecs.ref("NullableDebug").toWire(value);
}

/** NullableDebug from its wire form (the API's member names). */
export function nullableDebugFromWire(wire: unknown): NullableDebug {
  return codecs.ref("NullableDebug").fromWire(wire) as NullableDebug;
}

/**
 * Problem details, or `null` when the call succeeded.
 */
export type NullableProblemDetails = VbaProblemDetails | null;

registry["NullableProblemDetails"] = codecs.ref("VbaProblemDetails");

/** NullableProblemDetails in its wire form (the API's member names). */
export function nullableProblemDetailsToWire(value: NullableProblemDetails): unknown {
  return codecs.ref("NullableProblemDetails").toWire(value);
}

/** NullableProblemDetails from its wire form (the API's member names). */
export function nullableProblemDetailsFromWire(wire: unknown): NullableProblemDetails {
  return codecs.ref("NullableProblemDetails").fromWire(wire) as NullableProblemDetails;
}

/**
 * Plan benefit level
 *
 * A condition that selects a level of a plan benefit (an age range, a network, a modifier…),
 * with the range of values it matches.
 */
export interface PlanBenefitLevel {
  /**
   * Key of the benefit level. Required by the API because the database column is NOT NULL.
   *
   * Wire name: `planBenefitLevel_Key`. Format: `int32`.
   */
  planBenefitLevelKey: number;
  /**
   * The plan benefit (PlanBenefits.Benefit_Code) the level belongs to.
   *
   * Wire name: `benefit_Code`.
   */
  benefitCode: string;
  /**
   * Which condition the level tests. The vendor lists: Age by Service Date, Age by Received Date
   * (the member's age on the claim's service or received date), Relationship Code (of the member
   * to the subscriber), Months or Days Enrolled in Plan, Network, Out of Network, Billed Amount
   * (range of the service line's billed amount), Modifier, Exact Modifier, No Modifier, Exclude
   * Modifier, Exclude Exact Modifier (presence or absence of a modifier, anywhere or at an exact
   * position on the service line), Gender, Billing Taxonomy, Rendering Taxonomy, Service
   * Facility Taxonomy (the provider's taxonomy is in the taxonomy group), Procedure Category,
   * Procedure Cluster (the line's procedure code is in it), Provider Federal ID.
   *
   * Wire name: `benefit_Level`.
   */
  benefitLevel: string;
  /**
   * When the record was added.
   *
   * Wire name: `entry_Date`. Format: `date-time`.
   */
  entryDate?: string;
  /**
   * Who added the record.
   *
   * Wire name: `entry_User`.
   */
  entryUser?: string | null;
  /**
   * Whether the level excludes (true) or includes (false) what it matches. Required by the API
   * because the database column is NOT NULL.
   *
   * Wire name: `exclude`.
   */
  exclude: boolean;
  /**
   * An additional value of the level.
   *
   * Wire name: `extra_Value1`.
   */
  extraValue1?: string | null;
  /**
   * A second additional value of the level.
   *
   * Wire name: `extra_Value2`.
   */
  extraValue2?: string | null;
  /**
   * First value of the range the level matches.
   *
   * Wire name: `from_Value`.
   */
  fromValue?: string | null;
  /**
   * The plan (PlanBenefits.Plan_ID) the level belongs to.
   *
   * Wire name: `plan_ID`.
   */
  planId?: string | null;
  /**
   * Last value of the range the level matches.
   *
   * Wire name: `thru_Value`.
   */
  thruValue?: string | null;
  /**
   * When the record was last changed.
   *
   * Wire name: `update_Date`. Format: `date-time`.
   */
  updateDate?: string;
  /**
   * Who last changed the record.
   *
   * Wire name: `update_User`.
   */
  updateUser?: string | null;
  /**
   * Unit or kind of the level's values.
   *
   * Wire name: `value_Type`.
   */
  valueType?: string | null;
}

registry["PlanBenefitLevel"] = codecs.object([
  ["planBenefitLevelKey", "planBenefitLevel_Key", true, null],
  ["benefitCode", "benefit_Code", true, null],
  ["benefitLevel", "benefit_Level", true, null],
  ["entryDate", "entry_Date", false, null],
  ["entryUser", "entry_User", false, null],
  ["exclude", "exclude", true, null],
  ["extraValue1", "extra_Value1", false, null],
  ["extraValue2", "extra_Value2", false, null],
  ["fromValue", "from_Value", false, null],
  ["planId", "plan_ID", false, null],
  ["thruValue", "thru_Value", false, null],
  ["updateDate", "update_Date", false, null],
  ["updateUser", "update_User", false, null],
  ["valueType", "value_Type", false, null],
]);

/** PlanBenefitLevel in its wire form (the API's member names). */
export function planBenefitLevelToWire(value: PlanBenefitLevel): unknown {
  return codecs.ref("PlanBenefitLevel").toWire(value);
}

/** PlanBenefitLevel from its wire form (the API's member names). */
export function planBenefitLevelFromWire(wire: unknown): PlanBenefitLevel {
  return codecs.ref("PlanBenefitLevel").fromWire(wire) as PlanBenefitLevel;
}

/**
 * Plan benefit levels
 *
 * Benefit levels to upsert.
 */
export type PlanBenefitLevelList = PlanBenefitLevel[];

registry["PlanBenefitLevelList"] = codecs.array(codecs.ref("PlanBenefitLevel"));

/** PlanBenefitLevelList in its wire form (the API's member names). */
export function planBenefitLevelListToWire(value: PlanBenefitLevelList): unknown {
  return codecs.ref("PlanBenefitLevelList").toWire(value);
}

/** PlanBenefitLevelList from its wire form (the API's member names). */
export function planBenefitLevelListFromWire(wire: unknown): PlanBenefitLevelList {
  return codecs.ref("PlanBenefitLevelList").fromWire(wire) as PlanBenefitLevelList;
}

/**
 * Plan benefit levels envelope
 *
 * The envelope of a call that returns a list of benefit levels.
 */
export interface PlanBenefitLevelListVbaResponse {
  /**
   * The benefit levels, or `null` when the call failed.
   *
   * Wire name: `data`.
   */
  data?: PlanBenefitLevel[] | null;
  /**
   * Problem details, or `null` when the call succeeded.
   *
   * Wire name: `error`.
   */
  error?: NullableProblemDetails;
  /**
   * Support information, or `null`.
   *
   * Wire name: `debug`.
   */
  debug?: NullableDebug;
}

registry["PlanBenefitLevelListVbaResponse"] = codecs.object([
  ["data", "data", false, codecs.array(codecs.ref("PlanBenefitLevel"))],
  ["error", "error", false, codecs.ref("NullableProblemDetails")],
  ["debug", "debug", false, codecs.ref("NullableDebug")],
]);

/** PlanBenefitLevelListVbaResponse in its wire form (the API's member names). */
export function planBenefitLevelListVbaResponseToWire(value: PlanBenefitLevelListVbaResponse): unknown {
  return codecs.ref("PlanBenefitLevelListVbaResponse").toWire(value);
}

/** PlanBenefitLevelListVbaResponse from its wire form (the API's member names). */
export function planBenefitLevelListVbaResponseFromWire(wire: unknown): PlanBenefitLevelListVbaResponse {
  return codecs.ref("PlanBenefitLevelListVbaResponse").fromWire(wire) as PlanBenefitLevelListVbaResponse;
}

/**
 * Plan benefit level envelope
 *
 * The envelope of a call that returns one benefit level.
 */
export interface PlanBenefitLevelVbaResponse {
  /**
   * The benefit level, or `null` when the call failed.
   *
   * Wire name: `data`.
   */
  data?: PlanBenefitLevel | null;
  /**
   * Problem details, or `null` when the call succeeded.
   *
   * Wire name: `error`.
   */
  error?: NullableProblemDetails;
  /**
   * Support information, or `null`.
   *
   * Wire name: `debug`.
   */
  debug?: NullableDebug;
}

registry["PlanBenefitLevelVbaResponse"] = codecs.object([
  ["data", "data", false, codecs.ref("PlanBenefitLevel")],
  ["error", "error", false, codecs.ref("NullableProblemDetails")],
  ["debug", "debug", false, codecs.ref("NullableDebug")],
]);

/** PlanBenefitLevelVbaResponse in its wire form (the API's member names). */
export function planBenefitLevelVbaResponseToWire(value: PlanBenefitLevelVbaResponse): unknown {
  return codecs.ref("PlanBenefitLevelVbaResponse").toWire(value);
}

/** PlanBenefitLevelVbaResponse from its wire form (the API's member names). */
export function planBenefitLevelVbaResponseFromWire(wire: unknown): PlanBenefitLevelVbaResponse {
  return codecs.ref("PlanBenefitLevelVbaResponse").fromWire(wire) as PlanBenefitLevelVbaResponse;
}

/**
 * Plan modifier rule
 *
 * How a procedure modifier changes the fee of a plan's claims, from an effective date on.
 * Identified by `plan_ID`, `modifier` and `effective_Date`.
 */
export interface PlanModifier {
  /**
   * The plan (Plans.Plan_ID) the rule belongs to.
   *
   * Wire name: `plan_ID`.
   */
  planId: string;
  /**
   * The modifier the rule applies to.
   *
   * Wire name: `modifier`.
   */
  modifier: string;
  /**
   * When the rule takes effect. Required by the API because the database column is NOT NULL.
   *
   * Wire name: `effective_Date`. Format: `date-time`.
   */
  effectiveDate: string;
  /**
   * Whether the modifier's fee applies to out-of-network claims. Required by the API because the
   * database column is NOT NULL.
   *
   * Wire name: `apply_OON`.
   */
  applyOon: boolean;
  /**
   * Whether the modifier's fee applies to usual-and-customary claims. Required by the API
   * because the database column is NOT NULL.
   *
   * Wire name: `apply_UC`.
   */
  applyUc: boolean;
  /**
   * When the record was added.
   *
   * Wire name: `entry_Date`. Format: `date-time`.
   */
  entryDate?: string;
  /**
   * Who added the record.
   *
   * Wire name: `entry_User`.
   */
  entryUser?: string | null;
  /**
   * Fee for the modifier.
   *
   * Wire name: `fee_Percent`. Format: `double`.
   */
  feePercent?: number | null;
  /**
   * When the rule stops being effective.
   *
   * Wire name: `term_Date`. Format: `date-time`.
   */
  termDate?: string | null;
  /**
   * When the record was last changed.
   *
   * Wire name: `update_Date`. Format: `date-time`.
   */
  updateDate?: string;
  /**
   * Who last changed the record.
   *
   * Wire name: `update_User`.
   */
  updateUser?: string | null;
}

registry["PlanModifier"] = codecs.object([
  ["planId", "plan_ID", true, null],
  ["modifier", "modifier", true, null],
  ["effectiveDate", "effective_Date", true, null],
  ["applyOon", "apply_OON", true, null],
  ["applyUc", "apply_UC", true, null],
  ["entryDate", "entry_Date", false, null],
  ["entryUser", "entry_User", false, null],
  ["feePercent", "fee_Percent", false, null],
  ["termDate", "term_Date", false, null],
  ["updateDate", "update_Date", false, null],
  ["updateUser", "update_User", false, null],
]);

/** PlanModifier in its wire form (the API's member names). */
export function planModifierToWire(value: PlanModifier): unknown {
  return codecs.ref("PlanModifier").toWire(value);
}

/** PlanModifier from its wire form (the API's member names). */
export function planModifierFromWire(wire: unknown): PlanModifier {
  return codecs.ref("PlanModifier").fromWire(wire) as PlanModifier;
}

/**
 * Plan modifier rules
 *
 * Modifier rules to upsert.
 */
export type PlanModifierList = PlanModifier[];

registry["PlanModifierList"] = codecs.array(codecs.ref("PlanModifier"));

/** PlanModifierList in its wire form (the API's member names). */
export function planModifierListToWire(value: PlanModifierList): unknown {
  return codecs.ref("PlanModifierList").toWire(value);
}

/** PlanModifierList from its wire form (the API's member names). */
export function planModifierListFromWire(wire: unknown): PlanModifierList {
  return codecs.ref("PlanModifierList").fromWire(wire) as PlanModifierList;
}

/**
 * Plan modifier rules envelope
 *
 * The envelope of a call that returns a list of modifier rules.
 */
export interface PlanModifierListVbaResponse {
  /**
   * The modifier rules, or `null` when the call failed.
   *
   * Wire name: `data`.
   */
  data?: PlanModifier[] | null;
  /**
   * Problem details, or `null` when the call succeeded.
   *
   * Wire name: `error`.
   */
  error?: NullableProblemDetails;
  /**
   * Support information, or `null`.
   *
   * Wire name: `debug`.
   */
  debug?: NullableDebug;
}

registry["PlanModifierListVbaResponse"] = codecs.object([
  ["data", "data", false, codecs.array(codecs.ref("PlanModifier"))],
  ["error", "error", false, codecs.ref("NullableProblemDetails")],
  ["debug", "debug", false, codecs.ref("NullableDebug")],
]);

/** PlanModifierListVbaResponse in its wire form (the API's member names). */
export function planModifierListVbaResponseToWire(value: PlanModifierListVbaResponse): unknown {
  return codecs.ref("PlanModifierListVbaResponse").toWire(value);
}

/** PlanModifierListVbaResponse from its wire form (the API's member names). */
export function planModifierListVbaResponseFromWire(wire: unknown): PlanModifierListVbaResponse {
  return codecs.ref("PlanModifierListVbaResponse").fromWire(wire) as PlanModifierListVbaResponse;
}

/**
 * Plan modifier envelope
 *
 * The envelope of a call that returns one modifier rule.
 */
export interface PlanModifierVbaResponse {
  /**
   * The modifier rule, or `null` when the call failed.
   *
   * Wire name: `data`.
   */
  data?: PlanModifier | null;
  /**
   * Problem details, or `null` when the call succeeded.
   *
   * Wire name: `error`.
   */
  error?: NullableProblemDetails;
  /**
   * Support information, or `null`.
   *
   * Wire name: `debug`.
   */
  debug?: NullableDebug;
}

registry["PlanModifierVbaResponse"] = codecs.object([
  ["data", "data", false, codecs.ref("PlanModifier")],
  ["error", "error", false, codecs.ref("NullableProblemDetails")],
  ["debug", "debug", false, codecs.ref("NullableDebug")],
]);

/** PlanModifierVbaResponse in its wire form (the API's member names). */
export function planModifierVbaResponseToWire(value: PlanModifierVbaResponse): unknown {
  return codecs.ref("PlanModifierVbaResponse").toWire(value);
}

/** PlanModifierVbaResponse from its wire form (the API's member names). */
export function planModifierVbaResponseFromWire(wire: unknown): PlanModifierVbaResponse {
  return codecs.ref("PlanModifierVbaResponse").fromWire(wire) as PlanModifierVbaResponse;
}

/**
 * Problem details
 *
 * An error in the form of RFC 7807 problem details; every member is optional.
 */
export interface VbaProblemDetails {
  /**
   * URI reference naming the kind of problem (`about:blank` when absent).
   *
   * Wire name: `type`.
   */
  type_?: string | null;
  /**
   * Short summary of the kind of problem.
   *
   * Wire name: `title`.
   */
  title?: string | null;
  /**
   * The HTTP status code of this occurrence.
   *
   * Wire name: `status`. Format: `int32`.
   */
  status?: number | null;
  /**
   * What went wrong in this occurrence, for people.
   *
   * Wire name: `detail`.
   */
  detail?: string | null;
  /**
   * URI reference naming this occurrence.
   *
   * Wire name: `instance`.
   */
  instance?: string | null;
}

registry["VbaProblemDetails"] = codecs.object([
  ["type_", "type", false, null],
  ["title", "title", false, null],
  ["status", "status", false, null],
  ["detail", "detail", false, null],
  ["instance", "instance", false, null],
]);

/** VbaProblemDetails in its wire form (the API's member names). */
export function vbaProblemDetailsToWire(value: VbaProblemDetails): unknown {
  return codecs.ref("VbaProblemDetails").toWire(value);
}

/** VbaProblemDetails from its wire form (the API's member names). */
export function vbaProblemDetailsFromWire(wire: unknown): VbaProblemDetails {
  return codecs.ref("VbaProblemDetails").fromWire(wire) as VbaProblemDetails;
}
