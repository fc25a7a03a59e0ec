/**
 * Print HTML files to PDF with headless Chromium (Debian package `chromium`), driven by
 * playwright-core so that one browser prints many reports. No network: the flags turn off
 * every background request, and the pages are self-contained.
 */
import { existsSync, mkdtempSync, renameSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

/** The Chromium executable to use (SUFF_CHROMIUM overrides), or null when none is installed. */
export function findChromium(): string | null {
  const fromEnv = process.env.SUFF_CHROMIUM;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((c) => existsSync(c)) ?? null;
}

/** The flags every headless Chromium run here needs (sandbox-less root, no network chatter). */
export function chromiumFlags(userDataDir: string): string[] {
  return [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",
    `--user-data-dir=${userDataDir}`,
  ];
}

export interface PdfJob {
  html: string;
  pdf: string;
}

/**
 * Print each job's HTML file to its PDF (written atomically), with one browser.
 * @throws Error when Chromium is missing (the message says how to install it) or a page fails to print.
 */
export async function printPdfs(jobs: PdfJob[]): Promise<void> {
  if (jobs.length === 0) return;
  const executablePath = findChromium();
  if (!executablePath) throw new Error("Chromium is not installed: run `apt-get install -y chromium` to print PDFs.");
  const profile = mkdtempSync(path.join(os.tmpdir(), "suff-chromium-"));
  const args = chromiumFlags(profile).filter((f) => f !== "--headless" && !f.startsWith("--user-data-dir"));
  const browser = await chromium.launch({ executablePath, headless: true, args });
  try {
    const page = await browser.newPage();
    await page.route(/^(?!file:)/, (route) => route.abort());
    for (const job of jobs) {
      await page.goto(pathToFileURL(path.resolve(job.html)).href, { waitUntil: "load" });
      const tmp = `${job.pdf}.${process.pid}.tmp.pdf`;
      try {
        await page.pdf({ path: tmp, format: "A4", printBackground: true, margin: { top: "15mm", bottom: "15mm", left: "12mm", right: "12mm" }, displayHeaderFooter: true, headerTemplate: "<span></span>", footerTemplate: '<div style="font-size:8px;width:100%;text-align:center;font-family:DejaVu Sans,sans-serif">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>' });
        if (!(statSync(tmp).size > 0)) throw new Error(`Chromium wrote an empty PDF for ${job.html}`);
        renameSync(tmp, job.pdf);
      } finally {
        rmSync(tmp, { force: true });
      }
    }
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Print one HTML file to PDF.
 * @throws Error when Chromium is missing or fails.
 */
export async function printPdf(htmlFile: string, pdfFile: string): Promise<void> {
  await printPdfs([{ html: htmlFile, pdf: pdfFile }]);
}
