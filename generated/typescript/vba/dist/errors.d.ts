/** What the server answered. */
export interface RawResponse {
    /** HTTP status of the answer. */
    status: number;
    /** Response headers. */
    headers: Headers;
    /** The body as received (bytes; empty when there is none). */
    rawBody: Uint8Array;
    /** The body decoded as JSON or XML in its wire form (text for other media types), or `null`. */
    body: unknown;
    /** The URL of the request that got this answer. */
    url: string;
    /** The answer's request id (a response header, or the envelope's), or `null`. */
    requestId: string | null;
}
/** Base class of every error the client throws. */
export declare class APIError extends Error {
    constructor(message: string, options?: {
        cause?: unknown;
    });
}
/** The server could not be reached, or the connection failed before an answer came. */
export declare class APIConnectionError extends APIError {
    constructor(message?: string, options?: {
        cause?: unknown;
    });
}
/** No answer came within the timeout. */
export declare class APITimeoutError extends APIConnectionError {
    constructor(message?: string, options?: {
        cause?: unknown;
    });
}
/** A successful answer that does not match the spec (strict decoding), or cannot be read. */
export declare class APIResponseValidationError extends APIError {
    /** The whole answer. */
    readonly response: RawResponse;
    constructor(message: string, response: RawResponse, options?: {
        cause?: unknown;
    });
}
/** The server answered with a status that is not a success. */
export declare class APIStatusError extends APIError {
    /** HTTP status of the answer. */
    readonly status: number;
    /** Response headers. */
    readonly headers: Headers;
    /** The body as received (bytes). */
    readonly rawBody: Uint8Array;
    /** The body decoded as JSON or XML, or null. */
    readonly body: unknown;
    /** The problem, decoded as the spec types it, or null. */
    readonly problem: unknown;
    /** The answer's request id, or null. */
    readonly requestId: string | null;
    /** The whole answer. */
    readonly response: RawResponse;
    constructor(response: RawResponse, problem: unknown, message?: string);
}
/** 400. */
export declare class BadRequestError extends APIStatusError {
    constructor(response: RawResponse, problem: unknown, message?: string);
}
/** 401. */
export declare class AuthenticationError extends APIStatusError {
    constructor(response: RawResponse, problem: unknown, message?: string);
}
/** 403. */
export declare class PermissionDeniedError extends APIStatusError {
    constructor(response: RawResponse, problem: unknown, message?: string);
}
/** 404. */
export declare class NotFoundError extends APIStatusError {
    constructor(response: RawResponse, problem: unknown, message?: string);
}
/** 409. */
export declare class ConflictError extends APIStatusError {
    constructor(response: RawResponse, problem: unknown, message?: string);
}
/** 422. */
export declare class UnprocessableEntityError extends APIStatusError {
    constructor(response: RawResponse, problem: unknown, message?: string);
}
/** 429. */
export declare class RateLimitError extends APIStatusError {
    constructor(response: RawResponse, problem: unknown, message?: string);
}
/** 5xx: the server failed. */
export declare class InternalServerError extends APIStatusError {
    constructor(response: RawResponse, problem: unknown, message?: string);
}
/** The error class of a status: the most specific one that applies. */
export declare function statusError(response: RawResponse, problem: unknown): APIStatusError;
