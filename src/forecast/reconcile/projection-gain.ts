import { solveSymmetric } from "../../stats/solve-symmetric";
import type { HierarchyStructure } from "./hierarchy-structure";

/**
 * The gain K = W Cᵀ (C W Cᵀ)⁻¹ (row-major n x aggregates) of the generalised least squares
 * reconciliation ỹ = ŷ - K C ŷ, which equals S (Sᵀ W⁻¹ S)⁻¹ Sᵀ W⁻¹ ŷ (Wickramasuriya,
 * Athanasopoulos & Hyndman 2019, eq. 9 and Lemma 1) but only needs a solve of the size of the
 * number of aggregates, not of the number of series. `weights` is either a diagonal
 * (length n) or a dense symmetric n x n matrix.
 * @throws Error when the weights have the wrong size.
 * @example Array.from(projectionGain(hierarchyStructure({ bottom: ["a", "b"], aggregates: [{ id: "t", members: ["a", "b"] }] }), Float64Array.of(1, 1, 1))) // [1/3, -1/3, -1/3]
 */
export function projectionGain(structure: HierarchyStructure, weights: Float64Array): Float64Array {
  const n = structure.ids.length;
  const k = structure.aggregateCount;
  const diagonal = weights.length === n;
  if (!diagonal && weights.length !== n * n) throw new Error("reconcile: weight matrix has the wrong size");
  const w = (i: number, j: number) => (diagonal ? (i === j ? weights[i] : 0) : weights[i * n + j]);
  // WCᵀ: n x k; column a = W[:, a] - Σ_{j in members(a)} W[:, j].
  const wct = new Float64Array(n * k);
  for (let a = 0; a < k; a++) {
    const m = structure.members[a];
    if (diagonal) {
      wct[a * k + a] = weights[a];
      for (const j of m) wct[j * k + a] -= weights[j];
    } else {
      for (let i = 0; i < n; i++) {
        let v = w(i, a);
        for (const j of m) v -= weights[i * n + j];
        wct[i * k + a] = v;
      }
    }
  }
  // CWCᵀ: k x k; row b = WCᵀ[b, :] - Σ_{j in members(b)} WCᵀ[j, :].
  const cwct = new Float64Array(k * k);
  for (let b = 0; b < k; b++) {
    for (let a = 0; a < k; a++) {
      let v = wct[b * k + a];
      for (const j of structure.members[b]) v -= wct[j * k + a];
      cwct[b * k + a] = v;
    }
  }
  // Symmetrise against rounding.
  for (let b = 0; b < k; b++) for (let a = b + 1; a < k; a++) { const v = (cwct[b * k + a] + cwct[a * k + b]) / 2; cwct[b * k + a] = v; cwct[a * k + b] = v; }
  // K = WCᵀ (CWCᵀ)⁻¹  <=>  (CWCᵀ) Kᵀ = (WCᵀ)ᵀ.
  const right = new Float64Array(k * n);
  for (let i = 0; i < n; i++) for (let a = 0; a < k; a++) right[a * n + i] = wct[i * k + a];
  const kt = solveSymmetric(cwct, k, right, n);
  const gain = new Float64Array(n * k);
  for (let a = 0; a < k; a++) for (let i = 0; i < n; i++) gain[i * k + a] = kt[a * n + i];
  return gain;
}
