import { solveSymmetric } from "../../stats/solve-symmetric.ts";
import type { HierarchyStructure } from "./hierarchy-structure.ts";

/**
 * The gain K = W Cᵀ (C W Cᵀ)⁻¹ (row-major n x constraints) of the generalised least squares
 * reconciliation ỹ = ŷ - K C ŷ, which equals S (Sᵀ W⁻¹ S)⁻¹ Sᵀ W⁻¹ ŷ (Wickramasuriya,
 * Athanasopoulos & Hyndman 2019, eq. 9 and Lemma 1) but only needs a solve of the size of the
 * number of aggregates, not of the number of series. `weights` is either a diagonal
 * (length n) or a dense symmetric n x n matrix. The constraints C are one row per aggregate
 * (value minus the sum of its members) and, for each index in `fixedAtZero`, a row that
 * holds that bottom series at zero (used by the non-negativity active set).
 * @throws Error when the weights have the wrong size.
 * @example Array.from(projectionGain(hierarchyStructure({ bottom: ["a", "b"], aggregates: [{ id: "t", members: ["a", "b"] }] }), Float64Array.of(1, 1, 1))) // [1/3, -1/3, -1/3]
 */
export function projectionGain(structure: HierarchyStructure, weights: Float64Array, fixedAtZero: readonly number[] = []): Float64Array {
  const n = structure.ids.length;
  const rows = constraintRows(structure, fixedAtZero);
  const k = rows.length;
  const diagonal = weights.length === n;
  if (!diagonal && weights.length !== n * n) throw new Error("reconcile: weight matrix has the wrong size");
  // WCᵀ: n x k; column r = Σ coefficient × W[:, index] over the row's entries.
  const wct = new Float64Array(n * k);
  rows.forEach((row, r) => {
    for (const [index, coefficient] of row) {
      if (diagonal) wct[index * k + r] += coefficient * weights[index];
      else for (let i = 0; i < n; i++) wct[i * k + r] += coefficient * weights[i * n + index];
    }
  });
  // CWCᵀ: k x k; row s = Σ coefficient × WCᵀ[index, :] over row s's entries.
  const cwct = new Float64Array(k * k);
  rows.forEach((row, s) => {
    for (const [index, coefficient] of row) for (let r = 0; r < k; r++) cwct[s * k + r] += coefficient * wct[index * k + r];
  });
  for (let b = 0; b < k; b++) for (let a = b + 1; a < k; a++) { const v = (cwct[b * k + a] + cwct[a * k + b]) / 2; cwct[b * k + a] = v; cwct[a * k + b] = v; }
  // K = WCᵀ (CWCᵀ)⁻¹  <=>  (CWCᵀ) Kᵀ = (WCᵀ)ᵀ.
  const right = new Float64Array(k * n);
  for (let i = 0; i < n; i++) for (let a = 0; a < k; a++) right[a * n + i] = wct[i * k + a];
  const kt = solveSymmetric(cwct, k, right, n);
  const gain = new Float64Array(n * k);
  for (let a = 0; a < k; a++) for (let i = 0; i < n; i++) gain[i * k + a] = kt[a * n + i];
  return gain;
}

/** Sparse constraint rows: [index, coefficient] pairs; aggregates first, then fixed bottoms. */
export function constraintRows(structure: HierarchyStructure, fixedAtZero: readonly number[] = []): Array<Array<[number, number]>> {
  const rows: Array<Array<[number, number]>> = [];
  for (let a = 0; a < structure.aggregateCount; a++) rows.push([[a, 1], ...Array.from(structure.members[a], (j): [number, number] => [j, -1])]);
  for (const j of fixedAtZero) rows.push([[j, 1]]);
  return rows;
}

/**
 * C y for the rows of `constraintRows` (zero when y is coherent and the fixed series are zero).
 * @throws never.
 * @example Array.from(constraintValues(constraintRows(hierarchyStructure({ bottom: ["a", "b"], aggregates: [{ id: "t", members: ["a", "b"] }] }), [2]), Float64Array.of(6, 2, 3))) // [1, 3]
 */
export function constraintValues(rows: Array<Array<[number, number]>>, y: Float64Array): Float64Array {
  return Float64Array.from(rows, (row) => row.reduce((sum, [index, coefficient]) => sum + coefficient * y[index], 0));
}
