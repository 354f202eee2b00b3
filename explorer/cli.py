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


# -- ingest, refresh, sources, schedule (issue 4) ---------------------------------------------

SourcesOption = Annotated[
    Path | None, typer.Option("--sources", help="Sources file (default: $EXPLORER_SOURCES or ./sources.toml).")
]


def _print_results(results, as_json: bool) -> None:
    for source in results:
        for article in source.articles:
            if article.status == "failed":
                err.print(f"{source.name}: {article.label}: {article.error}", highlight=False, markup=False)
        if source.error:
            err.print(f"{source.name}: {source.error}", highlight=False, markup=False)
    if as_json:
        return
    table = Table("source", "status", "new", "changed", "unchanged", "failed", "pruned", "seconds")
    for s in results:
        c = s.counts
        table.add_row(
            Text(s.name), s.status, *(str(c[k]) for k in ("new", "changed", "unchanged", "failed", "pruned")),
            f"{s.seconds:.1f}",
        )  # fmt: skip
    out.print(table)


@app.command()
def ingest(
    sources: Annotated[list[str], typer.Argument(help="Files, folders, article or feed URLs.", metavar="SOURCE...")],
    include: Annotated[list[str] | None, typer.Option(help="Glob for folders (repeatable).")] = None,
    exclude: Annotated[list[str] | None, typer.Option(help="Glob to skip in folders (repeatable).")] = None,
    batch_size: Annotated[int, typer.Option(help="Articles per transaction.")] = 200,
    force: Annotated[bool, typer.Option(help="Re-extract articles whose text is unchanged.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Ingest articles once: extract their facts and load them (unchanged ones are skipped)."""
    import threading

    from explorer.graph.schema import apply_schema
    from explorer.ingest import adhoc_sources
    from explorer.ingest import ingest as run_ingest
    from explorer.progress import progress_bars
    from explorer.refresh import stop_on_signals

    with database() as (driver, settings), stop_on_signals(threading.Event()) as stop:
        apply_schema(driver, settings.database)
        groups = len(adhoc_sources(sources, include, exclude or ()))
        with progress_bars(err, groups, enabled=not as_json) as on_progress:
            results = run_ingest(
                driver, settings.database, sources, include=include, exclude=exclude or (),
                batch_size=batch_size, force=force, on_progress=on_progress, stop=stop,
            )  # fmt: skip
    _print_results(results, as_json)
    if as_json:
        print(json.dumps([r.to_dict() for r in results], indent=2, ensure_ascii=False))
    landed = sum(r.count("new") + r.count("changed") + r.count("unchanged") for r in results)
    if any(r.status in ("failed", "partial") for r in results) or stop.is_set():
        raise typer.Exit(1 if landed else 2)


@app.command()
def refresh(
    sources_file: SourcesOption = None,
    only: Annotated[list[str] | None, typer.Option("--source", help="Only this source (repeatable).")] = None,
    wait: Annotated[
        float | None, typer.Option(help="If another refresh runs, wait up to this many seconds (0: no limit).")
    ] = None,
    lock_ttl: Annotated[int, typer.Option(help="Seconds the lock outlives a dead refresh.")] = 120,
    batch_size: Annotated[int, typer.Option(help="Articles per transaction.")] = 200,
    force: Annotated[bool, typer.Option(help="Re-extract articles whose text is unchanged.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON summary for orchestrators.")] = False,
) -> None:
    """Bring the graph up to date with every source (exit 0 ok, 1 some failed, 2 none ran, 75 locked)."""
    import threading

    from explorer.graph.runs import LockBusy
    from explorer.graph.schema import apply_schema
    from explorer.progress import progress_bars
    from explorer.refresh import refresh as run_refresh
    from explorer.refresh import stop_on_signals
    from explorer.sources.config import load_sources

    try:
        selected = load_sources(sources_file).select(only)
    except ExplorerError as exc:
        raise fail(str(exc), 2) from None
    with database() as (driver, settings), stop_on_signals(threading.Event()) as stop:
        apply_schema(driver, settings.database)
        try:
            with progress_bars(err, len(selected), enabled=not as_json) as on_progress:
                summary = run_refresh(
                    driver, settings.database, selected, wait=wait, lock_ttl=lock_ttl, batch_size=batch_size,
                    force=force, on_progress=on_progress, stop=stop,
                )  # fmt: skip
        except LockBusy as exc:
            if as_json:
                print(json.dumps({"status": "locked", "exit_code": 75, "error": str(exc), "holder": exc.holder}))
            raise fail(str(exc), 75) from None
    _print_results(summary.sources, as_json)
    if summary.error:
        err.print(f"[red]error:[/red] {summary.error}", highlight=False)
    if as_json:
        print(json.dumps(summary.to_dict(), indent=2, ensure_ascii=False))
    else:
        t = summary.totals
        out.print(
            f"run {summary.id}: {summary.status} ({t['new']} new, {t['changed']} changed, {t['unchanged']} unchanged, "
            f"{t['failed']} failed, {t['pruned']} pruned) in {summary.seconds:.1f}s"
        )
    raise typer.Exit(summary.exit_code)


@app.command("sources")
def sources_cmd(
    sources_file: SourcesOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List the configured sources with their state from the graph (last run, articles, last error)."""
    from explorer.refresh import source_states
    from explorer.sources.config import load_sources

    try:
        configured = load_sources(sources_file).sources
    except ExplorerError as exc:
        raise fail(str(exc), 2) from None
    with database() as (driver, settings):
        rows = source_states(driver, settings.database, configured)
    if as_json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    table = Table("name", "type", "location", "last run", "status", "articles", "last error")
    for row in rows:
        table.add_row(
            Text(row["name"]), row.get("type") or "", Text(row.get("location") or ""),
            row.get("last_run_at") or "never", row.get("last_status") or "-", str(row.get("articles") or 0),
            Text((row.get("last_error") or row.get("note") or "")[:120]),
        )  # fmt: skip
    out.print(table)


@app.command()
def schedule(
    sources_file: SourcesOption = None,
    cron: Annotated[str | None, typer.Option(help="Crontab line for all sources (overrides the file's).")] = None,
    run_now: Annotated[bool, typer.Option(help="Also refresh once at start-up.")] = False,
    lock_ttl: Annotated[int, typer.Option(help="Seconds the lock outlives a dead refresh.")] = 120,
) -> None:
    """Run refreshes on a schedule (cron lines per source or global), for hosts without cron."""
    from explorer.schedule import run_scheduler

    try:
        code = run_scheduler(sources_file, cron=cron, run_now=run_now, lock_ttl=lock_ttl)
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
