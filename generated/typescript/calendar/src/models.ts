// Generated from the OpenAPI document; do not edit.
// Patient appointment booking API, version 2: a type for every schema, and its wire form.

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
   * Why the patient is coming. Required, at most 250 characters, not blank (see the API
   * description for why the vendor's "between 0 and 250" means this).
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

registry["AppointmentModel"] = codecs.object([
  ["encounterTypeId", "EncounterTypeId", false, null],
  ["encounterTypeModeDurationId", "EncounterTypeModeDurationId", false, null],
  ["providerId", "ProviderId", false, null],
  ["userId", "UserId", true, null],
  ["patientId", "PatientId", false, null],
  ["specialityId", "SpecialityId", false, null],
  ["appointmentOn", "AppointmentOn", true, null],
  ["secondaryAppointmentOn", "SecondaryAppointmentOn", false, null],
  ["reason", "Reason", true, null],
  ["note", "Note", false, null],
  ["parentId", "ParentId", false, null],
  ["referredParentId", "ReferredParentId", false, null],
  ["paidAmount", "PaidAmount", false, null],
  ["accountId", "AccountId", true, null],
  ["serviceId", "ServiceId", false, null],
  ["methodId", "MethodId", false, null],
  ["isCustomFormFlow", "IsCustomFormFlow", false, null],
  ["docIds", "DocIds", false, null],
  ["reasons", "Reasons", false, codecs.array(codecs.ref("Reasons"))],
]);

/** AppointmentModel in its wire form (the API's member names). */
export function appointmentModelToWire(value: AppointmentModel): unknown {
  return codecs.ref("AppointmentModel").toWire(value);
}

/** AppointmentModel from its wire form (the API's member names). */
export function appointmentModelFromWire(wire: unknown): AppointmentModel {
  return codecs.ref("AppointmentModel").fromWire(wire) as AppointmentModel;
}

/**
 * ASP.NET Web API error
 *
 * The body ASP.NET Web API 2 writes for a rejected request (its `HttpError` type): a general
 * `Message` and, when model binding or validation failed, `ModelState` with the messages per
 * offending member. Neither seed shows an error sample; this is the framework's standard
 * shape, and the sandbox answers bad input with it.
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

registry["AspNetError"] = codecs.object([
  ["message", "Message", true, null],
  ["messageDetail", "MessageDetail", false, null],
  ["modelState", "ModelState", false, null],
]);

/** AspNetError in its wire form (the API's member names). */
export function aspNetErrorToWire(value: AspNetError): unknown {
  return codecs.ref("AspNetError").toWire(value);
}

/** AspNetError from its wire form (the API's member names). */
export function aspNetErrorFromWire(wire: unknown): AspNetError {
  return codecs.ref("AspNetError").fromWire(wire) as AspNetError;
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

registry["Reasons"] = codecs.object([
  ["reasonId", "ReasonId", false, null],
]);

/** Reasons in its wire form (the API's member names). */
export function reasonsToWire(value: Reasons): unknown {
  return codecs.ref("Reasons").toWire(value);
}

/** Reasons from its wire form (the API's member names). */
export function reasonsFromWire(wire: unknown): Reasons {
  return codecs.ref("Reasons").fromWire(wire) as Reasons;
}
