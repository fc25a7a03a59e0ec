#!/usr/bin/env bash
# Make the notebooks in notebooks/ runnable: compile the toolkit (dist/), link it as the
# package `sufficiency-toolkit` for the notebooks (notebooks/node_modules/sufficiency-toolkit
# -> the repository root, so `import ... from "sufficiency-toolkit"` loads the built package
# as it would for anyone who ran `npm install sufficiency-toolkit`), and install the tslab
# TypeScript kernel for Jupyter.
#
#   bash scripts/setup-notebooks.sh              # kernel into your own Jupyter (per-user, or system-wide as root)
#   bash scripts/setup-notebooks.sh --prefix DIR # kernel into DIR/share/jupyter (use JUPYTER_PATH=DIR/share/jupyter)
#
# Needs Jupyter: on Debian `apt-get install -y jupyter-notebook jupyter-nbconvert python3-ipykernel`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
python=${PYTHON:-/usr/bin/python3}
[ -x "$python" ] || python=$(command -v python3)
npm run build --silent
mkdir -p notebooks/node_modules
ln -sfn ../.. notebooks/node_modules/sufficiency-toolkit
if [ "${1:-}" = "--prefix" ]; then
  [ -n "${2:-}" ] || { echo "usage: $0 [--prefix DIR]" >&2; exit 2; }
  "$root/node_modules/.bin/tslab" install --python "$python" --binary "$root/node_modules/.bin/tslab" --prefix "$2" >/dev/null
else
  "$root/node_modules/.bin/tslab" install --python "$python" --binary "$root/node_modules/.bin/tslab"
fi
