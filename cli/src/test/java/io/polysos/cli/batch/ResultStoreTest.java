package io.polysos.cli.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultStoreTest {

    @TempDir
    Path dir;

    @Test
    void writesAtomicallyAndRecognizesCompleteResults() throws Exception {
        ResultStore s = new ResultStore(dir.resolve("out"));
        assertThat(s.isComplete("a")).isFalse();
        s.write("a", Map.of("id", "a", "complete", true, "status", "OPTIMAL"));
        assertThat(s.isComplete("a")).isTrue();
        try (var files = Files.list(s.dir())) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("a.json");
        }
    }

    @Test
    void treatsTruncatedOrForeignFilesAsIncomplete() throws Exception {
        ResultStore s = new ResultStore(dir);
        Files.writeString(s.resultFile("t"), "{\"id\": \"t\", \"comp");
        Files.writeString(s.resultFile("u"), "{\"id\": \"other\", \"complete\": true}");
        Files.writeString(s.resultFile("v"), "{\"id\": \"v\"}");
        assertThat(s.isComplete("t")).isFalse();
        assertThat(s.isComplete("u")).isFalse();
        assertThat(s.isComplete("v")).isFalse();
    }

    @Test
    void cleansOnlyTheStaleTemporariesOfItsOwnJobs() throws Exception {
        ResultStore s = new ResultStore(dir);
        Files.writeString(dir.resolve(".a.json.123.tmp"), "{");
        Files.writeString(dir.resolve(".b.json.456.tmp"), "{");
        assertThat(s.cleanStaleTemporaries(List.of("a"))).isEqualTo(1);
        assertThat(dir.resolve(".a.json.123.tmp")).doesNotExist();
        assertThat(dir.resolve(".b.json.456.tmp")).exists();
    }
}
