// Generated from the OpenAPI document; do not edit.
// LS Atlas case billing API, version 1.0: a type for every schema, and its wire form.

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

registry["AddBillingCodeModel"] = codecs.object([
  ["caseBillingCodes", "case_billing_codes", false, codecs.array(codecs.ref("CaseBillingProcedureCodeModel"))],
]);

/** AddBillingCodeModel in its wire form (the API's member names). */
export function addBillingCodeModelToWire(value: AddBillingCodeModel): unknown {
  return codecs.ref("AddBillingCodeModel").toWire(value);
}

/** AddBillingCodeModel from its wire form (the API's member names). */
export function addBillingCodeModelFromWire(wire: unknown): AddBillingCodeModel {
  return codecs.ref("AddBillingCodeModel").fromWire(wire) as AddBillingCodeModel;
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
   * Group of items the code belongs to. The wire name is misspelt by the vendor (`iteams`) and
   * is kept exactly.
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

registry["CaseBillingProcedureCodeModel"] = codecs.object([
  ["id", "id", false, null],
  ["billNumber", "bill_number", false, null],
  ["billAmount", "bill_amount", false, null],
  ["cptCode", "cpt_code", false, null],
  ["description", "description", false, null],
  ["specialty", "specialty", false, null],
  ["modifier", "modifier", false, null],
  ["groupIteams", "group_iteams", false, null],
  ["validationType", "validation_type", false, null],
  ["valDesc", "val_desc", false, null],
  ["dateOfService", "date_of_service", false, null],
  ["amount", "amount", false, null],
  ["paidAmount", "paid_amount", false, null],
  ["feeSchedule", "fee_schedule", false, null],
  ["writeOff", "write_off", false, null],
  ["is90Cap", "is90Cap", false, null],
]);

/** CaseBillingProcedureCodeModel in its wire form (the API's member names). */
export function caseBillingProcedureCodeModelToWire(value: CaseBillingProcedureCodeModel): unknown {
  return codecs.ref("CaseBillingProcedureCodeModel").toWire(value);
}

/** CaseBillingProcedureCodeModel from its wire form (the API's member names). */
export function caseBillingProcedureCodeModelFromWire(wire: unknown): CaseBillingProcedureCodeModel {
  return codecs.ref("CaseBillingProcedureCodeModel").fromWire(wire) as CaseBillingProcedureCodeModel;
}

/**
 * Saved
 *
 * `true` when the codes were stored.
 */
export type Saved = boolean;
