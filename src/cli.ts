#!/usr/bin/env node
/**
 * The `suff` command line: parse, call the library, print. No logic lives here; each
 * command is one file in src/cli/ exporting `register(program)`.
 */
import { Command } from "commander";
import { runMain } from "./cli/run";
import { register as registerTemplate } from "./cli/template";
import { register as registerValidate } from "./cli/validate";
import { register as registerIngest } from "./cli/ingest";
import { register as registerAggregate } from "./cli/aggregate";
import { register as registerForecast } from "./cli/forecast";
import { register as registerBacktest } from "./cli/backtest";
import { register as registerProject } from "./cli/project";
import { register as registerReport } from "./cli/report";

const program = new Command()
  .name("suff")
  .description("Sufficiency Toolkit: the national placement sufficiency template, ingest, validation, aggregation, forecasting and reports for English children's social care.")
  .version("0.1.0")
  .showHelpAfterError()
  .configureOutput({ outputError: (text, write) => write(text) });

// One line per command, in the order a user meets them.
registerTemplate(program);
registerValidate(program);
registerIngest(program);
registerAggregate(program);
registerForecast(program);
registerBacktest(program);
registerProject(program);
registerReport(program);

await runMain(program, process.argv);
