import { describe, expect, it } from "vitest";
import { nelderMead } from "../../src/stats/nelder-mead";

const rosenbrock = (x: Float64Array): number => 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2;

describe("nelderMead", () => {
  it("matches the JSDoc example", () => {
    expect(nelderMead((x) => (x[0]! - 1) ** 2 + (x[1]! + 2) ** 2, Float64Array.of(0, 0)).value < 1e-6).toBe(true);
  });

  it("follows R's optim(method = 'Nelder-Mead') step for step on Rosenbrock", () => {
    // R 4.x: fr <- function(x) 100*(x[2]-x[1]^2)^2 + (1-x[1])^2; o <- optim(c(-1.2, 1), fr)
    // o$par = 1.00026013872567 1.00050599930377; o$value = 8.82524109672275e-08; o$counts = 195
    const result = nelderMead(rosenbrock, Float64Array.of(-1.2, 1), { maxEvaluations: 500 });
    expect(result.parameters[0]).toBeCloseTo(1.00026013872567, 12);
    expect(result.parameters[1]).toBeCloseTo(1.00050599930377, 12);
    expect(result.value).toBeCloseTo(8.82524109672275e-8, 18);
    expect(result.evaluations).toBe(195);
    expect(result.converged).toBe(true);
  });

  it("stops at the evaluation budget and says it did not converge, as R's maxit", () => {
    // R: o <- optim(c(3, -2, 0.5), function(x) sum((x - c(1, 2, 3))^2) + x[1]*x[2], control = list(maxit = 100))
    // o$par = 0.00351209295092731 2.00449110125559837 3.00657928168635635; o$value = 1.00009156489995;
    // o$counts = 102; o$convergence = 1
    const f = (x: Float64Array): number => (x[0]! - 1) ** 2 + (x[1]! - 2) ** 2 + (x[2]! - 3) ** 2 + x[0]! * x[1]!;
    const result = nelderMead(f, Float64Array.of(3, -2, 0.5), { maxEvaluations: 100 });
    expect(result.evaluations).toBe(102);
    expect(result.converged).toBe(false);
    expect(result.value).toBeCloseTo(1.00009156489995, 12);
    expect(result.parameters[0]).toBeCloseTo(0.00351209295092731, 12);
  });

  it("treats non-finite values as rejected points (constraints by Infinity)", () => {
    const constrained = (x: Float64Array): number => (x[0]! > 1.5 ? Infinity : (x[0]! - 2) ** 2 + (x[1]! - 1) ** 2);
    const result = nelderMead(constrained, Float64Array.of(0, 0), { maxEvaluations: 2000 });
    expect(result.parameters[0]).toBeCloseTo(1.5, 3);
    expect(result.parameters[1]).toBeCloseTo(1, 3);
  });

  it("throws when the start is not finite or empty", () => {
    expect(() => nelderMead(() => NaN, Float64Array.of(1))).toThrow(/not finite/);
    expect(() => nelderMead(() => 0, new Float64Array(0))).toThrow(/at least one/);
  });
});
