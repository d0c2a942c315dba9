package org.portplan.engine;

import java.util.Optional;
import org.portplan.diag.Diagnostics;

/** A value, or the diagnostics explaining why there is none (warnings may come with a value). */
public record Result<T>(Optional<T> value, Diagnostics diagnostics) {

    public boolean ok() {
        return value.isPresent() && !diagnostics.hasErrors();
    }
}
