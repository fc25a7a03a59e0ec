/**
 * The notebooks in notebooks/ run headless with Debian's Jupyter and the tslab kernel
 * (scripts/run-notebooks.sh: every notebook executed into a temporary folder, failing on any
 * error, then the committed copies checked for stripped outputs). Without Jupyter the test
 * fails, naming the packages, unless SUFF_SKIP_NOTEBOOKS=1 says to leave the notebooks out;
 * CI (.ci/run) installs it.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const python = process.env.PYTHON ?? "/usr/bin/python3";
const jupyter = spawnSync(python, ["-m", "jupyter", "nbconvert", "--version"], { encoding: "utf8" }).status === 0;

describe("notebooks", () => {
  it("Jupyter is installed (npm test runs the notebooks; set SUFF_SKIP_NOTEBOOKS=1 to leave them out on a machine without it)", () => {
    expect(jupyter || process.env.SUFF_SKIP_NOTEBOOKS === "1", `${python} -m jupyter nbconvert is not installed: apt-get install -y jupyter-notebook jupyter-nbconvert python3-ipykernel`).toBe(true);
  });
  if (!jupyter) return;
  it("every notebook executes without an error, and the committed notebooks are stripped", () => {
    const run = spawnSync("bash", [path.join(root, "scripts/run-notebooks.sh")], { cwd: root, encoding: "utf8", env: { ...process.env, PYTHON: python } });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stdout).toMatch(/notebooks: ok/);
  }, 900_000);
});

describe("the stripped-outputs check", () => {
  const script = path.join(root, "scripts/check-notebooks-stripped.mjs");
  it("refuses a notebook with outputs, strips it, then accepts it", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "suff-nb-"));
    try {
      const file = path.join(dir, "run.ipynb");
      const cell = { cell_type: "code", execution_count: 3, id: "a", metadata: {}, outputs: [{ output_type: "stream", name: "stdout", text: ["1\n"] }], source: ["console.log(1)"] };
      writeFileSync(file, JSON.stringify({ cells: [cell, { cell_type: "markdown", id: "b", metadata: {}, source: ["# T"] }], metadata: {}, nbformat: 4, nbformat_minor: 5 }));
      const check = spawnSync(process.execPath, [script, file], { encoding: "utf8" });
      expect(check.status).toBe(1);
      expect(check.stderr).toMatch(/cell 1 has 1 output\(s\); cell 1 has execution_count 3/);
      expect(spawnSync(process.execPath, [script, "--strip", file], { encoding: "utf8" }).status).toBe(0);
      const stripped = JSON.parse(readFileSync(file, "utf8"));
      expect(stripped.cells[0]).toMatchObject({ outputs: [], execution_count: null, source: ["console.log(1)"] });
      expect(spawnSync(process.execPath, [script, file], { encoding: "utf8" }).status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it("the committed notebooks are stripped", () => {
    const check = spawnSync(process.execPath, [script], { encoding: "utf8" });
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout).toMatch(/notebooks stripped: ok \(5 checked\)/);
  });
});
