"""Driver creation with clear errors. The caller owns the driver and closes it."""

from __future__ import annotations

import logging

import neo4j
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, ConfigurationError, ServiceUnavailable

from explorer.config import Settings, load_settings
from explorer.errors import DatabaseUnavailable

log = logging.getLogger(__name__)


def connect(settings: Settings | None = None, verify: bool = True) -> tuple[neo4j.Driver, Settings]:
    """Open a driver for `settings` (default: from the environment) and check it works.

    Raises DatabaseUnavailable naming the URI (never the password) when the server
    cannot be reached or refuses the credentials.
    """
    settings = settings or load_settings()
    try:
        driver = GraphDatabase.driver(
            settings.uri,
            auth=(settings.user, settings.password),
            connection_timeout=10,
            notifications_min_severity="OFF",  # user-facing messages are our own
            max_transaction_retry_time=15,
        )
    except (ValueError, ConfigurationError) as exc:
        raise DatabaseUnavailable(settings.uri, f"invalid URI ({exc})") from None
    if verify:
        try:
            driver.verify_connectivity()
            driver.execute_query("RETURN 1", database_=settings.database)
        except AuthError:
            driver.close()
            raise DatabaseUnavailable(settings.uri, f"authentication failed for user {settings.user!r}") from None
        except (ServiceUnavailable, OSError) as exc:
            driver.close()
            raise DatabaseUnavailable(settings.uri, f"not reachable ({type(exc).__name__})") from None
        except neo4j.exceptions.Neo4jError as exc:
            driver.close()
            raise DatabaseUnavailable(settings.uri, exc.message or exc.code or "error") from None
    log.debug("connected to %s", settings)
    return driver, settings
