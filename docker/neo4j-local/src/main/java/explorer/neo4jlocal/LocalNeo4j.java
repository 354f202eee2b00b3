package explorer.neo4jlocal;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Neo4j Community in-process, Bolt only, bound to loopback: the project's database on
 * machines without Docker.
 *
 * <p>Usage: LocalNeo4j DATA_DIR [PORT]. Prints exactly one line, "neo4j-local ready
 * bolt://127.0.0.1:PORT", once Bolt accepts connections; shuts down cleanly on SIGTERM
 * (the JVM runs shutdown hooks on TERM/INT). Auth is off: the socket is loopback-only.
 */
public final class LocalNeo4j {
  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: LocalNeo4j DATA_DIR [PORT]");
      System.exit(64);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 7687;
    String pageCache = System.getProperty("neo4j.pagecache", "256m");

    DatabaseManagementService dbms =
        new DatabaseManagementServiceBuilder(home)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
            .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
            .setConfig(HttpConnector.enabled, false)
            .setConfig(GraphDatabaseSettings.auth_enabled, false)
            // LOAD CSV must not read this machine's files
            .setConfig(GraphDatabaseSettings.allow_file_urls, false)
            .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache))
            .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
            .build();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("neo4j-local stopping");
                  dbms.shutdown();
                  stopped.countDown();
                },
                "neo4j-local-shutdown"));

    waitForBolt(port);
    System.out.println("neo4j-local ready bolt://127.0.0.1:" + port);
    System.out.flush();
    stopped.await();
  }

  /** build() returns once databases are up; Bolt's socket may lag a moment behind. */
  private static void waitForBolt(int port) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    System.err.println("neo4j-local: Bolt did not open on port " + port);
    System.exit(3);
  }
}
