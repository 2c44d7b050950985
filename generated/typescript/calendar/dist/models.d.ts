import type * as rt from "./runtime.js";
/**
 * Action result
 *
 * Whatever the action chose to return; the vendor documents no shape (an empty schema accepts
 * every JSON value).
 */
export type ActionResult = unknown;
/**
 * Appointment
 *
 * An appointment to book.
 */
export interface AppointmentModel {
    /**
     * Kind of encounter.
     *
     * Wire name: `EncounterTypeId`. Format: `uuid`.
     */
    encounterTypeId?: Guid;
    /**
     * Mode and duration of the encounter type.
     *
     * Wire name: `EncounterTypeModeDurationId`. Format: `uuid`.
     */
    encounterTypeModeDurationId?: Guid;
    /**
     * Provider the appointment is with.
     *
     * Wire name: `ProviderId`. Format: `uuid`.
     */
    providerId?: Guid;
    /**
     * User who books the appointment.
     *
     * Wire name: `UserId`. Format: `uuid`.
     */
    userId: Guid;
    /**
     * Patient the appointment is for.
     *
     * Wire name: `PatientId`. Format: `uuid`.
     */
    patientId?: Guid;
    /**
     * Specialty of the appointment.
     *
     * Wire name: `SpecialityId`. Format: `uuid`.
     */
    specialityId?: Guid;
    /**
     * When the appointment takes place (.NET `DateTime`, with offset).
     *
     * Wire name: `AppointmentOn`. Format: `date-time`.
     */
    appointmentOn: string;
    /**
     * A second date and time for the appointment (.NET `DateTime`, with offset).
     *
     * Wire name: `SecondaryAppointmentOn`. Format: `date-time`.
     */
    secondaryAppointmentOn?: string;
    /**
     * Why the patient is coming. Required, at most 250 characters, not blank (see the API description
     * for why the vendor's "between 0 and 250" means this).
     *
     * Wire name: `Reason`.
     */
    reason: string;
    /**
     * A free note, at most 1000 characters.
     *
     * Wire name: `Note`.
     */
    note?: string | null;
    /**
     * Appointment this one follows from.
     *
     * Wire name: `ParentId`. Format: `uuid`.
     */
    parentId?: Guid;
    /**
     * Appointment that referred this one.
     *
     * Wire name: `ReferredParentId`. Format: `uuid`.
     */
    referredParentId?: Guid;
    /**
     * Amount already paid (.NET `decimal`).
     *
     * Wire name: `PaidAmount`.
     */
    paidAmount?: number;
    /**
     * Account (practice) the appointment is booked in.
     *
     * Wire name: `AccountId`. Format: `uuid`.
     */
    accountId: Guid;
    /**
     * Service to be provided.
     *
     * Wire name: `ServiceId`. Format: `uuid`.
     */
    serviceId?: Guid;
    /**
     * How the appointment is held (the vendor does not list the values).
     *
     * Wire name: `MethodId`. Format: `int32`.
     */
    methodId?: number;
    /**
     * Whether the booking comes from a custom form flow (a string in the vendor's model).
     *
     * Wire name: `IsCustomFormFlow`.
     */
    isCustomFormFlow?: NullableText | null;
    /**
     * Documents attached to the appointment (a string in the vendor's model).
     *
     * Wire name: `DocIds`.
     */
    docIds?: NullableText | null;
    /**
     * Structured reasons for the visit.
     *
     * Wire name: `Reasons`.
     */
    reasons?: Reasons[] | null;
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
 * A .NET `Guid`.
 */
export type Guid = string;
/**
 * A .NET string, which may be `null`.
 */
export type NullableText = string | null;
/**
 * Reason
 *
 * One structured reason for the visit.
 */
export interface Reasons {
    /**
     * The reason.
     *
     * Wire name: `ReasonId`. Format: `uuid`.
     */
    reasonId?: Guid;
}
/** The shape of every type of this module: how the runtime reads and writes it on the wire. */
export declare const SCHEMAS: rt.ShapeTable;
/** Unused in some packages; keeps the `rt` types import valid everywhere. */
export type BinaryBody = rt.BinaryBody;
