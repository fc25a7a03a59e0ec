import { describe, expect, it } from "vitest";
import { etsModel } from "../../../src/forecast/models/ets";

// Tolerance: the fits follow R's optimiser step for step (see test/forecast/kernels), so
// forecasts and interval bounds agree with R to 1e-6 relative; the issue allows 2%.
function expectAllClose(actual: ArrayLike<number>, expected: number[], rel = 1e-6): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((v, i) => expect(Math.abs(actual[i]! - v)).toBeLessThanOrEqual(rel * Math.abs(v)));
}

interface RCase {
  id: string;
  frequency: number;
  y: number[];
  model: string;
  loglik: number;
  mean: number[];
  lo95: number[];
  hi80: number[];
}

// R forecast 8.20, for each series: y <- ts(values, frequency = f); fit <- ets(y);
// fc <- forecast(fit, h = 6 (yearly) or 8 (quarterly)); fit$method; fit$loglik; fc$mean; fc$lower[, 2]; fc$upper[, 1]
const cases: RCase[] = [
  {
    id: "N0100", frequency: 1,
    y: [1424.7, 1546.5, 1615.7, 1868.7, 2041.5, 2303.3, 2615, 2123, 2295, 2515, 2011, 2166, 2210, 2540],
    model: "ETS(M,N,N)", loglik: -94.8503760425,
    mean: [2528.558426, 2528.558426, 2528.558426, 2528.558426, 2528.558426, 2528.558426],
    lo95: [1893.1606604, 1641.8376373, 1444.7322895, 1275.9466918, 1125.1924204, 987.1397094],
    hi80: [2944.022694, 3108.353986, 3237.234245, 3347.597216, 3446.170135, 3536.437951],
  },
  {
    id: "N0250", frequency: 1,
    y: [3275.5, 3443, 3656.5, 3835.5, 3986.5, 3972, 4154, 4342.5, 4345, 4551, 4684, 4670.5, 4720.5, 4814.5, 4880, 5000, 5059],
    model: "ETS(A,A,N)", loglik: -96.7076838228,
    mean: [5098.682493, 5163.414831, 5228.147169, 5292.879507, 5357.611845, 5422.344183],
    lo95: [4938.046852, 4988.226283, 5023.972572, 5045.420149, 5054.657659, 5053.879546],
    hi80: [5203.716493, 5277.964465, 5361.649762, 5454.684484, 5555.702939, 5663.270259],
  },
  {
    id: "N0500", frequency: 1,
    y: [3247.35, 3826.2, 4273.1, 4625.9, 5266.45, 6009.6, 6772.35, 7298.5, 7009, 6377.5, 5925, 5703.75, 5590.25, 5443.75, 5520.9, 5891.6, 6034.9, 6533.6, 6976.15],
    model: "ETS(M,Ad,N)", loglik: -131.003877247,
    mean: [7333.283076, 7619.67955, 7848.796827, 8032.090726, 8178.725908, 8296.034103],
    lo95: [6651.441249, 6217.764041, 5655.169812, 5011.70565, 4317.124447, 3590.874884],
    hi80: [7779.115484, 8536.34283, 9283.132436, 10007.014374, 10703.691385, 11372.572351],
  },
  {
    id: "N0640", frequency: 1,
    y: [6120, 6440, 7480, 5080, 7960, 5920, 6560, 6640, 6240, 7280, 6640, 6880, 7320, 6760, 7960, 6320, 6560, 6200, 7800, 6360, 5760, 7360, 7120, 7280, 6800, 7880, 6920, 7080, 7080, 6480, 7040],
    model: "ETS(M,N,N)", loglik: -254.446914584,
    mean: [6816.86018, 6816.86018, 6816.86018, 6816.86018, 6816.86018, 6816.86018],
    lo95: [5481.086747, 5481.08674, 5481.086733, 5481.086726, 5481.08672, 5481.086713],
    hi80: [7690.275482, 7690.275486, 7690.275491, 7690.275495, 7690.275499, 7690.275504],
  },
  {
    id: "N0650", frequency: 4,
    y: [875.51, 917.23, 999.89, 1014.7, 1010.2, 1065.72, 1090.13, 1075.93, 1095.09, 1083.43, 1053.22, 1040.04, 1037.43, 1065.84, 1086.51, 1249.39, 1238.08, 1406.19, 1698.22, 1774.87, 1775.79, 1861.52, 1874.01, 1996.99, 2039.72, 2318.26, 2558.82, 2688.16, 2735.26, 2911.08, 3032.97, 3146.05, 3252.58, 3441.94, 3671.11, 4044.29],
    model: "ETS(M,A,N)", loglik: -223.315896919,
    mean: [4309.95952, 4599.474827, 4888.990134, 5178.505441, 5468.020748, 5757.536055, 6047.051362, 6336.566669],
    lo95: [3857.567476, 3811.225798, 3693.071375, 3508.71735, 3260.605421, 2949.686663, 2576.015751, 2139.02083],
    hi80: [4605.762778, 5114.883164, 5670.95938, 6270.321188, 6911.37205, 7593.490089, 8316.639557, 9081.194368],
  },
  {
    id: "N0800", frequency: 4,
    y: [1180, 810, 1520, 2820, 990, 820, 1460, 2820, 1430, 1110, 1720, 3330, 1120, 1630, 2270, 3470, 1920, 1420, 2110, 5200, 1940, 1590, 2720, 4520, 2230, 1550, 2070, 2910, 1530, 1040, 1880, 1330, 2090, 1550, 2590, 4620],
    model: "ETS(M,N,M)", loglik: -282.945802446,
    mean: [1849.644888, 1465.568622, 2247.389757, 4037.990425, 1849.64789, 1465.571001, 2247.393405, 4037.996978],
    lo95: [918.9754777, 705.1147491, 1046.8454067, 1820.5649632, 806.8926488, 618.3965536, 916.8198744, 1591.8489241],
    hi80: [2458.176907, 1962.802683, 3032.383515, 5487.887002, 2531.468894, 2019.508597, 3117.408673, 5637.44722],
  },
];

describe("etsModel() against R's ets() + forecast()", () => {
  for (const c of cases) {
    it(`M3 ${c.id}: model, log-likelihood, means and 80/95% bounds`, () => {
      const fitted = etsModel().fit(Float64Array.from(c.y), { frequency: c.frequency });
      expect(fitted.model).toBe(c.model);
      expect(fitted.logLik).toBeCloseTo(c.loglik, 5);
      const band = fitted.forecast(c.mean.length, [80, 95]);
      expectAllClose(band.mean, c.mean);
      expectAllClose(band.lower[95]!, c.lo95, 1e-5);
      expectAllClose(band.upper[80]!, c.hi80, 1e-5);
    });
  }

  it("monthly: AirPassengers gives ETS(M,Ad,M) with R's means and class-3 intervals", () => {
    // y <- AirPassengers; f <- ets(y); f$method "ETS(M,Ad,M)"; f$loglik -679.583216237
    // fc <- forecast(f, h = 12); fc$mean; fc$lower[, 2]
    const y = Float64Array.of(112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118, 115, 126, 141, 135, 125, 149, 170, 170, 158, 133, 114, 140, 145, 150, 178, 163, 172, 178, 199, 199, 184, 162, 146, 166, 171, 180, 193, 181, 183, 218, 230, 242, 209, 191, 172, 194, 196, 196, 236, 235, 229, 243, 264, 272, 237, 211, 180, 201, 204, 188, 235, 227, 234, 264, 302, 293, 259, 229, 203, 229, 242, 233, 267, 269, 270, 315, 364, 347, 312, 274, 237, 278, 284, 277, 317, 313, 318, 374, 413, 405, 355, 306, 271, 306, 315, 301, 356, 348, 355, 422, 465, 467, 404, 347, 305, 336, 340, 318, 362, 348, 363, 435, 491, 505, 404, 359, 310, 337, 360, 342, 406, 396, 420, 472, 548, 559, 463, 407, 362, 405, 417, 391, 419, 461, 472, 535, 622, 606, 508, 461, 390, 432);
    const fitted = etsModel().fit(y, { frequency: 12 });
    expect(fitted.model).toBe("ETS(M,Ad,M)");
    expect(fitted.logLik).toBeCloseTo(-679.583216237, 5);
    const band = fitted.forecast(12, [95]);
    expectAllClose(band.mean, [441.8018473, 434.1186201, 496.6300468, 483.2374794, 483.9913534, 551.0244, 613.1796792, 609.3648308, 530.5408345, 463.0332145, 402.7478001, 451.9693731]);
    expectAllClose(band.lower[95]!, [407.8862784, 392.8993876, 441.5713546, 422.6493292, 416.7484133, 467.3868639, 512.5577474, 502.1252881, 431.0499599, 370.9903574, 318.2528081, 352.2631326], 1e-5);
    // The first 30 months (fewer than three seasons): y2 <- window(AirPassengers, end = c(1951, 6)); ets(y2)
    // gives ETS(A,N,N), loglik -130.52807166, mean 177.9993999
    const short = etsModel().fit(y.slice(0, 30), { frequency: 12 });
    expect(short.model).toBe("ETS(A,N,N)");
    expect(short.logLik).toBeCloseTo(-130.52807166, 5);
    expectAllClose(short.forecast(2, []).mean, [177.9993999, 177.9993999]);
  });

  it("matches the JSDoc example", () => {
    expect(etsModel().fit(Float64Array.of(12, 14, 13, 16, 15, 18, 17, 19, 21, 20, 23, 24), { frequency: 1 }).model).toBe("ETS(A,A,N)");
  });

  it("fixed components: ETS(A,Ad,N) on M3 N0250 as ets(y, model = 'AAN', damped = TRUE)", () => {
    // fit <- ets(y, model = "AAN", damped = TRUE); fit$loglik -95.767002186; forecast(fit, h = 6)$mean
    const spec = etsModel({ error: "A", trend: "A", damped: true, season: "N" });
    expect(spec.name).toBe("ETS(A,Ad,N)");
    const fitted = spec.fit(Float64Array.from(cases[1]!.y), { frequency: 1 });
    expect(fitted.logLik).toBeCloseTo(-95.767002186, 5);
    expectAllClose(fitted.forecast(6, []).mean, [5144.582564, 5223.298407, 5299.909646, 5374.47255, 5447.041887, 5517.670957]);
  });

  it("residuals are y - fitted on the data scale, also for multiplicative error", () => {
    const y = Float64Array.from(cases[0]!.y);
    const fitted = etsModel().fit(y, { frequency: 1 });
    for (let i = 0; i < y.length; i++) expect(fitted.residuals[i]).toBeCloseTo(y[i]! - fitted.fitted[i]!, 9);
    expect(fitted.sigma2).toBeGreaterThan(0);
    expect(fitted.params.varianceMethod).toBe("class2");
  });

  it("clamps means and bounds at zero for non-negative series", () => {
    const falling = Float64Array.of(50, 44, 40, 35, 30, 26, 21, 17, 12, 9, 6, 4);
    const band = etsModel().fit(falling, { frequency: 1, nonNegative: true }).forecast(8, [80, 95]);
    for (let h = 0; h < 8; h++) {
      expect(band.mean[h]).toBeGreaterThanOrEqual(0);
      expect(band.lower[95]![h]).toBeGreaterThanOrEqual(0);
      expect(band.upper[95]![h]).toBeGreaterThanOrEqual(band.lower[95]![h]!);
    }
    const free = etsModel().fit(falling, { frequency: 1 }).forecast(8, [95]);
    expect(Math.min(...free.lower[95]!)).toBeLessThan(0);
  });

  it("intervals widen with the level and nest", () => {
    const band = etsModel().fit(Float64Array.from(cases[2]!.y), { frequency: 1 }).forecast(6, [50, 80, 99]);
    for (let h = 0; h < 6; h++) {
      expect(band.lower[99]![h]).toBeLessThan(band.lower[80]![h]!);
      expect(band.lower[80]![h]).toBeLessThan(band.lower[50]![h]!);
      expect(band.upper[50]![h]).toBeLessThan(band.upper[99]![h]!);
    }
    expect(() => etsModel().fit(Float64Array.from(cases[2]!.y), { frequency: 1 }).forecast(2, [100])).toThrow(/level/);
  });

  it("falls back to a named simpler model, and handles constant and short series", () => {
    expect(etsModel().fit(Float64Array.of(4, 4, 4, 4, 4), { frequency: 1 }).model).toBe("ETS(A,N,N) (constant series: random walk)");
    expect(etsModel().fit(Float64Array.of(1, 2, 3), { frequency: 1 }).model).toMatch(/^random walk .*fallback from ETS\(Z,Z,Z\): too few observations/);
    const damped = etsModel({ error: "A", trend: "A", damped: true, season: "N" }).fit(Float64Array.of(3, 5, 4, 6, 5, 7, 8, 9), { frequency: 1 });
    expect(damped.model).toBe("ETS(A,N,N) (fallback from ETS(A,Ad,N): too few observations)");
    expect(damped.forecast(3, [95]).mean.length).toBe(3);
    expect(() => etsModel().fit(new Float64Array(0), { frequency: 1 })).toThrow(/empty/);
    expect(() => etsModel().fit(Float64Array.of(NaN, NaN), { frequency: 1 })).toThrow(/missing/);
  });

  it("keeps going over missing values (never read as zero)", () => {
    const y = Float64Array.from(cases[1]!.y);
    y[8] = NaN;
    const fitted = etsModel().fit(y, { frequency: 1 });
    expect(Number.isNaN(fitted.residuals[8])).toBe(true);
    expect(fitted.forecast(1, []).mean[0]).toBeGreaterThan(4900);
  });

  it("uses multiplicative error only for strictly positive data", () => {
    const withZero = Float64Array.from(cases[0]!.y);
    withZero[3] = 0;
    expect(etsModel().fit(withZero, { frequency: 1 }).model.startsWith("ETS(A,")).toBe(true);
  });
});
