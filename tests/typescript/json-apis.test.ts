// The calendar and LS Atlas clients against the sandbox (JSON bodies, no credentials).
import assert from "node:assert/strict";
import { test } from "node:test";

import { BadRequestError as CalendarBadRequest, CalendarClient, type AspNetError } from "../../generated/typescript/calendar/src/index.js";
import { LsatlasClient, type CaseBillingProcedureCodeModel } from "../../generated/typescript/lsatlas/src/index.js";
import { baseUrl } from "./sandbox.js";

test("calendar: book an appointment", async () => {
  const client = new CalendarClient({ baseUrl: baseUrl("calendar") });
  const { response } = await client.withRawResponse.patientAppointmentPostV2({
    body: {
      userId: "84ef7a81-c643-4b8e-85e5-1ff52fc35f3d",
      accountId: "3faed728-f67f-4bc0-888f-a8410d31c7df",
      appointmentOn: "2026-02-03T21:04:03.1544841-06:00",
      reason: "Check-up",
      reasons: [{ reasonId: "7b0d7dbd-2e54-48b9-a80d-fb468fda994e" }],
    },
  });
  assert.equal(response.status, 200);
});

test("calendar: a blank reason is a BadRequestError with ASP.NET's error shape", async () => {
  const client = new CalendarClient({ baseUrl: baseUrl("calendar") });
  await assert.rejects(
    client.patientAppointmentPostV2({
      body: {
        userId: "84ef7a81-c643-4b8e-85e5-1ff52fc35f3d",
        accountId: "3faed728-f67f-4bc0-888f-a8410d31c7df",
        appointmentOn: "2026-02-03T21:04:03-06:00",
        reason: "   ",
      },
    }),
    (err: unknown) => {
      assert.ok(err instanceof CalendarBadRequest);
      const error = err.problem as AspNetError;
      assert.equal(typeof error.message, "string");
      return true;
    },
  );
});

test("lsatlas: add billing codes to a case treatment", async () => {
  const client = new LsatlasClient({ baseUrl: baseUrl("lsatlas") });
  const line: CaseBillingProcedureCodeModel = {
    id: 1,
    billNumber: "B-1",
    billAmount: 120.5,
    cptCode: "99213",
    groupIteams: "G1",
    dateOfService: "2026-05-01T21:13:44.580945+00:00",
    is90Cap: true,
  };
  const saved = await client.addCaseTreatmentCptCodes({ caseId: "C-1001", treatmentId: 7, body: { caseBillingCodes: [line] } });
  assert.equal(saved, true);
});
