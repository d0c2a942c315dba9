package org.portplan.engine;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.portplan.plan.Plan;

/** The files a compile produces, by file name, with the plan they came from. */
public record Outputs(Plan plan, Map<String, String> files) {

    public Outputs {
        files = Collections.unmodifiableMap(new TreeMap<>(files));
    }
}
