package nl.deelpoort.gateway.console.professional;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import nl.deelpoort.gateway.console.professional.InboxSections.Field;
import nl.deelpoort.gateway.console.professional.InboxSections.Fields;
import nl.deelpoort.gateway.console.professional.InboxSections.Items;
import nl.deelpoort.gateway.console.professional.InboxSections.Node;
import nl.deelpoort.gateway.console.professional.InboxSections.Section;
import nl.deelpoort.gateway.console.professional.InboxSections.Table;
import nl.deelpoort.gateway.console.professional.InboxSections.Text;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class InboxSectionsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Node node(String json) {
        return InboxSections.node(JSON.readTree(json));
    }

    @Test
    void sectionsComeInTheCategoriesOrderUnderTheirLabelInTheViewersLanguage() {
        JsonNode data = JSON.readTree("{\"SUPPORT_PLAN\": \"doelen\", \"BSN\": \"999993653\"}");
        List<Section> nl = InboxSections.of(data, PolicyWords.of(Locale.forLanguageTag("nl")));
        assertThat(nl).extracting(Section::category).containsExactly("BSN", "SUPPORT_PLAN");
        assertThat(nl.get(1).label()).isEqualTo("Gezinsplan");
        assertThat(InboxSections.of(data, PolicyWords.of(Locale.ENGLISH)).get(1).label())
                .isEqualTo("Support plan");
    }

    @Test
    void anObjectBecomesFieldsInTheSendersOrderAndNests() {
        Node n = node("{\"zrm\": 3, \"risk\": {\"level\": \"hoog\"}}");
        assertThat(n)
                .isEqualTo(new Fields(List.of(
                        new Field("zrm", new Text("3", null)),
                        new Field("risk", new Fields(List.of(new Field("level", new Text("hoog", null))))))));
    }

    @Test
    void aListOfFlatObjectsBecomesATableWithEveryColumnAndGapsMarkedEmpty() {
        Node n = node("[{\"care\": \"gezinscoach\", \"hours\": 4}, {\"care\": \"schuldhulp\", \"paid\": true}]");
        assertThat(n).isInstanceOf(Table.class);
        Table t = (Table) n;
        assertThat(t.columns()).containsExactly("care", "hours", "paid");
        assertThat(t.rows().get(1))
                .containsExactly(new Text("schuldhulp", null), Text.EMPTY, new Text("", "inbox.value.yes"));
    }

    @Test
    void aListWithNestedOrMixedItemsStaysAList() {
        assertThat(node("[\"schulden\", \"huisvesting\"]"))
                .isEqualTo(new Items(List.of(new Text("schulden", null), new Text("huisvesting", null))));
        assertThat(node("[{\"goal\": {\"text\": \"x\"}}]")).isInstanceOf(Items.class);
        assertThat(node("[{\"a\": 1}, \"b\"]")).isInstanceOf(Items.class);
    }

    @Test
    void emptyValuesAreAWordNeverNothing() {
        assertThat(node("null")).isEqualTo(Text.EMPTY);
        assertThat(node("\"  \"")).isEqualTo(Text.EMPTY);
        assertThat(node("{}")).isEqualTo(Text.EMPTY);
        assertThat(node("[]")).isEqualTo(Text.EMPTY);
        assertThat(node("false")).isEqualTo(new Text("", "inbox.value.no"));
    }

    @Test
    void somethingThatIsNotAnObjectOfSectionsShowsNoSections() {
        assertThat(InboxSections.of(JSON.readTree("[1]"), PolicyWords.of(Locale.ENGLISH)))
                .isEmpty();
        assertThat(InboxSections.of(JSON.readTree("{\"SHOE_SIZE\": 44}"), PolicyWords.of(Locale.ENGLISH)))
                .isEmpty();
    }
}
