package nl.deelpoort.gateway.console;

import nl.deelpoort.gateway.security.ConsoleSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The start page: for someone not logged in, what the console is and the login button; for someone
 * logged in, the tasks of their role. Also the page shown when a page is refused.
 */
@Controller
record HomeController(ConsoleSettings settings) {

    @GetMapping("/console")
    String home(Model model) {
        model.addAttribute("loginConfigured", settings.configured());
        return "console/home";
    }

    /** Reached by forward from a refused request of any method (a POST included). */
    @RequestMapping("/console/forbidden")
    String forbidden() {
        return "console/forbidden";
    }
}
