package nl.deelpoort.gateway.console;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** The console's language: Dutch unless the person chose English ({@code ?lang=en}, kept a year). */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration implements WebMvcConfigurer {

    static final Locale DUTCH = Locale.forLanguageTag("nl");

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("deelpoort-lang");
        resolver.setDefaultLocaleFunction(request -> DUTCH);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite(
                ResponseCookie.from("x").sameSite("Lax").build().getSameSite());
        resolver.setCookieHttpOnly(true);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor language = new LocaleChangeInterceptor();
        language.setParamName("lang");
        language.setIgnoreInvalidLocale(true);
        registry.addInterceptor(new LanguageChoice(language)).addPathPatterns("/console", "/console/**");
    }
}
