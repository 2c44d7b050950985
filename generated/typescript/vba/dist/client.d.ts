import * as models from "./models.js";
import * as rt from "./runtime.js";
/** Options of the client, set once. Unset credentials and the base URL are read from the environment. */
export interface ClientOptions {
    /** Base URL of the API, e.g. `https://vbapi.vbasoftware.com/vbasoftware`. Default: the environment variable `VBA_BASE_URL`, else the first server. */
    baseUrl?: string;
    /**
     * Credential `apiKey` of the `apiKeyAuth` security scheme.
     *
     * The API key VBA issues to the client.
     *
     * Default: the environment variable `VBA_API_KEY`.
     */
    apiKey?: string;
    /**
     * Credential `bearerToken` of the `bearerAuth` security scheme.
     *
     * A bearer token (JWT) obtained from VBA's authentication endpoint.
     *
     * Default: the environment variable `VBA_BEARER_TOKEN`.
     */
    bearerToken?: string;
    /**
     * Name of the client database the call works on. Required on every call.
     *
     * Sent as the `vbasoftware-database` header of every call; a call can override it.
     */
    vbasoftwareDatabase?: string;
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
    /** Log every request and answer, credentials redacted. Default: the environment variable `VBA_LOG=debug`. */
    debug?: boolean;
    /** Where the debug log goes. Default: `console.error`. */
    logger?: (line: string) => void;
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
     * The plan benefit (`Benefit_Code`). 1 to 50 characters, the length of the `benefit_Code` member
     * it matches.
     *
     * Sent as the path parameter `benefitCode`.
     */
    benefitCode: string;
    /**
     * Name of the client database the call works on. Required on every call.
     *
     * Sent as the header parameter `vbasoftware-database`. Default: the client option
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
     * The plan benefit (`Benefit_Code`). 1 to 50 characters, the length of the `benefit_Code` member
     * it matches.
     *
     * Sent as the path parameter `benefitCode`.
     */
    benefitCode: string;
    /**
     * Name of the client database the call works on. Required on every call.
     *
     * Sent as the header parameter `vbasoftware-database`. Default: the client option
     * `vbasoftwareDatabase`.
     */
    vbasoftwareDatabase?: string;
    /**
     * The request body (sent as application/json; `contentType` picks another of application/json,
     * text/json, application/*+json).
     */
    body: models.PlanBenefitLevel;
    /** The media type the body is sent as. */
    contentType?: "application/json" | "text/json" | "application/*+json";
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
     * The plan benefit (`Benefit_Code`). 1 to 50 characters, the length of the `benefit_Code` member
     * it matches.
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
     * Sent as the header parameter `vbasoftware-database`. Default: the client option
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
     * The plan benefit (`Benefit_Code`). 1 to 50 characters, the length of the `benefit_Code` member
     * it matches.
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
     * Sent as the header parameter `vbasoftware-database`. Default: the client option
     * `vbasoftwareDatabase`.
     */
    vbasoftwareDatabase?: string;
    /**
     * The request body (sent as application/json; `contentType` picks another of application/json,
     * text/json, application/*+json).
     */
    body: models.PlanBenefitLevel;
    /** The media type the body is sent as. */
    contentType?: "application/json" | "text/json" | "application/*+json";
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
     * The plan benefit (`Benefit_Code`). 1 to 50 characters, the length of the `benefit_Code` member
     * it matches.
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
     * Sent as the header parameter `vbasoftware-database`. Default: the client option
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
     * The plan benefit (`Benefit_Code`). 1 to 50 characters, the length of the `benefit_Code` member
     * it matches.
     *
     * Sent as the path parameter `benefitCode`.
     */
    benefitCode: string;
    /**
     * Name of the client database the call works on. Required on every call.
     *
     * Sent as the header parameter `vbasoftware-database`. Default: the client option
     * `vbasoftwareDatabase`.
     */
    vbasoftwareDatabase?: string;
    /**
     * The request body (sent as application/json; `contentType` picks another of application/json,
     * text/json, application/*+json).
     */
    body: models.PlanBenefitLevelList;
    /** The media type the body is sent as. */
    contentType?: "application/json" | "text/json" | "application/*+json";
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
     * Sent as the header parameter `vbasoftware-database`. Default: the client option
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
     * Sent as the header parameter `vbasoftware-database`. Default: the client option
     * `vbasoftwareDatabase`.
     */
    vbasoftwareDatabase?: string;
    /**
     * The request body (sent as application/json; `contentType` picks another of application/json,
     * text/json, application/*+json).
     */
    body: models.PlanModifier;
    /** The media type the body is sent as. */
    contentType?: "application/json" | "text/json" | "application/*+json";
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
     * Sent as the header parameter `vbasoftware-database`. Default: the client option
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
     * Sent as the header parameter `vbasoftware-database`. Default: the client option
     * `vbasoftwareDatabase`.
     */
    vbasoftwareDatabase?: string;
    /**
     * The request body (sent as application/json; `contentType` picks another of application/json,
     * text/json, application/*+json).
     */
    body: models.PlanModifier;
    /** The media type the body is sent as. */
    contentType?: "application/json" | "text/json" | "application/*+json";
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
     * Sent as the header parameter `vbasoftware-database`. Default: the client option
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
     * Sent as the header parameter `vbasoftware-database`. Default: the client option
     * `vbasoftwareDatabase`.
     */
    vbasoftwareDatabase?: string;
    /**
     * The request body (sent as application/json; `contentType` picks another of application/json,
     * text/json, application/*+json).
     */
    body: models.PlanModifierList;
    /** The media type the body is sent as. */
    contentType?: "application/json" | "text/json" | "application/*+json";
}
/** Every operation, answering with the decoded result and the raw response. */
export interface WithRawResponse {
    /** `listPlanBenefitLevel` with the raw response. */
    listPlanBenefitLevel(params: ListPlanBenefitLevelParams, options?: rt.RequestOptions): Promise<rt.WithResponse<models.PlanBenefitLevel[] | null>>;
    /** `createPlanBenefitLevel` with the raw response. */
    createPlanBenefitLevel(params: CreatePlanBenefitLevelParams, options?: rt.RequestOptions): Promise<rt.WithResponse<models.PlanBenefitLevel | null>>;
    /** `getPlanBenefitLevel` with the raw response. */
    getPlanBenefitLevel(params: GetPlanBenefitLevelParams, options?: rt.RequestOptions): Promise<rt.WithResponse<models.PlanBenefitLevel | null>>;
    /** `updatePlanBenefitLevel` with the raw response. */
    updatePlanBenefitLevel(params: UpdatePlanBenefitLevelParams, options?: rt.RequestOptions): Promise<rt.WithResponse<models.PlanBenefitLevel | null>>;
    /** `deletePlanBenefitLevel` with the raw response. */
    deletePlanBenefitLevel(params: DeletePlanBenefitLevelParams, options?: rt.RequestOptions): Promise<rt.WithResponse<void>>;
    /** `updateBatchPlanBenefitLevel` with the raw response. */
    updateBatchPlanBenefitLevel(params: UpdateBatchPlanBenefitLevelParams, options?: rt.RequestOptions): Promise<rt.WithResponse<models.MultiCodeResponse[] | null>>;
    /** `listPlanModifier` with the raw response. */
    listPlanModifier(params: ListPlanModifierParams, options?: rt.RequestOptions): Promise<rt.WithResponse<models.PlanModifier[] | null>>;
    /** `createPlanModifier` with the raw response. */
    createPlanModifier(params: CreatePlanModifierParams, options?: rt.RequestOptions): Promise<rt.WithResponse<models.PlanModifier | null>>;
    /** `getPlanModifier` with the raw response. */
    getPlanModifier(params: GetPlanModifierParams, options?: rt.RequestOptions): Promise<rt.WithResponse<models.PlanModifier | null>>;
    /** `updatePlanModifier` with the raw response. */
    updatePlanModifier(params: UpdatePlanModifierParams, options?: rt.RequestOptions): Promise<rt.WithResponse<models.PlanModifier | null>>;
    /** `deletePlanModifier` with the raw response. */
    deletePlanModifier(params: DeletePlanModifierParams, options?: rt.RequestOptions): Promise<rt.WithResponse<void>>;
    /** `updateBatchPlanModifier` with the raw response. */
    updateBatchPlanModifier(params: UpdateBatchPlanModifierParams, options?: rt.RequestOptions): Promise<rt.WithResponse<models.MultiCodeResponse[] | null>>;
}
/**
 * VBA Software plan benefit levels and plan modifiers API
 *
 * Manage the benefit levels and the modifier rules of health plans in VBA Software.
 *
 * Credentials and options are set once; each method takes its parameters and,
 * last, per-request options. `withRawResponse` has the same methods answering
 * `{ data, response }`.
 */
export declare class VbaClient {
    #private;
    /** The same operations, answering with the decoded result and the raw response. */
    readonly withRawResponse: WithRawResponse;
    constructor(options?: ClientOptions);
    /**
     * List the benefit levels of a plan benefit
     *
     * Lists every benefit level of the benefit `benefitCode` of the plan `planID`.
     *
     * @param params - The parameters of the call.
     * @param options - Per-request timeout, retries, headers, abort signal, strict decoding.
     */
    listPlanBenefitLevel(params: ListPlanBenefitLevelParams, options?: rt.RequestOptions): Promise<models.PlanBenefitLevel[] | null>;
    /**
     * Create a plan benefit level
     *
     * Adds a benefit level to the benefit `benefitCode` of the plan `planID`. The vendor answers `200`
     * (not `201`) with the stored level.
     *
     * @param params - The parameters of the call and its body.
     * @param options - Per-request timeout, retries, headers, abort signal, strict decoding.
     */
    createPlanBenefitLevel(params: CreatePlanBenefitLevelParams, options?: rt.RequestOptions): Promise<models.PlanBenefitLevel | null>;
    /**
     * Get a plan benefit level
     *
     * Returns the benefit level `planBenefitLevelKey` of the benefit `benefitCode` of the plan
     * `planID`.
     *
     * @param params - The parameters of the call.
     * @param options - Per-request timeout, retries, headers, abort signal, strict decoding.
     */
    getPlanBenefitLevel(params: GetPlanBenefitLevelParams, options?: rt.RequestOptions): Promise<models.PlanBenefitLevel | null>;
    /**
     * Update a plan benefit level
     *
     * Replaces the benefit level `planBenefitLevelKey` with the body. The whole entity is sent, with
     * the same required members as on create.
     *
     * @param params - The parameters of the call and its body.
     * @param options - Per-request timeout, retries, headers, abort signal, strict decoding.
     */
    updatePlanBenefitLevel(params: UpdatePlanBenefitLevelParams, options?: rt.RequestOptions): Promise<models.PlanBenefitLevel | null>;
    /**
     * Delete a plan benefit level
     *
     * Deletes the benefit level `planBenefitLevelKey`.
     *
     * @param params - The parameters of the call.
     * @param options - Per-request timeout, retries, headers, abort signal, strict decoding.
     */
    deletePlanBenefitLevel(params: DeletePlanBenefitLevelParams, options?: rt.RequestOptions): Promise<void>;
    /**
     * Create or update many plan benefit levels
     *
     * Upserts every benefit level in the body: a level whose key exists is updated, any other is
     * created. Each item succeeds or fails on its own; the answer (`207`) has one result per item, in
     * order.
     *
     * @param params - The parameters of the call and its body.
     * @param options - Per-request timeout, retries, headers, abort signal, strict decoding.
     */
    updateBatchPlanBenefitLevel(params: UpdateBatchPlanBenefitLevelParams, options?: rt.RequestOptions): Promise<models.MultiCodeResponse[] | null>;
    /**
     * List the modifier rules of a plan
     *
     * Lists every modifier rule of the plan `planID`.
     *
     * @param params - The parameters of the call.
     * @param options - Per-request timeout, retries, headers, abort signal, strict decoding.
     */
    listPlanModifier(params: ListPlanModifierParams, options?: rt.RequestOptions): Promise<models.PlanModifier[] | null>;
    /**
     * Create a plan modifier rule
     *
     * Adds a modifier rule to the plan `planID`. A rule is identified by its plan, its `modifier` and
     * its `effective_Date`. The vendor answers `200` (not `201`) with the stored rule, and `409` when
     * a rule with the same key exists (the key is the table's primary key).
     *
     * @param params - The parameters of the call and its body.
     * @param options - Per-request timeout, retries, headers, abort signal, strict decoding.
     */
    createPlanModifier(params: CreatePlanModifierParams, options?: rt.RequestOptions): Promise<models.PlanModifier | null>;
    /**
     * Get a plan modifier rule
     *
     * Returns the rule for `modifier` effective at `effectiveDate` of the plan `planID`.
     *
     * @param params - The parameters of the call.
     * @param options - Per-request timeout, retries, headers, abort signal, strict decoding.
     */
    getPlanModifier(params: GetPlanModifierParams, options?: rt.RequestOptions): Promise<models.PlanModifier | null>;
    /**
     * Update a plan modifier rule
     *
     * Replaces the rule for `modifier` effective at `effectiveDate` with the body. The whole entity is
     * sent, with the same required members as on create.
     *
     * @param params - The parameters of the call and its body.
     * @param options - Per-request timeout, retries, headers, abort signal, strict decoding.
     */
    updatePlanModifier(params: UpdatePlanModifierParams, options?: rt.RequestOptions): Promise<models.PlanModifier | null>;
    /**
     * Delete a plan modifier rule
     *
     * Deletes the rule for `modifier` effective at `effectiveDate`.
     *
     * @param params - The parameters of the call.
     * @param options - Per-request timeout, retries, headers, abort signal, strict decoding.
     */
    deletePlanModifier(params: DeletePlanModifierParams, options?: rt.RequestOptions): Promise<void>;
    /**
     * Create or update many plan modifier rules
     *
     * Upserts every modifier rule in the body: a rule whose key (plan, modifier, effective date)
     * exists is updated, any other is created. Each item succeeds or fails on its own; the answer
     * (`207`) has one result per item, in order.
     *
     * @param params - The parameters of the call and its body.
     * @param options - Per-request timeout, retries, headers, abort signal, strict decoding.
     */
    updateBatchPlanModifier(params: UpdateBatchPlanModifierParams, options?: rt.RequestOptions): Promise<models.MultiCodeResponse[] | null>;
}
