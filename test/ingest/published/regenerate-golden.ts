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
  "published-ofsted-register-2025": "providers_places_at_31_mar_2025.csv",
  "published-ofsted-register-sept-2014": "providers_at_sept_14.csv",
  "published-dfe-history-cla": "2017/SFR50_CLA2017.csv",
  "published-dfe-history-2010": "2010/SFR27_2010_March.csv",
  "published-dfe-history-starts": "2015/SFR34_ADM2015.csv",
  "published-dfe-history-ceases": "2016/SFR41_CEA2016.csv",
  "published-dfe-s251-outturn": "outturn_1314.csv",
  "published-ofsted-fostering-la": "Local_authority_level_fostering_data_2018_to_2019.csv",
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
