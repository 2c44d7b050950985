import * as models from "./models.js";
import * as rt from "./runtime.js";
/** Options of the client, set once. Unset credentials and the base URL are read from the environment. */
export interface ClientOptions {
    /** Base URL of the API, e.g. `https://localhost`. Default: the environment variable `LSATLAS_BASE_URL`, else the first server. */
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
    /** Log every request and answer, credentials redacted. Default: the environment variable `LSATLAS_LOG=debug`. */
    debug?: boolean;
    /** Where the debug log goes. Default: `console.error`. */
    logger?: (line: string) => void;
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
    /**
     * The request body (sent as application/json; `contentType` picks another of application/json,
     * text/json, application/xml, text/xml).
     */
    body: models.AddBillingCodeModel;
    /** The media type the body is sent as. */
    contentType?: "application/json" | "text/json" | "application/xml" | "text/xml";
}
/** Every operation, answering with the decoded result and the raw response. */
export interface WithRawResponse {
    /** `addCaseTreatmentCptCodes` with the raw response. */
    addCaseTreatmentCptCodes(params: AddCaseTreatmentCptCodesParams, options?: rt.RequestOptions): Promise<rt.WithResponse<models.Saved>>;
}
/**
 * LS Atlas case billing API
 *
 * Add CPT billing codes to a treatment of a case.
 *
 * Credentials and options are set once; each method takes its parameters and,
 * last, per-request options. `withRawResponse` has the same methods answering
 * `{ data, response }`.
 */
export declare class LsatlasClient {
    #private;
    /** The same operations, answering with the decoded result and the raw response. */
    readonly withRawResponse: WithRawResponse;
    constructor(options?: ClientOptions);
    /**
     * Add CPT billing codes to a case treatment
     *
     * Attaches every billing procedure code in `case_billing_codes` to the treatment `treatmentId` of
     * the case `caseId`. The answer is `true` when the codes were stored.
     *
     * @param params - The parameters of the call and its body.
     * @param options - Per-request timeout, retries, headers, abort signal, strict decoding.
     */
    addCaseTreatmentCptCodes(params: AddCaseTreatmentCptCodesParams, options?: rt.RequestOptions): Promise<models.Saved>;
}
