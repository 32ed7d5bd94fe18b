import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { graphqlDocuments } from "./build/graphql-documents";
import { precompress } from "./build/precompress";
import { routeSizes } from "./build/route-sizes";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here("."),
  plugins: [
    graphqlDocuments({ generated: here("src/gql/graphql.ts") }),
    react(),
    precompress(),
    routeSizes({
      parents: {
        "console-layout": [
          "enterprises-page",
          "trainees-page",
          "users-page",
          "audit-page",
          "console-courses-page",
          "console-cohorts-page",
          "console-cohort-page",
          "attendance-page",
          "console-certificates-page",
          "dashboard-page",
          "console-events-page",
          "console-event-page",
          "console-speakers-page",
          "console-award-cycles-page",
          "console-award-cycle-page",
          "chambers-page",
          "chamber-page",
          "imports-page",
          "delivery-failures-page",
          "console-judges-page",
          "enterprise-links-page",
          "trainee-claims-page",
          "coverage-page",
          "commissioners-page",
          "departments-page",
          "console-contacts-page",
          "desk-queue-page",
          "console-problem-page",
          "department-inbox-page",
          "escalation-board-page",
          "desk-figures-page",
        ],
      },
    }),
  ],
  resolve: {
    // The validators and messages the API uses, compiled into the app from source.
    alias: { "@zuofu/shared": here("../../packages/shared/src/index.ts") },
  },
  server: {
    proxy: { "/graphql": "http://localhost:4000" },
  },
  build: {
    outDir: here("dist"),
    emptyOutDir: true,
    // WeChat's in-app browser lags the system browser a little; stay a step behind the newest.
    target: ["es2020", "chrome87", "safari14", "firefox78", "edge88"],
    reportCompressedSize: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Libraries every page needs, in long-cached chunks of their own; antd is left to split
          // per page so a page loads only the components it uses.
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: "apollo", test: /node_modules[\\/](@apollo|graphql|rxjs|@wry|optimism|tslib)[\\/]/ },
          ],
        },
      },
    },
  },
});
