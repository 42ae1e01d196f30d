package nl.deelpoort.gateway.support;

import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * MockMvc over the running gateway's context, for tests that need a token the realm cannot issue
 * (Spring Security's {@code jwt()} post-processor), with the filters every real request passes: the
 * server observation first (it opens the request's span, which the log entries and the answer's
 * {@code traceparent} name; without it the gateway refuses to log and answers 500), then the
 * security filter chain.
 */
public final class SecuredMockMvc {

    public static MockMvc of(WebApplicationContext context) {
        return MockMvcBuilders.webAppContextSetup(context)
                .addFilters(new ServerHttpObservationFilter(context.getBean(ObservationRegistry.class)))
                .apply(springSecurity())
                .build();
    }

    private SecuredMockMvc() {}
}
