package nl.deelpoort.gateway.support;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorFactory;
import jakarta.validation.Validation;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import nl.deelpoort.gateway.web.validation.RequestValidator;

/**
 * A {@link RequestValidator} for unit tests, built as Spring builds it: a constraint validator whose
 * constructor asks for the framework, a clock or another dependency gets the one of that type given here.
 */
public final class TestValidators {

    public static RequestValidator requestValidator(Object... dependencies) {
        return new RequestValidator(Validation.byDefaultProvider()
                .configure()
                .constraintValidatorFactory(new ConstraintValidatorFactory() {
                    @Override
                    public <T extends ConstraintValidator<?, ?>> T getInstance(Class<T> key) {
                        try {
                            Constructor<?> c = key.getDeclaredConstructors()[0];
                            c.setAccessible(true);
                            return key.cast(c.newInstance(Arrays.stream(c.getParameterTypes())
                                    .map(type -> Arrays.stream(dependencies)
                                            .filter(type::isInstance)
                                            .findFirst()
                                            .orElseThrow(() -> new IllegalStateException("no " + type + " given")))
                                    .toArray()));
                        } catch (ReflectiveOperationException e) {
                            throw new IllegalStateException(e);
                        }
                    }

                    @Override
                    public void releaseInstance(ConstraintValidator<?, ?> instance) {}
                })
                .buildValidatorFactory()
                .getValidator());
    }

    private TestValidators() {}
}
