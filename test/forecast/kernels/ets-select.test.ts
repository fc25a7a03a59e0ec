import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { etsName } from "../../../src/forecast/kernels/ets-fit";
import { etsSelect } from "../../../src/forecast/kernels/ets-select";

const root = path.resolve(__dirname, "../../..");

function readM3(file: string): Array<{ id: string; y: Float64Array }> {
  return readFileSync(path.join(root, "bench/data/m3", file), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => {
      const p = line.split(",");
      return { id: p[0]!, y: Float64Array.from(p.slice(3, 3 + Number(p[1])).map(Number)) };
    });
}

describe("etsSelect picks the model R's ets() picks", () => {
  it("on all 645 M3 yearly series (R's choices in bench/data/m3/m3_yearly_r_forecasts.csv)", () => {
    // R forecast 8.20: for each series, ets(ts(y))$method (the "model" column of that file).
    const rModel = new Map<string, string>();
    for (const line of readFileSync(path.join(root, "bench/data/m3/m3_yearly_r_forecasts.csv"), "utf8").split("\n")) {
      const match = /^"(N\d+)","ets",1,.*"([^"]+)"\s*$/.exec(line);
      if (match) rModel.set(match[1]!, match[2]!);
    }
    const series = readM3("m3_yearly.csv");
    expect(rModel.size).toBe(645);
    let agree = 0;
    for (const s of series) if (etsName(etsSelect(s.y, 1)!.components) === rModel.get(s.id)) agree++;
    // Today all 645 agree; allow a couple of optimiser ties to flip on another platform.
    expect(agree).toBeGreaterThanOrEqual(640);
  });

  it("on the first 60 M3 quarterly series, with R's log-likelihood (test/fixtures/ets-r-quarterly)", () => {
    const expected = readFileSync(path.join(root, "test/fixtures/ets-r-quarterly/models.csv"), "utf8")
      .split("\n")
      .filter((l) => /^N\d+/.test(l))
      .map((l) => {
        const m = /^(N\d+),"([^"]+)",(.+)$/.exec(l)!;
        return { id: m[1]!, model: m[2]!, logLik: Number(m[3]) };
      });
    const series = new Map(readM3("m3_quarterly.csv").map((s) => [s.id, s.y]));
    let agree = 0;
    let sameLik = 0;
    for (const e of expected.slice(0, 60)) {
      const fit = etsSelect(series.get(e.id)!, 4)!;
      if (etsName(fit.components) === e.model) agree++;
      if (Math.abs(fit.logLik - e.logLik) < 1e-4) sameLik++;
    }
    // Today all 60 agree (and all 120 in the fixture); the seasonal search is more
    // sensitive to rounding at the admissible boundary, so allow 3 to differ.
    expect(agree).toBeGreaterThanOrEqual(57);
    expect(sameLik).toBeGreaterThanOrEqual(57);
  });

  it("follows R's rules for which candidates are allowed", () => {
    const y = Float64Array.of(3, 5, 4, 6, 5, 7, 6, 8, 7, 9, 8, 10);
    expect(etsSelect(y, 1)!.components.season).toBe("N"); // the JSDoc example
    const withZero = Float64Array.of(0, 5, 4, 6, 5, 7, 6, 8, 7, 9, 8, 10);
    expect(etsSelect(withZero, 1)!.components.error).toBe("A"); // no M error with a zero
    expect(() => etsSelect(withZero, 1, { error: "M" })).toThrow(/positive/);
    expect(() => etsSelect(y, 1, { season: "A" })).toThrow(/seasonal/);
    expect(etsSelect(y, 1, { trend: "N" })!.components.trend).toBe("N");
    expect(etsSelect(Float64Array.of(1, 2, 3, 4, 5), 1)).toBeNull(); // R would use Holt-Winters here
  });
});
