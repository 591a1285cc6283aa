package ru.appealdesk.platform;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 14: the embedded PostgreSQL survives a crash of the application. When the JVM is killed (SIGKILL, OOM killer)
 * its postmaster keeps running with the data folder and {@code postmaster.pid}; the next start would fail with "lock
 * file already exists". Before the server is started on a data folder this:
 * <ol>
 *   <li>makes sure no live application holds the folder (the embedded server's {@code epg-lock} file is locked by the
 *       JVM that started it, and the operating system releases that lock when the JVM dies);</li>
 *   <li>reads the postmaster's PID from {@code postmaster.pid}; if that process is a postgres serving this folder, it
 *       is the orphan of a dead application: it is asked to shut down "fast" (SIGINT: sessions end, a checkpoint is
 *       written, nothing committed is lost), then "immediate" (SIGQUIT: WAL recovery at the next start) if it does
 *       not stop in time; it is never SIGKILLed;</li>
 *   <li>a {@code postmaster.pid} whose process is gone (or is some other program that got the PID) is stale and is
 *       removed, as PostgreSQL itself does when the PID is free.</li>
 * </ol>
 * Then the server starts on the same folder with all its data.
 */
final class OrphanedPostmaster {

  private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);
  static final String PID_FILE = "postmaster.pid";
  /** The lock file of io.zonky's EmbeddedPostgres inside the data folder. */
  static final String OWNER_LOCK = "epg-lock";

  private OrphanedPostmaster() {}

  /** Called before the embedded server starts on {@code dataDir}; throws when a live application uses it. */
  static void clear(Path dataDir, Duration fastTimeout, Duration immediateTimeout) throws IOException {
    Path pidFile = dataDir.resolve(PID_FILE);
    if (!Files.exists(pidFile)) {
      return;
    }
    if (ownerAlive(dataDir)) {
      throw new IllegalStateException("The embedded PostgreSQL data folder " + dataDir
          + " is in use by another running Appeal Desk (its lock file is held); stop it first or choose another "
          + "appealdesk.embedded-postgres.data-dir");
    }
    Optional<Long> pid = pid(pidFile);
    Optional<ProcessHandle> process = pid.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
    if (process.isPresent() && servesFolder(process.get(), dataDir)) {
      ProcessHandle postmaster = process.get();
      log.warn("Found the PostgreSQL server (PID {}) of a crashed application still running on {}: stopping it",
          postmaster.pid(), dataDir);
      if (!stop(postmaster, "INT", fastTimeout) && !stop(postmaster, "QUIT", immediateTimeout)) {
        throw new IllegalStateException("The orphaned PostgreSQL server (PID " + postmaster.pid() + ") on "
            + dataDir + " did not stop; stop it by hand (pg_ctl stop -D " + dataDir + ")");
      }
      log.info("Orphaned PostgreSQL server (PID {}) stopped; starting on the same data", postmaster.pid());
    } else {
      log.warn("Removing a stale {} of {} (PID {} is not a PostgreSQL server of this folder)", PID_FILE, dataDir,
          pid.map(String::valueOf).orElse("unreadable"));
    }
    Files.deleteIfExists(pidFile);
  }

  /** Whether the JVM that started a server on this folder still holds its lock. */
  static boolean ownerAlive(Path dataDir) throws IOException {
    Path lockFile = dataDir.resolve(OWNER_LOCK);
    if (!Files.exists(lockFile)) {
      return false;
    }
    try (RandomAccessFile file = new RandomAccessFile(lockFile.toFile(), "rw");
         FileChannel channel = file.getChannel()) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return true;
      }
      lock.release();
      return false;
    } catch (OverlappingFileLockException e) {
      return true; // this JVM holds it: a server on this folder is running here
    }
  }

  static Optional<Long> pid(Path pidFile) {
    try {
      List<String> lines = Files.readAllLines(pidFile);
      return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** A postgres process whose command line names this data folder. */
  static boolean servesFolder(ProcessHandle process, Path dataDir) {
    ProcessHandle.Info info = process.info();
    String command = info.command().orElse("");
    String line = info.commandLine().orElse(command);
    String folder = dataDir.toAbsolutePath().normalize().toString();
    boolean postgres = Path.of(command.isEmpty() ? "x" : command).getFileName().toString().startsWith("postgres")
        || line.contains("postgres");
    return postgres && (line.contains(folder) || line.contains(dataDir.toString()));
  }

  /** Sends the signal and waits; true when the process has ended. */
  private static boolean stop(ProcessHandle process, String signal, Duration timeout) {
    try {
      Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
          .redirectErrorStream(true).start();
      kill.getInputStream().readAllBytes();
      kill.waitFor();
    } catch (IOException e) {
      log.warn("Could not signal PID {}: {}", process.pid(), e.getClass().getSimpleName());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    Instant until = Instant.now().plus(timeout);
    while (process.isAlive() && Instant.now().isBefore(until)) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return !process.isAlive();
      }
    }
    return !process.isAlive();
  }
}
