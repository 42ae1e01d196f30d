package nl.deelpoort.gateway.console.officer;

/** Badge classes for outcomes; a badge always carries its word too (never colour alone). */
final class Badges {

    static String decision(String code) {
        if (code == null) {
            return "";
        }
        return switch (code) {
            case "PERMIT" -> "badge-ok";
            case "DENY" -> "badge-no";
            default -> "badge-warn";
        };
    }

    private Badges() {}
}
