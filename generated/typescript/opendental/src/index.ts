// Generated from the OpenAPI document; do not edit.
// Open Dental insurance benefits API, version 23.2.62: everything the client exports.

export * from "./client.js";
export * from "./errors.js";
export * from "./models.js";
