package io.piha.poe.snmp;

import org.snmp4j.PDU;

/** SNMP error-status codes by their RFC 3416 names, so errors read as the MIB books write them. */
final class SnmpErrors {

    private static final String[] NAMES = {"noError", "tooBig", "noSuchName", "badValue", "readOnly", "genErr",
        "noAccess", "wrongType", "wrongLength", "wrongEncoding", "wrongValue", "noCreation", "inconsistentValue",
        "resourceUnavailable", "commitFailed", "undoFailed", "authorizationError", "notWritable", "inconsistentName"};

    private SnmpErrors() {
    }

    static String name(int status) {
        String name = status >= 0 && status < NAMES.length ? NAMES[status] : PDU.toErrorStatusText(status);
        return name + " (" + status + ")";
    }
}
