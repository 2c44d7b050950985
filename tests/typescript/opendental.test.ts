// The Open Dental client against the sandbox: create, list, update, delete, errors, retry.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  AuthenticationError,
  BadRequestError,
  BenefitType,
  InternalServerError,
  NotFoundError,
  OpendentalClient,
  type Benefit,
} from "../../generated/typescript/opendental/src/index.js";
import { baseUrl, credentials, failOnce, fastRetries } from "./sandbox.js";

const client = new OpendentalClient({
  baseUrl: baseUrl("opendental"),
  developerKey: credentials.odDeveloperKey,
  customerKey: credentials.odCustomerKey,
  ...fastRetries,
});

test("benefit lifecycle", async () => {
  const planNum = 9001;
  const created: Benefit = await client.createBenefit({
    body: { planNum, benefitType: BenefitType.CoInsurance, coverageLevel: "Individual", percent: 80 },
  });
  assert.ok(created.benefitNum >= 1);
  assert.equal(created.planNum, planNum);
  assert.equal(created.percent, 80);
  assert.equal(created.benefitType, "CoInsurance");
  assert.match(created.secDateTEntry, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

  const listed = await client.listBenefits({ planNum });
  assert.deepEqual(
    listed.map((b) => b.benefitNum),
    [created.benefitNum],
  );

  const updated = await client.updateBenefit({ benefitNum: created.benefitNum, body: { percent: 50 } });
  assert.equal(updated.percent, 50);
  assert.equal(updated.benefitType, "CoInsurance");

  const { data, response } = await client.withRawResponse.deleteBenefit({ benefitNum: created.benefitNum });
  assert.equal(data, undefined);
  assert.equal(response.status, 200);

  await assert.rejects(
    client.updateBenefit({ benefitNum: created.benefitNum, body: { percent: 40 } }),
    (err: unknown) => err instanceof NotFoundError && err.status === 404 && typeof err.problem === "string",
  );
  assert.deepEqual(await client.listBenefits({ planNum }), []);
});

test("401 without credentials", async () => {
  const anonymous = new OpendentalClient({ baseUrl: baseUrl("opendental") });
  await assert.rejects(anonymous.listBenefits(), (err: unknown) => {
    assert.ok(err instanceof AuthenticationError);
    assert.equal(err.status, 401);
    return true;
  });
});

test("a rule violation is a BadRequestError with the vendor's explanation", async () => {
  await assert.rejects(
    client.createBenefit({
      body: { planNum: 9002, benefitType: BenefitType.Deductible, coverageLevel: "Family", percent: 80 },
    }),
    (err: unknown) => {
      assert.ok(err instanceof BadRequestError);
      assert.equal(err.status, 400);
      assert.equal(typeof err.problem, "string");
      assert.ok((err.problem as string).length > 0);
      assert.equal(err.response.body, err.problem);
      return true;
    },
  );
});

test("an idempotent call is retried after a 503; a POST is not", async () => {
  const { data, response } = await client.withRawResponse.listBenefits({ planNum: 9003 }, { headers: failOnce() });
  assert.deepEqual(data, []);
  assert.equal(response.status, 200);

  await assert.rejects(
    client.createBenefit(
      { body: { planNum: 9003, benefitType: BenefitType.ActiveCoverage, coverageLevel: "None" } },
      { headers: failOnce() },
    ),
    (err: unknown) => err instanceof InternalServerError && err.status === 503,
  );
  await assert.rejects(
    client.listBenefits({ planNum: 9003 }, { headers: failOnce(), maxRetries: 0 }),
    (err: unknown) => err instanceof InternalServerError && err.status === 503,
  );
});
