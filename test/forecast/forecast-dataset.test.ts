import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadDataset } from "../../src/ingest/load-dataset";
import { forecastDataset, forecastDatasetColumns, type ForecastDatasetRow } from "../../src/forecast/forecast-dataset";
import { RECONCILE_METHODS } from "../../src/forecast/reconcile";
import { parseFootprints } from "../../src/aggregate/parse-footprints";
import { SUFF } from "../helpers/cli";

const { rows } = loadDataset("test/fixtures/forecast-dataset-small");
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function checkCoherent(out: ForecastDatasetRow[], dimension?: "placement_type") {
  for (const period of ["2026", "2027"]) {
    const at = out.filter((r) => r.time_period === period);
    const values = dimension ? [...new Set(at.map((r) => r.dims[dimension]!))].filter((v) => v !== "total") : ["total"];
    const pick = (level: string, v: string) => at.filter((r) => r.geographic_level === level && (dimension ? r.dims[dimension] === v : true));
    for (const v of [...values, ...(dimension ? ["total"] : [])]) {
      const national = pick("National", v);
      expect(national).toHaveLength(1);
      expect(national[0].mean).toBeCloseTo(sum(pick("Local authority", v).map((r) => r.mean)), 6);
      for (const region of pick("Regional", v)) {
        expect(region.mean).toBeCloseTo(sum(pick("Local authority", v).filter((r) => r.region_code === region.region_code).map((r) => r.mean)), 6);
      }
    }
    if (dimension) {
      for (const la of at.filter((r) => r.geographic_level === "Local authority" && r.dims[dimension] === "total")) {
        expect(la.mean).toBeCloseTo(sum(at.filter((r) => r.new_la_code === la.new_la_code && r.dims[dimension] !== "total").map((r) => r.mean)), 6);
      }
    }
  }
  for (const r of out) {
    expect(r.mean).toBeGreaterThanOrEqual(0);
    expect(r.lower[95]).toBeGreaterThanOrEqual(0);
    expect(r.lower[95]).toBeLessThanOrEqual(r.lower[80] + 1e-9);
    expect(r.lower[80]).toBeLessThanOrEqual(r.mean + 1e-9);
    expect(r.upper[80]).toBeLessThanOrEqual(r.upper[95] + 1e-9);
  }
}

describe("forecastDataset", () => {
  it("forecasts current LAs, regions and England, coherent for every reconciliation method", () => {
    for (const method of RECONCILE_METHODS) {
      const { rows: out, notes } = forecastDataset(rows, { measure: "cla_31_march", horizon: 2, reconcile: method });
      expect(out[0].geographic_level).toBe("National");
      checkCoherent(out);
      const laCodes = new Set(out.filter((r) => r.geographic_level === "Local authority").map((r) => r.old_la_code));
      expect(laCodes.has("909")).toBe(false);
      expect(laCodes.has("942") && laCodes.has("943")).toBe(true);
      expect(laCodes.size).toBe(14);
      expect(notes.join(" ")).toMatch(/Cumberland, Westmorland and Furness: too short .* combined area/);
      expect(out.find((r) => r.old_la_code === "942")!.model).toContain("share of combined area");
    }
  });

  it("splits a short successor pair by its share and keeps their sum near the combined history", () => {
    const { rows: out } = forecastDataset(rows, { measure: "cla_31_march", horizon: 1, reconcile: "bottom-up" });
    const cumberland = out.find((r) => r.old_la_code === "942")!;
    const westmorland = out.find((r) => r.old_la_code === "943")!;
    const last = rows.filter((r) => r.measure === "cla_31_march" && r.time_period === "2025" && ["942", "943"].includes(r.old_la_code) && r.dims.placement_type === "total");
    expect(cumberland.mean + westmorland.mean).toBeGreaterThan(0.8 * sum(last.map((r) => r.value!)));
    expect(cumberland.mean + westmorland.mean).toBeLessThan(1.3 * sum(last.map((r) => r.value!)));
    expect(cumberland.mean / (cumberland.mean + westmorland.mean)).toBeGreaterThan(0.55);
  });

  it("forecasts by placement type as a grouped structure (LA x type, LA totals, region x type, England x type)", () => {
    const { rows: out } = forecastDataset(rows, { measure: "cla_31_march", by: ["placement_type"], horizon: 2 });
    checkCoherent(out, "placement_type");
    expect(new Set(out.map((r) => r.dims.placement_type))).toEqual(new Set(["total", "foster", "secure_and_childrens_homes", "other_placements"]));
    expect(out.every((r) => r.dims.age_band === "total")).toBe(true);
  });

  it("uses a footprint file between LA and England", () => {
    const footprints = parseFootprints("new_la_code,footprint_code,footprint_name\n840,FP1,Durham and Darlington\n841,FP1,Durham and Darlington\n942,FP2,Cumbria area\n943,FP2,Cumbria area\n").set;
    const { rows: out } = forecastDataset(rows, { measure: "cla_31_march", horizon: 1, footprints, reconcile: "wls-structural" });
    const fp = out.filter((r) => r.geographic_level === "Footprint");
    expect(fp.map((r) => r.footprint_code).sort()).toEqual(["FP1", "FP2"]);
    const fp1 = fp.find((r) => r.footprint_code === "FP1")!;
    expect(fp1.region_code).toBe("E12000001");
    expect(fp1.mean).toBeCloseTo(sum(out.filter((r) => ["840", "841"].includes(r.old_la_code)).map((r) => r.mean)), 6);
  });

  it("names its columns (JSDoc example)", () => {
    expect(forecastDatasetColumns(["placement_type"], [80]).slice(-5)).toEqual(["placement_type", "model", "mean", "lo80", "hi80"]);
  });

  it("stops with a coded error for an unknown measure, a non-additive one, or a wrong dimension", () => {
    expect(() => forecastDataset(rows, { measure: "nope", horizon: 1 })).toThrow(expect.objectContaining({ code: "E_FORECAST_MEASURE" }));
    expect(() => forecastDataset(rows, { measure: "weekly_cost_mean", horizon: 1 })).toThrow(expect.objectContaining({ code: "E_FORECAST_MEASURE" }));
    expect(() => forecastDataset(rows, { measure: "cla_31_march", by: ["sector"], horizon: 1 })).toThrow(expect.objectContaining({ code: "E_FORECAST_DIMENSION" }));
    expect(() => forecastDataset(rows, { measure: "cla_31_march_uasc", horizon: 1 })).toThrow(expect.objectContaining({ code: "E_FORECAST_NO_DATA" }));
  });

  it("runs from the CLI: suff forecast --dataset DIR --measure ID --by placement_type --reconcile mint", () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "suff-fd-")), "forecast.csv");
    execFileSync(process.execPath, [SUFF, "forecast", "--dataset", "test/fixtures/forecast-dataset-small", "--measure", "cla_31_march", "--by", "placement_type", "--reconcile", "mint", "--horizon", "2", "--out", out], { stdio: "pipe" });
    const [first, ...lines] = readFileSync(out.replace(/\.csv$/, ".UNPROTECTED.csv"), "utf8").trim().split("\n");
    expect(first).toMatch(/^# UNPROTECTED/);
    expect(lines[0]).toBe("time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,footprint_code,footprint_name,old_la_code,new_la_code,la_name,measure,placement_type,age_band,model,mean,lo80,hi80,lo95,hi95");
    expect(lines.length - 1).toBe(2 * 4 * (1 + 2 + 14));
  }, 60_000);
});
