import { readFileSync } from "node:fs";
import type { Plugin } from "vite";

const CALL = /\bgraphql\(\s*`\s*(query|mutation|subscription|fragment)\s+(\w+)[^`]*`\s*\)/g;
const EXPORT = /^export const (\w+) = (\{.*\}) as unknown as DocumentNode<.*$/gm;

/**
 * What the client preset's babel/swc plugin is for, done by Vite: each `graphql(`…`)` call becomes
 * the document itself, as codegen wrote it into `graphql.ts` (fragments included). Otherwise every
 * page would share one module holding every operation of the app, in the first load of each.
 * Names follow codegen's: `query Me` → `MeDocument`, `fragment F` → `FFragmentDoc`.
 */
export function graphqlDocuments(options: { generated: string }): Plugin {
  const generatedDir = options.generated.replace(/[\\/]graphql\.ts$/, "");
  let documents: Map<string, string> | null = null;
  const load = () => new Map([...readFileSync(options.generated, "utf8").matchAll(EXPORT)].map((m) => [m[1], m[2]]));
  return {
    name: "zuofu-graphql-documents",
    enforce: "pre",
    watchChange(id) {
      if (id === options.generated) documents = null;
    },
    transform(code, id) {
      if (!/\.tsx?$/.test(id) || id.startsWith(generatedDir) || !code.includes("graphql(`")) return null;
      this.addWatchFile(options.generated);
      documents ??= load();
      const known = documents;
      const replaced = code.replace(CALL, (_call, kind: string, name: string) => {
        const exported = kind === "fragment" ? `${name}FragmentDoc` : `${name}Document`;
        const document = known.get(exported);
        if (!document) this.error(`${exported} is not in ${options.generated}: run npm run codegen`);
        return document;
      });
      return replaced === code ? null : { code: replaced, map: null };
    },
  };
}
