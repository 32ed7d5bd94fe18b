import { gzipSync } from "node:zlib";
import type { Plugin } from "vite";

interface ChunkInfo {
  code: string;
  imports: string[];
  css: string[];
}

/**
 * After a build, prints what each page costs on a first visit: the entry with everything it
 * imports statically, plus the page's own lazy chunk (and its lazy layout's) with their static
 * imports, JS and CSS, gzipped. Chunks a page loads later (after its first render) are not counted.
 */
export function routeSizes(options: { parents?: Record<string, string[]> } = {}): Plugin {
  return {
    name: "zuofu-route-sizes",
    apply: "build",
    // After Vite has written each chunk's preload list into its code: the sizes the browser gets.
    writeBundle(_options, bundle) {
      const chunks = new Map<string, ChunkInfo>();
      const assets = new Map<string, number>();
      let entry: string | undefined;
      const pages: { name: string; file: string }[] = [];
      for (const [file, output] of Object.entries(bundle)) {
        if (output.type === "asset") {
          const source = typeof output.source === "string" ? output.source : Buffer.from(output.source);
          assets.set(file, gzipSync(source).length);
          continue;
        }
        const css = [...(output.viteMetadata?.importedCss ?? [])];
        chunks.set(file, { code: output.code, imports: output.imports, css });
        if (output.isEntry) entry = file;
        const page = output.facadeModuleId?.match(/([\w-]+(?:-page|-layout))\.tsx$/)?.[1];
        if (output.isDynamicEntry && page) pages.push({ name: page, file });
      }
      if (!entry) return;
      const closure = (roots: string[]) => {
        const seen = new Set<string>();
        const visit = (file: string) => {
          if (seen.has(file) || !chunks.has(file)) return;
          seen.add(file);
          chunks.get(file)!.imports.forEach(visit);
        };
        roots.forEach(visit);
        return seen;
      };
      const size = (files: Set<string>) => {
        let js = 0;
        const css = new Set<string>();
        for (const file of files) {
          const chunk = chunks.get(file)!;
          js += gzipSync(chunk.code).length;
          chunk.css.forEach((c) => css.add(c));
        }
        let cssSize = 0;
        css.forEach((c) => (cssSize += assets.get(c) ?? 0));
        return { js, css: cssSize };
      };
      const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
      const base = size(closure([entry]));
      const lines = [`entry only: JS ${kb(base.js)} gz, CSS ${kb(base.css)} gz`];
      const fileOf = new Map(pages.map((p) => [p.name, p.file]));
      // A page inside a lazy layout (the console's pages) also loads that layout's chunk.
      const parentOf = (name: string) =>
        Object.entries(options.parents ?? {}).find(([, children]) => children.includes(name))?.[0];
      for (const page of pages.sort((a, b) => a.name.localeCompare(b.name))) {
        const parent = parentOf(page.name);
        const roots = [entry, page.file, ...(parent && fileOf.has(parent) ? [fileOf.get(parent)!] : [])];
        const total = size(closure(roots));
        lines.push(`${page.name.padEnd(22)} JS ${kb(total.js).padStart(9)} gz, CSS ${kb(total.css).padStart(8)} gz`);
      }
      // Logged, not emitted: this is a report for whoever runs the build.
      console.log(`\nFirst-visit size per page (entry + page chunk, gzip):\n  ${lines.join("\n  ")}\n`);
    },
  };
}
