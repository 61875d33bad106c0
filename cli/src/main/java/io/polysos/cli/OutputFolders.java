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
     * Creates the folder if needed and writes and deletes a probe file in it.
     *
     * @param option the option naming the folder, for messages ("--out")
     * @throws IllegalArgumentException naming the option, the folder and what is wrong
     */
    static void requireWritable(Path folder, String option) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException(option + " " + folder + " is an existing file, not a folder");
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + folder + ": cannot create the folder (" + reason(e) + ")", e);
        }
        try {
            Path probe = Files.createTempFile(folder, ".polysos-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + folder + ": the folder is not writable (" + reason(e) + ")", e);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return (f.getFile() == null ? "" : f.getFile() + ": ") + f.getReason();
        }
        return e.getClass().getSimpleName().replace("Exception", "") + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
