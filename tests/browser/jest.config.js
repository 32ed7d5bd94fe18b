/** Browser tests: the built app in Debian's Chromium, driven by playwright-core, one server per file. */
module.exports = {
  rootDir: "../..",
  displayName: "browser",
  testEnvironment: "node",
  testMatch: ["<rootDir>/tests/browser/**/*.test.ts"],
  transform: {
    "^.+\\.ts$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "commonjs" } },
    ],
  },
  testTimeout: 60_000,
};
