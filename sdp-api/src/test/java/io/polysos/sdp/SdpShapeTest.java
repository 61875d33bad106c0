package io.polysos.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SdpShapeTest {

    @Test
    void describesGroupsOfEqualBlocksInOrder() {
        SdpShape s = SdpShape.builder(50387).add(BlockKind.PSD, 1716, 1).add(BlockKind.PSD, 330, 40)
                .add(BlockKind.PSD, 792, 1).add(BlockKind.ZERO, 12, 1).build();
        assertThat(s.describe()).isEqualTo("50387 variables; PSD blocks 1716, 330 (x40), 792; 12 equality rows");
    }

    /** A sparse relaxation alternates block sizes thousands of times: the description stays one short line. */
    @Test
    void manyGroupsAreSummarisedAfterTheFirstOnes() {
        SdpShape.Builder b = SdpShape.builder(119804);
        for (int i = 0; i < 3000; i++) {
            b.add(BlockKind.PSD, i % 2 == 0 ? 10 : 4, 1);
        }
        b.add(BlockKind.PSD, 35, 2);
        String d = b.build().describe();
        assertThat(d).startsWith("119804 variables; PSD blocks 10, 4, 10, 4");
        assertThat(d).endsWith(" and 2990 more (up to 35)");
        assertThat(d.length()).isLessThan(120);
    }
}
