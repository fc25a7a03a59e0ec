import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { SUFF } from "../helpers/cli";

const root = path.resolve(__dirname, "../..");
const input = path.join(root, "test/fixtures/forecast-long-csv/input.csv");

function suff(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [SUFF, ...args], { cwd: root, encoding: "utf8" });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("suff forecast / suff backtest end to end", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "suff-forecast-"));

  it("forecasts annual and quarterly series, reporting bad rows by row number", () => {
    const out = path.join(dir, "out.csv");
    const run = suff("forecast", input, "--horizon", "3", "--level", "95,80", "--out", out);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/row 10:series_id: error E_SERIES_NO_ID/);
    expect(run.stderr).toMatch(/row 29:period: error E_SERIES_BAD_PERIOD/);
    expect(run.stderr).toMatch(/row 30:period: error E_SERIES_MIXED_FREQUENCY/);
    expect(run.stderr).toMatch(/row 7:value: info I_SERIES_MARKER/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const lines = readFileSync(out, "utf8").trim().split("\n");
    expect(lines[0]).toBe("series_id,period,model,mean,lo95,hi95,lo80,hi80");
    expect(lines).toHaveLength(1 + 4 * 3);
    expect(lines.filter((l) => l.startsWith("E2,")).map((l) => l.split(",")[1])).toEqual(["2023-Q1", "2023-Q2", "2023-Q3"]);
    for (const line of lines.slice(1)) {
      const [, , model, mean, lo95, hi95, lo80, hi80] = line.split(",");
      expect(model).toBe("auto");
      for (const cell of [mean, lo95, hi95, lo80, hi80]) expect(cell).not.toBe("");
      expect(Number(lo95)).toBeLessThanOrEqual(Number(lo80));
      expect(Number(lo80)).toBeLessThanOrEqual(Number(mean));
      expect(Number(hi80)).toBeLessThanOrEqual(Number(hi95));
      expect(Number(lo95)).toBeGreaterThanOrEqual(0);
    }
  });

  it("analytic intervals with --no-calibrate and a named model", () => {
    const out = path.join(dir, "theta.csv");
    const run = suff("forecast", input, "--horizon", "2", "--model", "theta", "--no-calibrate", "--out", out);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/analytic intervals/);
    expect(readFileSync(out, "utf8")).toMatch(/^E4,2026,theta,/m);
  });

  it("backtest writes accuracy by series, horizon and overall", () => {
    const out = path.join(dir, "acc.csv");
    const run = suff("backtest", input, "--horizon", "2", "--origins", "3", "--out", out);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/W_SERIES_SHORT Series E3/);
    const lines = readFileSync(out, "utf8").trim().split("\n");
    expect(lines[0]).toBe("group,scope,model,series_id,step,n,me,mae,rmse,mape,smape,mase,naive_mase,rmsse,coverage80,winkler80,msis80,coverage95,winkler95,msis95");
    const scopes = lines.slice(1).map((l) => l.split(",")[1]);
    expect(scopes.filter((s) => s === "series")).toHaveLength(2);
    expect(scopes.filter((s) => s === "horizon")).toHaveLength(2);
    expect(scopes.at(-1)).toBe("overall");
  });

  it("run-stopping problems print a coded error, not a stack trace", () => {
    const bad = path.join(dir, "bad.csv");
    writeFileSync(bad, "id,when,v\n1,2,3\n");
    const header = suff("forecast", bad, "--horizon", "2", "--out", path.join(dir, "x.csv"));
    expect(header.status).toBe(2);
    expect(header.stderr).toMatch(/^error E_SERIES_HEADER: .*no series_id, period, value columns/);
    const model = suff("forecast", input, "--horizon", "2", "--model", "nope", "--out", path.join(dir, "x.csv"));
    expect(model.status).toBe(2);
    expect(model.stderr).toMatch(/error E_USAGE: unknown --model/);
    const horizon = suff("backtest", input, "--horizon", "x", "--origins", "2", "--out", path.join(dir, "x.csv"));
    expect(horizon.stderr).toMatch(/error E_USAGE: --horizon/);
  });
});
