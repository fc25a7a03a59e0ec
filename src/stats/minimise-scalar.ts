/**
 * Minimise a function of one variable on a closed interval: a coarse grid finds the best
 * basin (so a multimodal objective does not trap the search at one end), then golden-section
 * search refines inside the bracket around the best grid point.
 */

const GOLDEN = (Math.sqrt(5) - 1) / 2;

/**
 * The minimiser of `objective` on [lower, upper] and its value.
 *
 * Reference: Kiefer, J. (1953) "Sequential minimax search for a maximum", Proc. AMS 4(3);
 * Press et al., Numerical Recipes (3rd ed.), section 10.2.
 * @throws RangeError when the interval is empty or not finite, or gridPoints < 3.
 * @example minimiseScalar((x) => (x - 0.3) ** 2, 0, 1).argument // 0.3 (within 1e-8)
 */
export function minimiseScalar(
  objective: (x: number) => number,
  lower: number,
  upper: number,
  options: { gridPoints?: number; tolerance?: number } = {},
): { argument: number; value: number } {
  const gridPoints = options.gridPoints ?? 15;
  const tolerance = options.tolerance ?? 1e-8;
  if (!(Number.isFinite(lower) && Number.isFinite(upper) && lower < upper)) throw new RangeError("minimiseScalar: need finite lower < upper");
  if (gridPoints < 3) throw new RangeError("minimiseScalar: gridPoints must be at least 3");
  const score = (x: number): number => { const v = objective(x); return Number.isNaN(v) ? Infinity : v; };
  let bestIndex = 0;
  let bestValue = Infinity;
  const step = (upper - lower) / (gridPoints - 1);
  for (let i = 0; i < gridPoints; i++) {
    const value = score(lower + i * step);
    if (value < bestValue) { bestValue = value; bestIndex = i; }
  }
  let a = lower + Math.max(0, bestIndex - 1) * step;
  let b = lower + Math.min(gridPoints - 1, bestIndex + 1) * step;
  let c = b - GOLDEN * (b - a);
  let d = a + GOLDEN * (b - a);
  let fc = score(c);
  let fd = score(d);
  while (b - a > tolerance * (1 + Math.abs(a) + Math.abs(b))) {
    if (fc < fd) { b = d; d = c; fd = fc; c = b - GOLDEN * (b - a); fc = score(c); }
    else { a = c; c = d; fc = fd; d = a + GOLDEN * (b - a); fd = score(d); }
  }
  const middle = (a + b) / 2;
  const candidates: Array<[number, number]> = [[middle, score(middle)], [lower + bestIndex * step, bestValue]];
  candidates.sort((p, q) => p[1] - q[1]);
  return { argument: candidates[0]![0], value: candidates[0]![1] };
}
