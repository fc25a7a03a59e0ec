import { describe, expect, it } from "vitest";
import { sesModel } from "../../../src/forecast/models/ses";

const close = (actual: ArrayLike<number>, expected: number[], rel = 1e-6): void =>
  expected.forEach((v, i) => expect(Math.abs(actual[i]! - v)).toBeLessThanOrEqual(rel * Math.abs(v)));

describe("sesModel against R's ses()", () => {
  it("M3 N0100", () => {
    // y <- ts(c(1424.7, 1546.5, 1615.7, 1868.7, 2041.5, 2303.3, 2615, 2123, 2295, 2515, 2011, 2166, 2210, 2540))
    // fc <- ses(y, h = 6); fc$model$par: alpha 0.7992877331, l 1454.5096726289; fc$model$loglik -96.3673222037
    const y = Float64Array.of(1424.7, 1546.5, 1615.7, 1868.7, 2041.5, 2303.3, 2615, 2123, 2295, 2515, 2011, 2166, 2210, 2540);
    const fitted = sesModel.fit(y, { frequency: 1 });
    expect(sesModel.name).toBe("ses");
    expect(fitted.model).toBe("ETS(A,N,N)");
    expect(fitted.params.smoothingLevel).toBeCloseTo(0.7992877331, 6);
    expect(fitted.params.initialLevel).toBeCloseTo(1454.5096726289, 3);
    expect(fitted.logLik).toBeCloseTo(-96.3673222037, 5);
    const band = fitted.forecast(6, [80, 95]);
    close(band.mean, Array(6).fill(2471.479612));
    close(band.lower[95]!, [1919.31129, 1764.60476, 1638.140391, 1528.486261, 1430.317444, 1340.638835]);
    close(band.upper[80]!, [2832.523071, 2933.680235, 3016.370841, 3088.069822, 3152.258962, 3210.896652]);
  });

  it("M3 N0500", () => {
    // fc <- ses(ts(c(3247.35, ..., 6976.15)), h = 6): alpha 0.9998999832, l 3247.4078380958, mean 6976.105733
    const y = Float64Array.of(3247.35, 3826.2, 4273.1, 4625.9, 5266.45, 6009.6, 6772.35, 7298.5, 7009, 6377.5, 5925, 5703.75, 5590.25, 5443.75, 5520.9, 5891.6, 6034.9, 6533.6, 6976.15);
    const band = sesModel.fit(y, { frequency: 1 }).forecast(6, [95]);
    close(band.mean, Array(6).fill(6976.105733));
    close(band.lower[95]!, [6042.151652, 5655.361256, 5358.557674, 5108.337687, 4887.888019, 4688.585466]);
  });

  it("matches the JSDoc example and falls back on very short series", () => {
    expect(sesModel.fit(Float64Array.of(5, 6, 5, 7, 6, 7, 6, 8), { frequency: 1 }).model).toBe("ETS(A,N,N)");
    expect(sesModel.fit(Float64Array.of(5, 6, 5), { frequency: 1 }).model).toMatch(/^random walk .*fallback/);
  });
});
