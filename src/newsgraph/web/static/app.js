// newsgraph explorer: the graph (Cytoscape.js), the timeline (vis-timeline) and the map (d3-geo over the
// vendored Natural Earth outlines of world-atlas, no tile server), fed by JSON blocks on the page.
// Data comes in <script type="application/json"> elements and is only ever used as data (no HTML is built
// from it); links are built from names with encodeURIComponent.
(function () {
  "use strict";
  function readJson(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }
  var COLOURS = { PERSON: "#e0a030", ORG: "#1f5fbf", GPE: "#2a8a2a", LOC: "#2a8a2a", NORP: "#8a2a8a" };

  function drawGraph() {
    var box = document.getElementById("graph");
    var data = readJson("graph-data");
    if (!box || !data || typeof cytoscape === "undefined") return;
    var center = box.getAttribute("data-center") || "";
    var maxDocs = 1;
    data.edges.forEach(function (e) { maxDocs = Math.max(maxDocs, e.documents); });
    var elements = data.nodes.map(function (n) {
      return { data: { id: n.name, label: n.name, type: n.type, docs: n.documents, center: n.name === center ? 1 : 0 } };
    }).concat(data.edges.map(function (e, i) {
      return { data: { id: "e" + i, source: e.source, target: e.target, w: e.documents,
                       kinds: Object.keys(e.kinds || {}).join(", ") } };
    }));
    var layout = center
      ? { name: "concentric", animate: false, minNodeSpacing: 30, avoidOverlap: true,
          concentric: function (n) { return n.data("center") ? 1000 : n.degree(); },
          levelWidth: function () { return 4; } }
      : { name: "cose", animate: false, randomize: true, nodeRepulsion: 400000, idealEdgeLength: 120,
          nodeOverlap: 20, numIter: 1000 };
    var cy = cytoscape({
      container: box, elements: elements, wheelSensitivity: 0.3, maxZoom: 1.4, minZoom: 0.1,
      style: [
        { selector: "node", style: { "label": "data(label)", "font-size": 13, "text-valign": "bottom", "text-margin-y": 3,
            "background-color": function (n) { return COLOURS[n.data("type")] || "#888"; },
            "width": function (n) { return 10 + Math.min(30, Math.sqrt(n.data("docs") || 1) * 3); },
            "height": function (n) { return 10 + Math.min(30, Math.sqrt(n.data("docs") || 1) * 3); },
            "text-background-color": "#fff", "text-background-opacity": 0.7, "text-background-padding": 1 } },
        { selector: "node[center = 1]", style: { "border-width": 3, "border-color": "#a01616", "font-weight": "bold" } },
        { selector: "edge", style: { "line-color": "#9aa3b0", "opacity": 0.7, "curve-style": "haystack",
            "width": function (e) { return 1 + 5 * (e.data("w") / maxDocs); } } }
      ],
      layout: layout
    });
    cy.on("tap", "node", function (evt) {
      window.location.href = "/actor/" + encodeURIComponent(evt.target.id());
    });
    box.setAttribute("data-ready", String(cy.nodes().length));
    window.newsgraphGraph = cy;
  }

  function drawTimeline() {
    var box = document.getElementById("timeline");
    var items = readJson("timeline-data");
    if (!box || !items || !items.length || typeof vis === "undefined") return;
    var data = new vis.DataSet(items.map(function (i, n) {
      return { id: n, content: String(i.content), start: i.start, title: String(i.content) + " " + i.start, ref: i.id,
               className: i.kind === "quote" ? "quote-item" : "event-item" };
    }));
    var tl = new vis.Timeline(box, data, { stack: true, maxHeight: 320, zoomKey: "ctrlKey", zoomMin: 864000000, xss: { disabled: false } });
    tl.on("select", function (props) {
      var item = data.get(props.items[0]);
      if (item && String(item.ref).indexOf("event-") === 0) {
        window.location.href = "/event/" + encodeURIComponent(String(item.ref).slice(6));
      }
    });
    box.setAttribute("data-ready", String(items.length));
  }

  var SVG = "http://www.w3.org/2000/svg";
  function svgEl(name, attrs) {
    var el = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { el.setAttribute(k, String(attrs[k])); });
    return el;
  }

  function drawMap() {
    var box = document.getElementById("map");
    var places = readJson("map-data");
    if (!box || !places || typeof d3 === "undefined" || typeof topojson === "undefined") return;
    var chosen = box.getAttribute("data-chosen") || "";
    fetch("/static/vendor/world-atlas-countries-110m.json").then(function (r) { return r.json(); }).then(function (world) {
      var width = box.clientWidth || 960, height = Math.round(width * 0.52);
      var countries = topojson.feature(world, world.objects.countries);
      var projection = d3.geoNaturalEarth1().fitSize([width, height], { type: "Sphere" });
      var path = d3.geoPath(projection);
      var svg = svgEl("svg", { viewBox: "0 0 " + width + " " + height, width: width, height: height, role: "img",
                               "aria-label": "map of the located places" });
      svg.appendChild(svgEl("path", { d: path({ type: "Sphere" }), class: "sphere" }));
      svg.appendChild(svgEl("path", { d: path(countries), class: "land" }));
      svg.appendChild(svgEl("path", { d: path(topojson.mesh(world, world.objects.countries, function (a, b) { return a !== b; })),
                                      class: "borders" }));
      var maxEvents = 1;
      places.forEach(function (p) { maxEvents = Math.max(maxEvents, p.events); });
      var drawn = 0;
      places.slice().sort(function (a, b) { return b.events - a.events; }).forEach(function (p) {
        var xy = projection([p.lon, p.lat]);
        if (!xy) return;
        var r = 3 + 17 * Math.sqrt(p.events / maxEvents);
        var dot = svgEl("circle", { cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: r.toFixed(1),
                                    class: "place" + (p.name === chosen ? " chosen" : "") });
        dot.setAttribute("data-name", p.name);
        var title = document.createElementNS(SVG, "title");
        title.textContent = p.name + ": " + p.events + " event(s), " + p.actors + " actor(s)";
        dot.appendChild(title);
        dot.addEventListener("click", function () {
          window.location.href = "/map?place=" + encodeURIComponent(p.name) + "#place";
        });
        svg.appendChild(dot);
        drawn += 1;
      });
      box.appendChild(svg);
      box.setAttribute("data-ready", String(drawn));
    });
  }

  function flashOffset() {
    var m = /^#c(\d+)$/.exec(window.location.hash);
    if (!m) return;
    var el = document.querySelector('#text [data-start="' + m[1] + '"]');
    if (el) { el.scrollIntoView({ block: "center" }); el.classList.add("flash"); }
  }

  document.addEventListener("DOMContentLoaded", function () { drawGraph(); drawTimeline(); drawMap(); flashOffset(); });
})();
