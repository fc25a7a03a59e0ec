import { describe, expect, it } from "vitest";
import { etsInitialState } from "../../../src/forecast/kernels/ets-initial-state";

const N0666 = Float64Array.of(2549.2, 2910.4, 3475.4, 3319, 2532.2, 2884.8, 3690, 3475, 2841.6, 3202, 3868, 3364.4, 2885.6, 3242.8, 3959.8, 3929.8, 3482, 3998, 4926, 4682, 4116, 4704, 5336, 5342, 4316, 4908, 4752, 5338, 3830, 4322, 4246, 4618, 4248, 3912, 3424, 3816);

describe("etsInitialState against R's forecast:::initstate", () => {
  it("matches the JSDoc example", () => {
    expect(Array.from(etsInitialState(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), 1, 1, 0)).map((v) => +v.toFixed(12))).toEqual([0, 1]);
  });

  it("multiplicative season from a classical decomposition (M3 N0666)", () => {
    // forecast:::initstate(ts(y, frequency = 4), "N", "M"): l 3128.1627410 s0 1.0638739 s1 1.0912467 s2 0.9668215
    const state = etsInitialState(N0666, 4, 0, 2);
    [3128.162741, 1.0638739, 1.0912467, 0.9668215].forEach((v, i) => expect(state[i]).toBeCloseTo(v, 6));
  });

  it("additive season and trend (M3 N0666)", () => {
    // print(forecast:::initstate(ts(y, frequency = 4), "A", "A"), digits = 10)
    //   l 2950.40833333 b 35.83575758 s0 265.06562500 s1 330.38437500 s2 -118.56875000
    const state = etsInitialState(N0666, 4, 1, 1);
    [2950.40833333, 35.83575758, 265.065625, 330.384375, -118.56875].forEach((v, i) => expect(state[i]).toBeCloseTo(v, 6));
  });

  it("short seasonal series use the Fourier regression (fewer than 3 seasons)", () => {
    // print(forecast:::initstate(ts(c(10, 20, 30, 15, 12, 22, 33, 16, 13, 24), frequency = 4), "N", "A"), digits = 10)
    //   l 20.166666667 s0 -4.635113269 s1 10.719255663 s2 1.073624595
    const state = etsInitialState(Float64Array.of(10, 20, 30, 15, 12, 22, 33, 16, 13, 24), 4, 0, 1);
    [20.166666667, -4.635113269, 10.719255663, 1.073624595].forEach((v, i) => expect(state[i]).toBeCloseTo(v, 7));
  });

  it("throws on a seasonal model with fewer than 4 observations", () => {
    expect(() => etsInitialState(Float64Array.of(1, 2, 3), 2, 0, 1)).toThrow(/4 observations/);
  });
});
