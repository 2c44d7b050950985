import type * as rt from "./runtime.js";
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
    data?: null;
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
    debug?: NullableDebug | null;
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
    error?: NullableProblemDetails | null;
    /**
     * Support information, or `null`.
     *
     * Wire name: `debug`.
     */
    debug?: NullableDebug | null;
}
/**
 * Support information, or `null`.
 */
export type NullableDebug = Debug | null;
/**
 * Problem details, or `null` when the call succeeded.
 */
export type NullableProblemDetails = VbaProblemDetails | null;
/**
 * Plan benefit level
 *
 * A condition that selects a level of a plan benefit (an age range, a network, a modifier…), with
 * the range of values it matches.
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
     * (the member's age on the claim's service or received date), Relationship Code (of the member to
     * the subscriber), Months or Days Enrolled in Plan, Network, Out of Network, Billed Amount (range
     * of the service line's billed amount), Modifier, Exact Modifier, No Modifier, Exclude Modifier,
     * Exclude Exact Modifier (presence or absence of a modifier, anywhere or at an exact position on
     * the service line), Gender, Billing Taxonomy, Rendering Taxonomy, Service Facility Taxonomy (the
     * provider's taxonomy is in the taxonomy group), Procedure Category, Procedure Cluster (the line's
     * procedure code is in it), Provider Federal ID.
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
/**
 * Plan benefit levels
 *
 * Benefit levels to upsert.
 */
export type PlanBenefitLevelList = PlanBenefitLevel[];
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
    error?: NullableProblemDetails | null;
    /**
     * Support information, or `null`.
     *
     * Wire name: `debug`.
     */
    debug?: NullableDebug | null;
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
    error?: NullableProblemDetails | null;
    /**
     * Support information, or `null`.
     *
     * Wire name: `debug`.
     */
    debug?: NullableDebug | null;
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
     * Whether the modifier's fee applies to usual-and-customary claims. Required by the API because
     * the database column is NOT NULL.
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
/**
 * Plan modifier rules
 *
 * Modifier rules to upsert.
 */
export type PlanModifierList = PlanModifier[];
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
    error?: NullableProblemDetails | null;
    /**
     * Support information, or `null`.
     *
     * Wire name: `debug`.
     */
    debug?: NullableDebug | null;
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
    error?: NullableProblemDetails | null;
    /**
     * Support information, or `null`.
     *
     * Wire name: `debug`.
     */
    debug?: NullableDebug | null;
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
    type?: string | null;
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
/** The shape of every type of this module: how the runtime reads and writes it on the wire. */
export declare const SCHEMAS: rt.ShapeTable;
/** Unused in some packages; keeps the `rt` types import valid everywhere. */
export type BinaryBody = rt.BinaryBody;
