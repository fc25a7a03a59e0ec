/**
 * Report folders replaced as units: every report of a run is rendered into a staging folder
 * beside its final place (`.NAME.suff-tmp-PID` in the output folder), and only when all are
 * rendered is each moved into place (swapInto: the old folder aside, the new one in), under a
 * lock on the output folder. A killed run leaves every report folder old or new, never
 * `report.html` of one year beside the annex of another; what it left is cleaned (or put
 * back) by the next run. Fault points: report:after-render, report:after-move-old.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { recoverInterrupted } from "../ingest/load-recover.ts";
import { faultPoint } from "./fault.ts";
import { acquireLock } from "./lock.ts";
import { swapInto } from "./swap-folder.ts";

export interface ReportFolders {
  /** Where to render the report that belongs in `folder`. */
  staging(folder: string): string;
  /** Move every staged folder into place. */
  commit(folders: readonly string[]): void;
  release(): void;
  /** What an interrupted earlier run left and was cleaned. */
  notes: string[];
}

/**
 * Lock `out` and clean what interrupted runs left there.
 * @throws SuffError E_OUTPUT_LOCKED when another run is writing `out`.
 */
export function beginReportFolders(out: string): ReportFolders {
  const abs = path.resolve(out);
  mkdirSync(abs, { recursive: true });
  const release = acquireLock(abs);
  const notes = recoverInterrupted(abs);
  const staging = (folder: string) => path.join(abs, `.${folder}.suff-tmp-${process.pid}`);
  return {
    staging,
    commit(folders) {
      faultPoint("report:after-render");
      for (const folder of folders) swapInto(staging(folder), path.join(abs, folder), "report");
    },
    release,
    notes,
  };
}

/** A staged path as its final path. */
export function finalPath(file: string): string {
  return file.replace(/([\\/])\.([^\\/]+)\.suff-tmp-\d+(?=[\\/]|$)/, "$1$2");
}
