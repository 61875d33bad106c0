package io.polysos.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteSizesTest {

    @Test
    void formatsInTheLargestUnitAndSaysWhenAnEstimateSaturated() {
        assertThat(ByteSizes.format(512)).isEqualTo("512 bytes");
        assertThat(ByteSizes.format(1536)).isEqualTo("1.50 KiB");
        assertThat(ByteSizes.format(812L << 20)).isEqualTo("812 MiB");
        assertThat(ByteSizes.format(3.4 * (1L << 30))).isEqualTo("3.40 GiB");
        assertThat(ByteSizes.format(25L << 30)).isEqualTo("25.0 GiB");
        assertThat(ByteSizes.format(Long.MAX_VALUE)).isEqualTo("> 8 EiB");
        // the saturated estimate once printed as "8796093022208.0 MiB"
        assertThat(ByteSizes.format(8796093022208.0 * 1048576.0)).isEqualTo("> 8 EiB");
        assertThat(ByteSizes.format(Double.POSITIVE_INFINITY)).isEqualTo("> 8 EiB");
    }
}
