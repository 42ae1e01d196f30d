/**
 * The population register (BRP, Basisregistratie Personen) as a source of facts for recording consent: the subject's
 * birth date and who holds authority (gezag) over them, from the BRP API Personen of RvIG (Haal Centraal), {@code POST
 * /personen} with the query type {@code RaadpleegMetBurgerservicenummer} and only the fields the consent rules need
 * ({@link nl.deelpoort.gateway.population.BrpQuery#FIELDS}). See docs/population-register.md.
 *
 * <p>Public to others: {@link nl.deelpoort.gateway.population.PopulationRegister} (is it configured, look a subject up),
 * {@link nl.deelpoort.gateway.population.RegisterFacts} and {@link
 * nl.deelpoort.gateway.population.PopulationRegisterException}. The HTTP client, its circuit breaker (Resilience4j)
 * and its credentials (an API key header and/or an OAuth2 client-credentials token obtained through a Spring Security
 * {@code OAuth2AuthorizedClientManager} private to this package, so that the console's login registrations are not
 * touched) stay inside. Nothing here logs a BSN or what the register answered.
 */
package nl.deelpoort.gateway.population;
