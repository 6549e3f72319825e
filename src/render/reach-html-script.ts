/**
 * The script of `reach -o html` (reach-html.ts), inline in the page. It reads the page's JSON
 * data, applies the filters the controls set (the namespace and DNS filters keep or drop whole
 * connections, as graph-filters.ts' `filterConnections` does; the collapsed picture is
 * precomputed), lays the graph out (a column per namespace, addresses outside the cluster in
 * the first), builds the matrix, and shows the explanation of a clicked cell or arrow.
 *
 * Plain ES2017 in a string: jsii compiles only src/*.ts, and the page must run as written.
 * Every text from the manifests goes in through textContent or setAttribute, never as markup.
 */
export const REACH_HTML_SCRIPT = String.raw`
'use strict';
(function () {
  var data = JSON.parse(document.getElementById('data').textContent);
  var svg = document.getElementById('graph-svg');
  var SVG_NS = svg.namespaceURI;
  var controls = {
    namespace: document.getElementById('namespace'),
    hideDns: document.getElementById('hide-dns'),
    collapse: document.getElementById('collapse'),
  };
  var NODE_W = 250, NODE_H = 26, ROW = 36, COLUMN = 330, TOP = 34, PAD = 12;
  var MAX_SHOWN_PAIRS = 20;

  function element(ns, name, attributes, text) {
    var e = ns ? document.createElementNS(ns, name) : document.createElement(name);
    Object.keys(attributes || {}).forEach(function (k) { e.setAttribute(k, attributes[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function selectedNamespaces() {
    return Array.prototype.filter.call(controls.namespace.options, function (o) { return o.selected; }).map(function (o) { return o.value; });
  }

  function keptConnections() {
    var picture = controls.collapse.checked ? data.pictures.collapsed : data.pictures.plain;
    var namespaces = selectedNamespaces();
    var touches = function (node) { return node.namespace !== null && namespaces.indexOf(node.namespace) >= 0; };
    return picture.filter(function (c) {
      return !(controls.hideDns.checked && c.dns) && (namespaces.length === 0 || touches(c.src) || touches(c.dst));
    });
  }

  function explanationOf(s, d) {
    var src = data.endpoints[s], dst = data.endpoints[d];
    var parts = data.explanations[src.group + ',' + dst.group];
    if (src.namespace === null && dst.namespace === null) return src.id + ' => ' + dst.id + ': both ends are outside the cluster, where no NetworkPolicy applies\n';
    // Beyond the limit of explained pairs (docs/reach-html.md): the command that explains it.
    if (!parts) return src.id + ' => ' + dst.id + ': not explained in this page; run\n  cdk8s-netpol explain <manifests> --from \'' + src.ref + '\' --to \'' + dst.ref + '\'\n';
    return parts.map(function (p) { return p === 0 ? src.id : p === 1 ? dst.id : data.texts[p - 2]; }).join('');
  }

  function show(pairs, selected) {
    Array.prototype.forEach.call(document.querySelectorAll('.selected'), function (e) { e.classList.remove('selected'); });
    selected.classList.add('selected');
    var texts = pairs.slice(0, MAX_SHOWN_PAIRS).map(function (p) { return explanationOf(p[0], p[1]); });
    if (pairs.length > MAX_SHOWN_PAIRS) texts.push('… and ' + (pairs.length - MAX_SHOWN_PAIRS) + ' more pairs: run cdk8s-netpol explain for them\n');
    document.getElementById('explanation').textContent = texts.join('\n');
  }

  function drawGraph(connections) {
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    var nodes = {}, columns = {};
    connections.forEach(function (c) {
      [c.src, c.dst].forEach(function (n) {
        if (nodes[n.id]) return;
        nodes[n.id] = n;
        var column = n.namespace === null ? '' : n.namespace;
        (columns[column] = columns[column] || []).push(n);
      });
    });
    var names = Object.keys(columns).sort();
    var height = TOP;
    var place = function (name, x) { columns[name].forEach(function (n, y) { n.x = PAD + x * COLUMN; n.y = TOP + PAD + y * ROW; }); };
    names.forEach(function (name, x) {
      columns[name].sort(function (a, b) { return a.id < b.id ? -1 : a.id > b.id ? 1 : 0; });
      place(name, x);
      height = Math.max(height, TOP + 2 * PAD + columns[name].length * ROW);
    });
    // Fewer crossings: twice, each column's nodes sorted by the mean height of their neighbours in other columns.
    var neighbours = {};
    connections.forEach(function (c) {
      if (c.src.namespace === c.dst.namespace) return;
      (neighbours[c.src.id] = neighbours[c.src.id] || []).push(nodes[c.dst.id]);
      (neighbours[c.dst.id] = neighbours[c.dst.id] || []).push(nodes[c.src.id]);
    });
    var meanY = function (n) {
      var list = neighbours[n.id] || [];
      return list.length === 0 ? n.y : list.reduce(function (sum, m) { return sum + m.y; }, 0) / list.length;
    };
    for (var sweep = 0; sweep < 2; sweep++) {
      names.forEach(function (name, x) {
        var keyed = columns[name].map(function (n) { return { n: n, key: meanY(n) }; });
        keyed.sort(function (a, b) { return a.key - b.key || (a.n.id < b.n.id ? -1 : 1); });
        columns[name] = keyed.map(function (k) { return k.n; });
        place(name, x);
      });
    }
    svg.setAttribute('width', String(Math.max(1, names.length) * COLUMN));
    svg.setAttribute('height', String(height + PAD));
    var defs = svg.appendChild(element(SVG_NS, 'defs'));
    var marker = defs.appendChild(element(SVG_NS, 'marker', { id: 'arrow', viewBox: '0 0 10 10', refX: '10', refY: '5', markerWidth: '7', markerHeight: '7', orient: 'auto' }));
    marker.appendChild(element(SVG_NS, 'path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrow' }));
    names.forEach(function (name, x) {
      svg.appendChild(element(SVG_NS, 'rect', { class: 'group', x: x * COLUMN + 4, y: 4, width: NODE_W + 2 * PAD - 8, height: height - 4 }));
      svg.appendChild(element(SVG_NS, 'text', { class: 'group-title', x: PAD, y: 24, transform: 'translate(' + x * COLUMN + ',0)' }, name === '' ? 'outside the cluster' : name));
    });
    var edgeLayer = svg.appendChild(element(SVG_NS, 'g'));
    Object.keys(nodes).forEach(function (id) {
      var n = nodes[id];
      var kind = n.namespace === null ? ' outside' : /\/\*$/.test(n.id) ? ' collapsed' : '';
      var g = svg.appendChild(element(SVG_NS, 'g', { class: 'node' + kind, 'data-id': n.id, transform: 'translate(' + n.x + ',' + n.y + ')' }));
      g.appendChild(element(SVG_NS, 'rect', { width: NODE_W, height: NODE_H }));
      g.appendChild(element(SVG_NS, 'text', { x: 8, y: 17 }, n.label.length > 38 ? n.label.slice(0, 37) + '…' : n.label));
      g.appendChild(element(SVG_NS, 'title', {}, n.id));
    });
    connections.forEach(function (c) {
      var a = nodes[c.src.id], b = nodes[c.dst.id];
      var y1 = a.y + NODE_H / 2, y2 = b.y + NODE_H / 2, d;
      if (a.x === b.x) {
        var bend = a.x + NODE_W + 16 + Math.abs(y2 - y1) / 6;
        d = 'M' + (a.x + NODE_W) + ',' + y1 + ' C' + bend + ',' + y1 + ' ' + bend + ',' + y2 + ' ' + (b.x + NODE_W) + ',' + y2;
      } else {
        var x1 = a.x < b.x ? a.x + NODE_W : a.x, x2 = a.x < b.x ? b.x : b.x + NODE_W, mid = (x1 + x2) / 2;
        d = 'M' + x1 + ',' + y1 + ' C' + mid + ',' + y1 + ' ' + mid + ',' + y2 + ' ' + x2 + ',' + y2;
      }
      var path = edgeLayer.appendChild(element(SVG_NS, 'path', { class: 'edge' + (c.dns ? ' dns' : ''), d: d, 'marker-end': 'url(#arrow)', 'data-src': c.src.id, 'data-dst': c.dst.id }));
      path.appendChild(element(SVG_NS, 'title', {}, c.src.id + ' => ' + c.dst.id + ' : ' + c.label));
      path.addEventListener('click', function () { show(c.pairs, path); });
    });
    return { nodes: Object.keys(nodes).length, edges: connections.length };
  }

  function drawMatrix(connections) {
    var table = document.getElementById('matrix');
    while (table.firstChild) table.removeChild(table.firstChild);
    var namespaces = selectedNamespaces();
    var kept = {};
    data.endpoints.forEach(function (e, i) { if (namespaces.length === 0 || namespaces.indexOf(e.namespace) >= 0) kept[i] = true; });
    connections.forEach(function (c) { c.pairs.forEach(function (p) { kept[p[0]] = kept[p[1]] = true; }); });
    var shown = data.endpoints.map(function (e, i) { return i; }).filter(function (i) { return kept[i]; });
    var allowed = {};
    data.flows.forEach(function (f) { allowed[f[0] + ',' + f[1]] = f; });
    var head = table.appendChild(element(null, 'thead')).appendChild(element(null, 'tr'));
    head.appendChild(element(null, 'th', {}, 'from \\ to'));
    shown.forEach(function (d) { head.appendChild(element(null, 'th', { title: data.endpoints[d].id }, data.endpoints[d].id)); });
    var body = table.appendChild(element(null, 'tbody'));
    shown.forEach(function (s) {
      var row = body.appendChild(element(null, 'tr'));
      row.appendChild(element(null, 'th', { title: data.endpoints[s].id }, data.endpoints[s].id));
      shown.forEach(function (d) {
        var src = data.endpoints[s], dst = data.endpoints[d];
        var flow = allowed[s + ',' + d];
        var conns = flow && flow[2], dns = flow && flow[3];
        var inert = s === d ? 'self' : src.namespace === null && dst.namespace === null ? 'none' : '';
        var cls = inert || (conns === undefined ? 'denied' : conns === 'All Connections' ? 'allowed all' : dns ? 'allowed dns' : 'allowed');
        var cell = row.appendChild(element(null, 'td', { class: cls, 'data-src': src.id, 'data-dst': dst.id, title: src.id + ' => ' + dst.id + ' : ' + (conns || 'denied') },
          conns === undefined ? '' : conns === 'All Connections' ? 'all' : dns ? 'dns' : '✓'));
        if (conns !== undefined) cell.setAttribute('data-conns', conns);
        if (!inert) cell.setAttribute('data-pair', s + ',' + d);
      });
    });
  }

  function render() {
    var connections = keptConnections();
    var counts = drawGraph(connections);
    drawMatrix(connections);
    document.getElementById('summary').textContent = data.endpoints.length + ' endpoints, ' + data.flows.length + ' allowed pairs; graph: ' + counts.nodes + ' nodes, ' + counts.edges + ' arrows';
  }

  var namespaces = [];
  data.endpoints.forEach(function (e) { if (e.namespace !== null && namespaces.indexOf(e.namespace) < 0) namespaces.push(e.namespace); });
  namespaces.sort().forEach(function (ns) {
    controls.namespace.appendChild(element(null, 'option', { value: ns }, ns)).selected = data.filters.namespaces.indexOf(ns) >= 0;
  });
  controls.namespace.size = Math.min(6, Math.max(2, namespaces.length));
  controls.hideDns.checked = data.filters.hideDns;
  controls.collapse.checked = data.filters.collapse;
  [controls.namespace, controls.hideDns, controls.collapse].forEach(function (c) { c.addEventListener('change', render); });
  // One listener for the whole matrix: it has a cell per pair of endpoints.
  document.getElementById('matrix').addEventListener('click', function (event) {
    var cell = event.target.closest('td[data-pair]');
    if (cell) show([cell.getAttribute('data-pair').split(',').map(Number)], cell);
  });
  render();
})();
`;
