package dev.doppel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("no-database")
class ByteRangeTests {

    @Test
    void parsesTheThreeForms() throws Exception {
        assertThat(ByteRange.parse("bytes=0-0", 10)).contains(new ByteRange(0, 0));
        assertThat(ByteRange.parse("bytes=4-", 10)).contains(new ByteRange(4, 9));
        assertThat(ByteRange.parse("bytes=-3", 10)).contains(new ByteRange(7, 9));
        assertThat(ByteRange.parse("bytes=-30", 10)).contains(new ByteRange(0, 9));
        assertThat(ByteRange.parse("bytes=2-99", 10)).contains(new ByteRange(2, 9));
    }

    @Test
    void ignoresWhatItDoesNotUnderstand() throws Exception {
        assertThat(ByteRange.parse(null, 10)).isEmpty();
        assertThat(ByteRange.parse("bytes=5-2", 10)).isEmpty();
        assertThat(ByteRange.parse("bytes=-", 10)).isEmpty();
        assertThat(ByteRange.parse("bytes=1-2,4-5", 10)).isEmpty();
    }

    @Test
    void refusesRangesOutsideTheContent() {
        assertThatThrownBy(() -> ByteRange.parse("bytes=10-", 10)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThatThrownBy(() -> ByteRange.parse("bytes=-0", 10)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThatThrownBy(() -> ByteRange.parse("bytes=99999999999999999999-", 10))
                .isInstanceOf(ByteRange.Unsatisfiable.class);
    }
}
