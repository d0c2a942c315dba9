package org.portplan.catalog;

/**
 * A kind of party that flows connect. Device models play roles; a site can also declare
 * remote peers by role. {@code anyoneWhenUndeclared} says what a role means when the site
 * declares nobody for it: any outside address (so the device still works), or nobody (so
 * flows to it are simply not opened).
 */
public record Role(String id, String title, boolean anyoneWhenUndeclared, Citation source) {
}
