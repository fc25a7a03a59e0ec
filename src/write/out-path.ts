/**
 * Checks on an output path before anything is computed or written, so that `--out`
 * problems are said plainly (what is wrong, what to do) rather than as an errno, and a
 * command never writes over its own input.
 */
import { accessSync, constants, existsSync, statSync } from "node:fs";
import path from "node:path";
import { SuffError } from "../spec/errors.ts";

function usage(message: string, hint: string): SuffError {
  return new SuffError("E_OUT", message, { exitCode: 2, hint });
}

/** The nearest existing folder at or above `p`, or a file in the way. */
function nearestExisting(p: string): { path: string; isDir: boolean } {
  let current = path.resolve(p);
  for (;;) {
    if (existsSync(current)) return { path: current, isDir: statSync(current).isDirectory() };
    const parent = path.dirname(current);
    if (parent === current) return { path: current, isDir: true };
    current = parent;
  }
}

function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function same(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}

/** True when `inner` is `outer` or inside it. */
export function isInside(inner: string, outer: string): boolean {
  const rel = path.relative(path.resolve(outer), path.resolve(inner));
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/**
 * Check `--out` for a file to write. `inputs` are the files and folders the command reads:
 * the output may not be one of them or a file inside an input folder that the command reads.
 * @throws SuffError E_OUT with a hint.
 */
export function checkOutFile(out: string, inputs: { files?: readonly string[]; folders?: readonly string[] } = {}): void {
  if (out.trim() === "") throw usage("--out is empty.", "Give the file to write, e.g. --out out/footprints.csv.");
  if (existsSync(out) && statSync(out).isDirectory()) throw usage(`--out ${out} is a folder, not a file.`, `Give a file name inside it, e.g. --out ${path.join(out, "output.csv")}.`);
  for (const f of inputs.files ?? []) if (same(out, f)) throw usage(`--out ${out} is an input of this command: writing it would overwrite what is being read.`, "Write the output somewhere else.");
  for (const d of inputs.folders ?? []) if (isInside(out, d)) throw usage(`--out ${out} is inside the input folder ${d}: it would overwrite or be read back as input.`, `Write the output outside ${d}.`);
  checkParent(path.dirname(path.resolve(out)), out);
}

/**
 * Check `--out` for a folder to write into.
 * @throws SuffError E_OUT with a hint.
 */
export function checkOutDir(out: string, inputs: { files?: readonly string[]; folders?: readonly string[] } = {}): void {
  if (out.trim() === "") throw usage("--out is empty.", "Give the folder to write into, e.g. --out reports/.");
  if (existsSync(out) && !statSync(out).isDirectory()) throw usage(`--out ${out} is a file, not a folder.`, `Give a folder (it is created if needed), e.g. --out ${out.replace(/\.[^./\\]*$/, "")}-out/.`);
  for (const f of inputs.files ?? []) if (isInside(f, out)) throw usage(`--out ${out} holds ${f}, an input of this command.`, "Write the output to a folder of its own.");
  for (const d of inputs.folders ?? []) if (isInside(out, d) || isInside(d, out)) throw usage(`--out ${out} and the input folder ${d} overlap: the output would overwrite or be read back as input.`, "Write the output to a folder outside the inputs.");
  checkParent(path.resolve(out), out);
}

function checkParent(dir: string, out: string): void {
  const near = nearestExisting(dir);
  if (!near.isDir) throw usage(`--out ${out}: ${near.path} is a file, so no folder can be made there.`, "Choose an output path whose folders are folders.");
  if (!writable(near.path)) throw usage(`--out ${out}: the folder ${near.path} is not writable by this user.`, "Choose a folder you can write to, or change its permissions.");
}

/**
 * A file-system error (EACCES, EEXIST, ENOTDIR...) as a SuffError that says what is wrong and
 * what to do; other errors unchanged.
 */
export function explainFsError(error: unknown): unknown {
  const e = error as NodeJS.ErrnoException;
  if (!(error instanceof Error) || typeof e.code !== "string" || !/^E[A-Z]+$/.test(e.code)) return error;
  const where = e.path ?? "";
  const what: Record<string, [string, string]> = {
    EACCES: [`permission denied: ${where}`, "Choose a path you can write to (or read from), or change its permissions."],
    EPERM: [`operation not permitted: ${where}`, "Choose a path you can write to, or change its permissions."],
    EEXIST: [`${where} already exists and is in the way (a file where a folder is needed, or the reverse).`, "Remove it or choose another --out."],
    ENOTDIR: [`${where}: part of this path is a file, not a folder.`, "Choose an output path whose folders are folders."],
    EISDIR: [`${where} is a folder where a file is needed.`, "Give a file name, not a folder."],
    EROFS: [`${where} is on a read-only file system.`, "Write somewhere else."],
    ENOSPC: [`no space left on the device writing ${where}.`, "Free some space and run again."],
  };
  const known = what[e.code];
  if (!known) return error;
  return new SuffError("E_FILE_SYSTEM", known[0], { exitCode: 2, hint: known[1], cause: error });
}
