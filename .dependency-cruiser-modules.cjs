/**
 * npm run check (check:cycles): no cycle between feature modules (apps/api/src/modules/<feature>/),
 * each folder taken as one node. Only module-to-module imports count: the composition roots
 * (graphql/schema.ts, db/entities.ts, app.ts) import every module by design and are left out, as
 * are the tests, whose fixtures may reach across features.
 */
module.exports = {
  forbidden: [
    {
      name: "no-module-cycle",
      severity: "error",
      scope: "folder",
      comment:
        "Two feature modules that import each other are one module in two places: pick the direction (docs/architecture.md).",
      from: { path: "^apps/api/src/modules/[^/]+$" },
      to: { path: "^apps/api/src/modules/[^/]+$", circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.base.json" },
    exclude: {
      path: ["(^|/)(dist|node_modules)/", "/__tests__/", "^apps/api/src/(graphql|db|common|testing|demo)/"],
    },
  },
};
