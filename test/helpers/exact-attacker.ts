/**
 * An exact attacker on published tables, independent of the toolkit's own disclosure code:
 * every published figure is an equation "sum of some LAs' true figures = value", the LAs'
 * own tables add up (total = sum of its groups), and figures a reader knows from elsewhere
 * are equations of one unknown. Exact rational arithmetic (fraction-free Gaussian
 * elimination over BigInt) decides which linear combinations of the unknowns are
 * determined, and recovers their values.
 */

export type Vector = ReadonlyMap<string, number | bigint>;

interface Row {
  coeffs: Map<string, bigint>;
  rhs: bigint;
  pivot: string;
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
}

/** The attacker's knowledge: equations added one by one, kept in echelon form. */
export class ExactAttacker {
  private readonly rows: Row[] = [];
  /** Values are integers scaled by 1 (published counts); RHS rational only after elimination. */
  private reduce(coeffs: Map<string, bigint>, rhs: bigint): { coeffs: Map<string, bigint>; rhs: bigint; scale: bigint } {
    let scale = 1n;
    for (const row of this.rows) {
      const b = coeffs.get(row.pivot);
      if (!b) continue;
      const a = row.coeffs.get(row.pivot)!;
      // new = a * coeffs - b * row
      const next = new Map<string, bigint>();
      for (const [k, v] of coeffs) next.set(k, a * v);
      for (const [k, v] of row.coeffs) {
        const value = (next.get(k) ?? 0n) - b * v;
        if (value === 0n) next.delete(k);
        else next.set(k, value);
      }
      rhs = a * rhs - b * row.rhs;
      scale *= a;
      coeffs = next;
    }
    return { coeffs, rhs, scale };
  }

  /** Learn "sum of coeffs x = value". */
  learn(vector: Vector, value: number | bigint = 0n): void {
    const coeffs = new Map<string, bigint>();
    for (const [k, v] of vector) if (BigInt(v) !== 0n) coeffs.set(k, BigInt(v));
    const reduced = this.reduce(coeffs, BigInt(value));
    if (reduced.coeffs.size === 0) return;
    let g = reduced.rhs;
    for (const v of reduced.coeffs.values()) g = gcd(g, v);
    if (g > 1n) {
      for (const [k, v] of reduced.coeffs) reduced.coeffs.set(k, v / g);
      reduced.rhs /= g;
    }
    const pivot = [...reduced.coeffs.keys()].sort()[0]!;
    this.rows.push({ coeffs: reduced.coeffs, rhs: reduced.rhs, pivot });
  }

  /**
   * The value of `vector . x` when the equations determine it (as a reduced fraction
   * "p/q" or an integer string), else null.
   */
  solve(vector: Vector): string | null {
    const coeffs = new Map<string, bigint>();
    for (const [k, v] of vector) if (BigInt(v) !== 0n) coeffs.set(k, BigInt(v));
    // vector . x = t: carry t as the unknown; reduce the vector to zero by known rows.
    let acc = 0n;
    let scale = 1n;
    let current = coeffs;
    for (const row of this.rows) {
      const b = current.get(row.pivot);
      if (!b) continue;
      const a = row.coeffs.get(row.pivot)!;
      const next = new Map<string, bigint>();
      for (const [k, v] of current) next.set(k, a * v);
      for (const [k, v] of row.coeffs) {
        const value = (next.get(k) ?? 0n) - b * v;
        if (value === 0n) next.delete(k);
        else next.set(k, value);
      }
      acc = a * acc + b * row.rhs;
      scale *= a;
      current = next;
    }
    if (current.size !== 0) return null;
    if (scale < 0n) { scale = -scale; acc = -acc; }
    const g = gcd(acc, scale) || 1n;
    const p = acc / g, q = scale / g;
    return q === 1n ? String(p) : `${p}/${q}`;
  }

  /** Whether the equations determine `vector . x`. */
  determines(vector: Vector): boolean {
    return this.solve(vector) !== null;
  }
}

/** A vector with coefficient 1 on each of `keys`. */
export function ones(keys: Iterable<string>): Map<string, bigint> {
  const m = new Map<string, bigint>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0n) + 1n);
  return m;
}
