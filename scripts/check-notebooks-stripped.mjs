#!/usr/bin/env node
// Committed notebooks carry no outputs: every code cell has `outputs: []` and
// `execution_count: null`, and the notebook metadata has no widget state. Outputs hold
// figures from one run on one machine; they bloat diffs and go stale as the data change.
//
//   node scripts/check-notebooks-stripped.mjs          # check notebooks/*.ipynb (exit 1 naming any with outputs)
//   node scripts/check-notebooks-stripped.mjs --strip  # strip them in place (npm run notebooks:strip)
//   node scripts/check-notebooks-stripped.mjs FILE...  # check (or strip) the given notebooks
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const strip = args.includes("--strip");
const given = args.filter((a) => a !== "--strip");
const dir = path.join(root, "notebooks");
const files = given.length ? given : readdirSync(dir).filter((f) => f.endsWith(".ipynb")).sort().map((f) => path.join(dir, f));

/** What is not stripped in a notebook: one line per problem. */
function problems(nb) {
  const out = [];
  (nb.cells ?? []).forEach((cell, i) => {
    if (cell.cell_type !== "code") return;
    if ((cell.outputs ?? []).length > 0) out.push(`cell ${i + 1} has ${cell.outputs.length} output(s)`);
    if (cell.execution_count !== null && cell.execution_count !== undefined) out.push(`cell ${i + 1} has execution_count ${cell.execution_count}`);
  });
  if (nb.metadata?.widgets) out.push("metadata has widget state");
  return out;
}

/** Keys sorted at every level, as Jupyter (nbformat) writes a notebook, so a stripped file diffs cleanly. */
function sorted(value) {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sorted(value[k])]));
}

let bad = 0;
for (const file of files) {
  const text = readFileSync(file, "utf8");
  const nb = JSON.parse(text);
  const found = problems(nb);
  if (found.length === 0) continue;
  if (strip) {
    for (const cell of nb.cells) if (cell.cell_type === "code") { cell.outputs = []; cell.execution_count = null; }
    delete nb.metadata.widgets;
    writeFileSync(file, JSON.stringify(sorted(nb), null, 1) + "\n");
    console.log(`stripped ${path.relative(root, file)}`);
  } else {
    bad++;
    console.error(`${path.relative(root, file)} is not stripped: ${found.slice(0, 3).join("; ")}${found.length > 3 ? `; and ${found.length - 3} more` : ""}`);
  }
}
if (bad) {
  console.error(`${bad} notebook(s) have outputs: run \`npm run notebooks:strip\` before committing.`);
  process.exit(1);
}
if (!strip) console.log(`notebooks stripped: ok (${files.length} checked)`);
