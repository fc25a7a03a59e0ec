/**
 * Render many report models to disk using both cores: the models are split between two
 * worker processes (src/cli/report-worker.ts), each writes its reports' charts, HTML,
 * XLSX and CSV, then prints its PDFs with one Chromium. With one model, or one core, it
 * renders in this process. Progress is reported as each report finishes.
 */
import { fork } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ReportModel } from "../spec/report.ts";
import { writeReport, type ReportFormat, type WrittenReport } from "../write/report-files.ts";
import { findChromium, printPdfs } from "../write/pdf.ts";

export interface RenderJob {
  model: ReportModel;
  dir: string;
}

export interface RenderOptions {
  formats: ReportFormat[];
  png?: boolean;
  workers?: number;
  onProgress?: (done: number, total: number, report: WrittenReport) => void;
}

/** Render jobs in this process (used by each worker, and when there is only one job). */
export async function renderInProcess(jobs: RenderJob[], options: RenderOptions): Promise<WrittenReport[]> {
  const written: WrittenReport[] = [];
  const printable = options.formats.includes("pdf") && findChromium() !== null;
  for (const job of jobs) {
    const report = await writeReport(job.model, job.dir, options.formats, { png: options.png, pdf: printable ? "defer" : "now" });
    written.push(report);
    if (!printable) options.onProgress?.(written.length, jobs.length, report);
  }
  if (printable) {
    const pdfJobs = written.flatMap((w) => (w.pdfJob ? [w.pdfJob] : []));
    try {
      await printPdfs(pdfJobs);
    } finally {
      for (const j of pdfJobs) rmSync(j.html, { force: true });
    }
    written.forEach((w, i) => {
      if (w.pdfJob) { w.files.push(w.pdfJob.pdf); delete w.pdfJob; }
      options.onProgress?.(i + 1, jobs.length, w);
    });
  }
  return written;
}

/**
 * Render jobs, in two worker processes when there is more than one job and more than one core.
 * @throws Error when a worker fails (its message is passed on).
 */
export async function renderReports(jobs: RenderJob[], options: RenderOptions): Promise<WrittenReport[]> {
  const workers = Math.min(options.workers ?? Math.min(2, os.availableParallelism()), jobs.length);
  if (workers <= 1) return renderInProcess(jobs, options);
  const tmp = mkdtempSync(path.join(os.tmpdir(), "suff-render-"));
  const here = path.dirname(fileURLToPath(import.meta.url));
  const results: WrittenReport[][] = [];
  let done = 0;
  try {
    await Promise.all(Array.from({ length: workers }, (_, w) => new Promise<void>((resolve, reject) => {
      const mine = jobs.filter((_, i) => i % workers === w);
      const input = path.join(tmp, `jobs-${w}.json`);
      const output = path.join(tmp, `done-${w}.json`);
      writeFileSync(input, JSON.stringify({ jobs: mine, options: { formats: options.formats, png: options.png } }));
      // Compiled (dist/*.js) the worker runs as plain JavaScript; from src/*.ts (tests, tsx) through tsx.
      const compiled = path.extname(fileURLToPath(import.meta.url)) === ".js";
      const worker = path.join(here, compiled ? "report-worker.js" : "report-worker.ts");
      const child = fork(worker, [input, output], { cwd: process.cwd(), execArgv: compiled ? [] : ["--import", "tsx"], stdio: ["ignore", "inherit", "pipe", "ipc"] });
      let stderr = "";
      child.stderr?.on("data", (d) => { stderr += String(d); });
      child.on("message", (m: { report: WrittenReport }) => { done++; options.onProgress?.(done, jobs.length, m.report); });
      child.on("error", reject);
      child.on("exit", (code) => {
        if (code !== 0) { reject(new Error(`report worker ${w} failed (exit ${code}): ${stderr.trim().split("\n").slice(-3).join(" ")}`)); return; }
        results[w] = JSON.parse(readFileSync(output, "utf8")) as WrittenReport[];
        resolve();
      });
    })));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  // Back in job order.
  const out: WrittenReport[] = [];
  jobs.forEach((_, i) => out.push(results[i % workers][Math.floor(i / workers)]));
  return out;
}
