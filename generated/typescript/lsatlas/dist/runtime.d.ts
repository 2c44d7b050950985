import { type RawResponse } from "./errors.js";
/** Constraints a strict decoder checks (the JSON Schema keywords of the same names). */
export interface Constraints {
    readonly minLength?: number;
    readonly maxLength?: number;
    readonly pattern?: string;
    readonly minimum?: number;
    readonly maximum?: number;
    readonly exclusiveMinimum?: number;
    readonly exclusiveMaximum?: number;
    readonly multipleOf?: number;
    readonly minItems?: number;
    readonly maxItems?: number;
    readonly uniqueItems?: boolean;
}
/** The `xml` hints of a schema or a member (OpenAPI's XML object). */
export interface XmlHints {
    readonly name?: string;
    readonly namespace?: string;
    readonly prefix?: string;
    readonly attribute?: boolean;
    readonly wrapped?: boolean;
}
/** One member of an object: client name, wire name, whether required, its shape, XML hints. */
export type Field = readonly [name: string, wire: string, required: boolean, shape: Shape, xml?: XmlHints];
export type Kind = "any" | "string" | "integer" | "number" | "boolean" | "null" | "binary" | "array" | "map" | "ref" | "union" | "object";
/** A type of the API as the runtime reads it. */
export interface Shape {
    readonly k: Kind;
    /** Admits `null`. */
    readonly n?: boolean;
    /** The only values allowed (an enum or a const). */
    readonly e?: readonly unknown[];
    /** The `format` of a string or a number. */
    readonly f?: string;
    readonly c?: Constraints;
    /** Items of an array, values of a map. */
    readonly items?: Shape;
    /** The name of a schema of `SCHEMAS`. */
    readonly ref?: string;
    readonly variants?: readonly Shape[];
    /** Discriminator of a union: the wire member, and its values to schema names. */
    readonly d?: readonly [property: string, mapping: Readonly<Record<string, string>>];
    readonly fields?: readonly Field[];
    /** Members beyond `fields`: their shape, `false` when the object is closed (no other member). */
    readonly extra?: Shape | false;
    readonly xml?: XmlHints;
    /** XML element order: members as declared, or sorted by element name. */
    readonly order?: "alphabetical";
}
type Options = Omit<Shape, "k" | "items" | "ref" | "variants" | "fields">;
/** Builders of shapes, as `models.ts` writes them. */
export declare const s: {
    any: (o?: Options) => Shape;
    str: (o?: Options) => Shape;
    int: (o?: Options) => Shape;
    num: (o?: Options) => Shape;
    bool: (o?: Options) => Shape;
    nul: () => Shape;
    bin: (o?: Options) => Shape;
    arr: (items: Shape, o?: Options) => Shape;
    map: (items: Shape, o?: Options) => Shape;
    ref: (ref: string, o?: Options) => Shape;
    union: (variants: readonly Shape[], o?: Options) => Shape;
    obj: (fields: readonly Field[], o?: Options) => Shape;
};
/** The shapes of the named types of one API (`SCHEMAS` of `models.ts`). */
export type ShapeTable = Readonly<Record<string, Shape>>;
/** Converts values between the client's form and the wire by the shapes of one API. */
export declare class Codec {
    #private;
    constructor(table: ShapeTable);
    /** The named shape a `ref` shape stands for (nullability of the reference kept). */
    resolve(shape: Shape): Shape;
    /** A wire value (parsed JSON or decoded XML) in the client's form. Lenient unless `strict`. */
    decode(shape: Shape, wire: unknown, strict: boolean): unknown;
    /** A value in the client's form on the wire (as JSON would carry it). */
    encode(shape: Shape, value: unknown): unknown;
}
/** An element of a parsed XML document. */
interface XmlElement {
    readonly ns: string;
    readonly local: string;
    /** `{namespace}local` (or `local`) → value */
    readonly attributes: Map<string, string>;
    readonly children: XmlElement[];
    text: string;
}
/** The document is not XML this client reads (malformed, a DTD, an entity, too deep). */
export declare class XmlError extends Error {
}
/**
 * Parses an XML document: elements, attributes, text, CDATA; comments and processing
 * instructions are skipped. No DTD is read (a `<!DOCTYPE` is refused), so no entity is ever
 * expanded: only the five predefined ones and character references.
 */
export declare function parseXml(text: string): XmlElement;
/** XML of the API's schemas, written and read as .NET's DataContractSerializer does. */
export declare class XmlCodec {
    #private;
    constructor(codec: Codec);
    /** A wire value as an XML document. */
    write(shape: Shape, value: unknown): string;
    /** An XML document as the wire value of this shape (checked against the root's name). */
    read(shape: Shape, text: string): unknown;
}
/** Raw bytes of a body or a part. */
export type BinaryBody = Blob | ArrayBuffer | Uint8Array;
/** A wire object as `application/x-www-form-urlencoded`. */
export declare function formBody(value: unknown): URLSearchParams;
/** A wire object as `multipart/form-data` (bytes as files, objects as JSON parts). */
export declare function multipartBody(value: unknown): FormData;
/** A parameter of an operation: client name, wire name, location, style, explode, shape. */
export type Parameter = readonly [
    name: string,
    wire: string,
    location: "path" | "query" | "header" | "cookie",
    style: string,
    explode: boolean,
    shape: Shape
];
/** How one operation is sent and its answers read (built by the generator, one per method). */
export interface Operation {
    readonly method: string;
    readonly path: string;
    readonly parameters: readonly Parameter[];
    /** Media types of the body, the first the default: media type, codec, shape. */
    readonly body?: readonly (readonly [mediaType: string, codec: BodyCodec, shape: Shape])[];
    /** Media types a success may answer in (the `accept` header), per kind of body sent. */
    readonly accept: string;
    readonly acceptXml?: string;
    /** status ("200", "4XX", "default") → the answer's shape and its envelope, if any. */
    readonly responses: Readonly<Record<string, Answer>>;
    /** Alternatives of security requirements, each naming the schemes needed together. */
    readonly security: readonly (readonly string[])[];
    readonly idempotent: boolean;
    /** Response headers read as a request id, lower case, in order. */
    readonly requestIdHeaders: readonly string[];
}
export type BodyCodec = "json" | "xml" | "form" | "multipart" | "text" | "binary";
/** A documented answer: the shape of its body, and the envelope it is, if one. */
export interface Answer {
    readonly shape?: Shape;
    /** The body is bytes or text rather than a decoded value. */
    readonly raw?: "binary" | "text";
    readonly envelope?: Envelope;
}
/** An `x-envelope` answer: members holding the data and the problem; where the request id is. */
export interface Envelope {
    readonly data?: readonly [wire: string, shape: Shape, nullable: boolean];
    readonly error?: readonly [wire: string, shape: Shape];
    readonly requestId?: readonly string[];
}
/** How a security scheme's value is made from the credentials. */
export interface Scheme {
    readonly location: "header" | "query" | "cookie";
    readonly name: string;
    readonly prefix: string;
    readonly base64: boolean;
    /** Literal text and credential names (`{ credential: name }`) in order. */
    readonly parts: readonly (string | {
        readonly credential: string;
    })[];
}
/** Options of a client, as the transport reads them. */
export interface TransportOptions {
    baseUrl?: string;
    timeout?: number;
    maxRetries?: number;
    retryBaseDelay?: number;
    retryMaxDelay?: number;
    headers?: Record<string, string>;
    fetch?: typeof fetch;
    strict?: boolean;
    debug?: boolean;
    logger?: (line: string) => void;
}
/** Options of one call; they override the client's. */
export interface RequestOptions {
    /** Timeout of one attempt in milliseconds. */
    timeout?: number;
    /** Retries of this request (idempotent methods only). */
    maxRetries?: number;
    /** Extra headers of this request (they win over every other header). */
    headers?: Record<string, string>;
    /** Aborts the request. */
    signal?: AbortSignal;
    /** Validate the answer fully (this call only). */
    strict?: boolean;
}
/** The decoded answer of a call together with the raw response. */
export interface WithResponse<T> {
    data: T;
    response: RawResponse;
}
/** What the generator knows of the API: defaults, environment variables, credentials. */
export interface ApiSettings {
    readonly defaultBaseUrl: string;
    readonly defaultTimeout: number;
    readonly maxRetries: number;
    readonly retryBaseDelay: number;
    readonly retryMaxDelay: number;
    readonly retryStatuses: readonly number[];
    readonly retryConnectionErrors: boolean;
    /** the response header a server's own retry delay is read from (seconds or an HTTP date) */
    readonly retryAfterHeader: string;
    /** headers the debug log shows as `***` (lower case) */
    readonly redactedHeaders: readonly string[];
    readonly env: {
        readonly baseUrl: string;
        readonly log: string;
        readonly logValue: string;
    };
    /** credential option → environment variable */
    readonly credentialEnv: Readonly<Record<string, string>>;
    readonly schemes: Readonly<Record<string, Scheme>>;
    /** every-call header option → wire name */
    readonly globalHeaders: Readonly<Record<string, string>>;
}
/** The process environment where the runtime has one (Node, Deno, Bun), else nothing. */
export declare function environment(): Readonly<Record<string, string | undefined>>;
/** Sends calls: URL, credentials, headers, body codecs, timeout, retries, decoding, errors. */
export declare class Transport {
    #private;
    constructor(settings: ApiSettings, table: ShapeTable, options: TransportOptions & Record<string, unknown>);
    /** The codec of the API's shapes (camelCase ↔ wire). */
    get codec(): Codec;
    call(op: Operation, values?: object, options?: RequestOptions): Promise<WithResponse<unknown>>;
}
export {};
