/**
 * The residents' pages of the console ({@code /console/me/**}, role resident): who received their
 * data and how to reach those organisations, their consents and withdrawing one they gave, and their
 * own subject-access report as an accessible PDF; and the privacy officers' subject-access page
 * ({@code /console/subject-access}), where a BSN typed into a form (never a URL) gives the report and,
 * separately, the officer's note.
 *
 * <p>Every page calls the same application service as the API ({@code audit.ResidentHistory}, {@code
 * grounds.ResidentConsents}, {@code audit.SubjectAccess}); the subject is the token's BSN claim, never
 * anything in the request. Words are plain Dutch (B1) with every abbreviation explained, English with
 * {@code ?lang=en}; the vocabulary's labels come from the policy module in the viewer's language.
 */
package nl.deelpoort.gateway.console.resident;
