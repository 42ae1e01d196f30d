package nl.deelpoort.policy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Turns the YAML tree into a {@link Framework}, collecting every problem with its YAML path
 * instead of stopping at the first, so that one failed start shows everything that is wrong.
 */
final class FrameworkParser {
    private static final Set<String> WILDCARDS = Set.of("*", "ALL", "ANY");
    private static final LocalDate PERIOD_REFERENCE = LocalDate.of(2000, 1, 31);
    /*
     * Dates, periods and durations are added to one another and to the clock (an agreement's end, a
     * record's retention, an override's expiry): bounded here, so that the arithmetic cannot leave
     * java.time's range at run time. The bounds are far beyond any real framework.
     */
    private static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST_DATE = LocalDate.of(9999, 12, 31);
    private static final Period LONGEST_PERIOD = Period.ofYears(100);
    private static final Duration LONGEST_DURATION = Duration.ofDays(366);

    private final String source;
    private final String policyVersion;
    private final List<String> problems = new ArrayList<>();
    private final Map<OrganisationId, Organisation> organisations = new LinkedHashMap<>();
    private final Map<String, List<Agreement>> agreementsById = new HashMap<>();

    FrameworkParser(String source, String policyVersion) {
        this.source = source;
        this.policyVersion = policyVersion;
    }

    Framework parse(byte[] bytes) {
        Object root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(20);
            root = new Yaml(new SafeConstructor(options)).load(new String(bytes, StandardCharsets.UTF_8));
        } catch (YAMLException e) {
            throw new FrameworkException(source, List.of("not valid YAML: " + e.getMessage()));
        }
        Map<String, Object> top = map(root, "(document)");
        if (top == null) {
            if (root == null) {
                problem("", "empty: expected a mapping with organisations, agreements, flows, consent and override");
            }
            throw new FrameworkException(source, problems);
        }
        onlyKeys(top, "", "organisations", "agreements", "flows", "consent", "override");
        List<Organisation> orgs = listOf(top, "", "organisations", this::organisation);
        List<Agreement> agreements = agreements(top);
        List<Flow> flows = flows(top);
        ConsentPolicy consent = consentPolicy(map(required(top, "", "consent"), "consent"));
        OverridePolicy override = overridePolicy(map(required(top, "", "override"), "override"));
        if (!problems.isEmpty()) {
            throw new FrameworkException(source, problems);
        }
        return new Framework(source, policyVersion, orgs, agreements, flows, consent, override);
    }

    // ---- organisations ----

    private Organisation organisation(Object node, String path) {
        Map<String, Object> m = map(node, path);
        if (m == null) {
            return null;
        }
        onlyKeys(m, path, "id", "name", "kind", "roles", "oin", "kvk", "contact");
        OrganisationId id = organisationIdField(m, path, "id");
        if (id != null && organisations.containsKey(id)) {
            problem(at(path, "id"), "duplicate organisation id '" + id + "'");
        }
        String name = text(m, path, "name");
        OrganisationKind kind = enumField(OrganisationKind.class, m, path, "kind", "organisation kind");
        Set<ActingRole> roles = m.containsKey("roles")
                ? enumList(ActingRole.class, m.get("roles"), at(path, "roles"), "acting role")
                : EnumSet.noneOf(ActingRole.class);
        if (kind == OrganisationKind.PROCESSOR && !roles.isEmpty()) {
            problem(at(path, "roles"), "a PROCESSOR acts only on behalf of a controller and has no acting role");
        } else if (kind != null && kind != OrganisationKind.PROCESSOR && roles.isEmpty()) {
            problem(at(path, "roles"), "an organisation of kind " + kind + " needs at least one acting role");
        }
        String oin = digits(m, path, "oin", 20);
        String kvk = digits(m, path, "kvk", 8);
        Optional<Contact> contact =
                m.containsKey("contact") ? contact(m.get("contact"), at(path, "contact")) : Optional.empty();
        if (id == null || name == null || kind == null) {
            return null;
        }
        Organisation organisation = new Organisation(id, name, kind, roles, oin, kvk, contact);
        organisations.putIfAbsent(id, organisation);
        return organisation;
    }

    /** The privacy officer's contact details; empty, after naming every problem, when they are not valid. */
    private Optional<Contact> contact(Object node, String path) {
        Map<String, Object> m = map(node, path);
        if (m == null) {
            return Optional.empty();
        }
        onlyKeys(m, path, "email", "phone", "website");
        String email = text(m, path, "email");
        boolean valid = true;
        if (email != null && !Contact.isEmail(email)) {
            problem(at(path, "email"), "'" + email + "' is not an e-mail address");
            valid = false;
        }
        Optional<String> phone = Optional.ofNullable(m.get("phone")).map(FrameworkParser::shown);
        if (phone.isPresent() && !Contact.isPhone(phone.get())) {
            problem(at(path, "phone"), "'" + phone.get() + "' is not a telephone number (digits, spaces, dashes)");
            valid = false;
        }
        Optional<String> address = Optional.ofNullable(m.get("website")).map(FrameworkParser::shown);
        Optional<String> website = address.filter(Contact::isWebsite);
        if (address.isPresent() && website.isEmpty()) {
            problem(at(path, "website"), "'" + address.get() + "' is not an https address");
            valid = false;
        }
        return email == null || !valid ? Optional.empty() : Optional.of(new Contact(email, phone, website));
    }

    // ---- agreements ----

    private List<Agreement> agreements(Map<String, Object> top) {
        List<Agreement> agreements = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        List<Object> nodes = list(required(top, "", "agreements"), "agreements");
        for (int i = 0; i < nodes.size(); i++) {
            String path = "agreements[" + i + "]";
            Agreement agreement = agreement(nodes.get(i), path);
            if (agreement == null) {
                continue;
            }
            for (int j = 0; j < agreements.size(); j++) {
                Agreement earlier = agreements.get(j);
                if (!earlier.id().equals(agreement.id())) {
                    continue;
                }
                if (earlier.version() == agreement.version()) {
                    problem(
                            at(path, "version"),
                            "duplicate agreement '" + agreement.id() + "' version " + agreement.version() + " (also "
                                    + paths.get(j) + ")");
                } else if (agreement.startsAt().isBefore(earlier.endsBefore())
                        && earlier.startsAt().isBefore(agreement.endsBefore())) {
                    problem(
                            path,
                            "validity " + window(agreement) + " of agreement '" + agreement.id() + "' version "
                                    + agreement.version() + " overlaps version " + earlier.version() + " ("
                                    + paths.get(j)
                                    + ", " + window(earlier) + "); versions of one agreement must follow each other");
                }
            }
            agreements.add(agreement);
            paths.add(path);
            agreementsById
                    .computeIfAbsent(agreement.id(), k -> new ArrayList<>())
                    .add(agreement);
        }
        return agreements;
    }

    private static String window(Agreement a) {
        return a.validFrom() + ".." + (a.validUntil() == null ? "open" : a.validUntil());
    }

    private Agreement agreement(Object node, String path) {
        Map<String, Object> m = map(node, path);
        if (m == null) {
            return null;
        }
        onlyKeys(m, path, "id", "version", "title", "parties", "validFrom", "validUntil", "retention", "sources");
        String id = text(m, path, "id");
        if (id != null && !OrganisationId.isValid(id)) {
            problem(at(path, "id"), "'" + id + "' is not a valid agreement id (lower-case words joined by '-')");
        }
        Integer version = positiveInt(m, path, "version");
        String title = text(m, path, "title");
        List<AgreementParty> parties = listOf(m, path, "parties", this::party);
        if (m.get("parties") instanceof List<?> && parties.stream().noneMatch(p -> p.role() == GdprRole.CONTROLLER)) {
            problem(at(path, "parties"), "an agreement needs at least one CONTROLLER");
        }
        LocalDate from = date(m, path, "validFrom", true);
        LocalDate until = date(m, path, "validUntil", false);
        if (from != null && until != null && until.isBefore(from)) {
            problem(at(path, "validUntil"), "ends (" + until + ") before it starts (" + from + ")");
        }
        Period retention = period(m, path, "retention");
        List<SourceQuote> sources = m.containsKey("sources") ? sources(m, path) : List.of();
        if (id == null || version == null || title == null || from == null || retention == null || sources == null) {
            return null;
        }
        return new Agreement(id, version, title, parties, from, until, retention, sources);
    }

    private AgreementParty party(Object node, String path) {
        Map<String, Object> m = map(node, path);
        if (m == null) {
            return null;
        }
        onlyKeys(m, path, "organisation", "role");
        Organisation organisation = knownOrganisation(required(m, path, "organisation"), at(path, "organisation"));
        GdprRole role = enumField(GdprRole.class, m, path, "role", "AVG role");
        if (organisation == null || role == null) {
            return null;
        }
        if (organisation.kind() == OrganisationKind.PROCESSOR && role == GdprRole.CONTROLLER) {
            problem(at(path, "role"), organisation.id() + " is a PROCESSOR and cannot be a CONTROLLER");
        }
        return new AgreementParty(organisation.id(), role);
    }

    // ---- flows ----

    private List<Flow> flows(Map<String, Object> top) {
        List<Flow> flows = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        List<Object> nodes = list(required(top, "", "flows"), "flows");
        for (int i = 0; i < nodes.size(); i++) {
            String path = "flows[" + i + "]";
            Flow flow = flow(nodes.get(i), path);
            if (flow != null) {
                if (!ids.add(flow.id())) {
                    problem(at(path, "id"), "duplicate flow id '" + flow.id() + "'");
                }
                flows.add(flow);
            }
        }
        return flows;
    }

    private Flow flow(Object node, String path) {
        Map<String, Object> m = map(node, path);
        if (m == null) {
            return null;
        }
        onlyKeys(
                m,
                path,
                "id",
                "agreement",
                "purpose",
                "holder",
                "recipient",
                "categories",
                "legalBasis",
                "consentRequired",
                "overridable",
                "needsMeasure",
                "confidential",
                "noIdentifyingCategories",
                "sources");
        String id = text(m, path, "id");
        String agreement = text(m, path, "agreement");
        if (agreement != null && !agreementsById.containsKey(agreement)) {
            problem(at(path, "agreement"), "unknown agreement '" + agreement + "'");
        }
        Purpose purpose = enumField(Purpose.class, m, path, "purpose", "purpose");
        FlowSide holder = side(required(m, path, "holder"), at(path, "holder"), false);
        FlowSide recipient = side(required(m, path, "recipient"), at(path, "recipient"), true);
        boolean noIdentifying = flag(m, path, "noIdentifyingCategories");
        Set<Category> categories = categories(required(m, path, "categories"), at(path, "categories"), noIdentifying);
        LegalBasis basis = null;
        if (m.get("legalBasis") == null) {
            problem(at(path, "legalBasis"), "missing: every flow needs a legal basis");
        } else {
            basis = enumOf(LegalBasis.class, m.get("legalBasis"), at(path, "legalBasis"), "legal basis");
        }
        boolean consentRequired = flag(m, path, "consentRequired");
        boolean overridable = flag(m, path, "overridable");
        if (basis == LegalBasis.CONSENT && !consentRequired) {
            problem(at(path, "consentRequired"), "a flow on the basis CONSENT must set consentRequired: true");
        }
        if (overridable && !consentRequired) {
            problem(
                    at(path, "overridable"),
                    "an override only stands in for missing consent, so overridable needs consentRequired: true");
        }
        List<SourceQuote> sources = sources(m, path);
        if (id == null
                || agreement == null
                || purpose == null
                || holder == null
                || recipient == null
                || categories == null
                || basis == null
                || sources == null) {
            return null;
        }
        return new Flow(
                id,
                agreement,
                purpose,
                holder,
                recipient,
                categories,
                basis,
                consentRequired,
                overridable,
                flag(m, path, "needsMeasure"),
                flag(m, path, "confidential"),
                noIdentifying,
                sources);
    }

    // ---- source sentences ----

    /** The {@code sources} list: at least one quote, each reference once; null when there is none. */
    private List<SourceQuote> sources(Map<String, Object> m, String path) {
        String key = at(path, "sources");
        Object node = required(m, path, "sources");
        List<Object> nodes = list(node, key);
        if (node instanceof List<?> && nodes.isEmpty()) {
            problem(key, "name at least one sentence of the policy documents, as {ref, text}");
        }
        List<SourceQuote> quotes = new ArrayList<>();
        Set<String> refs = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            SourceQuote quote = sourceQuote(nodes.get(i), key + "[" + i + "]");
            if (quote == null) {
                continue;
            }
            if (refs.add(quote.ref())) {
                quotes.add(quote);
            } else {
                problem(key + "[" + i + "].ref", quote.ref() + " is quoted twice");
            }
        }
        return quotes.isEmpty() ? null : quotes;
    }

    private SourceQuote sourceQuote(Object node, String path) {
        Map<String, Object> m = map(node, path);
        if (m == null) {
            return null;
        }
        onlyKeys(m, path, "ref", "text");
        String ref = quoteField(m, path, "ref", SourceQuote::refProblem);
        String text = quoteField(m, path, "text", SourceQuote::textProblem);
        return ref == null || text == null ? null : new SourceQuote(ref, text);
    }

    private String quoteField(
            Map<String, Object> m, String path, String key, Function<String, Optional<String>> check) {
        Object value = required(m, path, key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            problem(at(path, key), "expected a quoted text, got '" + shown(value) + "'");
            return null;
        }
        Optional<String> problem = check.apply(s);
        problem.ifPresent(p -> problem(at(path, key), p));
        return problem.isPresent() ? null : s;
    }

    private FlowSide side(Object node, String path, boolean recipient) {
        Map<String, Object> m = map(node, path);
        if (m == null) {
            return null;
        }
        onlyKeys(m, path, "kinds", "ids", "roles");
        Set<OrganisationKind> kinds = EnumSet.noneOf(OrganisationKind.class);
        if (m.containsKey("kinds")) {
            List<Object> nodes = list(m.get("kinds"), at(path, "kinds"));
            for (int i = 0; i < nodes.size(); i++) {
                String p = at(path, "kinds") + "[" + i + "]";
                OrganisationKind kind = enumOf(OrganisationKind.class, nodes.get(i), p, "organisation kind");
                if (recipient && kind == OrganisationKind.PROCESSOR) {
                    problem(p, "a PROCESSOR never receives data: it processes on behalf of its controller");
                } else if (kind != null) {
                    kinds.add(kind);
                }
            }
        }
        Set<OrganisationId> ids = new LinkedHashSet<>();
        if (m.containsKey("ids")) {
            List<Object> nodes = list(m.get("ids"), at(path, "ids"));
            for (int i = 0; i < nodes.size(); i++) {
                String p = at(path, "ids") + "[" + i + "]";
                Organisation organisation = knownOrganisation(nodes.get(i), p);
                if (organisation == null) {
                    continue;
                }
                if (recipient && organisation.kind() == OrganisationKind.PROCESSOR) {
                    problem(p, organisation.id() + " is a PROCESSOR and never receives data");
                } else {
                    ids.add(organisation.id());
                }
            }
        }
        if (!m.containsKey("kinds") && !m.containsKey("ids")) {
            problem(path, "name the organisations by kinds and/or ids");
        }
        Set<ActingRole> roles =
                enumList(ActingRole.class, required(m, path, "roles"), at(path, "roles"), "acting role");
        if (m.containsKey("roles") && roles.isEmpty()) {
            problem(at(path, "roles"), "name at least one acting role");
        }
        return new FlowSide(kinds, ids, roles);
    }

    private Set<Category> categories(Object node, String path, boolean noIdentifying) {
        if (node == null) {
            return null;
        }
        if (node instanceof String s && WILDCARDS.contains(s.trim().toUpperCase())) {
            problem(path, wildcardProblem(s));
            return null;
        }
        List<Object> nodes = list(node, path);
        if (nodes.isEmpty()) {
            problem(path, "a flow must name at least one category");
            return null;
        }
        Set<Category> categories = EnumSet.noneOf(Category.class);
        for (int i = 0; i < nodes.size(); i++) {
            String p = path + "[" + i + "]";
            Object item = nodes.get(i);
            if (item instanceof String s && WILDCARDS.contains(s.trim().toUpperCase())) {
                problem(p, wildcardProblem(s));
                continue;
            }
            Category category = enumOf(Category.class, item, p, "category");
            if (category == null) {
                continue;
            }
            if (!categories.add(category)) {
                problem(p, "category " + category + " is listed twice");
            }
            if (noIdentifying && category.isIdentifying()) {
                problem(p, category + " identifies a person, but the flow sets noIdentifyingCategories");
            }
        }
        return categories.isEmpty() ? null : categories;
    }

    private static String wildcardProblem(String token) {
        return "wildcard '" + token + "' is not allowed: name every category explicitly, so that special"
                + " categories (HEALTH, JUSTICE) are only ever released where a flow names them";
    }

    // ---- consent and override rules ----

    private ConsentPolicy consentPolicy(Map<String, Object> m) {
        if (m == null) {
            return null;
        }
        String path = "consent";
        onlyKeys(m, path, "jointFromAge", "aloneFromAge", "adultAge", "maxValidity", "defaultValidity");
        Integer joint = positiveInt(m, path, "jointFromAge");
        Integer alone = positiveInt(m, path, "aloneFromAge");
        Integer adult = positiveInt(m, path, "adultAge");
        Period max = period(m, path, "maxValidity");
        Period dflt = period(m, path, "defaultValidity");
        if (joint == null || alone == null || adult == null || max == null || dflt == null) {
            return null;
        }
        if (joint > alone || alone > adult) {
            problem(path, "ages must satisfy jointFromAge <= aloneFromAge <= adultAge");
            return null;
        }
        if (PERIOD_REFERENCE.plus(dflt).isAfter(PERIOD_REFERENCE.plus(max))) {
            problem(at(path, "defaultValidity"), "is longer than maxValidity " + max);
        }
        return new ConsentPolicy(joint, alone, adult, max, dflt);
    }

    private OverridePolicy overridePolicy(Map<String, Object> m) {
        if (m == null) {
            return null;
        }
        String path = "override";
        onlyKeys(m, path, "declaringKinds", "maxDuration", "minJustificationLength", "riskLevels");
        Set<OrganisationKind> kinds = enumList(
                OrganisationKind.class, required(m, path, "declaringKinds"), at(path, "declaringKinds"), "kind");
        if (kinds.contains(OrganisationKind.PROCESSOR)) {
            problem(at(path, "declaringKinds"), "a PROCESSOR cannot declare a safety override");
        }
        Duration max = null;
        Object maxNode = required(m, path, "maxDuration");
        if (maxNode != null) {
            try {
                max = Duration.parse(shown(maxNode));
                if (max.isNegative() || max.isZero()) {
                    problem(at(path, "maxDuration"), "must be positive");
                } else if (max.compareTo(LONGEST_DURATION) > 0) {
                    problem(at(path, "maxDuration"), "must be at most " + LONGEST_DURATION);
                }
            } catch (DateTimeParseException e) {
                problem(at(path, "maxDuration"), "'" + shown(maxNode) + "' is not an ISO-8601 duration such as PT72H");
            }
        }
        Integer minLength = positiveInt(m, path, "minJustificationLength");
        Set<RiskLevel> levels =
                enumList(RiskLevel.class, required(m, path, "riskLevels"), at(path, "riskLevels"), "risk level");
        if (kinds.isEmpty() || max == null || minLength == null || levels.isEmpty()) {
            if (m.containsKey("declaringKinds") && kinds.isEmpty()) {
                problem(at(path, "declaringKinds"), "name at least one organisation kind");
            }
            if (m.containsKey("riskLevels") && levels.isEmpty()) {
                problem(at(path, "riskLevels"), "name at least one risk level");
            }
            return null;
        }
        return new OverridePolicy(kinds, max, minLength, levels);
    }

    // ---- small typed readers; each records a problem and returns null when the node is wrong ----

    private void problem(String path, String message) {
        problems.add((path.isEmpty() ? "(document)" : path) + ": " + message);
    }

    private static String at(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Object node, String path) {
        if (node instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        if (node != null) {
            problem(path, "expected a mapping of fields");
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(Object node, String path) {
        if (node instanceof List<?> l) {
            return (List<Object>) l;
        }
        if (node != null) {
            problem(path, "expected a list");
        }
        return List.of();
    }

    private interface Reader<T> {
        T read(Object node, String path);
    }

    private <T> List<T> listOf(Map<String, Object> m, String path, String key, Reader<T> reader) {
        List<Object> nodes = list(required(m, path, key), at(path, key));
        List<T> values = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            T value = reader.read(nodes.get(i), at(path, key) + "[" + i + "]");
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    private Object required(Map<String, Object> m, String path, String key) {
        if (m == null) {
            return null;
        }
        Object value = m.get(key);
        if (value == null) {
            problem(at(path, key), "missing");
        }
        return value;
    }

    private void onlyKeys(Map<String, Object> m, String path, String... allowed) {
        Set<String> known = Set.of(allowed);
        for (Object key : m.keySet()) {
            if (!known.contains(shown(key))) {
                problem(at(path, shown(key)), "unknown field (known: " + String.join(", ", allowed) + ")");
            }
        }
    }

    private String text(Map<String, Object> m, String path, String key) {
        Object value = required(m, path, key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s) || s.isBlank()) {
            problem(at(path, key), "expected a non-empty text");
            return null;
        }
        return s;
    }

    private String digits(Map<String, Object> m, String path, String key, int length) {
        Object value = m.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s) || s.length() != length || !s.chars().allMatch(Character::isDigit)) {
            problem(at(path, key), "expected a quoted string of " + length + " digits");
            return null;
        }
        return s;
    }

    private Integer positiveInt(Map<String, Object> m, String path, String key) {
        Object value = required(m, path, key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Integer i) || i <= 0) {
            problem(at(path, key), "expected a positive whole number, got '" + shown(value) + "'");
            return null;
        }
        return i;
    }

    private boolean flag(Map<String, Object> m, String path, String key) {
        Object value = m.get(key);
        if (value == null) {
            return false;
        }
        if (!(value instanceof Boolean b)) {
            problem(at(path, key), "expected true or false, got '" + shown(value) + "'");
            return false;
        }
        return b;
    }

    private LocalDate date(Map<String, Object> m, String path, String key, boolean mandatory) {
        Object value = mandatory ? required(m, path, key) : m.get(key);
        if (value == null) {
            return null;
        }
        LocalDate date;
        if (value instanceof Date d) {
            date = d.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        } else {
            try {
                date = LocalDate.parse(shown(value));
            } catch (DateTimeParseException e) {
                problem(at(path, key), "'" + shown(value) + "' is not a date such as 2026-01-01");
                return null;
            }
        }
        if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
            problem(at(path, key), "must lie between " + EARLIEST_DATE + " and " + LATEST_DATE);
            return null;
        }
        return date;
    }

    private Period period(Map<String, Object> m, String path, String key) {
        Object value = required(m, path, key);
        if (value == null) {
            return null;
        }
        try {
            Period period = Period.parse(shown(value));
            if (period.isNegative() || period.isZero()) {
                problem(at(path, key), "must be positive");
                return null;
            }
            if (longerThan(period, LONGEST_PERIOD)) {
                problem(at(path, key), "must be at most " + LONGEST_PERIOD);
                return null;
            }
            return period;
        } catch (DateTimeParseException e) {
            problem(at(path, key), "'" + shown(value) + "' is not an ISO-8601 period such as P12M");
            return null;
        }
    }

    /** Whether {@code period} (no part negative) is longer than {@code limit}, counting a month as 31 days. */
    private static boolean longerThan(Period period, Period limit) {
        return period.toTotalMonths() * 31L + period.getDays() > limit.toTotalMonths() * 31L + limit.getDays();
    }

    /**
     * A node as a problem message shows it: a scalar as written, a list or mapping by its kind only.
     * A collection is never printed whole: YAML anchors can make it contain itself, and its text would
     * never end.
     */
    private static String shown(Object node) {
        if (node instanceof Map<?, ?>) {
            return "(a mapping)";
        }
        if (node instanceof java.util.Collection<?>) {
            return "(a list)";
        }
        return String.valueOf(node);
    }

    private OrganisationId organisationIdField(Map<String, Object> m, String path, String key) {
        String value = text(m, path, key);
        if (value == null) {
            return null;
        }
        if (!OrganisationId.isValid(value)) {
            problem(at(path, key), "'" + value + "' is not a valid organisation id (lower-case words joined by '-')");
            return null;
        }
        return OrganisationId.of(value);
    }

    private Organisation knownOrganisation(Object node, String path) {
        if (node == null) {
            return null;
        }
        String value = shown(node);
        Organisation organisation = OrganisationId.isValid(value) ? organisations.get(OrganisationId.of(value)) : null;
        if (organisation == null) {
            problem(path, "unknown organisation '" + value + "'");
        }
        return organisation;
    }

    private <E extends Enum<E>> E enumField(
            Class<E> type, Map<String, Object> m, String path, String key, String what) {
        Object value = required(m, path, key);
        return value == null ? null : enumOf(type, value, at(path, key), what);
    }

    private <E extends Enum<E>> E enumOf(Class<E> type, Object node, String path, String what) {
        String value = shown(node);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        problem(
                path,
                "unknown " + what + " '" + value + "' (known: "
                        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))
                        + ")");
        return null;
    }

    private <E extends Enum<E>> Set<E> enumList(Class<E> type, Object node, String path, String what) {
        Set<E> values = EnumSet.noneOf(type);
        List<Object> nodes = list(node, path);
        for (int i = 0; i < nodes.size(); i++) {
            E value = enumOf(type, nodes.get(i), path + "[" + i + "]", what);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }
}
