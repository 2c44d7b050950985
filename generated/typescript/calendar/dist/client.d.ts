import * as models from "./models.js";
import * as rt from "./runtime.js";
/** Options of the client, set once. Unset credentials and the base URL are read from the environment. */
export interface ClientOptions {
    /** Base URL of the API, e.g. `https://localhost`. Default: the environment variable `CALENDAR_BASE_URL`, else the first server. */
    baseUrl?: string;
    /** Timeout of one attempt in milliseconds. Default 60 s. */
    timeout?: number;
    /** Retries of an idempotent request (DELETE, GET, HEAD, OPTIONS, PUT). Default 2. */
    maxRetries?: number;
    /** Upper bound of the first retry delay in milliseconds (full jitter, doubled per retry). Default 500. */
    retryBaseDelay?: number;
    /** Upper bound of any retry delay in milliseconds, `Retry-After` included. Default 8000. */
    retryMaxDelay?: number;
    /** Headers sent with every request. */
    headers?: Record<string, string>;
    /** The `fetch` to use. Default: the global `fetch`. */
    fetch?: typeof fetch;
    /** Validate every answer fully against the spec (default: lenient, unknown values kept). */
    strict?: boolean;
    /** Log every request and answer, credentials redacted. Default: the environment variable `CALENDAR_LOG=debug`. */
    debug?: boolean;
    /** Where the debug log goes. Default: `console.error`. */
    logger?: (line: string) => void;
}
/** Parameters of `patientAppointmentPostV2`. */
export interface PatientAppointmentPostV2Params {
    /**
     * The request body (sent as application/json; `contentType` picks another of application/json,
     * text/json).
     */
    body: models.AppointmentModel;
    /** The media type the body is sent as. */
    contentType?: "application/json" | "text/json";
}
/** Every operation, answering with the decoded result and the raw response. */
export interface WithRawResponse {
    /** `patientAppointmentPostV2` with the raw response. */
    patientAppointmentPostV2(params: PatientAppointmentPostV2Params, options?: rt.RequestOptions): Promise<rt.WithResponse<models.ActionResult>>;
}
/**
 * Patient appointment booking API
 *
 * Book a patient appointment in a practice's calendar.
 *
 * Credentials and options are set once; each method takes its parameters and,
 * last, per-request options. `withRawResponse` has the same methods answering
 * `{ data, response }`.
 */
export declare class CalendarClient {
    #private;
    /** The same operations, answering with the decoded result and the raw response. */
    readonly withRawResponse: WithRawResponse;
    constructor(options?: ClientOptions);
    /**
     * Book a patient appointment
     *
     * Books an appointment on `AppointmentOn` for the patient, with the provider, encounter type and
     * service given, on behalf of the user `UserId` of the account `AccountId`.
     *
     * @param params - The parameters of the call and its body.
     * @param options - Per-request timeout, retries, headers, abort signal, strict decoding.
     */
    patientAppointmentPostV2(params: PatientAppointmentPostV2Params, options?: rt.RequestOptions): Promise<models.ActionResult>;
}
