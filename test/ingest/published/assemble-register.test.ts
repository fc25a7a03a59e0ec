/**
 * The register stage on small synthetic lists: which providers are rebuilt for an
 * inspected-only year, from what evidence, and what is never invented.
 */
import { describe, expect, it } from "vitest";
import { assembleRegister, laInYear, snapshotPeriod } from "../../../src/ingest/from-published/assemble-register";
import { marchLevels } from "../../../src/ingest/from-published/read-ons-cpi";
import { dateInWords, yearEnding31March } from "../../../src/ingest/from-published/read-ofsted-register-list";
import { ownerKey, ownerName } from "../../../src/reference/owner-name";
import type { RegisterEntry, RegisterEvent, RegisterPayload } from "../../../src/spec/register";
import type { DatasetRow } from "../../../src/spec/dataset";

function entry(urn: string, extra: Partial<RegisterEntry> = {}): RegisterEntry {
  return { row: 2, urn, provisionType: "childrens_home", sector: "private", places: 4, laOldCode: "805", constituency: "", owner: "Group A", registrationDate: null, ...extra };
}
function list(date: string, complete: boolean, entries: RegisterEntry[], hasOwner = true): { path: string; payload: RegisterPayload } {
  return { path: `list-${date}`, payload: { kind: "list", list: { date, complete, completeness: "", hasOwner, entries } } };
}
function events(yearEnding: number, evs: Array<Partial<RegisterEvent> & { urn: string }>): { path: string; payload: RegisterPayload } {
  return { path: `jl-${yearEnding}`, payload: { kind: "events", events: { yearEnding, events: evs.map((e) => ({ ...entry(e.urn), activeDate: null, leftDate: null, joiner: false, leaver: false, ...e })) } } };
}
const value = (rows: DatasetRow[], measure: string, period: string, dims: DatasetRow["dims"]) =>
  rows.find((r) => r.measure === measure && r.time_period === period && Object.entries(dims).every(([k, v]) => r.dims[k as keyof DatasetRow["dims"]] === v))?.value;

describe("assembleRegister", () => {
  it("rebuilds a provider missing from an inspected-only list when it was registered before and is listed after", () => {
    const out = assembleRegister([
      list("2019-03-31", false, [entry("A")]),
      list("2021-03-31", true, [entry("A"), entry("B", { registrationDate: "2018-06-01", places: 3 }), entry("C", { registrationDate: "2020-01-10" })]),
    ]);
    // B (registered 2018, listed 2021) existed at 31 March 2019; C registered after it did not.
    expect(value(out.rows, "registered_providers", "2019", { provision_type: "childrens_home", sector: "total", owning_group: "total" })).toBe(2);
    expect(value(out.rows, "registered_places", "2019", { provision_type: "childrens_home", sector: "total", owning_group: "total" })).toBe(7);
    expect(value(out.rows, "registered_providers_rebuilt", "2019", { provision_type: "childrens_home", sector: "total" })).toBe(1);
    expect(out.summary.find((s) => s.time_period === "2019")).toMatchObject({ basis: "rebuilt", providers_listed: 1, providers_rebuilt: 1, childrens_homes_rebuilt: 1, places_rebuilt: 3 });
    // A complete year gets no rebuilt rows.
    expect(out.rows.some((r) => r.measure === "registered_providers_rebuilt" && r.time_period === "2021")).toBe(false);
  });
  it("uses a leaver record as evidence and never rebuilds a provider that had left", () => {
    const out = assembleRegister([
      list("2019-03-31", false, []),
      list("2021-03-31", true, []),
      events(2020, [{ urn: "L", leaver: true, activeDate: "2016-05-01", leftDate: "2019-10-01", places: 6 }, { urn: "M", leaver: true, activeDate: "2016-05-01", leftDate: "2019-02-01" }]),
    ]);
    expect(value(out.rows, "registered_providers", "2019", { provision_type: "childrens_home", sector: "total", owning_group: "total" })).toBe(1);
    expect(value(out.rows, "registered_places", "2019", { provision_type: "childrens_home", sector: "total", owning_group: "total" })).toBe(6);
  });
  it("does not invent an owner for a year whose list has none, and gives no owner leaves then", () => {
    const out = assembleRegister([list("2016-03-31", false, [entry("A")], false), list("2018-03-31", true, [entry("A"), entry("B", { registrationDate: "2010-01-01" })])]);
    expect(out.rows.some((r) => r.time_period === "2016" && r.dims.owning_group !== undefined && r.dims.owning_group !== "total")).toBe(false);
    expect(value(out.rows, "registered_providers", "2018", { provision_type: "childrens_home", sector: "private", owning_group: "Group A" })).toBe(2);
  });
  it("agencies have no places: not_applicable, never zero", () => {
    const out = assembleRegister([list("2025-03-31", true, [entry("I", { provisionType: "ifa", places: null })])]);
    const row = out.rows.find((r) => r.measure === "registered_places" && r.dims.provision_type === "ifa" && r.dims.owning_group === "total" && r.dims.sector === "total")!;
    expect([row.value, row.value_status]).toEqual([null, "not_applicable"]);
  });
  it("openings and closures from the register difference when there is no joiners sheet, with true zeros", () => {
    const out = assembleRegister([list("2023-03-31", true, [entry("A"), entry("B")]), list("2024-03-31", true, [entry("A"), entry("N", { places: 2 })])]);
    expect(value(out.rows, "registered_providers_opened", "2024", { provision_type: "childrens_home", sector: "total" })).toBe(1);
    expect(value(out.rows, "registered_places_opened", "2024", { provision_type: "childrens_home", sector: "total" })).toBe(2);
    expect(value(out.rows, "registered_providers_closed", "2024", { provision_type: "childrens_home", sector: "total" })).toBe(1);
    expect(out.summary.find((s) => s.time_period === "2024")?.openings_source).toBe("register difference");
  });
  it("labels the September 2014 snapshot honestly", () => {
    expect(snapshotPeriod("2014-09-30")).toEqual({ time_period: "2014", time_identifier: "September" });
    expect(snapshotPeriod("2025-03-31")).toEqual({ time_period: "2025", time_identifier: "Reporting year" });
  });
  it("places a provider across boundary changes (Northamptonshire 2021, Dorset 2019)", () => {
    expect(laInYear("941", 2020, "")?.oldCode).toBe("928");
    expect(laInYear("839", 2019, "Bournemouth West")?.oldCode).toBe("837");
    expect(laInYear("839", 2019, "Poole")?.oldCode).toBe("836");
    expect(laInYear("928", 2022, "")).toBeUndefined();
  });
});

describe("helpers of the Ofsted and CPI readers", () => {
  it("reads dates in words and years ending 31 March", () => {
    expect(dateInWords("provider_at_march_2015")).toBe("2015-03-31");
    expect(dateInWords("providers_at_sept_14")).toBe("2014-09-30");
    expect(dateInWords("ofsted_provider_level_31mar2023")).toBe("2023-03-31");
    expect(yearEnding31March("2023-04-01")).toBe(2024);
  });
  it("chains CPI March levels from the nearest published level", () => {
    const levels = marchLevels(new Map([[2019, 107.0]]), new Map([[2019, 1.9], [2020, 1.5]]));
    expect(levels.get(2020)).toBeCloseTo(108.605, 6);
    expect(levels.get(2018)).toBeCloseTo(107.0 / 1.019, 6);
  });
  it("groups owner spellings", () => {
    expect(ownerKey("KEYS GROUP LTD. ")).toBe(ownerKey("Keys Group Limited"));
    expect(ownerName("  Keys  Group Ltd ")).toBe("Keys Group Ltd");
    expect(ownerName("")).toBe("not_recorded");
    expect(ownerName("total")).toBe("total (owner)");
  });
});
