// The layer rule (eslint-rules/layers.js) must reject imports that go against the flow.
import { ESLint } from "eslint";
import path from "node:path";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: path.resolve(".") });

async function lint(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(file) });
  return result.messages.filter((m) => m.ruleId === "layers/layer-direction").map((m) => m.message);
}

describe("layer direction rule", () => {
  it("allows a lower layer to import a higher one", async () => {
    expect(await lint("src/aggregate/x.ts", 'import { TOTAL } from "../reference/code-lists";\nexport const y = TOTAL;\n')).toEqual([]);
  });
  it("rejects stats importing template", async () => {
    const messages = await lint("src/stats/x.ts", 'import { MEASURES } from "../template/measures";\nexport const y = MEASURES;\n');
    expect(messages[0]).toMatch(/Layer 'stats' may not import from layer 'template'/);
  });
  it("rejects kernels importing models and arquero", async () => {
    expect(await lint("src/forecast/kernels/x.ts", 'import { a } from "../models/y";\nexport const b = a;\n')).toHaveLength(1);
    expect((await lint("src/forecast/kernels/x.ts", 'import * as aq from "arquero";\nexport const b = aq;\n'))[0]).toMatch(/pure/);
  });
  it("keeps node:fs out of readers and allows it in load-* and write/", async () => {
    expect(await lint("src/ingest/from-csv.ts", 'import { readFileSync } from "node:fs";\nexport const r = readFileSync;\n')).toHaveLength(1);
    expect(await lint("src/ingest/load-files.ts", 'import { readFileSync } from "node:fs";\nexport const r = readFileSync;\n')).toEqual([]);
    expect(await lint("src/write/csv.ts", 'import { writeFileSync } from "node:fs";\nexport const w = writeFileSync;\n')).toEqual([]);
  });
  it("rejects importing the CLI from the library", async () => {
    expect(await lint("src/report/x.ts", 'import { runMain } from "../cli/run";\nexport const r = runMain;\n')).toHaveLength(1);
  });
});
