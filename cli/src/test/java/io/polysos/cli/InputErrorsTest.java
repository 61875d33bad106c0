package io.polysos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input is refused at once, with one line naming the file, the field and what is wrong. */
class InputErrorsTest {

    @TempDir
    Path dir;

    Path write(String name, String content) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return f;
    }

    static String pop(String minimize, String extra) {
        return "{\"format\":\"polysos-pop/1\",\"variables\":[\"x\",\"y\",\"z\"],\"minimize\":\"" + minimize + "\"" + extra + "}";
    }

    @Test
    void anExponentBlowUpIsRefusedBeforeExpandingWithFileFieldAndNumbers() throws Exception {
        Path f = write("blow.json", pop("x", ",\"subjectTo\":[\"x >= 0\", \"(x+y+z+1)^10000 >= 0\"]"));
        CliRun r = CliRun.of("pop", f.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("polysos: blow.json: subjectTo[1] left-hand side: at position 9 ('^')")
                .contains("166,766,685,001 terms").contains("limit of 1,000,000");
        assertThat(r.err().lines()).hasSize(1);
        Path g = write("nested.json", pop("((x+y)^1000)^1000", ""));
        CliRun s = CliRun.of("pop", g.toString());
        assertThat(s.exitCode()).isEqualTo(2);
        assertThat(s.err()).contains("nested.json: minimize: at position 12 ('^'): the expanded degree would be 1,000,000");
    }

    @Test
    void aMisspeltFieldIsRefusedNotIgnored() throws Exception {
        Path f = write("typo.json", pop("x", ",\"subjecTo\":[\"x >= 1\"]"));
        CliRun r = CliRun.of("pop", f.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("typo.json: unknown field 'subjecTo' (did you mean 'subjectTo'? known: format, name, "
                + "variables, minimize, subjectTo, known, source, notes)");
        Path g = write("known.json", pop("x", ",\"known\":{\"optimun\":1}"));
        assertThat(CliRun.of("pop", g.toString()).err()).contains("unknown field 'known.optimun' (did you mean 'known.optimum'?");
    }

    @Test
    void anOverflowingCoefficientNamesFileAndField() throws Exception {
        Path f = write("big.json", pop("x", ",\"subjectTo\":[\"1e300*x*1e300 >= 0\"]"));
        CliRun r = CliRun.of("pop", f.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("polysos: big.json: subjectTo[0] left-hand side: ").contains("not finite: beyond the range of doubles");
    }

    @Test
    void aDirectoryGivenAsInputNamesThePath() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("sub.json"));
        for (String cmd : new String[] {"pop", "sdp", "learn"}) {
            CliRun r = CliRun.of(cmd, sub.toString());
            assertThat(r.exitCode()).as(cmd).isEqualTo(2);
            assertThat(r.err()).as(cmd).contains(sub.toString()).contains("is a directory");
        }
        CliRun b = CliRun.of("batch", sub.toString(), "--out", dir.resolve("out").toString());
        assertThat(b.exitCode()).isEqualTo(2);
        assertThat(b.err()).contains(sub.toString()).contains("is a directory");
    }

    @Test
    void garbageAndNonFiniteJsonSayWhereAndWhat() throws Exception {
        Path bin = dir.resolve("garbage.json");
        Files.write(bin, new byte[] {'{', '\n', (byte) 0xff, (byte) 0xfe, 0, 1});
        for (String cmd : new String[] {"pop", "learn"}) {
            CliRun r = CliRun.of(cmd, bin.toString());
            assertThat(r.exitCode()).as(cmd).isEqualTo(2);
            assertThat(r.err()).as(cmd).contains("garbage.json").contains("not UTF-8 text (byte 0xFF at byte offset 2, line 2)")
                    .doesNotContain("Input length");
        }
        Path nan = write("nan.json", pop("x", ",\"known\":{\"optimum\":NaN}"));
        CliRun r = CliRun.of("pop", nan.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("nan.json: malformed JSON at line 1").contains("'NaN' is not a JSON value")
                .doesNotContain("JsonReadFeature").doesNotContain("ALLOW_");
        Path trailing = write("trailing.json", pop("x", "") + " {\"more\": 1}");
        assertThat(CliRun.of("pop", trailing.toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void anUnusableOutFolderIsRefusedBeforeAnyComputation() throws Exception {
        Path file = write("a-file", "x");
        CliRun r = CliRun.of("reproduce", "table1", "--out", file.resolve("sub").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--out " + file.resolve("sub")).contains("cannot create the folder");
        assertThat(r.out()).isEmpty();
        CliRun s = CliRun.of("reproduce", "table1", "--out", file.toString());
        assertThat(s.exitCode()).isEqualTo(2);
        assertThat(s.err()).contains("is an existing file, not a folder");
        CliRun b = CliRun.of("bench", "compare", "--out", file.toString(), "--solvers", "pure");
        assertThat(b.exitCode()).isEqualTo(2);
        assertThat(b.err()).contains("is an existing file, not a folder");
        CliRun batch = CliRun.of("batch", write("jobs.jsonl", "").toString(), "--out", file.toString());
        assertThat(batch.exitCode()).isEqualTo(2);
        assertThat(batch.err()).contains("--out " + file + " is an existing file, not a folder");
    }
}
