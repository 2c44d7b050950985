export * from "./client.js";
export * from "./errors.js";
export * from "./models.js";
export type { RequestOptions, WithResponse } from "./runtime.js";
