// Generated from the OpenAPI document; do not edit.
// VBA Software plan benefit levels and plan modifiers API, version v1: the client.

import { APIConnectionError, APITimeoutError, statusError, type RawResponse } from "./errors.js";
import * as models from "./models.js";

/** Default base URL (the first server of the API description). */
export const DEFAULT_BASE_URL = "https://vbapi.vbasoftware.com/vbasoftware";
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
  /** Base URL of the API, without a trailing slash. Default: `https://vbapi.vbasoftware.com/vbasoftware`. */
  baseUrl?: string;
  /**
   * Credential `apiKey` of the `apiKeyAuth` security scheme. The API key VBA issues to the
   * client.
   */
  apiKey?: string;
  /**
   * Credential `bearerToken` of the `bearerAuth` security scheme. A bearer token (JWT) obtained
   * from VBA's authentication endpoint.
   */
  bearerToken?: string;
  /**
   * Name of the client database the call works on. Required on every call.
   *
   * Sent as the `vbasoftware-database` header of every call; a call can override it.
   */
  vbasoftwareDatabase?: string;
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

/** Parameters of `listPlanBenefitLevel`. */
export interface ListPlanBenefitLevelParams {
  /**
   * The plan (`Plan_ID`). At most 20 characters, the length of the `plan_ID` member it matches.
   *
   * Sent as the path parameter `planID`.
   */
  planId: string;
  /**
   * The plan benefit (`Benefit_Code`). 1 to 50 characters, the length of the `benefit_Code`
   * member it matches.
   *
   * Sent as the path parameter `benefitCode`.
   */
  benefitCode: string;
  /**
   * Name of the client database the call works on. Required on every call.
   *
   * Sent as the header parameter `vbasoftware-database`. Defaults to the client option
   * `vbasoftwareDatabase`.
   */
  vbasoftwareDatabase?: string;
}

/** Parameters of `createPlanBenefitLevel`. */
export interface CreatePlanBenefitLevelParams {
  /**
   * The plan (`Plan_ID`). At most 20 characters, the length of the `plan_ID` member it matches.
   *
   * Sent as the path parameter `planID`.
   */
  planId: string;
  /**
   * The plan benefit (`Benefit_Code`). 1 to 50 characters, the length of the `benefit_Code`
   * member it matches.
   *
   * Sent as the path parameter `benefitCode`.
   */
  benefitCode: string;
  /**
   * Name of the client database the call works on. Required on every call.
   *
   * Sent as the header parameter `vbasoftware-database`. Defaults to the client option
   * `vbasoftwareDatabase`.
   */
  vbasoftwareDatabase?: string;
  /** The request body (sent as application/json). */
  body: models.PlanBenefitLevel;
}

/** Parameters of `getPlanBenefitLevel`. */
export interface GetPlanBenefitLevelParams {
  /**
   * The plan (`Plan_ID`). At most 20 characters, the length of the `plan_ID` member it matches.
   *
   * Sent as the path parameter `planID`.
   */
  planId: string;
  /**
   * The plan benefit (`Benefit_Code`). 1 to 50 characters, the length of the `benefit_Code`
   * member it matches.
   *
   * Sent as the path parameter `benefitCode`.
   */
  benefitCode: string;
  /**
   * Key of the benefit level.
   *
   * Sent as the path parameter `planBenefitLevelKey`. Format: `int32`.
   */
  planBenefitLevelKey: number;
  /**
   * Name of the client database the call works on. Required on every call.
   *
   * Sent as the header parameter `vbasoftware-database`. Defaults to the client option
   * `vbasoftwareDatabase`.
   */
  vbasoftwareDatabase?: string;
}

/** Parameters of `updatePlanBenefitLevel`. */
export interface UpdatePlanBenefitLevelParams {
  /**
   * The plan (`Plan_ID`). At most 20 characters, the length of the `plan_ID` member it matches.
   *
   * Sent as the path parameter `planID`.
   */
  planId: string;
  /**
   * The plan benefit (`Benefit_Code`). 1 to 50 characters, the length of the `benefit_Code`
   * member it matches.
   *
   * Sent as the path parameter `benefitCode`.
   */
  benefitCode: string;
  /**
   * Key of the benefit level.
   *
   * Sent as the path parameter `planBenefitLevelKey`. Format: `int32`.
   */
  planBenefitLevelKey: number;
  /**
   * Name of the client database the call works on. Required on every call.
   *
   * Sent as the header parameter `vbasoftware-database`. Defaults to the client option
   * `vbasoftwareDatabase`.
   */
  vbasoftwareDatabase?: string;
  /** The request body (sent as application/json). */
  body: models.PlanBenefitLevel;
}

/** Parameters of `deletePlanBenefitLevel`. */
export interface DeletePlanBenefitLevelParams {
  /**
   * The plan (`Plan_ID`). At most 20 characters, the length of the `plan_ID` member it matches.
   *
   * Sent as the path parameter `planID`.
   */
  planId: string;
  /**
   * The plan benefit (`Benefit_Code`). 1 to 50 characters, the length of the `benefit_Code`
   * member it matches.
   *
   * Sent as the path parameter `benefitCode`.
   */
  benefitCode: string;
  /**
   * Key of the benefit level.
   *
   * Sent as the path parameter `planBenefitLevelKey`. Format: `int32`.
   */
  planBenefitLevelKey: number;
  /**
   * Name of the client database the call works on. Required on every call.
   *
   * Sent as the header parameter `vbasoftware-database`. Defaults to the client option
   * `vbasoftwareDatabase`.
   */
  vbasoftwareDatabase?: string;
}

/** Parameters of `updateBatchPlanBenefitLevel`. */
export interface UpdateBatchPlanBenefitLevelParams {
  /**
   * The plan (`Plan_ID`). At most 20 characters, the length of the `plan_ID` member it matches.
   *
   * Sent as the path parameter `planID`.
   */
  planId: string;
  /**
   * The plan benefit (`Benefit_Code`). 1 to 50 characters, the length of the `benefit_Code`
   * member it matches.
   *
   * Sent as the path parameter `benefitCode`.
   */
  benefitCode: string;
  /**
   * Name of the client database the call works on. Required on every call.
   *
   * Sent as the header parameter `vbasoftware-database`. Defaults to the client option
   * `vbasoftwareDatabase`.
   */
  vbasoftwareDatabase?: string;
  /** The request body (sent as application/json). */
  body: models.PlanBenefitLevelList;
}

/** Parameters of `listPlanModifier`. */
export interface ListPlanModifierParams {
  /**
   * The plan (`Plan_ID`). At most 20 characters, the length of the `plan_ID` member it matches.
   *
   * Sent as the path parameter `planID`.
   */
  planId: string;
  /**
   * Name of the client database the call works on. Required on every call.
   *
   * Sent as the header parameter `vbasoftware-database`. Defaults to the client option
   * `vbasoftwareDatabase`.
   */
  vbasoftwareDatabase?: string;
}

/** Parameters of `createPlanModifier`. */
export interface CreatePlanModifierParams {
  /**
   * The plan (`Plan_ID`). At most 20 characters, the length of the `plan_ID` member it matches.
   *
   * Sent as the path parameter `planID`.
   */
  planId: string;
  /**
   * Name of the client database the call works on. Required on every call.
   *
   * Sent as the header parameter `vbasoftware-database`. Defaults to the client option
   * `vbasoftwareDatabase`.
   */
  vbasoftwareDatabase?: string;
  /** The request body (sent as application/json). */
  body: models.PlanModifier;
}

/** Parameters of `getPlanModifier`. */
export interface GetPlanModifierParams {
  /**
   * The plan (`Plan_ID`). At most 20 characters, the length of the `plan_ID` member it matches.
   *
   * Sent as the path parameter `planID`.
   */
  planId: string;
  /**
   * The modifier the rule applies to; 1 to 8 characters, like the `modifier` member.
   *
   * Sent as the path parameter `modifier`.
   */
  modifier: string;
  /**
   * When the rule becomes effective, as an RFC 3339 date-time (percent-encode `:` and `+` in the
   * path).
   *
   * Sent as the path parameter `effectiveDate`. Format: `date-time`.
   */
  effectiveDate: string;
  /**
   * Name of the client database the call works on. Required on every call.
   *
   * Sent as the header parameter `vbasoftware-database`. Defaults to the client option
   * `vbasoftwareDatabase`.
   */
  vbasoftwareDatabase?: string;
}

/** Parameters of `updatePlanModifier`. */
export interface UpdatePlanModifierParams {
  /**
   * The plan (`Plan_ID`). At most 20 characters, the length of the `plan_ID` member it matches.
   *
   * Sent as the path parameter `planID`.
   */
  planId: string;
  /**
   * The modifier the rule applies to; 1 to 8 characters, like the `modifier` member.
   *
   * Sent as the path parameter `modifier`.
   */
  modifier: string;
  /**
   * When the rule becomes effective, as an RFC 3339 date-time (percent-encode `:` and `+` in the
   * path).
   *
   * Sent as the path parameter `effectiveDate`. Format: `date-time`.
   */
  effectiveDate: string;
  /**
   * Name of the client database the call works on. Required on every call.
   *
   * Sent as the header parameter `vbasoftware-database`. Defaults to the client option
   * `vbasoftwareDatabase`.
   */
  vbasoftwareDatabase?: string;
  /** The request body (sent as application/json). */
  body: models.PlanModifier;
}

/** Parameters of `deletePlanModifier`. */
export interface DeletePlanModifierParams {
  /**
   * The plan (`Plan_ID`). At most 20 characters, the length of the `plan_ID` member it matches.
   *
   * Sent as the path parameter `planID`.
   */
  planId: string;
  /**
   * The modifier the rule applies to; 1 to 8 characters, like the `modifier` member.
   *
   * Sent as the path parameter `modifier`.
   */
  modifier: string;
  /**
   * When the rule becomes effective, as an RFC 3339 date-time (percent-encode `:` and `+` in the
   * path).
   *
   * Sent as the path parameter `effectiveDate`. Format: `date-time`.
   */
  effectiveDate: string;
  /**
   * Name of the client database the call works on. Required on every call.
   *
   * Sent as the header parameter `vbasoftware-database`. Defaults to the client option
   * `vbasoftwareDatabase`.
   */
  vbasoftwareDatabase?: string;
}

/** Parameters of `updateBatchPlanModifier`. */
export interface UpdateBatchPlanModifierParams {
  /**
   * The plan (`Plan_ID`). At most 20 characters, the length of the `plan_ID` member it matches.
   *
   * Sent as the path parameter `planID`.
   */
  planId: string;
  /**
   * Name of the client database the call works on. Required on every call.
   *
   * Sent as the header parameter `vbasoftware-database`. Defaults to the client option
   * `vbasoftwareDatabase`.
   */
  vbasoftwareDatabase?: string;
  /** The request body (sent as application/json). */
  body: models.PlanModifierList;
}

/** Every operation, answering with the decoded result and the raw response. */
export interface WithRawResponse {
  /** `listPlanBenefitLevel` with the raw response. */
  listPlanBenefitLevel(params: ListPlanBenefitLevelParams, options?: RequestOptions): Promise<WithResponse<models.PlanBenefitLevel[] | null>>;
  /** `createPlanBenefitLevel` with the raw response. */
  createPlanBenefitLevel(params: CreatePlanBenefitLevelParams, options?: RequestOptions): Promise<WithResponse<models.PlanBenefitLevel | null>>;
  /** `getPlanBenefitLevel` with the raw response. */
  getPlanBenefitLevel(params: GetPlanBenefitLevelParams, options?: RequestOptions): Promise<WithResponse<models.PlanBenefitLevel | null>>;
  /** `updatePlanBenefitLevel` with the raw response. */
  updatePlanBenefitLevel(params: UpdatePlanBenefitLevelParams, options?: RequestOptions): Promise<WithResponse<models.PlanBenefitLevel | null>>;
  /** `deletePlanBenefitLevel` with the raw response. */
  deletePlanBenefitLevel(params: DeletePlanBenefitLevelParams, options?: RequestOptions): Promise<WithResponse<void>>;
  /** `updateBatchPlanBenefitLevel` with the raw response. */
  updateBatchPlanBenefitLevel(params: UpdateBatchPlanBenefitLevelParams, options?: RequestOptions): Promise<WithResponse<models.MultiCodeResponse[] | null>>;
  /** `listPlanModifier` with the raw response. */
  listPlanModifier(params: ListPlanModifierParams, options?: RequestOptions): Promise<WithResponse<models.PlanModifier[] | null>>;
  /** `createPlanModifier` with the raw response. */
  createPlanModifier(params: CreatePlanModifierParams, options?: RequestOptions): Promise<WithResponse<models.PlanModifier | null>>;
  /** `getPlanModifier` with the raw response. */
  getPlanModifier(params: GetPlanModifierParams, options?: RequestOptions): Promise<WithResponse<models.PlanModifier | null>>;
  /** `updatePlanModifier` with the raw response. */
  updatePlanModifier(params: UpdatePlanModifierParams, options?: RequestOptions): Promise<WithResponse<models.PlanModifier | null>>;
  /** `deletePlanModifier` with the raw response. */
  deletePlanModifier(params: DeletePlanModifierParams, options?: RequestOptions): Promise<WithResponse<void>>;
  /** `updateBatchPlanModifier` with the raw response. */
  updateBatchPlanModifier(params: UpdateBatchPlanModifierParams, options?: RequestOptions): Promise<WithResponse<models.MultiCodeResponse[] | null>>;
}

type Credentials = Pick<ClientOptions, "apiKey" | "bearerToken" | never>;

interface Scheme {
  location: "header" | "query" | "cookie";
  name: string;
  value(credentials: Credentials): string | undefined;
}

const SCHEMES: Record<string, Scheme> = {
  "apiKeyAuth": {
    location: "header",
    name: "x-api-key",
    value: (c) =>
      c.apiKey === undefined ? undefined : c.apiKey,
  },
  "bearerAuth": {
    location: "header",
    name: "Authorization",
    value: (c) =>
      c.bearerToken === undefined ? undefined : "Bearer " + c.bearerToken,
  },
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
 * VBA Software plan benefit levels and plan modifiers API
 *
 * Manage the benefit levels and the modifier rules of health plans in VBA Software.
 *
 * Credentials and options are set once; each method takes its parameters and, last, per-request options. `withRawResponse` has the same methods answering `{ data, response }`.
 */
export class VbaClient {
  /** The same operations, answering with the decoded result and the raw response. */
  readonly withRawResponse: WithRawResponse;
  readonly #options: ClientOptions;
  readonly #transport: Transport;

  constructor(options: ClientOptions = {}) {
    this.#options = { ...options };
    this.#transport = new Transport(this.#options);
    this.withRawResponse = {
      listPlanBenefitLevel: (params: ListPlanBenefitLevelParams, options?: RequestOptions) =>
        this.#listPlanBenefitLevel(params, options),
      createPlanBenefitLevel: (params: CreatePlanBenefitLevelParams, options?: RequestOptions) =>
        this.#createPlanBenefitLevel(params, options),
      getPlanBenefitLevel: (params: GetPlanBenefitLevelParams, options?: RequestOptions) =>
        this.#getPlanBenefitLevel(params, options),
      updatePlanBenefitLevel: (params: UpdatePlanBenefitLevelParams, options?: RequestOptions) =>
        this.#updatePlanBenefitLevel(params, options),
      deletePlanBenefitLevel: (params: DeletePlanBenefitLevelParams, options?: RequestOptions) =>
        this.#deletePlanBenefitLevel(params, options),
      updateBatchPlanBenefitLevel: (params: UpdateBatchPlanBenefitLevelParams, options?: RequestOptions) =>
        this.#updateBatchPlanBenefitLevel(params, options),
      listPlanModifier: (params: ListPlanModifierParams, options?: RequestOptions) =>
        this.#listPlanModifier(params, options),
      createPlanModifier: (params: CreatePlanModifierParams, options?: RequestOptions) =>
        this.#createPlanModifier(params, options),
      getPlanModifier: (params: GetPlanModifierParams, options?: RequestOptions) =>
        this.#getPlanModifier(params, options),
      updatePlanModifier: (params: UpdatePlanModifierParams, options?: RequestOptions) =>
        this.#updatePlanModifier(params, options),
      deletePlanModifier: (params: DeletePlanModifierParams, options?: RequestOptions) =>
        this.#deletePlanModifier(params, options),
      updateBatchPlanModifier: (params: UpdateBatchPlanModifierParams, options?: RequestOptions) =>
        this.#updateBatchPlanModifier(params, options),
    };
  }

  /**
   * List the benefit levels of a plan benefit
   *
   * Lists every benefit level of the benefit `benefitCode` of the plan `planID`.
   *
   * @param params - Parameters of the call.
   * @param options - Per-request timeout, retries, headers and abort signal.
   * @returns The `data` member of the answer.
   */
  async listPlanBenefitLevel(params: ListPlanBenefitLevelParams, options?: RequestOptions): Promise<models.PlanBenefitLevel[] | null> {
    return (await this.#listPlanBenefitLevel(params, options)).data;
  }

  async #listPlanBenefitLevel(params: ListPlanBenefitLevelParams, options?: RequestOptions): Promise<WithResponse<models.PlanBenefitLevel[] | null>> {
    const answer = await this.#transport.call(
      {
        method: "GET",
        path: "/plans/{planID}/benefits/{benefitCode}/levels",
        pathParams: {
          "planID": params.planId,
          "benefitCode": params.benefitCode,
        },
        query: {
        },
        headers: {
          "vbasoftware-database": params.vbasoftwareDatabase ?? this.#options.vbasoftwareDatabase,
        },
        accept: "application/json, text/json",
        security: [["apiKeyAuth", "bearerAuth"]],
        idempotent: true,
        responses: {
          "200": ["data", models.codecs.array(models.codecs.ref("PlanBenefitLevel"))],
          "400": ["error", models.codecs.ref("VbaProblemDetails")],
          "401": ["error", models.codecs.ref("VbaProblemDetails")],
          "431": ["error", models.codecs.ref("VbaProblemDetails")],
          "503": ["error", models.codecs.ref("VbaProblemDetails")],
        },
      },
      options,
    );
    return answer as WithResponse<models.PlanBenefitLevel[] | null>;
  }

  /**
   * Create a plan benefit level
   *
   * Adds a benefit level to the benefit `benefitCode` of the plan `planID`. The vendor answers
   * `200` (not `201`) with the stored level.
   *
   * @param params - Parameters of the call and its body.
   * @param options - Per-request timeout, retries, headers and abort signal.
   * @returns The `data` member of the answer.
   */
  async createPlanBenefitLevel(params: CreatePlanBenefitLevelParams, options?: RequestOptions): Promise<models.PlanBenefitLevel | null> {
    return (await this.#createPlanBenefitLevel(params, options)).data;
  }

  async #createPlanBenefitLevel(params: CreatePlanBenefitLevelParams, options?: RequestOptions): Promise<WithResponse<models.PlanBenefitLevel | null>> {
    const answer = await this.#transport.call(
      {
        method: "POST",
        path: "/plans/{planID}/benefits/{benefitCode}/levels",
        pathParams: {
          "planID": params.planId,
          "benefitCode": params.benefitCode,
        },
        query: {
        },
        headers: {
          "vbasoftware-database": params.vbasoftwareDatabase ?? this.#options.vbasoftwareDatabase,
        },
        body: models.codecs.ref("PlanBenefitLevel").toWire(params.body),
        contentType: "application/json",
        accept: "application/json, text/json",
        security: [["apiKeyAuth", "bearerAuth"]],
        idempotent: false,
        responses: {
          "200": ["data", models.codecs.ref("PlanBenefitLevel")],
          "400": ["error", models.codecs.ref("VbaProblemDetails")],
          "401": ["error", models.codecs.ref("VbaProblemDetails")],
          "408": ["error", models.codecs.ref("VbaProblemDetails")],
          "413": ["error", models.codecs.ref("VbaProblemDetails")],
          "415": ["error", models.codecs.ref("VbaProblemDetails")],
          "431": ["error", models.codecs.ref("VbaProblemDetails")],
          "503": ["error", models.codecs.ref("VbaProblemDetails")],
        },
      },
      options,
    );
    return answer as WithResponse<models.PlanBenefitLevel | null>;
  }

  /**
   * Get a plan benefit level
   *
   * Returns the benefit level `planBenefitLevelKey` of the benefit `benefitCode` of the plan
   * `planID`.
   *
   * @param params - Parameters of the call.
   * @param options - Per-request timeout, retries, headers and abort signal.
   * @returns The `data` member of the answer.
   */
  async getPlanBenefitLevel(params: GetPlanBenefitLevelParams, options?: RequestOptions): Promise<models.PlanBenefitLevel | null> {
    return (await this.#getPlanBenefitLevel(params, options)).data;
  }

  async #getPlanBenefitLevel(params: GetPlanBenefitLevelParams, options?: RequestOptions): Promise<WithResponse<models.PlanBenefitLevel | null>> {
    const answer = await this.#transport.call(
      {
        method: "GET",
        path: "/plans/{planID}/benefits/{benefitCode}/levels/{planBenefitLevelKey}",
        pathParams: {
          "planID": params.planId,
          "benefitCode": params.benefitCode,
          "planBenefitLevelKey": params.planBenefitLevelKey,
        },
        query: {
        },
        headers: {
          "vbasoftware-database": params.vbasoftwareDatabase ?? this.#options.vbasoftwareDatabase,
        },
        accept: "application/json, text/json",
        security: [["apiKeyAuth", "bearerAuth"]],
        idempotent: true,
        responses: {
          "200": ["data", models.codecs.ref("PlanBenefitLevel")],
          "400": ["error", models.codecs.ref("VbaProblemDetails")],
          "401": ["error", models.codecs.ref("VbaProblemDetails")],
          "404": ["error", models.codecs.ref("VbaProblemDetails")],
          "431": ["error", models.codecs.ref("VbaProblemDetails")],
          "503": ["error", models.codecs.ref("VbaProblemDetails")],
        },
      },
      options,
    );
    return answer as WithResponse<models.PlanBenefitLevel | null>;
  }

  /**
   * Update a plan benefit level
   *
   * Replaces the benefit level `planBenefitLevelKey` with the body. The whole entity is sent,
   * with the same required members as on create.
   *
   * @param params - Parameters of the call and its body.
   * @param options - Per-request timeout, retries, headers and abort signal.
   * @returns The `data` member of the answer.
   */
  async updatePlanBenefitLevel(params: UpdatePlanBenefitLevelParams, options?: RequestOptions): Promise<models.PlanBenefitLevel | null> {
    return (await this.#updatePlanBenefitLevel(params, options)).data;
  }

  async #updatePlanBenefitLevel(params: UpdatePlanBenefitLevelParams, options?: RequestOptions): Promise<WithResponse<models.PlanBenefitLevel | null>> {
    const answer = await this.#transport.call(
      {
        method: "PUT",
        path: "/plans/{planID}/benefits/{benefitCode}/levels/{planBenefitLevelKey}",
        pathParams: {
          "planID": params.planId,
          "benefitCode": params.benefitCode,
          "planBenefitLevelKey": params.planBenefitLevelKey,
        },
        query: {
        },
        headers: {
          "vbasoftware-database": params.vbasoftwareDatabase ?? this.#options.vbasoftwareDatabase,
        },
        body: models.codecs.ref("PlanBenefitLevel").toWire(params.body),
        contentType: "application/json",
        accept: "application/json, text/json",
        security: [["apiKeyAuth", "bearerAuth"]],
        idempotent: true,
        responses: {
          "200": ["data", models.codecs.ref("PlanBenefitLevel")],
          "400": ["error", models.codecs.ref("VbaProblemDetails")],
          "401": ["error", models.codecs.ref("VbaProblemDetails")],
          "404": ["error", models.codecs.ref("VbaProblemDetails")],
          "408": ["error", models.codecs.ref("VbaProblemDetails")],
          "413": ["error", models.codecs.ref("VbaProblemDetails")],
          "415": ["error", models.codecs.ref("VbaProblemDetails")],
          "431": ["error", models.codecs.ref("VbaProblemDetails")],
          "503": ["error", models.codecs.ref("VbaProblemDetails")],
        },
      },
      options,
    );
    return answer as WithResponse<models.PlanBenefitLevel | null>;
  }

  /**
   * Delete a plan benefit level
   *
   * Deletes the benefit level `planBenefitLevelKey`.
   *
   * @param params - Parameters of the call.
   * @param options - Per-request timeout, retries, headers and abort signal.
   */
  async deletePlanBenefitLevel(params: DeletePlanBenefitLevelParams, options?: RequestOptions): Promise<void> {
    return (await this.#deletePlanBenefitLevel(params, options)).data;
  }

  async #deletePlanBenefitLevel(params: DeletePlanBenefitLevelParams, options?: RequestOptions): Promise<WithResponse<void>> {
    const answer = await this.#transport.call(
      {
        method: "DELETE",
        path: "/plans/{planID}/benefits/{benefitCode}/levels/{planBenefitLevelKey}",
        pathParams: {
          "planID": params.planId,
          "benefitCode": params.benefitCode,
          "planBenefitLevelKey": params.planBenefitLevelKey,
        },
        query: {
        },
        headers: {
          "vbasoftware-database": params.vbasoftwareDatabase ?? this.#options.vbasoftwareDatabase,
        },
        accept: "application/json",
        security: [["apiKeyAuth", "bearerAuth"]],
        idempotent: true,
        responses: {
          "204": [null, null],
          "400": ["error", models.codecs.ref("VbaProblemDetails")],
          "401": ["error", models.codecs.ref("VbaProblemDetails")],
          "404": ["error", models.codecs.ref("VbaProblemDetails")],
          "431": ["error", models.codecs.ref("VbaProblemDetails")],
          "503": ["error", models.codecs.ref("VbaProblemDetails")],
        },
      },
      options,
    );
    return answer as WithResponse<void>;
  }

  /**
   * Create or update many plan benefit levels
   *
   * Upserts every benefit level in the body: a level whose key exists is updated, any other is
   * created. Each item succeeds or fails on its own; the answer (`207`) has one result per item,
   * in order.
   *
   * @param params - Parameters of the call and its body.
   * @param options - Per-request timeout, retries, headers and abort signal.
   * @returns The `data` member of the answer.
   */
  async updateBatchPlanBenefitLevel(params: UpdateBatchPlanBenefitLevelParams, options?: RequestOptions): Promise<models.MultiCodeResponse[] | null> {
    return (await this.#updateBatchPlanBenefitLevel(params, options)).data;
  }

  async #updateBatchPlanBenefitLevel(params: UpdateBatchPlanBenefitLevelParams, options?: RequestOptions): Promise<WithResponse<models.MultiCodeResponse[] | null>> {
    const answer = await this.#transport.call(
      {
        method: "PUT",
        path: "/plans/{planID}/benefits/{benefitCode}/levels-batch",
        pathParams: {
          "planID": params.planId,
          "benefitCode": params.benefitCode,
        },
        query: {
        },
        headers: {
          "vbasoftware-database": params.vbasoftwareDatabase ?? this.#options.vbasoftwareDatabase,
        },
        body: models.codecs.ref("PlanBenefitLevelList").toWire(params.body),
        contentType: "application/json",
        accept: "application/json, text/json",
        security: [["apiKeyAuth", "bearerAuth"]],
        idempotent: true,
        responses: {
          "207": ["data", models.codecs.array(models.codecs.ref("MultiCodeResponse"))],
          "400": ["error", models.codecs.ref("VbaProblemDetails")],
          "401": ["error", models.codecs.ref("VbaProblemDetails")],
          "408": ["error", models.codecs.ref("VbaProblemDetails")],
          "413": ["error", models.codecs.ref("VbaProblemDetails")],
          "415": ["error", models.codecs.ref("VbaProblemDetails")],
          "431": ["error", models.codecs.ref("VbaProblemDetails")],
          "503": ["error", models.codecs.ref("VbaProblemDetails")],
        },
      },
      options,
    );
    return answer as WithResponse<models.MultiCodeResponse[] | null>;
  }

  /**
   * List the modifier rules of a plan
   *
   * Lists every modifier rule of the plan `planID`.
   *
   * @param params - Parameters of the call.
   * @param options - Per-request timeout, retries, headers and abort signal.
   * @returns The `data` member of the answer.
   */
  async listPlanModifier(params: ListPlanModifierParams, options?: RequestOptions): Promise<models.PlanModifier[] | null> {
    return (await this.#listPlanModifier(params, options)).data;
  }

  async #listPlanModifier(params: ListPlanModifierParams, options?: RequestOptions): Promise<WithResponse<models.PlanModifier[] | null>> {
    const answer = await this.#transport.call(
      {
        method: "GET",
        path: "/plans/{planID}/modifiers",
        pathParams: {
          "planID": params.planId,
        },
        query: {
        },
        headers: {
          "vbasoftware-database": params.vbasoftwareDatabase ?? this.#options.vbasoftwareDatabase,
        },
        accept: "application/json, text/json",
        security: [["apiKeyAuth", "bearerAuth"]],
        idempotent: true,
        responses: {
          "200": ["data", models.codecs.array(models.codecs.ref("PlanModifier"))],
          "400": ["error", models.codecs.ref("VbaProblemDetails")],
          "401": ["error", models.codecs.ref("VbaProblemDetails")],
          "431": ["error", models.codecs.ref("VbaProblemDetails")],
          "503": ["error", models.codecs.ref("VbaProblemDetails")],
        },
      },
      options,
    );
    return answer as WithResponse<models.PlanModifier[] | null>;
  }

  /**
   * Create a plan modifier rule
   *
   * Adds a modifier rule to the plan `planID`. A rule is identified by its plan, its `modifier`
   * and its `effective_Date`. The vendor answers `200` (not `201`) with the stored rule, and
   * `409` when a rule with the same key exists (the key is the table's primary key).
   *
   * @param params - Parameters of the call and its body.
   * @param options - Per-request timeout, retries, headers and abort signal.
   * @returns The `data` member of the answer.
   */
  async createPlanModifier(params: CreatePlanModifierParams, options?: RequestOptions): Promise<models.PlanModifier | null> {
    return (await this.#createPlanModifier(params, options)).data;
  }

  async #createPlanModifier(params: CreatePlanModifierParams, options?: RequestOptions): Promise<WithResponse<models.PlanModifier | null>> {
    const answer = await this.#transport.call(
      {
        method: "POST",
        path: "/plans/{planID}/modifiers",
        pathParams: {
          "planID": params.planId,
        },
        query: {
        },
        headers: {
          "vbasoftware-database": params.vbasoftwareDatabase ?? this.#options.vbasoftwareDatabase,
        },
        body: models.codecs.ref("PlanModifier").toWire(params.body),
        contentType: "application/json",
        accept: "application/json, text/json",
        security: [["apiKeyAuth", "bearerAuth"]],
        idempotent: false,
        responses: {
          "200": ["data", models.codecs.ref("PlanModifier")],
          "400": ["error", models.codecs.ref("VbaProblemDetails")],
          "401": ["error", models.codecs.ref("VbaProblemDetails")],
          "408": ["error", models.codecs.ref("VbaProblemDetails")],
          "409": ["error", models.codecs.ref("VbaProblemDetails")],
          "413": ["error", models.codecs.ref("VbaProblemDetails")],
          "415": ["error", models.codecs.ref("VbaProblemDetails")],
          "431": ["error", models.codecs.ref("VbaProblemDetails")],
          "503": ["error", models.codecs.ref("VbaProblemDetails")],
        },
      },
      options,
    );
    return answer as WithResponse<models.PlanModifier | null>;
  }

  /**
   * Get a plan modifier rule
   *
   * Returns the rule for `modifier` effective at `effectiveDate` of the plan `planID`.
   *
   * @param params - Parameters of the call.
   * @param options - Per-request timeout, retries, headers and abort signal.
   * @returns The `data` member of the answer.
   */
  async getPlanModifier(params: GetPlanModifierParams, options?: RequestOptions): Promise<models.PlanModifier | null> {
    return (await this.#getPlanModifier(params, options)).data;
  }

  async #getPlanModifier(params: GetPlanModifierParams, options?: RequestOptions): Promise<WithResponse<models.PlanModifier | null>> {
    const answer = await this.#transport.call(
      {
        method: "GET",
        path: "/plans/{planID}/modifiers/{modifier}/effective-dates/{effectiveDate}",
        pathParams: {
          "planID": params.planId,
          "modifier": params.modifier,
          "effectiveDate": params.effectiveDate,
        },
        query: {
        },
        headers: {
          "vbasoftware-database": params.vbasoftwareDatabase ?? this.#options.vbasoftwareDatabase,
        },
        accept: "application/json, text/json",
        security: [["apiKeyAuth", "bearerAuth"]],
        idempotent: true,
        responses: {
          "200": ["data", models.codecs.ref("PlanModifier")],
          "400": ["error", models.codecs.ref("VbaProblemDetails")],
          "401": ["error", models.codecs.ref("VbaProblemDetails")],
          "404": ["error", models.codecs.ref("VbaProblemDetails")],
          "431": ["error", models.codecs.ref("VbaProblemDetails")],
          "503": ["error", models.codecs.ref("VbaProblemDetails")],
        },
      },
      options,
    );
    return answer as WithResponse<models.PlanModifier | null>;
  }

  /**
   * Update a plan modifier rule
   *
   * Replaces the rule for `modifier` effective at `effectiveDate` with the body. The whole
   * entity is sent, with the same required members as on create.
   *
   * @param params - Parameters of the call and its body.
   * @param options - Per-request timeout, retries, headers and abort signal.
   * @returns The `data` member of the answer.
   */
  async updatePlanModifier(params: UpdatePlanModifierParams, options?: RequestOptions): Promise<models.PlanModifier | null> {
    return (await this.#updatePlanModifier(params, options)).data;
  }

  async #updatePlanModifier(params: UpdatePlanModifierParams, options?: RequestOptions): Promise<WithResponse<models.PlanModifier | null>> {
    const answer = await this.#transport.call(
      {
        method: "PUT",
        path: "/plans/{planID}/modifiers/{modifier}/effective-dates/{effectiveDate}",
        pathParams: {
          "planID": params.planId,
          "modifier": params.modifier,
          "effectiveDate": params.effectiveDate,
        },
        query: {
        },
        headers: {
          "vbasoftware-database": params.vbasoftwareDatabase ?? this.#options.vbasoftwareDatabase,
        },
        body: models.codecs.ref("PlanModifier").toWire(params.body),
        contentType: "application/json",
        accept: "application/json, text/json",
        security: [["apiKeyAuth", "bearerAuth"]],
        idempotent: true,
        responses: {
          "200": ["data", models.codecs.ref("PlanModifier")],
          "400": ["error", models.codecs.ref("VbaProblemDetails")],
          "401": ["error", models.codecs.ref("VbaProblemDetails")],
          "404": ["error", models.codecs.ref("VbaProblemDetails")],
          "408": ["error", models.codecs.ref("VbaProblemDetails")],
          "413": ["error", models.codecs.ref("VbaProblemDetails")],
          "415": ["error", models.codecs.ref("VbaProblemDetails")],
          "431": ["error", models.codecs.ref("VbaProblemDetails")],
          "503": ["error", models.codecs.ref("VbaProblemDetails")],
        },
      },
      options,
    );
    return answer as WithResponse<models.PlanModifier | null>;
  }

  /**
   * Delete a plan modifier rule
   *
   * Deletes the rule for `modifier` effective at `effectiveDate`.
   *
   * @param params - Parameters of the call.
   * @param options - Per-request timeout, retries, headers and abort signal.
   */
  async deletePlanModifier(params: DeletePlanModifierParams, options?: RequestOptions): Promise<void> {
    return (await this.#deletePlanModifier(params, options)).data;
  }

  async #deletePlanModifier(params: DeletePlanModifierParams, options?: RequestOptions): Promise<WithResponse<void>> {
    const answer = await this.#transport.call(
      {
        method: "DELETE",
        path: "/plans/{planID}/modifiers/{modifier}/effective-dates/{effectiveDate}",
        pathParams: {
          "planID": params.planId,
          "modifier": params.modifier,
          "effectiveDate": params.effectiveDate,
        },
        query: {
        },
        headers: {
          "vbasoftware-database": params.vbasoftwareDatabase ?? this.#options.vbasoftwareDatabase,
        },
        accept: "application/json",
        security: [["apiKeyAuth", "bearerAuth"]],
        idempotent: true,
        responses: {
          "204": [null, null],
          "400": ["error", models.codecs.ref("VbaProblemDetails")],
          "401": ["error", models.codecs.ref("VbaProblemDetails")],
          "404": ["error", models.codecs.ref("VbaProblemDetails")],
          "431": ["error", models.codecs.ref("VbaProblemDetails")],
          "503": ["error", models.codecs.ref("VbaProblemDetails")],
        },
      },
      options,
    );
    return answer as WithResponse<void>;
  }

  /**
   * Create or update many plan modifier rules
   *
   * Upserts every modifier rule in the body: a rule whose key (plan, modifier, effective date)
   * exists is updated, any other is created. Each item succeeds or fails on its own; the answer
   * (`207`) has one result per item, in order.
   *
   * @param params - Parameters of the call and its body.
   * @param options - Per-request timeout, retries, headers and abort signal.
   * @returns The `data` member of the answer.
   */
  async updateBatchPlanModifier(params: UpdateBatchPlanModifierParams, options?: RequestOptions): Promise<models.MultiCodeResponse[] | null> {
    return (await this.#updateBatchPlanModifier(params, options)).data;
  }

  async #updateBatchPlanModifier(params: UpdateBatchPlanModifierParams, options?: RequestOptions): Promise<WithResponse<models.MultiCodeResponse[] | null>> {
    const answer = await this.#transport.call(
      {
        method: "PUT",
        path: "/plans/{planID}/modifiers-batch",
        pathParams: {
          "planID": params.planId,
        },
        query: {
        },
        headers: {
          "vbasoftware-database": params.vbasoftwareDatabase ?? this.#options.vbasoftwareDatabase,
        },
        body: models.codecs.ref("PlanModifierList").toWire(params.body),
        contentType: "application/json",
        accept: "application/json, text/json",
        security: [["apiKeyAuth", "bearerAuth"]],
        idempotent: true,
        responses: {
          "207": ["data", models.codecs.array(models.codecs.ref("MultiCodeResponse"))],
          "400": ["error", models.codecs.ref("VbaProblemDetails")],
          "401": ["error", models.codecs.ref("VbaProblemDetails")],
          "408": ["error", models.codecs.ref("VbaProblemDetails")],
          "413": ["error", models.codecs.ref("VbaProblemDetails")],
          "415": ["error", models.codecs.ref("VbaProblemDetails")],
          "431": ["error", models.codecs.ref("VbaProblemDetails")],
          "503": ["error", models.codecs.ref("VbaProblemDetails")],
        },
      },
      options,
    );
    return answer as WithResponse<models.MultiCodeResponse[] | null>;
  }
}
