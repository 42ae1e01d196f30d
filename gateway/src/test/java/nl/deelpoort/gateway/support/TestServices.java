package nl.deelpoort.gateway.support;

import nl.deelpoort.devkit.DevServices;

/**
 * The real PostgreSQL, Keycloak and case file stub, started once per test JVM (failsafe runs all
 * integration tests in one JVM) on free ports, so tests also pass while a local stack runs.
 */
public final class TestServices {

    private static DevServices services;

    public static synchronized DevServices get() {
        if (services == null) {
            services = DevServices.start(DevServices.Ports.free(), null);
            Runtime.getRuntime().addShutdownHook(new Thread(services::close, "test-services-stop"));
        }
        return services;
    }

    private TestServices() {}
}
