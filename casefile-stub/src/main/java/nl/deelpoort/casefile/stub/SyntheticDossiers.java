package nl.deelpoort.casefile.stub;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Invents a plausible social-domain dossier for any holder and BSN, the same one every time.
 *
 * <p>The seed is a hash of holder and BSN, and every date is drawn from fixed windows rather than from today, so that a
 * test written this year still sees the same dossier next year. {@link Random} is used because its sequence is fixed
 * by its specification, unlike that of most other generators, so the answer is also the same on every JVM.
 */
final class SyntheticDossiers {

    private static final LocalDate CASE_WINDOW_START = LocalDate.of(2023, 1, 1);
    private static final int CASE_WINDOW_DAYS = 3 * 365;
    /** PostNL leaves out F, I, O, Q, U and Y, among others, to avoid letter pairs that read as words. */
    private static final String POSTCODE_LETTERS = "ABCDEGHJKLMNPRSTVWXZ";

    private static final LocalDate LATEST_CHILD_BIRTH = LocalDate.of(2025, 6, 30);

    private record Town(String name, String municipality, List<String> postcodes, List<String> streets) {}

    private record Care(String product, String provider, String unit, int minUnits, int maxUnits, int rateCents) {}

    private static final Map<String, List<Town>> TOWNS = Map.of(
            "plusteam",
            List.of(
                    new Town(
                            "Waalre",
                            "Waalre",
                            List.of("5581", "5582", "5583"),
                            List.of("Den Hof", "Koningin Julianalaan", "Dreef", "Jan van Brabantlaan", "Eeuwelsweg")),
                    new Town(
                            "Geldrop",
                            "Geldrop-Mierlo",
                            List.of("5662", "5663", "5664"),
                            List.of("Heuvel", "Molenstraat", "Laan der Vier Heemskinderen", "Zesgehuchtenweg")),
                    new Town(
                            "Mierlo",
                            "Geldrop-Mierlo",
                            List.of("5731"),
                            List.of("Dorpsstraat", "Hoofdstraat", "Vesperstraat", "Santheuvel Oost"))),
            "porthos",
            List.of(
                    new Town(
                            "Middelburg",
                            "Middelburg",
                            List.of("4331", "4332", "4333", "4334", "4335", "4336"),
                            List.of("Lange Delft", "Koudekerkseweg", "Seisstraat", "Nieuwe Burg", "Damplein")),
                    new Town("Domburg", "Veere", List.of("4357"), List.of("Weststraat", "Noordstraat", "Domburgseweg")),
                    new Town("Veere", "Veere", List.of("4351"), List.of("Kapelstraat", "Markt", "Oostwal"))));

    private static final List<String> SURNAMES = List.of(
            "de Vries",
            "Jansen",
            "van den Berg",
            "Bakker",
            "Visser",
            "Smits",
            "Meijer",
            "de Boer",
            "Mulder",
            "Verhoeven",
            "van Dijk",
            "Hendriks",
            "van Leeuwen",
            "Peeters",
            "Willems",
            "van der Heijden",
            "Kuipers",
            "Schouten",
            "de Jonge",
            "Hoekstra",
            "El Idrissi",
            "Yilmaz",
            "Kaya",
            "Nguyen",
            "Martens",
            "Claassen");

    private static final List<String> FEMALE_NAMES = List.of(
            "Anouk", "Sanne", "Kim", "Ilse", "Fatma", "Naima", "Esther", "Marloes", "Petra", "Yvonne", "Wilma", "Ria",
            "Johanna", "Demi", "Romy", "Shirley", "Ayse", "Lisa");

    private static final List<String> MALE_NAMES = List.of(
            "Mark", "Ruud", "Kevin", "Dennis", "Mohamed", "Hakan", "Bas", "Erik", "Johan", "Wim", "Sjaak", "Peter",
            "Tim", "Jeroen", "Youssef", "Stefan", "Rob", "Henk");

    private static final List<String> CHILD_NAMES = List.of(
            "Emma", "Noah", "Julia", "Sem", "Tess", "Liam", "Zoë", "Finn", "Sara", "Lucas", "Nora", "Daan", "Mila",
            "Levi", "Yara", "Adam", "Fenna", "Milan");

    private static final List<String> REFERRAL_SOURCES = List.of(
            "CMD (opschaling)",
            "Huisarts",
            "School (intern begeleider)",
            "Veilig Thuis",
            "Wijkagent",
            "Zelfmelder",
            "Woningcorporatie",
            "Jeugdverpleegkundige GGD");

    private static final List<String> REFERRAL_REASONS = List.of(
            "Opgestapelde schulden en dreigende huisuitzetting",
            "Overbelasting en weinig netwerk",
            "Meerdere hulpverleners betrokken zonder regie",
            "Vereenzaming en verwaarlozing van de woning");

    private static final List<String> FAMILY_REFERRAL_REASONS = List.of(
            "Aanhoudende spanningen in het gezin na scheiding",
            "Schoolverzuim en teruggetrokken gedrag van een kind",
            "Zorgen over opvoedingsvaardigheden");

    /** The domains of the Zelfredzaamheid-Matrix; scores run from 1 (acute problems) to 5 (fully self-reliant). */
    private static final List<String> ZRM_DOMAINS = List.of(
            "Financiën",
            "Werk & opleiding",
            "Tijdsbesteding",
            "Huisvesting",
            "Huiselijke relaties",
            "Geestelijke gezondheid",
            "Lichamelijke gezondheid",
            "Middelengebruik",
            "Basale ADL",
            "Instrumentele ADL",
            "Sociaal netwerk",
            "Maatschappelijke participatie",
            "Justitie");

    private static final List<String> GOALS = List.of(
            "Schulden zijn in beeld en er loopt een schuldregeling",
            "Er is een vaste dagstructuur met werk of dagbesteding",
            "Het netwerk is uitgebreid met minimaal twee steunfiguren",
            "De woonsituatie is stabiel en de huur wordt op tijd betaald",
            "Er is hulp voor de eigen psychische klachten");

    private static final List<String> FAMILY_GOALS =
            List.of("De kinderen gaan weer dagelijks naar school", "Ouders maken samen afspraken over de opvoeding");

    private static final List<Care> CARE = List.of(
            new Care("Schuldhulpverlening", "Budgetteam Kempenland", "traject", 1, 1, 185_000),
            new Care("Individuele begeleiding Wmo", "Zorggroep De Kempen", "uur", 30, 120, 6_275),
            new Care("Dagbesteding", "Zorgboerderij De Gaarde", "dagdeel", 50, 200, 4_650),
            new Care("Huishoudelijke ondersteuning", "Thuiszorg Walcheren", "uur", 52, 156, 3_390));

    /** Youth care; a GI or a court can only order care for a family with children. */
    private static final List<Care> YOUTH_CARE = List.of(
            new Care("Ambulante gezinsbegeleiding", "Gezinsbegeleiding Dommelvallei", "uur", 40, 160, 8_450),
            new Care("Jeugdhulp ambulant specialistisch", "Jeugdhulp Zuidwest", "uur", 20, 80, 11_200),
            new Care("Pleegzorg", "Pleegzorg Zuid", "etmaal", 90, 365, 3_150));

    private static final List<String> CASE_NOTE_TEXTS = List.of(
            "Huisbezoek afgelegd; afspraken uit het gezinsplan doorgenomen.",
            "Telefonisch contact met school over aanwezigheid; school ziet verbetering.",
            "Gesprek met ouder over de financiële situatie; post samen geopend en geordend.",
            "Overleg met de betrokken aanbieder; voortgang besproken en doelen bijgesteld.",
            "Afspraak niet nagekomen door cliënt; nieuwe afspraak gepland.",
            "Netwerkberaad gehouden met familie en buren; taken verdeeld.",
            "Evaluatie gezinsplan: twee doelen behaald, één doel loopt door.");

    private static final List<String> CBS_REASONS = List.of(
            "Beëindigd volgens plan",
            "Voortijdig afgesloten: in overeenstemming",
            "Voortijdig afgesloten: eenzijdig door de cliënt",
            "Voortijdig afgesloten: eenzijdig door de aanbieder",
            "Voortijdig afgesloten: wegens externe omstandigheden");

    private static final List<String> SAFETY_SIGNALS = List.of(
            "Buren melden regelmatig geschreeuw en harde klappen in de avond",
            "Blauwe plekken gezien tijdens huisbezoek; de verklaring past niet bij het letsel",
            "Ernstige verwaarlozing van de woning");

    private static final List<String> FAMILY_SAFETY_SIGNALS = List.of(
            "Kind vertelt op school bang te zijn voor de partner van de ouder",
            "Kinderen getuige van ruzies met fysiek geweld");

    Map<String, Object> sections(String holder, String bsn) {
        Random random = new Random(seed(holder, bsn));
        Town town = pick(random, TOWNS.getOrDefault(holder, TOWNS.get("plusteam")));
        String surname = pick(random, SURNAMES);
        boolean female = random.nextBoolean();
        String givenName = pick(random, female ? FEMALE_NAMES : MALE_NAMES);
        LocalDate birthDate = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(55 * 365));

        String riskLevel = weighted(random, new String[] {"laag", "midden", "hoog"}, new int[] {50, 35, 15});
        int kind = random.nextInt(4);
        boolean withPartner = kind == 1 || kind == 2;
        // Children only where the subject's age allows them to be born before the case window closes.
        boolean withChildren = kind >= 2 && birthDate.getYear() >= 1967 && birthDate.getYear() <= 1999;
        String kader = "laag".equals(riskLevel)
                ? "vrijwillig"
                : weighted(
                        random, new String[] {"vrijwillig", "drang", "dwang"}, new int[] {50, 35, withChildren ? 15 : 0
                        });

        LocalDate referralDate = CASE_WINDOW_START.plusDays(random.nextInt(CASE_WINDOW_DAYS - 240));

        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put("BSN", bsn);

        Map<String, Object> address = new LinkedHashMap<>();
        address.put("street", pick(random, town.streets()));
        address.put("houseNumber", String.valueOf(1 + random.nextInt(140)));
        address.put(
                "postalCode",
                pick(random, town.postcodes()) + " "
                        + POSTCODE_LETTERS.charAt(random.nextInt(POSTCODE_LETTERS.length()))
                        + POSTCODE_LETTERS.charAt(random.nextInt(POSTCODE_LETTERS.length())));
        address.put("city", town.name());
        address.put("municipality", town.municipality());
        Map<String, Object> personalia = new LinkedHashMap<>();
        personalia.put("givenNames", givenName);
        personalia.put("surname", surname);
        personalia.put("gender", female ? "V" : "M");
        personalia.put("birthDate", birthDate.toString());
        personalia.put("address", address);
        sections.put("PERSONALIA", personalia);

        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("phone", String.format(Locale.ROOT, "06-%08d", random.nextInt(100_000_000)));
        contact.put(
                "email",
                (givenName + "." + surname)
                                .toLowerCase(Locale.ROOT)
                                .replace(' ', '.')
                                .replace("ë", "e") + "@example.com");
        contact.put("preferredChannel", pick(random, List.of("telefoon", "e-mail", "huisbezoek")));
        sections.put("CONTACT", contact);

        sections.put(
                "HOUSEHOLD", household(random, bsn, givenName, surname, birthDate, female, withPartner, withChildren));

        Map<String, Object> referral = new LinkedHashMap<>();
        referral.put("date", referralDate.toString());
        referral.put("source", pick(random, REFERRAL_SOURCES));
        referral.put(
                "reason",
                pick(random, withChildren ? concat(REFERRAL_REASONS, FAMILY_REFERRAL_REASONS) : REFERRAL_REASONS));
        referral.put("receivedBy", holder);
        sections.put("REFERRAL", referral);

        sections.put("ASSESSMENT", assessment(random, referralDate.plusDays(14), riskLevel, kader));

        if (random.nextInt(10) < 9) {
            sections.put("SUPPORT_PLAN", supportPlan(random, referralDate.plusDays(35), withChildren));
        }

        List<Map<String, Object>> notes = new ArrayList<>();
        LocalDate noteDate = referralDate.plusDays(3);
        for (int i = 0, n = 2 + random.nextInt(4); i < n; i++) {
            notes.add(note(noteDate, pick(random, CASE_NOTE_TEXTS), holder));
            noteDate = noteDate.plusDays(7 + random.nextInt(30));
        }
        sections.put("CASE_NOTES", notes);

        if (random.nextInt(10) < 7) {
            sections.put("CARE_DEPLOYED", careDeployed(random, referralDate.plusDays(45), kader, withChildren));
        }
        if (random.nextInt(10) < 3) {
            sections.put("CLOSURE", closure(random, referralDate.plusDays(200 + random.nextInt(40))));
        }
        if (random.nextInt(10) < 4) {
            sections.put("HEALTH", health(random));
        }
        if ("hoog".equals(riskLevel) || random.nextInt(10) < 2) {
            sections.put("SAFETY", safety(random, referralDate.plusDays(10), riskLevel, withChildren));
        }
        if (random.nextInt(10) < 1) {
            sections.put("JUSTICE", justice(random, referralDate.minusDays(100 + random.nextInt(300))));
        }
        return sections;
    }

    private static Map<String, Object> household(
            Random random,
            String bsn,
            String givenName,
            String surname,
            LocalDate birthDate,
            boolean female,
            boolean withPartner,
            boolean withChildren) {
        List<Map<String, Object>> members = new ArrayList<>();
        members.add(member("SUBJECT", bsn, givenName + " " + surname, birthDate, withChildren));
        if (withPartner) {
            String partnerName = pick(random, female ? MALE_NAMES : FEMALE_NAMES) + " " + pick(random, SURNAMES);
            LocalDate partnerBirth = birthDate.plusDays(random.nextInt(10 * 365) - 5 * 365);
            members.add(member("PARTNER", memberBsn(random), partnerName, partnerBirth, withChildren));
        }
        if (withChildren) {
            int latestFirstChildAge = Math.min(34, LATEST_CHILD_BIRTH.getYear() - birthDate.getYear());
            LocalDate childBirth = birthDate.plusYears(20 + random.nextInt(latestFirstChildAge - 20 + 1));
            for (int i = 0, n = 1 + random.nextInt(3); i < n && !childBirth.isAfter(LATEST_CHILD_BIRTH); i++) {
                String childName = pick(random, CHILD_NAMES) + " " + surname;
                members.add(member("CHILD", memberBsn(random), childName, childBirth, false));
                childBirth = childBirth.plusDays(500 + random.nextInt(900));
            }
        }
        Map<String, Object> household = new LinkedHashMap<>();
        household.put(
                "composition",
                withChildren
                        ? (withPartner ? "tweeoudergezin" : "eenoudergezin")
                        : (withPartner ? "samenwonend zonder kinderen" : "alleenstaand"));
        household.put("members", members);
        return household;
    }

    private static Map<String, Object> member(
            String relation, String bsn, String name, LocalDate birthDate, boolean parentalAuthority) {
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("relation", relation);
        member.put("bsn", bsn);
        member.put("name", name);
        member.put("birthDate", birthDate.toString());
        member.put("parentalAuthority", parentalAuthority);
        return member;
    }

    private static Map<String, Object> assessment(Random random, LocalDate date, String riskLevel, String kader) {
        int base = switch (riskLevel) {
            case "hoog" -> 1;
            case "midden" -> 2;
            default -> 3;
        };
        List<Map<String, Object>> zrm = new ArrayList<>();
        for (String domain : ZRM_DOMAINS) {
            Map<String, Object> score = new LinkedHashMap<>();
            score.put("domain", domain);
            score.put("score", Math.min(5, base + random.nextInt(3)));
            zrm.add(score);
        }
        Map<String, Object> assessment = new LinkedHashMap<>();
        assessment.put("date", date.toString());
        assessment.put("instrument", "ZRM");
        assessment.put("zrm", zrm);
        assessment.put("riskLevel", riskLevel);
        assessment.put("kader", kader);
        return assessment;
    }

    private static Map<String, Object> supportPlan(Random random, LocalDate date, boolean withChildren) {
        List<Map<String, Object>> goals = new ArrayList<>();
        List<String> pool = new ArrayList<>(withChildren ? concat(GOALS, FAMILY_GOALS) : GOALS);
        for (int i = 0, n = 2 + random.nextInt(2); i < n; i++) {
            Map<String, Object> goal = new LinkedHashMap<>();
            goal.put("goal", pool.remove(random.nextInt(pool.size())));
            goal.put("status", pick(random, List.of("lopend", "behaald", "bijgesteld")));
            goals.add(goal);
        }
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("type", "gezinsplan");
        plan.put("date", date.toString());
        plan.put("goals", goals);
        plan.put("agreedSupport", List.of("Regie en casemanagement door het team", "Inzet netwerk volgens afspraak"));
        plan.put("evaluationDate", date.plusMonths(3).toString());
        return plan;
    }

    private static Map<String, Object> note(LocalDate date, String text, String holder) {
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("date", date.toString());
        note.put("author", "porthos".equals(holder) ? "consulent Porthos" : "generalist PlusTeam");
        note.put("text", text);
        return note;
    }

    private static List<Map<String, Object>> careDeployed(
            Random random, LocalDate start, String kader, boolean withChildren) {
        List<Map<String, Object>> deployed = new ArrayList<>();
        List<Care> pool = new ArrayList<>(withChildren ? concat(CARE, YOUTH_CARE) : CARE);
        for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
            Care care = pool.remove(random.nextInt(pool.size()));
            int units = care.minUnits() + random.nextInt(care.maxUnits() - care.minUnits() + 1);
            boolean ordered = "dwang".equals(kader) && YOUTH_CARE.contains(care);
            String orderedBy = ordered ? (random.nextInt(3) == 0 ? "COURT" : "GI") : "OWN";
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("product", care.product());
            item.put("provider", care.provider());
            item.put("startDate", start.toString());
            item.put("endDate", start.plusMonths(6 + random.nextInt(7)).toString());
            item.put("units", units);
            item.put("unit", care.unit());
            item.put("ratePerUnitEur", BigDecimal.valueOf(care.rateCents(), 2));
            item.put("costEur", BigDecimal.valueOf((long) care.rateCents() * units, 2));
            item.put("orderedBy", orderedBy);
            deployed.add(item);
        }
        return deployed;
    }

    private static Map<String, Object> closure(Random random, LocalDate date) {
        int reason = weightedIndex(random, new int[] {60, 20, 10, 5, 5});
        Map<String, Object> closure = new LinkedHashMap<>();
        closure.put("date", date.toString());
        closure.put("cbsReasonCode", String.format(Locale.ROOT, "%02d", reason + 1));
        closure.put("cbsReason", CBS_REASONS.get(reason));
        closure.put("satisfaction", 5 + random.nextInt(6));
        closure.put("withoutHelpCode", String.format(Locale.ROOT, "%02d", 1 + random.nextInt(4)));
        closure.put("finalDocument", "Einddocument verstuurd aan de gemeente op " + date.plusDays(5));
        return closure;
    }

    private static Map<String, Object> health(Random random) {
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("generalPractitioner", "Huisartsenpraktijk " + pick(random, SURNAMES));
        health.put(
                "conditions",
                List.of(pick(
                        random,
                        List.of(
                                "Depressieve klachten, in behandeling bij de POH-GGZ",
                                "Chronische rugklachten",
                                "Diabetes type 2",
                                "Angstklachten",
                                "Alcoholgebruik boven de richtlijn"))));
        health.put("mentalHealthCare", random.nextBoolean());
        return health;
    }

    private static Map<String, Object> safety(Random random, LocalDate date, String riskLevel, boolean withChildren) {
        Map<String, Object> signal = new LinkedHashMap<>();
        signal.put("date", date.toString());
        signal.put(
                "signal", pick(random, withChildren ? concat(SAFETY_SIGNALS, FAMILY_SAFETY_SIGNALS) : SAFETY_SIGNALS));
        int step = "hoog".equals(riskLevel) ? 4 + random.nextInt(2) : 1 + random.nextInt(3);
        Map<String, Object> safety = new LinkedHashMap<>();
        safety.put("signals", List.of(signal));
        safety.put("meldcodeStep", step);
        safety.put("safetyPlan", step >= 3);
        List<Map<String, Object>> reports = new ArrayList<>();
        if (step == 5) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("date", date.plusDays(7).toString());
            report.put("to", "veilig-thuis");
            report.put("type", "melding");
            reports.add(report);
        }
        safety.put("reports", reports);
        return safety;
    }

    private static Map<String, Object> justice(Random random, LocalDate date) {
        Map<String, Object> justice = new LinkedHashMap<>();
        justice.put(
                "offence", pick(random, List.of("Winkeldiefstal", "Vernieling", "Bedreiging", "Rijden onder invloed")));
        justice.put("date", date.toString());
        justice.put("status", pick(random, List.of("afgedaan met taakstraf", "geseponeerd", "in behandeling OM")));
        justice.put("probation", random.nextInt(3) == 0);
        return justice;
    }

    private static String memberBsn(Random random) {
        while (true) {
            String firstEight = String.format(Locale.ROOT, "9999%04d", random.nextInt(10_000));
            var bsn = Elfproef.complete(firstEight);
            if (bsn.isPresent()) {
                return bsn.get();
            }
        }
    }

    private static long seed(String holder, String bsn) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("deelpoort-casefile-stub|" + holder + "|" + bsn).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    private static <T> T pick(Random random, List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static String weighted(Random random, String[] options, int[] weights) {
        return options[weightedIndex(random, weights)];
    }

    private static int weightedIndex(Random random, int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        throw new IllegalStateException("weights must be positive");
    }
}
