// Opens a report HTML in headless Chromium (Debian package) with playwright-core and
// checks what a reader would meet: no console errors, no network requests at all, every
// chart drawn, and axe-core's WCAG 2.2 AA rules with no violations.
import { readFileSync } from "node:fs";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { chromiumFlags, findChromium } from "../../src/write/pdf";

export interface BrowserCheck {
  consoleErrors: string[];
  requests: string[];
  failedRequests: string[];
  charts: Array<{ label: string; marks: number }>;
  violations: Array<{ id: string; impact: string | null | undefined; nodes: number; help: string }>;
  headings: string[];
}

const AXE_SOURCE = readFileSync(path.resolve("node_modules/axe-core/axe.min.js"), "utf8");

export async function withBrowser<T>(fn: (browser: Browser) => Promise<T>): Promise<T> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error("Chromium is required for browser tests: apt-get install -y chromium");
  const profile = mkdtempSync(path.join(os.tmpdir(), "suff-pw-"));
  const flags = chromiumFlags(profile).filter((f) => f !== "--headless" && !f.startsWith("--user-data-dir"));
  const browser = await chromium.launch({ executablePath, headless: true, args: flags });
  try {
    return await fn(browser);
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

export async function checkReportHtml(browser: Browser, htmlFile: string): Promise<BrowserCheck> {
  const page = await browser.newPage();
  const out: BrowserCheck = { consoleErrors: [], requests: [], failedRequests: [], charts: [], violations: [], headings: [] };
  const self = pathToFileURL(path.resolve(htmlFile)).href;
  page.on("console", (m) => { if (m.type() === "error") out.consoleErrors.push(m.text()); });
  page.on("pageerror", (e) => out.consoleErrors.push(String(e)));
  page.on("request", (r) => { if (r.url() !== self) out.requests.push(r.url()); });
  page.on("requestfailed", (r) => out.failedRequests.push(r.url()));
  await page.goto(self, { waitUntil: "load" });
  out.charts = await page.$$eval("figure .chart", (nodes) => nodes.map((n) => ({ label: n.getAttribute("aria-label") ?? "", marks: n.querySelectorAll("svg path, svg rect, svg text, svg line, svg circle").length })));
  out.headings = await page.$$eval("h1, h2, h3, h4", (nodes) => nodes.map((n) => n.tagName));
  await page.addScriptTag({ content: AXE_SOURCE });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; impact?: string | null; nodes: unknown[]; help: string }> }> } }).axe;
    return axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } });
  });
  out.violations = result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help }));
  await page.close();
  return out;
}

/** Headings never skip a level going down (h1 -> h2 -> h3), and there is exactly one h1. */
export function headingOrderProblems(headings: string[]): string[] {
  const problems: string[] = [];
  if (headings.filter((h) => h === "H1").length !== 1) problems.push("expected exactly one h1");
  let previous = 0;
  for (const h of headings) {
    const level = Number(h.slice(1));
    if (level > previous + 1) problems.push(`${h} follows h${previous}`);
    previous = level;
  }
  return problems;
}
