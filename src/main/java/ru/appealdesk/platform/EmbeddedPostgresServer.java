package ru.appealdesk.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL server per JVM and data directory, shared by every Spring context that uses it (cached test
 * contexts). It stops when the last data source using it is closed, i.e. after the engine has shut down.
 */
final class EmbeddedPostgresServer {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  private static final Map<String, Running> RUNNING = new HashMap<>();

  private EmbeddedPostgresServer() {}

  /** Starts (or joins) the server; every call must be paired with {@link #release(String)}. */
  static synchronized EmbeddedPostgres acquire(EmbeddedPostgresProperties props) {
    String key = key(props);
    Running running = RUNNING.computeIfAbsent(key, k -> new Running(start(props)));
    running.users++;
    return running.pg;
  }

  static synchronized void release(EmbeddedPostgresProperties props) {
    String key = key(props);
    Running running = RUNNING.get(key);
    if (running != null && --running.users == 0) {
      RUNNING.remove(key);
      try {
        running.pg.close();
      } catch (IOException e) {
        log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
      }
    }
  }

  private static String key(EmbeddedPostgresProperties props) {
    return props.temporary() ? "<temporary>" : Path.of(props.dataDir()).toAbsolutePath().normalize().toString();
  }

  private static EmbeddedPostgres start(EmbeddedPostgresProperties props) {
    try {
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
          .setRegisterShutdownHook(false)
          .setServerConfig("synchronous_commit", props.synchronousCommit())
          .setServerConfig("max_connections", "200")
          .setServerConfig("shared_buffers", "256MB")
          .setServerConfig("timezone", "UTC")
          // log policy (docs/security.md): the server log, forwarded into ours, never carries DETAIL (key values)
          // or statement texts of failed statements
          .setServerConfig("log_error_verbosity", "terse")
          .setServerConfig("log_min_error_statement", "panic");
      if (props.port() > 0) {
        builder.setPort(props.port());
      }
      if (!props.temporary()) {
        Path dir = Path.of(props.dataDir()).toAbsolutePath().normalize();
        Files.createDirectories(dir.getParent());
        OrphanedPostmaster.clear(dir, Duration.ofSeconds(60), Duration.ofSeconds(20));
        builder.setDataDirectory(dir).setCleanDataDirectory(false);
        log.info("Starting embedded PostgreSQL with data in {}", dir);
      } else {
        log.info("Starting embedded PostgreSQL with a temporary data directory");
      }
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
    }
  }

  private static final class Running {
    final EmbeddedPostgres pg;
    int users;

    Running(EmbeddedPostgres pg) {
      this.pg = pg;
    }
  }
}
