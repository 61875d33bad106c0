package io.polysos.cli.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.polysos.cli.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * The result folder of a batch: one file {@code <id>.json} per job, written atomically
 * (a temporary file {@code .<id>.json.<pid>.tmp} in the same folder, then a rename), so a
 * killed run never leaves a partial result. A result is complete when it parses and carries
 * {@code "complete": true} and its own id.
 */
public final class ResultStore {

    private final Path dir;

    public ResultStore(Path dir) throws IOException {
        this.dir = dir;
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException("--out " + dir + " is an existing file, not a folder; give a folder for the results");
        }
        Files.createDirectories(dir);
        if (!Files.isWritable(dir)) {
            throw new IOException("result folder is not writable: " + dir);
        }
    }

    public Path dir() {
        return dir;
    }

    /** @return the result file of a job */
    public Path resultFile(String id) {
        return dir.resolve(id + ".json");
    }

    /** @return whether the job has a complete result (an ERROR result is complete too) */
    public boolean isComplete(String id) {
        return stored(id).complete();
    }

    /**
     * What a job's result file says.
     *
     * @param complete the file parses, names the job and carries {@code "complete": true}
     * @param error its status is ERROR
     * @param batch the id of the run that wrote it, or "" (results of older versions)
     * @param start when the job started, or null when unknown
     */
    public record Stored(boolean complete, boolean error, String batch, java.time.Instant start) {
        static final Stored NONE = new Stored(false, false, "", null);
    }

    /** @return the state of the job's result */
    public Stored stored(String id) {
        Path f = resultFile(id);
        if (!Files.isRegularFile(f)) {
            return Stored.NONE;
        }
        try {
            JsonNode n = Json.mapper().readTree(Files.readString(f, StandardCharsets.UTF_8));
            if (n == null || !n.path("complete").asBoolean(false) || !id.equals(n.path("id").asText())) {
                return Stored.NONE;
            }
            java.time.Instant start = null;
            try {
                start = java.time.Instant.parse(n.path("start").asText(""));
            } catch (java.time.format.DateTimeParseException e) {
                // unknown
            }
            return new Stored(true, "ERROR".equals(n.path("status").asText()), n.path("batch").asText(""), start);
        } catch (IOException | RuntimeException e) {
            return Stored.NONE;
        }
    }

    /** Writes a result atomically; an existing result of the same id is replaced. */
    public void write(String id, Map<String, Object> result) {
        String text = Json.write(result) + "\n";
        Path tmp = dir.resolve("." + id + ".json." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, resultFile(id), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, resultFile(id), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort
            }
            throw new UncheckedIOException("cannot write result of job '" + id + "' to " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Deletes temporary files left by a killed run for the given job ids (only this shard's
     * jobs: other shards may be writing theirs).
     *
     * @return how many were deleted
     */
    public int cleanStaleTemporaries(java.util.Collection<String> ids) throws IOException {
        java.util.Set<String> mine = new java.util.HashSet<>(ids);
        int n = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, ".*.json.*.tmp")) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                int end = name.indexOf(".json.");
                String id = end > 1 ? name.substring(1, end) : "";
                if (mine.contains(id) && Files.deleteIfExists(p)) {
                    n++;
                }
            }
        }
        return n;
    }
}
