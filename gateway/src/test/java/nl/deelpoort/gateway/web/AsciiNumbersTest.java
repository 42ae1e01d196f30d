package nl.deelpoort.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.TypeMismatchException;
import org.springframework.web.bind.WebDataBinder;

/** The binder as Spring MVC uses it for a path variable or query parameter, with the advice's editors. */
class AsciiNumbersTest {

    private final WebDataBinder binder = new WebDataBinder(null);

    AsciiNumbersTest() {
        new AsciiNumbers().asciiOnly(binder);
    }

    @Test
    void asciiDigitsAreNumbers() {
        assertThat(binder.convertIfNecessary("42", long.class)).isEqualTo(42L);
        assertThat(binder.convertIfNecessary("-7", Integer.class)).isEqualTo(-7);
        assertThat(binder.convertIfNecessary("", Long.class))
                .as("empty is absent, as Spring's own")
                .isNull();
    }

    @Test
    void otherDigitsAreNot() {
        for (String s : new String[] {"١", "１", "4２", "0x1", "1e3", "+1", "-", "1 2", "#1"}) {
            assertThatThrownBy(() -> binder.convertIfNecessary(s, long.class))
                    .as(s)
                    .isInstanceOf(TypeMismatchException.class);
        }
    }

    @Test
    void withoutTheEditorsSpringWouldReadOtherDigits() {
        assertThat(new WebDataBinder(null).convertIfNecessary("١", long.class))
                .as("the reason for the advice: the default editor accepts any Unicode digit")
                .isEqualTo(1L);
    }
}
