package nl.deelpoort.gateway.openapi;

import java.net.URI;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The API's published identity: its version (the {@code API-Version} header and the document's
 * {@code info.version}) and whom integrators contact about it (the document's {@code info.contact},
 * which the API Design Rules require). The version is the contract's, so it ships in application.yml
 * with the code; the contact is the operator's and production sets {@code DEELPOORT_API_CONTACT_*}.
 *
 * @param version semantic version of the contract; its major version is the {@code v1} of the paths
 * @param contact whom integrators contact about the API (the document's {@code info.contact})
 */
@ConfigurationProperties("deelpoort.api")
record ApiSettings(String version, Contact contact) {

    /** The major version the paths carry ({@code /api/v1}): a version of another major needs other paths. */
    static final int MAJOR = 1;

    /** Semantic Versioning 2.0.0, the form the API Design Rules ask for. */
    private static final Pattern SEMVER = Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?");

    /**
     * The contract's support contact in the OpenAPI document.
     *
     * @param name the operator's service desk
     * @param email its e-mail address
     * @param url its web page
     */
    record Contact(String name, String email, URI url) {}

    ApiSettings {
        if (version == null || !SEMVER.matcher(version).matches()) {
            throw new IllegalArgumentException(
                    "deelpoort.api.version must be a semantic version such as 1.0.0, not " + version);
        }
        if (!version.startsWith(MAJOR + ".")) {
            throw new IllegalArgumentException("deelpoort.api.version must have major version " + MAJOR
                    + ", the one the paths carry (/api/v" + MAJOR + "), not " + version);
        }
        if (contact == null || blank(contact.name()) || blank(contact.email()) || contact.url() == null) {
            throw new IllegalArgumentException(
                    "deelpoort.api.contact.name, .email and .url must be set (the API's support contact)");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
