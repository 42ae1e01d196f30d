package nl.deelpoort.gateway.console.officer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PagerTest {

    @Test
    void aFullPageWithMoreOffersTheNextOne() {
        Pager p = Pager.of(0, 50, 50, true, 100_000);
        assertThat(p.first()).isEqualTo(1);
        assertThat(p.last()).isEqualTo(50);
        assertThat(p.hasPrevious()).isFalse();
        assertThat(p.nextAllowed()).isTrue();
        assertThat(p.beyondDepth()).isFalse();
    }

    @Test
    void aLaterPageCountsFromItsOffset() {
        Pager p = Pager.of(2, 20, 7, false, 100_000);
        assertThat(p.first()).isEqualTo(41);
        assertThat(p.last()).isEqualTo(47);
        assertThat(p.hasPrevious()).isTrue();
        assertThat(p.nextAllowed()).isFalse();
        assertThat(p.beyondDepth()).as("nothing more exists").isFalse();
    }

    @Test
    void atTheServicesDepthItSaysSoInsteadOfOfferingAPageTheServiceWouldRefuse() {
        // The service serves a page whose offset (page × size) is at most 100,000.
        Pager last = Pager.of(500, 200, 200, true, 100_000);
        assertThat(last.nextAllowed()).isFalse();
        assertThat(last.beyondDepth()).isTrue();
        assertThat(Pager.of(499, 200, 200, true, 100_000).nextAllowed())
                .as("page 500 starts at offset 100,000 exactly")
                .isTrue();
    }

    @Test
    void anEmptyPageShowsNoRange() {
        Pager p = Pager.of(0, 50, 0, false, 100_000);
        assertThat(p.first()).isZero();
        assertThat(p.last()).isZero();
    }
}
