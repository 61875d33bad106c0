package io.polysos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's "Library use" code is the consumer example's code (examples/consumer, built and
 * run by CI against the installed artifacts): every region between {@code // [name]} and
 * {@code // [/name]} of Consumer.java stands, de-indented, in the README.
 */
class ReadmeSnippetsTest {

    private static final Path ROOT = Path.of("..");
    private static final Path CONSUMER = ROOT.resolve("examples/consumer/src/main/java/example/Consumer.java");
    private static final Pattern REGION = Pattern.compile("(?ms)^[ \\t]*// \\[(\\w+)\\]\\n(.*?)^[ \\t]*// \\[/\\1\\]");

    static List<String> regions(String source) {
        List<String> out = new ArrayList<>();
        Matcher m = REGION.matcher(source);
        while (m.find()) {
            out.add(m.group(2).stripTrailing().stripIndent().strip());
        }
        return out;
    }

    @Test
    void everyConsumerRegionStandsInTheReadme() throws IOException {
        String source = Files.readString(CONSUMER);
        String readme = Files.readString(ROOT.resolve("README.md"));
        List<String> regions = regions(source);
        assertThat(regions).hasSize(3);
        for (String r : regions) {
            assertThat(readme).as("README.md holds this region of " + CONSUMER).contains(r);
        }
    }

    @Test
    void regionsAreFoundAndDeindented() {
        String src = "class A {\n    void f() {\n        // [x]\n        int a = 1;\n          a++;\n        // [/x]\n    }\n}\n";
        assertThat(regions(src)).containsExactly("int a = 1;\n  a++;");
    }
}
