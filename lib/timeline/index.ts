export * from "./view-state";
export * from "./buckets";
export * from "./flag-layout";
export * from "./describe";
