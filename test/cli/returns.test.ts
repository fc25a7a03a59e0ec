// Issue 8 end to end, through the compiled CLI as an analyst runs it: an LA return merged
// with the published data cell by cell (Bolton's return with Demand blank must not wipe
// out its published 590 children: Greater Manchester stays 6,119), a return filling Supply
// beside an SSDA903 extract filling Demand, a 2026 return, every template section in the
// reports, and the EES publication files.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSuff } from "../helpers/cli";
import { boltonReturn, complete2026 } from "../helpers/bolton-return";
import { coreReturnCsv } from "../helpers/returns";
import { eesRuleFailures } from "../helpers/ees-rules";

const FOOTPRINTS = "data/footprints/combined-authorities.csv";
let dir = "";
const at = (...parts: string[]) => path.join(dir, ...parts);
const csv = (file: string) => parse(readFileSync(file, "utf8"), { columns: true }) as Array<Record<string, string>>;
const headline = (rows: Array<Record<string, string>>, code: string, period = "2025") =>
  rows.find((r) => r.time_period === period && r.footprint_code === code && r.measure === "cla_31_march" && r.placement_type === "total" && r.age_band === "total");

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "suff-returns-"));
  writeFileSync(at("bolton-2025.xlsx"), await boltonReturn(2025));
  writeFileSync(at("bolton-2019.xlsx"), await boltonReturn(2019));
  writeFileSync(at("bolton-2026.csv"), coreReturnCsv({ la: "350", period: "2026", fill: complete2026 }));
  const ingest = runSuff(["ingest", "data/published", at("bolton-2025.xlsx"), at("bolton-2026.csv"), "--out", at("ds")]);
  expect(ingest.status, ingest.stderr).toBe(0);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a Bolton return with Demand blank, ingested with the published data", () => {
  it("keeps Bolton's published figures where the return is blank and takes the return's own figures, saying where each came from", () => {
    const rows = csv(at("ds", "dataset.csv"));
    const bolton = (measure: string, period = "2025") => rows.find((r) => r.old_la_code === "350" && r.time_period === period && r.measure === measure && (r.placement_type === "total" || r.placement_type === "") && (r.age_band === "total" || r.age_band === ""));
    expect(bolton("cla_31_march")).toMatchObject({ value: "590", value_status: "ok", source: "dfe-cla-31-march-characteristics" });
    expect(bolton("population_0_17")).toMatchObject({ source: "ons-population-0-17" });
    expect(bolton("foster_places_approved")).toMatchObject({ value: "260", source: "template-xlsx" });
    expect(bolton("cla_31_march", "2026")).toMatchObject({ value: "600", source: "long-csv" });
    const diagnostics = readFileSync(at("ds", "diagnostics.csv"), "utf8");
    expect(diagnostics).not.toMatch(/Bolton \(350\) 2025.*kept missing/);
    expect(diagnostics).toMatch(/I_MISSING_FILLED.*cells left missing in .*bolton-2025\.xlsx \(template-xlsx\) were taken from .*cla_on_31_march_by_characteristics_2021_2025\.csv/);
  });

  it("aggregates Greater Manchester to 6,119 for 2025, complete", () => {
    const r = runSuff(["aggregate", at("ds"), "--to", "footprint", "--footprints", FOOTPRINTS, "--years", "2025", "--out", at("gm.csv")]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Greater Manchester\s+6,119, 89\.4 per 10,000\n/);
    expect(headline(csv(at("gm.csv")), "GMCA")).toMatchObject({ value: "6119", value_status: "ok", members_present: "10", members_missing: "0" });
  });

  it("the reports (footprint, LA, England) headline 6,119 with no spurious fall, and show every return section with who supplied it", () => {
    const r = runSuff(["report", "--dataset", at("ds"), "--scope", "footprint:GMCA,la:350,england", "--footprints", FOOTPRINTS, "--format", "html,csv", "--no-png", "--out", at("reports")], { timeout: 580_000 });
    expect(r.status, r.stderr).toBe(0);
    const gm = at("reports", "footprint-gmca-greater-manchester");
    const html = readFileSync(path.join(gm, "report.html"), "utf8");
    expect(html).toContain("<dd>6,119</dd>");
    expect(html).not.toMatch(/5,529|−685/);
    const comparators = csv(path.join(gm, "csv", "comparators.csv"));
    expect(comparators[0]).toMatchObject({ area: "Greater Manchester", cla: "6119" });
    for (const table of ["inhouse-fostering", "la-homes", "block-contracts", "planned-beds", "returns-weekly-costs", "costs-over-10k", "unmet-need", "need-mismatch", "referrals-no-offer", "providers-used", "owning-groups"]) {
      expect(readdirSync(path.join(gm, "csv")), table).toContain(`${table}.csv`);
    }
    expect(html).toContain("Supplied by 1 of 10 members for the year ending 31 March 2025 (Bolton); not supplied by Bury, Manchester, Oldham, Rochdale, Salford, Stockport, Tameside, Trafford, Wigan.");
    expect(csv(path.join(gm, "csv", "inhouse-fostering.csv"))[1]).toEqual({ measure: "In-house approved foster places", value: "2690", supplied: "1 of 10; the rest from published data" }); // Bolton's 260 from its return, the other nine from the published LA fostering data
    // Disclosure control applies to the new tables: 2 children in unregistered settings and 3 DoLOs are suppressed.
    const unmet = csv(path.join(gm, "csv", "unmet-need.csv"));
    expect(unmet.find((u) => u.measure.startsWith("Children in unregistered"))?.value).toBe("c");
    expect(unmet.find((u) => u.measure.startsWith("Children subject to a deprivation"))?.value).toBe("c");
    const la = at("reports", "la-350-bolton");
    expect(readFileSync(path.join(la, "report.html"), "utf8")).toContain("From Bolton's own return for the year ending 31 March 2025.");
    expect(csv(path.join(la, "csv", "returns-weekly-costs.csv"))[0]).toEqual({ type: "All", sector: "All", mean: "1450", median: "980", placements: "500", supplied: "yes" });
    const england = readFileSync(at("reports", "england", "report.html"), "utf8");
    expect(england).toContain("Supplied by 1 of 153 members for the year ending 31 March 2025 (Bolton); not supplied by the other 152 members.");
    expect(england).toContain("Placement sufficiency report: England, 2025"); // the 2026 return does not make a report about one LA
  }, 600_000);

  it("--publish --format ees writes EES data and metadata files that pass the screener's rules", () => {
    for (const to of ["england"]) { // regions and footprints: test/aggregate/ees-output.test.ts
      const out = at(`ees-${to}`);
      const r = runSuff(["aggregate", at("ds"), "--to", to, "--publish", "--format", "ees", "--out", out]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^58 EES data files, each with its \.meta\.csv/m);
      expect(r.stdout).toContain("not an EES file: provider_children_placed");
      const files = readdirSync(out).filter((f) => !f.endsWith(".meta.csv"));
      const failures = files.flatMap((f) => eesRuleFailures(f, readFileSync(path.join(out, f), "utf8"), f.replace(/\.csv$/, ".meta.csv"), readFileSync(path.join(out, f.replace(/\.csv$/, ".meta.csv")), "utf8")));
      expect(failures).toEqual([]);
    }
    const cla = csv(at("ees-england", "cla_31_march.csv")).find((r) => r.time_period === "2025" && r.placement_type_group === "Total" && r.placement_type === "Total" && r.age_band === "Total");
    // 152 of 153 LAs have a published figure (City of London is suppressed), so the sum is a lower bound: u.
    expect(cla).toMatchObject({ cla_31_march: "u", members_expected: "153", members_present: "152", members_suppressed: "1" });
    expect(runSuff(["aggregate", at("ds"), "--to", "england", "--format", "ees", "--out", at("x")]).stderr).toMatch(/E_USAGE: --format ees writes files for publication: add --publish/);
  }, 300_000);
});

describe("a 2026 return (the current collection year)", () => {
  it("validates with no errors", () => {
    const r = runSuff(["validate", at("bolton-2026.csv")]);
    expect(r.stdout).toContain("0 error(s), 0 warning(s); required values missing: 0");
    expect(r.status).toBe(0);
  });
  it("aggregates: Greater Manchester 2026 is Bolton's 600 as a lower bound over 1 of 10 members", () => {
    const r = runSuff(["aggregate", at("ds"), "--to", "footprint", "--footprints", FOOTPRINTS, "--years", "2026", "--out", at("gm-2026.csv")]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toContain("W_AGGREGATE_LA_OUT_OF_PERIOD");
    expect(headline(csv(at("gm-2026.csv")), "GMCA", "2026")).toMatchObject({ value: "600", value_status: "estimated", members_expected: "10", members_present: "1" });
  });
});

describe("Supply from a workbook and Demand from the SSDA903 extract", () => {
  it("each cell takes the source that has it; --prefer decides between two values", () => {
    const r = runSuff(["ingest", "test/fixtures/ssda903-samples/combined", at("bolton-2019.xlsx"), "--la", "350", "--out", at("ds903")]);
    expect(r.status, r.stderr).toBe(0);
    const rows = csv(at("ds903", "dataset.csv"));
    const total = rows.find((x) => x.time_period === "2019" && x.measure === "cla_31_march" && x.placement_type === "total" && x.age_band === "total");
    expect(total).toMatchObject({ value: "286", source: "ssda903" });
    expect(rows.find((x) => x.time_period === "2019" && x.measure === "foster_places_approved")).toMatchObject({ value: "260", source: "template-xlsx" });
    expect(readFileSync(at("ds903", "diagnostics.csv"), "utf8")).not.toContain("kept missing");
    // With the published data too: the 903 figure beats the published one (a warning names both); --prefer published reverses that.
    const both = runSuff(["ingest", "data/published", "test/fixtures/ssda903-samples/combined", "--la", "350", "--out", at("ds903p")]);
    expect(both.status, both.stderr).toBe(0);
    const kept = csv(at("ds903p", "dataset.csv")).find((x) => x.old_la_code === "350" && x.time_period === "2019" && x.measure === "cla_31_march" && x.placement_type === "total" && x.age_band === "total")!;
    expect(kept).toMatchObject({ value: "286", source: "ssda903" });
    expect(readFileSync(at("ds903p", "diagnostics.csv"), "utf8")).toMatch(/cla_31_march for Bolton \(350\) 2019 \(placement_type=total, age_band=total\) is 286 in .* but \d+ in data\/published\/.*; kept 286 \(ssda903 is preferred to dfe-/);
    const preferred = runSuff(["ingest", "data/published", "test/fixtures/ssda903-samples/combined", "--la", "350", "--prefer", "published", "--out", at("ds903q")]);
    expect(preferred.status, preferred.stderr).toBe(0);
    const published = csv(at("ds903q", "dataset.csv")).find((x) => x.old_la_code === "350" && x.time_period === "2019" && x.measure === "cla_31_march" && x.placement_type === "total" && x.age_band === "total")!;
    expect(published.source).toMatch(/^dfe-/);
    expect(published.value).not.toBe("286");
    expect(JSON.parse(readFileSync(at("ds903q", "manifest.json"), "utf8")).prefer).toEqual(["published"]);
    expect(runSuff(["ingest", "data/published", "--prefer", "spreadsheets", "--out", at("bad")]).stderr).toMatch(/E_USAGE: --prefer spreadsheets names no kind of source/);
  }, 180_000);
});
