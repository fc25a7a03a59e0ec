/**
 * The notebooks in notebooks/ run headless with Debian's Jupyter and the tslab kernel
 * (scripts/run-notebooks.sh: every notebook executed into a temporary folder, failing on any
 * error, then the committed copies checked for stripped outputs). Skipped, saying why, only
 * when Jupyter is not installed on this machine; CI (.ci/run) installs it.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const python = process.env.PYTHON ?? "/usr/bin/python3";
const jupyter = spawnSync(python, ["-m", "jupyter", "nbconvert", "--version"], { encoding: "utf8" }).status === 0;

describe("notebooks", () => {
  if (!jupyter) {
    it.skip(`run headless: skipped because ${python} -m jupyter nbconvert is not installed (apt-get install -y jupyter-notebook jupyter-nbconvert python3-ipykernel)`, () => {});
    return;
  }
  it("every notebook executes without an error, and the committed notebooks are stripped", () => {
    const run = spawnSync("bash", [path.join(root, "scripts/run-notebooks.sh")], { cwd: root, encoding: "utf8", env: { ...process.env, PYTHON: python } });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stdout).toMatch(/notebooks: ok/);
  }, 900_000);
});
