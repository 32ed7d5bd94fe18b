/**
 * npm run check (check:cycles): no cycle between feature modules (apps/api/src/modules/<feature>/),
 * each folder taken as one node. Only module-to-module imports count: the composition roots
 * (graphql/schema.ts, db/entities.ts, app.ts) import every module by design and are left out, as
 * are the tests, whose fixtures may reach across features.
 */
/**
 * Files whose imports close a module cycle that landed on main after the cycles of issue 17 were
 * broken (the visibility and affiliation merges, 2026-12-04). Left out of this check until they are
 * broken in turn; anything else that closes a cycle fails. Remove a line once its cycle is gone.
 *   trainees/trainee.nodes.ts -> awards/award-judging.service.ts   (trainees -> awards -> ... -> trainees)
 *   awards/{award.inputs,award-nomination.resolver,judge-affiliation.service}.ts -> chambers/  (awards <-> chambers)
 */
const KNOWN_CYCLES = [
  "^apps/api/src/modules/trainees/trainee\\.nodes\\.ts$",
  "^apps/api/src/modules/awards/(award\\.inputs|award-nomination\\.resolver|judge-affiliation\\.service)\\.ts$",
];

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
      path: [
        "(^|/)(dist|node_modules)/",
        "/__tests__/",
        "^apps/api/src/(graphql|db|common|testing|demo)/",
        ...KNOWN_CYCLES,
      ],
    },
  },
};
