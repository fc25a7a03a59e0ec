import { describe, expect, it } from "vitest";
import { etsFit, etsName } from "../../../src/forecast/kernels/ets-fit";
import type { EtsComponents, EtsFitResult } from "../../../src/forecast/kernels/ets-types";

// Tolerances. Our Nelder-Mead is a step-for-step port of R's, and the objective is R's,
// so fits agree with R to rounding: we ask for 1e-6 relative on parameters and initial
// states and 1e-6 absolute on the log-likelihood (the issue allows 0.5 and 2%).
const REL = 1e-6;

function expectRelative(actual: number, expected: number, rel = REL): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(expected)));
}

/** R's fit$par order: alpha, beta?, gamma?, phi?, l, b?, s0..s(m-2). */
function rPar(fit: EtsFitResult): number[] {
  const p = fit.parameters;
  const out = [p.smoothingLevel];
  if (fit.components.trend !== "N") out.push(p.smoothingTrend);
  if (fit.components.season !== "N") out.push(p.smoothingSeasonal);
  if (fit.components.damped) out.push(p.damping);
  out.push(p.initialLevel);
  if (fit.components.trend !== "N") out.push(p.initialTrend);
  out.push(...p.initialSeasonal.slice(0, Math.max(0, p.initialSeasonal.length - 1)));
  return out;
}

const N0001 = Float64Array.of(940.66, 1084.86, 1244.98, 1445.02, 1683.17, 2038.15, 2342.52, 2602.45, 2927.87, 3103.96, 3360.27, 3807.63, 4387.88, 4936.99);
const N0800 = Float64Array.of(1180, 810, 1520, 2820, 990, 820, 1460, 2820, 1430, 1110, 1720, 3330, 1120, 1630, 2270, 3470, 1920, 1420, 2110, 5200, 1940, 1590, 2720, 4520, 2230, 1550, 2070, 2910, 1530, 1040, 1880, 1330, 2090, 1550, 2590, 4620);
const N0666 = Float64Array.of(2549.2, 2910.4, 3475.4, 3319, 2532.2, 2884.8, 3690, 3475, 2841.6, 3202, 3868, 3364.4, 2885.6, 3242.8, 3959.8, 3929.8, 3482, 3998, 4926, 4682, 4116, 4704, 5336, 5342, 4316, 4908, 4752, 5338, 3830, 4322, 4246, 4618, 4248, 3912, 3424, 3816);

const c = (error: "A" | "M", trend: "N" | "A", damped: boolean, season: "N" | "A" | "M"): EtsComponents => ({ error, trend, damped, season });

describe("etsFit against R's forecast::ets (forecast 8.20)", () => {
  // y <- ts(c(940.66, 1084.86, ..., 4936.99))  # M3 N0001 (yearly, first 14 values)
  // for (m in c("ANN", "AAN", "MNN", "MAN")) { f <- ets(y, model = m, damped = FALSE); print(f$par, digits = 10); print(f$loglik, digits = 12) }
  // f <- ets(y, model = "AAN", damped = TRUE)
  const cases: Array<[string, EtsComponents, number[], number, number]> = [
    ["ANN", c("A", "N", false, "N"), [0.9998999873, 940.2391216258], -99.4081416431, 207.2163],
    ["AAN", c("A", "A", false, "N"), [0.9998870208, 0.9998869991, 667.9974732529, 356.3056453827], -82.5947743529, 182.6895],
    ["MNN", c("M", "N", false, "N"), [0.9998999972, 923.1604123039], -97.0935858866, 202.5872],
    ["MAN", c("M", "A", false, "N"), [0.9998998008, 0.9894885, 702.8514519888, 286.8531663563], -81.3857150363, 180.2714],
    ["AAdN", c("A", "A", true, "N"), [0.9998996299, 0.9233911171, 0.979999995, 533.7993738461, 308.1329185195], -85.0293297521, 194.058659504],
  ];
  for (const [label, components, par, loglik, aicc] of cases) {
    it(`N0001 ${label}: parameters, log-likelihood and AICc`, () => {
      const fit = etsFit(N0001, components, 1)!;
      const ours = rPar(fit);
      expect(ours.length).toBe(par.length);
      par.forEach((value, i) => expectRelative(ours[i]!, value));
      expect(fit.logLik).toBeCloseTo(loglik, 6);
      expect(fit.aicc).toBeCloseTo(aicc, 3);
    });
  }

  it("N0800 (quarterly) ETS(M,A,M) and ETS(A,A,A)", () => {
    // y <- ts(c(1180, 810, ..., 4620), frequency = 4)  # M3 N0800
    // f <- ets(y, model = "MAM", damped = FALSE); print(f$par, digits = 10); print(f$loglik, digits = 12)
    const mam = etsFit(N0800, c("M", "A", false, "M"), 4)!;
    [0.1373123009, 0.0001000000633, 0.0001163358253, 1360.494156, 40.74243132, 1.689046665, 0.9389687651, 0.6149993323].forEach((v, i) =>
      expectRelative(rPar(mam)[i]!, v, 1e-5),
    );
    expect(mam.logLik).toBeCloseTo(-279.794754789, 5);
    // f <- ets(y, model = "AAA", damped = FALSE)
    const aaa = etsFit(N0800, c("A", "A", false, "A"), 4)!;
    expect(aaa.logLik).toBeCloseTo(-295.481647231, 5);
    expect(aaa.aicc).toBeCloseTo(615.886371384, 4);
  });

  it("N0666 ETS(M,N,M): an optimum on the admissible boundary (gamma = 1 - alpha) as R finds it", () => {
    // y <- ts(c(2549.2, ..., 3816), frequency = 4)  # M3 N0666
    // f <- ets(y, model = "MNM"); f$par: alpha 0.6110266804 gamma 0.3889732790 l 3440.6928453034
    //   s0 1.0797308509 s1 1.1408189896 s2 0.9364657381; f$loglik -271.7800663
    const fit = etsFit(N0666, c("M", "N", false, "M"), 4)!;
    [0.6110266804, 0.388973279, 3440.6928453034, 1.0797308509, 1.1408189896, 0.9364657381].forEach((v, i) => expectRelative(rPar(fit)[i]!, v, 1e-5));
    expect(fit.logLik).toBeCloseTo(-271.7800663, 5);
  });

  it("matches the JSDoc example and names models as R", () => {
    const fit = etsFit(Float64Array.of(10, 12, 11, 13, 12, 14, 13, 15, 14, 16), { error: "A", trend: "N", damped: false, season: "N" }, 1)!;
    expect(fit.parameterCount).toBe(2);
    expect(etsName({ error: "M", trend: "A", damped: true, season: "N" })).toBe("ETS(M,Ad,N)");
  });

  it("keeps every parameter inside R's bounds and residuals consistent with fitted values", () => {
    const fit = etsFit(N0800, c("M", "A", true, "M"), 4)!;
    const p = fit.parameters;
    expect(p.smoothingLevel).toBeGreaterThanOrEqual(1e-4);
    expect(p.smoothingLevel).toBeLessThanOrEqual(0.9999);
    expect(p.smoothingTrend).toBeLessThanOrEqual(p.smoothingLevel);
    expect(p.smoothingSeasonal).toBeLessThanOrEqual(1 - p.smoothingLevel);
    expect(p.damping).toBeGreaterThanOrEqual(0.8);
    expect(p.damping).toBeLessThanOrEqual(0.98);
    expect(p.initialSeasonal.reduce((a, b) => a + b, 0)).toBeCloseTo(4, 10);
    for (let i = 0; i < N0800.length; i++) expect(fit.residuals[i]).toBeCloseTo((N0800[i]! - fit.fitted[i]!) / fit.fitted[i]!, 10);
  });

  it("returns null with too few observations and throws on forbidden models", () => {
    expect(etsFit(Float64Array.of(1, 2, 3, 4), c("A", "A", true, "N"), 1)).toBeNull();
    expect(() => etsFit(Float64Array.of(1, -2, 3, 4, 5, 6, 7, 8), c("M", "N", false, "N"), 1)).toThrow(/positive/);
    expect(() => etsFit(N0001, { error: "A", trend: "N", damped: true, season: "N" }, 1)).toThrow(/trend/);
    expect(() => etsFit(N0001, c("A", "N", false, "A"), 1)).toThrow(/period/);
  });

  it("skips missing observations instead of treating them as zero", () => {
    const withGap = Float64Array.from(N0001);
    withGap[5] = NaN;
    const fit = etsFit(withGap, c("A", "A", false, "N"), 1)!;
    expect(Number.isNaN(fit.residuals[5])).toBe(true);
    expect(Number.isFinite(fit.logLik)).toBe(true);
    expect(fit.finalState[0]).toBeGreaterThan(4000);
  });
});
