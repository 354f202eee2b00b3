"""Start and stop the project's own Neo4j (docker/neo4j-local) for machines without Docker.

The launcher is built once with Maven; starting it is a plain `java` command, so Maven
is not in the start-up path. Used by `make run`, `explorer neo4j start` and the test
suite's session fixture.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import signal
import socket
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from explorer.config import LOCAL_DIR, PROJECT_ROOT, local_state_file
from explorer.errors import ExplorerError

log = logging.getLogger(__name__)

LAUNCHER_DIR = PROJECT_ROOT / "docker" / "neo4j-local"
MAIN_CLASS = "explorer.neo4jlocal.LocalNeo4j"
READY_PREFIX = "neo4j-local ready "
# The module openings Neo4j's own server start script passes to the JVM.
JVM_FLAGS = [
    *(
        f"--add-opens=java.base/{pkg}=ALL-UNNAMED"
        for pkg in (
            "java.nio",
            "java.io",
            "sun.nio.ch",
            "java.lang",
            "java.util",
            "java.util.concurrent",
            "java.net",
            "jdk.internal.misc",
            "jdk.internal.ref",
        )
    ),
    "--enable-native-access=ALL-UNNAMED",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
]


class LocalNeo4jError(ExplorerError):
    exit_code = 2


def is_built(launcher_dir: Path = LAUNCHER_DIR) -> bool:
    classes = launcher_dir / "target" / "classes" / "explorer" / "neo4jlocal" / "LocalNeo4j.class"
    deps = launcher_dir / "target" / "dependency"
    return classes.exists() and deps.is_dir() and any(deps.glob("neo4j-5.*.jar"))


def build(launcher_dir: Path = LAUNCHER_DIR) -> None:
    """Compile the launcher and copy Neo4j's jars next to it (once)."""
    if is_built(launcher_dir):
        return
    mvn = shutil.which("mvn")
    if not mvn:
        raise LocalNeo4jError("Maven (mvn) is needed once to build the local Neo4j launcher; install it")
    log.info("building the local Neo4j launcher with Maven (first run only)")
    result = subprocess.run(
        [mvn, "-q", "-B", "package", "dependency:copy-dependencies"],
        cwd=launcher_dir,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise LocalNeo4jError(f"building the launcher failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")


def port_is_free(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def free_port(preferred: int | None = None) -> int:
    """`preferred` if nothing listens there, else a port the OS picks."""
    if preferred and port_is_free(preferred):
        return preferred
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def java_command(data_dir: Path, port: int, heap: str = "1g", launcher_dir: Path = LAUNCHER_DIR) -> list[str]:
    java = shutil.which("java", path=os.path.join(os.environ.get("JAVA_HOME", ""), "bin")) or shutil.which("java")
    if not java:
        raise LocalNeo4jError("a Java 17+ runtime (java) is needed for the local Neo4j")
    classpath = f"{launcher_dir / 'target' / 'classes'}:{launcher_dir / 'target' / 'dependency'}/*"
    return [java, f"-Xmx{heap}", *JVM_FLAGS, "-cp", classpath, MAIN_CLASS, str(data_dir), str(port)]


@dataclass
class LocalNeo4j:
    """A running local Neo4j process."""

    process: subprocess.Popen
    port: int
    data_dir: Path
    started_in: float

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"

    def stop(self, timeout: float = 30) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                log.warning("local Neo4j did not stop within %ss; killing it", timeout)
                self.process.kill()
                self.process.wait()


def start(
    data_dir: Path,
    port: int | None = 7687,
    timeout: float = 120,
    log_file: Path | None = None,
    heap: str = "1g",
) -> LocalNeo4j:
    """Build if needed, start, and wait for the ready line. `port=None` picks a free one."""
    build()
    chosen = free_port(port)
    if port and chosen != port:
        log.warning("port %d is taken; the local Neo4j uses port %d instead", port, chosen)
    data_dir.mkdir(parents=True, exist_ok=True)
    log_file = log_file or data_dir / "neo4j-local.log"
    out = open(log_file, "ab")  # noqa: SIM115 - handed to the child process
    began = time.monotonic()
    process = subprocess.Popen(
        java_command(data_dir, chosen, heap),
        stdout=subprocess.PIPE,
        stderr=out,
        start_new_session=True,  # Ctrl-C in a terminal reaches us, and we stop it in order
    )
    ready = threading.Event()

    def pump() -> None:  # copy the launcher's stdout to its log, noticing the ready line
        assert process.stdout is not None
        for line in process.stdout:
            out.write(line)
            out.flush()
            if line.decode(errors="replace").startswith(READY_PREFIX):
                ready.set()

    threading.Thread(target=pump, daemon=True).start()
    while not ready.wait(0.1):
        if process.poll() is not None:
            raise LocalNeo4jError(f"the local Neo4j exited with code {process.returncode}; see {log_file}")
        if time.monotonic() - began > timeout:
            process.kill()
            raise LocalNeo4jError(f"the local Neo4j did not start within {timeout:.0f}s; see {log_file}")
    server = LocalNeo4j(process, chosen, data_dir, time.monotonic() - began)
    log.info("local Neo4j ready at %s in %.1fs (data in %s)", server.uri, server.started_in, data_dir)
    return server


def write_state(server: LocalNeo4j, local_dir: Path = LOCAL_DIR) -> None:
    state = local_state_file(local_dir)
    state.parent.mkdir(parents=True, exist_ok=True)
    state.write_text(json.dumps({"port": server.port, "pid": server.process.pid, "data": str(server.data_dir)}))


def read_state(local_dir: Path = LOCAL_DIR) -> dict | None:
    state = local_state_file(local_dir)
    try:
        data = json.loads(state.read_text())
    except (OSError, ValueError):
        return None
    try:
        os.kill(int(data["pid"]), 0)
    except (OSError, KeyError, ValueError):
        state.unlink(missing_ok=True)  # the process is gone: the state is stale
        return None
    return data


def stop_recorded(local_dir: Path = LOCAL_DIR, timeout: float = 30) -> bool:
    """Stop the local Neo4j recorded in the state file; False if none was running."""
    data = read_state(local_dir)
    if not data:
        return False
    pid = int(data["pid"])
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except OSError:
            break
        time.sleep(0.2)
    else:
        os.kill(pid, signal.SIGKILL)
    local_state_file(local_dir).unlink(missing_ok=True)
    return True
