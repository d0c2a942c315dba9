package org.portplan.catalog;

import java.util.Objects;

/**
 * Where a catalog fact comes from: a document id from the catalog's {@code documents}, the
 * section (and page, when the document has them), and a note for corrections or readings.
 */
public record Citation(String document, String section, String page, String note) {

    public Citation {
        Objects.requireNonNull(document);
        Objects.requireNonNull(section);
    }

    /** "allworx-admin-7.2 sec. 14.3.1 p.87". */
    public String shortForm() {
        return document + " sec. " + section + (page == null ? "" : " p." + page);
    }
}
