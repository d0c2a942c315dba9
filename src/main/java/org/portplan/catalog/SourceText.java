package org.portplan.catalog;

/** A named input text: a catalog or site file as read from disk or from the jar. */
public record SourceText(String name, String text) {
}
