/**
 * The web console ({@code /console}): server-rendered pages for the people who are not API clients.
 * Professionals ask "may I share this?", record consent, declare overrides, send and open transfers
 * ({@code console.professional}); privacy officers audit their organisation's disclosures and review
 * overrides ({@code console.officer}); residents see who received their data ({@code
 * console.resident}). Pages call the same application services as the API, with the same {@link
 * nl.deelpoort.gateway.security.Caller}: there is no second set of rules. Login, CSRF, the
 * Content-Security-Policy and which role may open which page are in the security feature.
 *
 * <p>Dutch by default, English by {@code ?lang=en} (kept in a cookie). Words shown to people are in
 * the message bundles under {@code templates/console} and {@code console/*.properties}; the rules'
 * own sentences come from the policy module in the person's language.
 */
package nl.deelpoort.gateway.console;
