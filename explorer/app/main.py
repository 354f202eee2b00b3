"""Streamlit entry: declares the pages and runs the navigation; pages hold the widgets."""

import streamlit as st

# page_icon: an emoji; a ":material/...:" favicon would be fetched from fonts.gstatic.com
st.set_page_config(page_title="News graph explorer", page_icon="🕸️", layout="wide")
pages = [
    st.Page("pages/explore.py", title="Explore", icon=":material/hub:", default=True),
    st.Page("pages/paths.py", title="Paths", icon=":material/route:"),
    st.Page("pages/timeline.py", title="Timeline", icon=":material/timeline:"),
    st.Page("pages/articles.py", title="Articles", icon=":material/article:"),
    st.Page("pages/console.py", title="Cypher console", icon=":material/terminal:"),
    st.Page("pages/ingest.py", title="Add articles", icon=":material/add_circle:"),
    st.Page("pages/overview.py", title="Overview", icon=":material/monitoring:"),
]
st.navigation(pages).run()
