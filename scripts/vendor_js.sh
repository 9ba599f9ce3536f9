#!/usr/bin/env bash
# Vendor the explorer's JavaScript libraries into src/newsgraph/web/static/vendor/, with their licences.
# Run by a maintainer when a version changes; the app itself never fetches anything at run time.
#   scripts/vendor_js.sh
set -euo pipefail
cd "$(dirname "$0")/.."
CYTOSCAPE=3.35.0
VIS_TIMELINE=8.5.4
WORLD_ATLAS=2.0.2   # the map page's basemap: Natural Earth 1:110m country outlines as TopoJSON
D3_GEO=3.1.2
D3_ARRAY=3.2.4      # d3-geo's one dependency
TOPOJSON_CLIENT=3.1.0
out=src/newsgraph/web/static/vendor
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
npm install --prefix "$tmp" --no-audit --no-fund --silent "cytoscape@$CYTOSCAPE" "vis-timeline@$VIS_TIMELINE" \
  "world-atlas@$WORLD_ATLAS" "d3-geo@$D3_GEO" "d3-array@$D3_ARRAY" "topojson-client@$TOPOJSON_CLIENT"
mkdir -p "$out"
cp "$tmp/node_modules/cytoscape/dist/cytoscape.min.js" "$out/"
cp "$tmp/node_modules/cytoscape/LICENSE" "$out/cytoscape.LICENSE.txt"
cp "$tmp/node_modules/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js" "$out/"
cp "$tmp/node_modules/vis-timeline/styles/vis-timeline-graph2d.min.css" "$out/"
cp "$tmp/node_modules/vis-timeline/LICENSE.MIT.txt" "$out/vis-timeline.LICENSE-MIT.txt"
cp "$tmp/node_modules/vis-timeline/LICENSE.Apache-2.0.txt" "$out/vis-timeline.LICENSE-APACHE-2.0.txt"
cp "$tmp/node_modules/world-atlas/countries-110m.json" "$out/world-atlas-countries-110m.json"
cp "$tmp/node_modules/world-atlas/LICENSE" "$out/world-atlas.LICENSE.txt"
for lib in d3-geo d3-array topojson-client; do
  cp "$tmp/node_modules/$lib/dist/$lib.min.js" "$out/"
  cp "$tmp/node_modules/$lib/LICENSE" "$out/$lib.LICENSE.txt"
done
printf 'cytoscape %s\nvis-timeline %s\nworld-atlas %s (countries-110m.json: Natural Earth 1:110m, public domain)\nd3-geo %s\nd3-array %s\ntopojson-client %s\n' \
  "$CYTOSCAPE" "$VIS_TIMELINE" "$WORLD_ATLAS" "$D3_GEO" "$D3_ARRAY" "$TOPOJSON_CLIENT" > "$out/VERSIONS"
ls -l "$out"
