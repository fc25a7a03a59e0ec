// End to end through the compiled CLI: a regional lead's report for a footprint they wrote,
// with a scenario, then an LA added to the same folder; the national overview (index.html)
// lists them, sorts without external JS and passes axe-core.
import { beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { writeDataset } from "../../src/write/dataset";
import { runSuff } from "../helpers/cli";
import { withBrowser } from "../helpers/browser-check";
import { marketFixture } from "../market/market-fixture";

const AXE_SOURCE = readFileSync(path.resolve("node_modules/axe-core/axe.min.js"), "utf8");
let dir: string, out: string;
let first: ReturnType<typeof runSuff>, second: ReturnType<typeof runSuff>;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "suff-report-market-"));
  const dataset = path.join(dir, "ds");
  const rows = marketFixture();
  writeDataset(dataset, { rows, manifest: { toolkit_version: "test", template_version: "1.1.0", created: "2026-01-01", inputs: [], rows: rows.length, diagnostics: { error: 0, warning: 0, info: 0 } }, diagnostics: [] });
  const footprints = path.join(dir, "footprints.csv");
  writeFileSync(footprints, "new_la_code,footprint_code,footprint_name\nE08000003,GM4,Four GM LAs\nE08000006,GM4,Four GM LAs\nE08000001,GM4,Four GM LAs\nE08000010,GM4,Four GM LAs\n");
  const scenario = path.join(dir, "scenario.json");
  writeFileSync(scenario, JSON.stringify({ name: "Fewer children's homes", changes: [{ target: "demand", placement: "secure_and_childrens_homes", multiply: 0.85, moveTo: "foster" }] }));
  out = path.join(dir, "reports");
  first = runSuff(["report", "--dataset", dataset, "--scope", "footprint:GM4,la:805", "--footprints", footprints, "--scenario", scenario, "--format", "html,csv", "--no-png", "--out", out]);
  second = runSuff(["report", "--dataset", dataset, "--scope", "la:350", "--format", "html", "--no-png", "--out", out]);
}, 900_000);

describe("suff report with the market sections", () => {
  it("writes the footprint's report with supply, the gap, risk, carers, costs and the scenario", () => {
    expect(first.status, first.stderr).toBe(0);
    const html = readFileSync(path.join(out, "footprint-gm4-four-gm-las", "report.html"), "utf8");
    for (const heading of ["Where children live and where places are", "Supply: registered places over time and projected", "Demand against supply by placement type", "Foster carers needed", "Market concentration and providers that would be difficult to replace", "Costs: unit costs, the forecast and the gap", "Scenarios"]) expect(html).toContain(heading);
    expect(html).toMatch(/Alpha Care Ltd/);
    expect(html).toMatch(/Stress test: if Alpha Care Ltd left, Four GM LAs would lose 118 places/);
    expect(existsSync(path.join(out, "footprint-gm4-four-gm-las", "csv", "gap.csv"))).toBe(true);
  });

  it("lists every report in the overview, adding the LA of the second run", () => {
    expect(second.status, second.stderr).toBe(0);
    const index = readFileSync(path.join(out, "index.html"), "utf8");
    expect(index).toContain('href="footprint-gm4-four-gm-las/report.html"');
    expect(index).toContain('href="la-805-hartlepool/report.html"');
    expect(index).toContain('href="la-350-bolton/report.html"');
    expect(index).toMatch(/3 reports/);
    expect(index).not.toMatch(/src="http|href="http|<link /);
  });

  it("sorts by a column in the browser, accessibly, and passes axe-core", async () => {
    const result = await withBrowser(async (browser) => {
      const page = await browser.newPage();
      const requests: string[] = [];
      const self = pathToFileURL(path.join(out, "index.html")).href;
      page.on("request", (r) => { if (r.url() !== self) requests.push(r.url()); });
      await page.goto(self);
      const names = () => page.$$eval("#overview tbody th", (ths) => ths.map((t) => t.textContent));
      const before = await names();
      await page.click("#overview thead th:nth-child(3) button");
      const sortedAsc = await names();
      const ariaSort = await page.$eval("#overview thead th:nth-child(3)", (th) => th.getAttribute("aria-sort"));
      const status = await page.$eval("#sort-status", (p) => p.textContent);
      await page.click("#overview thead th:nth-child(3) button");
      const sortedDesc = await names();
      await page.addScriptTag({ content: AXE_SOURCE });
      const axe = await page.evaluate(async () => (window as unknown as { axe: { run: (d: unknown, o: unknown) => Promise<{ violations: Array<{ id: string }> }> } }).axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } }));
      return { before, sortedAsc, sortedDesc, ariaSort, status, requests, violations: axe.violations.map((v) => v.id) };
    });
    expect(result.before).toEqual(["Four GM LAs", "Bolton", "Hartlepool"]);
    // Children looked after: Hartlepool (fixture) is the smallest, the footprint the largest.
    expect(result.sortedAsc[0]).toBe("Hartlepool");
    expect(result.sortedDesc[0]).toBe("Four GM LAs");
    expect(result.ariaSort).toBe("ascending");
    expect(result.status).toMatch(/^Sorted by Children looked after .*, ascending\.$/);
    expect(result.requests).toEqual([]);
    expect(result.violations).toEqual([]);
  }, 180_000);
});
