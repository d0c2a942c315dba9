package org.portplan.catalog;

/** A vendor document (or standard) that catalog entries cite. */
public record Document(String id, String title, String publisher, String seed, String url) {
}
