#!/usr/bin/env bash
# Vendor the explorer's JavaScript libraries into src/newsgraph/web/static/vendor/, with their licences.
# Run by a maintainer when a version changes; the app itself never fetches anything at run time.
#   scripts/vendor_js.sh
set -euo pipefail
cd "$(dirname "$0")/.."
CYTOSCAPE=3.35.0
VIS_TIMELINE=8.5.4
out=src/newsgraph/web/static/vendor
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
npm install --prefix "$tmp" --no-audit --no-fund --silent "cytoscape@$CYTOSCAPE" "vis-timeline@$VIS_TIMELINE"
mkdir -p "$out"
cp "$tmp/node_modules/cytoscape/dist/cytoscape.min.js" "$out/"
cp "$tmp/node_modules/cytoscape/LICENSE" "$out/cytoscape.LICENSE.txt"
cp "$tmp/node_modules/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js" "$out/"
cp "$tmp/node_modules/vis-timeline/styles/vis-timeline-graph2d.min.css" "$out/"
cp "$tmp/node_modules/vis-timeline/LICENSE.MIT.txt" "$out/vis-timeline.LICENSE-MIT.txt"
cp "$tmp/node_modules/vis-timeline/LICENSE.Apache-2.0.txt" "$out/vis-timeline.LICENSE-APACHE-2.0.txt"
printf 'cytoscape %s\nvis-timeline %s\n' "$CYTOSCAPE" "$VIS_TIMELINE" > "$out/VERSIONS"
ls -l "$out"
