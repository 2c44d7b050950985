// The LS Atlas client over XML against the sandbox: DataContract XML out, XML answers read back.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  APIResponseValidationError,
  BadRequestError,
  LsatlasClient,
  type CaseBillingProcedureCodeModel,
} from "../../generated/typescript/lsatlas/src/index.js";
import { baseUrl } from "./sandbox.js";

const NS = "http://schemas.datacontract.org/2004/07/LSAtlas_WebAPI.Models";

function recording(): { fetch: typeof fetch; sent: { body: string; headers: Headers }[] } {
  const sent: { body: string; headers: Headers }[] = [];
  const wrapped = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    sent.push({ body: String(init?.body ?? ""), headers: new Headers(init?.headers) });
    return fetch(input, init);
  };
  return { fetch: wrapped as typeof fetch, sent };
}

const line: CaseBillingProcedureCodeModel = {
  id: 1,
  billNumber: null,
  billAmount: 120.5,
  cptCode: "99213",
  groupIteams: "G1 & <G2>",
  dateOfService: "2026-05-01T21:13:44.580945+00:00",
  is90Cap: true,
};

for (const contentType of ["application/xml", "text/xml"] as const) {
  test(`lsatlas: add billing codes as ${contentType}`, async () => {
    const { fetch, sent } = recording();
    const client = new LsatlasClient({ baseUrl: baseUrl("lsatlas"), fetch });
    const { data, response } = await client.withRawResponse.addCaseTreatmentCptCodes({
      caseId: "C-1001",
      treatmentId: 7,
      body: { caseBillingCodes: [line] },
      contentType,
    });
    assert.equal(data, true);
    assert.match(response.headers.get("content-type") ?? "", /xml/);
    const { body, headers } = sent[0]!;
    assert.equal(headers.get("content-type"), contentType);
    assert.match(headers.get("accept") ?? "", /^(application|text)\/xml/);
    // root element and namespace of the DataContract, the wrapped collection, members in
    // alphabetical order, null as i:nil, text escaped
    assert.ok(body.startsWith(`<AddBillingCodeModel xmlns="${NS}" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">`), body);
    assert.ok(body.includes("<case_billing_codes><CaseBillingProcedureCodeModel><bill_amount>120.5</bill_amount>"), body);
    assert.ok(body.includes('<bill_number i:nil="true"/>'), body);
    assert.ok(body.includes("<group_iteams>G1 &amp; &lt;G2&gt;</group_iteams>"), body);
    const order = [...body.matchAll(/<([a-z_0-9A-Z]+)[ >\/]/g)].map((m) => m[1]).slice(3);
    assert.deepEqual(order, [...order].sort());
  });
}

test("lsatlas: an XML body the server refuses is a BadRequestError read from XML", async () => {
  const client = new LsatlasClient({ baseUrl: baseUrl("lsatlas") });
  await assert.rejects(
    client.addCaseTreatmentCptCodes({
      caseId: "C-1001",
      treatmentId: 7,
      // a number where the spec wants an integer: the sandbox answers 400
      body: { caseBillingCodes: [{ ...line, id: 1.5 }] },
      contentType: "application/xml",
    }),
    (err: unknown) => {
      assert.ok(err instanceof BadRequestError, String(err));
      assert.equal(err.status, 400);
      assert.ok(err.rawBody.length > 0);
      return true;
    },
  );
});

function answering(text: string, contentType = "application/xml"): typeof fetch {
  return (async () => new Response(text, { status: 200, headers: { "content-type": contentType } })) as typeof fetch;
}

test("the XML reader refuses a DTD and unknown entities, and reads CDATA and references", async () => {
  const call = (text: string) =>
    new LsatlasClient({ baseUrl: "http://api.test", fetch: answering(text) }).addCaseTreatmentCptCodes({
      caseId: "C",
      treatmentId: 1,
      body: {},
      contentType: "application/xml",
    });
  const bomb = '<?xml version="1.0"?><!DOCTYPE b [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><boolean xmlns="http://schemas.microsoft.com/2003/10/Serialization/">&b;</boolean>';
  await assert.rejects(call(bomb), (err: unknown) => err instanceof APIResponseValidationError && /DTD/.test(err.message));
  await assert.rejects(
    call('<boolean xmlns="http://schemas.microsoft.com/2003/10/Serialization/">&ext;</boolean>'),
    (err: unknown) => err instanceof APIResponseValidationError && /entity/.test(err.message),
  );
  await assert.rejects(call("<boolean>true</boolean>"), APIResponseValidationError); // wrong namespace
  assert.equal(await call('<?xml version="1.0"?><!-- ok --><s:boolean xmlns:s="http://schemas.microsoft.com/2003/10/Serialization/"><![CDATA[tr]]>&#117;e</s:boolean>'), true);
});
