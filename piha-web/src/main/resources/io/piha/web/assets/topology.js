// The topology page: a preset layout computed by the server, drawn by Cytoscape.js; pan, zoom and drag are
// Cytoscape's own. Filters hide nodes by network type and zone; a click (or "Find a device") shows a device's details.
(function () {
  'use strict';
  var box = document.getElementById('graph');
  if (!box) { return; }
  var panel = document.getElementById('node-panel');
  var started = performance.now();
  var colours = { online: '#116329', offline: '#a40e26', unknown: '#57606a' };

  function text(tag, value, cls) {
    var el = document.createElement(tag);
    el.textContent = value;
    if (cls) { el.className = cls; }
    return el;
  }

  function show(node) {
    var d = node.data();
    panel.replaceChildren();
    panel.appendChild(text('h2', d.label));
    if (d.kind !== 'device') {
      panel.appendChild(text('p', d.kind === 'site' ? 'The site' : 'Group: ' + d.label));
      return;
    }
    var facts = document.createElement('dl');
    facts.className = 'facts';
    [['Status', d.status], ['IP', d.ip || 'none seen'], ['Zone', d.zone || 'none'], ['Vendor', d.vendor || 'unknown'],
     ['Connected to', node.incomers('node').map(function (n) { return n.data('label'); }).join(', ')]]
      .forEach(function (f) { facts.appendChild(text('dt', f[0])); facts.appendChild(text('dd', f[1])); });
    panel.appendChild(facts);
    var link = text('a', 'Open the device');
    link.href = '/devices/' + d.id;
    panel.appendChild(link);
  }

  fetch(box.dataset.src, { credentials: 'same-origin' }).then(function (r) {
    if (!r.ok) { throw new Error('the topology could not be loaded (HTTP ' + r.status + ')'); }
    return r.json();
  }).then(function (graph) {
    var cy = cytoscape({
      container: box,
      elements: { nodes: graph.nodes, edges: graph.edges },
      layout: { name: 'preset' },
      textureOnViewport: true,
      hideEdgesOnViewport: graph.nodes.length > 300,
      minZoom: 0.05,
      maxZoom: 4,
      style: [
        { selector: 'node', style: { 'label': 'data(label)', 'font-size': 11, 'min-zoomed-font-size': 7,
            'text-valign': 'bottom', 'text-margin-y': 4, 'width': 22, 'height': 22, 'background-color': '#0b57a4' } },
        { selector: 'node[kind = "device"]', style: { 'background-color': function (n) { return colours[n.data('status')]; } } },
        { selector: 'node[status = "offline"]', style: { 'shape': 'diamond' } },
        { selector: 'node[status = "unknown"]', style: { 'shape': 'round-rectangle' } },
        { selector: 'node[kind != "device"]', style: { 'shape': 'hexagon', 'width': 34, 'height': 34, 'font-weight': 'bold' } },
        { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#fb8c00' } },
        { selector: 'edge', style: { 'width': 1, 'line-color': '#8c959f', 'curve-style': 'straight', 'font-size': 9 } },
        { selector: 'edge.labelled', style: { 'label': 'data(label)' } },
        { selector: '.hidden', style: { 'display': 'none' } }
      ]
    });
    cy.fit(undefined, 20);

    var types = {};
    cy.nodes('[kind != "device"][kind != "site"]').forEach(function (n) {
      types[n.data('group')] = n.data('kind') === 'ip' ? 'IP networks' : n.data('kind') === 'unlinked' ? 'Unlinked' : n.data('label');
    });
    var filters = document.getElementById('type-filters');
    Object.keys(types).sort().forEach(function (t) {
      var label = document.createElement('label');
      var box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = true;
      box.value = t;
      label.appendChild(box);
      label.appendChild(document.createTextNode(' ' + types[t]));
      filters.appendChild(label);
    });
    var zone = document.getElementById('zone-filter');

    function apply() {
      var on = {};
      filters.querySelectorAll('input').forEach(function (b) { on[b.value] = b.checked; });
      cy.batch(function () {
        cy.nodes().forEach(function (n) {
          var visible = n.data('kind') === 'site' || on[n.data('group')];
          if (visible && zone.value && n.data('kind') === 'device') {
            visible = (n.data('zones') || []).indexOf(zone.value) >= 0;
          }
          n.toggleClass('hidden', !visible);
        });
      });
    }
    filters.addEventListener('change', apply);
    zone.addEventListener('change', apply);
    document.getElementById('edge-labels').addEventListener('change', function (e) {
      cy.edges().toggleClass('labelled', e.target.checked);
    });
    document.getElementById('fit').addEventListener('click', function () { cy.fit(cy.nodes(':visible'), 20); });

    var find = document.getElementById('node-find');
    cy.nodes('[kind = "device"]').sort(function (a, b) { return a.data('label').localeCompare(b.data('label')); })
      .forEach(function (n) {
        var o = document.createElement('option');
        o.value = n.id();
        o.textContent = n.data('label');
        find.appendChild(o);
      });
    find.addEventListener('change', function () {
      var n = cy.getElementById(find.value);
      if (n.nonempty()) {
        cy.$(':selected').unselect();
        n.select();
        cy.animate({ center: { eles: n }, zoom: Math.max(cy.zoom(), 1) }, { duration: 200 });
        show(n);
      }
    });
    cy.on('tap', 'node', function (e) { show(e.target); });

    // for tests and the benchmark: when the graph was drawn and answering, in ms since the script started
    cy.one('render', function () {
      window.pihaTopology = { cy: cy, readyMs: performance.now() - started, sinceNavigationMs: performance.now(),
        nodes: cy.nodes().length };
      box.dataset.ready = 'true';
    });
    cy.resize();
  }).catch(function (e) {
    panel.replaceChildren(text('p', e.message, 'problem'));
  });
}());
