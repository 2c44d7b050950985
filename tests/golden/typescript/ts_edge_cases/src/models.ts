// Generated from the OpenAPI document; do not edit.
// Edge cases, version 1.2.3: a type for every schema, and its wire form.

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

export type Colour = "red" | "dark-green" | "" | "null-ish";

export const Colour = {
  Red: "red",
  DarkGreen: "dark-green",
  Empty: "",
  NullIsh: "null-ish",
} as const;

export interface Person {
  /**
   * Wire name: `Given_Name`.
   */
  givenName: string;
}

registry["Person"] = codecs.object([
  ["givenName", "Given_Name", true, null],
]);

/** Person in its wire form (the API's member names). */
export function personToWire(value: Person): unknown {
  return codecs.ref("Person").toWire(value);
}

/** Person from its wire form (the API's member names). */
export function personFromWire(wire: unknown): Person {
  return codecs.ref("Person").fromWire(wire) as Person;
}

export interface Problem {
  /**
   * Wire name: `title`.
   */
  title?: string;
  /**
   * Wire name: `detail`.
   */
  detail?: string;
}

registry["Problem"] = codecs.object([
  ["title", "title", false, null],
  ["detail", "detail", false, null],
]);

/** Problem in its wire form (the API's member names). */
export function problemToWire(value: Problem): unknown {
  return codecs.ref("Problem").toWire(value);
}

/** Problem from its wire form (the API's member names). */
export function problemFromWire(wire: unknown): Problem {
  return codecs.ref("Problem").fromWire(wire) as Problem;
}

export interface Tag {
  /**
   * Wire name: `Label`.
   */
  label?: string;
}

registry["Tag"] = codecs.object([
  ["label", "Label", false, null],
]);

/** Tag in its wire form (the API's member names). */
export function tagToWire(value: Tag): unknown {
  return codecs.ref("Tag").toWire(value);
}

/** Tag from its wire form (the API's member names). */
export function tagFromWire(wire: unknown): Tag {
  return codecs.ref("Tag").fromWire(wire) as Tag;
}

export interface Team {
  /**
   * Wire name: `Team_Members`.
   */
  teamMembers: Person[];
}

registry["Team"] = codecs.object([
  ["teamMembers", "Team_Members", true, codecs.array(codecs.ref("Person"))],
]);

/** Team in its wire form (the API's member names). */
export function teamToWire(value: Team): unknown {
  return codecs.ref("Team").toWire(value);
}

/** Team from its wire form (the API's member names). */
export function teamFromWire(wire: unknown): Team {
  return codecs.ref("Team").fromWire(wire) as Team;
}

export interface Thing {
  /**
   * Wire name: `thing_ID`. Format: `int64`. Set by the server (read-only).
   */
  thingId: number;
  /**
   * Collides with thing_ID after normalisation.
   *
   * Wire name: `thingId`.
   */
  thingId2?: string;
  /**
   * Wire name: `Kind`.
   */
  kind: Colour;
  /**
   * Wire name: `default`. Default: `false`.
   */
  default_?: boolean;
  /**
   * Wire name: `note`.
   */
  note?: string | null;
  /**
   * Wire name: `tags`.
   */
  tags?: Record<string, Tag[]>;
  /**
   * Wire name: `owner`.
   */
  owner?: Person | Team;
  /**
   * Wire name: `dimensions`.
   */
  dimensions?: ThingDimensions;
}

registry["Thing"] = codecs.object([
  ["thingId", "thing_ID", true, null],
  ["thingId2", "thingId", false, null],
  ["kind", "Kind", true, null],
  ["default_", "default", false, null],
  ["note", "note", false, null],
  ["tags", "tags", false, codecs.map(codecs.array(codecs.ref("Tag")))],
  ["owner", "owner", false, codecs.union([codecs.ref("Person"), codecs.ref("Team")])],
  ["dimensions", "dimensions", false, codecs.ref("ThingDimensions")],
]);

/** Thing in its wire form (the API's member names). */
export function thingToWire(value: Thing): unknown {
  return codecs.ref("Thing").toWire(value);
}

/** Thing from its wire form (the API's member names). */
export function thingFromWire(wire: unknown): Thing {
  return codecs.ref("Thing").fromWire(wire) as Thing;
}

export interface ThingDimensions {
  /**
   * Wire name: `Width_cm`.
   */
  widthCm?: number;
  /**
   * Wire name: `Height_cm`.
   */
  heightCm?: number;
}

registry["ThingDimensions"] = codecs.object([
  ["widthCm", "Width_cm", false, null],
  ["heightCm", "Height_cm", false, null],
]);

/** ThingDimensions in its wire form (the API's member names). */
export function thingDimensionsToWire(value: ThingDimensions): unknown {
  return codecs.ref("ThingDimensions").toWire(value);
}

/** ThingDimensions from its wire form (the API's member names). */
export function thingDimensionsFromWire(wire: unknown): ThingDimensions {
  return codecs.ref("ThingDimensions").fromWire(wire) as ThingDimensions;
}

export interface ThingEnvelope {
  /**
   * Wire name: `Result`.
   */
  result?: Thing;
  /**
   * Wire name: `Fault`.
   */
  fault?: Problem;
}

registry["ThingEnvelope"] = codecs.object([
  ["result", "Result", false, codecs.ref("Thing")],
  ["fault", "Fault", false, codecs.ref("Problem")],
]);

/** ThingEnvelope in its wire form (the API's member names). */
export function thingEnvelopeToWire(value: ThingEnvelope): unknown {
  return codecs.ref("ThingEnvelope").toWire(value);
}

/** ThingEnvelope from its wire form (the API's member names). */
export function thingEnvelopeFromWire(wire: unknown): ThingEnvelope {
  return codecs.ref("ThingEnvelope").fromWire(wire) as ThingEnvelope;
}
