"""One error hierarchy that callers (CLI, app, refresh) catch and show without a traceback."""

from __future__ import annotations


class ExplorerError(Exception):
    """Base of every error this package raises on purpose; its message is for users."""

    exit_code = 1


class ConfigError(ExplorerError):
    exit_code = 2


class DatabaseUnavailable(ExplorerError):
    """Neo4j cannot be reached or refused our credentials."""

    exit_code = 2

    def __init__(self, uri: str, reason: str):
        self.uri = uri
        self.reason = reason
        super().__init__(
            f"cannot use Neo4j at {uri}: {reason}. "
            "Start the project's local Neo4j with `make neo4j` (or `explorer neo4j start`), "
            "or set NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD to a running server."
        )


class QueryRefused(ExplorerError):
    """A user query that is not read-only, or otherwise not allowed to run."""


class QueryFailed(ExplorerError):
    """The database rejected a user query; the message is the database's own."""
