// The main job (npm start) end to end on the embedded published data: every report it
// writes is opened in headless Chromium (no console errors or requests, every chart drawn
// with marks, axe WCAG 2.2 AA clean, heading order), its PDF checked for pages and text,
// and its Excel annex read back.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/main";
import type { ClaSummary } from "../../src/report/cla-summary";
import { checkReportHtml, headingOrderProblems, withBrowser, type BrowserCheck } from "../helpers/browser-check";

let out = "";
let summary: ClaSummary;
let folders: string[] = [];
const checks = new Map<string, BrowserCheck>();

beforeAll(async () => {
  out = mkdtempSync(path.join(os.tmpdir(), "suff-main-"));
  summary = await main("data/published", out);
  folders = readdirSync(out).filter((f) => existsSync(path.join(out, f, "report.html"))).sort();
  await withBrowser(async (browser) => {
    for (const f of folders) checks.set(f, await checkReportHtml(browser, path.join(out, f, "report.html")));
  });
}, 600_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("npm start (main job)", () => {
  it("writes England, the nine regions and the example LA", () => {
    expect(folders).toHaveLength(11);
    expect(folders).toContain("england");
    expect(folders.filter((f) => f.startsWith("region-"))).toHaveLength(9);
    expect(folders).toContain("la-805-hartlepool");
  });
  it("checks England against the published 81,770", () => {
    expect(summary.england.published).toBe(81770);
    expect(Math.abs(summary.difference!)).toBeLessThanOrEqual(10);
    expect(summary.reasons.join(" ")).toMatch(/City of London/);
  });
  it("every report opens cleanly, draws every chart and passes axe WCAG 2.2 AA", () => {
    for (const f of folders) {
      const c = checks.get(f)!;
      expect(c.consoleErrors, f).toEqual([]);
      expect(c.requests, f).toEqual([]);
      expect(c.failedRequests, f).toEqual([]);
      expect(c.charts.length, f).toBeGreaterThanOrEqual(8);
      for (const chart of c.charts) expect(chart.marks, `${f}: ${chart.label}`).toBeGreaterThan(5);
      expect(c.violations, f).toEqual([]);
      expect(headingOrderProblems(c.headings), f).toEqual([]);
    }
  });
  it("every PDF has pages and the report's title and sections", () => {
    for (const f of folders) {
      const pdf = path.join(out, f, "report.pdf");
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
      expect(pages, f).toBeGreaterThanOrEqual(4);
      const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
      expect(text, f).toMatch(/Placement sufficiency report:/);
      for (const heading of ["Headline figures", "Trend and forecast", "Methods and sources"]) expect(text, f).toContain(heading);
    }
    const england = execFileSync("pdftotext", [path.join(out, "england", "report.pdf"), "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    expect(england).toMatch(/Placement sufficiency report: England, 2025/);
  });
  it("the England annex holds every table with real figures", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path.join(out, "england", "annex.xlsx")) as unknown as ArrayBuffer);
    expect(wb.worksheets[0].name).toBe("Contents");
    const trend = wb.getWorksheet("trend")!;
    const values = trend.getSheetValues().flat().filter((v) => typeof v === "number") as number[];
    expect(values).toContain(81770); // DfE's published England figure (the sum of LAs, 81,766, is a lower bound: City of London is suppressed)
  });
  it("no child-level or identifying columns in any output", () => {
    const found = spawnSync("grep", ["-rlE", "\\b(UPN|HOME_POST|PL_POST|MC_DOB)\\b", out], { encoding: "utf8" });
    expect(found.stdout.trim()).toBe("");
  });
});
