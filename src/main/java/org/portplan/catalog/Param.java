package org.portplan.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A device parameter that sizes or selects pools (conversations, lines, licensed calls,
 * Windows version). Integer parameters have bounds; choice parameters list their values.
 */
public record Param(String name, List<String> choices, Long min, Long max, String defaultValue,
                    String description, Citation source) {

    public Param {
        choices = List.copyOf(choices);
    }

    public boolean isChoice() {
        return !choices.isEmpty();
    }

    public Optional<String> defaultOption() {
        return Optional.ofNullable(defaultValue);
    }
}
