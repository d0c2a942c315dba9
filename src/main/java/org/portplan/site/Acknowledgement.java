package org.portplan.site;

import java.util.Objects;
import org.portplan.diag.Code;
import org.portplan.diag.Location;

/**
 * A kind of warning the site accepts, and why ({@code acknowledge: { PP601: "reason" }}): such
 * warnings are still printed and listed in plan.md, but no longer fail {@code --strict}.
 */
public record Acknowledgement(Code code, String reason, Location location) {

    public Acknowledgement {
        Objects.requireNonNull(code);
        Objects.requireNonNull(reason);
    }
}
