"""Streamlit entry: declares the pages and runs the navigation; pages hold the widgets."""

import streamlit as st

st.set_page_config(page_title="News graph explorer", layout="wide")
pages = [st.Page("pages/overview.py", title="Overview", default=True)]
st.navigation(pages).run()
