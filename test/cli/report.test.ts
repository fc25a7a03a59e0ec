// `suff report` usage errors: a coded message, exit 2, never a stack trace.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { SUFF } from "../helpers/cli";

function suff(...args: string[]) {
  return spawnSync(process.execPath, [SUFF, ...args], { encoding: "utf8" });
}

describe("suff report errors", () => {
  it("a missing dataset folder", () => {
    const r = suff("report", "--dataset", "/nonexistent", "--scope", "england", "--out", "/tmp/suff-x");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/E_DATASET_NOT_FOUND/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it("an unknown scope or format fails before any work", () => {
    const scope = suff("report", "--dataset", "test/fixtures/forecast-dataset-small", "--scope", "la:999", "--out", "/tmp/suff-x");
    const format = suff("report", "--dataset", "test/fixtures/forecast-dataset-small", "--scope", "england", "--format", "doc", "--out", "/tmp/suff-x");
    for (const r of [scope, format]) {
      expect(r.status).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(format.stderr).toMatch(/E_USAGE: Unknown report format .doc./);
    expect(scope.stderr).toMatch(/E_SCOPE: Unknown scope la:999/);
  });
  it("lists report among the commands", () => {
    expect(suff("--help").stdout).toMatch(/report\s+Write the annual sufficiency report/);
  });
});
