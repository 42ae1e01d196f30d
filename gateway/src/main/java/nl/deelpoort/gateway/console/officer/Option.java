package nl.deelpoort.gateway.console.officer;

/** A choice of a select: the code sent and the words shown. */
record Option(String value, String label) {}
