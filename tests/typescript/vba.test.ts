// The VBA client against the sandbox, for both resources: envelope unwrapped on success, its
// error member on failure, every call with the database header set once on the client.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  VbaClient,
  type PlanBenefitLevel,
  type PlanModifier,
  type VbaProblemDetails,
} from "../../generated/typescript/vba/src/index.js";
import { baseUrl, credentials, failOnce, fastRetries } from "./sandbox.js";

const client = new VbaClient({
  baseUrl: baseUrl("vba"),
  apiKey: credentials.vbaApiKey,
  bearerToken: credentials.vbaToken,
  vbasoftwareDatabase: "demo",
  ...fastRetries,
});

function problem(err: unknown, status: number): VbaProblemDetails {
  assert.ok(err instanceof Error);
  const error = (err as { problem?: unknown }).problem as VbaProblemDetails;
  assert.equal(error.status, status);
  assert.ok(typeof error.title === "string");
  return error;
}

test("plan benefit levels: create, get, list, update, batch upsert, delete", async () => {
  const path = { planId: "TSPLAN", benefitCode: "DENTAL" };
  const level: PlanBenefitLevel = {
    planBenefitLevelKey: 0,
    benefitCode: "DENTAL",
    benefitLevel: "Network",
    exclude: false,
    fromValue: "IN",
  };
  const created = await client.createPlanBenefitLevel({ ...path, body: level });
  assert.ok(created !== null);
  const key = created.planBenefitLevelKey;
  assert.ok(key >= 1);
  assert.equal(created.planId, "TSPLAN");
  assert.equal(created.fromValue, "IN");

  const got = await client.getPlanBenefitLevel({ ...path, planBenefitLevelKey: key });
  assert.equal(got?.benefitLevel, "Network");

  const listed = await client.listPlanBenefitLevel(path);
  assert.deepEqual(
    listed?.map((l) => l.planBenefitLevelKey),
    [key],
  );

  const updated = await client.updatePlanBenefitLevel({
    ...path,
    planBenefitLevelKey: key,
    body: { ...level, planBenefitLevelKey: key, benefitLevel: "Out of Network", exclude: true },
  });
  assert.equal(updated?.benefitLevel, "Out of Network");
  assert.equal(updated?.exclude, true);

  const { data: results, response } = await client.withRawResponse.updateBatchPlanBenefitLevel({
    ...path,
    body: [
      { ...level, planBenefitLevelKey: key, thruValue: "ZZ" },
      { ...level, planBenefitLevelKey: 0, benefitLevel: "Gender" },
    ],
  });
  assert.equal(response.status, 207);
  assert.deepEqual(
    results?.map((r) => r.status),
    [200, 201],
  );
  assert.equal(results?.[0]?.id?.[0]?.key, "planBenefitLevel_Key");
  assert.equal((await client.listPlanBenefitLevel(path))?.length, 2);

  await client.deletePlanBenefitLevel({ ...path, planBenefitLevelKey: key });
  await assert.rejects(client.getPlanBenefitLevel({ ...path, planBenefitLevelKey: key }), (err: unknown) => {
    assert.ok(err instanceof NotFoundError);
    problem(err, 404);
    return true;
  });
});

test("plan modifiers: create, get, list, update, batch upsert, delete", async () => {
  const planId = "TSPLAN";
  const modifier: PlanModifier = {
    planId,
    modifier: "25",
    effectiveDate: "2024-01-01T00:00:00Z",
    applyOon: true,
    applyUc: false,
    feePercent: 80,
  };
  const item = { planId, modifier: "25", effectiveDate: modifier.effectiveDate };
  const created = await client.createPlanModifier({ planId, body: modifier });
  assert.equal(created?.feePercent, 80);
  assert.equal(created?.applyOon, true);

  assert.equal((await client.getPlanModifier(item))?.modifier, "25");
  assert.equal((await client.listPlanModifier({ planId }))?.length, 1);

  const updated = await client.updatePlanModifier({ ...item, body: { ...modifier, feePercent: 75, termDate: null } });
  assert.equal(updated?.feePercent, 75);

  const results = await client.updateBatchPlanModifier({
    planId,
    body: [
      { ...modifier, feePercent: 70 },
      { ...modifier, modifier: "59", applyUc: true },
    ],
  });
  assert.deepEqual(
    results?.map((r) => r.status),
    [200, 201],
  );
  assert.equal((await client.getPlanModifier(item))?.feePercent, 70);

  await client.deletePlanModifier(item);
  await assert.rejects(client.getPlanModifier(item), (err: unknown) => err instanceof NotFoundError);
  await assert.rejects(client.deletePlanModifier(item), (err: unknown) => {
    assert.ok(err instanceof NotFoundError);
    problem(err, 404);
    return true;
  });
});

test("401 without credentials, and with only one of the two", async () => {
  for (const options of [{}, { apiKey: credentials.vbaApiKey }]) {
    const partial = new VbaClient({ baseUrl: baseUrl("vba"), vbasoftwareDatabase: "demo", ...options });
    await assert.rejects(partial.listPlanModifier({ planId: "TSPLAN" }), (err: unknown) => {
      assert.ok(err instanceof AuthenticationError);
      assert.equal(err.status, 401);
      return true;
    });
  }
});

test("a validation error is a BadRequestError carrying the envelope's problem details", async () => {
  await assert.rejects(
    client.createPlanBenefitLevel({
      planId: "TSPLAN",
      benefitCode: "DENTAL",
      body: { planBenefitLevelKey: 0, benefitCode: "DENTAL", benefitLevel: "", exclude: false },
    }),
    (err: unknown) => {
      assert.ok(err instanceof BadRequestError);
      const error = problem(err, 400);
      assert.match(error.detail ?? "", /benefit_Level/);
      assert.equal((err.response.body as { data: unknown }).data, null);
      return true;
    },
  );
});

test("the database header can be overridden per call", async () => {
  const other = await client.listPlanModifier({ planId: "TSPLAN", vbasoftwareDatabase: "other" });
  assert.deepEqual(other, []);
});

test("an idempotent call is retried after a 503", async () => {
  const { data, response } = await client.withRawResponse.listPlanBenefitLevel(
    { planId: "RETRY", benefitCode: "DENTAL" },
    { headers: failOnce() },
  );
  assert.deepEqual(data, []);
  assert.equal(response.status, 200);
});
