/**
 * The JSDoc @example results of the published readers, the dispatcher helpers and the
 * dataset folder functions, checked on the real files in data/published/.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { eesRecord } from "../../../src/ingest/from-published/ees-record";
import { publishedRow } from "../../../src/ingest/from-published/published-row";
import { publishedTable } from "../../../src/ingest/from-published/published-table";
import { readAccumulator } from "../../../src/ingest/from-published/read-accumulator";
import { readDfeCharacteristics } from "../../../src/ingest/from-published/read-dfe-characteristics";
import { readDfeLaTotals } from "../../../src/ingest/from-published/read-dfe-la-totals";
import { readDfeNationalPlacementLocality } from "../../../src/ingest/from-published/read-dfe-national-placement-locality";
import { readDfeNewPlacements } from "../../../src/ingest/from-published/read-dfe-new-placements";
import { readDfeRates } from "../../../src/ingest/from-published/read-dfe-rates";
import { readDfeTimeSeries } from "../../../src/ingest/from-published/read-dfe-time-series";
import { readMhclgRo3 } from "../../../src/ingest/from-published/read-mhclg-ro3";
import { readOfstedPlaces } from "../../../src/ingest/from-published/read-ofsted-places";
import { readOfstedProviders } from "../../../src/ingest/from-published/read-ofsted-providers";
import { readOfstedTimeSeries } from "../../../src/ingest/from-published/read-ofsted-time-series";
import { readSkippedFile, SKIPPED_FILE_KINDS } from "../../../src/ingest/from-published/read-skipped-file";
import { resolveGeography } from "../../../src/ingest/from-published/resolve-geography";
import { ingestExitCode, ingestFiles, routeFile } from "../../../src/ingest/ingest-files";
import { listInputFiles, loadFiles } from "../../../src/ingest/load-files";
import { parseDatasetCsv } from "../../../src/ingest/load-dataset";
import { datasetCsv } from "../../../src/write/dataset";
import { toCsv } from "../../../src/write/csv";
import { DATASET_COLUMNS } from "../../../src/spec/dataset";

const real = (file: string) => ({ name: file.split("/").pop()!, bytes: readFileSync(`data/published/${file}`) });

describe("JSDoc examples", () => {
  it("published readers on the real files", () => {
    expect(readDfeTimeSeries(real("dfe-cla/cla_time_series_1994_2024.csv")).rows.length).toBe(155);
    expect(readDfeRates(real("dfe-cla/cla_number_and_rate_per_10k_children.csv")).rows[0].measure).toBe("ceases_in_year");
    expect(readDfeLaTotals(real("dfe-cla/la_cla_31_march_totals_2011_2025.csv")).rows[0].measure).toBe("cla_31_march");
    expect(readDfeNewPlacements(real("dfe-cla/la_cla_during_year_new_placements.csv")).kind).toBe("dfe-cla-new-placements");
    expect(readDfeNationalPlacementLocality(real("dfe-cla/national_cla_on_31_march_by_placement_provider_placement_type_and_locality.csv")).kind).toBe("dfe-cla-national-placement-provider-locality");
    expect(readDfeCharacteristics(real("dfe-cla/cla_on_31_march_by_characteristics_2021_2025.csv")).kind).toBe("dfe-cla-31-march-characteristics");
    expect(readMhclgRo3(real("mhclg-ro3/ro3_2024_25_children_looked_after.csv")).rows[0].time_identifier).toBe("Financial year");
    expect(readOfstedPlaces(real("ofsted/ofsted_providers_places_31mar2023.csv")).rows[0].measure).toBe("registered_providers");
    expect(readOfstedTimeSeries(real("ofsted/ofsted_providers_places_timeseries_raw.csv")).rows[0].geographic_level).toBe("National");
    expect(readOfstedProviders(readFileSync("data/published/ofsted/ofsted_provider_level_31mar2023.csv")).providers[0]).toMatchObject({ urn: "SC009423", provisionType: "boarding_school", sector: "voluntary", places: 149, laOldCode: "350" });
    expect(readSkippedFile(real("dfe-cla/la_cla_placement_stability.csv"), SKIPPED_FILE_KINDS[0]).rows).toEqual([]);
  });

  it("helpers", () => {
    const acc = readAccumulator("x");
    expect(eesRecord(publishedTable({ name: "a.csv", bytes: new TextEncoder().encode("time_period\n2025\n") }), acc).year(["2025"], { file: "a.csv", row: 2 })).toBe(2025);
    const hartlepool = resolveGeography({ level: "Local authority", year: 2025, oldCode: "805" });
    expect(hartlepool.status).toBe("ok");
    if (hartlepool.status === "ok") expect(publishedRow(hartlepool.geography, "2025", "cla_31_march", { placement_type: "total", age_band: "total" }, 81770, "ok").time_identifier).toBe("Reporting year");
    expect(routeFile({ path: "x.csv", bytes: new TextEncoder().encode("CHILD,DECOM,RNE,LS\n"), sha256: "" }).reader).toBe("ssda903");
    expect(ingestExitCode([])).toBe(0);
    expect(parseDatasetCsv(toCsv(DATASET_COLUMNS, []))).toEqual([]);
    expect(datasetCsv([]).startsWith("time_period,time_identifier,geographic_level")).toBe(true);
    expect(listInputFiles(["data/published/ons"])).toEqual(["data/published/ons/ons_mid-year_population_estimates_2012_to_2024.csv"]);
    expect(loadFiles(["data/published/ons"])[0].sha256.length).toBe(64);
  });

  it("ingestFiles on the LA totals file", async () => {
    const [file] = loadFiles(["data/published/dfe-cla/la_cla_31_march_totals_2011_2025.csv"]);
    expect((await ingestFiles([{ ...file, path: "a.csv" }], { created: "2025-01-01T00:00:00Z" })).manifest.inputs[0].kind).toBe("dfe-cla-la-totals");
  });
});
