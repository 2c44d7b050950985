import type * as rt from "./runtime.js";
/**
 * Billing codes to add
 *
 * The billing procedure codes to attach to one case treatment.
 */
export interface AddBillingCodeModel {
    /**
     * The codes to add (a .NET collection, so it may be `null`).
     *
     * Wire name: `case_billing_codes`.
     */
    caseBillingCodes?: CaseBillingProcedureCodeModel[] | null;
}
/**
 * ASP.NET Web API error
 *
 * The body ASP.NET Web API 2 writes for a rejected request (its `HttpError` type): a general
 * `Message` and, when model binding or validation failed, `ModelState` with the messages per
 * offending member. Neither seed shows an error sample; this is the framework's standard shape,
 * and the sandbox answers bad input with it.
 */
export interface AspNetError {
    /**
     * What went wrong, for people.
     *
     * Wire name: `Message`.
     */
    message: string;
    /**
     * Extra detail the framework adds for some errors (for example no matching route).
     *
     * Wire name: `MessageDetail`.
     */
    messageDetail?: string;
    /**
     * Messages per model member, keyed by the member's path (`model.Reason`,
     * `model.case_billing_codes[0].id`).
     *
     * Wire name: `ModelState`.
     */
    modelState?: Record<string, string[]>;
}
/**
 * Billing procedure code
 *
 * One CPT billing code line of a treatment, with its amounts.
 */
export interface CaseBillingProcedureCodeModel {
    /**
     * Identifier of the billing line.
     *
     * Wire name: `id`. Format: `int32`.
     */
    id?: number;
    /**
     * Number of the bill the line belongs to.
     *
     * Wire name: `bill_number`.
     */
    billNumber?: string | null;
    /**
     * Billed amount (.NET `decimal`).
     *
     * Wire name: `bill_amount`.
     */
    billAmount?: number;
    /**
     * CPT procedure code.
     *
     * Wire name: `cpt_code`.
     */
    cptCode?: string | null;
    /**
     * Description of the procedure.
     *
     * Wire name: `description`.
     */
    description?: string | null;
    /**
     * Medical specialty of the procedure.
     *
     * Wire name: `specialty`.
     */
    specialty?: string | null;
    /**
     * CPT modifier.
     *
     * Wire name: `modifier`.
     */
    modifier?: string | null;
    /**
     * Group of items the code belongs to. The wire name is misspelt by the vendor (`iteams`) and is
     * kept exactly.
     *
     * Wire name: `group_iteams`.
     */
    groupIteams?: string | null;
    /**
     * Kind of validation applied to the code.
     *
     * Wire name: `validation_type`.
     */
    validationType?: string | null;
    /**
     * Description of the validation result.
     *
     * Wire name: `val_desc`.
     */
    valDesc?: string | null;
    /**
     * When the service was performed (.NET `DateTime`, with offset).
     *
     * Wire name: `date_of_service`. Format: `date-time`.
     */
    dateOfService?: string;
    /**
     * Amount of the line (.NET `decimal`).
     *
     * Wire name: `amount`.
     */
    amount?: number;
    /**
     * Amount paid (.NET `decimal`).
     *
     * Wire name: `paid_amount`.
     */
    paidAmount?: number;
    /**
     * Amount allowed by the fee schedule (.NET `decimal`).
     *
     * Wire name: `fee_schedule`.
     */
    feeSchedule?: number;
    /**
     * Amount written off (.NET `decimal`).
     *
     * Wire name: `write_off`.
     */
    writeOff?: number;
    /**
     * Whether the 90-visit cap applies to the code.
     *
     * Wire name: `is90Cap`.
     */
    is90Cap?: boolean;
}
/**
 * Saved
 *
 * `true` when the codes were stored.
 */
export type Saved = boolean;
/** The shape of every type of this module: how the runtime reads and writes it on the wire. */
export declare const SCHEMAS: rt.ShapeTable;
/** Unused in some packages; keeps the `rt` types import valid everywhere. */
export type BinaryBody = rt.BinaryBody;
