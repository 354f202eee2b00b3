"""Widgets shared by the pages: the clickable network, an entity's details, exports.

The network is the page explorer.viz builds, shown in a sandboxed iframe (scripts
allowed, no same-origin access to the app) inside a bidirectional custom component
(st.components.v2): a click on a node posts a message that the component turns into a
trigger value, so a click really selects the node in Python.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

import streamlit as st

from explorer import exports, viz
from explorer.app import data
from explorer.graph.views import View
from explorer.ontology import PREDICATES

_JS = """
export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  let frame = parentElement.querySelector("iframe");
  if (!frame) {
    frame = document.createElement("iframe");
    frame.setAttribute("sandbox", "allow-scripts");
    frame.setAttribute("title", "network");
    frame.setAttribute("data-testid", "explorer-network");
    frame.style.width = "100%";
    frame.style.border = "0";
    parentElement.appendChild(frame);
  }
  frame.style.height = (data.height + 8) + "px";
  const highlight = () => {
    const msg = {kind: "explorer:highlight", id: data.selected || null};
    if (frame.contentWindow) frame.contentWindow.postMessage(msg, "*");
  };
  if (frame.getAttribute("data-key") !== data.key) {
    frame.setAttribute("data-key", data.key);
    frame.onload = highlight;
    frame.srcdoc = data.html;
  } else {
    highlight();
  }
  const onMessage = (event) => {
    const msg = event.data;
    if (event.source !== frame.contentWindow || !msg || msg.kind !== "explorer:select") return;
    setTriggerValue("selected", String(msg.id));
  };
  window.addEventListener("message", onMessage);
  return () => window.removeEventListener("message", onMessage);
}
"""

_network = st.components.v2.component("news_graph_explorer.network", js=_JS)


def network(
    view_nodes: list[dict],
    view_edges: list[dict],
    *,
    key: str,
    size_by: str = "degree",
    height: int = 640,
    selected: str | None = None,
    on_select: Callable[[str], None] | None = None,
) -> None:
    """Draw the network; `on_select(entity_id)` runs when the user clicks a node."""
    page = viz.network_html(view_nodes, view_edges, size_by=size_by, height=height)
    digest = hashlib.sha1(page.encode("utf-8")).hexdigest()  # the selection travels apart: no reload

    def changed() -> None:
        state = st.session_state.get(key)
        value = getattr(state, "selected", None)
        if value is None and hasattr(state, "get"):
            value = state.get("selected")
        if value and on_select:
            on_select(str(value))

    _network(
        key=key, data={"html": page, "key": digest, "height": height, "selected": selected}, on_selected_change=changed
    )


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def md(text) -> str:
    """Escape text for st.markdown / st.write: it shows literally, never as markup."""
    return _MD_SPECIAL.sub(r"\\\1", str(text if text is not None else ""))


def safe_url(url) -> str | None:
    """Only http(s) links are ever clickable."""
    return url if isinstance(url, str) and re.match(r"^https?://", url, re.IGNORECASE) else None


def tone_label(predicate: str) -> str:
    p = PREDICATES.get(predicate)
    return {1: "+", -1: "−", 0: "·"}[p.tone] if p else "?"


def details_panel(
    entity_id: str,
    on_focus: Callable[[str], None] | None = None,
    on_expand: Callable[[str], None] | None = None,
    key: str = "details",
) -> None:
    """An entity's card: name, type, aliases, offices, every fact with its evidence and article."""
    info = data.guarded(data.details, entity_id)
    if info is None:
        st.info("This entity is no longer in the graph.")
        return
    st.subheader(md(info["name"]))
    code = str(info["id"]).replace("`", "")  # inside a code span nothing is markup; only ` could end it
    line = f"**{md(info['type'])}** · mentioned by {info['mentions']} article(s) · `{code}`"
    st.markdown(line)
    if info["aliases"]:
        st.markdown("**Also called:** " + ", ".join(md(a) for a in info["aliases"]))
    if info["offices"]:
        st.markdown(
            "**Offices held:** " + "; ".join(f"{md(o['role'] or 'office')} of {md(o['of'])}" for o in info["offices"])
        )
    cols = st.columns(2)
    if on_focus:
        cols[0].button(
            "Focus the view on it",
            key=f"{key}-focus",
            icon=":material/center_focus_strong:",
            on_click=on_focus,
            args=(entity_id,),
        )
    if on_expand:
        cols[1].button(
            "Expand its neighbours",
            key=f"{key}-expand",
            icon=":material/hub:",
            on_click=on_expand,
            args=(entity_id,),
        )
    facts = info["facts"]
    st.markdown(f"**{len(facts)} evidence sentence(s)** for the facts it takes part in:")
    rows = [
        {
            "fact": f"{f['subject']} {f['predicate']} {f['object']}"
            + (f" ({f['role'] or f['commodity']})" if f["role"] or f["commodity"] else ""),
            "tone": tone_label(f["predicate"]),
            "evidence": f["evidence"],
            "modality": f["modality"],
            "article": f["title"] or f["article"],
            "date": f["published"] or "",
            "link": safe_url(f["url"]),
        }
        for f in facts
    ]
    st.dataframe(
        rows,
        hide_index=True,
        width="stretch",
        key=f"{key}-facts",
        column_config={
            "evidence": st.column_config.TextColumn("evidence", width="large"),
            "link": st.column_config.LinkColumn("link", display_text="open"),
        },
    )


def export_buttons(view: View, size_by: str = "degree", key: str = "export") -> None:
    """Download buttons for the view: GraphML, JSON, CSV of facts, standalone HTML."""
    ids = tuple(sorted({ev["article"] for e in view.edges for ev in e.get("evidence") or [] if ev.get("article")}))

    def meta() -> dict:
        return data.articles_by_id(ids) if ids else {}

    downloads = (
        ("GraphML", "graphml", "application/graphml+xml", lambda: exports.graphml(view.nodes, view.edges, meta())),
        ("JSON", "json", "application/json", lambda: exports.view_json(view.nodes, view.edges, meta())),
        ("CSV of facts", "csv", "text/csv", lambda: exports.facts_csv(view.nodes, view.edges, meta())),
        ("HTML network", "html", "text/html", lambda: exports.network_page(view.nodes, view.edges, size_by)),
    )
    file_names = {"csv": "news-graph-facts.csv"}
    for col, (label, ext, mime, build) in zip(st.columns(len(downloads)), downloads, strict=True):
        col.download_button(
            label,
            data=build,  # built only when clicked
            file_name=file_names.get(ext, f"news-graph.{ext}"),
            mime=mime,
            key=f"{key}-{ext}",
            icon=":material/download:",
            on_click="ignore",
        )


def entity_picker(label: str, key: str, initial: str | None = None) -> str | None:
    """Search entities by name or alias (full-text index), then pick one."""
    text = st.text_input(f"{label}: search by name or alias", key=f"{key}-q", placeholder="e.g. Japan, Kishida, G7")
    hits = data.guarded(data.search, text) if text else []
    options = [h["id"] for h in hits]
    labels = {h["id"]: f"{h['name']} ({h['type']})" for h in hits}
    if initial and initial not in options:
        options.insert(0, initial)
        labels.update({initial: data.guarded(data.names, (initial,)).get(initial, initial)})
    if not options:
        st.caption("Type to search.")
        return None
    return st.selectbox(label, options, format_func=lambda i: labels.get(i, i), key=f"{key}-pick")
