/**
 * Nelder-Mead simplex minimiser, a faithful port of R's `optim(method = "Nelder-Mead")`
 * (`nmmin` in R's src/appl/optim.c, itself from Nash's "Compact Numerical Methods"),
 * which is also the optimiser R's `forecast::ets` calls. Keeping the same simplex
 * construction, moves and stopping rule lets our ETS fits land where R's do.
 */

export interface NelderMeadOptions {
  /** Stop after this many objective evaluations (R: `maxit`; ets uses 2000). */
  maxEvaluations?: number;
  /** Relative convergence tolerance on the spread of simplex values (R: `reltol`). */
  relativeTolerance?: number;
  /** Stop when the best value falls below this (R: `abstol`). */
  absoluteTolerance?: number;
  /** Reflection, contraction and expansion coefficients (R: 1, 0.5, 2). */
  reflection?: number;
  contraction?: number;
  expansion?: number;
}

export interface NelderMeadResult {
  parameters: Float64Array;
  value: number;
  evaluations: number;
  /** False when the evaluation budget ran out or the simplex stopped shrinking. */
  converged: boolean;
}

/** R's stand-in for a non-finite objective value. */
const BIG = 1.0e35;

/**
 * Minimise `objective` from `start` with the Nelder-Mead simplex method. Non-finite
 * objective values are treated as a very large number, so an objective can reject an
 * inadmissible point by returning Infinity.
 *
 * Reference: Nelder, J. A. and Mead, R. (1965) "A simplex method for function
 * minimization", Computer Journal 7, 308-313; Nash, J. C. (1990) "Compact Numerical
 * Methods for Computers", Algorithm 19 (the variant in R's `optim`).
 * @throws Error when the objective is not finite at the starting point, or start is empty.
 * @example nelderMead((x) => (x[0]! - 1) ** 2 + (x[1]! + 2) ** 2, Float64Array.of(0, 0)).value < 1e-6 // true
 */
export function nelderMead(
  objective: (parameters: Float64Array) => number,
  start: Float64Array,
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const n = start.length;
  if (n === 0) throw new Error("nelderMead: start must have at least one parameter");
  const maxEvaluations = options.maxEvaluations ?? 500;
  const relativeTolerance = options.relativeTolerance ?? Math.sqrt(2.220446049250313e-16);
  const absoluteTolerance = options.absoluteTolerance ?? -Infinity;
  const reflection = options.reflection ?? 1;
  const contraction = options.contraction ?? 0.5;
  const expansion = options.expansion ?? 2;

  const point = Float64Array.from(start);
  if (maxEvaluations <= 0) {
    return { parameters: point, value: objective(point), evaluations: 0, converged: true };
  }
  const n1 = n + 1;
  const columns = n + 2; // n + 1 vertices and the centroid
  // simplex[i * columns + j]: coordinate i of vertex j; values[j]: objective at vertex j.
  const simplex = new Float64Array(n * columns);
  const values = new Float64Array(columns);
  const evaluate = (): number => {
    const f = objective(point);
    return Number.isFinite(f) ? f : BIG;
  };

  let f = objective(point);
  if (!Number.isFinite(f)) throw new Error("nelderMead: objective is not finite at the starting point");
  let evaluations = 1;
  const convergenceTolerance = relativeTolerance * (Math.abs(f) + relativeTolerance);
  values[0] = f;
  for (let i = 0; i < n; i++) simplex[i * columns] = point[i]!;

  let best = 0;
  let size = 0;
  let step = 0;
  for (let i = 0; i < n; i++) if (0.1 * Math.abs(point[i]!) > step) step = 0.1 * Math.abs(point[i]!);
  if (step === 0) step = 0.1;
  for (let j = 1; j < n1; j++) {
    for (let i = 0; i < n; i++) simplex[i * columns + j] = point[i]!;
    let tryStep = step;
    while (simplex[(j - 1) * columns + j] === point[j - 1]) {
      simplex[(j - 1) * columns + j] = point[j - 1]! + tryStep;
      tryStep *= 10;
    }
    size += tryStep;
  }
  let oldSize = size;
  let recompute = true;
  let failed = false;
  const centroid = n1; // column index of the centroid

  for (;;) {
    if (recompute) {
      for (let j = 0; j < n1; j++) {
        if (j !== best) {
          for (let i = 0; i < n; i++) point[i] = simplex[i * columns + j]!;
          values[j] = evaluate();
          evaluations++;
        }
      }
      recompute = false;
    }
    let low = values[best]!;
    let high = low;
    let worst = best;
    for (let j = 0; j < n1; j++) {
      if (j !== best) {
        const v = values[j]!;
        if (v < low) {
          best = j;
          low = v;
        }
        if (v > high) {
          worst = j;
          high = v;
        }
      }
    }
    if (high <= low + convergenceTolerance || low <= absoluteTolerance) break;

    for (let i = 0; i < n; i++) {
      let total = -simplex[i * columns + worst]!;
      for (let j = 0; j < n1; j++) total += simplex[i * columns + j]!;
      simplex[i * columns + centroid] = total / n;
    }
    for (let i = 0; i < n; i++) {
      point[i] = (1 + reflection) * simplex[i * columns + centroid]! - reflection * simplex[i * columns + worst]!;
    }
    f = evaluate();
    evaluations++;
    const reflected = f;
    if (reflected < low) {
      values[centroid] = f;
      for (let i = 0; i < n; i++) {
        const extended = expansion * point[i]! + (1 - expansion) * simplex[i * columns + centroid]!;
        simplex[i * columns + centroid] = point[i]!;
        point[i] = extended;
      }
      f = evaluate();
      evaluations++;
      if (f < reflected) {
        for (let i = 0; i < n; i++) simplex[i * columns + worst] = point[i]!;
        values[worst] = f;
      } else {
        for (let i = 0; i < n; i++) simplex[i * columns + worst] = simplex[i * columns + centroid]!;
        values[worst] = reflected;
      }
    } else {
      if (reflected < high) {
        for (let i = 0; i < n; i++) simplex[i * columns + worst] = point[i]!;
        values[worst] = reflected;
      }
      for (let i = 0; i < n; i++) {
        point[i] = (1 - contraction) * simplex[i * columns + worst]! + contraction * simplex[i * columns + centroid]!;
      }
      f = evaluate();
      evaluations++;
      if (f < values[worst]!) {
        for (let i = 0; i < n; i++) simplex[i * columns + worst] = point[i]!;
        values[worst] = f;
      } else if (reflected >= high) {
        recompute = true;
        size = 0;
        for (let j = 0; j < n1; j++) {
          if (j !== best) {
            for (let i = 0; i < n; i++) {
              const b = simplex[i * columns + best]!;
              simplex[i * columns + j] = contraction * (simplex[i * columns + j]! - b) + b;
              size += Math.abs(simplex[i * columns + j]! - b);
            }
          }
        }
        if (size < oldSize) {
          oldSize = size;
        } else {
          failed = true;
          break;
        }
      }
    }
    if (evaluations > maxEvaluations) break;
  }
  const parameters = new Float64Array(n);
  for (let i = 0; i < n; i++) parameters[i] = simplex[i * columns + best]!;
  return { parameters, value: values[best]!, evaluations, converged: !failed && evaluations <= maxEvaluations };
}
