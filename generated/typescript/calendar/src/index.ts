// Generated from the OpenAPI document; do not edit.
// Patient appointment booking API, version 2: everything the client exports.

export * from "./client.js";
export * from "./errors.js";
export * from "./models.js";
