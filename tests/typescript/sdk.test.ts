// What every SDK of the project does the same way (specpipe.sdk): request ids, the debug log,
// settings from the environment, lenient and strict decoding.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  APIResponseValidationError,
  OpendentalClient,
  type Benefit,
} from "../../generated/typescript/opendental/src/index.js";
import { NotFoundError, VbaClient } from "../../generated/typescript/vba/src/index.js";
import { baseUrl, credentials } from "./sandbox.js";

test("vba: the envelope's activity id is the request id of results and errors", async () => {
  const lines: string[] = [];
  const client = new VbaClient({
    baseUrl: baseUrl("vba"),
    apiKey: credentials.vbaApiKey,
    bearerToken: credentials.vbaToken,
    vbasoftwareDatabase: "demo",
    debug: true,
    logger: (line) => lines.push(line),
  });
  const { response } = await client.withRawResponse.listPlanModifier({ planId: "RID" });
  assert.match(response.requestId ?? "", /^[0-9A-F]{16}$/);
  await assert.rejects(client.getPlanModifier({ planId: "RID", modifier: "25", effectiveDate: "2024-01-01T00:00:00Z" }), (err: unknown) => {
    assert.ok(err instanceof NotFoundError, String(err));
    assert.match(err.requestId ?? "", /^[0-9A-F]{16}$/);
    assert.ok(err.message.includes(err.requestId ?? "?"));
    return true;
  });
  // the debug log: every request and answer, no credential in it
  assert.ok(lines.some((l) => l.startsWith("GET ") && l.includes("/plans/RID/modifiers")));
  assert.ok(lines.some((l) => l.startsWith("200 GET ")));
  assert.ok(lines.some((l) => l.startsWith("404 GET ")));
  for (const line of lines) {
    assert.ok(!line.includes(credentials.vbaApiKey) && !line.includes(credentials.vbaToken), line);
  }
  assert.ok(lines.some((l) => l.includes("x-api-key: ***")));
});

test("credentials, the base URL and the debug log come from the environment", async () => {
  const saved = { ...process.env };
  const lines: string[] = [];
  try {
    process.env["OPENDENTAL_BASE_URL"] = baseUrl("opendental");
    process.env["OPENDENTAL_DEVELOPER_KEY"] = credentials.odDeveloperKey;
    process.env["OPENDENTAL_CUSTOMER_KEY"] = credentials.odCustomerKey;
    process.env["OPENDENTAL_LOG"] = "debug";
    const client = new OpendentalClient({ logger: (line) => lines.push(line) });
    assert.deepEqual(await client.listBenefits({ planNum: 424242 }), []);
    assert.ok(lines.length >= 2);
    assert.ok(lines.every((l) => !l.includes(credentials.odCustomerKey)));
    // an option wins over the environment
    const quiet = new OpendentalClient({ debug: false, logger: (line) => lines.push(line) });
    const before = lines.length;
    await quiet.listBenefits({ planNum: 424242 });
    assert.equal(lines.length, before);
  } finally {
    process.env = saved;
  }
});

const wire = {
  BenefitNum: 1,
  PlanNum: 12,
  PatPlanNum: 0,
  CovCatNum: 0,
  BenefitType: "CoInsurance",
  Percent: 80,
  MonetaryAmt: -1,
  TimePeriod: "CalendarYear",
  QuantityQualifier: "None",
  Quantity: 0,
  CodeNum: 0,
  procCode: "",
  CoverageLevel: "None",
  CodeGroupNum: 0,
  SecDateTEntry: "2024-01-31 12:00:00",
  SecDateTEdit: "2024-01-31 12:00:00",
};

function answering(body: unknown): typeof fetch {
  return (async () => new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } })) as typeof fetch;
}

test("an envelope whose data member is null or missing answers null", async () => {
  for (const envelope of [{ data: null, error: null, debug: { activityID: "A2" } }, { error: null }]) {
    for (const strict of [false, true]) {
      const vba = new VbaClient({ baseUrl: "http://api.test", strict, fetch: answering(envelope), vbasoftwareDatabase: "d" });
      assert.equal(await vba.listPlanModifier({ planId: "P" }), null);
    }
  }
});

test("lenient by default: an unknown enum value and an extra member are kept", async () => {
  const client = new OpendentalClient({ baseUrl: "http://api.test", fetch: answering([{ ...wire, BenefitType: "Frequency", Vendor_Extra: { a: 1 } }]) });
  const [benefit] = await client.listBenefits();
  assert.equal(benefit?.benefitType, "Frequency");
  assert.deepEqual((benefit as Benefit & { Vendor_Extra?: unknown }).Vendor_Extra, { a: 1 });
  assert.equal(benefit?.planNum, 12);
});

test("strict: an unknown enum value, a wrong type or a missing member is an APIResponseValidationError", async () => {
  const strict = (body: unknown) => new OpendentalClient({ baseUrl: "http://api.test", strict: true, fetch: answering(body) });
  assert.equal((await strict([wire]).listBenefits())[0]?.percent, 80);
  await assert.rejects(strict([{ ...wire, BenefitType: "Frequency" }]).listBenefits(), (err: unknown) => {
    assert.ok(err instanceof APIResponseValidationError);
    assert.match(err.message, /^\/0\/BenefitType: "Frequency" is not one of the allowed values/);
    assert.equal(err.response.status, 200);
    return true;
  });
  await assert.rejects(strict([{ ...wire, PlanNum: "12" }]).listBenefits(), /\/0\/PlanNum: expected a number/);
  const { PlanNum: _, ...missing } = wire;
  await assert.rejects(strict([missing]).listBenefits(), /\/0\/PlanNum: a required member is missing/);
  // strict per call too; the lenient client reads the same answer
  const lenient = new OpendentalClient({ baseUrl: "http://api.test", fetch: answering([{ ...wire, BenefitType: "Frequency" }]) });
  await assert.rejects(lenient.listBenefits({}, { strict: true }), APIResponseValidationError);
  assert.equal((await lenient.listBenefits())[0]?.benefitType, "Frequency");
});

test("a missing optional member is fine in both modes; an extra member of an open object too", async () => {
  const body = [{ ...wire, Vendor_Extra: 1 }];
  for (const strict of [false, true]) {
    const client = new OpendentalClient({ baseUrl: "http://api.test", strict, fetch: answering(body) });
    const [benefit] = await client.listBenefits();
    assert.equal(benefit?.codeNum, 0);
    assert.equal((benefit as unknown as Record<string, unknown>)["Vendor_Extra"], 1);
    // a plan modifier without its optional members (entryDate, feePercent, termDate…)
    const envelope = { data: [{ plan_ID: "P", modifier: "25", effective_Date: "2024-01-01T00:00:00Z", apply_OON: true, apply_UC: false }], error: null, debug: { activityID: "A1" } };
    const vba = new VbaClient({ baseUrl: "http://api.test", strict, fetch: answering(envelope), vbasoftwareDatabase: "d" });
    const { data, response } = await vba.withRawResponse.listPlanModifier({ planId: "P" });
    assert.equal(data?.[0]?.feePercent, undefined);
    assert.equal(data?.[0]?.applyOon, true);
    assert.equal(response.requestId, "A1");
  }
});
