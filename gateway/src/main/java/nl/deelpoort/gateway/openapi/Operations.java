package nl.deelpoort.gateway.openapi;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the document says of each operation beyond what springdoc reads from the controllers: its
 * name, what it is for, its success status and media type, and the error answers of its own (the ones
 * every operation shares are added by {@link ApiDocument}). One row per mapping under {@code /api}
 * except the document itself; {@code OpenApiContractIT} fails on a mapping without a row and on a row
 * without a mapping, and holds the rows to docs/api.md.
 */
final class Operations {

    static final String JSON = "application/json";
    static final String TEXT = "text/plain";
    static final String JSON_LINES = "application/x-ndjson";
    static final String CSV = "text/csv";
    static final String PDF = "application/pdf";

    private static final String DECISIONS = "Decisions";
    private static final String EXCHANGE = "Exchanging data";
    private static final String GROUNDS = "Legal grounds";
    private static final String LOG = "Log";
    private static final String AUDIT = "Audit";
    private static final String RESIDENTS = "Residents";
    private static final String FRAMEWORK = "Framework";
    private static final String SYSTEM = "Caller";
    private static final String ADMIN = "Administration";

    /** Tags in the order the document lists them, with what each groups. */
    static final Map<String, String> TAGS = tags();

    private static final String NOT_A_PARTY = "The caller's organisation is neither holder nor recipient"
            + " (not-a-party), does not act in the acting role it names (role-not-held, with reasons), or the"
            + " token names no organisation (organisation-required).";
    private static final String GROUND_NOT_FOUND =
            "No such ground, or one the caller's organisation may not see (an id that is not a UUID names none).";
    private static final String GROUND_CONFLICT = "The ground has already ended, expired or been handled.";

    /**
     * One operation.
     *
     * @param logged whether a success wrote an entry to the disclosure log (then the answer names it in
     *     {@code X-Disclosure-Id}, and a log that cannot commit answers 503 with nothing done)
     * @param optional members of the request body's record that this operation does not require
     */
    record Operation(
            String method,
            String path,
            String id,
            String tag,
            String summary,
            int success,
            String successDescription,
            List<String> produces,
            Map<Integer, String> errors,
            boolean logged,
            Set<String> optional) {

        Operation {
            produces = List.copyOf(produces);
            errors = Map.copyOf(errors);
            optional = Set.copyOf(optional);
        }

        String key() {
            return method + " " + path;
        }
    }

    static final List<Operation> ALL = rows(
            op("GET", "/api/v1/me", "getCaller", SYSTEM, "Who the token says the caller is")
                    .ok("The caller's user or client, organisation and realm roles"),
            op("GET", "/api/v1/me/disclosures", "listMyDisclosures", RESIDENTS, "A resident's own disclosures")
                    .ok("Who received the resident's data, in plain Dutch, newest first; confidential entries"
                            + " are left out")
                    .error(403, "The token carries no valid bsn claim."),
            op("GET", "/api/v1/me/consents", "listMyConsents", RESIDENTS, "A resident's consents")
                    .ok("Every consent about the resident, whoever recorded it, with whether the resident may"
                            + " withdraw it")
                    .error(403, "The token carries no valid bsn claim."),
            op(
                            "POST",
                            "/api/v1/me/consents/{id}/withdrawal",
                            "withdrawMyConsent",
                            RESIDENTS,
                            "Withdraw a consent the resident gave")
                    .ok("The consent, now WITHDRAWN")
                    .error(403, "The consent was given for the resident by someone else.")
                    .error(404, GROUND_NOT_FOUND)
                    .error(409, GROUND_CONFLICT)
                    .logged(),
            op("GET", "/api/v1/agreements", "getFramework", FRAMEWORK, "The sharing framework in force")
                    .ok("Organisations, agreements, flows and the consent and override rules, with the policy"
                            + " version (SHA-256 of the framework file)"),
            op("GET", "/api/v1/register", "getProcessingRegister", FRAMEWORK, "The AVG art. 30 register")
                    .ok("The processing register derived from the framework, on a day (default today)"),
            op("POST", "/api/v1/decisions/evaluate", "evaluateExchange", DECISIONS, "May I share this?")
                    .ok("The decision: released and withheld categories with reasons, and what it rested on."
                            + " Logged (kind EVALUATION) when a subject is named.")
                    .error(403, NOT_A_PARTY)
                    .logged(),
            op("POST", "/api/v1/disclosures", "pullDisclosure", EXCHANGE, "Pull a subject's file from its holder")
                    // Evaluate's body; the recipient is the caller, filled in when left out.
                    .optional("recipient")
                    .ok("The decision and the released sections of the holder's case file")
                    .error(
                            403,
                            "DENY (disclosure-denied, with reasons and the disclosureId of the logged denial), or "
                                    + NOT_A_PARTY)
                    .error(404, "The holder's case file system has no file for the subject (no-case-file).")
                    .error(502, "The holder's case file system failed; nothing was released.")
                    .error(
                            503,
                            "The disclosure log could not commit (log-unavailable), or every connection to the"
                                    + " holder's case file system is taken (service-unavailable, with Retry-After; the"
                                    + " holder was not called); nothing was released.")
                    .error(504, "The holder's case file system did not answer in time; nothing was released.")
                    .logged(),
            op("POST", "/api/v1/transfers", "pushTransfer", EXCHANGE, "Push sections to a recipient's inbox")
                    .created("The transfer was stored (released sections only, encrypted) for the recipient")
                    .error(
                            403,
                            "DENY (disclosure-denied, with reasons and the disclosureId of the logged denial), or "
                                    + NOT_A_PARTY)
                    .logged(),
            op("GET", "/api/v1/transfers/inbox", "listInbox", EXCHANGE, "The organisation's undelivered transfers")
                    .ok("Metadata of every transfer waiting for the caller's organisation"),
            op("GET", "/api/v1/transfers/{id}", "fetchTransfer", EXCHANGE, "Fetch a transfer (logs its receipt)")
                    .ok("The transfer with its released sections")
                    .error(404, "No such transfer for the caller's organisation.")
                    .logged(),
            op("POST", "/api/v1/consents", "giveConsent", GROUNDS, "Record a consent")
                    .created("The consent, ACTIVE or NOT_YET_VALID")
                    .error(403, "The token names no organisation.")
                    .error(
                            503,
                            "The population register could not be asked and the deployment refuses then; nothing was"
                                    + " recorded.")
                    .logged(),
            op("GET", "/api/v1/consents/unverified", "unverifiedConsents", GROUNDS, "Unverified consents for review")
                    .ok("The consents the officer's organisation recorded while the population register could not be"
                            + " asked, newest first"),
            op("POST", "/api/v1/consents/search", "searchConsents", GROUNDS, "A subject's consents")
                    .ok("The subject's consents the caller's organisation may see, with status and history"),
            op("GET", "/api/v1/consents/{id}", "getConsent", GROUNDS, "One consent")
                    .ok("The consent with its status and history")
                    .error(404, GROUND_NOT_FOUND),
            op("POST", "/api/v1/consents/{id}/withdrawal", "withdrawConsent", GROUNDS, "Withdraw a consent")
                    .ok("The consent, now WITHDRAWN")
                    .error(404, GROUND_NOT_FOUND)
                    .error(409, GROUND_CONFLICT)
                    .logged(),
            op("POST", "/api/v1/overrides", "declareOverride", GROUNDS, "Declare a safety override")
                    .created("The override, PENDING_REVIEW until a privacy officer reviews it")
                    .error(403, "The caller's organisation may not declare this override (with reasons).")
                    .logged(),
            op("POST", "/api/v1/overrides/{id}/end", "endOverride", GROUNDS, "End a safety override early")
                    .ok("The override, ended")
                    .error(404, GROUND_NOT_FOUND)
                    .error(409, GROUND_CONFLICT)
                    .logged(),
            op("GET", "/api/v1/overrides", "listOverrides", GROUNDS, "Overrides for review")
                    .ok("The overrides given to or declared by the officer's organisation, by review status"),
            op("POST", "/api/v1/overrides/{id}/review", "reviewOverride", GROUNDS, "Review a safety override")
                    .ok("The override with its verdict")
                    .error(403, "The reviewer declared this override.")
                    .error(404, GROUND_NOT_FOUND)
                    .error(409, GROUND_CONFLICT)
                    .logged(),
            op("POST", "/api/v1/measures", "registerMeasure", GROUNDS, "Register a child-protection measure")
                    .created("The measure")
                    .error(403, "The caller's organisation may not register this measure (with reasons).")
                    .logged(),
            op("POST", "/api/v1/measures/{id}/end", "endMeasure", GROUNDS, "End a child-protection measure")
                    .ok("The measure, ended")
                    .error(404, GROUND_NOT_FOUND)
                    .error(409, GROUND_CONFLICT)
                    .logged(),
            op("GET", "/api/v1/log/checkpoint", "getCheckpoint", LOG, "The latest signed checkpoint")
                    .ok("A C2SP signed note (tlog-checkpoint), Ed25519")
                    .produces(TEXT),
            op("GET", "/api/v1/log/public-key", "getLogPublicKey", LOG, "The checkpoint verifier key")
                    .ok("The C2SP vkey that verifies checkpoints")
                    .produces(TEXT),
            op("GET", "/api/v1/log/entries/{seq}", "getLogEntry", LOG, "One log entry")
                    .ok("The entry in full if the caller's organisation is its requester, holder or recipient;"
                            + " otherwise (and always for a gateway administrator) a redacted leaf")
                    .error(404, "The log has no entry with that seq."),
            op("GET", "/api/v1/log/entries/{seq}/inclusion-proof", "getInclusionProof", LOG, "Inclusion proof")
                    .ok("RFC 9162 inclusion proof of the entry in the tree of treeSize (default: the latest"
                            + " checkpoint's)")
                    .error(422, "The seq or treeSize is outside the log."),
            op("GET", "/api/v1/log/consistency-proof", "getConsistencyProof", LOG, "Consistency proof")
                    .ok("RFC 9162 consistency proof between the trees of sizes from and to")
                    .error(422, "The sizes are outside the log or out of order."),
            op("GET", "/api/v1/log/export", "exportLog", LOG, "The log for the offline verifier")
                    .ok("One JSON object per line: the entry in full where the caller's organisation is a party,"
                            + " a redacted leaf otherwise")
                    .produces(JSON_LINES)
                    .error(422, "fromSeq or toSeq is outside the log."),
            op("GET", "/api/v1/audit/integrity", "checkIntegrity", AUDIT, "Verify the log now")
                    .ok("The result of verifying the stored log against the latest checkpoint"),
            op("GET", "/api/v1/audit/statistics", "getStatistics", AUDIT, "Counts for a period")
                    .ok("Counts by decision, reason, purpose, organisation pair and basis; overrides, reviews,"
                            + " consents and denial rates")
                    .error(422, "from or to is not a date, or the period is out of order.")
                    .logged(),
            op("GET", "/api/v1/audit/export/logboek", "exportLogboek", AUDIT, "Logboek Dataverwerkingen export")
                    .ok("The organisation's entries in the shape of Logius Logboek Dataverwerkingen, one per line"
                            + " (docs/logboek-dataverwerkingen.md)")
                    .produces(JSON_LINES)
                    .error(422, "from or to is not a date, or the period is out of order.")
                    .logged(),
            op("POST", "/api/v1/audit/disclosures/search", "searchDisclosures", AUDIT, "Search the log")
                    .ok("The organisation's entries that match, newest first, each with whether its inclusion"
                            + " in the latest checkpoint verifies")
                    .logged(),
            op("POST", "/api/v1/audit/timeline", "getTimeline", AUDIT, "One subject's timeline")
                    .ok("The subject's events the officer's organisation was party to, in order")
                    .logged(),
            op("POST", "/api/v1/audit/sample", "sampleSubjects", AUDIT, "A reproducible sample of subjects")
                    .ok("Subjects active in the period, drawn with the seed")
                    .logged(),
            op("POST", "/api/v1/audit/subject-access-report", "reportSubjectAccess", AUDIT, "AVG art. 15 report")
                    .ok("The report as JSON, CSV or PDF (the format asked for), in Dutch")
                    .produces(JSON, CSV, PDF)
                    .logged(),
            op(
                            "POST",
                            "/api/v1/audit/subject-access-report/officer-note",
                            "reportSubjectAccessOfficerNote",
                            AUDIT,
                            "The officer's note to an art. 15 report")
                    .ok("How many releases the report holds and how many confidential ones it leaves out; for"
                            + " the privacy officer only, never part of the resident's report")
                    .logged(),
            op("POST", "/api/v1/audit/subjects/forget", "forgetSubject", AUDIT, "Forget a subject")
                    .ok("The subject is unlinked for the officer's organisation (crypto-shredded once every"
                            + " organisation has done so)")
                    .error(404, "No subject with that BSN is known to the officer's organisation; nothing logged.")
                    .logged(),
            op("POST", "/api/v1/admin/organisations", "onboardOrganisation", ADMIN, "Onboard a partner organisation")
                    .created("The organisation's Keycloak identity; the client secret is shown only here")
                    .error(409, "The organisation or its client already exists.")
                    .error(503, "Keycloak could not be reached or refused the gateway; nothing was created."));

    private Operations() {}

    static Optional<Operation> find(String method, String path) {
        return ALL.stream()
                .filter(o -> o.method().equals(method) && o.path().equals(path))
                .findFirst();
    }

    private static Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(DECISIONS, "Whether data may move, without moving it.");
        tags.put(EXCHANGE, "Pull and push: decided, logged, then released section by section.");
        tags.put(GROUNDS, "Consent, safety overrides and child-protection measures.");
        tags.put(LOG, "The verifiable disclosure log: checkpoints, entries, proofs, export.");
        tags.put(AUDIT, "Oversight by privacy officers; every query is itself logged.");
        tags.put(RESIDENTS, "What a resident may see about themself.");
        tags.put(FRAMEWORK, "The processing agreements and flows in force.");
        tags.put(SYSTEM, "The caller as the gateway sees them.");
        tags.put(ADMIN, "Gateway administration.");
        return Collections.unmodifiableMap(tags);
    }

    private static List<Operation> rows(Builder... rows) {
        return Arrays.stream(rows).map(Builder::build).toList();
    }

    private static Builder op(String method, String path, String id, String tag, String summary) {
        return new Builder(method, path, id, tag, summary);
    }

    /** Reads as a row: {@code op(...).ok("…").error(404, "…").logged()}. */
    private static final class Builder {
        private final String method;
        private final String path;
        private final String id;
        private final String tag;
        private final String summary;
        private int success = 200;
        private String successDescription;
        private List<String> produces = List.of(JSON);
        private final Map<Integer, String> errors = new LinkedHashMap<>();
        private boolean logged;
        private final Set<String> optional = new LinkedHashSet<>();

        Builder(String method, String path, String id, String tag, String summary) {
            this.method = method;
            this.path = path;
            this.id = id;
            this.tag = tag;
            this.summary = summary;
        }

        Builder ok(String description) {
            successDescription = description;
            return this;
        }

        Builder created(String description) {
            success = 201;
            successDescription = description;
            return this;
        }

        Builder produces(String... mediaTypes) {
            produces = List.of(mediaTypes);
            return this;
        }

        Builder error(int status, String description) {
            errors.put(status, description);
            return this;
        }

        Builder optional(String member) {
            optional.add(member);
            return this;
        }

        Builder logged() {
            logged = true;
            return this;
        }

        Operation build() {
            return new Operation(
                    method, path, id, tag, summary, success, successDescription, produces, errors, logged, optional);
        }
    }
}
