// Issue 14 path cases through the compiled CLI: footprint codes as safe folder names, case
// collisions, outputs inside inputs, never overwriting an input, reports from any directory,
// and --out errors that say what is wrong and what to do.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { scopeFolder, scopeFolders } from "../../src/cli/report";
import { REPO, runSuff } from "../helpers/cli";

const dir = mkdtempSync(path.join(os.tmpdir(), "suff-paths-"));
const ds = path.join(dir, "ds");
const input = "test/fixtures/published-dfe-31-march/input.csv";
const fixture = path.join(REPO, "test/fixtures/forecast-dataset-small");

describe("paths (issue 14)", () => {
  it("footprint codes become safe folder names; codes that would share a folder are an error naming both", () => {
    expect(scopeFolder({ kind: "footprint", code: "x/../../../escaped", name: "Esc" })).toBe("footprint-x-escaped-esc");
    expect(scopeFolder({ kind: "footprint", code: "..", name: ".." })).toBe("footprint");
    expect(() => scopeFolders([{ kind: "footprint", code: "A", name: "Pair" }, { kind: "footprint", code: "a", name: "Pair" }])).toThrow(/footprint "A" \(Pair\) and footprint "a" \(Pair\) would be written to the same folder footprint-a-pair/);
  });

  it("never overwrites its own input, and says what is wrong with --out", () => {
    expect(runSuff(["ingest", input, "--out", ds]).status).toBe(0);
    const before = readFileSync(path.join(ds, "dataset.csv"), "utf8");
    const own = runSuff(["aggregate", ds, "--to", "england", "--out", path.join(ds, "dataset.csv")]);
    expect(own.status).toBe(2);
    expect(own.stderr).toMatch(/E_OUT: --out .*dataset\.csv is inside the input folder/);
    expect(readFileSync(path.join(ds, "dataset.csv"), "utf8")).toBe(before);
    const empty = runSuff(["aggregate", ds, "--to", "england", "--out", ""]);
    expect(empty.stderr).toMatch(/E_OUT: --out is empty/);
    const folder = runSuff(["aggregate", ds, "--to", "england", "--out", dir]);
    expect(folder.stderr).toMatch(/E_OUT: --out .* is a folder, not a file\.\nhint: Give a file name inside it/);
    writeFileSync(path.join(dir, "a-file"), "x");
    const underFile = runSuff(["aggregate", ds, "--to", "england", "--out", path.join(dir, "a-file", "x.csv")]);
    expect(underFile.stderr).toMatch(/E_OUT: .*a-file is a file, so no folder can be made there/);
    const reportAtFile = runSuff(["report", "--dataset", ds, "--scope", "england", "--out", path.join(dir, "a-file")]);
    expect(reportAtFile.stderr).toMatch(/E_OUT: --out .*a-file is a file, not a folder/);
    for (const r of [own, empty, folder, underFile, reportAtFile]) {
      expect(r.status).toBe(2);
      expect(r.stderr).not.toMatch(/E_INTERNAL|EEXIST|EACCES|ENOTDIR/);
    }
  }, 60_000);

  it("an output inside an input folder is not read back as input", () => {
    const inputs = path.join(dir, "inputs");
    mkdirSync(inputs);
    writeFileSync(path.join(inputs, "la.csv"), readFileSync(input));
    expect(runSuff(["ingest", inputs, "--out", path.join(inputs, "ds")]).status).toBe(0);
    expect(runSuff(["aggregate", path.join(inputs, "ds"), "--to", "england", "--out", path.join(dir, "england.csv")]).status).toBe(0);
    writeFileSync(path.join(inputs, "england.csv"), readFileSync(path.join(dir, "england.csv")));
    const again = runSuff(["ingest", inputs, "--out", path.join(inputs, "ds")]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/note: .*inputs\/ds was written by suff/);
    expect(again.stderr).toMatch(/note: .*inputs\/england\.csv was written by suff/);
    const manifest = JSON.parse(readFileSync(path.join(inputs, "ds", "manifest.json"), "utf8"));
    expect(manifest.inputs.map((i: { path: string }) => path.basename(i.path))).toEqual(["la.csv"]);
    // An output folder that would hold (and so overwrite) the input is refused.
    expect(runSuff(["ingest", inputs, "--out", dir]).stderr).toMatch(/E_OUT: --out .* holds .*inputs/);
  }, 60_000);

  it("multi-scope reports run from any directory", () => {
    const out = path.join(dir, "reports");
    const r = runSuff(["report", "--dataset", fixture, "--scope", "england,region:E12000001", "--format", "html", "--no-png", "--ledger", path.join(dir, "ledger.json"), "--out", out], { cwd: os.tmpdir() });
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["england", "index.html", "region-e12000001-north-east"]);
  }, 120_000);
});
