// Generated from the OpenAPI document; do not edit.
// Edge cases, version 1.2.3: the errors the client throws.

/** What the server answered: status, headers, the body as text and as parsed JSON. */
export interface RawResponse {
  /** HTTP status code. */
  status: number;
  /** Response headers. */
  headers: Headers;
  /** The body as received (empty string when there is none). */
  body: string;
  /** The body parsed as JSON in its wire form, or `undefined` when it is empty or not JSON. */
  parsed: unknown;
  /** The URL of the request that got this answer. */
  url: string;
}

/** Base class of every error the client throws. */
export class APIError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "APIError";
  }
}

/** The server could not be reached, or the connection failed before an answer came. */
export class APIConnectionError extends APIError {
  constructor(message = "Connection error.", options?: { cause?: unknown }) {
    super(message, options);
    this.name = "APIConnectionError";
  }
}

/** No answer came within the timeout. */
export class APITimeoutError extends APIConnectionError {
  constructor(message = "Request timed out.", options?: { cause?: unknown }) {
    super(message, options);
    this.name = "APITimeoutError";
  }
}

/**
 * The server answered with a status that is not a success. `error` is the parsed error body
 * (the envelope's error member where the API wraps answers in one), in the client's form.
 */
export class APIStatusError extends APIError {
  /** HTTP status code. */
  readonly status: number;
  /** Response headers. */
  readonly headers: Headers;
  /** The body as received. */
  readonly body: string;
  /** The parsed error body (or the envelope's error member), `undefined` when there is none. */
  readonly error: unknown;
  /** The whole answer. */
  readonly response: RawResponse;

  constructor(response: RawResponse, error: unknown, message?: string) {
    super(message ?? statusMessage(response, error));
    this.name = "APIStatusError";
    this.status = response.status;
    this.headers = response.headers;
    this.body = response.body;
    this.error = error;
    this.response = response;
  }
}

/** 400 Bad Request. */
export class BadRequestError extends APIStatusError {
  constructor(response: RawResponse, error: unknown, message?: string) {
    super(response, error, message);
    this.name = "BadRequestError";
  }
}

/** 401 Unauthorized: credentials missing or not valid. */
export class AuthenticationError extends APIStatusError {
  constructor(response: RawResponse, error: unknown, message?: string) {
    super(response, error, message);
    this.name = "AuthenticationError";
  }
}

/** 403 Forbidden. */
export class PermissionDeniedError extends APIStatusError {
  constructor(response: RawResponse, error: unknown, message?: string) {
    super(response, error, message);
    this.name = "PermissionDeniedError";
  }
}

/** 404 Not Found. */
export class NotFoundError extends APIStatusError {
  constructor(response: RawResponse, error: unknown, message?: string) {
    super(response, error, message);
    this.name = "NotFoundError";
  }
}

/** 409 Conflict. */
export class ConflictError extends APIStatusError {
  constructor(response: RawResponse, error: unknown, message?: string) {
    super(response, error, message);
    this.name = "ConflictError";
  }
}

/** 422 Unprocessable Entity. */
export class UnprocessableEntityError extends APIStatusError {
  constructor(response: RawResponse, error: unknown, message?: string) {
    super(response, error, message);
    this.name = "UnprocessableEntityError";
  }
}

/** 429 Too Many Requests. */
export class RateLimitError extends APIStatusError {
  constructor(response: RawResponse, error: unknown, message?: string) {
    super(response, error, message);
    this.name = "RateLimitError";
  }
}

/** 5xx: the server failed. */
export class InternalServerError extends APIStatusError {
  constructor(response: RawResponse, error: unknown, message?: string) {
    super(response, error, message);
    this.name = "InternalServerError";
  }
}

/** The error class of a status: the most specific one that applies. */
export function statusError(response: RawResponse, error: unknown): APIStatusError {
  switch (response.status) {
    case 400:
      return new BadRequestError(response, error);
    case 401:
      return new AuthenticationError(response, error);
    case 403:
      return new PermissionDeniedError(response, error);
    case 404:
      return new NotFoundError(response, error);
    case 409:
      return new ConflictError(response, error);
    case 422:
      return new UnprocessableEntityError(response, error);
    case 429:
      return new RateLimitError(response, error);
    default:
      return response.status >= 500
        ? new InternalServerError(response, error)
        : new APIStatusError(response, error);
  }
}

function statusMessage(response: RawResponse, error: unknown): string {
  let summary = "";
  if (typeof error === "string") {
    summary = error;
  } else if (typeof error === "object" && error !== null) {
    const record = error as Record<string, unknown>;
    for (const key of ["detail", "title", "message", "Message", "error_description"]) {
      const value = record[key];
      if (typeof value === "string" && value !== "") {
        summary = value;
        break;
      }
    }
  }
  if (summary === "") summary = response.body.slice(0, 200);
  return summary === "" ? `${response.status}` : `${response.status} ${summary}`;
}
