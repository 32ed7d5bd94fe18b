/**
 * npm run check (check:cycles): no import cycle between two files anywhere in the API, the
 * scripts or the shared package, type-only imports included. Feature modules are checked as
 * wholes by .dependency-cruiser-modules.cjs.
 */
module.exports = {
  forbidden: [
    {
      name: "no-cycle",
      severity: "error",
      comment:
        "A cycle makes load order matter and hides which side depends on which: break it (docs/architecture.md).",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(dist|node_modules)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.base.json" },
  },
};
