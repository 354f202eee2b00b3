"""Reading article files: formats, encodings and every kind of bad input."""

from __future__ import annotations

import io
import json

import pytest

from explorer.extract.runner import run_extract
from explorer.facts import Fact
from explorer.sources.article import SourceError
from explorer.sources.files import MAX_BYTES, article_from_html, read_article

HTML = """<html><head><title>Talks in Rome</title><meta name="date" content="2024-03-05"></head>
<body><nav>Home | World</nav><article><h1>Talks in Rome</h1>
<p>Italian Prime Minister Giorgia Meloni met Emmanuel Macron in Rome on Tuesday to discuss migration.</p>
<p>The two leaders agreed to hold further talks next month, officials said after the meeting.</p>
</article><footer>Copyright</footer></body></html>"""


def test_txt_keeps_text_and_uses_the_stem_as_id(tmp_path):
    path = tmp_path / "some-article.txt"
    path.write_text("A headline\n\nEmmanuel Macron met Olaf Scholz.")
    article = read_article(path)
    assert (article.id, article.title, article.path) == ("some-article", "A headline", str(path))
    assert article.text.endswith("Olaf Scholz.")


def test_markdown_loses_its_markup(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("# Big news\n\n**Emmanuel Macron** met [Olaf Scholz](https://x.example) in *Berlin*.\n")
    article = read_article(path)
    assert article.title == "Big news"
    assert "Emmanuel Macron met Olaf Scholz in Berlin." in article.text


def test_html_main_text_title_and_date(tmp_path):
    path = tmp_path / "rome.html"
    path.write_text(HTML)
    article = read_article(path)
    assert "Giorgia Meloni met Emmanuel Macron" in article.text and "Copyright" not in article.text
    assert article.title == "Talks in Rome"
    assert article.published == "2024-03-05"


def test_html_without_article_text_is_an_error():
    with pytest.raises(SourceError, match="no article text"):
        article_from_html("<html><body><nav>Home</nav></body></html>", "x")


def test_cp1252_is_read_with_a_warning(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes("Fran\xe7ois Hollande met Angela Merkel \u2013 twice.".encode("cp1252"))
    warnings = []
    article = read_article(path, warn=warnings.append)
    assert "François Hollande" in article.text and "–" in article.text
    assert warnings == ["not valid UTF-8, read as cp1252"]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("binary.txt", bytes(range(256)) * 4, "binary file"),
        ("image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("doc.pdf", b"%PDF-1.4", "unsupported file type"),
    ],
)
def test_bad_files_raise_a_clear_source_error(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(SourceError, match=reason):
        read_article(path)


def test_missing_and_oversized_files(tmp_path):
    with pytest.raises(SourceError, match="no such file"):
        read_article(tmp_path / "nope.txt")
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * (MAX_BYTES // 5 + 10))
    with pytest.raises(SourceError, match="too large"):
        read_article(big)


def test_runner_reports_bad_files_and_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Japanese Prime Minister Fumio Kishida met Joe Biden in Washington.")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    out, err = io.StringIO(), io.StringIO()
    code = run_extract([str(empty), str(tmp_path / "missing.txt"), str(good)], True, out, err)
    assert code == 1
    assert err.getvalue().splitlines() == [
        f"error: {empty}: empty file",
        f"error: {tmp_path / 'missing.txt'}: no such file",
    ]
    facts = [Fact.from_dict(json.loads(line)) for line in out.getvalue().splitlines()]
    assert {(f.subject, f.predicate, f.object) for f in facts} >= {
        ("Fumio Kishida", "HOLDS_OFFICE", "Japan"),
        ("Fumio Kishida", "MET_WITH", "Joe Biden"),
    }
    assert all(f.article == str(good) for f in facts)


def test_runner_table_and_success_code(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Japanese Prime Minister Fumio Kishida met Joe Biden in Washington.")
    out, err = io.StringIO(), io.StringIO()
    assert run_extract([str(good)], False, out, err) == 0
    assert "HOLDS_OFFICE" in out.getvalue() and "Fumio Kishida" in out.getvalue() and err.getvalue() == ""
