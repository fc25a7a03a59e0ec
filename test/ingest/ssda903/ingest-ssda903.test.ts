import { describe, expect, it } from "vitest";
import { ingestFiles } from "../../../src/ingest/ingest-files";
import { ingestSsda903 } from "../../../src/ingest/ssda903/ingest-ssda903";
import { loadSsda903Files } from "../../../src/ingest/ssda903/load-ssda903";
import type { DatasetRow, ReadResult } from "../../../src/spec/dataset";
import { isSuffError } from "../../../src/spec/errors";
import { bytes, episodes, header } from "./helpers";

const stock = (rows: DatasetRow[], year: string, la?: string) =>
  rows.find((r) => r.measure === "cla_31_march" && r.time_period === year && (la === undefined || r.old_la_code === la) && r.dims.placement_type === "total" && r.dims.age_band === "total")?.value;

function accounted(result: ReadResult): boolean {
  return result.rowsRead === result.rowsAccepted + result.rowsRejected + Object.values(result.rowsSkipped).reduce((a, b) => a + b, 0);
}

describe("ingestSsda903", () => {
  it("JSDoc example", () => {
    const csv = (t: string) => new TextEncoder().encode(t);
    const result = ingestSsda903([
      { name: "header.csv", bytes: csv("CHILD,SEX,DOB,UPN\nA1,1,01/06/2010,X\n") },
      { name: "episodes.csv", bytes: csv("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC\nA1,01/05/2019,S,C2,N1,U1,PR1,,\n") },
    ], { la: "202" });
    expect(result.rows.find((r) => r.measure === "cla_31_march" && r.dims.placement_type === "total" && r.dims.age_band === "total")?.value).toBe(1);
    expect(result.kind).toBe("ssda903");
  });

  it("accounts for every row of the samples: accepted + rejected + skipped = read", () => {
    const result = ingestSsda903(loadSsda903Files("test/fixtures/ssda903-samples/combined"), { la: "202" });
    expect(result.rowsRead).toBeGreaterThan(20000);
    expect(accounted(result)).toBe(true);
    expect(result.rowsSkipped).toMatchObject({ ssda903_table_not_used: expect.any(Number), duplicate_episode_latest_return_wins: expect.any(Number), short_break_v3_v4: expect.any(Number) });
    // One info diagnostic per cleaning rule, with its count.
    const cleaned = result.diagnostics.filter((d) => d.code === "I_903_CLEANED").map((d) => d.message.split(":")[0]);
    expect(cleaned).toEqual(["Cleaning rule missing-fields", "Cleaning rule duplicate-episodes", "Cleaning rule short-breaks", "Cleaning rule open-absent-from-newer", "Cleaning rule overlapping-episodes"]);
  });

  it("reads many LAs from LA columns: the same CHILD in two LAs are two children", () => {
    const result = ingestSsda903([
      { name: "h.csv", bytes: bytes("CHILD,SEX,DOB,UPN,LA\n1,1,01/01/2010,X,202\n1,2,01/01/2012,Y,Hartlepool\n") },
      episodes("e.csv", ["1,01/05/2019,S,C2,N1,U1,PR1,,", "1,01/06/2019,S,C2,N1,U4,PR4,,"], "LA,YEAR", ["202,2020", "E06000001,2020"]),
    ]);
    expect(stock(result.rows, "2020", "202")).toBe(1);
    expect(stock(result.rows, "2020", "805")).toBe(1);
    expect(result.rows.find((r) => r.old_la_code === "805")?.la_name).toBe("Hartlepool");
    expect(result.rowsRejected).toBe(0);
  });

  it("without an LA column or option: stops with E_903_NO_LA naming the files (several LAs are never merged into one anonymous LA)", () => {
    const thrown = (() => { try { ingestSsda903([header("h.csv", [["A", "01/01/2010"]]), episodes("e.csv", ["A,01/05/2019,S,C2,N1,U1,PR1,,"])]); } catch (error) { return error; } })();
    expect(isSuffError(thrown) && thrown.code).toBe("E_903_NO_LA");
    expect((thrown as Error).message).toBe("h.csv, e.csv: no LA column and no LA given, so the LA of these SSDA903 rows is unknown; nothing was read.");
    expect(isSuffError(thrown) && thrown.hint).toMatch(/--la CODE/);
  });

  it("a blank LA cell takes the given LA, else the row is rejected; an unknown LA value rejects its rows with one error", () => {
    const files = [
      { name: "h.csv", bytes: bytes("CHILD,SEX,DOB,UPN,LA\nA,1,01/01/2010,X,202\nB,1,01/01/2010,X,\nC,1,01/01/2010,X,Atlantis\n") },
      episodes("e.csv", ["A,01/05/2019,S,C2,N1,U1,PR1,,", "B,01/05/2019,S,C2,N1,U1,PR1,,", "C,01/05/2019,S,C2,N1,U1,PR1,,"], "LA", ["202", "", "Atlantis"]),
    ];
    const without = ingestSsda903(files);
    expect(without.diagnostics.filter((d) => d.code === "E_903_MISSING_LA").map((d) => `${d.file}:${d.row}`)).toEqual(["h.csv:3", "e.csv:3"]);
    expect(without.diagnostics.filter((d) => d.code === "E_903_LA_NOT_RECOGNISED").map((d) => d.message)).toEqual([
      "h.csv: 1 rows have LA Atlantis, which is not a known LA code or name; they are not used.",
      "e.csv: 1 rows have LA Atlantis, which is not a known LA code or name; they are not used.",
    ]);
    expect(stock(without.rows, "2020", "202")).toBe(1);
    expect(accounted(without)).toBe(true);
    expect(stock(ingestSsda903(files, { la: "202" }).rows, "2020", "202")).toBe(2);
  });

  it("reports a missing episodes table as an error, not an exception", () => {
    const result = ingestSsda903([header("h.csv", [["A", "01/01/2010"]])], { la: "202" });
    expect(result.diagnostics.some((d) => d.code === "E_903_NO_EPISODES" && d.severity === "error")).toBe(true);
    expect(result.rows).toEqual([]);
  });

  it("options: short breaks kept on request; legal-status merges change episodes, not counts of children", () => {
    const files = [
      header("h.csv", [["A", "01/01/2010"], ["B", "01/01/2010"]]),
      episodes("e.csv", ["A,01/05/2019,S,V3,N2,K2,PR1,,", "B,01/05/2019,S,C1,N1,U4,PR4,01/08/2019,X1", "B,01/08/2019,L,C2,N1,U4,PR4,,"]),
    ];
    expect(stock(ingestSsda903(files, { la: "202" }).rows, "2020")).toBe(1);
    expect(stock(ingestSsda903(files, { la: "202", includeShortBreaks: true }).rows, "2020")).toBe(2);
    const merged = ingestSsda903(files, { la: "202", mergeLegalStatus: true });
    expect(stock(merged.rows, "2020")).toBe(1);
    expect(merged.rowsSkipped.merged_legal_status_change).toBe(1);
    expect(accounted(merged)).toBe(true);
    expect(merged.diagnostics.some((d) => d.code === "I_903_CLEANED" && d.message.startsWith("Cleaning rule merge-legal-status: 1 "))).toBe(true);
  });

  it("lists the first 20 bad rows of a file one by one and summarises the rest", () => {
    const rows = Array.from({ length: 25 }, () => ",01/05/2019,S,C2,N1,U1,PR1,,");
    const result = ingestSsda903([header("h.csv", [["A", "01/01/2010"]]), episodes("e.csv", rows)], { la: "202" });
    expect(result.diagnostics.filter((d) => d.code === "E_903_MISSING_CHILD")).toHaveLength(20);
    const more = result.diagnostics.find((d) => d.code === "W_903_MORE_ROWS");
    expect(more?.message).toBe("e.csv: 5 more rows with E_903_MISSING_CHILD are not listed one by one.");
    expect(result.rowsRejected).toBe(25);
  });

  it("reports unrecognised codes and unresolved placements, counting those children under placement type 'unknown' so parts add up", () => {
    const result = ingestSsda903([
      header("h.csv", [["A", "01/01/2010"], ["B", "01/01/2010"]]),
      episodes("e.csv", ["A,01/05/2019,S,Q7,N1,K2,PR0,,", "B,01/05/2019,S,C2,N1,ZZ,PR1,,"]),
    ], { la: "202" });
    const codes = result.diagnostics.filter((d) => d.code.startsWith("W_903_UN")).map((d) => d.message);
    expect(codes).toEqual(expect.arrayContaining([
      "e.csv: 1 rows have PLACE K2 with PLACE_PROVIDER PR0, which does not map onto a template placement type; those children are counted under placement type 'unknown' (Other placements), so parts still add up to the total.",
      "e.csv: 1 rows have PLACE ZZ, which is not in the SSDA903 code set; those children are counted under placement type 'unknown' (Other placements), so parts still add up to the total.",
      "e.csv: 1 rows have LS Q7, which is not in the SSDA903 code set; those children count in totals but in no LS category.",
    ]));
    expect(stock(result.rows, "2020")).toBe(2);
    const byType = (type: string) => result.rows.find((r) => r.measure === "cla_31_march" && r.dims.placement_type === type && r.dims.age_band === "total")?.value;
    expect(byType("unknown")).toBe(2);
  });
});

describe("the XML return", () => {
  const csvFiles = [
    header("h.csv", [["A", "01/01/2010"], ["B", "05/05/2004"]]),
    { name: "u.csv", bytes: bytes("CHILD,SEX,DOB,DUC\nB,1,05/05/2004,05/05/2022\n") },
    episodes("e.csv", ["A,01/05/2019,S,C2,N1,U4,PR4,01/09/2019,X1", "A,01/09/2019,P,C2,N1,K2,PR4,,", "B,01/02/2020,S,V2,N8,U5,PR2,15/03/2020,E8"]),
  ];
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<Message><Header><LEA>202</LEA></Header><Children>
  <Child><ChildIdentifiers><CHILD>A</CHILD><SEX>1</SEX><DOB>2010-01-01</DOB><UPN>A123456789012</UPN></ChildIdentifiers>
    <Episodes>
      <Episode><DECOM>2019-05-01</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PLACE>U4</PLACE><PLACE_PROVIDER>PR4</PLACE_PROVIDER><DEC>2019-09-01</DEC><REC>X1</REC><HOME_POST>AB1 2CD</HOME_POST></Episode>
      <Episode><DECOM>2019-09-01</DECOM><RNE>P</RNE><LS>C2</LS><CIN>N1</CIN><PLACE>K2</PLACE><PLACE_PROVIDER>PR4</PLACE_PROVIDER><DEC/><REC/></Episode>
    </Episodes></Child>
  <Child><ChildIdentifiers><CHILD>B</CHILD><SEX>1</SEX><DOB>2004-05-05</DOB></ChildIdentifiers>
    <UASC><DUC>2022-05-05</DUC></UASC>
    <Episodes><Episode><DECOM>2020-02-01</DECOM><RNE>S</RNE><LS>V2</LS><CIN>N8</CIN><PLACE>U5</PLACE><PLACE_PROVIDER>PR2</PLACE_PROVIDER><DEC>2020-03-15</DEC><REC>E8</REC></Episode></Episodes></Child>
</Children></Message>`;

  it("gives the same template as the equivalent CSV files", () => {
    const fromCsv = ingestSsda903(csvFiles, { la: "202" });
    const fromXml = ingestSsda903([{ name: "return.xml", bytes: bytes(xml) }]);
    const strip = (rows: DatasetRow[]) => rows.map((r) => `${r.time_period}|${r.old_la_code}|${r.measure}|${JSON.stringify(r.dims)}|${r.value}|${r.value_status}`).sort();
    expect(strip(fromXml.rows)).toEqual(strip(fromCsv.rows));
    expect(fromXml.rows.find((r) => r.measure === "ceases_in_year_uasc")?.value).toBe(1);
    expect(fromXml.diagnostics.find((d) => d.code === "I_903_XML_READ")?.message).toBe("return.xml: SSDA903 XML return read as 2 header, 3 episode, 1 UASC and 0 deprivation of liberty records (rows in diagnostics count records of that kind).");
  });

  it("is routed to the 903 reader by the ingest dispatcher, by content", async () => {
    const result = await ingestFiles([{ path: "anything.xml", bytes: bytes(xml), sha256: "" }], { created: "2025-01-01T00:00:00Z" });
    expect(result.manifest.inputs.map((i) => i.kind)).toEqual(["ssda903"]);
    expect(result.rows.find((r) => r.measure === "cla_31_march" && r.dims.placement_type === "total" && r.dims.age_band === "total")).toMatchObject({ old_la_code: "202", value: 1 });
  });

  it("reports malformed XML as a diagnostic", () => {
    const result = ingestSsda903([{ name: "bad.xml", bytes: bytes("<Message><Children><CANARY123456></Message>") }], { la: "202" });
    const found = result.diagnostics.find((d) => d.code === "E_903_XML_UNREADABLE" && d.file === "bad.xml");
    expect(found?.message).toMatch(/^bad.xml is not well-formed XML \(/);
    expect(found?.message).not.toContain("CANARY"); // the parser's quotes of the file's text are dropped
  });
});
