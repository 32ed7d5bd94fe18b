import { fileURLToPath } from "node:url";
import type { CodegenConfig } from "@graphql-codegen/cli";

// Paths from this file, so `npm run codegen` works from the repo root and from apps/web alike.
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const config: CodegenConfig = {
  schema: here("../../schema.graphql"),
  documents: [here("./src/**/*.{ts,tsx}"), `!${here("./src/gql/**")}`],
  ignoreNoDocuments: false,
  generates: {
    [here("./src/gql/")]: {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: false,
        defaultScalarType: "unknown",
        scalars: { DateTimeISO: "string", ID: "string" },
      },
    },
  },
};

export default config;
