// End to end for the report writers on a synthetic scope: every format written, the HTML
// opened in headless Chromium (no console errors, no requests, every chart drawn, axe
// WCAG 2.2 AA clean, heading order), the PDF's page count and text, the XLSX read back.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReport } from "../../src/report/build-report";
import { writeReport, type WrittenReport } from "../../src/write/report-files";
import { checkReportHtml, headingOrderProblems, withBrowser, type BrowserCheck } from "../helpers/browser-check";
import { reportInput } from "./fixture";

let dir = "";
let written: WrittenReport;
let check: BrowserCheck;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "suff-report-"));
  written = await writeReport(buildReport(reportInput()), dir, ["html", "pdf", "xlsx", "csv"]);
  check = await withBrowser((b) => checkReportHtml(b, path.join(dir, "report.html")));
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("report files", () => {
  it("writes every format", () => {
    for (const f of ["report.html", "report.pdf", "annex.xlsx", "csv/trend.csv", "charts/trend.svg", "charts/trend.png", "charts/trend.vl.json"]) expect(existsSync(path.join(dir, f)), f).toBe(true);
    expect(written.pdfSkipped).toBeUndefined();
  });
  it("the HTML is self-contained and works offline", () => {
    const html = readFileSync(path.join(dir, "report.html"), "utf8");
    expect(html).not.toMatch(/<script|<link |src="http|href="http/);
    expect(check.requests).toEqual([]);
    expect(check.failedRequests).toEqual([]);
    expect(check.consoleErrors).toEqual([]);
  });
  it("draws every chart", () => {
    expect(check.charts.length).toBe(written.charts.length);
    for (const c of check.charts) expect(c.marks, c.label).toBeGreaterThan(5);
  });
  it("passes axe-core WCAG 2.2 AA with no violations and has a logical heading order", () => {
    expect(check.violations).toEqual([]);
    expect(headingOrderProblems(check.headings)).toEqual([]);
  });
  it("prints a PDF with pages and the report's text", () => {
    const info = execFileSync("pdfinfo", [path.join(dir, "report.pdf")], { encoding: "utf8" });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pages).toBeLessThan(40);
    const text = execFileSync("pdftotext", [path.join(dir, "report.pdf"), "-"], { encoding: "utf8" });
    expect(text).toMatch(/Placement sufficiency report:\s+Hartlepool, 2025/);
    expect(text).toMatch(/Methods and sources/);
  });
  it("the XLSX annex has a contents sheet and every table", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path.join(dir, "annex.xlsx")) as unknown as ArrayBuffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names[0]).toBe("Contents");
    expect(names).toContain("trend");
    expect(names).toContain("placement-mix");
  });
});
