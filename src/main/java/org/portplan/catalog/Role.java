package org.portplan.catalog;

/**
 * A kind of party that flows connect. Device models play roles; a site can also declare
 * remote peers by role. {@code whenUndeclared} says what flows open toward the role when the
 * site declares nobody for it; {@code management} marks parties that administer or monitor
 * devices, whose flows from the outside zone need the site's explicit opt-in.
 */
public record Role(String id, String title, Undeclared whenUndeclared, boolean management, Citation source) {

    public Role {
        java.util.Objects.requireNonNull(whenUndeclared);
    }
}
