/**
 * A report-rendering worker process (forked by render-reports.ts): reads its jobs from the
 * JSON file named by argv[2], renders them, sends a message as each finishes and writes
 * the results to argv[3].
 */
import { readFileSync, writeFileSync } from "node:fs";
import { renderInProcess, type RenderJob, type RenderOptions } from "./render-reports.ts";

const [input, output] = process.argv.slice(2);
const { jobs, options } = JSON.parse(readFileSync(input, "utf8")) as { jobs: RenderJob[]; options: RenderOptions };
try {
  const written = await renderInProcess(jobs, { ...options, onProgress: (_d, _t, report) => process.send?.({ report }) });
  writeFileSync(output, JSON.stringify(written));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
