"""sources.toml parsing, validation and the shipped example."""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer.errors import ConfigError
from explorer.schedule import plan
from explorer.sources.config import load_sources, parse_sources

ROOT = Path(__file__).resolve().parents[2]


def test_example_file_parses_and_every_type_is_shown():
    sources = load_sources(ROOT / "sources.example.toml")
    assert {s.type for s in sources.sources} == {"folder", "files", "urls", "feed"}
    assert plan(sources)  # every enabled source has a schedule


def test_defaults_relative_paths_and_options(tmp_path):
    text = """
[defaults]
timeout = 5
schedule = "*/30 * * * *"

[sources.exports]
type = "folder"
location = "exports"
include = ["**/*.txt"]
prune = true

[sources.news]
type = "feed"
location = "https://127.0.0.1/rss.xml"
schedule = "0 * * * *"
max_entries = 20
"""
    parsed = parse_sources(text, tmp_path)
    exports, news = parsed.sources
    assert exports.location == (str(tmp_path / "exports"),) and exports.prune and exports.timeout == 5.0
    assert exports.include == ("**/*.txt",)
    assert news.max_entries == 20 and news.fetch_options.timeout == 5.0
    assert plan(parsed) == [("0 * * * *", ["news"]), ("*/30 * * * *", ["exports"])]
    assert plan(parsed, cron="5 4 * * *") == [("5 4 * * *", ["exports", "news"])]
    assert [s.name for s in parsed.select(["news"])] == ["news"]
    with pytest.raises(ConfigError, match="no source named"):
        parsed.select(["nope"])


def test_urls_file(tmp_path):
    (tmp_path / "urls.txt").write_text("# watch list\nhttps://127.0.0.1/a\n\nhttps://127.0.0.1/b\n")
    parsed = parse_sources('[sources.w]\ntype = "urls"\nurls_file = "urls.txt"\n', tmp_path)
    assert parsed.sources[0].location == ("https://127.0.0.1/a", "https://127.0.0.1/b")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[sources.a]\ntype = "x"\nlocation = "y"', "type must be one of"),
        ('[sources.a]\ntype = "folder"\nlocation = "y"\nprun = true', "unknown option"),
        ('[sources.a]\ntype = "feed"\nlocation = "ftp://y"', "not an http"),
        ('[sources.a]\ntype = "folder"\nlocation = "y"\nschedule = "every day"', "not a crontab line"),
        ('[sources.a]\ntype = "folder"\nlocation = "y"\ntimeout = "soon"', "wrong type"),
        ('[sources.a]\ntype = "folder"', "location is missing"),
        ("[sources]", "defines no sources"),
        ("[source.a]\ntype = 'folder'", "unknown table"),
        ("this is = not toml =", "not valid TOML"),
    ],
)
def test_bad_files_are_clear_errors(text, message, tmp_path):
    with pytest.raises(ConfigError, match=message):
        parse_sources(text, tmp_path)


def test_missing_file_says_what_to_do(tmp_path):
    with pytest.raises(ConfigError, match=r"sources\.example\.toml"):
        load_sources(tmp_path / "sources.toml")


def test_unscheduled_source_is_an_error_for_the_scheduler(tmp_path):
    parsed = parse_sources('[sources.a]\ntype = "folder"\nlocation = "y"', tmp_path)
    with pytest.raises(ConfigError, match="no schedule"):
        plan(parsed)
