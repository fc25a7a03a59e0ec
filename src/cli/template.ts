/** `suff template`: write the blank national template (xlsx, long CSV header, JSON Schema). */
import path from "node:path";
import type { Command } from "commander";
import { parseTemplateFormats, templateFiles } from "../template/template-files.ts";
import { writeFileAtomic } from "../write/atomic.ts";

/**
 * Register `suff template` on the program.
 * @throws SuffError E_USAGE (exit code 2) from the action for an unknown format.
 * @example register(new Command()) // adds the "template" command
 */
export function register(program: Command): void {
  program
    .command("template")
    .description("Write the blank national sufficiency template: Excel workbook, long CSV header and JSON Schema.")
    .option("--format <list>", "comma list of formats: xlsx, csv, schema", "xlsx,csv,schema")
    .requiredOption("--out <dir>", "folder to write the files into")
    .action(async (options: { format: string; out: string }) => {
      const formats = parseTemplateFormats(options.format);
      for (const file of await templateFiles(formats)) {
        const target = path.join(options.out, file.name);
        writeFileAtomic(target, file.data);
        process.stdout.write(`wrote ${target}\n`);
      }
    });
}
