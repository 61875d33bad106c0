package io.polysos.cli.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobFileTest {

    @TempDir
    Path dir;

    private Path write(String text) throws Exception {
        Path f = dir.resolve("jobs.jsonl");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void readsJobsResolvingInputsAgainstTheJobFile() throws Exception {
        Path f = write("# a comment\n\n{\"id\": \"a\", \"kind\": \"sdp\", \"input\": \"p.dat-s\"}\n"
                + "{\"id\": \"b\", \"kind\": \"pop\", \"input\": \"/abs/q.json\", \"options\": {\"maxOrder\": 3}}\n");
        List<JobSpec> jobs = JobFile.read(f);
        assertThat(jobs).extracting(JobSpec::id).containsExactly("a", "b");
        assertThat(jobs.get(0).input()).isEqualTo(dir.resolve("p.dat-s").toAbsolutePath());
        assertThat(jobs.get(0).line()).isEqualTo(3);
        assertThat(jobs.get(1).index()).isEqualTo(1);
        assertThat(jobs.get(1).options()).containsEntry("maxOrder", 3);
    }

    @Test
    void reportsEveryMalformedLineAndDuplicateIdWithItsLine() throws Exception {
        Path f = write("{\"id\": \"a\", \"kind\": \"sdp\", \"input\": \"p\"}\n"
                + "not json\n"
                + "{\"id\": \"a\", \"kind\": \"sdp\", \"input\": \"p\"}\n"
                + "{\"kind\": \"sdp\", \"input\": \"p\"}\n"
                + "{\"id\": \"c\", \"kind\": \"train\", \"input\": \"p\"}\n"
                + "{\"id\": \"../x\", \"kind\": \"sdp\", \"input\": \"p\"}\n"
                + "[1, 2]\n");
        assertThatThrownBy(() -> JobFile.read(f))
                .isInstanceOf(JobFile.InvalidJobFileException.class)
                .hasMessageContaining("nothing was run")
                .hasMessageContaining("jobs.jsonl:2: not valid JSON")
                .hasMessageContaining("jobs.jsonl:3: duplicate job id 'a' (first used on line 1)")
                .hasMessageContaining("jobs.jsonl:4: missing 'id'")
                .hasMessageContaining("jobs.jsonl:5: unknown kind 'train'")
                .hasMessageContaining("jobs.jsonl:6: id '../x'")
                .hasMessageContaining("jobs.jsonl:7: a job must be a JSON object");
    }

    @Test
    void rejectsAnEmptyJobFile() throws Exception {
        Path f = write("# nothing\n");
        assertThatThrownBy(() -> JobFile.read(f)).hasMessageContaining("no jobs");
    }

    @Test
    void rejectsUnknownFieldsAndNonObjectOptions() throws Exception {
        Path f = write("{\"id\": \"a\", \"kind\": \"sdp\", \"input\": \"p\", \"opts\": {}}\n"
                + "{\"id\": \"b\", \"kind\": \"sdp\", \"input\": \"p\", \"options\": 3}\n");
        assertThatThrownBy(() -> JobFile.read(f))
                .hasMessageContaining("jobs.jsonl:1: unknown field 'opts'")
                .hasMessageContaining("jobs.jsonl:2: 'options' must be an object");
    }
}
