package org.portplan.catalog;

import java.util.Objects;
import java.util.Optional;

/**
 * What a vendor's document says about the firewall's SIP ALG (the helper or inspection engine
 * that rewrites addresses in SIP messages and opens media ports by itself): the device wants it
 * off, wants it on, or the document does not say. The citation is where the document deals with
 * firewalls, so a reader can check the claim, including a claim of silence.
 */
public record SipAlg(Stance wants, Citation source) {

    /** The vendor's position on the firewall's SIP ALG. */
    public enum Stance implements org.portplan.core.Identified {
        OFF("off"),
        ON("on"),
        UNSTATED("unstated");

        private final String id;

        Stance(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        public static Optional<Stance> byId(String id) {
            return org.portplan.core.Identified.byId(Stance.class, id);
        }
    }

    public SipAlg {
        Objects.requireNonNull(wants);
        Objects.requireNonNull(source);
    }
}
