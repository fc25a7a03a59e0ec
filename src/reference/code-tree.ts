/**
 * Helpers over code-list trees: find, roll up, list leaves, and normalise what a user
 * typed ("foster_IFA ", "Foster placements") onto a code.
 */
import { TOTAL, type CodeList, type CodeNode } from "./code-lists.ts";

interface Indexed {
  nodes: Map<string, CodeNode>;
  parent: Map<string, string | null>;
  lookup: Map<string, string>;
}

const cache = new WeakMap<CodeList, Indexed>();

function key(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, " ");
}

function index(list: CodeList): Indexed {
  let idx = cache.get(list);
  if (idx) return idx;
  idx = { nodes: new Map(), parent: new Map(), lookup: new Map() };
  const visit = (node: CodeNode, parent: string | null) => {
    idx!.nodes.set(node.code, node);
    idx!.parent.set(node.code, parent);
    for (const text of [node.code, node.label, ...(node.aliases ?? [])]) {
      const k = key(text);
      if (!idx!.lookup.has(k)) idx!.lookup.set(k, node.code);
    }
    for (const child of node.children ?? []) visit(child, node.code);
  };
  for (const root of list.roots) visit(root, null);
  cache.set(list, idx);
  return idx;
}

/** Every code in the list, parents before children. @example allCodes(AGE_BAND)[0] // "under_1" */
export function allCodes(list: CodeList): string[] {
  return [...index(list).nodes.keys()];
}

/** The leaf codes (finest level). */
export function leafCodes(list: CodeList): string[] {
  return [...index(list).nodes.values()].filter((n) => !n.children?.length).map((n) => n.code);
}

/** The top-level codes (the groups DfE publishes, where the list is a tree). */
export function rootCodes(list: CodeList): string[] {
  return list.roots.map((n) => n.code);
}

/** The node for a code, or undefined. */
export function findCode(list: CodeList, code: string): CodeNode | undefined {
  return index(list).nodes.get(code);
}

/** The parent code, or null for a root. @throws Error for an unknown code. */
export function parentCode(list: CodeList, code: string): string | null {
  const idx = index(list);
  if (!idx.parent.has(code)) throw new Error(`Unknown ${list.id} code ${code}`);
  return idx.parent.get(code)!;
}

/** The root (published group) a code rolls up to. @example rootOf(PLACEMENT_TYPE, "foster_ifa") // "foster" */
export function rootOf(list: CodeList, code: string): string {
  let current = code;
  for (let p = parentCode(list, current); p !== null; p = parentCode(list, current)) current = p;
  return current;
}

/** Direct children of a code (empty for a leaf). */
export function childCodes(list: CodeList, code: string): string[] {
  return (findCode(list, code)?.children ?? []).map((c) => c.code);
}

/**
 * Map what a user or a published file wrote onto a code: exact code, or a label/alias
 * matched ignoring case and spacing. `exact` is false when only a tolerant match worked
 * (validation reports that as a warning). "Total"/"All" map to TOTAL.
 * @example normaliseCode(PLACEMENT_TYPE, " Foster_IFA") // { code: "foster_ifa", exact: false }
 */
export function normaliseCode(list: CodeList, raw: string): { code: string; exact: boolean } | null {
  if (raw === TOTAL) return { code: TOTAL, exact: true };
  const idx = index(list);
  if (idx.nodes.has(raw)) return { code: raw, exact: true };
  const k = key(raw);
  if (k === "total" || k === "all" || k === "all children") return { code: TOTAL, exact: false };
  const code = idx.lookup.get(k);
  return code === undefined ? null : { code, exact: false };
}
