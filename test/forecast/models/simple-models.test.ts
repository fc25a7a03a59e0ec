import { describe, expect, it } from "vitest";
import { naive } from "../../../src/forecast/models/naive";
import { drift } from "../../../src/forecast/models/drift";
import { seasonalNaive } from "../../../src/forecast/models/seasonal-naive";
import { combination } from "../../../src/forecast/models/combination";
import { clampBand, gaussianInformation, normalBand } from "../../../src/forecast/models/normal-band";
import { optimisedTheta, theta } from "../../../src/forecast/models/theta";
import { auto } from "../../../src/forecast/models/auto";
import { ensemble } from "../../../src/forecast/models/ensemble";
import { seasonallyAdjusted } from "../../../src/forecast/models/seasonally-adjusted";

const N0100 = Float64Array.from([1424.7, 1546.5, 1615.7, 1868.7, 2041.5, 2303.3, 2615.0, 2123.0, 2295.0, 2515.0, 2011.0, 2166.0, 2210.0, 2540.0]);
const N0867 = Float64Array.from([3860, 4300, 6500, 4830, 2690, 3700, 4830, 3270, 2650, 4070, 5020, 3350, 2720, 3010, 5680, 1950, 2510, 2580, 4350, 2830, 1630, 2720, 4490, 2360]);

function close(actual: ArrayLike<number>, expected: number[], digits = 6): void {
  expect(Array.from(actual).length).toBe(expected.length);
  expected.forEach((e, i) => expect(actual[i]).toBeCloseTo(e, digits));
}

describe("naive, drift and seasonal naive vs R forecast 8.20", () => {
  // Rscript -e 'library(forecast); f<-naive(ts(c(1424.7,...,2540)),h=6); print(f$lower[,1],digits=12); print(f$upper[,2],digits=12)'
  it("naive N0100", () => {
    const band = naive.fit(N0100, { frequency: 1 }).forecast(6, [80, 95]);
    close(band.mean, [2540, 2540, 2540, 2540, 2540, 2540]);
    close(band.lower[80]!, [2186.68025959, 2040.33043126, 1928.0322583, 1833.36051919, 1749.95304266, 1674.54691995]);
    close(band.upper[95]!, [3080.35591298, 3304.17866064, 3475.92389544, 3620.71182595, 3748.27255346, 3863.59626628]);
  });
  // Rscript -e 'library(forecast); f<-rwf(ts(c(1424.7,...,2540)),drift=TRUE,h=6); print(f$mean,digits=12); print(f$lower[,1],digits=12); print(f$upper[,2],digits=12)'
  it("drift N0100", () => {
    const band = drift.fit(N0100, { frequency: 1 }).forecast(6, [80, 95]);
    close(band.mean, [2625.79230769, 2711.58461538, 2797.37692308, 2883.16923077, 2968.96153846, 3054.75384615]);
    close(band.lower[80]!, [2263.11130386, 2180.67398823, 2125.82219676, 2083.85922847, 2049.39735796, 2019.81850649]);
    close(band.upper[95]!, [3180.46503761, 3523.54235177, 3824.43124739, 4105.60838899, 4375.31359149, 4637.55086081]);
  });
  // Rscript -e 'library(forecast); f<-snaive(ts(c(3860,...,2360),frequency=4),h=8); print(f$lower[,1],digits=12); print(f$upper[,2],digits=12)'
  it("seasonal naive N0867 (quarterly)", () => {
    const band = seasonalNaive.fit(N0867, { frequency: 4 }).forecast(8, [80, 95]);
    close(band.mean, [1630, 2720, 4490, 2360, 1630, 2720, 4490, 2360]);
    close(band.lower[80]!, [540.1799717697, 1630.1799717697, 3400.1799717697, 1270.1799717697, 88.7617355309, 1178.7617355309, 2948.7617355309, 818.7617355309]);
    close(band.upper[95]!, [3296.73590232, 4386.73590232, 6156.73590232, 4026.73590232, 3987.12051795, 5077.12051795, 6847.12051795, 4717.12051795]);
  });
  it("doc examples and fallbacks", () => {
    expect(Array.from(naive.fit(Float64Array.of(1, 3, 2), { frequency: 1 }).forecast(2, [80]).mean)).toEqual([2, 2]);
    expect(Array.from(drift.fit(Float64Array.of(1, 2, 3), { frequency: 1 }).forecast(2, []).mean)).toEqual([4, 5]);
    expect(seasonalNaive.fit(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8), { frequency: 4 }).forecast(1, []).mean[0]).toBe(5);
    expect(drift.fit(Float64Array.of(7), { frequency: 1 }).model).toMatch(/^naive \(fallback/);
    expect(seasonalNaive.fit(Float64Array.of(1, 2), { frequency: 4 }).model).toMatch(/fallback/);
    expect(theta.fit(Float64Array.of(1, 2, 3), { frequency: 1 }).model).toMatch(/^drift \(fallback/);
    expect(() => naive.fit(new Float64Array(0), { frequency: 1 })).toThrow(RangeError);
  });
});

describe("theta model information vs R", () => {
  // Rscript -e 'library(forecast); y<-ts(c(1424.7,...,2540)); m<-ses(y)$model; print(c(m$loglik, m$aicc, m$sigma2), digits=12); print(thetaf(y)$model$sigma, digits=12)'
  // -96.3673222037 201.1346444073 79368.2477626993; thetaf sigma2 79368.2477627
  it("N0100: log-likelihood, AICc and sigma2 of the SES inside thetaf", () => {
    const fit = theta.fit(N0100, { frequency: 1 });
    expect(fit.logLik).toBeCloseTo(-96.3673222037, 3);
    expect(fit.aicc).toBeCloseTo(201.1346444073, 2);
    expect(fit.sigma2 / 79368.2477627).toBeCloseTo(1, 4);
  });
});

describe("bands and information", () => {
  it("normalBand and clampBand (doc examples)", () => {
    expect(normalBand(Float64Array.of(10), Float64Array.of(1), [95]).upper[95]![0]).toBeCloseTo(11.959963984540054, 12);
    expect(clampBand({ mean: Float64Array.of(-1), lower: {}, upper: {} }).mean[0]).toBe(0);
    expect(() => normalBand(Float64Array.of(1), Float64Array.of(1), [100])).toThrow(RangeError);
    expect(gaussianInformation(100, 10, 2).logLik).toBeCloseTo(-23.025850929940457, 10);
  });
  it("nonNegative clamps means and bounds of every model at zero", () => {
    const falling = Float64Array.of(10, 8, 6, 4, 2, 1);
    for (const spec of [naive, drift, theta, optimisedTheta, auto, ensemble]) {
      const band = spec.fit(falling, { frequency: 1, nonNegative: true }).forecast(8, [80, 95]);
      for (const a of [band.mean, band.lower[80]!, band.upper[95]!]) for (const v of a) expect(v).toBeGreaterThanOrEqual(0);
    }
  });
});

describe("combination", () => {
  it("mean and median of members, bounds combined level by level", () => {
    const y = Float64Array.of(1, 2, 3);
    expect(combination([naive, drift], { method: "mean" }).fit(y, { frequency: 1 }).forecast(1, []).mean[0]).toBe(3.5);
    const med = combination([naive, drift, naive], { method: "median" }).fit(y, { frequency: 1 }).forecast(2, [80]);
    const n = naive.fit(y, { frequency: 1 }).forecast(2, [80]);
    expect(Array.from(med.mean)).toEqual(Array.from(n.mean));
    expect(Array.from(med.lower[80]!)).toEqual(Array.from(n.lower[80]!));
    expect(() => combination([])).toThrow(RangeError);
  });
  it("names itself and its members", () => {
    const fit = combination([naive, drift]).fit(N0100, { frequency: 1 });
    expect(fit.model).toBe("mean(naive,drift)");
    expect((fit.params as { members: unknown[] }).members).toHaveLength(2);
  });
});

describe("auto, ensemble and seasonal adjustment", () => {
  it("auto and ensemble continue a trend (doc examples)", () => {
    expect(auto.fit(Float64Array.of(1, 2, 3, 4, 5, 6), { frequency: 1 }).forecast(1, []).mean[0]).toBeGreaterThan(6);
    expect(ensemble.fit(Float64Array.of(1, 2, 3, 4, 5, 6), { frequency: 1 }).forecast(1, []).mean[0]).toBeGreaterThan(6);
  });
  it("seasonallyAdjusted puts the season back", () => {
    const y = Float64Array.from({ length: 20 }, (_, i) => (i % 2 ? 5 : 1));
    const mean = seasonallyAdjusted(naive).fit(y, { frequency: 2 }).forecast(2, []).mean;
    expect(mean[0]).toBeCloseTo(1, 6);
    expect(mean[1]).toBeCloseTo(5, 6);
  });
});

describe("doc examples of helpers", () => {
  it("sesLeastSquares, trendMember, sumOfSquares", async () => {
    const { sesLeastSquares, trendMember } = await import("../../../src/forecast/models/auto");
    const { sumOfSquares } = await import("../../../src/forecast/models/normal-band");
    expect(sesLeastSquares.fit(Float64Array.of(3, 3, 3, 3), { frequency: 1 }).forecast(1, []).mean[0]).toBeCloseTo(3, 10);
    expect(trendMember.fit(Float64Array.of(1, 2, 3, 4, 5, 6), { frequency: 1 }).model).toBe("theta");
    expect(trendMember.fit(Float64Array.from({ length: 12 }, (_, i) => i * 2 + (i % 3)), { frequency: 1 }).model).toBe("ETS(A,A,N)");
    expect(sumOfSquares(Float64Array.of(1, Number.NaN, 2))).toEqual({ total: 5, count: 2 });
  });
});
