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
