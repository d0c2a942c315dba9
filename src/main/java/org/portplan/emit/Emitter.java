package org.portplan.emit;

import org.portplan.core.Platform;
import org.portplan.rules.FirewallPlan;

/** Writes one firewall's plan in one dialect. Implementations see only the neutral plan. */
public interface Emitter {

    Platform platform();

    /** The complete rule file for {@code firewall} of site {@code site}. */
    Emission emit(String site, FirewallPlan firewall);
}
