/**
 * Regenerate test/fixtures/published-<name>/expected.json from the readers:
 * `npx tsx test/ingest/published/regenerate-golden.ts`. Review every change against the
 * source CSV before committing it (git diff test/fixtures): a golden file is only as good
 * as that check.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { readPublished } from "../../../src/ingest/from-published/read-published";
import { goldenOf } from "./golden-format";

/** File names given to the readers where the name carries the period (RO3, Ofsted snapshots). */
const NAMES: Record<string, string> = {
  "published-mhclg-ro3": "ro3_2024_25_children_looked_after.csv",
  "published-ofsted-provider-level": "ofsted_provider_level_31mar2023.csv",
  "published-ofsted-providers-places": "ofsted_providers_places_31mar2023.csv",
};

for (const dir of readdirSync("test/fixtures").filter((d) => d.startsWith("published-")).sort()) {
  const file = NAMES[dir] ?? "input.csv";
  const result = readPublished({ name: file, bytes: readFileSync(`test/fixtures/${dir}/input.csv`) });
  if (!result) {
    console.error(`${dir}: not recognised`);
    continue;
  }
  writeFileSync(`test/fixtures/${dir}/expected.json`, JSON.stringify(goldenOf(file, result), null, 1) + "\n");
  console.log(`${dir}: ${result.kind}, ${result.rowsRead} read, ${result.rows.length} rows`);
}
