/** `suff validate FILE...`: check filled returns and print diagnostics that point at the cell. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import type { Diagnostic } from "../spec/diagnostic.ts";
import { loadMapping } from "../ingest/load-mapping.ts";
import { isSuffError, SuffError } from "../spec/errors.ts";
import { validateFile } from "../validate/validate-file.ts";

function expand(inputs: string[]): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    let stat;
    try {
      stat = statSync(input);
    } catch {
      throw new SuffError("E_FILE_NOT_FOUND", `${input} does not exist.`, { hint: "Give the path of a filled template (.xlsx) or long CSV." });
    }
    if (!stat.isDirectory()) out.push(input);
    else {
      for (const entry of readdirSync(input, { recursive: true, withFileTypes: true })) {
        if (entry.isFile() && /\.(xlsx|csv)$/i.test(entry.name) && !entry.name.startsWith("~$")) out.push(path.join(entry.parentPath, entry.name));
      }
    }
  }
  return out.sort();
}

function formatLine(d: Diagnostic): string {
  let where = d.file ?? "";
  if (d.sheet) where += `:${d.sheet}${d.cell ? `!${d.cell}` : ""}`;
  else if (d.row !== undefined) where += `:${d.row}${d.column ? `:${d.column}` : ""}`;
  else if (d.column) where += `:${d.column}`;
  return `${where} ${d.severity} ${d.code} ${d.message}${d.hint ? ` (${d.hint})` : ""}`;
}

/**
 * Register `suff validate` on the program. Exit codes: 0 no errors (warnings allowed),
 * 1 errors, 2 unreadable input or usage error.
 * @throws SuffError E_USAGE or E_FILE_NOT_FOUND (exit code 2) from the action.
 * @example register(new Command()) // adds the "validate" command
 */
export function register(program: Command): void {
  program
    .command("validate")
    .description("Validate filled returns (template .xlsx or long CSV): diagnostics point at the sheet and cell; exit 0 ok, 1 errors, 2 unreadable.")
    .argument("<files...>", "filled template workbooks, long CSVs, or folders of them")
    .option("--json", "print the diagnostics as a JSON array")
    .option("--period <yyyy>", "the period the returns must be for (year ending 31 March)")
    .option("--quiet", "print errors and warnings only (no info lines)")
    .option("--mapping <file>", "read workbooks as legacy LA spreadsheets through this mapping (see data-templates/legacy-mapping.md)")
    .action(async (inputs: string[], options: { json?: boolean; period?: string; quiet?: boolean; mapping?: string }) => {
      const mapping = options.mapping ? loadMapping(options.mapping) : undefined;
      if (options.period !== undefined && !/^\d{4}$/.test(options.period)) {
        throw new SuffError("E_USAGE", `--period must be a four-digit year, not '${options.period}'.`, { hint: "e.g. --period 2025" });
      }
      const files = expand(inputs);
      if (files.length === 0) throw new SuffError("E_USAGE", "No .xlsx or .csv files found.", { hint: "Give files or folders holding returns." });
      const all: Diagnostic[] = [];
      let unreadable = 0;
      let rows = 0;
      let requiredMissing = 0;
      let optionalMissing = 0;
      let optionalRows = 0;
      for (const file of files) {
        try {
          const result = await validateFile({ name: file, bytes: new Uint8Array(readFileSync(file)) }, { period: options.period, mapping });
          all.push(...result.diagnostics);
          rows += result.read.rowsRead;
          requiredMissing += result.completeness.required.missing;
          optionalMissing += result.completeness.optional.missing;
          optionalRows += result.completeness.optional.rows;
        } catch (error) {
          if (!isSuffError(error)) throw error;
          unreadable++;
          all.push({ code: error.code, severity: "error", file, message: error.message, ...(error.hint ? { hint: error.hint } : {}) });
        }
      }
      const errors = all.filter((d) => d.severity === "error").length;
      const warnings = all.filter((d) => d.severity === "warning").length;
      if (options.json) process.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
      else {
        for (const d of all) if (!options.quiet || d.severity !== "info") process.stdout.write(`${formatLine(d)}\n`);
        process.stdout.write(`${files.length} file(s), ${rows} rows read: ${errors} error(s), ${warnings} warning(s)${unreadable ? `, ${unreadable} unreadable` : ""}; required values missing: ${requiredMissing}; optional values blank: ${optionalMissing} of ${optionalRows}.\n`);
      }
      process.exitCode = unreadable > 0 ? 2 : errors > 0 ? 1 : 0;
    });
}
