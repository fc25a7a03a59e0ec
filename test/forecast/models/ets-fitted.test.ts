import { describe, expect, it } from "vitest";
import { etsFit } from "../../../src/forecast/kernels/ets-fit";
import { etsFitted } from "../../../src/forecast/models/ets-fitted";
import { normalQuantile } from "../../../src/stats/normal-quantile";

describe("etsFitted", () => {
  const y = Float64Array.of(5, 6, 5, 7, 6, 7, 6, 8);
  const fit = etsFit(y, { error: "A", trend: "N", damped: false, season: "N" }, 1)!;

  it("matches the JSDoc example", () => {
    expect(etsFitted(fit, y, { frequency: 1 }, "ETS(A,N,N)").forecast(2, [95]).lower[95]!.length).toBe(2);
  });

  it("builds symmetric normal intervals at any level from the model variance", () => {
    const fitted = etsFitted(fit, y, { frequency: 1 }, "ETS(A,N,N)");
    const band = fitted.forecast(3, [66, 90]);
    const z = normalQuantile(0.5 + 66 / 200);
    const halfWidth = band.upper[66]![0]! - band.mean[0]!;
    expect(halfWidth).toBeCloseTo(z * Math.sqrt(fit.sigma2), 10); // h = 1: variance sigma2
    expect(band.mean[0]! - band.lower[90]![0]!).toBeCloseTo(band.upper[90]![0]! - band.mean[0]!, 10);
    expect(fitted.model).toBe("ETS(A,N,N)");
    expect(fitted.params.components).toBe("ANN");
    expect(() => fitted.forecast(1, [0])).toThrow(/level/);
  });
});

describe("forecastFrom: forecasts from earlier origins with the fitted parameters", () => {
  it("from the last observation equals forecast(); from an earlier one, the general recursion on the data up to it", async () => {
    const { holtModel } = await import("../../../src/forecast/models/holt");
    const { dampedModel } = await import("../../../src/forecast/models/damped");
    const { etsModel } = await import("../../../src/forecast/models/ets");
    const { sesLeastSquares, auto } = await import("../../../src/forecast/models/auto");
    const y = Float64Array.of(12, 14, 13, 16, 15, 18, 17, 19, 21, 20, 23, 24, 26, 25);
    for (const model of [holtModel, dampedModel, etsModel({ error: "A", trend: "N", season: "N" }), sesLeastSquares, auto]) {
      const fitted = model.fit(y, { frequency: 1 });
      const last = fitted.forecastFrom!(y.length - 1, 3);
      const direct = fitted.forecast(3, []).mean;
      for (let h = 0; h < 3; h++) expect(last[h]).toBeCloseTo(direct[h]!, 8);
    }
    // An earlier origin of a multiplicative model goes through the general recursion; of an additive one, the state path: both agree with it.
    const mult = etsModel({ error: "M", trend: "A", damped: false, season: "N" }).fit(y, { frequency: 1 });
    expect(mult.forecastFrom!(8, 2)[0]).toBeGreaterThan(0);
    const holt = holtModel.fit(y, { frequency: 1 });
    const p = holt.params;
    let l = p.initialLevel, b = p.initialTrend;
    for (let t = 0; t <= 8; t++) { const e = y[t]! - (l + b); l = l + b + p.smoothingLevel * e; b = b + p.smoothingTrend * e; }
    expect(holt.forecastFrom!(8, 2)[1]).toBeCloseTo(l + 2 * b, 8);
  });
});
