import { describe, expect, it } from "vitest";
import { csvHeader, scanCsv } from "../../../src/ingest/ssda903/scan-csv";
import { bytes } from "./helpers";

function records(text: string): { row: number; fields: string[] }[] {
  const out: { row: number; fields: string[] }[] = [];
  const decoder = new TextDecoder();
  scanCsv(bytes(text), (r) => {
    const fields: string[] = [];
    for (let f = 0; f < r.count; f++) fields.push(decoder.decode(r.buffers[f].subarray(r.starts[f], r.ends[f])));
    out.push({ row: r.row, fields });
  });
  return out;
}

describe("scanCsv", () => {
  it("reads the JSDoc example: quoted field with an escaped quote", () => {
    const seen: number[] = [];
    scanCsv(bytes('a,b\n1,"x""y"\n'), (r) => seen.push(r.count));
    expect(seen).toEqual([2, 2]);
    expect(records('a,b\n1,"x""y"\n')[1].fields).toEqual(["1", 'x"y']);
  });
  it("handles CRLF, a byte-order mark, blank lines (keeping row numbers) and no final newline", () => {
    const out = records("\uFEFFCHILD,DECOM\r\n1,01/04/2020\r\n\r\n2,02/04/2020");
    expect(out.map((r) => r.row)).toEqual([1, 2, 4]);
    expect(out[0].fields).toEqual(["CHILD", "DECOM"]);
    expect(out[2].fields).toEqual(["2", "02/04/2020"]);
  });
  it("keeps commas and newlines inside quotes, and empty fields", () => {
    const out = records('a,b,c\n"x,y","line\nbreak",\n');
    expect(out[1].fields).toEqual(["x,y", "line\nbreak", ""]);
  });
  it("grows past 64 fields", () => {
    const wide = Array.from({ length: 100 }, (_, i) => `c${i}`).join(",");
    expect(records(wide)[0].fields).toHaveLength(100);
  });
  it("csvHeader reads only the first line, trimmed", () => {
    expect(csvHeader(bytes("CHILD, DECOM\n1,2"))).toEqual(["CHILD", "DECOM"]);
    expect(csvHeader(bytes('"A,1",B\r\nx,y'))).toEqual(["A,1", "B"]);
  });
});
