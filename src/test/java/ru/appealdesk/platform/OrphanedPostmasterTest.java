package ru.appealdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is left in a data folder after a crash (the real crash: EmbeddedPostgresCrashSlowIT). */
class OrphanedPostmasterTest {

  @TempDir
  Path data;

  @Test
  void aPidFileOfADeadProcessIsStaleAndRemoved() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Files.writeString(data.resolve("postmaster.pid"), gone.pid() + "\n" + data + "\n");
    OrphanedPostmaster.clear(data, Duration.ofSeconds(1), Duration.ofSeconds(1));
    assertThat(data.resolve("postmaster.pid")).doesNotExist();
  }

  @Test
  void aPidThatAnotherProgramGotIsNotAPostmasterOfThisFolder() throws Exception {
    Files.writeString(data.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + data + "\n");
    assertThat(OrphanedPostmaster.servesFolder(ProcessHandle.current(), data)).isFalse();
    OrphanedPostmaster.clear(data, Duration.ofSeconds(1), Duration.ofSeconds(1));
    assertThat(data.resolve("postmaster.pid")).doesNotExist();
    assertThat(ProcessHandle.current().isAlive()).as("nobody was signalled").isTrue();
  }

  @Test
  void aFolderHeldByALiveApplicationIsNotTouched() throws Exception {
    Files.writeString(data.resolve("postmaster.pid"), "1\n");
    try (RandomAccessFile lock = new RandomAccessFile(data.resolve("epg-lock").toFile(), "rw");
         FileLock held = lock.getChannel().lock()) {
      assertThatThrownBy(() -> OrphanedPostmaster.clear(data, Duration.ofSeconds(1), Duration.ofSeconds(1)))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("in use");
    }
    assertThat(data.resolve("postmaster.pid")).exists();
  }

  @Test
  void nothingToDoWithoutAPidFile() throws Exception {
    OrphanedPostmaster.clear(data, Duration.ofSeconds(1), Duration.ofSeconds(1));
    assertThat(Files.list(data)).isEmpty();
  }
}
