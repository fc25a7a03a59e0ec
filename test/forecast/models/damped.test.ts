import { describe, expect, it } from "vitest";
import { dampedModel } from "../../../src/forecast/models/damped";

const close = (actual: ArrayLike<number>, expected: number[], rel = 1e-6): void =>
  expected.forEach((v, i) => expect(Math.abs(actual[i]! - v)).toBeLessThanOrEqual(rel * Math.abs(v)));

describe("dampedModel against R's holt(damped = TRUE)", () => {
  it("M3 N0100", () => {
    // fc <- holt(ts(c(1424.7, ..., 2540)), h = 6, damped = TRUE); fc$model$par: alpha 1.000103460e-04
    //   beta 1.000002662e-04 phi 0.9214252017 l 1466.624912 b 122.1799855; fc$model$loglik -94.006555106
    const y = Float64Array.of(1424.7, 1546.5, 1615.7, 1868.7, 2041.5, 2303.3, 2615, 2123, 2295, 2515, 2011, 2166, 2210, 2540);
    const fitted = dampedModel.fit(y, { frequency: 1 });
    expect(dampedModel.name).toBe("damped");
    expect(fitted.model).toBe("ETS(A,Ad,N)");
    expect(fitted.params.damping).toBeCloseTo(0.9214252017, 6);
    expect(fitted.logLik).toBeCloseTo(-94.006555106, 5);
    const band = fitted.forecast(6, [80, 95]);
    close(band.mean, [2479.700283, 2512.692062, 2543.091518, 2571.102343, 2596.912223, 2620.694097]);
    close(band.lower[95]!, [1941.049348, 1974.041117, 2004.440552, 2032.451343, 2058.261174, 2082.042983]);
    close(band.upper[80]!, [2831.905198, 2864.896983, 2895.296453, 2923.307301, 2949.117213, 2972.89913]);
  });

  it("M3 N0500: phi at its lower bound 0.8", () => {
    // fc <- holt(ts(c(3247.35, ..., 6976.15)), h = 6, damped = TRUE): phi 0.8000005492, mean as below
    const y = Float64Array.of(3247.35, 3826.2, 4273.1, 4625.9, 5266.45, 6009.6, 6772.35, 7298.5, 7009, 6377.5, 5925, 5703.75, 5590.25, 5443.75, 5520.9, 5891.6, 6034.9, 6533.6, 6976.15);
    const fitted = dampedModel.fit(y, { frequency: 1 });
    expect(fitted.params.damping).toBeCloseTo(0.8000005492, 6);
    close(fitted.forecast(6, []).mean, [7330.212907, 7613.466924, 7840.070292, 8021.353112, 8166.379467, 8282.40063]);
  });

  it("matches the JSDoc example; the damped trend flattens", () => {
    const fitted = dampedModel.fit(Float64Array.of(1, 3, 4, 6, 8, 9, 11, 13, 14, 16, 17), { frequency: 1 });
    expect(fitted.model).toBe("ETS(A,Ad,N)");
    const mean = fitted.forecast(30, []).mean;
    expect(mean[29]! - mean[28]!).toBeLessThan(mean[1]! - mean[0]!);
  });
});
