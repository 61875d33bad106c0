package io.polysos.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonMessagesTest {

    @Test
    void nonFiniteTokensDoNotLeakTheParsersFeatureNames() {
        String cleaned = JsonMessages.clean("Non-standard token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow");
        assertThat(cleaned).isEqualTo("'NaN' is not a JSON value (JSON has no NaN or infinite numbers)");
        assertThat(JsonMessages.clean("Non-standard token 'Infinity': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS`"
                + " to allow")).doesNotContain("JsonReadFeature").contains("'Infinity'");
    }

    @Test
    void otherMessagesLoseTheirSwitchesAndSourceDescriptions() {
        String m = JsonMessages.clean("Unexpected end-of-input: expected close marker for Object (start marker at "
                + "[Source: (String)\"{\"a\": 1\"; line: 1, column: 1])");
        assertThat(m).isEqualTo("Unexpected end-of-input: expected close marker for Object (start marker at [line 1, column 1])");
        assertThat(JsonMessages.clean("Unexpected character ('/' (code 47)): maybe a (non-standard) comment? (not "
                + "recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser)")).startsWith("Unexpected character ('/'");
        assertThat(JsonMessages.clean(null)).isEqualTo("malformed JSON");
        assertThat(JsonMessages.clean("x".repeat(1000))).hasSizeLessThan(300);
    }
}
