// Generated from the OpenAPI document; do not edit.
// LS Atlas case billing API, version 1.0: the client.

import { APIConnectionError, APITimeoutError, statusError, type RawResponse } from "./errors.js";
import * as models from "./models.js";

/** Default base URL (the first server of the API description). */
export const DEFAULT_BASE_URL = "https://localhost";
/** Default timeout of one attempt, in milliseconds. */
export const DEFAULT_TIMEOUT = 60_000;
/** Default number of retries of an idempotent request. */
export const DEFAULT_MAX_RETRIES = 2;
/** Default first retry delay bound, in milliseconds (doubled on each retry). */
export const DEFAULT_RETRY_BASE_DELAY = 500;
/** Default upper bound of a retry delay, in milliseconds. */
export const DEFAULT_RETRY_MAX_DELAY = 8_000;

/** Options of the client, set once. */
export interface ClientOptions {
  /** Base URL of the API, without a trailing slash. Default: `https://localhost`. */
  baseUrl?: string;
  /** Timeout of one attempt in milliseconds. Default 60 000. */
  timeout?: number;
  /** Retries of an idempotent request (GET, HEAD, OPTIONS, PUT, DELETE). Default 2. */
  maxRetries?: number;
  /** Upper bound of the first retry delay in milliseconds (full jitter, doubled per retry). Default 500. */
  retryBaseDelay?: number;
  /** Upper bound of any retry delay in milliseconds. Default 8 000. */
  retryMaxDelay?: number;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** The `fetch` to use. Default: the global `fetch`. */
  fetch?: typeof fetch;
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
}

/** The decoded answer of a call together with the raw response. */
export interface WithResponse<T> {
  data: T;
  response: RawResponse;
}

/** Parameters of `addCaseTreatmentCptCodes`. */
export interface AddCaseTreatmentCptCodesParams {
  /**
   * Identifier of the case.
   *
   * Sent as the path parameter `caseId`.
   */
  caseId: string;
  /**
   * Identifier of the treatment within the case.
   *
   * Sent as the path parameter `treatmentId`. Format: `int32`.
   */
  treatmentId: number;
  /** The request body (sent as application/json). */
  body: models.AddBillingCodeModel;
}

/** Every operation, answering with the decoded result and the raw response. */
export interface WithRawResponse {
  /** `addCaseTreatmentCptCodes` with the raw response. */
  addCaseTreatmentCptCodes(params: AddCaseTreatmentCptCodesParams, options?: RequestOptions): Promise<WithResponse<models.Saved>>;
}

type Credentials = Pick<ClientOptions, never>;

interface Scheme {
  location: "header" | "query" | "cookie";
  name: string;
  value(credentials: Credentials): string | undefined;
}

const SCHEMES: Record<string, Scheme> = {
};

/** How one operation is called: built by each method, carried out by `Transport`. */
interface Call {
  method: string;
  path: string;
  pathParams: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
  body?: unknown;
  contentType?: string;
  accept: string;
  security: readonly (readonly string[])[];
  idempotent: boolean;
  /** status ("200", "4XX", "default") -> [envelope member or null, codec or null] */
  responses: Record<string, readonly [string | null, models.Codec | null]>;
}

const RETRY_STATUSES = new Set([429, 502, 503, 504]);

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done);
  });
}

function text(value: unknown): string {
  return typeof value === "string" ? value : typeof value === "object" ? JSON.stringify(value) : String(value);
}

function isJson(contentType: string | null): boolean {
  const base = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  return base === "application/json" || base === "text/json" || base.endsWith("+json");
}

/** Sends calls: URL, credentials, headers, timeout, retries, decoding and errors. */
class Transport {
  readonly #options: ClientOptions;
  readonly #fetch: typeof fetch;

  constructor(options: ClientOptions) {
    this.#options = options;
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
  }

  async call(call: Call, options: RequestOptions = {}): Promise<WithResponse<unknown>> {
    const url = this.#url(call);
    const headers = new Headers();
    headers.set("accept", call.accept);
    if (call.contentType !== undefined) headers.set("content-type", call.contentType);
    const cookies: string[] = [];
    this.#authenticate(call, url, headers, cookies);
    for (const [name, value] of Object.entries(this.#options.headers ?? {})) headers.set(name, value);
    for (const [name, value] of Object.entries(call.headers)) {
      if (value !== undefined && value !== null) headers.set(name, text(value));
    }
    if (cookies.length > 0) headers.set("cookie", cookies.join("; "));
    for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
    const body =
      call.body === undefined ? undefined : isJson(call.contentType ?? null) ? JSON.stringify(call.body) : text(call.body);
    const { response, text: bodyText } = await this.#send(call, url, headers, body, options);
    const parsed = this.#parse(response.headers.get("content-type"), bodyText);
    const raw: RawResponse = { status: response.status, headers: response.headers, body: bodyText, parsed, url: url.toString() };
    const [member, codec] = this.#responseOf(call, response.status);
    let value = parsed;
    if (member !== null && typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) {
      value = (parsed as Record<string, unknown>)[member];
    }
    if (codec !== null) value = codec.fromWire(value);
    if (response.status >= 200 && response.status < 300) return { data: value, response: raw };
    throw statusError(raw, value);
  }

  #url(call: Call): URL {
    const base = (this.#options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
    const path = call.path.replace(/\{([^}]+)\}/g, (_whole, name: string) => {
      const value = call.pathParams[name];
      const rendered = Array.isArray(value) ? value.map(text).join(",") : text(value);
      return encodeURIComponent(rendered);
    });
    const url = new URL(base + path);
    for (const [name, value] of Object.entries(call.query)) {
      if (value === undefined || value === null) continue;
      for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(name, text(item));
    }
    return url;
  }

  #authenticate(call: Call, url: URL, headers: Headers, cookies: string[]): void {
    for (const requirement of call.security) {
      const values = requirement.map((name) => [SCHEMES[name], SCHEMES[name]?.value(this.#options)] as const);
      if (!values.every(([scheme, value]) => scheme !== undefined && value !== undefined)) continue;
      for (const [scheme, value] of values) {
        if (scheme === undefined || value === undefined) continue;
        if (scheme.location === "header") headers.set(scheme.name, value);
        else if (scheme.location === "query") url.searchParams.set(scheme.name, value);
        else cookies.push(`${scheme.name}=${encodeURIComponent(value)}`);
      }
      return;
    }
  }

  async #send(
    call: Call,
    url: URL,
    headers: Headers,
    body: string | undefined,
    options: RequestOptions,
  ): Promise<{ response: Response; text: string }> {
    const maxRetries = call.idempotent ? options.maxRetries ?? this.#options.maxRetries ?? DEFAULT_MAX_RETRIES : 0;
    const timeout = options.timeout ?? this.#options.timeout ?? DEFAULT_TIMEOUT;
    for (let attempt = 0; ; attempt++) {
      const controller = new AbortController();
      const abort = (): void => controller.abort();
      options.signal?.addEventListener("abort", abort);
      if (options.signal?.aborted) controller.abort();
      const timer = setTimeout(abort, timeout);
      try {
        const init: RequestInit = { method: call.method, headers, signal: controller.signal };
        if (body !== undefined) init.body = body;
        const response = await this.#fetch(url, init);
        const responseText = await response.text();
        if (attempt < maxRetries && RETRY_STATUSES.has(response.status)) {
          await sleep(this.#delay(attempt, response.headers), options.signal);
          continue;
        }
        return { response, text: responseText };
      } catch (cause) {
        if (options.signal?.aborted) throw new APIConnectionError("Request was aborted.", { cause });
        const error = controller.signal.aborted
          ? new APITimeoutError(`Request timed out after ${timeout} ms.`, { cause })
          : new APIConnectionError(`Connection error: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
        if (attempt >= maxRetries) throw error;
        await sleep(this.#delay(attempt), options.signal);
      } finally {
        clearTimeout(timer);
        options.signal?.removeEventListener("abort", abort);
      }
    }
  }

  /** Retry-After (seconds or a date) or retry-after-ms when given, else full-jitter backoff. */
  #delay(attempt: number, headers?: Headers): number {
    const milliseconds = Number(headers?.get("retry-after-ms") ?? Number.NaN);
    if (Number.isFinite(milliseconds) && milliseconds >= 0) return milliseconds;
    const retryAfter = headers?.get("retry-after");
    if (retryAfter != null) {
      const seconds = Number(retryAfter);
      if (retryAfter.trim() !== "" && Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
      const date = Date.parse(retryAfter);
      if (Number.isFinite(date)) return Math.max(0, date - Date.now());
    }
    const base = this.#options.retryBaseDelay ?? DEFAULT_RETRY_BASE_DELAY;
    const cap = this.#options.retryMaxDelay ?? DEFAULT_RETRY_MAX_DELAY;
    return Math.random() * Math.min(cap, base * 2 ** attempt);
  }

  #parse(contentType: string | null, body: string): unknown {
    if (body === "") return undefined;
    if (!isJson(contentType)) return body;
    try {
      return JSON.parse(body) as unknown;
    } catch {
      return body;
    }
  }

  #responseOf(call: Call, status: number): readonly [string | null, models.Codec | null] {
    const exact = call.responses[String(status)];
    if (exact !== undefined) return exact;
    const range = call.responses[`${String(status)[0]}XX`];
    if (range !== undefined) return range;
    return call.responses["default"] ?? [null, null];
  }
}

/**
 * LS Atlas case billing API
 *
 * Add CPT billing codes to a treatment of a case.
 *
 * Credentials and options are set once; each method takes its parameters and, last, per-request options. `withRawResponse` has the same methods answering `{ data, response }`.
 */
export class LsatlasClient {
  /** The same operations, answering with the decoded result and the raw response. */
  readonly withRawResponse: WithRawResponse;
  readonly #options: ClientOptions;
  readonly #transport: Transport;

  constructor(options: ClientOptions = {}) {
    this.#options = { ...options };
    this.#transport = new Transport(this.#options);
    this.withRawResponse = {
      addCaseTreatmentCptCodes: (params: AddCaseTreatmentCptCodesParams, options?: RequestOptions) =>
        this.#addCaseTreatmentCptCodes(params, options),
    };
  }

  /**
   * Add CPT billing codes to a case treatment
   *
   * Attaches every billing procedure code in `case_billing_codes` to the treatment `treatmentId`
   * of the case `caseId`. The answer is `true` when the codes were stored.
   *
   * @param params - Parameters of the call and its body.
   * @param options - Per-request timeout, retries, headers and abort signal.
   * @returns The decoded answer.
   */
  async addCaseTreatmentCptCodes(params: AddCaseTreatmentCptCodesParams, options?: RequestOptions): Promise<models.Saved> {
    return (await this.#addCaseTreatmentCptCodes(params, options)).data;
  }

  async #addCaseTreatmentCptCodes(params: AddCaseTreatmentCptCodesParams, options?: RequestOptions): Promise<WithResponse<models.Saved>> {
    const answer = await this.#transport.call(
      {
        method: "POST",
        path: "/api/case/{caseId}/treatment/{treatmentId}/cpt_code",
        pathParams: {
          "caseId": params.caseId,
          "treatmentId": params.treatmentId,
        },
        query: {
        },
        headers: {
        },
        body: models.codecs.ref("AddBillingCodeModel").toWire(params.body),
        contentType: "application/json",
        accept: "application/json, text/json",
        security: [],
        idempotent: false,
        responses: {
          "200": [null, null],
          "400": [null, models.codecs.ref("AspNetError")],
          "408": [null, models.codecs.ref("AspNetError")],
          "413": [null, models.codecs.ref("AspNetError")],
          "415": [null, models.codecs.ref("AspNetError")],
          "431": [null, models.codecs.ref("AspNetError")],
          "503": [null, models.codecs.ref("AspNetError")],
        },
      },
      options,
    );
    return answer as WithResponse<models.Saved>;
  }
}
