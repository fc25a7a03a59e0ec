// Issue 14 repros end to end through the compiled CLI: overlapping footprints in one run,
// footprints published in separate runs (the publication ledger), lower bounds, the JSON
// comparison, and an LA report's placement-group forecasts.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import type { DatasetRow } from "../../src/spec/dataset";
import { writeDataset } from "../../src/write/dataset";
import { laRow } from "../aggregate/la-row";
import { runSuff } from "../helpers/cli";

const ROOTS = ["foster", "secure_and_childrens_homes", "supported_accommodation_group", "residential_schools", "other_residential_group", "with_parents_group", "placed_for_adoption_group", "other_placements"];
const GM = ["E08000001", "E08000002", "E08000003", "E08000004", "E08000005", "E08000006", "E08000007", "E08000008", "E08000009", "E08000010"];
const dir = mkdtempSync(path.join(os.tmpdir(), "suff-disclosure-"));
const manifest = { toolkit_version: "test", template_version: "1.0.0", created: "2025-01-01", inputs: [], rows: 0, diagnostics: { error: 0, warning: 0, info: 0 } };

/** LA returns: groups per LA per year (source template-xlsx: nobody publishes them). */
function write(name: string, las: string[], years: number[], groups: (la: number, year: number) => number[], extra: DatasetRow[] = []): string {
  const rows: DatasetRow[] = [...extra];
  for (const y of years) las.forEach((la, i) => {
    const v = groups(i, y);
    ROOTS.forEach((g, j) => rows.push({ ...laRow(la, String(y), "cla_31_march", { placement_type: g, age_band: "total" }, v[j]!), source: "template-xlsx" }));
    rows.push({ ...laRow(la, String(y), "cla_31_march", { placement_type: "total", age_band: "total" }, v.reduce((a, b) => a + b, 0)), source: "template-xlsx" });
    rows.push(laRow(la, String(y), "population_0_17", {}, 20000 + 1000 * i));
  });
  const ds = path.join(dir, name);
  writeDataset(ds, { rows, manifest: { ...manifest, rows: rows.length }, diagnostics: [] });
  return ds;
}

function footprints(name: string, sets: Record<string, string[]>): string {
  const file = path.join(dir, name);
  writeFileSync(file, `new_la_code,footprint_code,footprint_name\n${Object.entries(sets).flatMap(([code, las]) => las.map((la) => `${la},${code},${code} name`)).join("\n")}\n`);
  return file;
}

const secure = (file: string, code: string) => (parse(readFileSync(file, "utf8"), { columns: true }) as Array<Record<string, string>>).find((r) => r.footprint_code === code && r.placement_type === "secure_and_childrens_homes")!.value;

let ab = "";
beforeAll(() => {
  // The excluded LA (Wigan, E08000010) has 3 children in secure and children's homes.
  ab = write("ab", GM, [2025], (i) => [300 + 7 * i, i === 9 ? 3 : 25 + i, 20 + i, 6 + i, 8, 12 + i, 9 + i, 10]);
});

describe("suff aggregate --publish against an attacker (issue 14)", () => {
  it("overlapping footprints in one run: A minus B does not give the excluded LA's 3", () => {
    const out = path.join(dir, "ab.csv");
    const r = runSuff(["aggregate", ab, "--to", "footprint", "--footprints", footprints("ab-fp.csv", { A: GM, B: GM.slice(0, 9) }), "--publish", "--ledger", path.join(dir, "l-one.json"), "--out", out]);
    expect(r.status, r.stderr).toBe(0);
    const [a, b] = [secure(out, "A"), secure(out, "B")];
    expect([a, b]).toContain("c");
    // Without --publish the difference is there: 264 - 261 = 3.
    const open = path.join(dir, "ab-open.csv");
    runSuff(["aggregate", ab, "--to", "footprint", "--footprints", footprints("ab-fp.csv", { A: GM, B: GM.slice(0, 9) }), "--out", open]);
    expect(Number(secure(open, "A")) - Number(secure(open, "B"))).toBe(3);
  });

  it("separate runs: the ledger (by default in the dataset folder) protects B against A published before", () => {
    const outA = path.join(dir, "a.csv");
    const outB = path.join(dir, "b.csv");
    expect(runSuff(["aggregate", ab, "--to", "footprint", "--footprints", footprints("fp-a.csv", { A: GM }), "--publish", "--out", outA]).status).toBe(0);
    expect(readdirSync(ab)).toContain("publication-ledger.json");
    const r = runSuff(["aggregate", ab, "--to", "footprint", "--footprints", footprints("fp-b.csv", { B: GM.slice(0, 9) }), "--publish", "--out", outB]);
    expect(r.stdout).toMatch(/publication ledger .*publication-ledger.json: \d+ figures added \(\d+ published before were protected against\)/);
    expect(secure(outA, "A")).toBe("264");
    expect(secure(outB, "B")).toBe("c");
    // The control: with a fresh ledger, B is published and A - B = 3.
    const control = path.join(dir, "b-control.csv");
    runSuff(["aggregate", ab, "--to", "footprint", "--footprints", footprints("fp-b.csv", { B: GM.slice(0, 9) }), "--publish", "--ledger", path.join(dir, "fresh.json"), "--out", control]);
    expect(264 - Number(secure(control, "B"))).toBe(3);
  });

  it("a lower bound gets secondary suppression, and the JSON comparison is of the protected figures", () => {
    const nw = GM.slice(0, 3);
    const regional = ROOTS.map((g): DatasetRow => ({ ...laRow(nw[0]!, "2025", "cla_31_march", { placement_type: g, age_band: "total" }, 10), geographic_level: "Regional", old_la_code: "", new_la_code: "", la_name: "", source: "dfe-cla" }));
    const ds = write("lb", nw, [2025], (i) => [300 + 7 * i, 1, 20 + i, 6 + i, 8, 12 + i, 9 + i, 10], regional);
    const out = path.join(dir, "lb.json");
    expect(runSuff(["aggregate", ds, "--to", "region", "--publish", "--out", out]).status).toBe(0);
    const json = JSON.parse(readFileSync(out, "utf8"));
    const nwRows = json.rows.filter((r: Record<string, string>) => r.footprint_code === "E12000002");
    expect(nwRows.filter((r: Record<string, unknown>) => r.value_status === "suppressed").length).toBeGreaterThanOrEqual(2);
    for (const c of json.comparison.filter((x: Record<string, unknown>) => x.footprint_code === "E12000002")) {
      const row = nwRows.find((r: Record<string, string>) => c.dims.includes(`placement_type=${r.placement_type} `));
      if (row?.value_status === "suppressed") expect(c).toMatchObject({ computed: null, difference: null });
    }
    expect(JSON.stringify(json.comparison)).not.toMatch(/"computed":3\b/);
  });
});

describe("suff report forecasts (issue 14)", () => {
  it("an LA report forecasts no group whose figure it suppresses", () => {
    const ne = ["E06000001", "E06000002", "E06000003", "E06000004"];
    const ds = write("ts", ne, [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025], (i, y) => [150 + 5 * i + y - 2017, i === 0 ? 3 : 25 + i, 20 + i, 6 + i, 8, 12 + i, 9 + i, 10]);
    const out = path.join(dir, "reports");
    const r = runSuff(["report", "--dataset", ds, "--scope", "la:805", "--format", "csv", "--no-png", "--out", out], { timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    const folder = path.join(out, readdirSync(out).find((f) => f.startsWith("la-805"))!);
    const mix = readFileSync(path.join(folder, "csv", "placement-mix.csv"), "utf8");
    expect(mix).toMatch(/Secure homes and children's homes,c/);
    const forecast = readFileSync(path.join(folder, "csv", "placement-forecast.csv"), "utf8");
    expect(forecast).not.toMatch(/Secure homes and children's homes,20\d\d,forecast/);
  }, 120_000);
});
