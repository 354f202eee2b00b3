"""Nodes + edges -> a self-contained network page (pure: no Streamlit, no database).

The network is assembled with pyvis (nodes, edges, options) and written into our own
page template, because pyvis's templates load vis-network and Bootstrap from CDNs and
do not escape. Here:
- vis-network 9.1.2 (explorer/viz_assets/, Apache-2.0 OR MIT) is inlined: the page
  loads nothing from anywhere;
- the graph travels as JSON inside a `<script type="application/json">` block with
  `<`, `>` and `&` escaped, and tooltips are plain-text strings (vis-network 9 draws
  string titles as text), so names and evidence can never become markup;
- physics stabilises, then is switched off;
- a click on a node posts {kind: "explorer:select", id} to the parent window, which the
  app's component turns into a selection (the standalone export simply ignores it).
"""

from __future__ import annotations

import html
import json
import math
from collections import defaultdict
from functools import cache
from pathlib import Path

from pyvis.network import Network

from explorer.ontology import ENTITY_TYPES, PREDICATES

ASSETS = Path(__file__).resolve().parent / "viz_assets"
VIS_VERSION = "9.1.2"

# Entity type -> (vis shape, colour, legend glyph)
TYPE_STYLES: dict[str, tuple[str, str, str]] = {
    "Person": ("dot", "#3b7dd8", "●"),
    "Country": ("diamond", "#e8892b", "◆"),
    "Organization": ("square", "#8e5cc4", "■"),
    "Place": ("triangle", "#3f9e62", "▲"),
}
OTHER_STYLE = ("ellipse", "#9e9e9e", "⬮")
TONE_COLOURS = {1: "#2e9d57", -1: "#d64541", 0: "#8c8c8c"}
TONE_LABELS = {1: "cooperation", -1: "conflict", 0: "neutral"}
SELECT_MESSAGE = "explorer:select"


@cache
def _asset(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8")


def _script_json(value) -> str:
    """JSON that is safe inside a <script> element: no `<`, `>` or `&` survive."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _short(text: str, limit: int) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def node_tooltip(node: dict) -> str:
    lines = [f"{node.get('name', node['id'])} ({node.get('type') or 'node'})"]
    aliases = [a for a in node.get("aliases") or [] if a != node.get("name")]
    if aliases:
        lines.append("also: " + _short(", ".join(aliases[:6]), 160))
    lines.append(f"{node.get('degree', 0)} fact(s) in view, {node.get('mentions', 0)} article mention(s)")
    return "\n".join(lines)


def edge_tooltip(edge: dict, names: dict[str, str]) -> str:
    s, o = names.get(edge["source"], edge["source"]), names.get(edge["target"], edge["target"])
    pred = edge["predicate"]
    extra = edge.get("role") or edge.get("commodity")
    head = f"{s} {pred} {o}" + (f" ({extra})" if extra else "")
    lines = [head, f"{edge.get('support', 1)} supporting article(s)"]
    for ev in (edge.get("evidence") or [])[:3]:
        lines.append("“" + _short(ev.get("evidence", ""), 220) + "”")
    more = len(edge.get("evidence") or []) - 3
    if more > 0:
        lines.append(f"… and {more} more")
    return "\n".join(lines)


def _size_value(node: dict, size_by: str) -> float:
    raw = node.get("mentions" if size_by == "mentions" else "degree") or 0
    return 1 + math.log1p(max(0, raw)) * 4


def build_network(nodes: list[dict], edges: list[dict], size_by: str = "degree", height: int = 720) -> Network:
    """The pyvis Network: styled nodes and edges, and options whose physics settles fast."""
    net = Network(height=f"{height}px", width="100%", directed=True, cdn_resources="remote")
    names = {n["id"]: n.get("name") or n["id"] for n in nodes}
    for n in nodes:
        shape, colour, _ = TYPE_STYLES.get(n.get("type"), OTHER_STYLE)
        net.add_node(
            n["id"],
            label=_short(names[n["id"]], 40),
            title=node_tooltip(n),
            shape=shape,
            color={"background": colour, "border": "#222" if n.get("focus") else colour},
            borderWidth=4 if n.get("focus") else 1,
            value=_size_value(n, size_by),
        )
    known = set(names)
    pairs: dict[frozenset, int] = defaultdict(int)
    from pyvis.edge import Edge  # appended directly: pyvis's add_edge scans every node per edge

    for e in edges:
        if e["source"] not in known or e["target"] not in known:
            continue
        pair = frozenset((e["source"], e["target"]))
        k = pairs[pair]
        pairs[pair] += 1
        tone = e.get("tone", PREDICATES[e["predicate"]].tone if e["predicate"] in PREDICATES else 0)
        symmetric = e.get("symmetric", e["predicate"] in PREDICATES and PREDICATES[e["predicate"]].symmetric)
        roundness = 0.0 if k == 0 else 0.15 * ((k + 1) // 2) * (1 if k % 2 else -1)
        net.edges.append(
            Edge(
                e["source"],
                e["target"],
                directed=True,
                id=e.get("key") or f"{e['source']}|{e['predicate']}|{e['target']}",
                label=e["predicate"],
                title=edge_tooltip(e, names),
                color={"color": TONE_COLOURS.get(tone, TONE_COLOURS[0]), "highlight": "#111"},
                value=max(1, int(e.get("support") or 1)),
                arrows={"to": {"enabled": not symmetric, "scaleFactor": 0.5}},
                smooth={"enabled": True, "type": "curvedCW", "roundness": roundness} if k else {"enabled": False},
            ).options
        )
    big = len(nodes) > 120
    net.set_options(
        json.dumps(
            {
                "nodes": {
                    "scaling": {"min": 8, "max": 40, "label": {"enabled": True, "min": 10, "max": 22}},
                    "font": {"size": 12, "face": "sans-serif"},
                },
                "edges": {
                    "scaling": {"min": 1, "max": 8, "label": {"enabled": False}},
                    "font": {"size": 9, "align": "middle", "color": "#555", "strokeWidth": 2},
                    "selectionWidth": 2,
                },
                "layout": {"improvedLayout": not big, "randomSeed": 7},
                "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": big},
                "physics": {
                    "enabled": True,
                    "solver": "barnesHut",
                    "barnesHut": {
                        "gravitationalConstant": -6000,
                        "centralGravity": 0.3,
                        "springLength": 110,
                        "springConstant": 0.04,
                        "damping": 0.4,
                        "avoidOverlap": 0.1,
                    },
                    "minVelocity": 1.5,
                    "stabilization": {"enabled": True, "iterations": 400, "updateInterval": 50, "fit": True},
                },
            }
        )
    )
    return net


def legend_html(edges: list[dict] | None = None) -> str:
    """The legend: entity types (shape and colour) and edge tones. Static, escaped text."""
    items = []
    for etype in ENTITY_TYPES:
        _, colour, glyph = TYPE_STYLES[etype]
        items.append(f'<span class="lg"><b style="color:{colour}">{glyph}</b> {html.escape(etype)}</span>')
    for tone in (1, -1, 0):
        items.append(
            f'<span class="lg"><i style="background:{TONE_COLOURS[tone]}"></i> {html.escape(TONE_LABELS[tone])}</span>'
        )
    items.append('<span class="lg">width = supporting articles · arrow = direction</span>')
    return '<div id="legend">' + "".join(items) + "</div>"


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; \
style-src 'unsafe-inline'; img-src data:; font-src data:">
<title>%(title)s</title>
<style>%(vis_css)s</style>
<style>
html, body { margin: 0; padding: 0; font-family: sans-serif; background: #fff; }
#network { width: 100%%; height: %(height)dpx; border: 1px solid #ddd; box-sizing: border-box; }
#legend { position: absolute; bottom: 6px; left: 6px; background: rgba(255,255,255,.88); padding: 4px 8px;
  border: 1px solid #ddd; border-radius: 4px; font-size: 12px; line-height: 1.7; max-width: 60%%; }
#legend .lg { margin-right: 10px; white-space: nowrap; }
#legend i { display: inline-block; width: 18px; height: 3px; vertical-align: middle; }
#status { position: absolute; bottom: 6px; right: 10px; font-size: 11px; color: #777; }
div.vis-tooltip { white-space: pre-wrap; max-width: 420px; font-size: 12px; }
</style>
</head>
<body>
<div id="network"></div>
%(legend)s
<div id="status">%(status)s</div>
<script id="graph-data" type="application/json">%(data)s</script>
<script>%(vis_js)s</script>
<script>
(function () {
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("network");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, data.options);
  window.network = network;
  document.body.setAttribute("data-nodes", String(data.nodes.length));
  document.body.setAttribute("data-edges", String(data.edges.length));
  function settled() {
    network.setOptions({physics: {enabled: false}});
    document.body.setAttribute("data-stabilized", "true");
  }
  network.once("stabilizationIterationsDone", settled);
  if (data.nodes.length === 0) { settled(); }
  if (data.selected && nodes.get(data.selected)) { network.selectNodes([data.selected]); }
  window.addEventListener("message", function (event) {
    var msg = event.data;
    if (event.source !== window.parent || !msg || msg.kind !== "explorer:highlight") { return; }
    if (msg.id && nodes.get(msg.id)) { network.selectNodes([msg.id]); } else { network.unselectAll(); }
  });
  network.on("click", function (params) {
    if (params.nodes.length && data.notify && window.parent !== window) {
      window.parent.postMessage({kind: %(message)s, id: String(params.nodes[0])}, "*");
    }
  });
})();
</script>
</body>
</html>
"""


def network_html(
    nodes: list[dict],
    edges: list[dict],
    *,
    size_by: str = "degree",
    height: int = 720,
    selected: str | None = None,
    title: str = "News knowledge graph",
    notify: bool = True,
) -> str:
    """A complete HTML page drawing the network; it loads nothing from the network."""
    net = build_network(nodes, edges, size_by, height)
    data = {
        "nodes": net.nodes,
        "edges": net.edges,
        "options": json.loads(net.options) if isinstance(net.options, str) else net.options,
        "selected": selected,
        "notify": notify,
    }
    status = f"{len(net.nodes)} entities · {len(net.edges)} facts"
    return _PAGE % {
        "title": html.escape(title),
        "height": int(height),
        "vis_css": _asset("vis-network.css"),
        "vis_js": _asset("vis-network.min.js"),
        "legend": legend_html(),
        "status": html.escape(status),
        "data": _script_json(data),
        "message": json.dumps(SELECT_MESSAGE),
    }


def highlight_evidence(text: str, spans: list[dict]) -> str:
    """Article text as HTML with each evidence span (start/end offsets) in a <mark>.

    Everything is escaped; overlapping spans are merged; spans with unknown or
    out-of-range offsets (-1) are skipped. Returns a <div> with paragraphs kept.
    """
    text = text or ""
    located = [
        s
        for s in spans
        if s.get("start") is not None and s.get("end") is not None and 0 <= int(s["start"]) < int(s["end"]) <= len(text)
    ]
    ranges = sorted(((int(s["start"]), int(s["end"]), s) for s in located), key=lambda r: (r[0], r[1]))
    merged: list[list] = []
    for start, end, span in ranges:
        label = f"{span.get('subject', '')} {span.get('predicate', '')} {span.get('object', '')}".strip()
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2].append(label)
        else:
            merged.append([start, end, [label]])
    out, pos = [], 0
    for start, end, labels in merged:
        out.append(html.escape(text[pos:start]))
        tip = html.escape("; ".join(dict.fromkeys(labels)), quote=True)
        out.append(f'<mark title="{tip}">{html.escape(text[start:end])}</mark>')
        pos = end
    out.append(html.escape(text[pos:]))
    body = "".join(out).replace("\n", "<br>")
    return f'<div class="article-text" style="line-height:1.6">{body}</div>'
