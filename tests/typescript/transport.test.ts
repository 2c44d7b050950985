// Timeouts, retries, Retry-After and connection errors, with a scripted `fetch` (no server).
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  APIConnectionError,
  APITimeoutError,
  OpendentalClient,
  RateLimitError,
} from "../../generated/typescript/opendental/src/index.js";
import { VbaClient as Vba } from "../../generated/typescript/vba/src/index.js";

type Script = (call: number, url: string, init: RequestInit) => Promise<Response>;

function scripted(script: Script): { fetch: typeof fetch; calls: { url: string; init: RequestInit }[] } {
  const calls: { url: string; init: RequestInit }[] = [];
  const fake = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = input.toString();
    calls.push({ url, init: init ?? {} });
    return script(calls.length, url, init ?? {});
  };
  return { fetch: fake as typeof fetch, calls };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

test("timeout: each attempt is aborted, retried, then APITimeoutError", async () => {
  const { fetch, calls } = scripted(
    (_call, _url, init) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
      }),
  );
  const client = new OpendentalClient({ baseUrl: "http://api.test", fetch, timeout: 20, retryBaseDelay: 1 });
  await assert.rejects(client.listBenefits(), (err: unknown) => err instanceof APITimeoutError);
  assert.equal(calls.length, 3);
  await assert.rejects(client.listBenefits({}, { maxRetries: 0 }), APITimeoutError);
  assert.equal(calls.length, 4);
});

test("connection errors are retried for idempotent methods only", async () => {
  const { fetch, calls } = scripted(async (call) => {
    if (call === 1) throw new TypeError("fetch failed");
    return json(200, []);
  });
  const client = new OpendentalClient({ baseUrl: "http://api.test", fetch, retryBaseDelay: 1 });
  assert.deepEqual(await client.listBenefits(), []);
  assert.equal(calls.length, 2);

  const failing = scripted(async () => {
    throw new TypeError("fetch failed");
  });
  const post = new OpendentalClient({ baseUrl: "http://api.test", fetch: failing.fetch, retryBaseDelay: 1 });
  await assert.rejects(
    post.createBenefit({ body: { planNum: 1, benefitType: "ActiveCoverage", coverageLevel: "None" } }),
    (err: unknown) => err instanceof APIConnectionError && !(err instanceof APITimeoutError),
  );
  assert.equal(failing.calls.length, 1);
});

test("429 honours Retry-After, then gives up with RateLimitError", async () => {
  const { fetch, calls } = scripted(async () => json(429, "slow down", { "retry-after": "0.05" }));
  const client = new OpendentalClient({ baseUrl: "http://api.test", fetch, maxRetries: 1 });
  const started = Date.now();
  await assert.rejects(client.listBenefits(), (err: unknown) => err instanceof RateLimitError && err.problem === "slow down");
  assert.ok(Date.now() - started >= 45);
  assert.equal(calls.length, 2);
});

test("credentials, client headers, per-call headers and query parameters", async () => {
  const { fetch, calls } = scripted(async () => json(200, { data: [], error: null, debug: null }));
  const client = new Vba({
    baseUrl: "http://api.test/root/",
    fetch,
    apiKey: "k",
    bearerToken: "t",
    vbasoftwareDatabase: "db",
    headers: { "x-client": "1" },
  });
  assert.deepEqual(await client.listPlanModifier({ planId: "A B/C" }, { headers: { "x-call": "2" } }), []);
  const { url, init } = calls[0]!;
  assert.equal(url, "http://api.test/root/plans/A%20B%2FC/modifiers");
  const headers = new Headers(init.headers);
  assert.equal(headers.get("x-api-key"), "k");
  assert.equal(headers.get("authorization"), "Bearer t");
  assert.equal(headers.get("vbasoftware-database"), "db");
  assert.equal(headers.get("x-client"), "1");
  assert.equal(headers.get("x-call"), "2");

  const od = new OpendentalClient({ baseUrl: "http://api.test", fetch, developerKey: "dev", customerKey: "cust" });
  await od.listBenefits({ planNum: 12 });
  assert.equal(calls[1]!.url, "http://api.test/benefits?PlanNum=12");
  assert.equal(new Headers(calls[1]!.init.headers).get("authorization"), "ODFHIR dev/cust");
});
