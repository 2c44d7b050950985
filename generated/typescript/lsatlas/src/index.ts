// Generated from the OpenAPI document; do not edit.
// LS Atlas case billing API, version 1.0: everything the client exports.

export * from "./client.js";
export * from "./errors.js";
export * from "./models.js";
