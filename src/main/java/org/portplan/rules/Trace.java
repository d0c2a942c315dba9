package org.portplan.rules;

/**
 * Why a rule exists, for the comment on it: the devices it serves, their model, the catalog
 * entry (pool or flow), its purpose, and the document and section the numbers come from.
 */
public record Trace(String devices, String model, String entry, String purpose, String document, String section) {

    /** "allworx-admin-7.2 sec. 14.3.1", or empty when the rule is portplan's own (outbound NAT). */
    public String citation() {
        return document == null ? "" : document + " sec. " + section;
    }

    /** One line: "front-desk (allworx-phone) sip: SIP signalling [allworx-admin-7.2 sec. 14.3.1]". */
    public String summary() {
        StringBuilder sb = new StringBuilder(devices);
        if (model != null && !model.isEmpty()) {
            sb.append(" (").append(model).append(')');
        }
        sb.append(' ').append(entry);
        if (purpose != null && !purpose.isEmpty()) {
            sb.append(": ").append(purpose);
        }
        if (document != null) {
            sb.append(" [").append(citation()).append(']');
        }
        return sb.toString();
    }
}
