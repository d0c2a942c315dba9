package org.portplan.catalog;

/** A site condition that conditional catalog flows depend on ("tls", "wcs", ...). */
public record Feature(String id, String description) {
}
