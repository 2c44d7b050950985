// Where the sandbox runs and what it accepts; set by tests/test_client_typescript.py.
import { randomUUID } from "node:crypto";

const root = process.env["SANDBOX_URL"] ?? "";
if (root === "") throw new Error("SANDBOX_URL is not set");

/** Base URL of one API of the sandbox. */
export function baseUrl(api: string): string {
  return `${root.replace(/\/+$/, "")}/${api}`;
}

export const credentials = {
  vbaApiKey: process.env["SANDBOX_VBA_API_KEY"] ?? "sandbox-api-key",
  vbaToken: process.env["SANDBOX_VBA_BEARER_TOKEN"] ?? "sandbox-token",
  odDeveloperKey: process.env["SANDBOX_OPENDENTAL_DEVELOPER_KEY"] ?? "sandbox-developer",
  odCustomerKey: process.env["SANDBOX_OPENDENTAL_CUSTOMER_KEY"] ?? "sandbox-customer",
};

/** Headers that make the sandbox answer 503 once for this call (a new token each time). */
export function failOnce(): Record<string, string> {
  return { "x-sandbox-fail-once": randomUUID() };
}

/** Fast retries: the sandbox's 503 says `Retry-After: 0`, other delays stay short. */
export const fastRetries = { retryBaseDelay: 5, retryMaxDelay: 20 };
