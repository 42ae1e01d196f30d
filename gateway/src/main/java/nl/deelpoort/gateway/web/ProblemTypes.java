package nl.deelpoort.gateway.web;

import java.net.URI;

/** The stable {@code type} URIs of every problem detail the gateway answers with, in one place. */
public final class ProblemTypes {

    private static final String BASE = "urn:deelpoort:problem:";

    public static final URI UNAUTHENTICATED = type("unauthenticated");
    public static final URI FORBIDDEN = type("forbidden");
    public static final URI ORGANISATION_REQUIRED = type("organisation-required");
    public static final URI NOT_A_PARTY = type("not-a-party");
    public static final URI ROLE_NOT_HELD = type("role-not-held");
    public static final URI MALFORMED_REQUEST = type("malformed-request");
    public static final URI INVALID_REQUEST = type("invalid-request");
    public static final URI NOT_FOUND = type("not-found");
    public static final URI CONFLICT = type("conflict");
    public static final URI METHOD_NOT_ALLOWED = type("method-not-allowed");
    public static final URI NOT_ACCEPTABLE = type("not-acceptable");
    public static final URI UNSUPPORTED_MEDIA_TYPE = type("unsupported-media-type");
    public static final URI PAYLOAD_TOO_LARGE = type("payload-too-large");
    public static final URI INTERNAL = type("internal-error");
    public static final URI UNAVAILABLE = type("service-unavailable");
    public static final URI LOG_UNAVAILABLE = type("log-unavailable");
    public static final URI DISCLOSURE_DENIED = type("disclosure-denied");
    public static final URI CASE_FILE_FAILED = type("case-file-system-failed");
    public static final URI CASE_FILE_TIMEOUT = type("case-file-system-timeout");
    public static final URI NO_CASE_FILE = type("no-case-file");

    public static URI type(String slug) {
        return URI.create(BASE + slug);
    }

    private ProblemTypes() {}
}
