package io.polysos.cli.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Lets several batches share one result folder without doubling work (SLURM array tasks,
 * or the same command started twice). Two kinds of lock files, both held with operating-system
 * file locks, which the system releases when a process dies, even by SIGKILL:
 * <ul>
 * <li>{@code .run-<run>.batch}, held by each batch for its whole run: a result whose
 *     {@code "batch"} field names a run whose lock is still held was written by a batch that is
 *     running now, so the job is done and is not run again;</li>
 * <li>{@code .<id>.claim}, held while job {@code id} runs: a second batch that cannot take it
 *     leaves the job to the batch that holds it.</li>
 * </ul>
 */
public final class FolderClaims implements AutoCloseable {

    private final Path dir;
    private final String run;
    private final FileChannel runChannel;
    private final Path runFile;

    /** Registers this run in the folder; the returned object must be closed at the end of the run. */
    public FolderClaims(Path dir, String run) throws IOException {
        this.dir = dir;
        this.run = run;
        cleanDeadRuns();
        // Created and locked under a temporary name, then renamed, so no other batch can see
        // the file before it is locked and take it for a dead run's.
        Path tmp = dir.resolve(".run-" + run + ".batch.tmp");
        runChannel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        runChannel.lock();
        runFile = dir.resolve(".run-" + run + ".batch");
        Files.move(tmp, runFile, StandardCopyOption.ATOMIC_MOVE);
    }

    /** @return this run's id, written to each result as {@code "batch"} */
    public String run() {
        return run;
    }

    /** @return the ids of the other runs working on this folder now */
    public List<String> otherLiveRuns() {
        List<String> live = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, ".run-*.batch")) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                String other = name.substring(".run-".length(), name.length() - ".batch".length());
                if (!other.equals(run) && isLive(other)) {
                    live.add(other);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        return live;
    }

    /** @return whether the run of that id holds its lock now (this run counts as live) */
    public boolean isLive(String otherRun) {
        if (otherRun == null || otherRun.isEmpty()) {
            return false;
        }
        if (otherRun.equals(run)) {
            return true;
        }
        Path f = dir.resolve(".run-" + otherRun + ".batch");
        if (!Files.exists(f)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            FileLock l = ch.tryLock();
            if (l == null) {
                return true;
            }
            l.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Claims a job for this run.
     *
     * @return the claim, to be closed once the job's result is written, or null when another
     *         batch is running the job now
     */
    public Claim claim(String id) {
        Path f = dir.resolve("." + id + ".claim");
        FileChannel ch = null;
        try {
            ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l = ch.tryLock();
            if (l == null) {
                ch.close();
                return null;
            }
            return new Claim(f, ch);
        } catch (OverlappingFileLockException e) {
            closeQuietly(ch);
            return null;
        } catch (IOException e) {
            closeQuietly(ch);
            throw new UncheckedIOException("cannot create the lock file " + f + ": " + e.getMessage(), e);
        }
    }

    /**
     * A job held by this run. Closing deletes the lock file while still holding it; a batch
     * that opened the old file before the deletion then finds the job's result written by a
     * live run and does not run it again.
     */
    public static final class Claim implements AutoCloseable {
        private final Path file;
        private final FileChannel channel;

        private Claim(Path file, FileChannel channel) {
            this.file = file;
            this.channel = channel;
        }

        @Override
        public void close() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the lock is released anyway
            }
            closeQuietly(channel);
        }
    }

    /** Deletes the lock files of runs that died without removing them. */
    private void cleanDeadRuns() throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, ".run-*.batch")) {
            for (Path p : ds) {
                try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
                    FileLock l = ch.tryLock();
                    if (l != null) {
                        Files.deleteIfExists(p);
                        l.release();
                    }
                } catch (IOException | OverlappingFileLockException ignored) {
                    // another batch's business
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(runFile);
        } catch (IOException ignored) {
            // released below anyway
        }
        closeQuietly(runChannel);
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }
}
