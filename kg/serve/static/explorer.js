// The entity page: its neighbourhood drawn with cytoscape.js; a click shows facts with evidence.
"use strict";
(function () {
  const elements = JSON.parse(document.getElementById("graph-data").textContent);
  const cy = cytoscape({
    container: document.getElementById("graph"),
    elements: elements,
    style: [
      { selector: "node", style: { "background-color": "data(colour)", "label": "data(label)", "font-size": 11,
        "text-wrap": "wrap", "text-max-width": 140, "text-valign": "bottom", "text-margin-y": 4 } },
      { selector: "node[?centre]", style: { "width": 42, "height": 42, "font-weight": "bold" } },
      { selector: "edge", style: { "label": "data(label)", "font-size": 10, "curve-style": "bezier",
        "target-arrow-shape": "triangle", "control-point-step-size": 70, "line-color": "#999", "target-arrow-color": "#999",
        "text-background-color": "#fff", "text-background-opacity": 0.85 } },
      { selector: ":selected", style: { "border-width": 3, "border-color": "#222", "line-color": "#222",
        "target-arrow-color": "#222" } },
    ],
    layout: { name: "concentric", concentric: (n) => (n.data("centre") ? 2 : 1), levelWidth: () => 1,
              minNodeSpacing: 140, spacingFactor: 1.4, padding: 40, animate: false },
    maxZoom: 1.3,
    wheelSensitivity: 0.3,
  });
  window.cy = cy;
  const panel = document.getElementById("facts");

  function el(tag, text, attrs) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    return node;
  }
  function table(rows) {
    const t = el("table");
    rows.forEach(([k, v]) => { const tr = el("tr"); tr.append(el("th", k), el("td", v)); t.append(tr); });
    return t;
  }
  function short(iri) { return (iri || "").split(/[#/]/).pop(); }

  async function show(iri, heading) {
    const response = await fetch("/api/facts?iri=" + encodeURIComponent(iri));
    panel.replaceChildren(el("h2", heading));
    if (!response.ok) { panel.append(el("p", "no facts found", { class: "error" })); return; }
    const facts = await response.json();
    panel.append(el("p", facts.kind + " · " + facts.node.label, { class: "kind" }), table(facts.properties));
    facts.related.forEach((r) => { panel.append(el("h3", r.via + " ← " + r.label), table(r.values)); });
    panel.append(el("h3", "Bukti / evidence"));
    facts.evidence.forEach((e) => {
      const box = el("div", null, { class: "evidence" });
      const meta = el("div", (e.title || short(e.article)) + (e.date ? ", " + e.date : "") +
        " · confidence " + e.confidence + " · " + short(e.method), { class: "meta" });
      if (e.url) { meta.append(" · "); meta.append(el("a", "tautan", { href: e.url, rel: "noreferrer" })); }
      box.append(el("blockquote", e.sentence), meta);
      panel.append(box);
    });
  }

  cy.on("tap", "node", (evt) => show(evt.target.data("iri"), evt.target.data("label")));
  cy.on("tap", "edge", (evt) => {
    const e = evt.target;
    show(e.data("fact"), e.source().data("label") + " — " + e.data("label") + " → " + e.target().data("label"));
  });
  cy.on("dbltap", "node", (evt) => { window.location = "/entity?iri=" + encodeURIComponent(evt.target.data("iri")); });
})();
