#!/usr/bin/env node
/**
 * The `suff` command line: parse, call the library, print. No logic lives here; each
 * command is one file in src/cli/ exporting `register(program)`.
 *
 * Start-up is kept short (`suff --help` well under a second) by loading a command's
 * module, and with it the libraries it needs (exceljs, vega, playwright...), only when
 * that command runs. The list below is the only place a command is named.
 */
import { Command } from "commander";
import { runMain } from "./cli/run.ts";
import { COMMANDS, commandNamed } from "./cli/commands.ts";
import { TOOLKIT_VERSION } from "./spec/version.ts";

const program = new Command()
  .name("suff")
  .description("Sufficiency Toolkit: the national placement sufficiency template, ingest, validation, aggregation, forecasting and reports for English children's social care.")
  .version(TOOLKIT_VERSION)
  .showHelpAfterError()
  .configureOutput({ outputError: (text, write) => write(text) });

const requested = commandNamed(process.argv.slice(2));
if (requested) {
  const module = (await requested.load()) as { register(program: Command): void };
  module.register(program);
} else {
  // Top-level help or an unknown command: list every command without loading any.
  for (const entry of COMMANDS) program.command(entry.name).description(entry.description);
}

await runMain(program, process.argv);
