import * as models from "./models.js";
import * as rt from "./runtime.js";
/** Options of the client, set once. Unset credentials and the base URL are read from the environment. */
export interface ClientOptions {
    /** Base URL of the API, e.g. `https://api.opendental.com/api/v1`. Default: the environment variable `OPENDENTAL_BASE_URL`, else the first server. */
    baseUrl?: string;
    /**
     * Credential `developerKey` of the `ODFHIR` security scheme.
     *
     * `Authorization: ODFHIR {DeveloperKey}/{CustomerKey}`: the word `ODFHIR`, a space, the developer
     * key issued by Open Dental, a slash, and the customer key of the office.
     * (`x-credentials.template` tells generated clients to take the two keys separately.)
     *
     * Default: the environment variable `OPENDENTAL_DEVELOPER_KEY`.
     */
    developerKey?: string;
    /**
     * Credential `customerKey` of the `ODFHIR` security scheme.
     *
     * `Authorization: ODFHIR {DeveloperKey}/{CustomerKey}`: the word `ODFHIR`, a space, the developer
     * key issued by Open Dental, a slash, and the customer key of the office.
     * (`x-credentials.template` tells generated clients to take the two keys separately.)
     *
     * Default: the environment variable `OPENDENTAL_CUSTOMER_KEY`.
     */
    customerKey?: string;
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
    /** Log every request and answer, credentials redacted. Default: the environment variable `OPENDENTAL_LOG=debug`. */
    debug?: boolean;
    /** Where the debug log goes. Default: `console.error`. */
    logger?: (line: string) => void;
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
    /**
     * The request body (sent as application/json).
     */
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
    /**
     * The request body (sent as application/json).
     */
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
    listBenefits(params?: ListBenefitsParams, options?: rt.RequestOptions): Promise<rt.WithResponse<models.Benefit[]>>;
    /** `createBenefit` with the raw response. */
    createBenefit(params: CreateBenefitParams, options?: rt.RequestOptions): Promise<rt.WithResponse<models.Benefit>>;
    /** `updateBenefit` with the raw response. */
    updateBenefit(params: UpdateBenefitParams, options?: rt.RequestOptions): Promise<rt.WithResponse<models.Benefit>>;
    /** `deleteBenefit` with the raw response. */
    deleteBenefit(params: DeleteBenefitParams, options?: rt.RequestOptions): Promise<rt.WithResponse<void>>;
}
/**
 * Open Dental insurance benefits API
 *
 * List, create, update and delete the insurance benefits of a plan or patient plan.
 *
 * Credentials and options are set once; each method takes its parameters and,
 * last, per-request options. `withRawResponse` has the same methods answering
 * `{ data, response }`.
 */
export declare class OpendentalClient {
    #private;
    /** The same operations, answering with the decoded result and the raw response. */
    readonly withRawResponse: WithRawResponse;
    constructor(options?: ClientOptions);
    /**
     * List the benefits of a plan or patient plan
     *
     * Lists the benefits of the insurance plan `PlanNum` or of the patient plan `PatPlanNum`. Both
     * filters are optional since version 23.2.62 (one of them was required before). Empty `Percent`
     * and `MonetaryAmt` are -1.
     *
     * @param params - The parameters of the call.
     * @param options - Per-request timeout, retries, headers, abort signal, strict decoding.
     */
    listBenefits(params?: ListBenefitsParams, options?: rt.RequestOptions): Promise<models.Benefit[]>;
    /**
     * Create a benefit
     *
     * Creates a benefit for the insurance plan `PlanNum` or the patient plan `PatPlanNum` (one of them
     * is required). See the vendor's "Edit Benefits - Row View" for what each combination means. The
     * server assigns `BenefitNum`, `SecDateTEntry` and `SecDateTEdit`.
     *
     * @param params - The parameters of the call and its body.
     * @param options - Per-request timeout, retries, headers, abort signal, strict decoding.
     */
    createBenefit(params: CreateBenefitParams, options?: rt.RequestOptions): Promise<models.Benefit>;
    /**
     * Update a benefit
     *
     * Changes the members of the benefit `BenefitNum` that the body carries; the others keep their
     * value. The cross-field rules hold for the benefit as stored after the change. `PlanNum`,
     * `PatPlanNum` and `CodeGroupNum` cannot be changed.
     *
     * @param params - The parameters of the call and its body.
     * @param options - Per-request timeout, retries, headers, abort signal, strict decoding.
     */
    updateBenefit(params: UpdateBenefitParams, options?: rt.RequestOptions): Promise<models.Benefit>;
    /**
     * Delete a benefit
     *
     * Deletes the benefit `BenefitNum`. The vendor documents no response body.
     *
     * @param params - The parameters of the call.
     * @param options - Per-request timeout, retries, headers, abort signal, strict decoding.
     */
    deleteBenefit(params: DeleteBenefitParams, options?: rt.RequestOptions): Promise<void>;
}
