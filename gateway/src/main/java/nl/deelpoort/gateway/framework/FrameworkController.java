package nl.deelpoort.gateway.framework;

import java.time.LocalDate;
import java.util.List;
import nl.deelpoort.policy.Agreement;
import nl.deelpoort.policy.ConsentPolicy;
import nl.deelpoort.policy.Flow;
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.Organisation;
import nl.deelpoort.policy.OverridePolicy;
import nl.deelpoort.policy.ProcessingRegister;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The framework in force and the AVG art. 30 register derived from it; any authenticated caller. */
@RestController
record FrameworkController(Framework framework) {
    record FrameworkView(
            String policyVersion,
            String source,
            List<Organisation> organisations,
            List<Agreement> agreements,
            List<Flow> flows,
            ConsentPolicy consentRules,
            OverridePolicy overrideRules) {}

    record RegisterView(String policyVersion, LocalDate on, List<ProcessingRegister.Processing> processings) {}

    @GetMapping("/api/v1/agreements")
    FrameworkView agreements() {
        return new FrameworkView(
                framework.policyVersion(),
                framework.source(),
                List.copyOf(framework.organisations()),
                framework.agreements(),
                framework.flows(),
                framework.consentPolicy(),
                framework.overridePolicy());
    }

    @GetMapping("/api/v1/register")
    RegisterView register(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        LocalDate day = on != null ? on : LocalDate.now(Framework.ZONE);
        ProcessingRegister register = ProcessingRegister.of(framework, day);
        return new RegisterView(register.policyVersion(), register.on(), register.processings());
    }
}
