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
import { readOfstedRegisterList } from "../../../src/ingest/from-published/read-ofsted-register-list";
import { readOfstedJoinersLeavers } from "../../../src/ingest/from-published/read-ofsted-joiners-leavers";
import { assembleRegister } from "../../../src/ingest/from-published/assemble-register";
import { readDfeHistory } from "../../../src/ingest/from-published/read-dfe-history";
import { readDfeLaOfPlacement } from "../../../src/ingest/from-published/read-dfe-la-of-placement";
import { readDfeLait } from "../../../src/ingest/from-published/read-dfe-lait";
import { readDfeS251Outturn } from "../../../src/ingest/from-published/read-dfe-s251-outturn";
import { readOfstedFosteringLa } from "../../../src/ingest/from-published/read-ofsted-fostering-la";
import { readMhclgRo3Sheet } from "../../../src/ingest/from-published/read-mhclg-ro3";
import { readOnsCpi } from "../../../src/ingest/from-published/read-ons-cpi";
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
    const list = readOfstedRegisterList(real("ofsted/ofsted_provider_level_31mar2023.csv"));
    expect(list.register?.kind === "list" && list.register.list.entries[0]).toMatchObject({ urn: "SC009423", provisionType: "boarding_school", sector: "voluntary", places: 149, laOldCode: "350" });
    expect(list.register?.kind === "list" && list.register.list.complete).toBe(false);
    const sept = readOfstedRegisterList(real("ofsted/providers-by-year/providers_at_sept_14.csv"));
    expect(sept.register?.kind === "list" && [sept.register.list.date, sept.register.list.complete]).toEqual(["2014-09-30", true]);
    const places = readOfstedRegisterList(real("ofsted/ofsted_providers_places_31mar2023.csv"));
    expect(assembleRegister([{ path: "p", payload: places.register! }]).rows[0].measure).toBe("registered_providers");
    expect(readOfstedJoinersLeavers(real("ofsted/joiners-leavers/joiners_leavers_19.csv")).register).toMatchObject({ kind: "events", events: { yearEnding: 2019 } });
    expect(readOfstedTimeSeries(real("ofsted/ofsted_providers_places_timeseries_raw.csv")).rows[0].geographic_level).toBe("National");
    expect(readDfeHistory(real("dfe-cla/history/underlying_2010_2017/2016/SFR41_CLA2016.csv")).rows[0].time_period).toBe("2016");
    expect(readDfeLaOfPlacement(real("dfe-cla/history/ees_release_2022/la_cla_on_31_march_la_of_placement_net_gain.csv")).rows[0].measure).toBe("cla_placed_in_la_by_other_las");
    expect(readDfeLait(real("costs/dfe-lait/LAIT_bds_long_placement_finance_subset.csv")).rows.find((r) => r.measure === "s251_weekly_unit_cost")?.time_identifier).toBe("Financial year");
    expect(readDfeS251Outturn(real("costs/dfe-s251-2008-2014/outturn_1314.csv")).rows[0].time_period).toBe("2014");
    expect(readOfstedFosteringLa(real("ofsted/fostering/Local_authority_level_fostering_data_2018_to_2019.csv")).rows[0].time_period).toBe("2019");
    expect(readMhclgRo3Sheet(real("mhclg-ro3/earlier-years/RO3_LA_Data_2022-23.csv")).rows[0].time_period).toBe("2023");
    expect(readOnsCpi(real("prices/cpi_uk_march_figures.csv")).rows.find((r) => r.time_period === "2025" && r.time_identifier === "Financial year")?.measure).toBe("cpi_index");
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
