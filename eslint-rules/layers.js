// Enforces the layer direction of ARCHITECTURE.md: a folder of src/ imports only
// folders above it in LAYERS. Also keeps node:fs to the few places allowed to touch
// the file system, and keeps stats/ and forecast/kernels/ free of tables and I/O.
import path from "node:path";

/** Order matters: index i may import index j only when j <= i. */
export const LAYERS = [
  "util",
  "spec",
  "reference",
  "stats",
  "template",
  "ingest",
  "validate",
  "aggregate",
  "forecast/kernels",
  "forecast/models",
  "forecast",
  "market",
  "report",
  "write",
  "footprints",
  "serve",
  "index",
  "cli",
];

function layerOf(file, srcRoot) {
  const rel = path.relative(srcRoot, file).split(path.sep).join("/");
  if (rel.startsWith("..")) return null;
  if (rel === "index.ts") return "index";
  if (rel === "cli.ts" || rel === "main.ts" || rel.startsWith("cli/")) return "cli";
  if (rel.startsWith("forecast/kernels/")) return "forecast/kernels";
  if (rel.startsWith("forecast/models/")) return "forecast/models";
  const top = rel.split("/")[0];
  return LAYERS.includes(top) ? top : null;
}

const FS_MODULES = new Set(["fs", "node:fs", "fs/promises", "node:fs/promises"]);
const PURE_LAYERS = new Set(["stats", "forecast/kernels", "util", "spec"]);

function fsAllowed(rel) {
  return (
    rel === "cli.ts" ||
    rel === "main.ts" ||
    rel.startsWith("cli/") ||
    rel.startsWith("write/") ||
    // The collection service is an entry point like the CLI: its database folder and report files.
    rel.startsWith("serve/") ||
    /^ingest\/(.*\/)?load-[^/]+\.ts$/.test(rel)
  );
}

export default {
  rules: {
    "layer-direction": {
      meta: { type: "problem", schema: [], messages: {
        upward: "Layer '{{from}}' may not import from layer '{{to}}' (see ARCHITECTURE.md: data flows one way).",
        cli: "Nothing imports cli.ts or src/cli/.",
        fs: "Only src/ingest/**/load-*.ts, src/write/, src/cli.ts, src/cli/ and src/main.ts may touch the file system.",
        pure: "'{{from}}' is pure: no tables (arquero), I/O or logging libraries.",
      } },
      create(context) {
        const file = context.filename;
        const srcRoot = path.resolve(context.cwd, "src");
        const from = layerOf(file, srcRoot);
        if (!from) return {};
        const rel = path.relative(srcRoot, file).split(path.sep).join("/");
        function check(node, source) {
          if (typeof source !== "string") return;
          if (FS_MODULES.has(source) && !fsAllowed(rel)) {
            context.report({ node, messageId: "fs" });
            return;
          }
          if (PURE_LAYERS.has(from) && (source === "arquero" || source.startsWith("exceljs") || source === "commander")) {
            context.report({ node, messageId: "pure", data: { from } });
            return;
          }
          if (!source.startsWith(".")) return;
          const target = path.resolve(path.dirname(file), source);
          const to = layerOf(target.endsWith(".ts") ? target : target + ".ts", srcRoot) ?? layerOf(path.join(target, "index.ts"), srcRoot);
          if (!to) return;
          if (to === "cli" && from !== "cli") { context.report({ node, messageId: "cli" }); return; }
          if (LAYERS.indexOf(to) > LAYERS.indexOf(from)) {
            context.report({ node, messageId: "upward", data: { from, to } });
          }
        }
        return {
          ImportDeclaration(node) { check(node, node.source.value); },
          ExportNamedDeclaration(node) { if (node.source) check(node, node.source.value); },
          ExportAllDeclaration(node) { check(node, node.source.value); },
          ImportExpression(node) { if (node.source.type === "Literal") check(node, node.source.value); },
        };
      },
    },
  },
};
