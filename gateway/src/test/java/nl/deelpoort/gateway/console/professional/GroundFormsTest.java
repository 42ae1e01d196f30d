package nl.deelpoort.gateway.console.professional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Locale;
import nl.deelpoort.gateway.grounds.Requests;
import nl.deelpoort.gateway.web.InvalidField;
import nl.deelpoort.gateway.web.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/** The grounds forms' own logic: rows of givers, API paths back to form fields, errors in order. */
class GroundFormsTest {

    private static ConsentForm givers(List<String> roles, List<String> names) {
        return new ConsentForm(
                "999993653", "2012-01-01", roles, names, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void emptyRowsAreNoOneAndTheApiIndexPointsAtTheRowItCameFrom() {
        ConsentForm form = givers(List.of("", "SUBJECT", "PARENT_WITH_AUTHORITY"), List.of("", "Sanne", ""));

        Requests.Consent request = form.request();
        assertThat(request.givenBy())
                .extracting(Requests.Giver::role, Requests.Giver::name)
                .containsExactly(tuple("SUBJECT", "Sanne"), tuple("PARENT_WITH_AUTHORITY", null));
        assertThat(form.field("givenBy[0].role")).isEqualTo("giverRole-1");
        assertThat(form.field("givenBy[1].name")).isEqualTo("giverName-2");
        assertThat(form.field("givenBy")).isEqualTo("givenBy");
    }

    @Test
    void aGiversBsnTravelsWithTheirRowAndARefusalOfTheGiverPointsAtTheirRole() {
        ConsentForm form = new ConsentForm(
                "999993653",
                "",
                List.of("", "PARENT_WITH_AUTHORITY"),
                List.of("", ""),
                List.of("", "999990019"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        Requests.Consent request = form.request();
        assertThat(request.subject().birthDate()).as("blank: the register's").isNull();
        assertThat(request.givenBy())
                .singleElement()
                .satisfies(g -> assertThat(g.bsn()).isEqualTo("999990019"));
        assertThat(form.field("givenBy[0].bsn")).isEqualTo("giverBsn-1");
        assertThat(form.field("givenBy[0]")).isEqualTo("giverRole-1");
    }

    @Test
    void aNameWithoutARoleIsSomeoneWhoseRoleIsMissing() {
        ConsentForm form = givers(List.of("", ""), List.of("", "M. de Vries"));
        assertThat(form.request().givenBy()).hasSize(1);
        assertThat(form.field("givenBy[0].role")).isEqualTo("giverRole-1");
        assertThat(form.rows()).as("at least three rows to fill in").isEqualTo(ConsentForm.ROWS);
    }

    @Test
    void otherPathsNameTheirFieldOrTheirGroup() {
        ConsentForm form = ConsentForm.empty();
        assertThat(form.field("subject.bsn")).isEqualTo("bsn");
        assertThat(form.field("subject.birthDate")).isEqualTo("birthDate");
        assertThat(form.field("purposes[1]")).isEqualTo("purposes");
        assertThat(form.field("validUntil")).isEqualTo("validUntil");
        assertThat(form.request().purposes())
                .as("nothing ticked is an empty list")
                .isEmpty();
    }

    @Test
    void overrideNumbersThatAreNoNumbersAreProblemsButBlankIsNot() {
        OverrideForm form = new OverrideForm("999993653", "MDO", null, null, "x", "HOOG", "", "drie");
        assertThat(form.request().durationHours()).isNull();
        assertThat(form.numberProblems()).extracting(InvalidField::field).containsExactly("durationHours");
        assertThat(new OverrideForm(null, null, null, null, null, null, " 3 ", "24")
                        .request()
                        .meldcodeStep())
                .isEqualTo(3);
    }

    @Test
    void errorsFollowTheFormsOrderAndEachFieldGetsItsOwnSentence() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("grounds.invalid.bsn", Locale.ENGLISH, "Enter a BSN.");
        messages.addMessage("grounds.invalid.method", Locale.ENGLISH, "Choose how.");
        messages.addMessage("grounds.invalid.giverRole", Locale.ENGLISH, "Choose the role.");
        ConsentForm form = givers(List.of("", "nonsense"), List.of("", ""));
        InvalidRequestException invalid = new InvalidRequestException(List.of(
                new InvalidField("method", "is required"),
                new InvalidField("givenBy[0].role", "must be one of [...]"),
                new InvalidField("subject.bsn", "is required"),
                new InvalidField("subject.bsn", "must be 9 digits")));

        GroundErrors errors = GroundErrors.of(invalid, form::field, ConsentForm.ORDER, messages, Locale.ENGLISH);

        assertThat(errors.summary())
                .extracting(GroundErrors.Shown::field, GroundErrors.Shown::message)
                .containsExactly(
                        tuple("bsn", "Enter a BSN."),
                        tuple("giverRole-1", "Choose the role."),
                        tuple("method", "Choose how."));
        assertThat(errors.count()).isEqualTo(3);
        assertThat(errors.describedBy("bsn", "bsn-hint")).isEqualTo("bsn-hint bsn-error");
        assertThat(errors.describedBy("birthDate", "birthDate-hint")).isEqualTo("birthDate-hint");
        assertThat(errors.describedBy("birthDate", null)).isNull();
    }
}
