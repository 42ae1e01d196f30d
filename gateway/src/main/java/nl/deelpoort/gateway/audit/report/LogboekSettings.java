package nl.deelpoort.gateway.audit.report;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Logboek Dataverwerkingen export's identity (docs/logboek-dataverwerkingen.md).
 *
 * @param baseUri the gateway's public address; the export's URIs are made under it: processing
 *     activities as {@code <base>/api/v1/register#<agreement>/<flow>}, the data subject id type as
 *     {@code <base>/api/v1/register#data-subject-id-type/pseudonym}, a calling party as {@code
 *     <base>/api/v1/agreements#<organisation>}
 * @param serviceName the resource attribute {@code service.name} of every record
 */
@ConfigurationProperties("deelpoort.logboek")
record LogboekSettings(URI baseUri, String serviceName) {

    LogboekSettings {
        if (baseUri == null) {
            baseUri = URI.create("http://localhost:8080");
        }
        if (!baseUri.isAbsolute() || baseUri.getRawFragment() != null || baseUri.getRawQuery() != null) {
            throw new IllegalArgumentException(
                    "deelpoort.logboek.base-uri must be an absolute URI without query or fragment, not " + baseUri);
        }
        if (serviceName == null || serviceName.isBlank()) {
            serviceName = "deelpoort-gateway";
        }
    }

    /** The base without a trailing slash, so that paths can be appended. */
    String base() {
        String b = baseUri.toString();
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }
}
