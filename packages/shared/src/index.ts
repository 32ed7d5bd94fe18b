export * from "./validators";
export * from "./locales";
export * from "./messages";
export * from "./enums";
export * from "./notifications";
export * from "./limits";
