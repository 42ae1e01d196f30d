package nl.deelpoort.gateway.console.professional;

import java.time.Duration;
import java.time.LocalDate;
import java.util.function.Predicate;
import nl.deelpoort.gateway.support.ConsoleBrowser;
import nl.deelpoort.policy.Framework;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What the grounds pages' browser tests do on a form, beyond {@link ConsoleBrowser}'s basics. */
final class GroundPages {

    static LocalDate today() {
        return LocalDate.now(Framework.ZONE);
    }

    /** A birth date making the subject {@code years} old today (and not about to have a birthday). */
    static LocalDate bornYearsAgo(int years) {
        return today().minusYears(years).minusDays(40);
    }

    /**
     * Sets a date field as a person's date picker would, and tells the page it changed: typing into a
     * date field depends on the browser's locale, the value does not.
     */
    static void date(ConsoleBrowser browser, String id, LocalDate day) {
        ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "var e = document.getElementById(arguments[0]); e.value = arguments[1];"
                                + " e.dispatchEvent(new Event('change', {bubbles: true}));",
                        id,
                        day.toString());
    }

    static void choose(ConsoleBrowser browser, String id, String value) {
        new Select(browser.driver().findElement(By.id(id))).selectByValue(value);
    }

    /** Ticks a checkbox or radio button (by its id) unless it already is. */
    static void tick(ConsoleBrowser browser, String id) {
        WebElement box = browser.driver().findElement(By.id(id));
        if (!box.isSelected()) {
            box.click();
        }
    }

    /** Submits the form whose action ends so, and waits for the page that answers it. */
    static void submit(ConsoleBrowser browser, String formAction) {
        browser.submitAndWait(By.cssSelector("form[action$='" + formAction + "'] button[type=submit]"));
    }

    /** The sentence shown next to a field (its {@code id-error} element). */
    static String error(ConsoleBrowser browser, String field) {
        return browser.text(By.id(field + "-error"));
    }

    static String summary(ConsoleBrowser browser) {
        return browser.text(By.cssSelector(".error-summary"));
    }

    static String byTestId(ConsoleBrowser browser, String id) {
        return browser.text(By.cssSelector("[data-testid='" + id + "']"));
    }

    static String waitForText(ConsoleBrowser browser, By where, Predicate<String> until) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> {
            String text = d.findElement(where).getText();
            return until.test(text) ? text : null;
        });
    }

    private GroundPages() {}
}
