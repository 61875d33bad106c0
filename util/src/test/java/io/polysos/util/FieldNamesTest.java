package io.polysos.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FieldNamesTest {

    static final List<String> KNOWN = List.of("format", "name", "variables", "minimize", "subjectTo", "known");

    @Test
    void suggestsTheClosestKnownName() {
        assertThat(FieldNames.closest("subjecTo", KNOWN)).isEqualTo("subjectTo");
        assertThat(FieldNames.closest("subject_to", KNOWN)).isEqualTo("subjectTo");
        assertThat(FieldNames.closest("Minimise", KNOWN)).isEqualTo("minimize");
        assertThat(FieldNames.closest("varaibles", KNOWN)).isEqualTo("variables");
        assertThat(FieldNames.closest("constraints", KNOWN)).isNull();
        assertThat(FieldNames.closest("x", KNOWN)).isNull();
    }

    @Test
    void theMessageNamesTheFieldTheSuggestionAndTheKnownNames() {
        assertThat(FieldNames.unknownField("subjecTo", KNOWN)).isEqualTo("unknown field 'subjecTo' (did you mean "
                + "'subjectTo'? known: format, name, variables, minimize, subjectTo, known)");
        assertThat(FieldNames.unknownField("objective", KNOWN)).startsWith("unknown field 'objective' (known: format");
    }
}
