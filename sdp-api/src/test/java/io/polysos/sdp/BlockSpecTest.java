package io.polysos.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BlockSpecTest {

    @Test
    void sizesTheDenseRepresentationByKind() {
        assertThat(BlockSpec.psd(3).denseLength()).isEqualTo(9);
        assertThat(BlockSpec.nonneg(3).denseLength()).isEqualTo(3);
        assertThat(BlockSpec.zero(3).denseLength()).isEqualTo(3);
        assertThat(BlockSpec.psd(46340).denseLength()).isEqualTo(46340 * 46340);
        assertThat(BlockSpec.nonneg(Integer.MAX_VALUE).denseLength()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void refusesADenseLengthThatOverflowsAnArray() {
        assertThatThrownBy(() -> BlockSpec.psd(46341).denseLength()).isInstanceOf(IllegalStateException.class)
                .hasMessage("block PSD(46341) has 2147488281 entries, too many for a dense array");
    }

    @Test
    void validatesKindAndSize() {
        assertThatThrownBy(() -> BlockSpec.psd(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("block size must be >= 1, got 0");
        assertThatThrownBy(() -> new BlockSpec(null, 1)).hasMessage("block kind must not be null");
    }

    @Test
    void printsAndComparesAsKindAndSize() {
        assertThat(BlockSpec.zero(4)).hasToString("ZERO(4)").isEqualTo(new BlockSpec(BlockKind.ZERO, 4))
                .isNotEqualTo(BlockSpec.nonneg(4));
        assertThat(BlockKind.PSD.isDiagonal()).isFalse();
        assertThat(BlockKind.NONNEG.isDiagonal()).isTrue();
        assertThat(BlockKind.ZERO.isDiagonal()).isTrue();
    }
}
