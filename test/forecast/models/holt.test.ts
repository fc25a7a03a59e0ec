import { describe, expect, it } from "vitest";
import { holtModel } from "../../../src/forecast/models/holt";

const close = (actual: ArrayLike<number>, expected: number[], rel = 1e-6): void =>
  expected.forEach((v, i) => expect(Math.abs(actual[i]! - v)).toBeLessThanOrEqual(rel * Math.abs(v)));

describe("holtModel against R's holt()", () => {
  it("M3 N0100", () => {
    // fc <- holt(ts(c(1424.7, ..., 2540)), h = 6); fc$model$par: alpha 0.6157506995 beta 1.000338046e-04
    //   l 1513.871536 b 70.72769942; fc$model$loglik -95.3699401615
    const y = Float64Array.of(1424.7, 1546.5, 1615.7, 1868.7, 2041.5, 2303.3, 2615, 2123, 2295, 2515, 2011, 2166, 2210, 2540);
    const fitted = holtModel.fit(y, { frequency: 1 });
    expect(holtModel.name).toBe("holt");
    expect(fitted.model).toBe("ETS(A,A,N)");
    expect(fitted.params.smoothingLevel).toBeCloseTo(0.6157506995, 6);
    expect(fitted.params.initialTrend).toBeCloseTo(70.72769942, 4);
    expect(fitted.logLik).toBeCloseTo(-95.3699401615, 5);
    const band = fitted.forecast(6, [80, 95]);
    close(band.mean, [2521.730969, 2592.450031, 2663.169093, 2733.888155, 2804.607217, 2875.326279]);
    close(band.lower[95]!, [1958.45362, 1930.923499, 1916.180185, 1910.233732, 1910.817591, 1916.497672]);
    close(band.upper[80]!, [2890.038231, 3024.998981, 3151.598887, 3272.446834, 3389.024841, 3502.270607]);
  });

  it("M3 N0500", () => {
    // fc <- holt(ts(c(3247.35, ..., 6976.15)), h = 6)$mean
    const y = Float64Array.of(3247.35, 3826.2, 4273.1, 4625.9, 5266.45, 6009.6, 6772.35, 7298.5, 7009, 6377.5, 5925, 5703.75, 5590.25, 5443.75, 5520.9, 5891.6, 6034.9, 6533.6, 6976.15);
    close(holtModel.fit(y, { frequency: 1 }).forecast(6, []).mean, [7418.840895, 7861.526243, 8304.211592, 8746.896941, 9189.582289, 9632.267638]);
  });

  it("matches the JSDoc example and names its fallback on short series", () => {
    expect(holtModel.fit(Float64Array.of(1, 3, 4, 6, 8, 9, 11, 13, 14, 16), { frequency: 1 }).model).toBe("ETS(A,A,N)");
    expect(holtModel.fit(Float64Array.of(1, 3, 4, 6, 8, 9), { frequency: 1 }).model).toBe("ETS(A,N,N) (fallback from ETS(A,A,N): too few observations)");
  });
});
