/* vn-policy-kg views: draws the embedded graph with vis-network, offline.
 * All document text arrives as JSON and goes into the DOM through textContent only, never innerHTML. */
(function () {
  "use strict";

  var LANG_KEY = "kg-viz-lang";
  var FONT_PX = 14;
  var MIN_SCALE = 0.8;  /* labels stay at least FONT_PX * MIN_SCALE ≈ 11 px on screen at first sight */
  var MARGIN = 40;
  var ATTRS = ["placeholder", "aria-label", "title"];  /* attributes translated like text (data-<attr>-vi/en) */
  var state = { lang: "vi", highlighted: [], selected: null, drawn: false };

  /* Same folding as kg.textutil.fold + kg.viz.search.norm: NFC, Ð/đ to d, strip marks, lower, punctuation. */
  function fold(s) {
    s = String(s).normalize("NFC").replace(/[\u0110\u00d0]/g, "D").replace(/[\u0111\u00f0]/g, "d");
    return s.normalize("NFD").replace(/\p{Mn}/gu, "").toLowerCase();
  }
  function norm(s) { return fold(s).replace(/[^a-z0-9]+/g, " ").trim(); }
  function matches(query, keys) {
    var q = norm(query);
    if (!q) { return false; }
    var compact = q.replace(/ /g, "");
    return keys.some(function (k) { return k.indexOf(q) >= 0 || k.replace(/ /g, "").indexOf(compact) >= 0; });
  }

  /* Ranking, the same rule as kg.present.views.search.rank_of / ranked (tests check both on the same
   * queries): the document number > the whole name > every word a word of the keys > every word the start of one > a
   * substring; ties by lineage tier, then the Vietnamese name, then the id. */
  var NUMBER = 0, NAME = 1, ALL_TOKENS = 2, PREFIX = 3, SUBSTRING = 4;
  function tokensOf(keys) {
    var have = {};
    keys.forEach(function (k) { k.split(" ").forEach(function (w) { if (w) { have[w] = true; } }); });
    return have;
  }
  function joined(words, have) {
    var out = [], i = 0;
    while (i < words.length) {
      if (have[words[i]] !== true && i + 1 < words.length && have[words[i] + words[i + 1]] === true) {
        out.push(words[i] + words[i + 1]); i += 2;
      } else {
        out.push(words[i]); i += 1;
      }
    }
    return out;
  }
  function numberHit(q, words, number, have) {
    if (q.replace(/ /g, "") === number.replace(/ /g, "")) { return true; }
    var lead = number.split(" ")[0];
    return /^[0-9]+$/.test(lead) && words.indexOf(lead) >= 0 && words.every(function (w) { return have[w] === true; });
  }
  function rankOf(query, n) {
    var q = norm(query);
    if (!q) { return null; }
    if (!n.searchTokens) { n.searchTokens = tokensOf(n.search); }  /* keys never change: split them once */
    var have = n.searchTokens;
    var words = joined(q.split(" "), have);
    if (n.number && numberHit(q, words, n.number, have)) { return NUMBER; }
    var compact = q.replace(/ /g, "");
    if (compact === norm(n.full_vi || "").replace(/ /g, "")) { return NAME; }
    if (words.every(function (w) { return have[w] === true; }) ||
        n.search.some(function (k) { return k.replace(/ /g, "") === compact; })) { return ALL_TOKENS; }
    var all = Object.keys(have);
    if (words.every(function (w) { return all.some(function (t) { return t.indexOf(w) === 0; }); })) { return PREFIX; }
    return matches(q, n.search) ? SUBSTRING : null;
  }
  function cmp(a, b) { return a < b ? -1 : (a > b ? 1 : 0); }
  function ranked(query, nodes) {
    var hits = [];
    nodes.forEach(function (n) { var r = rankOf(query, n); if (r !== null) { hits.push([r, n]); } });
    hits.sort(function (a, b) {
      return (a[0] - b[0]) || (a[1].search_tier - b[1].search_tier) || cmp(norm(a[1].full_vi), norm(b[1].full_vi)) ||
        cmp(a[1].full_vi, b[1].full_vi) || cmp(a[1].id, b[1].id);
    });
    return hits.map(function (h) { return h[1]; });
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function readJson(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }
  function pick(obj) { return state.lang === "en" ? obj.en : obj.vi; }
  /* Vietnamese shown in English mode (a number, a quote, a task's text): lang="vi" for readers and screen
   * readers, and a visible mark saying it is the original, not a translation. */
  function original(node) {
    node.setAttribute("lang", "vi");
    if (state.lang === "en") {
      node.appendChild(document.createTextNode(" "));
      node.appendChild(el("abbr", { "class": "orig", title: "original language: Vietnamese" }, "VI"));
    }
    return node;
  }
  function valueCell(tag, f) {
    var cell = el(tag, {}, state.lang === "en" ? f[2] : f[1]);
    return f[3] ? original(cell) : cell;
  }

  /* ---- language ------------------------------------------------------------------------------- */
  function loadLang() {
    try { state.lang = window.localStorage.getItem(LANG_KEY) === "en" ? "en" : "vi"; } catch (e) { state.lang = "vi"; }
  }
  function applyLang() {
    document.documentElement.lang = state.lang;
    document.querySelectorAll("[data-vi][data-en]").forEach(function (n) {
      if (n.tagName === "INPUT") { return; }
      n.textContent = n.getAttribute("data-" + state.lang);
    });
    ATTRS.forEach(function (attr) {
      document.querySelectorAll("[data-" + attr + "-vi]").forEach(function (n) {
        n.setAttribute(attr, n.getAttribute("data-" + attr + "-" + state.lang));
      });
    });
    var button = document.getElementById("lang-toggle");
    if (button) { button.textContent = state.lang === "vi" ? "EN" : "VI"; }
    if (graph) { graph.relabel(); } else { runSearch(); }  /* the index page's result list, relabelled */
    if (sourceView) { sourceView.render(); }
  }
  function toggleLang() {
    state.lang = state.lang === "vi" ? "en" : "vi";
    try { window.localStorage.setItem(LANG_KEY, state.lang); } catch (e) { /* file:// may forbid storage */ }
    applyLang();
  }

  /* ---- graph pages ---------------------------------------------------------------------------- */
  var graph = null;
  var sourceView = null;

  function Graph(data, root) {
    var self = this;
    this.data = data;
    this.root = root;
    this.byId = {};
    data.nodes.forEach(function (n) { self.byId[n.id] = n; });
    this.edgesById = {};
    data.edges.forEach(function (e) { self.edgesById[e.id] = e; });
    this.edgeOf = {};  /* waypoint or segment id → the edge it draws */
    this.segmentIds = {};
    var visNodes = data.nodes.map(function (n) { return self.visNode(n); });
    var visEdges = [];
    data.edges.forEach(function (e) {
      var drawn = self.segments(e);
      drawn.nodes.forEach(function (w) { visNodes.push(w); });
      drawn.edges.forEach(function (s) { visEdges.push(s); });
    });
    this.nodes = new vis.DataSet(visNodes);
    this.edges = new vis.DataSet(visEdges);
    this.filters = { kinds: {}, roles: {}, province: "", field: "" };
    this.nodeView = new vis.DataView(this.nodes, { filter: function (n) { return self.keepDrawn(n.id); } });
    this.edgeView = new vis.DataView(this.edges, {
      filter: function (e) { return self.keepEdge(self.edgesById[self.edgeOf[e.id] || e.id]); }
    });
    var container = document.getElementById("graph");
    this.network = new vis.Network(container, { nodes: this.nodeView, edges: this.edgeView }, {
      physics: false,
      layout: { improvedLayout: false, randomSeed: 1 },
      interaction: { hover: true, tooltipDelay: 120, hideEdgesOnDrag: data.nodes.length > 400 },
      nodes: { font: { size: FONT_PX, face: "sans-serif" }, borderWidth: 1 },
      edges: { smooth: false, arrows: { to: { scaleFactor: 0.6 } } }
    });
    this.network.on("click", function (p) {
      if (p.nodes.length && self.edgeOf[p.nodes[0]]) { self.showEdge(self.edgeOf[p.nodes[0]]); }
      else if (p.nodes.length) { self.showNode(p.nodes[0]); }
      else if (p.edges.length) { self.showEdge(self.edgeOf[p.edges[0]] || p.edges[0]); }
    });
    this.network.on("doubleClick", function (p) {
      var n = p.nodes.length ? self.byId[p.nodes[0]] : null;
      if (n && n.page) { window.location.href = self.root + n.page; }
    });
    if (data.focus && this.byId[data.focus]) { this.network.selectNodes([data.focus]); }
    this.network.on("afterDrawing", function () { state.drawn = true; });
    /* Physics is off, so nothing would trigger the first fit and draw: ask for them once the page is laid out. */
    window.requestAnimationFrame(function () { self.initialView(); self.network.redraw(); });
  }

  /* Fit the whole graph, but never below MIN_SCALE: a big graph then opens readable at its top (or at the
   * page's focus) and the rest is a scroll or drag away. */
  Graph.prototype.initialView = function () {
    this.network.fit({ animation: false });
    if (this.network.getScale() >= MIN_SCALE || !this.data.nodes.length) { return; }
    var box = this.bounds();
    var canvas = document.getElementById("graph");
    var halfW = canvas.clientWidth / MIN_SCALE / 2, halfH = canvas.clientHeight / MIN_SCALE / 2;
    var x = (box.x0 + box.x1) / 2, y = box.y0 - MARGIN + halfH;
    if (box.x1 - box.x0 + 2 * MARGIN > 2 * halfW) { x = box.x0 - MARGIN + halfW; }
    this.network.moveTo({ position: { x: x, y: y }, scale: MIN_SCALE, animation: false });
  };
  /* The drawn extent of the nodes: their boxes, not their centres (a wide label at the left edge was cut). */
  Graph.prototype.bounds = function () {
    var box = { x0: Infinity, x1: -Infinity, y0: Infinity, y1: -Infinity }, net = this.network;
    this.data.nodes.forEach(function (n) {
      var b = net.getBoundingBox(n.id) || { left: n.x, right: n.x, top: n.y, bottom: n.y };
      box.x0 = Math.min(box.x0, b.left); box.x1 = Math.max(box.x1, b.right);
      box.y0 = Math.min(box.y0, b.top); box.y1 = Math.max(box.y1, b.bottom);
    });
    return box;
  };

  Graph.prototype.label = function (n) { return state.lang === "en" ? n.label_en : n.label_vi; };
  /* The label in full (the canvas shows a shortened one): tooltips, details, search results, neighbours. */
  Graph.prototype.fullLabel = function (n) {
    return (state.lang === "en" ? n.full_en : n.full_vi) || this.label(n);
  };
  Graph.prototype.visNode = function (n) {
    var v = { id: n.id, label: this.label(n), x: n.x, y: n.y, shape: n.shape, color: n.color, size: n.size,
              physics: false, title: this.tooltip(n.facts, n.evidence, this.fullLabel(n)) };
    if (n.shapeProperties) { v.shapeProperties = n.shapeProperties; }
    if (n.font) { v.font = n.font; }
    if (n.id === this.data.focus) {
      v.borderWidth = 4;
      v.font = { size: FONT_PX + 3, bold: true, color: (n.font && n.font.color) || "#1d1d1f" };
    }
    return v;
  };
  Graph.prototype.visEdge = function (e) {
    var rel = this.data.relations[e.relation] || { vi: e.relation, en: e.relation };
    return { id: e.id, from: e.from, to: e.to, color: e.color, dashes: e.dashes, width: e.width, arrows: e.arrows,
             smooth: e.smooth || false, title: this.tooltip(e.facts, e.evidence, pick(rel)) };
  };

  /* A routed edge: vis-network edges cannot bend, so it is drawn as straight segments through invisible
   * waypoint nodes at the bends the layout chose (kg.present.views.layout: no segment crosses a node); only
   * the last segment carries the arrow. */
  Graph.prototype.segments = function (e) {
    var self = this;
    var whole = this.visEdge(e);
    if (!e.via || !e.via.length) { this.segmentIds[e.id] = [e.id]; return { nodes: [], edges: [whole] }; }
    var ids = e.via.map(function (p, j) { return e.id + "~" + j; });
    var stops = [e.from].concat(ids, [e.to]);
    var nodes = e.via.map(function (p, j) {
      self.edgeOf[ids[j]] = e.id;
      return { id: ids[j], x: p[0], y: p[1], shape: "dot", size: 1, physics: false, fixed: true, borderWidth: 0,
               color: { background: e.color, border: e.color, highlight: e.color, hover: e.color } };
    });
    var edges = [];
    for (var j = 0; j + 1 < stops.length; j++) {
      var seg = Object.assign({}, whole, { id: e.id + "~s" + j, from: stops[j], to: stops[j + 1] });
      if (j + 2 < stops.length) { seg.arrows = { to: { enabled: false } }; }
      self.edgeOf[seg.id] = e.id;
      edges.push(seg);
    }
    this.segmentIds[e.id] = edges.map(function (s) { return s.id; });
    return { nodes: nodes, edges: edges };
  };

  /* A tooltip is a DOM element built with textContent, so vis-network never parses document text as HTML. */
  Graph.prototype.tooltip = function (facts, evidence, heading) {
    var box = el("div", { "class": "tip" });
    box.appendChild(el("strong", {}, heading));
    var self = this;
    facts.forEach(function (f) {
      var row = el("div", { "class": "tip-row" });
      row.appendChild(el("span", { "class": "tip-key" }, self.factName(f[0]) + ": "));
      row.appendChild(valueCell("span", f));
      box.appendChild(row);
    });
    if (evidence.length) { box.appendChild(original(el("div", { "class": "tip-quote" }, "“" + evidence[0].quote + "”"))); }
    return box;
  };
  Graph.prototype.factName = function (key) {
    var names = this.data.facts[key];
    return names ? (state.lang === "en" ? names[1] : names[0]) : key;
  };

  Graph.prototype.relabel = function () {
    var self = this;
    this.nodes.update(this.data.nodes.map(function (n) {
      return { id: n.id, label: self.label(n), title: self.tooltip(n.facts, n.evidence, self.fullLabel(n)) };
    }));
    var titles = [];
    this.data.edges.forEach(function (e) {
      var title = self.visEdge(e).title;
      self.segmentIds[e.id].forEach(function (id) { titles.push({ id: id, title: title }); });
    });
    this.edges.update(titles);
    this.buildLegend();
    this.buildFilters();
    if (this.shown) { this.shown(); }
    runSearch();
  };

  /* ---- filters -------------------------------------------------------------------------------- */
  Graph.prototype.keepNode = function (n) {
    if (!n) { return false; }
    if (n.id === this.data.focus) { return true; }
    if (this.filters.kinds[n.kind] === false) { return false; }
    if (this.filters.province && n.province && n.province !== this.filters.province) { return false; }
    if (this.filters.field && n.fields.length && n.fields.indexOf(this.filters.field) < 0) { return false; }
    return true;
  };
  /* A waypoint is drawn while its edge and both the edge's ends are. */
  Graph.prototype.keepDrawn = function (id) {
    var edge = this.edgeOf[id] && this.edgesById[this.edgeOf[id]];
    if (!edge) { return this.keepNode(this.byId[id]); }
    return this.keepEdge(edge) && this.keepNode(this.byId[edge.from]) && this.keepNode(this.byId[edge.to]);
  };
  Graph.prototype.keepEdge = function (e) {
    return !(e && this.filters.roles[e.relation] === false);
  };
  Graph.prototype.refresh = function () { this.nodeView.refresh(); this.edgeView.refresh(); };

  Graph.prototype.checkbox = function (box, key, name, table) {
    var self = this;
    var label = el("label", { "class": "check" });
    var input = el("input", { type: "checkbox", "data-key": key });
    input.checked = table[key] !== false;
    input.addEventListener("change", function () { table[key] = input.checked; self.refresh(); });
    label.appendChild(input);
    label.appendChild(el("span", {}, name));
    box.appendChild(label);
  };
  Graph.prototype.buildFilters = function () {
    var self = this;
    var kinds = document.getElementById("filter-kind");
    var roles = document.getElementById("filter-role");
    [kinds, roles].forEach(function (box) {
      while (box.children.length > 1) { box.removeChild(box.lastChild); }
    });
    Object.keys(this.data.kinds).forEach(function (k) {
      self.checkbox(kinds, k, pick(self.data.kinds[k]), self.filters.kinds);
    });
    Object.keys(this.data.relations).forEach(function (r) {
      if (self.data.roles.indexOf(r) >= 0) { self.checkbox(roles, r, pick(self.data.relations[r]), self.filters.roles); }
    });
    roles.hidden = roles.children.length <= 1;
  };
  Graph.prototype.bindSelects = function () {
    var self = this;
    document.getElementById("filter-province").addEventListener("change", function (ev) {
      self.filters.province = ev.target.value; self.refresh();
    });
    document.getElementById("filter-field").addEventListener("change", function (ev) {
      self.filters.field = ev.target.value; self.refresh();
    });
  };

  Graph.prototype.buildLegend = function () {
    var legend = document.getElementById("legend");
    legend.textContent = "";
    var data = this.data;
    Object.keys(data.kinds).forEach(function (k) {
      var item = el("li", { "data-kind": k });
      var swatch = el("span", { "class": "swatch shape-" + data.kinds[k].shape });
      swatch.style.background = data.kinds[k].color;
      item.appendChild(swatch);
      item.appendChild(el("span", {}, pick(data.kinds[k])));
      legend.appendChild(item);
    });
    Object.keys(data.relations).forEach(function (r) {
      var item = el("li", { "data-relation": r });
      var line = el("span", { "class": "line" + (data.relations[r].dashes ? " dashed" : "") });
      line.style.borderColor = data.relations[r].color;
      item.appendChild(line);
      item.appendChild(el("span", {}, pick(data.relations[r])));
      legend.appendChild(item);
    });
  };

  /* ---- details panel -------------------------------------------------------------------------- */
  function quoteBlock(ev, root) {
    var block = el("blockquote", { "class": "quote", lang: "vi" });
    if (ev.before) { block.appendChild(document.createTextNode("…" + ev.before)); }
    block.appendChild(el("mark", {}, ev.quote));
    if (ev.after) { block.appendChild(document.createTextNode(ev.after + "…")); }
    var wrap = el("div", { "class": "evidence" });
    wrap.appendChild(block);
    if (state.lang === "en") { wrap.appendChild(original(el("span", { "class": "orig-note" }, "Quote"))); }
    if (ev.source) {
      var a = el("a", { href: root + ev.source, "class": "source-link" },
                 (state.lang === "en" ? "Open in source text" : "Mở trong văn bản nguồn") + " (" + ev.file + ")");
      wrap.appendChild(a);
    }
    return wrap;
  }

  Graph.prototype.panel = function (title, facts, evidence, extra) {
    var body = document.getElementById("details-body");
    body.textContent = "";
    var heading = body.appendChild(el("h2", {}, title));
    if (this.titleOriginal) { original(heading); }
    var table = el("table", { "class": "facts" });
    var self = this;
    facts.forEach(function (f) {
      var row = el("tr");
      row.appendChild(el("th", {}, self.factName(f[0])));
      row.appendChild(valueCell("td", f));
      table.appendChild(row);
    });
    body.appendChild(table);
    if (evidence.length) {
      body.appendChild(el("h3", {}, state.lang === "en" ? "Source quote" : "Trích dẫn nguồn"));
      evidence.forEach(function (ev) { body.appendChild(quoteBlock(ev, self.root)); });
    }
    if (extra) { extra(body); }
    document.getElementById("details").hidden = false;
  };

  Graph.prototype.showNode = function (id) {
    var n = this.byId[id];
    if (!n) { return; }
    var self = this;
    state.selected = id;
    this.shown = function () { self.showNode(id); };
    var kind = this.data.kinds[n.kind] ? pick(this.data.kinds[n.kind]) : n.kind;
    this.titleOriginal = !!n.en_original;
    this.panel(this.fullLabel(n), n.facts.length ? n.facts : [["type", kind, kind]], n.evidence, function (body) {
      if (n.page && n.id !== self.data.focus) {
        body.appendChild(el("a", { href: self.root + n.page, "class": "button own-page" },
                            state.lang === "en" ? "Open its page" : "Mở trang riêng"));
      }
      self.neighbourList(body, id);
    });
  };

  Graph.prototype.showEdge = function (id) {
    var e = this.edgesById[id];
    if (!e) { return; }
    var self = this;
    this.shown = function () { self.showEdge(id); };
    var rel = this.data.relations[e.relation] || { vi: e.relation, en: e.relation };
    var title = this.fullLabel(this.byId[e.from]) + " → " + this.fullLabel(this.byId[e.to]);
    this.titleOriginal = false;
    this.panel(pick(rel) + ": " + title, e.facts, e.evidence, null);
  };

  Graph.prototype.neighbourList = function (body, id) {
    var self = this;
    var items = [];
    this.data.edges.forEach(function (e) {
      var other = e.from === id ? e.to : (e.to === id ? e.from : null);
      if (other !== null) { items.push([e.relation, e.from === id ? "→" : "←", self.byId[other]]); }
    });
    if (!items.length) { return; }
    body.appendChild(el("h3", {}, state.lang === "en" ? "Neighbours" : "Liên kết"));
    var list = el("ul", { "class": "neighbours" });
    items.forEach(function (it) {
      var li = el("li");
      var rel = self.data.relations[it[0]];
      li.appendChild(el("span", { "class": "rel" }, it[1] + " " + (rel ? pick(rel) : it[0]) + ": "));
      var n = it[2];
      if (n.page) {
        li.appendChild(el("a", { href: self.root + n.page }, self.fullLabel(n)));
      } else {
        var b = el("button", { type: "button", "class": "linklike" }, self.fullLabel(n));
        b.addEventListener("click", function () { self.focusOn([n.id]); self.showNode(n.id); });
        li.appendChild(b);
      }
      list.appendChild(li);
    });
    body.appendChild(list);
  };

  /* ---- search ----------------------------------------------------------------------------------- */
  Graph.prototype.focusOn = function (ids) {
    this.network.selectNodes(ids.filter(function (i) { return true; }));
    this.network.fit({ nodes: ids, animation: false });
    if (ids.length === 1) { this.network.moveTo({ position: this.network.getPositions(ids)[ids[0]], scale: 1.0 }); }
  };
  Graph.prototype.highlight = function (ids) {
    var self = this;
    var previous = state.highlighted;
    state.highlighted = ids.slice();
    this.nodes.update(previous.map(function (id) {
      var n = self.byId[id];
      return { id: id, color: n.color, borderWidth: id === self.data.focus ? 4 : 1, font: self.visNode(n).font || {} };
    }));
    this.nodes.update(ids.map(function (id) {  /* dark text on the yellow highlight, whatever the fill was */
      return { id: id, color: { background: "#ffe600", border: "#d40000" }, borderWidth: 4, font: { color: "#1d1d1f" } };
    }));
  };
  Graph.prototype.search = function (query) {
    var self = this;
    var hits = ranked(query, this.data.nodes);
    this.highlight(hits.map(function (n) { return n.id; }));
    var list = document.getElementById("search-results");
    list.textContent = "";
    hits.slice(0, PAGE_HITS).forEach(function (n) {
      var li = el("li", { "data-id": n.id });
      var b = el("button", { type: "button", "class": "linklike result" }, self.fullLabel(n));
      if (n.en_original) { original(b); }
      b.addEventListener("click", function () { self.pick(n.id); });
      li.appendChild(b);
      var kind = self.data.kinds[n.kind];
      if (kind) { li.appendChild(el("span", { "class": "kind" }, " · " + pick(kind))); }
      list.appendChild(li);
    });
    var elsewhere = appendSiteHits(list, query, this.byId, this.root);
    if (query && !hits.length && !elsewhere) { noMatch(list); }
    if (hits.length) { this.focusOn(hits.map(function (n) { return n.id; })); }
  };

  /* ---- the site-wide index (search-index.js): what the current page does not draw -------------- */
  var PAGE_HITS = 50, SITE_HITS = 20;
  function noMatch(list) { list.appendChild(el("li", { "class": "none" }, state.lang === "en" ? "No match" : "Không tìm thấy")); }
  function siteHits(query, onPage) {
    var index = window.kgSearchIndex;
    if (!index || !norm(query)) { return []; }
    return ranked(query, index.entries).filter(function (e) { return !onPage[e.id]; }).slice(0, SITE_HITS);
  }
  /* Hits of the index not drawn here, as links to their pages under a heading; how many were listed. */
  function appendSiteHits(list, query, onPage, root) {
    var hits = siteHits(query, onPage);
    if (!hits.length) { return 0; }
    list.appendChild(el("li", { "class": "elsewhere" }, state.lang === "en" ? "On other pages" : "Ở các trang khác"));
    hits.forEach(function (e) {
      var li = el("li", { "data-id": e.id });
      var a = el("a", { href: root + e.page, "class": "result" }, (state.lang === "en" ? e.full_en : e.full_vi) || e.full_vi);
      if (e.en_original) { original(a); }
      li.appendChild(a);
      var kind = window.kgSearchIndex.kinds[e.kind];
      if (kind) { li.appendChild(el("span", { "class": "kind" }, " · " + pick(kind))); }
      list.appendChild(li);
    });
    return hits.length;
  }
  /* A page with no graph (the index): the search box lists the site's hits only. */
  function siteSearch(query) {
    var list = document.getElementById("search-results");
    list.textContent = "";
    if (!appendSiteHits(list, query, {}, readJson("kg-root") || "") && norm(query)) { noMatch(list); }
  }
  Graph.prototype.pick = function (id) { this.focusOn([id]); this.showNode(id); };

  /* Keyboard: Enter in the box opens the first match; arrows walk the result list; Escape goes back. */
  function searchKeys(ev) {
    var box = document.getElementById("search");
    var buttons = Array.prototype.slice.call(document.querySelectorAll("#search-results .result"));
    var at = buttons.indexOf(document.activeElement);
    if (ev.key === "Enter" && ev.target === box && buttons.length) {
      ev.preventDefault(); buttons[0].click();
    } else if (ev.key === "ArrowDown" && buttons.length) {
      ev.preventDefault(); buttons[Math.min(at + 1, buttons.length - 1)].focus();
    } else if (ev.key === "ArrowUp" && at >= 0) {
      ev.preventDefault(); if (at === 0) { box.focus(); } else { buttons[at - 1].focus(); }
    } else if (ev.key === "Escape" && at >= 0) {
      box.focus();
    }
  }
  function runSearch() {
    var box = document.getElementById("search");
    if (!box || !box.value) { return; }
    if (graph) { graph.search(box.value); } else { siteSearch(box.value); }
  }

  /* ---- source pages ------------------------------------------------------------------------------ */
  function SourceView(data) { this.data = data; }
  SourceView.prototype.render = function () {
    var pre = document.getElementById("source-text");
    var chars = Array.from(this.data.text);  // offsets count code points, like Python's str
    var m = /^#q=(\d+)-(\d+)$/.exec(window.location.hash);
    pre.textContent = "";
    if (!m) { pre.textContent = this.data.text; return; }
    var start = Math.min(+m[1], chars.length), end = Math.min(+m[2], chars.length);
    pre.appendChild(document.createTextNode(chars.slice(0, start).join("")));
    var mark = el("mark", { id: "quote" }, chars.slice(start, end).join(""));
    pre.appendChild(mark);
    pre.appendChild(document.createTextNode(chars.slice(end).join("")));
    mark.scrollIntoView({ block: "center" });
  };

  /* ---- sortable tables (the tasks table of the text part): a button per column heading ---------- */
  var collator = new Intl.Collator("vi", { numeric: true, sensitivity: "base" });
  function sortKey(row, i) {
    var cell = row.cells[i];
    var key = cell.getAttribute("data-sort");
    return key !== null ? key : cell.textContent.trim();
  }
  function sortTable(table, i, th) {
    var up = th.getAttribute("aria-sort") !== "ascending";
    var body = table.tBodies[0];
    var rows = Array.from(body.rows);
    rows.sort(function (a, b) {
      var x = sortKey(a, i), y = sortKey(b, i);
      if (!x !== !y) { return x ? -1 : 1; }  /* empty cells last either way */
      return (up ? 1 : -1) * collator.compare(x, y) || (+a.getAttribute("data-n") - +b.getAttribute("data-n"));
    });
    rows.forEach(function (r) { body.appendChild(r); });
    table.querySelectorAll("th[aria-sort]").forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", up ? "ascending" : "descending");
  }
  function makeSortable(table) {
    Array.from(table.tHead.rows[0].cells).forEach(function (th, i) {
      var button = el("button", { type: "button", "class": "sort" });
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
      button.addEventListener("click", function () { sortTable(table, i, th); });
    });
  }

  function closeDetails() {
    document.getElementById("details").hidden = true;
    document.getElementById("search").focus();
  }

  /* ---- start ------------------------------------------------------------------------------------- */
  function start() {
    loadLang();
    var button = document.getElementById("lang-toggle");
    if (button) { button.addEventListener("click", toggleLang); }
    var data = readJson("kg-data");
    if (data && window.vis) {
      graph = new Graph(data, readJson("kg-root") || "");
      graph.buildLegend();
      graph.buildFilters();
      graph.bindSelects();
      document.getElementById("search").addEventListener("input", function (ev) { graph.search(ev.target.value); });
      document.getElementById("search").addEventListener("keydown", searchKeys);
      document.getElementById("search-results").addEventListener("keydown", searchKeys);
      document.getElementById("details-close").addEventListener("click", closeDetails);
      document.addEventListener("keydown", function (ev) {
        if (ev.key === "Escape" && !document.getElementById("details").hidden) { closeDetails(); }
      });
    }
    var box = document.getElementById("search");
    if (box && !graph) {
      box.addEventListener("input", function (ev) { siteSearch(ev.target.value); });
      box.addEventListener("keydown", searchKeys);
      document.getElementById("search-results").addEventListener("keydown", searchKeys);
    }
    var source = readJson("kg-source");
    if (source) {
      sourceView = new SourceView(source);
      window.addEventListener("hashchange", function () { sourceView.render(); });
    }
    document.querySelectorAll("table.sortable").forEach(makeSortable);
    applyLang();
    if (sourceView) { sourceView.render(); }
    /* A small handle for tests and for curious users in the console. */
    window.kgViz = {
      lang: function () { return state.lang; },
      highlighted: function () { return state.highlighted.slice(); },
      labelOf: function (id) { var n = graph && graph.nodes.get(id); return n ? n.label : null; },
      scale: function () { return graph ? graph.network.getScale() : null; },
      canvasPosition: function (id) {
        var p = graph.network.getPositions([id])[id];
        return p ? graph.network.canvasToDOM(p) : null;
      },
      focusOn: function (ids) { graph.focusOn(ids); },
      norm: norm,
      /* the ranked search over the current page's nodes, as [id, full Vietnamese label]: tests compare it
       * with kg.present.views.search.ranked on the same queries */
      ranked: function (query) {
        return graph ? ranked(query, graph.data.nodes).map(function (n) { return [n.id, n.full_vi]; }) : [];
      },
      /* the same over the site-wide index, all of it (tests compare it with search_index + ranked) */
      siteRanked: function (query) {
        var index = window.kgSearchIndex;
        return index ? ranked(query, index.entries).map(function (e) { return [e.id, e.page]; }) : [];
      },
      network: graph ? graph.network : null,
      drawn: function () { return !!state.drawn; },
      ready: true
    };
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
