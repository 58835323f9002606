// Runs a Neo4j Community DBMS in this JVM with Bolt on a loopback port, for development and tests.
// Started by src/neo4j/local-server.ts as: java -cp '<lib>/*' src/neo4j/launcher/Launcher.java
//   --data <folder> --port <port> [--host 127.0.0.1] [--pagecache 128m] [--tx-timeout 120s]
//   [--tx-memory 256m: one transaction's memory] [--tx-memory-total 512m: all transactions together]
//   [--parent-pid <pid>: shut down when that process is gone]
// The password of user neo4j comes from the NEO4J_PASSWORD environment variable (not an argument, so that
// it does not show in the process list) and is set once, at the first start of a data folder.
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

public class Launcher {
  public static void main(String[] args) throws Exception {
    Map<String, String> opts = parseArgs(args);
    Path data = Path.of(require(opts, "data")).toAbsolutePath();
    String host = opts.getOrDefault("host", "127.0.0.1");
    int port = Integer.parseInt(opts.getOrDefault("port", "7687"));
    String password = System.getenv("NEO4J_PASSWORD");
    if (password == null || password.length() < 8) {
      fail("NEO4J_PASSWORD must be set to at least 8 characters (Neo4j's minimum password length)");
    }
    Files.createDirectories(data);

    long started = System.nanoTime();
    Map<String, String> raw = new LinkedHashMap<>();
    raw.put("server.memory.pagecache.size", opts.getOrDefault("pagecache", "128m"));
    // Without this every new transaction log file reserves its full size (256 MB) on disk.
    raw.put("db.tx_log.preallocate", "false");
    raw.put("db.tx_log.rotation.retention_policy", "2 files");
    raw.put("db.transaction.timeout", opts.getOrDefault("tx-timeout", "120s"));
    // A query that builds a huge value must fail on its own (MemoryPoolOutOfMemoryError) instead of
    // exhausting the heap and taking the whole database down; local-server.ts sizes both to the heap.
    if (opts.containsKey("tx-memory")) raw.put("db.memory.transaction.max", opts.get("tx-memory"));
    if (opts.containsKey("tx-memory-total")) {
      raw.put("dbms.memory.transaction.total.max", opts.get("tx-memory-total"));
    }
    raw.put("dbms.security.allow_csv_import_from_file_urls", "false");
    raw.put("server.bolt.tls_level", "DISABLED");
    raw.put("dbms.usage_report.enabled", "false");
    // Any other Neo4j setting, e.g. NEO4J_SETTINGS='db.logs.query.enabled=OFF;db.lock.acquisition.timeout=10s'.
    String extra = System.getenv("NEO4J_SETTINGS");
    if (extra != null) {
      for (String entry : extra.split(";")) {
        if (entry.isBlank()) continue;
        int eq = entry.indexOf('=');
        if (eq <= 0) fail("NEO4J_SETTINGS: \"" + entry.trim() + "\" is not setting=value");
        raw.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
      }
    }

    // The embedded builder takes string-keyed settings only from a file, so they are written to one.
    Path conf = data.resolve("apec-neo4j.conf");
    StringBuilder text = new StringBuilder("# Written by src/neo4j/launcher/Launcher.java at every start\n");
    raw.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
    Files.writeString(conf, text.toString());

    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(data)
        .loadPropertiesFromFile(conf)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
        .setConfig(GraphDatabaseSettings.auth_enabled, true)
        .build();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("APEC_NEO4J_STOPPING");
      dbms.shutdown();
      stopped.countDown();
      System.out.println("APEC_NEO4J_STOPPED");
    }, "apec-neo4j-shutdown"));

    setInitialPassword(dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), password);
    if (opts.containsKey("parent-pid")) exitWithParent(Long.parseLong(opts.get("parent-pid")));
    long ms = Duration.ofNanos(System.nanoTime() - started).toMillis();
    System.out.println("APEC_NEO4J_READY bolt://" + host + ":" + port + " in " + ms + " ms (data " + data + ")");
    System.out.flush();
    stopped.await();
  }

  // The first start of a data folder leaves user neo4j with the default password and "change required";
  // later starts keep whatever password was set, so a wrong one is refused.
  private static void setInitialPassword(GraphDatabaseService system, String password) {
    boolean firstStart = system.executeTransactionally(
        "SHOW USERS YIELD user, passwordChangeRequired WHERE user = 'neo4j' RETURN passwordChangeRequired",
        Map.of(),
        result -> result.hasNext() && Boolean.TRUE.equals(result.next().get("passwordChangeRequired")));
    if (firstStart) {
      system.executeTransactionally(
          "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
      System.out.println("APEC_NEO4J_PASSWORD_SET");
    }
  }

  // A database started for a test run must not outlive the run, even when the runner is killed.
  private static void exitWithParent(long parentPid) {
    Thread watcher = new Thread(() -> {
      while (ProcessHandle.of(parentPid).map(ProcessHandle::isAlive).orElse(false)) {
        try {
          Thread.sleep(1000);
        } catch (InterruptedException e) {
          return;
        }
      }
      System.out.println("APEC_NEO4J_PARENT_GONE " + parentPid);
      System.exit(0);
    }, "apec-neo4j-parent-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  private static Map<String, String> parseArgs(String[] args) {
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) fail("Bad argument: " + args[i]);
      opts.put(args[i].substring(2), args[++i]);
    }
    return opts;
  }

  private static String require(Map<String, String> opts, String key) {
    String value = opts.get(key);
    if (value == null) fail("Missing --" + key);
    return value;
  }

  private static void fail(String message) {
    System.err.println("APEC_NEO4J_FAILED " + message);
    System.exit(2);
  }
}
