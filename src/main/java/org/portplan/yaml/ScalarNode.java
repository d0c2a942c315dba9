package org.portplan.yaml;

import org.portplan.diag.Location;

/**
 * A YAML scalar kept as its text; typing (ports, addresses, names) is the loaders' job so
 * that each can say precisely what it expected.
 */
public record ScalarNode(Location location, String text, boolean isNull) implements Node {

    @Override
    public String kind() {
        return isNull ? "nothing" : "scalar";
    }
}
