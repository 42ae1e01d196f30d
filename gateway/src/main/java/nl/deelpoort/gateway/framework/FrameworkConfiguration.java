package nl.deelpoort.gateway.framework;

import nl.deelpoort.policy.Bsn;
import nl.deelpoort.policy.DecisionEngine;
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.FrameworkLoader;
import nl.deelpoort.policy.OrganisationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.ToStringSerializer;

/**
 * The framework and the engine are plain objects of the policy module (which has no Spring, see
 * docs/design.md, "Shape"), built here. A framework that does not validate stops the start with the
 * loader's message (file, path, problem).
 */
@Configuration(proxyBeanMethods = false)
class FrameworkConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FrameworkConfiguration.class);

    @Bean
    Framework framework(FrameworkSettings settings) {
        Framework framework =
                settings.file() == null ? FrameworkLoader.loadDefault() : FrameworkLoader.load(settings.file());
        log.info("Sharing framework {} in force, policy version {}", framework.source(), framework.policyVersion());
        return framework;
    }

    @Bean
    DecisionEngine decisionEngine(Framework framework) {
        return new DecisionEngine(framework);
    }

    /** Vocabulary values are plain strings on the wire; a BSN is never serialised. */
    @Bean
    SimpleModule policyJson() {
        SimpleModule module = new SimpleModule("deelpoort-policy");
        module.addSerializer(OrganisationId.class, ToStringSerializer.instance);
        module.addSerializer(Bsn.class, new ValueSerializer<Bsn>() {
            @Override
            public void serialize(Bsn value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeString("***");
            }
        });
        return module;
    }
}
