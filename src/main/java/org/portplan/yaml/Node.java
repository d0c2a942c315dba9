package org.portplan.yaml;

import org.portplan.diag.Location;

/** A YAML value that remembers where it was written, so every later error can point at it. */
public sealed interface Node permits MapNode, SeqNode, ScalarNode {

    Location location();

    /** "mapping", "list" or "scalar", for messages such as "expected a mapping, found a list". */
    String kind();
}
