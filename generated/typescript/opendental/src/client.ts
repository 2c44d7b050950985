// Generated from the OpenAPI document; do not edit.
// Open Dental insurance benefits API, version 23.2.62: the client.

import { APIConnectionError, APITimeoutError, statusError, type RawResponse } from "./errors.js";
import * as models from "./models.js";

/** Default base URL (the first server of the API description). */
export const DEFAULT_BASE_URL = "https://api.opendental.com/api/v1";
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
  /** Base URL of the API, without a trailing slash. Default: `https://api.opendental.com/api/v1`. */
  baseUrl?: string;
  /**
   * Credential `developerKey` of the `ODFHIR` security scheme. `Authorization: ODFHIR
   * {DeveloperKey}/{CustomerKey}`: the word `ODFHIR`, a space, the developer key issued by Open
   * Dental, a slash, and the customer key of the office. (`x-credentials.template` tells
   * generated clients to take the two keys separately.)
   */
  developerKey?: string;
  /**
   * Credential `customerKey` of the `ODFHIR` security scheme. `Authorization: ODFHIR
   * {DeveloperKey}/{CustomerKey}`: the word `ODFHIR`, a space, the developer key issued by Open
   * Dental, a slash, and the customer key of the office. (`x-credentials.template` tells
   * generated clients to take the two keys separately.)
   */
  customerKey?: string;
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

/** Parameters of `listBenefits`. */
export interface ListBenefitsParams {
  /**
   * Insurance plan whose benefits to list (FK to InsPlan.PlanNum).
   *
   * Sent as the query parameter `PlanNum`. Format: `int64`.
   */
  planNum?: models.ForeignKey;
  /**
   * Patient plan whose benefits to list (FK to PatPlan.PatPlanNum).
   *
   * Sent as the query parameter `PatPlanNum`. Format: `int64`.
   */
  patPlanNum?: models.ForeignKey;
}

/** Parameters of `createBenefit`. */
export interface CreateBenefitParams {
  /** The request body (sent as application/json). */
  body: models.BenefitCreate;
}

/** Parameters of `updateBenefit`. */
export interface UpdateBenefitParams {
  /**
   * The benefit's key.
   *
   * Sent as the path parameter `BenefitNum`. Format: `int64`.
   */
  benefitNum: models.PrimaryKey;
  /** The request body (sent as application/json). */
  body: models.BenefitUpdate;
}

/** Parameters of `deleteBenefit`. */
export interface DeleteBenefitParams {
  /**
   * The benefit's key.
   *
   * Sent as the path parameter `BenefitNum`. Format: `int64`.
   */
  benefitNum: models.PrimaryKey;
}

/** Every operation, answering with the decoded result and the raw response. */
export interface WithRawResponse {
  /** `listBenefits` with the raw response. */
  listBenefits(params?: ListBenefitsParams, options?: RequestOptions): Promise<WithResponse<models.Benefit[]>>;
  /** `createBenefit` with the raw response. */
  createBenefit(params: CreateBenefitParams, options?: RequestOptions): Promise<WithResponse<models.Benefit>>;
  /** `updateBenefit` with the raw response. */
  updateBenefit(params: UpdateBenefitParams, options?: RequestOptions): Promise<WithResponse<models.Benefit>>;
  /** `deleteBenefit` with the raw response. */
  deleteBenefit(params: DeleteBenefitParams, options?: RequestOptions): Promise<WithResponse<void>>;
}

type Credentials = Pick<ClientOptions, "developerKey" | "customerKey" | never>;

interface Scheme {
  location: "header" | "query" | "cookie";
  name: string;
  value(credentials: Credentials): string | undefined;
}

const SCHEMES: Record<string, Scheme> = {
  "ODFHIR": {
    location: "header",
    name: "Authorization",
    value: (c) =>
      c.developerKey === undefined || c.customerKey === undefined ? undefined : "ODFHIR " + c.developerKey + "/" + c.customerKey,
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
 * Open Dental insurance benefits API
 *
 * List, create, update and delete the insurance benefits of a plan or patient plan.
 *
 * Credentials and options are set once; each method takes its parameters and, last, per-request options. `withRawResponse` has the same methods answering `{ data, response }`.
 */
export class OpendentalClient {
  /** The same operations, answering with the decoded result and the raw response. */
  readonly withRawResponse: WithRawResponse;
  readonly #options: ClientOptions;
  readonly #transport: Transport;

  constructor(options: ClientOptions = {}) {
    this.#options = { ...options };
    this.#transport = new Transport(this.#options);
    this.withRawResponse = {
      listBenefits: (params: ListBenefitsParams = {}, options?: RequestOptions) =>
        this.#listBenefits(params, options),
      createBenefit: (params: CreateBenefitParams, options?: RequestOptions) =>
        this.#createBenefit(params, options),
      updateBenefit: (params: UpdateBenefitParams, options?: RequestOptions) =>
        this.#updateBenefit(params, options),
      deleteBenefit: (params: DeleteBenefitParams, options?: RequestOptions) =>
        this.#deleteBenefit(params, options),
    };
  }

  /**
   * List the benefits of a plan or patient plan
   *
   * Lists the benefits of the insurance plan `PlanNum` or of the patient plan `PatPlanNum`. Both
   * filters are optional since version 23.2.62 (one of them was required before). Empty
   * `Percent` and `MonetaryAmt` are -1.
   *
   * @param params - Parameters of the call.
   * @param options - Per-request timeout, retries, headers and abort signal.
   * @returns The decoded answer.
   */
  async listBenefits(params: ListBenefitsParams = {}, options?: RequestOptions): Promise<models.Benefit[]> {
    return (await this.#listBenefits(params, options)).data;
  }

  async #listBenefits(params: ListBenefitsParams, options?: RequestOptions): Promise<WithResponse<models.Benefit[]>> {
    const answer = await this.#transport.call(
      {
        method: "GET",
        path: "/benefits",
        pathParams: {
        },
        query: {
          "PlanNum": params.planNum,
          "PatPlanNum": params.patPlanNum,
        },
        headers: {
        },
        accept: "application/json",
        security: [["ODFHIR"]],
        idempotent: true,
        responses: {
          "200": [null, models.codecs.array(models.codecs.ref("Benefit"))],
          "400": [null, null],
          "401": [null, null],
          "404": [null, null],
          "431": [null, null],
          "503": [null, null],
        },
      },
      options,
    );
    return answer as WithResponse<models.Benefit[]>;
  }

  /**
   * Create a benefit
   *
   * Creates a benefit for the insurance plan `PlanNum` or the patient plan `PatPlanNum` (one of
   * them is required). See the vendor's "Edit Benefits - Row View" for what each combination
   * means. The server assigns `BenefitNum`, `SecDateTEntry` and `SecDateTEdit`.
   *
   * @param params - Parameters of the call and its body.
   * @param options - Per-request timeout, retries, headers and abort signal.
   * @returns The decoded answer.
   */
  async createBenefit(params: CreateBenefitParams, options?: RequestOptions): Promise<models.Benefit> {
    return (await this.#createBenefit(params, options)).data;
  }

  async #createBenefit(params: CreateBenefitParams, options?: RequestOptions): Promise<WithResponse<models.Benefit>> {
    const answer = await this.#transport.call(
      {
        method: "POST",
        path: "/benefits",
        pathParams: {
        },
        query: {
        },
        headers: {
        },
        body: models.codecs.ref("BenefitCreate").toWire(params.body),
        contentType: "application/json",
        accept: "application/json",
        security: [["ODFHIR"]],
        idempotent: false,
        responses: {
          "201": [null, models.codecs.ref("Benefit")],
          "400": [null, null],
          "401": [null, null],
          "404": [null, null],
          "408": [null, null],
          "413": [null, null],
          "415": [null, null],
          "431": [null, null],
          "503": [null, null],
        },
      },
      options,
    );
    return answer as WithResponse<models.Benefit>;
  }

  /**
   * Update a benefit
   *
   * Changes the members of the benefit `BenefitNum` that the body carries; the others keep their
   * value. The cross-field rules hold for the benefit as stored after the change. `PlanNum`,
   * `PatPlanNum` and `CodeGroupNum` cannot be changed.
   *
   * @param params - Parameters of the call and its body.
   * @param options - Per-request timeout, retries, headers and abort signal.
   * @returns The decoded answer.
   */
  async updateBenefit(params: UpdateBenefitParams, options?: RequestOptions): Promise<models.Benefit> {
    return (await this.#updateBenefit(params, options)).data;
  }

  async #updateBenefit(params: UpdateBenefitParams, options?: RequestOptions): Promise<WithResponse<models.Benefit>> {
    const answer = await this.#transport.call(
      {
        method: "PUT",
        path: "/benefits/{BenefitNum}",
        pathParams: {
          "BenefitNum": params.benefitNum,
        },
        query: {
        },
        headers: {
        },
        body: models.codecs.ref("BenefitUpdate").toWire(params.body),
        contentType: "application/json",
        accept: "application/json",
        security: [["ODFHIR"]],
        idempotent: true,
        responses: {
          "200": [null, models.codecs.ref("Benefit")],
          "400": [null, null],
          "401": [null, null],
          "404": [null, null],
          "408": [null, null],
          "413": [null, null],
          "415": [null, null],
          "431": [null, null],
          "503": [null, null],
        },
      },
      options,
    );
    return answer as WithResponse<models.Benefit>;
  }

  /**
   * Delete a benefit
   *
   * Deletes the benefit `BenefitNum`. The vendor documents no response body.
   *
   * @param params - Parameters of the call.
   * @param options - Per-request timeout, retries, headers and abort signal.
   */
  async deleteBenefit(params: DeleteBenefitParams, options?: RequestOptions): Promise<void> {
    return (await this.#deleteBenefit(params, options)).data;
  }

  async #deleteBenefit(params: DeleteBenefitParams, options?: RequestOptions): Promise<WithResponse<void>> {
    const answer = await this.#transport.call(
      {
        method: "DELETE",
        path: "/benefits/{BenefitNum}",
        pathParams: {
          "BenefitNum": params.benefitNum,
        },
        query: {
        },
        headers: {
        },
        accept: "application/json",
        security: [["ODFHIR"]],
        idempotent: true,
        responses: {
          "200": [null, null],
          "400": [null, null],
          "401": [null, null],
          "404": [null, null],
          "431": [null, null],
          "503": [null, null],
        },
      },
      options,
    );
    return answer as WithResponse<void>;
  }
}
