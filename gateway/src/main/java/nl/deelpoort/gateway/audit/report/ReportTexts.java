package nl.deelpoort.gateway.audit.report;

import java.util.List;

/**
 * The fixed sentences of the subject-access report, in plain Dutch (taalniveau B1): what AVG art.
 * 15(1) and (2) say the resident must be told besides the list of releases. In one place, so that
 * every format says the same and a reviewer reads them top to bottom.
 */
final class ReportTexts {

    static final String TITLE = "Overzicht van verstrekkingen van uw gegevens";
    static final String SALUTATION = "Beste inwoner,";

    static final String INTRODUCTION_OFFICER = "U vroeg %s welke gegevens over u zijn gedeeld. In dit overzicht"
            + " staat welke organisaties via Deelpoort gegevens over u hebben ontvangen, waarbij %s de gegevens"
            + " gaf, kreeg of erom vroeg: wanneer, welke gegevens, van wie, waarvoor en op welke grond. Dit is uw"
            + " recht volgens artikel 15 van de Algemene verordening gegevensbescherming (AVG).";
    static final String INTRODUCTION_OWN = "U vroeg via Deelpoort welke gegevens over u zijn gedeeld. In dit"
            + " overzicht staat welke organisaties via Deelpoort gegevens over u hebben ontvangen: wanneer, welke"
            + " gegevens, van wie, waarvoor en op welke grond. Dit is uw recht volgens artikel 15 van de Algemene"
            + " verordening gegevensbescherming (AVG).";
    static final String ISSUED_BY_OFFICER = "%s, functionaris gegevensbescherming";
    static final String ISSUED_BY_OWN = "Deelpoort, op uw eigen verzoek";
    static final String ADDRESSED_TO = "de persoon met burgerservicenummer (BSN) eindigend op %s";

    static final String RECIPIENTS = "Wie heeft uw gegevens ontvangen?";
    static final String TOTAL = "In totaal %d keer zijn gegevens over u verstrekt.";
    static final String NONE = "Er zijn geen verstrekkingen van uw gegevens vastgelegd.";
    static final String RECIPIENT = "Ontvanger: %s";
    static final List<String> COLUMNS = List.of("Datum", "Van wie", "Welke gegevens", "Waarvoor", "Grondslag");

    static final String PURPOSES = "Waarvoor zijn uw gegevens gedeeld?";
    static final String CATEGORIES = "Welke soorten gegevens zijn gedeeld?";
    static final String SOURCES = "Van wie kwamen de gegevens?";
    static final String SOURCES_TEXT = "De gegevens kwamen uit het dossier van deze organisaties:";
    static final String NOTHING = "Geen: er is niets over u gedeeld.";

    static final String RETENTION = "Hoe lang worden uw gegevens bewaard?";
    static final String RETENTION_TEXT = "Hoe lang gegevens worden bewaard, staat in de afspraak waaronder ze"
            + " zijn gedeeld. De termijn begint op de dag van de verstrekking. Daarna worden de gegevens vernietigd,"
            + " of zo bewerkt dat ze niet meer bij u horen.";
    static final String RETENTION_LINE = "%s: %s na de verstrekking.";

    static final String AUTOMATED = "Wordt er automatisch over u beslist?";
    static final String AUTOMATED_TEXT = "Nee. Deelpoort controleert bij elke verstrekking of die volgens de"
            + " afspraken mag. Dat is geen besluit over u als persoon (artikel 22 AVG): over uw hulp of zorg"
            + " beslissen altijd mensen.";
    static final String ABROAD = "Gaan uw gegevens naar het buitenland?";
    static final String ABROAD_TEXT = "Nee. Alle organisaties in dit overzicht zijn Nederlandse organisaties."
            + " Uw gegevens gaan niet naar landen buiten de Europese Unie.";

    static final String RIGHTS = "Uw rechten";
    static final List<String> RIGHTS_TEXT = List.of(
            "Kloppen uw gegevens niet, of missen er gegevens? Dan kunt u de organisatie vragen ze te verbeteren"
                    + " of aan te vullen (recht op rectificatie, artikel 16 AVG).",
            "U kunt de organisatie vragen uw gegevens te wissen (recht op vergetelheid, artikel 17 AVG). Soms"
                    + " moet een organisatie gegevens bewaren, bijvoorbeeld omdat de wet dat zegt. Dan legt zij u"
                    + " dat uit.",
            "U kunt vragen het gebruik van uw gegevens tijdelijk te beperken, bijvoorbeeld zolang wordt nagekeken"
                    + " of ze kloppen (recht op beperking, artikel 18 AVG).",
            "U kunt bezwaar maken tegen het gebruik van uw gegevens voor een taak van de overheid (recht van"
                    + " bezwaar, artikel 21 AVG). De organisatie stopt dan, tenzij zij zwaarwegende redenen heeft"
                    + " om door te gaan.",
            "Gaf u zelf toestemming? Dan kunt u die altijd intrekken (artikel 7 lid 3 AVG), ook in Deelpoort"
                    + " onder 'Mijn toestemmingen'. Wat al gedeeld is, blijft gedeeld.",
            "Wilt u een van deze rechten gebruiken? Neem contact op met de functionaris gegevensbescherming van"
                    + " de organisatie. De contactgegevens staan hieronder.");
    static final String COMPLAINT = "Een klacht indienen";
    static final String COMPLAINT_TEXT = "Bent u het niet eens met hoe een organisatie met uw gegevens omgaat?"
            + " Bespreek het eerst met die organisatie. U kunt ook een klacht indienen bij de Autoriteit"
            + " Persoonsgegevens (artikel 77 AVG): www.autoriteitpersoonsgegevens.nl.";

    static final String CONTACT = "Contact";
    static final String CONTACT_TEXT = "Vragen over dit overzicht of over uw gegevens? Neem contact op met de"
            + " functionaris gegevensbescherming (FG) van de organisatie:";
    static final String CONTACT_UNKNOWN = "%s: vraag de organisatie naar haar functionaris gegevensbescherming.";

    static final String ABBREVIATIONS = "Wat betekenen de afkortingen?";
    static final List<String> ABBREVIATIONS_TEXT = List.of(
            "AVG: Algemene verordening gegevensbescherming, de Europese privacywet.",
            "UAVG: Uitvoeringswet AVG, de Nederlandse wet die bij de AVG hoort.",
            "BSN: burgerservicenummer, uw persoonlijke nummer bij de overheid.",
            "CMD: Centrum Maatschappelijke Deelname, het team van de gemeente waar u terechtkunt voor hulp en"
                    + " ondersteuning.",
            "GR: gemeenschappelijke regeling, een samenwerking van gemeenten (zoals het GR PlusTeam).",
            "GI: gecertificeerde instelling, een organisatie voor jeugdbescherming en jeugdreclassering.",
            "FG: functionaris gegevensbescherming, de persoon die in een organisatie toeziet op privacy.");

    static final String PAGE = "pagina %d van %d";

    private ReportTexts() {}
}
