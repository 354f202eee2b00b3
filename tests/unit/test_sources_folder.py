"""Folder walking: include / exclude globs, hidden files, ids."""

from __future__ import annotations

from explorer.sources.folder import file_id, matches, walk


def test_globs():
    assert matches("a/b/c.txt", ["**/*.txt"]) and matches("c.txt", ["**/*.txt"])
    assert matches("deep/down/c.txt", ["*.txt"])  # no "/" in the pattern: the file name anywhere
    assert matches("2023/a.txt", ["2023/*.txt"]) and not matches("x/2023/a.txt", ["2023/*.txt"])
    assert not matches("2023/05/a.txt", ["2023/*.txt"]) and matches("2023/05/a.txt", ["2023/**/*.txt"])
    assert not matches("a.pdf", ["**/*.txt", "**/*.html"])


def test_walk_is_recursive_sorted_and_skips_hidden(tmp_path):
    for rel in [
        "b.txt",
        "a/x.html",
        "a/deep/y.md",
        ".hidden.txt",
        ".git/c.txt",
        "notes.pdf",
        "a/z.txt~",
        "drafts/d.txt",
    ]:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("text")
    found = [rel for rel, _ in walk(tmp_path)]
    assert found == ["a/deep/y.md", "a/x.html", "b.txt", "drafts/d.txt"]
    assert [rel for rel, _ in walk(tmp_path, ["**/*.txt"], ["drafts/**"])] == ["b.txt"]


def test_ids_are_relative_paths_without_suffix():
    assert file_id("b.txt") == "b"
    assert file_id("2023/05/xi-visit.html") == "2023/05/xi-visit"
    assert file_id("a.txt", "exports:") == "exports:a"
