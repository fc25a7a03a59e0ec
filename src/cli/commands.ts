/**
 * Every `suff` command, in the order a user meets them, with its one-line description
 * and a loader for its module (src/cli/<name>.ts exporting `register(program)`). A
 * module is imported only when its command runs, so start-up stays fast.
 */
export interface CommandEntry {
  name: string;
  description: string;
  load(): Promise<unknown>;
}

export const COMMANDS: CommandEntry[] = [
  { name: "template", description: "Write the blank national sufficiency template: Excel workbook, long CSV header and JSON Schema.", load: () => import("./template.ts") },
  { name: "validate", description: "Validate filled returns (template .xlsx or long CSV): diagnostics point at the sheet and cell; exit 0 ok, 1 errors, 2 unreadable.", load: () => import("./validate.ts") },
  { name: "ingest", description: "Read LA returns, SSDA903 extracts and the published DfE/ONS/Ofsted/MHCLG files into one tidy dataset folder", load: () => import("./ingest.ts") },
  { name: "aggregate", description: "Aggregate a dataset folder's LA figures to the regions, England or any footprint, with coverage, rates and optional disclosure control", load: () => import("./aggregate.ts") },
  { name: "forecast", description: "Forecast every series of a long CSV (series_id,period,value; periods YYYY, YYYY-Qn or YYYY-MM) with calibrated intervals.", load: () => import("./forecast.ts") },
  { name: "backtest", description: "Rolling-origin backtest of a model on a long CSV: ME, MAE, RMSE, MAPE, sMAPE, MASE, RMSSE, coverage, Winkler and MSIS by series, horizon and overall.", load: () => import("./backtest.ts") },
  { name: "project", description: "Project children looked after by age band and placement group with the stock-flow (Markov) model: intervals, scenarios, costs and a backtest", load: () => import("./project.ts") },
  { name: "market", description: "Supply over time and projected, imports and exports, the gap by placement type with uncertainty, concentration, providers at risk, foster carers and costs; `market stress` tests a provider group's exit", load: () => import("./market.ts") },
  { name: "footprints", description: "Footprint design: compare groupings of LAs (regions, combined authorities, your own) on forecastability, specialist void risk, self-sufficiency, market power, distance and size; `footprints compare`", load: () => import("./footprints.ts") },
  { name: "report", description: "Write the annual sufficiency report (HTML, PDF, Excel annex, CSV, charts) for England, a region, a footprint, an LA, or all of them", load: () => import("./report.ts") },
  { name: "serve", description: "Run the collection service: LAs submit returns, leads and analysts see them (web pages and JSON API on one port)", load: () => import("./serve.ts") },
  { name: "users", description: "Add and list the people of the collection service, and give them API tokens", load: () => import("./users.ts") },
];

/**
 * The command the arguments ask for: the first argument that is not an option, if it
 * names a command. `suff help forecast` gives forecast too;
 * `suff --help`, `suff` and `suff nonsense` give undefined.
 * @example commandNamed(["forecast", "--help"])?.name // "forecast"
 */
export function commandNamed(args: readonly string[]): CommandEntry | undefined {
  const words = args.filter((a) => !a.startsWith("-"));
  const name = words[0] === "help" ? words[1] : words[0];
  return COMMANDS.find((c) => c.name === name);
}
