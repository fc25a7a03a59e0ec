/**
 * Primary and secondary cell suppression for a table of counts with additive relations.
 *
 * 1. Primary: every count from 1 to k-1 is suppressed; zeros are published.
 * 2. Secondary, fast pass to a fixpoint: any relation (total = sum of parts) whose only
 *    unknown cell is a protected one gets one more cell suppressed: its smallest non-zero
 *    published part, else its total, else a zero part.
 *    Cells pinned down by figures published elsewhere are never chosen (hiding them
 *    protects nothing).
 * 3. Verification with exact linear algebra (recoverableCells): a protected cell that the
 *    relations still determine in combination (e.g. across the rows and columns of a 2-D
 *    table) gets one more cell suppressed, chosen the same way from the nearest relations
 *    that have a suppressible published cell; then back to 2, until nothing is recoverable.
 *    Each round suppresses at least one more cell, so it ends. Candidates are tried in rank
 *    order (up to 12, from the first layers) and the first whose suppression makes the cell
 *    undetermined is taken (in linked tables the nearest cell often does not help).
 *    With `protectSecondary: false` (linked publications) only the cells that must stay
 *    unknown are protected, not the cells suppressed to protect them: an exact check on the
 *    protected cells already rules out every derivation through a secondary cell, and
 *    protecting secondaries across linked levels cascades. A protected cell that would
 *    be recoverable even with every suppressible cell hidden (figures published elsewhere
 *    already give it away) is reported as residual at the start, not protected in vain.
 *
 * Reference: ONS "Disclosure control guidance for tables produced from surveys"; Cox (1980)
 * JASA 75; the threshold rule as in DfE children looked after statistics (counts 1 to 4
 * suppressed, k = 5).
 */
import { recoverableCells } from "./recoverable-cells.ts";
import type { CellOutcome, DisclosureCell, DisclosureOutcome, DisclosureRelation } from "./types.ts";

/**
 * Decide which cells to publish and which to suppress.
 * @throws Error when k is not an integer >= 2 or a relation names a cell out of range.
 * @example suppressCells([{ value: 10, threshold: true, suppressible: true }, { value: 3, threshold: true, suppressible: true }, { value: 7, threshold: true, suppressible: true }], [{ total: 0, parts: [1, 2] }], 5).status // ["published", "primary", "secondary"]
 */
export function suppressCells(cells: readonly DisclosureCell[], relations: readonly DisclosureRelation[], k: number, options: { search?: boolean; protectSecondary?: boolean } = {}): DisclosureOutcome {
  if (!Number.isInteger(k) || k < 2) throw new Error(`suppressCells: k must be an integer >= 2, got ${k}`);
  for (const r of relations) for (const i of [r.total, ...r.parts]) if (!(i >= 0 && i < cells.length)) throw new Error(`suppressCells: relation cell ${i} out of range`);

  const status: CellOutcome[] = cells.map((c) => (c.value === null ? "unknown" : "published"));
  const known = cells.map((c) => c.value !== null);
  const isProtected = cells.map((c) => c.value === null && c.protect === true);
  // 1. Primary suppression.
  cells.forEach((c, i) => {
    if (c.value !== null && c.threshold && c.value > 0 && c.value < k) {
      known[i] = false;
      isProtected[i] = true;
      status[i] = "primary";
    }
  });

  const relationsOf: number[][] = cells.map(() => []);
  relations.forEach((r, ri) => {
    for (const i of new Set([r.total, ...r.parts])) relationsOf[i].push(ri);
  });

  // A secondary cell is protected too: no suppressed cell, of either kind, may be
  // recoverable (a recovered secondary cell would also narrow down the cells around it).
  const suppress = (i: number) => {
    known[i] = false;
    if (options.protectSecondary !== false) isProtected[i] = true;
    status[i] = "secondary";
  };
  /** Rank of a cell as a choice (lower is better): non-zero parts by size, then non-zero totals, then zeros. */
  const isTotalCell = new Array<boolean>(cells.length).fill(false);
  for (const r of relations) if (r.parts.length > 1) isTotalCell[r.total] = true;
  const rankOf = (i: number): number => {
    const value = Math.abs(cells[i].value as number);
    return value === 0 ? 2e15 + i : isTotalCell[i] ? 1e15 + value : value;
  };
  const candidate = (i: number) => known[i] && cells[i].suppressible && !pinned.has(i);
  /** The best cell to suppress among the members of these relations, or -1. */
  const pick = (relationIndices: Iterable<number>): number => {
    let best = -1;
    let bestRank = Infinity;
    for (const ri of relationIndices) {
      const r = relations[ri];
      for (const i of [r.total, ...r.parts]) {
        if (!candidate(i)) continue;
        const rank = rankOf(i);
        if (rank < bestRank) {
          bestRank = rank;
          best = i;
        }
      }
    }
    return best;
  };
  /** Up to `n` candidates among the members of these relations, best first. */
  const rankedCandidates = (relationIndices: Iterable<number>, n: number): number[] => {
    const set = new Set<number>();
    for (const ri of relationIndices) for (const i of [relations[ri].total, ...relations[ri].parts]) if (candidate(i)) set.add(i);
    return [...set].sort((a, b) => rankOf(a) - rankOf(b)).slice(0, n);
  };

  // Cells a reader could work out even if every suppressible cell were hidden (e.g. from
  // figures published elsewhere that already give them away) cannot be protected here:
  // report them rather than suppress the whole table trying.
  // Likewise a published cell that figures published elsewhere pin down (e.g. a footprint
  // figure whose member LAs are all published) protects nothing when hidden: never pick it.
  const pinned = new Set<number>(recoverableCells(known.map((k, i) => k && !cells[i].suppressible), relations));
  const residual = new Set<number>([...pinned].filter((i) => isProtected[i]));
  for (;;) {
    // 2. Fast pass: relations with a single unknown cell that must stay unknown.
    let changed = true;
    while (changed) {
      changed = false;
      relations.forEach((r, ri) => {
        const members = [...new Set([r.total, ...r.parts])];
        const unknown = members.filter((i) => !known[i]);
        if (unknown.length !== 1 || !isProtected[unknown[0]] || residual.has(unknown[0])) return;
        const chosen = pick([ri]);
        if (chosen >= 0) {
          suppress(chosen);
          changed = true;
        }
      });
    }
    // 3. Exact check of every combination of relations.
    const recoverable = recoverableCells(known, relations).filter((i) => isProtected[i] && !residual.has(i));
    if (recoverable.length === 0) break;
    const touched = new Set<number>();
    let progressed = false;
    for (const i of recoverable) {
      if (relationsOf[i].some((ri) => touched.has(ri))) continue;
      // Widen from the cell's own relations through unknown cells until a candidate appears.
      const seenRelations = new Set<number>(relationsOf[i]);
      const seenCells = new Set<number>([i]);
      let layer = [...relationsOf[i]];
      let chosen = pick(layer);
      const widen = () => {
        const next: number[] = [];
        for (const ri of layer) {
          for (const c of [relations[ri].total, ...relations[ri].parts]) {
            if (known[c] || seenCells.has(c)) continue;
            seenCells.add(c);
            for (const rj of relationsOf[c]) if (!seenRelations.has(rj)) {
              seenRelations.add(rj);
              next.push(rj);
            }
          }
        }
        layer = next;
      };
      while (chosen < 0 && layer.length > 0) {
        widen();
        chosen = pick(layer);
      }
      // In linked tables the nearest candidate often does not help (another table still gives
      // the cell away): try the best-ranked candidates of the first layers and take the first
      // whose suppression actually makes the cell undetermined.
      if (chosen >= 0 && options.search !== false) {
        const candidates = rankedCandidates([...seenRelations], 16);
        for (let depth = 0; depth < 2 && layer.length > 0; depth++) {
          widen();
          for (const c of rankedCandidates(layer, 16)) if (!candidates.includes(c)) candidates.push(c);
        }
        candidates.sort((a, b) => rankOf(a) - rankOf(b));
        for (const c of candidates.slice(0, 12)) {
          known[c] = false;
          const still = recoverableCells(known, relations).includes(i);
          known[c] = true;
          if (!still) {
            chosen = c;
            break;
          }
        }
      }
      if (chosen < 0) {
        residual.add(i);
        continue;
      }
      suppress(chosen);
      progressed = true;
      for (const ri of relationsOf[chosen]) touched.add(ri);
      for (const ri of relationsOf[i]) touched.add(ri);
    }
    if (!progressed && recoverable.every((i) => residual.has(i))) break;
  }
  return { status, residual: [...residual].sort((a, b) => a - b) };
}
