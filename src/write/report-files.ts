/**
 * Write a report model to disk in the requested formats, every file atomically:
 *  - `report.html`: self-contained, offline, accessible (charts inline as SVG);
 *  - `report.pdf`: printed from a copy of the HTML with every data table open;
 *  - `annex.xlsx`: every table of the report, one sheet each, plus a contents sheet;
 *  - `csv/<table>.csv`: each table as tidy CSV;
 *  - `charts/<id>.svg|.png|.vl.json`: each chart rendered, with its vega-lite spec.
 */
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { TopLevelSpec } from "vega-lite";
import type { ReportModel, ReportTable } from "../spec/report.ts";
import { writeFileAtomic } from "./atomic.ts";
import { renderChart } from "./chart.ts";
import { toCsv } from "./csv.ts";
import { reportToHtml } from "./html.ts";
import { findChromium, printPdfs, type PdfJob } from "./pdf.ts";
import { tablesToXlsx } from "./xlsx.ts";

export type ReportFormat = "html" | "pdf" | "xlsx" | "csv";

export interface WriteReportOptions {
  /** Also write each chart as PNG (default true). */
  png?: boolean;
  /**
   * "now" (default) prints the PDF before returning; "defer" writes the printable HTML and
   * returns the job in `pdfJob`, so a caller can print many reports with one browser
   * (`printPdfs`) and delete the printable copies.
   */
  pdf?: "now" | "defer";
}

export interface WrittenReport {
  dir: string;
  files: string[];
  /** With pdf: "defer", the print job still to run (the printable HTML is written). */
  pdfJob?: PdfJob;
  /** Set when a PDF was asked for but could not be printed (e.g. Chromium not installed). */
  pdfSkipped?: string;
  charts: Array<{ id: string; marks: number }>;
}

/** Every table in the report: chart data tables first within each section, then the section's own tables. */
export function reportTables(model: ReportModel): ReportTable[] {
  return model.sections.flatMap((s) => [...s.charts.map((c) => c.table), ...s.tables]);
}

/**
 * Write the report files.
 * @throws Error when a chart cannot be rendered (fonts missing) or a file cannot be written.
 */
export async function writeReport(model: ReportModel, dir: string, formats: ReportFormat[], options: WriteReportOptions = {}): Promise<WrittenReport> {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const svgs = new Map<string, string>();
  const charts: WrittenReport["charts"] = [];
  const chartDir = path.join(dir, "charts");
  const drawn = formats.includes("html") || formats.includes("pdf");
  for (const section of model.sections) {
    for (const chart of drawn ? section.charts : []) {
      const rendered = await renderChart(chart.spec as TopLevelSpec, chart.id, options.png === false ? 0 : 1.5);
      svgs.set(chart.id, rendered.svg);
      charts.push({ id: chart.id, marks: rendered.marks });
      const outputs: Array<[string, string | Uint8Array]> = [["svg", rendered.svg], ["vl.json", JSON.stringify(chart.spec, null, 2)]];
      if (rendered.png) outputs.push(["png", rendered.png]);
      for (const [ext, data] of outputs) {
        const file = path.join(chartDir, `${chart.id}.${ext}`);
        writeFileAtomic(file, data);
        files.push(file);
      }
    }
  }
  const out: WrittenReport = { dir, files, charts };
  if (formats.includes("html")) {
    const file = path.join(dir, "report.html");
    writeFileAtomic(file, reportToHtml(model, { svgs }));
    files.push(file);
  }
  if (formats.includes("pdf")) {
    if (!findChromium()) {
      out.pdfSkipped = "Chromium is not installed; run `apt-get install -y chromium` (Debian) and rerun to get the PDF.";
    } else {
      const printable = path.join(dir, ".report-print.html");
      writeFileAtomic(printable, reportToHtml(model, { svgs, openDetails: true }));
      const job = { html: printable, pdf: path.join(dir, "report.pdf") };
      if (options.pdf === "defer") {
        out.pdfJob = job;
      } else {
        try {
          await printPdfs([job]);
          files.push(job.pdf);
        } finally {
          rmSync(printable, { force: true });
        }
      }
    }
  }
  const tables = reportTables(model);
  if (formats.includes("xlsx")) {
    const file = path.join(dir, "annex.xlsx");
    const contents = {
      name: "Contents",
      columns: ["sheet", "table"],
      rows: tables.map((t) => ({ sheet: t.id.slice(0, 31), table: t.caption })),
      notes: [model.title, `Generated ${model.generated}.`, "Contains public sector information licensed under the Open Government Licence v3.0. Suppressed values are shown as c, not available as x."],
    };
    const sheets = tables.map((t) => ({
      name: t.id.slice(0, 31),
      columns: t.columns.map((c) => c.label),
      rows: t.rows.map((r) => Object.fromEntries(t.columns.map((c) => [c.label, r[c.key] ?? null]))),
      notes: [t.caption, ...(t.notes ?? [])],
    }));
    writeFileAtomic(file, await tablesToXlsx([contents, ...sheets]));
    files.push(file);
  }
  if (formats.includes("csv")) {
    for (const t of tables) {
      const file = path.join(dir, "csv", `${t.id}.csv`);
      writeFileAtomic(file, toCsv(t.columns.map((c) => c.key), t.rows));
      files.push(file);
    }
  }
  return out;
}
