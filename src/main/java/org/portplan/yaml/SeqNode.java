package org.portplan.yaml;

import java.util.List;
import org.portplan.diag.Location;

/** A YAML sequence. */
public record SeqNode(Location location, List<Node> items) implements Node {

    public SeqNode {
        items = List.copyOf(items);
    }

    @Override
    public String kind() {
        return "list";
    }
}
