/**
 * `suff template --out DIR [--format xlsx,csv,schema]`: write the blank national template
 * (xlsx, long CSV header, JSON Schema).
 * `suff template --from-ssda903 DIR --la CODE --period YYYY --out DIR [--providers FILE]
 * [--collection-year-ends|--collection-year-starts]`: write that LA's template workbook and
 * long CSV with every measure its SSDA903 extract can give already filled in (marked as
 * pre-filled), the rest blank, plus ssda903-diagnostics.json (the extract's diagnostics: JSON,
 * so that `suff validate DIR` reads only the return).
 */
import path from "node:path";
import type { Command } from "commander";
import { SuffError } from "../spec/errors.ts";
import { parseTemplateFormats, templateFiles } from "../template/template-files.ts";
import { writeFileAtomic } from "../write/atomic.ts";
import { toCsv, type CsvCell } from "../write/csv.ts";
import { addCollectionYearOptions, collectionYearOf, type CollectionYearFlags } from "./collection-year-option.ts";

interface TemplateCliOptions extends CollectionYearFlags {
  format: string;
  out: string;
  fromSsda903?: string;
  la?: string;
  period?: string;
  providers?: string;
}

function usage(message: string, hint?: string): SuffError {
  return new SuffError("E_USAGE", message, { exitCode: 2, hint });
}

/** The pre-filled template from an SSDA903 extract: read, derive, write. */
async function fromSsda903(options: TemplateCliOptions): Promise<void> {
  if (!options.la) throw usage("--from-ssda903 needs --la CODE (the LA whose template to fill).");
  if (!options.period || !/^\d{4}$/.test(options.period)) throw usage(`--from-ssda903 needs --period YYYY (the year ending 31 March)${options.period ? `, not '${options.period}'` : ""}.`);
  const collectionYear = collectionYearOf(options);
  const { loadProviderLocations, loadSsda903Files } = await import("../ingest/ssda903/load-ssda903.ts");
  const { templateFromSsda903 } = await import("../ingest/ssda903/template-from-ssda903.ts");
  const files = loadSsda903Files(options.fromSsda903!);
  if (files.length === 0) throw new SuffError("E_903_NO_FILES", `No SSDA903 CSV or XML tables found in ${options.fromSsda903}.`, { hint: "Give the folder holding the LA's header, episodes (and UASC) files or its XML return." });
  const providerLocations = options.providers ? loadProviderLocations(options.providers) : undefined;
  const result = await templateFromSsda903(files, { la: options.la, period: Number(options.period), ...(collectionYear ? { collectionYear } : {}), ...(providerLocations ? { providerLocations } : {}) });
  const written = [
    [path.join(options.out, result.names.workbook), result.workbook],
    [path.join(options.out, result.names.csv), toCsv(result.csv.columns, result.csv.records as Record<string, CsvCell>[])],
    [path.join(options.out, "ssda903-diagnostics.json"), `${JSON.stringify(result.diagnostics, null, 2)}\n`],
  ] as const;
  for (const [target, data] of written) {
    writeFileAtomic(target, data);
    process.stdout.write(`wrote ${target}\n`);
  }
  const errors = result.diagnostics.filter((d) => d.severity === "error").length;
  const warnings = result.diagnostics.filter((d) => d.severity === "warning").length;
  process.stdout.write(`${result.la.name} (${result.la.oldCode}), year ending 31 March ${result.period}: ${result.counts.prefilled} template rows pre-filled from SSDA903 (${result.measures.length} measures), ${result.counts.blank} left blank for the LA.\n`);
  process.stdout.write(`SSDA903 diagnostics: ${errors} errors, ${warnings} warnings (see ssda903-diagnostics.json).\n`);
  for (const d of result.diagnostics.filter((x) => x.severity !== "info").slice(0, 5)) process.stdout.write(`  ${d.code} ${d.message}\n`);
  process.stdout.write(`Check the return with: suff validate ${path.join(options.out, result.names.workbook)}\n`);
}

/**
 * Register `suff template` on the program.
 * @throws SuffError E_USAGE (exit code 2) from the action for an unknown format or missing --la/--period.
 * @example register(new Command()) // adds the "template" command
 */
export function register(program: Command): void {
  const command = program
    .command("template")
    .description("Write the blank national sufficiency template (Excel workbook, long CSV header, JSON Schema), or an LA's template pre-filled from its SSDA903 extract (--from-ssda903).")
    .option("--format <list>", "comma list of formats: xlsx, csv, schema", "xlsx,csv,schema")
    .requiredOption("--out <dir>", "folder to write the files into")
    .option("--from-ssda903 <dir>", "folder (or file) of the LA's SSDA903 extract (CSV or XML): write its template workbook and long CSV pre-filled")
    .option("--la <code>", "with --from-ssda903: the LA (old DfE code, ONS code or name)")
    .option("--period <yyyy>", "with --from-ssda903: the year ending 31 March, e.g. 2025")
    .option("--providers <file>", "with --from-ssda903: Ofsted providers-and-places CSV, to tell from each episode's URN whether the child is placed outside the LA and region");
  addCollectionYearOptions(command)
    .action(async (options: TemplateCliOptions) => {
      if (options.fromSsda903 !== undefined) return fromSsda903(options);
      const formats = parseTemplateFormats(options.format);
      for (const file of await templateFiles(formats)) {
        const target = path.join(options.out, file.name);
        writeFileAtomic(target, file.data);
        process.stdout.write(`wrote ${target}\n`);
      }
    });
}
