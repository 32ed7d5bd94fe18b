export * from "./phone";
export * from "./id-card";
export * from "./credit-code";
