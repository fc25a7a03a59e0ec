/**
 * The dataset folder writer and reader: exact column order, dimensions in their columns,
 * empty value when missing with value_status always set, formula-looking text
 * neutralised on write and restored on read, and an atomic round trip.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { datasetCsv, writeDataset } from "../../src/write/dataset";
import { loadDataset, parseDatasetCsv } from "../../src/ingest/load-dataset";
import { DATASET_COLUMNS, type DatasetRow, type Manifest } from "../../src/spec/dataset";

const base: DatasetRow = {
  time_period: "2025", time_identifier: "Reporting year", geographic_level: "Local authority", country_code: "E92000001", country_name: "England",
  region_code: "E12000001", region_name: "North East", old_la_code: "805", new_la_code: "E06000001", la_name: "Hartlepool",
  measure: "cla_31_march", dims: { placement_type: "foster", age_band: "total" }, value: 210, value_status: "ok",
};
const manifest: Manifest = { toolkit_version: "0.1.0", template_version: "1.0.0", created: "2025-01-01T00:00:00.000Z", inputs: [], rows: 3, diagnostics: { error: 0, warning: 0, info: 0 } };

describe("dataset folder", () => {
  it("writes the exact EES column order with dims in their columns", () => {
    const lines = datasetCsv([base]).trimEnd().split("\n");
    expect(lines[0]).toBe(DATASET_COLUMNS.join(","));
    const cells = lines[1].split(",");
    expect(cells[DATASET_COLUMNS.indexOf("placement_type")]).toBe("foster");
    expect(cells[DATASET_COLUMNS.indexOf("age_band")]).toBe("total");
    expect(cells[DATASET_COLUMNS.indexOf("category_of_need")]).toBe("");
    expect(cells[DATASET_COLUMNS.indexOf("value")]).toBe("210");
  });

  it("writes a missing value as empty with its status, never zero", () => {
    const cells = datasetCsv([{ ...base, value: null, value_status: "suppressed" }]).trimEnd().split("\n")[1].split(",");
    expect(cells[DATASET_COLUMNS.indexOf("value")]).toBe("");
    expect(cells[DATASET_COLUMNS.indexOf("value_status")]).toBe("suppressed");
  });

  it("round-trips through dataset.csv and manifest.json, formulas neutralised on disk", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "suff-ds-"));
    try {
      const rows = [base, { ...base, value: null, value_status: "not_available" as const }, { ...base, measure: "provider_children_placed", dims: { provider_id: "=HYPERLINK(1)", owning_group: "Acme, Ltd", sector: "private", placement_type: "total" } }];
      writeDataset(dir, { rows, manifest, diagnostics: [{ code: "X", severity: "warning", message: "m", file: "f.csv", row: 3 }] });
      expect(readFileSync(path.join(dir, "dataset.csv"), "utf8")).toContain("'=HYPERLINK(1)");
      const back = loadDataset(dir);
      expect(back.rows).toEqual(rows);
      expect(back.manifest).toEqual(manifest);
      expect(readFileSync(path.join(dir, "diagnostics.csv"), "utf8").split("\n")[1]).toBe("X,warning,f.csv,,,3,,m,");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a file that is not a dataset", () => {
    expect(() => parseDatasetCsv("a,b\n1,2\n")).toThrow(/not a dataset/);
    expect(() => loadDataset("no/such/dir")).toThrow(/not a dataset folder/);
  });
});
