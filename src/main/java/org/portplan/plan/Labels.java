package org.portplan.plan;

import java.util.ArrayList;
import java.util.List;

/** Short human labels for groups of devices, for rule comments: "sales-1..sales-12, front-desk". */
final class Labels {

    private Labels() {
    }

    /** Joins device names, writing runs expanded from one site entry ('count') as first..last. */
    static String devices(List<ResolvedDevice> devices) {
        List<ResolvedDevice> sorted = new ArrayList<>(devices);
        sorted.sort((a, b) -> Integer.compare(a.device().order(), b.device().order()));
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j + 1 < sorted.size()
                    && sorted.get(j + 1).device().location().equals(sorted.get(i).device().location())
                    && sorted.get(j + 1).device().order() == sorted.get(j).device().order() + 1) {
                j++;
            }
            parts.add(j == i ? sorted.get(i).name() : sorted.get(i).name() + ".." + sorted.get(j).name());
            i = j + 1;
        }
        return String.join(", ", parts);
    }
}
