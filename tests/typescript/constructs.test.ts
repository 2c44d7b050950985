// The constructs fixture (tests/fixtures/clients/ts_constructs.yaml, golden package) with a
// scripted `fetch`: unions, recursion, forms, multipart, bytes, cookies, parameter styles,
// shadowing and reserved names, hostile text, lenient and strict shapes.
import assert from "node:assert/strict";
import { test } from "node:test";

import { Case, Mixed, TsConstructsClient, type Dog, type Pet } from "../golden/typescript/ts_constructs/src/index.js";
import { SCHEMAS } from "../golden/typescript/ts_constructs/src/models.js";
import { Codec, s } from "../golden/typescript/ts_constructs/src/runtime.js";

interface Sent {
  url: URL;
  init: RequestInit;
  headers: Headers;
}

function scripted(answer: (sent: Sent) => Response): { fetch: typeof fetch; sent: Sent[] } {
  const sent: Sent[] = [];
  const fake = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const call = { url: new URL(input.toString()), init: init ?? {}, headers: new Headers(init?.headers) };
    sent.push(call);
    return answer(call);
  };
  return { fetch: fake as typeof fetch, sent };
}

const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

test("hostile spec text in comments executed nothing", () => {
  const flags = globalThis as Record<string, unknown>;
  for (const name of ["pwnedTitle", "pwnedVersion", "pwnedSummary", "pwnedHeader"]) assert.equal(flags[name], undefined, name);
});

test("operationIds equal to the client's own members are renamed; withRawResponse stays the client's", async () => {
  const { fetch, sent } = scripted(() => json({ pet_type: "dog", name: "Rex", good: true, friend: { pet_type: "cat", name: "Tom", lives: 7, type: "tabby" } }));
  const client = new TsConstructsClient({ fetch });
  const pet: Pet = await client.constructor_({ petId: "00000000-0000-0000-0000-000000000000", session: "a b;c", id: 9, tags: ["x", "y"], filter: { kind: "k" } });
  assert.equal(pet.petType, "dog");
  const dog = pet as Dog;
  assert.equal(dog.friend?.petType, "cat");
  assert.equal((dog.friend as { type?: string }).type, "tabby"); // a keyword member keeps its name
  const { url, headers } = sent[0]!;
  assert.equal(url.pathname, "/v2/pets/00000000-0000-0000-0000-000000000000");
  assert.equal(url.searchParams.get("id"), "9");
  assert.equal(url.searchParams.get("tags"), "x|y");
  assert.equal(url.searchParams.get("filter[kind]"), "k");
  assert.equal(headers.get("cookie"), "session=a%20b%3Bc");
  const raw = await client.withRawResponse.withRawResponse2({ petId: "p" });
  assert.equal(raw.response.status, 200);
  assert.equal(typeof client.toString, "function");
  assert.equal(String(client), "[object Object]"); // Object.prototype's toString is untouched
});

test("form bodies are URL-encoded, multipart bodies are FormData with files", async () => {
  const { fetch, sent } = scripted((call) =>
    call.url.pathname.endsWith("/photo") ? new Response("stored", { headers: { "content-type": "text/plain" } }) : json({ pet_type: "cat", name: "Tom" }, 201),
  );
  const client = new TsConstructsClient({ fetch });
  await client.toString2({ body: { name: "Tom & Jerry", tags: ["a", "b"] } });
  assert.equal(sent[0]!.headers.get("content-type"), "application/x-www-form-urlencoded");
  assert.equal(String(sent[0]!.init.body), "name=Tom+%26+Jerry&tags=a&tags=b");

  const stored = await client.uploadPhoto({ id: "1", body: { photo: new Uint8Array([1, 2, 3]), caption: "hi", meta: { k: "v" } } });
  assert.equal(stored, "stored");
  const form = sent[1]!.init.body;
  assert.ok(form instanceof FormData);
  assert.equal(sent[1]!.headers.get("content-type"), null); // fetch sets the boundary
  const photo = form.get("photo");
  assert.ok(photo instanceof Blob);
  assert.equal(photo.size, 3);
  assert.equal(form.get("caption"), "hi");
  const meta = form.get("meta");
  assert.ok(meta instanceof Blob);
  assert.deepEqual(JSON.parse(await meta.text()), { k: "v" });
});

test("binary bodies and downloads are bytes; odd member names decode safely", async () => {
  const { fetch, sent } = scripted((call) =>
    call.url.pathname === "/v2/raw"
      ? new Response('{"size": 3, "weird key": "w", "__proto__": "p"}', { headers: { "content-type": "application/json" } })
      : new Response(new Uint8Array([137, 80, 78, 71]), { headers: { "content-type": "image/png" } }),
  );
  const client = new TsConstructsClient({ fetch });
  const echo = await client.class_({ body: new Uint8Array([1, 2, 3]) });
  assert.equal(sent[0]!.headers.get("content-type"), "application/octet-stream");
  assert.ok(sent[0]!.init.body instanceof Uint8Array);
  assert.equal(echo.size, 3);
  assert.equal(echo.weirdKey, "w");
  assert.equal(echo.proto, "p");
  assert.equal(Object.getPrototypeOf(echo), Object.prototype);
  const png = await client.downloadPhoto({ id: "1" });
  assert.ok(png instanceof Uint8Array);
  assert.deepEqual([...png], [137, 80, 78, 71]);
});

test("enums: const objects for values differing by case, empty and mixed values", () => {
  assert.deepEqual([Case.Red, Case.Red2, Case.Red3, Case.Empty, Case.Value], ["red", "Red", "RED", "", "-"]);
  assert.deepEqual([Mixed._1, Mixed.One, Mixed.True, Mixed.Empty], [1, "one", true, ""]);
});

test("shapes: unions without a discriminator, recursion, closed objects, strict and lenient", () => {
  const codec = new Codec(SCHEMAS);
  assert.deepEqual(codec.decode(s.ref("Shape"), { side: 2 }, true), { side: 2 });
  assert.equal(codec.decode(s.ref("Shape"), null, true), null);
  assert.throws(() => codec.decode(s.ref("Shape"), 5, true), /matches none of the alternatives/);
  let chain: unknown = null;
  for (let i = 0; i < 200; i++) chain = { value: i, next: chain, children: [] };
  assert.deepEqual(codec.decode(s.ref("Node_"), chain, true), chain);
  assert.deepEqual(codec.decode(s.ref("Strict"), { only: "x", other: 1 }, false), { only: "x", other: 1 });
  assert.throws(() => codec.decode(s.ref("Strict"), { only: "x", other: 1 }, true), /not allowed/);
  assert.throws(() => codec.decode(s.ref("Closed"), { any: 1 }, true), /not allowed/);
  assert.deepEqual(codec.encode(s.ref("Formats"), { userId: "a", userId2: "b", inline: { deep: "x" } }), { user_id: "a", userId: "b", inline: { deep: "x" } });
  assert.deepEqual(codec.decode(s.ref("Formats"), { user_id: "a", userId: "b" }, true), { userId: "a", userId2: "b" });
  assert.throws(() => codec.decode(s.ref("Formats"), { inline: { deep: "X" } }, true), /does not match/);
  assert.throws(() => codec.decode(s.ref("Formats"), { at: "yesterday" }, true), /not a valid date-time/);
  assert.throws(() => codec.decode(s.ref("Cat"), { pet_type: "cat", name: "T", lives: 10 }, true), /more than 9/);
});
