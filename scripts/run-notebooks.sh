#!/usr/bin/env bash
# Execute every notebook in notebooks/ headless, as `npm test` does (test/notebooks), and fail
# on any error. The tslab kernel is installed into a temporary prefix and the executed copies
# are written to a temporary folder: the committed notebooks are never rewritten. Then check
# that the committed notebooks have their outputs stripped (`npm run notebooks:strip` strips them).
#
#   bash scripts/run-notebooks.sh                      # every notebook
#   bash scripts/run-notebooks.sh footprint-sufficiency # some of them (names without .ipynb)
#   KEEP=DIR bash scripts/run-notebooks.sh             # keep the executed copies in DIR
#
# Needs Debian's Jupyter: apt-get install -y jupyter-notebook jupyter-nbconvert python3-ipykernel
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
python=${PYTHON:-/usr/bin/python3}
if ! "$python" -m jupyter nbconvert --version >/dev/null 2>&1; then
  echo "Jupyter is not installed ($python -m jupyter nbconvert): apt-get install -y jupyter-notebook jupyter-nbconvert python3-ipykernel" >&2
  exit 3
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=${KEEP:-$work/out}
mkdir -p "$out"
PYTHON="$python" bash scripts/setup-notebooks.sh --prefix "$work/kernel"
export JUPYTER_PATH="$work/kernel/share/jupyter"
# Jupyter's runtime and config files go to the temporary folder, not to the user's home.
export JUPYTER_RUNTIME_DIR="$work/runtime" JUPYTER_CONFIG_DIR="$work/config" IPYTHONDIR="$work/ipython"

if [ $# -gt 0 ]; then names=("$@"); else names=(); for f in notebooks/*.ipynb; do names+=("$(basename "$f" .ipynb)"); done; fi
failed=0
for name in "${names[@]}"; do
  nb="notebooks/$name.ipynb"
  [ -f "$nb" ] || { echo "no notebook $nb" >&2; failed=1; continue; }
  started=$(date +%s%N)
  # --execute stops at the first cell that raises (or whose TypeScript does not compile) and exits non-zero.
  if (cd notebooks && "$python" -m jupyter nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name=tslab \
      --ExecutePreprocessor.timeout=300 --output-dir "$out" "$name.ipynb" >"$work/$name.log" 2>&1); then
    awk -v n="$name" -v a="$started" -v b="$(date +%s%N)" 'BEGIN { printf "ok    %-32s %5.1f s\n", n, (b - a) / 1e9 }'
  else
    printf 'FAIL  %-32s (nbconvert output below)\n' "$name"
    grep -v -e MissingIDFieldWarning -e '  validate(nb)' "$work/$name.log" | tail -n 40 >&2
    failed=1
  fi
done
node scripts/check-notebooks-stripped.mjs || failed=1
[ "$failed" = 0 ] && echo "notebooks: ok (${#names[@]} executed into $out)"
exit "$failed"
