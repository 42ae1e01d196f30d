package nl.deelpoort.gateway.console.officer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChartsTest {

    @Test
    void theAxisEndsAtARoundNumberAtLeastTheLargestValue() {
        assertThat(Charts.niceMax(0)).isEqualTo(1);
        assertThat(Charts.niceMax(1)).isEqualTo(1);
        assertThat(Charts.niceMax(3)).isEqualTo(5);
        assertThat(Charts.niceMax(7)).isEqualTo(10);
        assertThat(Charts.niceMax(11)).isEqualTo(20);
        assertThat(Charts.niceMax(200)).isEqualTo(200);
        assertThat(Charts.niceMax(201)).isEqualTo(500);
    }

    @Test
    void axisValuesAreWholeNumbers() {
        assertThat(Charts.ticks(1)).containsExactly(0L, 1L);
        assertThat(Charts.ticks(2)).containsExactly(0L, 1L, 2L);
        assertThat(Charts.ticks(5)).containsExactly(0L, 5L);
        assertThat(Charts.ticks(20)).containsExactly(0L, 5L, 10L, 15L, 20L);
    }

    @Test
    void stackedPartsSitOnEachOtherAndScaleToTheAxis() {
        // Two columns: (permit 2, partial 0, deny 3) and (1, 1, 0); axis to 5, plot 192 high from y 12.
        Charts.Chart c = Charts.stacked(
                List.of("a", "b"), List.of(List.of(2L, 0L, 3L), List.of(1L, 1L, 0L)), List.of("x", "y", "z"));
        assertThat(c.bars())
                .as("zero parts are not drawn")
                .extracting(Charts.Rect::css)
                .containsExactly("x", "z", "x", "y");
        Charts.Rect permit = c.bars().get(0);
        Charts.Rect deny = c.bars().get(1);
        assertThat(permit.height()).isEqualTo("76.8"); // 2 of 5 of 192
        assertThat(permit.y()).isEqualTo("127.2"); // 204 - 76.8
        assertThat(deny.height()).isEqualTo("115.2");
        assertThat(deny.y()).isEqualTo("12.0"); // on top of the first part, up to the axis' top
        assertThat(c.texts()).extracting(Charts.Text::text).contains("0", "5", "a", "b");
        assertThat(c.grid()).hasSize(2);
    }

    @Test
    void manyColumnsGetOnlySomeLabelsSoTheyDoNotOverlap() {
        List<String> labels = IntStream.range(0, 26).mapToObj(i -> "w" + i).toList();
        List<List<Long>> columns = labels.stream().map(l -> List.of(1L)).toList();
        Charts.Chart c = Charts.stacked(labels, columns, List.of("x"));
        assertThat(c.texts().stream().filter(t -> t.text().startsWith("w")))
                .extracting(Charts.Text::text)
                .containsExactly("w0", "w4", "w8", "w12", "w16", "w20", "w24");
    }

    @Test
    void horizontalBarsAreAsLongAsTheirShareOfTheAxis() {
        Charts.Chart c = Charts.horizontal(List.of("geen toestemming", "geen afspraak"), List.of(4L, 1L), "bar-b");
        // The axis ends at 5; a bar may take 656 of the 720 wide chart, the rest is for its value.
        assertThat(c.bars()).extracting(Charts.Rect::width).containsExactly("524.8", "131.2");
        assertThat(c.texts())
                .extracting(Charts.Text::text)
                .containsExactly("geen toestemming", "4", "geen afspraak", "1");
        assertThat(c.height()).isEqualTo(88);
    }

    @Test
    void coordinatesAreWrittenWithADotInEveryLanguage() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("nl"));
            assertThat(Charts.horizontal(List.of("r"), List.of(3L), "c")
                            .bars()
                            .get(0)
                            .width())
                    .isEqualTo("393.6");
        } finally {
            Locale.setDefault(before);
        }
    }
}
