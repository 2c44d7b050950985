// Generated from the OpenAPI document; do not edit.
// Edge cases, version 1.2.3: everything the client exports.

export * from "./client.js";
export * from "./errors.js";
export * from "./models.js";
