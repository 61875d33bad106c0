package io.polysos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The cli's packages form no cycle: the commands use batch and json; batch uses json; json uses neither. */
class PackageLayeringTest {

    private static final Path SOURCES = Path.of("src/main/java/io/polysos/cli");

    /** @return "file: import line" for every import of sub's sources matching the pattern */
    private static List<String> imports(String sub, Pattern forbidden) throws IOException {
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Files.list(SOURCES.resolve(sub))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (forbidden.matcher(line).find()) {
                        hits.add(f.getFileName() + ": " + line);
                    }
                }
            }
        }
        return hits;
    }

    @Test
    void batchDoesNotUseTheCommands() throws IOException {
        assertThat(imports("batch", Pattern.compile("^import (static )?io\\.polysos\\.cli\\.[A-Z]"))).isEmpty();
    }

    @Test
    void jsonUsesNeitherTheCommandsNorBatch() throws IOException {
        assertThat(imports("json", Pattern.compile("^import (static )?io\\.polysos\\.cli\\.([A-Z]|batch\\.)"))).isEmpty();
    }

    @Test
    void theSourcesAreWhereTheTestLooks() {
        assertThat(SOURCES.resolve("batch/BatchRunner.java")).exists();
        assertThat(SOURCES.resolve("json/Json.java")).exists();
    }
}
