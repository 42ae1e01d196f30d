/**
 * A WireMock stand-in for the case file (dossier) API that the holders {@code plusteam} and {@code porthos} run on
 * Topicus' platform.
 *
 * <p>The gateway pulls a subject's file with {@code POST /api/{holder}/dossiers/query} and a body {@code {"bsn": "…"}}:
 * the BSN travels in the body because URLs end up in access logs. The answer is an envelope whose {@code sections} are
 * keyed by the data categories of the sharing framework, so that the gateway can drop every section it may not release
 * without knowing anything else about the holder's data model.
 *
 * <p>Two kinds of answer exist. Hand-written demo dossiers (WireMock mappings under {@code casefile-stub/mappings} on
 * the classpath, matched on holder and BSN at a high priority) tell the stories that the demo and the end-to-end tests
 * rely on. Every other valid BSN falls through to a low-priority catch-all whose {@link
 * nl.deelpoort.casefile.stub.DossierTransformer} invents a plausible dossier from a seed of holder and BSN, so that load
 * tests and exploratory use never hit a hole and still get the same answer twice.
 *
 * <p>The stub answers with fictional data only, but it treats the BSNs it receives as if they were real: nothing it
 * logs carries one (see {@link nl.deelpoort.casefile.stub.QuietNotifier}).
 */
package nl.deelpoort.casefile.stub;
