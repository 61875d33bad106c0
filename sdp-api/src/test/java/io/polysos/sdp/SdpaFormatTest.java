package io.polysos.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SdpaFormatTest {

    private static Path sdplib() {
        String data = System.getProperty("polysos.data");
        assertThat(data).as("system property polysos.data (set by surefire)").isNotNull();
        Path dir = Path.of(data, "sdplib");
        assertThat(dir).isDirectory();
        return dir;
    }

    /** The README's table: problem name to {m, total size n}. */
    private static Map<String, long[]> declaredSizes() throws IOException {
        Pattern row = Pattern.compile("^\\|\\s*([A-Za-z0-9-]+)\\s*\\|\\s*(\\d+)\\s*\\|\\s*(\\d+)\\s*\\|");
        Map<String, long[]> sizes = new LinkedHashMap<>();
        for (String line : Files.readAllLines(sdplib().resolve("README.md"), StandardCharsets.UTF_8)) {
            Matcher mt = row.matcher(line);
            if (mt.find()) {
                sizes.put(mt.group(1), new long[] {Long.parseLong(mt.group(2)), Long.parseLong(mt.group(3))});
            }
        }
        return sizes;
    }

    private static List<Path> sdplibFiles() throws IOException {
        try (Stream<Path> s = Files.list(sdplib())) {
            return s.filter(p -> p.getFileName().toString().endsWith(".dat-s")).sorted().toList();
        }
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRejects(String text) {
        return assertThatThrownBy(() -> SdpaFormat.parse(text, "t.dat-s")).isInstanceOf(SdpaFormatException.class);
    }

    private static int lineOf(String text) {
        try {
            SdpaFormat.parse(text, "t.dat-s");
        } catch (SdpaFormatException e) {
            return e.line();
        }
        throw new AssertionError("no exception");
    }

    // ---------------------------------------------------------------- SDPLIB round trips

    @Test
    void readsEverySdplibFileWithTheSizesDeclaredInTheReadme() throws IOException {
        Map<String, long[]> declared = declaredSizes();
        List<Path> files = sdplibFiles();
        assertThat(files).isNotEmpty();
        assertThat(declared).hasSizeGreaterThanOrEqualTo(files.size());
        for (Path file : files) {
            SdpProblem p = SdpaFormat.read(file);
            String name = file.getFileName().toString().replace(".dat-s", "");
            assertThat(p.name()).isEqualTo(name);
            long[] mn = declared.get(name);
            assertThat(mn).as("README row for %s", name).isNotNull();
            assertThat(p.numVariables()).as("m of %s", name).isEqualTo(mn[0]);
            long total = p.blocks().stream().mapToLong(BlockSpec::size).sum();
            assertThat(total).as("total block size of %s", name).isEqualTo(mn[1]);
            assertThat(p.totalNonzeros()).as("nonzeros of %s", name).isPositive();
        }
    }

    @Test
    void writesAndReadsBackEverySdplibFileToAnEqualProblem() throws IOException {
        for (Path file : sdplibFiles()) {
            SdpProblem p = SdpaFormat.read(file);
            String text = SdpaFormat.toString(p);
            SdpProblem back = SdpaFormat.parse(text, file.getFileName().toString());
            assertThat(back).as("round trip of %s", file.getFileName()).isEqualTo(p);
            assertThat(back.hashCode()).isEqualTo(p.hashCode());
            StringWriter w = new StringWriter();
            SdpaFormat.write(p, w);
            assertThat(w.toString()).isEqualTo(text);
        }
    }

    @Test
    void readsTheBlockStructureOfSdplibFilesWithDiagonalBlocks() throws IOException {
        SdpProblem arch0 = SdpaFormat.read(sdplib().resolve("arch0.dat-s"));
        assertThat(arch0.blocks()).containsExactly(BlockSpec.psd(161), BlockSpec.nonneg(174));
        SdpProblem truss1 = SdpaFormat.read(sdplib().resolve("truss1.dat-s"));
        assertThat(truss1.numBlocks()).isEqualTo(7);
        assertThat(truss1.block(6)).isEqualTo(BlockSpec.psd(1));
        assertThat(truss1.objective()).containsExactly(-1, 0, -2, 0, 0, 0);
    }

    @Test
    void roundTripsRandomProblemsWithAwkwardValues() {
        Random rnd = new Random(42);
        double[] awkward = {1e-300, -1e300, Math.PI, 0.1, 1e15, 123456789012345678.0, Double.MIN_VALUE, -2.5e-8, 7};
        for (int trial = 0; trial < 20; trial++) {
            int m = rnd.nextInt(5);
            SdpProblem.Builder b = SdpProblem.builder(m).name("random" + trial);
            int nb = 1 + rnd.nextInt(3);
            for (int k = 0; k < nb; k++) {
                b.addBlock(rnd.nextBoolean() ? BlockKind.PSD : BlockKind.NONNEG, 1 + rnd.nextInt(4));
            }
            for (int i = 0; i < m; i++) {
                b.objective(i, awkward[rnd.nextInt(awkward.length)] * (rnd.nextBoolean() ? 1 : -1));
            }
            for (int e = 0; e < 15; e++) {
                int i = rnd.nextInt(m + 1);
                int k = rnd.nextInt(nb);
                BlockSpec spec = b.build().block(k);
                int r = rnd.nextInt(spec.size());
                int c = spec.kind().isDiagonal() ? r : rnd.nextInt(spec.size());
                double v = rnd.nextBoolean() ? rnd.nextGaussian() : awkward[rnd.nextInt(awkward.length)];
                b.addEntry(i, k, r, c, v);
            }
            SdpProblem p = b.build();
            assertThat(SdpaFormat.parse(SdpaFormat.toString(p), "random")).isEqualTo(p);
        }
    }

    // ---------------------------------------------------------------- syntax accepted

    @Test
    void acceptsCommentsSeparatorsNegativeSizesAndEitherTriangle() {
        String text = String.join("\n",
                "\"a comment line",
                "* another comment",
                "2 =mdim",
                "2=nblocks",
                "{2, -2}   \"the block structure, then a comment",
                "\"a comment between structure and objective",
                "(1.5, -2)",
                "0 1 1 1 1",
                "1 1 2 1 3.0",
                "  1 2 2 2 4   ",
                "2\t2\t1\t1\t-5",
                "* a comment among the entries",
                "2 1 1 2 6",
                "");
        SdpProblem p = SdpaFormat.parse(text, "t");
        assertThat(p.numVariables()).isEqualTo(2);
        assertThat(p.blocks()).containsExactly(BlockSpec.psd(2), BlockSpec.nonneg(2));
        assertThat(p.objective()).containsExactly(1.5, -2.0);
        assertThat(p.coefficient(0, 0).get(0, 0)).isEqualTo(1.0);
        assertThat(p.coefficient(1, 0).get(0, 1)).isEqualTo(3.0);
        assertThat(p.coefficient(1, 0).row(0)).isZero();
        assertThat(p.coefficient(1, 0).col(0)).isEqualTo(1);
        assertThat(p.coefficient(1, 1).get(1, 1)).isEqualTo(4.0);
        assertThat(p.coefficient(2, 1).get(0, 0)).isEqualTo(-5.0);
        assertThat(p.coefficient(2, 0).get(1, 0)).isEqualTo(6.0);
        assertThat(p.totalNonzeros()).isEqualTo(5);
    }

    @Test
    void readsObjectiveAndBlockSizesSpreadOverSeveralLines() {
        String text = "3\n3\n2\n1\n-1\n1.0\n\n2.0\n3.0 \"end of c\n1 1 1 1 1\n";
        SdpProblem p = SdpaFormat.parse(text, "t");
        assertThat(p.blocks()).containsExactly(BlockSpec.psd(2), BlockSpec.psd(1), BlockSpec.nonneg(1));
        assertThat(p.objective()).containsExactly(1.0, 2.0, 3.0);
    }

    @Test
    void readsFortranExponentsSignsAndIntegralRealsInIntegerFields() {
        String text = "1\n1.0\n+2\n1.5D+01\n1 1 1 1 -2.5d-3\n0 1 2.0 2 1E2\n0 1 1 1 +.5\n";
        SdpProblem p = SdpaFormat.parse(text, "t");
        assertThat(p.objective(0)).isEqualTo(15.0);
        assertThat(p.coefficient(1, 0).get(0, 0)).isEqualTo(-2.5e-3);
        assertThat(p.coefficient(0, 0).get(1, 1)).isEqualTo(100.0);
        assertThat(p.coefficient(0, 0).get(0, 0)).isEqualTo(0.5);
    }

    @Test
    void readsWindowsLineEndingsAndAcceptsNoVariables() {
        SdpProblem p = SdpaFormat.parse("0\r\n1\r\n2\r\n\r\n0 1 1 2 1\r\n", "t");
        assertThat(p.numVariables()).isZero();
        assertThat(p.coefficient(0, 0).get(1, 0)).isEqualTo(1.0);
        assertThat(SdpaFormat.parse(SdpaFormat.toString(p), "t")).isEqualTo(p);
    }

    @Test
    void acceptsARepeatedEntryWithTheSameValueInEitherTriangle() {
        SdpProblem p = SdpaFormat.parse("1\n1\n2\n1\n1 1 1 2 3\n1 1 2 1 3\n1 1 1 2 3.0\n", "t");
        assertThat(p.coefficient(1, 0).nnz()).isEqualTo(1);
        assertThat(p.coefficient(1, 0).get(0, 1)).isEqualTo(3.0);
    }

    @Test
    void dropsExplicitZeroEntriesAndNormalizesNegativeZeroObjective() {
        SdpProblem p = SdpaFormat.parse("2\n1\n2\n-0.0 1\n1 1 1 1 0\n2 1 1 2 -0.0\n", "t");
        assertThat(p.totalNonzeros()).isZero();
        assertThat(p.objective()).containsExactly(0.0, 1.0);
        assertThat(Double.doubleToRawLongBits(p.objective(0))).isZero();
    }

    @Test
    void namesAFileReadFromDiskAfterItWithoutTheExtension(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tiny.dat-s");
        Files.writeString(file, "1\n1\n1\n1\n1 1 1 1 1\n");
        assertThat(SdpaFormat.read(file).name()).isEqualTo("tiny");
    }

    // ---------------------------------------------------------------- malformed input

    @Test
    void rejectsEmptyAndTruncatedFilesNamingWhatIsMissing() {
        assertRejects("").hasMessage("t.dat-s: unexpected end of file: expected the number of variables m");
        assertRejects("\"only a comment\n2\n").hasMessage("t.dat-s:2: unexpected end of file: expected the number of blocks");
        assertRejects("2\n2\n").hasMessageContaining("t.dat-s:2:")
                .hasMessageContaining("unexpected end of file: expected 2 block sizes, found 0");
        assertRejects("2\n2\n3\n").hasMessage("t.dat-s:3: unexpected end of file: expected 2 block sizes, found 1");
        assertRejects("2\n1\n3\n").hasMessage("t.dat-s:3: unexpected end of file: expected 2 objective coefficients, found 0");
        assertRejects("2\n1\n3\n1.0\n").hasMessage("t.dat-s:4: unexpected end of file: expected 2 objective coefficients, found 1");
    }

    @Test
    void rejectsEntriesThatAppearBeforeTheObjectiveIsComplete() {
        // m = 3 but only two coefficients: the first entry line is taken as c3 and a wrong count
        assertRejects("3\n1\n2\n1 2\n0 1 1 1 1\n")
                .hasMessage("t.dat-s:5: expected 3 objective coefficients, found more: '1'");
    }

    @Test
    void rejectsExtraNumbersOnTheStructureOrObjectiveLine() {
        assertRejects("1\n2\n2 3 4\n1\n").hasMessage("t.dat-s:3: expected 2 block sizes, found more: '4'");
        assertRejects("1\n1\n2\n1 2\n").hasMessage("t.dat-s:4: expected 1 objective coefficients, found more: '2'");
    }

    @Test
    void rejectsWrongFieldCountsInEntries() {
        assertRejects("1\n1\n2\n1\n1 1 1 1\n")
                .hasMessage("t.dat-s:5: expected an entry 'matrix block row column value' (5 fields), found 4 fields");
        assertRejects("1\n1\n2\n1\n1 1 1 1 1\n1 1 1 2 1 7\n")
                .hasMessage("t.dat-s:6: expected an entry 'matrix block row column value' (5 fields), found 6 fields");
        assertRejects("1\n1\n2\n1\n1\n").hasMessageEndingWith("found 1 field");
    }

    @Test
    void rejectsBadNumbersNamingTheFieldAndTheToken() {
        assertRejects("x\n").hasMessage("t.dat-s:1: expected an integer for the number of variables m, found 'x'");
        assertRejects("1\n1.5\n").hasMessage("t.dat-s:2: expected an integer for the number of blocks, found '1.5'");
        assertRejects("1\n1\n2x\n1\n").hasMessage("t.dat-s:3: expected an integer for the size of block 1, found '2x'");
        assertRejects("1\n1\n2\nabc\n").hasMessage("t.dat-s:4: expected 1 objective coefficients, found 'abc' after 0");
        assertRejects("2\n1\n2\n1 1..2\n").hasMessage("t.dat-s:4: expected a number for objective coefficient c2, found '1..2'");
        assertRejects("1\n1\n2\n1\n1 1 1 1 1.2.3\n").hasMessage("t.dat-s:5: expected a number for the entry value, found '1.2.3'");
        assertRejects("1\n1\n2\n1\nx 1 1 1 1\n").hasMessage("t.dat-s:5: expected an integer for the matrix number, found 'x'");
        assertRejects("1\n1\n2\n1\n1 y 1 1 1\n").hasMessage("t.dat-s:5: expected an integer for the block number, found 'y'");
        assertRejects("1\n1\n2\n1\n1 1 1.5 1 1\n").hasMessage("t.dat-s:5: expected an integer for the row, found '1.5'");
        assertRejects("1\n1\n2\n1\n1 1 1 z 1\n").hasMessage("t.dat-s:5: expected an integer for the column, found 'z'");
    }

    @Test
    void rejectsNaNAndInfiniteValues() {
        assertRejects("1\n1\n2\nNaN\n").hasMessage("t.dat-s:4: objective coefficient c1 is not finite: 'NaN'");
        assertRejects("2\n1\n2\n1\ninf\n").hasMessage("t.dat-s:5: objective coefficient c2 is not finite: 'inf'");
        assertRejects("1\n1\n2\n-Infinity\n").hasMessage("t.dat-s:4: objective coefficient c1 is not finite: '-Infinity'");
        assertRejects("1\n1\n2\n1\n1 1 1 1 nan\n").hasMessage("t.dat-s:5: the entry value is not finite: 'nan'");
        assertRejects("1\n1\n2\n1\n1 1 1 1 1e400\n").hasMessage("t.dat-s:5: the entry value is not finite: '1e400'");
        assertRejects("1\n1\n2\n1\n1 1 1 1 -1D999\n").hasMessage("t.dat-s:5: the entry value is not finite: '-1D999'");
    }

    @Test
    void reportsTheLineOfTheOffendingTokenWhenNumbersSpanLines() {
        assertThat(lineOf("3\n1\n2\n1\n2\nNaN\n")).isEqualTo(6);
        assertThat(lineOf("1\n3\n2\n0\n2\n1\n")).isEqualTo(4);
    }

    @Test
    void rejectsEntriesOutsideTheirBlock() {
        String head = "1\n2\n2 -3\n1\n";
        assertRejects(head + "1 1 3 1 1\n")
                .hasMessage("t.dat-s:5: entry (3,1) of matrix 1 is outside block 1 of size 2 (rows and columns are in [1, 2])");
        assertRejects(head + "1 2 1 0 1\n").hasMessageStartingWith("t.dat-s:5: entry (1,0) of matrix 1 is outside block 2 of size 3");
        assertRejects(head + "0 1 -1 1 1\n").hasMessageStartingWith("t.dat-s:5: entry (-1,1) of matrix 0 is outside block 1");
    }

    @Test
    void rejectsOffDiagonalEntriesInADiagonalBlock() {
        assertRejects("1\n2\n2 -3\n1\n1 1 1 2 1\n1 2 1 2 1\n")
                .hasMessage("t.dat-s:6: entry (1,2) of matrix 1 is off the diagonal of diagonal block 2 (size -3)");
    }

    @Test
    void rejectsMatrixAndBlockNumbersOutOfRange() {
        String head = "2\n2\n2 2\n1 1\n";
        assertRejects(head + "3 1 1 1 1\n").hasMessage("t.dat-s:5: matrix number 3 is outside [0, 2]");
        assertRejects(head + "-1 1 1 1 1\n").hasMessage("t.dat-s:5: matrix number -1 is outside [0, 2]");
        assertRejects(head + "1 0 1 1 1\n").hasMessage("t.dat-s:5: block number 0 is outside [1, 2]");
        assertRejects(head + "1 3 1 1 1\n").hasMessage("t.dat-s:5: block number 3 is outside [1, 2]");
    }

    @Test
    void rejectsAbsurdDeclaredSizesWithoutAllocating() {
        assertRejects("1000000000000\n1\n1\n")
                .hasMessage("t.dat-s:1: declared number of variables m = 1000000000000 is outside [0, " + SdpaFormat.MAX_VARIABLES + "]");
        assertRejects("-1\n1\n1\n").hasMessageStartingWith("t.dat-s:1: declared number of variables m = -1 is outside");
        assertRejects("1\n0\n").hasMessage("t.dat-s:2: declared number of blocks 0 is outside [1, " + SdpaFormat.MAX_BLOCKS + "]");
        assertRejects("1\n10000000000\n").hasMessageStartingWith("t.dat-s:2: declared number of blocks 10000000000 is outside");
        assertRejects("1\n2\n2 1000000000\n1\n")
                .hasMessage("t.dat-s:3: block 2 has size 1000000000; sizes must be nonzero and at most "
                        + SdpaFormat.MAX_BLOCK_SIZE + " in absolute value");
        assertRejects("1\n1\n-1000000000\n1\n").hasMessageStartingWith("t.dat-s:3: block 1 has size -1000000000");
        assertRejects("1\n1\n0\n1\n").hasMessageStartingWith("t.dat-s:3: block 1 has size 0");
        assertRejects("1\n1\n99999999999999999999\n1\n")
                .hasMessage("t.dat-s:3: expected an integer for the size of block 1, found '99999999999999999999'");
        // the largest declarations allowed one at a time, together too many, or unproven by the file
        assertRejects(SdpaFormat.MAX_VARIABLES + "\n" + SdpaFormat.MAX_BLOCKS + "\n1\n")
                .hasMessageStartingWith("t.dat-s:2: declared sizes give (m + 1) * blocks = ");
        assertRejects(SdpaFormat.MAX_VARIABLES + "\n1\n" + SdpaFormat.MAX_BLOCK_SIZE + "\n1 2\n")
                .hasMessage("t.dat-s:4: unexpected end of file: expected " + SdpaFormat.MAX_VARIABLES
                        + " objective coefficients, found 2");
        assertRejects("1\n" + SdpaFormat.MAX_BLOCKS + "\n1 1\n")
                .hasMessage("t.dat-s:3: unexpected end of file: expected " + SdpaFormat.MAX_BLOCKS + " block sizes, found 2");
    }

    @Test
    void acceptsALargeDeclaredBlockThatIsSparse() {
        SdpProblem p = SdpaFormat.parse("1\n1\n" + SdpaFormat.MAX_BLOCK_SIZE + "\n1\n1 1 1000000 1 2\n", "t");
        assertThat(p.coefficient(1, 0).get(0, SdpaFormat.MAX_BLOCK_SIZE - 1)).isEqualTo(2.0);
        assertThatThrownBy(() -> p.block(0).denseLength()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PSD(1000000)");
    }

    @Test
    void rejectsConflictingDuplicateEntriesNamingBothLines() {
        assertRejects("1\n1\n2\n1\n1 1 1 2 3\n0 1 1 1 1\n1 1 2 1 4\n")
                .hasMessage("t.dat-s:7: entry (2,1) of matrix 1, block 1 was given as 3.0 on line 5 and now as 4.0");
        assertRejects("1\n1\n2\n1\n1 1 1 1 0\n1 1 1 1 4\n")
                .hasMessageStartingWith("t.dat-s:6: entry (1,1) of matrix 1, block 1 was given as 0.0 on line 5");
    }

    @Test
    void exposesTheSourceAndLineOfAFormatError() {
        SdpaFormatException e = (SdpaFormatException) org.assertj.core.api.Assertions.catchThrowable(
                () -> SdpaFormat.parse("1\n1\n2\n1\n9 1 1 1 1\n", "here"));
        assertThat(e.source()).isEqualTo("here");
        assertThat(e.line()).isEqualTo(5);
        assertThat(e).isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------- writing

    private static SdpProblem withZeroBlock() {
        SdpProblem.Builder b = SdpProblem.builder(2).name("eq");
        int psd = b.addBlock(BlockKind.PSD, 2);
        int zero = b.addBlock(BlockKind.ZERO, 2);
        b.objective(new double[] {1, -1});
        b.entry(1, psd, 0, 1, 1.0);
        b.entry(1, zero, 0, 0, 2.0);
        b.entry(2, zero, 1, 1, 3.0);
        b.entry(0, zero, 0, 0, 5.0);
        return b.build();
    }

    @Test
    void writeRejectsZeroBlocks() {
        SdpProblem p = withZeroBlock();
        assertThatThrownBy(() -> SdpaFormat.toString(p)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SDPA format has no equality (ZERO) blocks; problem has ZERO(2) (use writeSplittingEqualities)");
    }

    @Test
    void splitsEachEqualityIntoTwoInequalities() throws IOException {
        SdpProblem p = withZeroBlock();
        StringWriter w = new StringWriter();
        SdpaFormat.writeSplittingEqualities(p, w);
        SdpProblem q = SdpaFormat.parse(w.toString(), "split");
        assertThat(q.blocks()).containsExactly(BlockSpec.psd(2), BlockSpec.nonneg(4));
        assertThat(q.objective()).containsExactly(1, -1);
        assertThat(q.coefficient(1, 0)).isEqualTo(p.coefficient(1, 0));
        // F and -F on the two halves, for the constant too
        assertThat(q.coefficient(1, 1).values()).containsExactly(2, -2);
        assertThat(q.coefficient(1, 1).rows()).containsExactly(0, 2);
        assertThat(q.coefficient(2, 1).values()).containsExactly(3, -3);
        assertThat(q.coefficient(2, 1).rows()).containsExactly(1, 3);
        assertThat(q.coefficient(0, 1).values()).containsExactly(5, -5);
        // same slack up to the duplicated sign, for any y
        double[] y = {0.7, -1.3};
        double[] s = p.slack(y)[1];
        double[] t = q.slack(y)[1];
        assertThat(t).containsExactly(s[0], s[1], -s[0], -s[1]);
    }

    @Test
    void writesAFileAtomicallyLeavingNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("out.dat-s");
        Files.writeString(file, "old content");
        SdpProblem p = withZeroBlock();
        SdpaFormat.write(p, file, true);
        assertThat(SdpaFormat.read(file).blocks()).containsExactly(BlockSpec.psd(2), BlockSpec.nonneg(4));
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.toList()).containsExactly(file);
        }
    }

    @Test
    void aFailedFileWriteLeavesNeitherTheTargetChangedNorATemporaryFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("out.dat-s");
        Files.writeString(file, "old content");
        assertThatThrownBy(() -> SdpaFormat.write(withZeroBlock(), file, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ZERO(2)");
        assertThat(Files.readString(file)).isEqualTo("old content");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.toList()).containsExactly(file);
        }
    }

    @Test
    void writesTheHeaderAndEntriesOneBasedInTheUpperTriangle() {
        SdpProblem.Builder b = SdpProblem.builder(1).name("tiny");
        b.addBlock(BlockKind.PSD, 2);
        b.addBlock(BlockKind.NONNEG, 1);
        b.objective(0, 0.5);
        b.entry(1, 0, 1, 0, 2.0);
        b.entry(0, 1, 0, 0, -1e-20);
        String text = SdpaFormat.toString(b.build());
        List<String> lines = new ArrayList<>(List.of(text.split("\n")));
        assertThat(lines).containsExactly("\"polysos SDPA export: tiny", "1 =mdim", "2 =nblocks", "2 -1", "0.5",
                "0 2 1 1 -1.0E-20", "1 1 1 2 2");
    }
}
