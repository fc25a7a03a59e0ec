// Issue 14: outputs written whole. A fault-injection hook (SUFF_FAULT=step kills the
// process there, as a kill would) stops the compiled CLI between the steps of writing a
// dataset folder or a report folder; the folder is then the old one or the new one, never a
// mix; a lock stops a second writer; what a killed run left is cleaned or put back.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runSuff } from "../helpers/cli";

const A = "test/fixtures/published-dfe-31-march/input.csv";
const B = "test/fixtures/published-dfe-la-totals/input.csv";

function manifestInputs(ds: string): string {
  return JSON.parse(readFileSync(path.join(ds, "manifest.json"), "utf8")).inputs.map((i: { path: string }) => path.basename(path.dirname(i.path))).join(",");
}

describe("a dataset folder is written whole", () => {
  it("a kill at any step leaves the old dataset or the new one, and the next run cleans up", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "suff-whole-"));
    const ds = path.join(dir, "ds");
    expect(runSuff(["ingest", A, "--out", ds]).status).toBe(0);
    const old = readFileSync(path.join(ds, "dataset.csv"), "utf8");
    expect(manifestInputs(ds)).toBe("published-dfe-31-march");
    for (const step of ["dataset:after-files", "dataset:after-stage", "dataset:after-move-old", "dataset:after-move-new"]) {
      const killed = runSuff(["ingest", B, "--out", ds], { env: { ...process.env, SUFF_FAULT: step } });
      expect(killed.signal, step).toBe("SIGKILL");
      // What a reader sees next: the old dataset (restored if it was moved aside) or the new one, whole.
      const read = runSuff(["aggregate", ds, "--to", "england", "--out", path.join(dir, `e-${step.replace(/\W/g, "-")}.csv`)]);
      expect(read.status, `${step}: ${read.stderr}`).toBe(0);
      const inputs = manifestInputs(ds);
      const text = readFileSync(path.join(ds, "dataset.csv"), "utf8");
      if (step === "dataset:after-move-new") expect(inputs).toBe("published-dfe-la-totals");
      else expect([inputs, text === old]).toEqual(["published-dfe-31-march", true]);
      // Put the old dataset back for the next step.
      expect(runSuff(["ingest", A, "--out", ds]).status).toBe(0);
      expect(readdirSync(dir).filter((n) => n.includes(".suff-"))).toEqual([]);
    }
  }, 60_000);

  it("a second writer is stopped by the lock; a stale lock (its process gone) is taken over", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "suff-lock-"));
    const ds = path.join(dir, "ds");
    writeFileSync(`${ds}.lock`, `${process.pid} test\n`);
    const blocked = runSuff(["ingest", A, "--out", ds]);
    expect(blocked.status).toBe(2);
    expect(blocked.stderr).toMatch(/E_OUTPUT_LOCKED: .*being written by another suff process/);
    expect(existsSync(ds)).toBe(false);
    writeFileSync(`${ds}.lock`, "999999999 stale\n");
    expect(runSuff(["ingest", A, "--out", ds]).status).toBe(0);
    expect(existsSync(`${ds}.lock`)).toBe(false);
  }, 30_000);
});

describe("a report folder is replaced as a unit", () => {
  it("a killed run leaves the old report; a kill between the moves is put back by the next run", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "suff-rwhole-"));
    const out = path.join(dir, "reports");
    const args = (year: string) => ["report", "--dataset", "test/fixtures/forecast-dataset-small", "--scope", "england", "--year", year, "--format", "html,csv", "--no-png", "--ledger", path.join(dir, "ledger.json"), "--out", out];
    expect(runSuff(args("2024")).status).toBe(0);
    const html = () => readFileSync(path.join(out, "england", "report.html"), "utf8");
    const first = html();
    expect(first).toMatch(/2024/);
    const killed = runSuff(args("2025"), { env: { ...process.env, SUFF_FAULT: "report:after-render" } });
    expect(killed.signal).toBe("SIGKILL");
    expect(html()).toBe(first);
    const between = runSuff(args("2025"), { env: { ...process.env, SUFF_FAULT: "report:after-move-old" } });
    expect(between.signal).toBe("SIGKILL");
    expect(existsSync(path.join(out, "england"))).toBe(false);
    const next = runSuff(args("2025"));
    expect(next.status, next.stderr).toBe(0);
    expect(next.stderr).toMatch(/restored .*england/);
    expect(html()).not.toBe(first);
    expect(readdirSync(out).filter((n) => n.includes(".suff-"))).toEqual([]);
  }, 120_000);
});
