// The service as people use it, in headless Chromium (playwright-core, Debian's chromium):
// a submitter signs in, uploads a workbook with errors, sees each at its cell, uploads
// the corrected workbook and submits it; a lead sees the status board and downloads the
// footprint's aggregate and report; an admin sets a period and reads the audit log.
// axe-core finds no WCAG 2.2 AA violation on any page. Screenshots go to
// $SUFF_SCREENSHOTS (default /tmp/i13-shots).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withBrowser } from "../helpers/browser-check";
import { badCsv, badWorkbook, cleanWorkbook, Client, freshDatabase, PASSWORD, PERIOD, seedPeople, startServer, type TestDatabase, type TestServer } from "./helpers";

const AXE_SOURCE = readFileSync(path.resolve("node_modules/axe-core/axe.min.js"), "utf8");
const SHOTS = process.env.SUFF_SCREENSHOTS ?? "/tmp/i13-shots";
let db: TestDatabase;
let server: TestServer;
let files = "";
const violations: Record<string, string[]> = {};

async function audit(page: Page, name: string): Promise<void> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; nodes: unknown[]; help: string }> }> } }).axe;
    return axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } });
  });
  violations[name] = result.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.help}`);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${server.url}/login`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForLoadState("load");
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  files = mkdtempSync(path.join(tmpdir(), "suff-browser-"));
  writeFileSync(path.join(files, "bolton-2026-draft.xlsx"), await badWorkbook());
  writeFileSync(path.join(files, "bolton-2026.xlsx"), await cleanWorkbook());
  db = await freshDatabase();
  await seedPeople(db.location, [
    { email: "admin@dfe.example", role: "admin" },
    { email: "sub@bolton.example", role: "submitter", la: "350" },
    { email: "sub@bury.example", role: "submitter", la: "351" },
    { email: "lead@gmca.example", role: "lead", footprint: "GMCA" },
  ]);
  server = await startServer(db);
  const bury = new Client(server.url);
  await bury.login("sub@bury.example");
  await bury.upload([{ name: "bury.csv", bytes: badCsv("351") }]);
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await db?.drop();
  rmSync(files, { recursive: true, force: true });
});

describe("in the browser", () => {
  it("an admin sets the collection period and reads the audit log", async () => {
    await withBrowser(async (browser: Browser) => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
      await page.goto(server.url);
      expect(page.url()).toContain("/login");
      await audit(page, "01-sign-in");
      await signIn(page, "admin@dfe.example");
      expect(page.url()).toContain("/admin");
      await page.getByLabel("Collection year").fill(PERIOD);
      await page.getByLabel("Due date").fill("2027-01-31");
      await page.getByRole("button", { name: "Save period" }).click();
      await expect.poll(() => page.textContent("main")).toContain("Period 2026 due 2027-01-31");
      await audit(page, "09-admin");
      await page.getByRole("link", { name: "Audit log" }).click();
      expect(await page.textContent("main")).toContain("period-set");
      await audit(page, "10-audit-log");
      await page.goto(`${server.url}/api/docs`);
      await audit(page, "11-api-docs");
      await page.goto(`${server.url}/no/such/page`);
      await audit(page, "12-not-found");
    });
  });

  it("a submitter uploads a return with errors, sees them at their cells, fixes it and submits", async () => {
    await withBrowser(async (browser: Browser) => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
      await signIn(page, "sub@bolton.example");
      expect(page.url()).toContain("/returns");
      await audit(page, "02-our-returns");
      await page.getByLabel("Return file").setInputFiles(path.join(files, "bolton-2026-draft.xlsx"));
      await page.getByRole("button", { name: "Upload and check" }).click();
      await page.waitForURL(/\/returns\/\d+$/);
      const summary = page.getByRole("alert");
      expect(await summary.textContent()).toContain("This return has 2 errors: it is kept as a draft");
      expect(await summary.textContent()).toContain("Supply!H3: foster_places_approved cannot be negative");
      await audit(page, "03-draft-with-errors");
      // The error links to its diagnostic, which links to the cell's row in the figures read.
      await summary.getByRole("link", { name: /Supply!H3/ }).click();
      const diagnostic = page.locator("tr.has-error", { hasText: "E_VALUE_NEGATIVE" });
      await diagnostic.getByRole("link", { name: "Supply!H3" }).click();
      expect(page.url()).toMatch(/#cell-Supply-H3$/);
      expect(await page.locator("#cell-Supply-H3").getAttribute("class")).toBe("has-error");
      expect(await page.locator("#cell-Supply-H3").textContent()).toContain("-3");
      expect(await page.getByRole("button", { name: /Submit version/ }).count()).toBe(0);
      await page.screenshot({ path: path.join(SHOTS, "03b-error-at-its-cell.png") });
      await page.goto(`${server.url}/returns`);
      await page.getByLabel("Return file").setInputFiles(path.join(files, "bolton-2026.xlsx"));
      await page.getByRole("button", { name: "Upload and check" }).click();
      await page.waitForURL(/\/returns\/\d+$/);
      expect(await page.textContent("main")).toContain("No errors were found");
      await audit(page, "04-clean-draft");
      await page.getByRole("button", { name: "Submit version 2" }).click();
      await page.waitForLoadState("load");
      expect(await page.locator("dl.facts").textContent()).toContain("submitted");
      await audit(page, "05-submitted");
      await page.getByRole("link", { name: "What changed since version 1" }).click();
      expect(await page.textContent("main")).toMatch(/cells? changed/);
      await audit(page, "06-diff");
    });
  });

  it("a lead sees the board, an LA's history, and downloads the footprint's aggregate and report", async () => {
    await withBrowser(async (browser: Browser) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, bypassCSP: true });
      const page = await context.newPage();
      await signIn(page, "lead@gmca.example");
      expect(page.url()).toContain("/board");
      const board = await page.textContent("main");
      expect(board).toContain("due 2027-01-31");
      expect(await page.locator("tr", { hasText: "Bolton (350)" }).textContent()).toContain("submitted");
      expect(await page.locator("tr", { hasText: "Bury (351)" }).textContent()).toContain("draft with errors");
      expect(await page.locator("tbody tr").count()).toBe(10);
      await audit(page, "07-status-board");
      await page.getByRole("link", { name: "Bolton (350)" }).click();
      expect(await page.textContent("main")).toContain("Version 2");
      await audit(page, "08-la-history");
      await page.goto(`${server.url}/footprints`);
      await audit(page, "13-footprints");
      await page.getByRole("link", { name: /Greater Manchester/ }).click();
      await audit(page, "14-footprint");
      const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Aggregate with disclosure control (CSV)" }).click()]);
      expect(csv.suggestedFilename()).toBe("gmca-2026-aggregate.csv");
      const text = readFileSync((await csv.path())!, "utf8");
      expect(text).toMatch(/^time_period,/);
      const [report] = await Promise.all([page.waitForEvent("download", { timeout: 120_000 }), page.getByRole("link", { name: "Annual sufficiency report with forecast (HTML)" }).click()]);
      expect(report.suggestedFilename()).toBe("gmca-2026-report.html");
      const html = readFileSync((await report.path())!, "utf8");
      expect(html).toContain("Greater Manchester");
      writeFileSync(path.join(SHOTS, "gmca-2026-report.html"), html);
      const shown = await context.newPage();
      await shown.goto(`file://${path.join(SHOTS, "gmca-2026-report.html")}`);
      await shown.screenshot({ path: path.join(SHOTS, "15-footprint-report.png") });
    });
  }, 180_000);

  it("axe-core finds no WCAG 2.2 AA violations on any page", () => {
    expect(Object.keys(violations).length).toBeGreaterThanOrEqual(14);
    expect(violations).toEqual(Object.fromEntries(Object.keys(violations).map((k) => [k, []])));
  });
});
