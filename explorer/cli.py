"""The `explorer` command: thin commands that parse options and call plain functions."""

from __future__ import annotations

import json
import logging
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from explorer.errors import DatabaseUnavailable, ExplorerError

app = typer.Typer(
    help="News knowledge-graph explorer: articles -> facts -> Neo4j -> explore.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
neo4j_app = typer.Typer(help="The project's own local Neo4j (for machines without Docker).", no_args_is_help=True)
app.add_typer(neo4j_app, name="neo4j")

out = Console(emoji=False, highlight=False)
err = Console(stderr=True, emoji=False, soft_wrap=True)  # messages stay one greppable line
log = logging.getLogger("explorer")


@app.callback()
def _setup(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Debug logging.")] = False) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    logging.getLogger("neo4j").setLevel(logging.WARNING)


def fail(message: str, code: int) -> typer.Exit:
    err.print(f"[red]error:[/red] {message}", markup=True, highlight=False)
    return typer.Exit(code)


@contextmanager
def database():
    """A connected driver and settings; user-facing errors become exit codes, never tracebacks."""
    import neo4j.exceptions

    from explorer.graph.connection import connect

    try:
        driver, settings = connect()
    except ExplorerError as exc:
        raise fail(str(exc), exc.exit_code) from None
    try:
        yield driver, settings
    except (neo4j.exceptions.ServiceUnavailable, neo4j.exceptions.SessionExpired) as exc:
        problem = DatabaseUnavailable(settings.uri, f"connection lost ({type(exc).__name__})")
        raise fail(str(problem), 2) from None
    except ExplorerError as exc:
        raise fail(str(exc), exc.exit_code) from None
    finally:
        driver.close()


@app.command("init-db")
def init_db() -> None:
    """Create constraints, indexes and the full-text index (idempotent)."""
    from explorer.graph.schema import apply_schema

    with database() as (driver, settings):
        n = apply_schema(driver, settings.database)
    out.print(f"schema applied on {settings.uri}: {n} statements")


@app.command()
def load(
    files: Annotated[list[Path], typer.Argument(help="Facts as JSON lines (the extraction contract).")],
    batch_size: Annotated[int, typer.Option(help="Articles per transaction.")] = 50,
) -> None:
    """Load facts into the graph; bad lines are reported with their line number and skipped."""
    from explorer.graph.schema import apply_schema
    from explorer.loading import load_files

    with database() as (driver, settings):
        apply_schema(driver, settings.database)
        report = load_files(driver, settings.database, files, batch_size)
    for name, number, reason in report.errors:
        err.print(f"{name}:{number}: skipped: {reason}", highlight=False)
    for article, reason in report.written.failed:
        err.print(f"article {article}: not written: {reason}", highlight=False)
    out.print(
        f"loaded {report.written.facts} facts from {report.written.articles} articles "
        f"({report.lines} lines, {len(report.errors)} skipped) into {settings.uri}"
    )
    if report.errors or report.written.failed:
        raise typer.Exit(1)


@app.command()
def stats(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Counts of entities by type, articles, and facts by predicate."""
    from explorer.graph.reader import stats as read_stats

    with database() as (driver, settings):
        counts = read_stats(driver, settings.database)
    if as_json:
        print(json.dumps(counts, indent=2))
        return
    for title, key in (("Nodes", "labels"), ("Facts", "types")):
        table = Table(title=title)
        table.add_column("name")
        table.add_column("count", justify="right")
        for name, count in counts[key].items():
            table.add_row(name, str(count))
        out.print(table)


def _parse_params(params: str | None, param: list[str] | None) -> dict:
    values: dict = {}
    if params:
        try:
            values.update(json.loads(params))
        except json.JSONDecodeError as exc:
            raise fail(f"--params is not a JSON object: {exc.msg}", 2) from None
    for item in param or []:
        key, sep, raw = item.partition("=")
        if not sep:
            raise fail(f"--param wants key=value, got {item!r}", 2)
        try:
            values[key] = json.loads(raw)
        except json.JSONDecodeError:
            values[key] = raw
    return values


@app.command()
def query(
    cypher_text: Annotated[str, typer.Argument(metavar="QUERY", help="Inline Cypher, or a saved query's name.")],
    params: Annotated[str | None, typer.Option(help="Parameters as a JSON object.")] = None,
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="key=value (value parsed as JSON).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON lines.")] = False,
    limit: Annotated[int, typer.Option(help="Row cap.")] = 1000,
    timeout: Annotated[float, typer.Option(help="Seconds before the server stops the query.")] = 30.0,
) -> None:
    """Run a read-only query: inline Cypher or a saved one from cypher/queries/ (by name)."""
    from explorer.graph import cypher
    from explorer.graph.reader import run_read_only
    from explorer.serialize import to_jsonable

    values = _parse_params(params, param)
    saved = {q.name.removeprefix("queries/"): q for q in cypher.list_queries()}
    text = saved[cypher_text].text if cypher_text in saved else cypher_text
    with database() as (driver, settings):
        result = run_read_only(driver, settings.database, text, values, timeout=timeout, max_rows=limit)
    if as_json:
        for row in result.rows:
            print(json.dumps(dict(zip(result.columns, to_jsonable(row), strict=True)), ensure_ascii=False))
    else:
        table = Table(*result.columns)
        for row in result.rows:
            cells = (v if isinstance(v, str) else json.dumps(v, ensure_ascii=False) for v in to_jsonable(row))
            table.add_row(*(Text(c) for c in cells))  # Text: data is never read as markup
        out.print(table)
    if result.truncated:
        err.print(f"note: output capped at {limit} rows (--limit)")


@app.command()
def extract(
    files: Annotated[list[str], typer.Argument(help="Article files: .txt, .md, .html.")],
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines (the extraction contract).")] = False,
) -> None:
    """Extract typed, evidenced facts from articles."""
    from explorer.extract.runner import run_extract

    raise typer.Exit(run_extract(files, as_json))


@neo4j_app.command("start")
def neo4j_start(
    port: Annotated[int, typer.Option(help="Bolt port; another free one is used if taken.")] = 7687,
    data: Annotated[Path | None, typer.Option(help="Data directory.")] = None,
) -> None:
    """Start the local Neo4j in the background and record its address for other commands."""
    from explorer import local_neo4j
    from explorer.config import LOCAL_DIR

    running = local_neo4j.read_state()
    if running:
        out.print(f"local Neo4j already running on port {running['port']} (pid {running['pid']})")
        return
    try:
        server = local_neo4j.start(data or LOCAL_DIR / "data", port)
    except ExplorerError as exc:
        raise fail(str(exc), exc.exit_code) from None
    local_neo4j.write_state(server)
    out.print(f"local Neo4j ready at {server.uri} in {server.started_in:.1f}s (pid {server.process.pid})")


@neo4j_app.command("stop")
def neo4j_stop() -> None:
    """Stop the local Neo4j started by `explorer neo4j start`."""
    from explorer import local_neo4j

    out.print("stopped" if local_neo4j.stop_recorded() else "no local Neo4j was running")


@neo4j_app.command("status")
def neo4j_status() -> None:
    """Is the local Neo4j running, and where."""
    from explorer import local_neo4j

    state = local_neo4j.read_state()
    if not state:
        raise fail("the local Neo4j is not running (start it with `explorer neo4j start`)", 1)
    out.print(f"running at bolt://127.0.0.1:{state['port']} (pid {state['pid']}, data {state['data']})")


@app.command()
def serve(
    port: Annotated[int, typer.Option(help="Port of the web app.")] = 8501,
    address: Annotated[str, typer.Option(help="Address the app listens on (0.0.0.0 in containers).")] = "127.0.0.1",
    sample: Annotated[bool, typer.Option(help="Load the bundled sample first.")] = True,
    headless: Annotated[bool, typer.Option(help="Do not open a browser.")] = True,
) -> None:
    """Start everything `make run` needs: local Neo4j (unless NEO4J_URI), sample, web app."""
    from explorer.serve import serve as run_serve

    try:
        code = run_serve(app_port=port, address=address, load_sample=sample, headless=headless)
    except ExplorerError as exc:
        raise fail(str(exc), exc.exit_code) from None
    raise typer.Exit(code)


def main() -> None:
    try:
        app()
    except Exception as exc:  # the last line of defence: a message, never a traceback
        if logging.getLogger().isEnabledFor(logging.DEBUG):
            raise
        err.print(f"[red]internal error:[/red] {type(exc).__name__}: {exc} (run with -v for details)", highlight=False)
        sys.exit(3)


if __name__ == "__main__":
    main()
