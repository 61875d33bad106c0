package io.polysos.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks an output folder before any computation: it must be a folder (or creatable as one)
 * and writable, so a long run does not fail at its very end on an unwritable {@code --out}.
 */
final class OutputFolders {

    private OutputFolders() {
    }

    /**
     * Checks, without creating anything that stays, that the folder exists and is writable or
     * can be created: a probe file is written and deleted in the folder or, when it does not
     * exist yet, in its nearest existing ancestor.
     *
     * @param option the option naming the folder, for messages ("--out")
     * @throws IllegalArgumentException naming the option, the folder and what is wrong
     */
    static void requireWritable(Path folder, String option) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException(option + " " + folder + " is an existing file, not a folder");
        }
        Path existing = folder.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new IllegalArgumentException(option + " " + folder + ": no existing parent folder");
        }
        if (!Files.isDirectory(existing)) {
            throw new IllegalArgumentException(option + " " + folder + ": cannot create the folder (" + existing
                    + " is a file)");
        }
        try {
            Path probe = Files.createTempFile(existing, ".polysos-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + folder + ": " + (existing.equals(folder.toAbsolutePath()
                    .normalize()) ? "the folder is not writable" : "cannot create the folder in " + existing)
                    + " (" + reason(e) + ")", e);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return (f.getFile() == null ? "" : f.getFile() + ": ") + f.getReason();
        }
        return e.getClass().getSimpleName().replace("Exception", "") + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
