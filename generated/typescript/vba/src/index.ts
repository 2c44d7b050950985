// Generated from the OpenAPI document; do not edit.
// VBA Software plan benefit levels and plan modifiers API, version v1: everything the client exports.

export * from "./client.js";
export * from "./errors.js";
export * from "./models.js";
