/**
 * Collects diagnostics for a large file without drowning the user: the first `limit`
 * row-level findings of each code in each file are kept one by one, the rest are
 * summarised in one W_903_MORE_ROWS diagnostic per file and code. Counts stay exact.
 */
import type { Diagnostic } from "../../spec/diagnostic.ts";
import { diagnostic } from "../../spec/messages/index.ts";

export class DiagnosticSink {
  readonly diagnostics: Diagnostic[] = [];
  private readonly overflow = new Map<string, { file: string; code: string; count: number }>();
  private readonly perKey = new Map<string, number>();

  /** @param limit row-level diagnostics kept per (code, file). @example new DiagnosticSink(5).diagnostics.length // 0 */
  constructor(private readonly limit = 20) {}

  /** A finding about one row of one file. */
  row(code: string, file: string, row: number, params: Record<string, unknown> = {}): void {
    const key = `${code}\u0000${file}`;
    const seen = (this.perKey.get(key) ?? 0) + 1;
    this.perKey.set(key, seen);
    if (seen <= this.limit) this.diagnostics.push(diagnostic(code, { ...params, file, row }, { file, row }));
    else {
      const entry = this.overflow.get(key) ?? { file, code, count: 0 };
      entry.count++;
      this.overflow.set(key, entry);
    }
  }

  /** A finding about a whole file or data set. */
  add(item: Diagnostic): void {
    this.diagnostics.push(item);
  }

  /** The diagnostics, with one summary per (code, file) whose rows were not all listed. */
  finish(): Diagnostic[] {
    for (const { file, code, count } of this.overflow.values()) this.diagnostics.push(diagnostic("W_903_MORE_ROWS", { file, code, count }, { file }));
    this.overflow.clear();
    return this.diagnostics;
  }
}
