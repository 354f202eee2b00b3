"""Docs and code check each other: every command, saved query and compose service is documented."""

from __future__ import annotations

import re

import yaml

from explorer.cli import app
from explorer.config import PROJECT_ROOT
from explorer.graph import cypher

README = (PROJECT_ROOT / "README.md").read_text()


def command_names(typer_app, prefix=""):
    import typer.main

    group = typer.main.get_command(typer_app)
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            for sub in command.commands:
                yield f"{prefix}{name} {sub}"
        else:
            yield f"{prefix}{name}"


def test_every_cli_command_is_in_the_readme():
    missing = [name for name in command_names(app) if f"explorer {name.split()[0]}" not in README]
    assert not missing, f"undocumented commands: {missing}"


def test_every_saved_query_is_in_the_readme():
    missing = [q.name for q in cypher.list_queries() if q.name.removeprefix("queries/") not in README]
    assert not missing, f"undocumented saved queries: {missing}"


def test_compose_names_the_services_and_ports_the_readme_documents():
    compose = yaml.safe_load((PROJECT_ROOT / "docker" / "docker-compose.yml").read_text())
    services = compose["services"]
    assert set(services) == {"neo4j", "app", "refresh"}
    assert services["neo4j"]["image"].startswith("neo4j:5.26")
    published = {int(p.split(":")[0]) for s in services.values() for p in s.get("ports", [])}
    assert published == {7474, 7687, 8501}
    for name in services:
        assert f"`{name}`" in README
    for port in published:
        assert re.search(rf"\b{port}\b", README)
    assert "NEO4J_PASSWORD" in services["neo4j"]["environment"]["NEO4J_AUTH"]
