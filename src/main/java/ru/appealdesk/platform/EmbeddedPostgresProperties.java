package ru.appealdesk.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL used when no {@code spring.datasource.url} is configured.
 *
 * @param dataDir where the cluster keeps its data; blank means a temporary directory that is removed at exit (tests)
 * @param port TCP port on 127.0.0.1; 0 picks a free one
 * @param synchronousCommit {@code on} for the run command (an accepted appeal survives a crash), {@code off} is fine for tests
 */
@ConfigurationProperties("appealdesk.embedded-postgres")
public record EmbeddedPostgresProperties(String dataDir, int port, String synchronousCommit) {

  public EmbeddedPostgresProperties {
    if (synchronousCommit == null || synchronousCommit.isBlank()) {
      synchronousCommit = "on";
    }
  }

  boolean temporary() {
    return dataDir == null || dataDir.isBlank();
  }
}
