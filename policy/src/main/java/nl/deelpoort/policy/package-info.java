/**
 * The sharing framework of the Deelpoort gateway as data, and the engine that decides, and
 * explains, every exchange of personal data.
 *
 * <h2>What is here</h2>
 *
 * <ul>
 *   <li>Vocabulary: {@link nl.deelpoort.policy.OrganisationId}, {@link nl.deelpoort.policy.Bsn},
 *       {@link nl.deelpoort.policy.Category}, {@link nl.deelpoort.policy.Purpose}, {@link
 *       nl.deelpoort.policy.ActingRole}, {@link nl.deelpoort.policy.ReasonCode} and friends. Value
 *       objects validate themselves when built.
 *   <li>The framework: a YAML file ({@code framework.yaml} on the classpath by default) read by
 *       {@link nl.deelpoort.policy.FrameworkLoader} into an immutable {@link
 *       nl.deelpoort.policy.Framework}. Any error stops the load with the file, the YAML path and the
 *       problem. The SHA-256 of the file is the policy version.
 *   <li>The engine: {@link nl.deelpoort.policy.DecisionEngine#decide} takes a {@link
 *       nl.deelpoort.policy.DecisionRequest} (who asks, in which role, holder, recipient, purpose,
 *       categories, time, and the consent/override/measure facts the gateway gathered) and returns a
 *       {@link nl.deelpoort.policy.DecisionResult}: PERMIT, PARTIAL or DENY, with a reason code and a
 *       Dutch and English sentence for every category it withholds.
 *   <li>Rules the gateway applies when recording grounds: who may consent and for how long ({@link
 *       nl.deelpoort.policy.ConsentGiverRules}), what a consent may cover and who records it ({@link
 *       nl.deelpoort.policy.ConsentScopeRules}), child-protection measures ({@link
 *       nl.deelpoort.policy.MeasureRules}) and safety overrides ({@link
 *       nl.deelpoort.policy.OverrideRules}). The last three answer with a list of {@link
 *       nl.deelpoort.policy.Violation}s, each naming the request field it is about; empty means
 *       allowed. And the AVG art. 30 {@link nl.deelpoort.policy.ProcessingRegister} derived from the
 *       framework.
 *   <li>Wording: every sentence of a reason and every label of the vocabulary, in Dutch and English,
 *       is in {@code reasons_nl.properties} and {@code reasons_en.properties}, keyed by reason code
 *       (or code and part, or enum and constant), read once when the module loads.
 * </ul>
 *
 * <h2>Why it is built this way</h2>
 *
 * <p>Professionals stopped sharing because nobody could tell them what was allowed (004:L87,
 * L99). So every decision names the flow, agreement and legal basis that applied, and every refusal
 * says which rule refused and what would make it possible. The rules are small named functions
 * returning a {@code Verdict}, in lists read top to bottom ({@code Rules} for decisions, and one
 * per ground); a refusal is a value, never an exception, and anything no rule allows is denied.
 *
 * <p>The engine does no I/O and knows no framework: the gateway gathers the facts, the engine
 * decides on exactly those, so a decision can be replayed from its log entry. Flows are indexed by
 * purpose, holder and recipient when the engine is built, which keeps a decision to a few map
 * lookups (see {@code docs/benchmarks/policy.md}).
 *
 * <p>Grounds: consent is needed per category on consent flows; an override that the caller invokes
 * stands in for failed consent, only on flows marked overridable and only within its own scope and
 * time; it never adds a category or a flow. Flow F8 needs a measure in force registered by the
 * recipient institution. Where several flows fit (F8 and F9 share purpose and parties), the one that
 * releases the most applies.
 */
package nl.deelpoort.policy;
