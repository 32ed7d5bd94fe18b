import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, constants } from "node:zlib";
import type { Plugin } from "vite";

/**
 * Writes `<file>.gz` beside every script and style sheet of the build, at the highest level, once:
 * the API sends those to browsers that accept gzip instead of compressing on every request.
 */
export function precompress(): Plugin {
  let outDir = "dist";
  return {
    name: "zuofu-precompress",
    apply: "build",
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle(_options, bundle) {
      for (const [file, output] of Object.entries(bundle)) {
        if (!/\.(js|css)$/.test(file)) continue;
        const source = output.type === "chunk" ? output.code : output.source;
        const body = gzipSync(source, { level: constants.Z_BEST_COMPRESSION });
        writeFileSync(join(outDir, `${file}.gz`), body);
      }
    },
  };
}
