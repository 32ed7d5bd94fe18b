/** One jest for the whole monorepo: shared validators, the API (unit and integration) and the web app. */
const swc = [
  "@swc/jest",
  {
    jsc: {
      parser: { syntax: "typescript", decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: "automatic" } },
      target: "es2022",
    },
    module: { type: "commonjs" },
  },
];

const common = {
  transform: { "^.+\\.(t|j)sx?$": swc },
  moduleNameMapper: { "^@zuofu/shared$": "<rootDir>/packages/shared/src" },
};

module.exports = {
  // A watchdog, not a speed check: suites that migrate a fresh MariaDB database or hash passwords
  // outlast jest's 5 s default on a loaded 2-core machine.
  testTimeout: 30_000,
  projects: [
    {
      ...common,
      displayName: "shared",
      testEnvironment: "node",
      roots: ["<rootDir>/packages/shared/src"],
      testMatch: ["**/__tests__/**/*.test.ts"],
    },
    {
      ...common,
      displayName: "api",
      testEnvironment: "node",
      roots: ["<rootDir>/apps/api/src"],
      testMatch: ["**/__tests__/**/*.test.ts"],
      setupFiles: ["reflect-metadata"],
    },
    {
      ...common,
      displayName: "web",
      testEnvironment: "jsdom",
      roots: ["<rootDir>/apps/web/src"],
      testMatch: ["**/__tests__/**/*.test.{ts,tsx}"],
      setupFiles: ["<rootDir>/apps/web/jest/setup.ts"],
      moduleNameMapper: {
        ...common.moduleNameMapper,
        "\\.css$": "<rootDir>/apps/web/jest/style-stub.ts",
        // antd's ES build is for the bundler; jest runs its CommonJS twin.
        "^antd/es/(.*)$": "antd/lib/$1",
        // The icons' CommonJS build still asks for the colours' ES build.
        "^@ant-design/colors/es/(.*)$": "@ant-design/colors/lib/$1",
      },
    },
  ],
};
