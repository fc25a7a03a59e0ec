import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SUFF } from "../helpers/cli";

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");

describe("suff template (CLI)", () => {
  it("writes the requested formats and refuses an unknown one with exit 2", () => {
    const out = mkdtempSync(path.join(tmpdir(), "suff-template-"));
    const ok = spawnSync(process.execPath, [SUFF, "template", "--format", "csv,schema", "--out", out], { cwd: repo, encoding: "utf8" });
    expect(ok.status).toBe(0);
    expect(readFileSync(path.join(out, "sufficiency-template.csv"), "utf8")).toMatch(/^time_period,/);
    expect(JSON.parse(readFileSync(path.join(out, "sufficiency-template.schema.json"), "utf8")).title).toMatch(/sufficiency/);
    expect(existsSync(path.join(out, "sufficiency-template.xlsx"))).toBe(false);
    const bad = spawnSync(process.execPath, [SUFF, "template", "--format", "pdf", "--out", out], { cwd: repo, encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("E_USAGE");
  });
});
