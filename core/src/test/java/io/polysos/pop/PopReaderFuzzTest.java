package io.polysos.pop;

import io.polysos.sdp.FuzzProperty;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.polysos.poly.PolynomialParser;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Coverage-guided fuzzing of the POP reader and of the polynomial parser (Jazzer). Without
 * {@code JAZZER_FUZZ=1} it runs the inputs kept under
 * {@code src/test/resources/io/polysos/pop/PopReaderFuzzTestInputs/} as a regression test.
 */
class PopReaderFuzzTest {

    /**
     * What one expression within the parser's limits may allocate: a short text such as
     * {@code (x+y)^1000} warrants up to {@link PolynomialParser#MAX_PRODUCTS} term products,
     * each of which the sparse accumulator stores (rank and value, arrays grown by doubling).
     */
    static final long EXPANSION_BYTES = 48 * PolynomialParser.MAX_PRODUCTS;

    @FuzzTest(maxDuration = "10s")
    void popFile(byte[] data) throws Exception {
        String text = new String(data, StandardCharsets.UTF_8);
        FuzzProperty.check(data.length, EXPANSION_BYTES, IllegalArgumentException.class, () -> PopReader.parse(text));
    }

    @FuzzTest(maxDuration = "10s")
    void polynomial(byte[] data) throws Exception {
        String text = new String(data, StandardCharsets.UTF_8);
        FuzzProperty.check(data.length, EXPANSION_BYTES, IllegalArgumentException.class,
                () -> PolynomialParser.parse(text, List.of("x", "y", "z", "x1", "x_2")));
    }
}
