/**
 * Print an HTML file to PDF with headless Chromium (Debian package `chromium`). No
 * network: the flags turn off every background request and the page is self-contained.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, renameSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

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

/**
 * Print `htmlFile` to `pdfFile` (written atomically).
 * @throws Error when Chromium is missing or fails (the message says how to install it).
 */
export async function printPdf(htmlFile: string, pdfFile: string, timeoutMs = 120_000): Promise<void> {
  const chromium = findChromium();
  if (!chromium) throw new Error("Chromium is not installed: run `apt-get install -y chromium` to print PDFs.");
  const profile = mkdtempSync(path.join(os.tmpdir(), "suff-chromium-"));
  const tmp = `${pdfFile}.${process.pid}.tmp.pdf`;
  try {
    await new Promise<void>((resolve, reject) => {
      const args = [...chromiumFlags(profile), "--no-pdf-header-footer", `--print-to-pdf=${path.resolve(tmp)}`, pathToFileURL(path.resolve(htmlFile)).href];
      const child = spawn(chromium, args, { stdio: ["ignore", "ignore", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (d) => { stderr += String(d); });
      const timer = setTimeout(() => { child.kill("SIGKILL"); reject(new Error(`Chromium timed out printing ${htmlFile}`)); }, timeoutMs);
      child.on("error", (e) => { clearTimeout(timer); reject(e); });
      child.on("close", (code) => {
        clearTimeout(timer);
        if (code === 0 && existsSync(tmp) && statSync(tmp).size > 0) resolve();
        else reject(new Error(`Chromium failed to print ${htmlFile} (exit ${code}): ${stderr.split("\n").slice(-3).join(" ")}`));
      });
    });
    renameSync(tmp, pdfFile);
  } finally {
    rmSync(tmp, { force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}
