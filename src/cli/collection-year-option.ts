/**
 * The `--collection-year-ends` / `--collection-year-starts` options shared by the commands
 * that read SSDA903 extracts (ingest, project, template --from-ssda903): how a 4-digit YEAR
 * label is read. Without either, each return's reading is inferred from its event dates.
 */
import type { Command } from "commander";
import { SuffError } from "../spec/errors.ts";

export interface CollectionYearFlags {
  collectionYearEnds?: boolean;
  collectionYearStarts?: boolean;
}

/**
 * Add the two options to a command.
 * @throws never.
 * @example addCollectionYearOptions(new Command("ingest")) // the same command, with the options
 */
export function addCollectionYearOptions(command: Command): Command {
  return command
    .option("--collection-year-ends", "SSDA903 YEAR labels name the year the collection ends (YEAR 2018 = April 2017 to March 2018, as DfE and LA systems write it); default: inferred per return from its dates")
    .option("--collection-year-starts", "SSDA903 YEAR labels name the year the collection starts (YEAR 2017 = April 2017 to March 2018, as the regional demand-model app writes it)");
}

/**
 * The forced reading, or undefined to infer it.
 * @throws SuffError E_USAGE (exit 2) when both options are given.
 * @example collectionYearOf({ collectionYearStarts: true }) // "starts"
 */
export function collectionYearOf(flags: CollectionYearFlags): "ends" | "starts" | undefined {
  if (flags.collectionYearEnds && flags.collectionYearStarts) throw new SuffError("E_USAGE", "Give --collection-year-ends or --collection-year-starts, not both.", { exitCode: 2 });
  return flags.collectionYearEnds ? "ends" : flags.collectionYearStarts ? "starts" : undefined;
}
