// End to end through the compiled CLI on the embedded dataset (data/published ingested by
// `suff ingest`, as `npm start` does): a DfE analyst compares the regions, the combined
// authorities and a grouping of their own in one command, then reads the tidy CSVs, the
// XLSX and the HTML page (charts drawn, no network, axe-core WCAG 2.2 AA clean).
import { beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { runSuff } from "../helpers/cli";
import { checkReportHtml, headingOrderProblems, withBrowser } from "../helpers/browser-check";

let dir: string, out: string, run: ReturnType<typeof runSuff>;
const csv = (file: string) => parse(readFileSync(file, "utf8"), { columns: true }) as Array<Record<string, string>>;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "suff-footprints-"));
  const dataset = path.join(dir, "ds");
  const ingest = runSuff(["ingest", "data/published", "--out", dataset]);
  if (ingest.status !== 0) throw new Error(ingest.stderr);
  // A grouping of the analyst's own (the example in docs/footprints.md): the North West as three consortia.
  const mine = "docs/examples/footprints/north-west-three-consortia.csv";
  out = path.join(dir, "out");
  run = runSuff(["footprints", "compare", "--dataset", dataset, "--include", "regions,combined-authorities", "--candidates", `mine=${mine}`, "--beds", "4", "--out", out]);
}, 300_000);

describe("suff footprints compare on the embedded dataset", () => {
  it("writes the tidy metrics, the ranked candidates, the XLSX and the page", () => {
    expect(run.status, run.stderr).toBe(0);
    for (const f of ["footprint_metrics.csv", "candidates.csv", "footprints.xlsx", "footprints.html"]) expect(existsSync(path.join(out, f)), f).toBe(true);
    expect(readFileSync(path.join(out, "footprint_metrics.csv"), "utf8").split("\n")[0]).toBe("candidate,footprint_code,footprint_name,metric,value,lower,upper");
  });

  it("measures every footprint of every candidate with the required metrics", () => {
    const rows = csv(path.join(out, "footprint_metrics.csv"));
    const footprints = new Set(rows.map((r) => `${r.candidate}|${r.footprint_code}`));
    expect(footprints.size).toBe(9 + 15 + 3);
    const required = ["forecast_mase", "forecast_coverage_80", "specialist_demand", "void_empty_beds", "void_turn_away_prob", "places_per_own_child", "own_children_placed_inside_share", "hhi", "placed_over_20_miles_share", "las", "children"];
    for (const f of footprints) for (const m of required) expect(rows.some((r) => `${r.candidate}|${r.footprint_code}` === f && r.metric === m && r.value !== ""), `${f} ${m}`).toBe(true);
    // The by-type backtest is there too.
    expect(rows.some((r) => r.metric === "forecast_mase_foster" && r.value !== "")).toBe(true);
    // Every interval holds its value.
    for (const r of rows.filter((x) => x.value !== "" && x.lower !== "" && x.upper !== "")) {
      expect(Number(r.lower), `${r.footprint_code} ${r.metric}`).toBeLessThanOrEqual(Number(r.value) + 1e-9);
      expect(Number(r.upper), `${r.footprint_code} ${r.metric}`).toBeGreaterThanOrEqual(Number(r.value) - 1e-9);
    }
    // Sizes: Greater Manchester has 10 LAs; the regions hold every LA of England.
    expect(Number(rows.find((r) => r.footprint_code === "GMCA" && r.metric === "las")!.value)).toBe(10);
    expect(rows.filter((r) => r.candidate === "regions" && r.metric === "las").reduce((a, r) => a + Number(r.value), 0)).toBe(153);
    // A footprint of one's own pair is more self-sufficient than either LA alone can be: its bounds contain the estimate.
    const bw = rows.find((r) => r.footprint_code === "NW-CM" && r.metric === "own_children_placed_inside_share")!;
    expect(Number(bw.upper)).toBeGreaterThan(Number(bw.lower));
  });

  it("ranks the candidates with reasons that quote the figures", () => {
    const cands = csv(path.join(out, "candidates.csv"));
    expect(cands.map((c) => c.candidate).sort()).toEqual(["combined-authorities", "mine", "regions"]);
    expect(cands.map((c) => Number(c.rank)).sort()).toEqual([1, 2, 3]);
    for (const c of cands) {
      expect(c.reasons).toContain(`MASE ${Number(c.forecast_mase).toFixed(2)}`);
      expect(c.reasons).toMatch(/4-bed specialist home/);
    }
    expect(Number(cands.find((c) => c.candidate === "regions")!.las_covered)).toBe(153);
    // stdout lists the ranking as printed to the analyst.
    expect(run.stdout).toMatch(/^1\. /m);
  });

  it("writes the same tables to the XLSX", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(out, "footprints.xlsx"));
    expect(book.worksheets.map((w) => w.name)).toEqual(["Candidates", "Footprint metrics", "Definitions", "What is uncertain"]);
    const metrics = csv(path.join(out, "footprint_metrics.csv"));
    const sheet = book.getWorksheet("Footprint metrics")!;
    const values = sheet.getColumn(1).values.filter((v) => v === "regions" || v === "combined-authorities" || v === "mine");
    expect(values.length).toBe(metrics.length);
  });

  it("matches docs/footprints.md, which scripts/footprints-doc.ts wrote from the same comparison", () => {
    const doc = readFileSync("docs/footprints.md", "utf8");
    for (const c of csv(path.join(out, "candidates.csv"))) expect(doc, `${c.candidate}: regenerate with npx tsx scripts/footprints-doc.ts`).toContain(`${c.rank}. **${c.candidate}**: ${c.reasons}.`);
  });

  it("refuses an unknown built-in or a malformed candidate with exit 2", () => {
    const unknown = runSuff(["footprints", "compare", "--dataset", path.join(dir, "ds"), "--include", "counties", "--out", path.join(dir, "x")]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown built-in candidate 'counties'/);
    const malformed = runSuff(["footprints", "compare", "--dataset", path.join(dir, "ds"), "--candidates", "no-file-here", "--out", path.join(dir, "x")]);
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toMatch(/NAME=FILE/);
  });

  it("gives an accessible page with small multiples and a statement of what is uncertain", async () => {
    const html = readFileSync(path.join(out, "footprints.html"), "utf8");
    expect(html).toContain("What is uncertain");
    expect(html).toMatch(/Forecasts best: /);
    const check = await withBrowser((browser) => checkReportHtml(browser, path.join(out, "footprints.html")));
    expect(check.consoleErrors).toEqual([]);
    expect(check.requests).toEqual([]);
    expect(check.charts.length).toBe(10);
    for (const c of check.charts) expect(c.marks, c.label).toBeGreaterThan(10);
    expect(check.violations).toEqual([]);
    expect(headingOrderProblems(check.headings)).toEqual([]);
  }, 120_000);
});
