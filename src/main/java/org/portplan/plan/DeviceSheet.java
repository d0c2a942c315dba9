package org.portplan.plan;

import java.util.List;
import org.portplan.core.AddressSet;
import org.portplan.core.Ipv4;

/**
 * Everything a technician sets up on one device: where it is and how the outside reaches it
 * ({@code nat}), the parties it talks to, its ports, every setting in the vendor's words (the
 * pools' and the model's own, such as the server it registers with), advice for the network
 * around it, the notes that apply to this site, and the warnings the plan gave about it.
 */
public record DeviceSheet(String device, String model, String modelTitle, String firewall, String zone,
                         Ipv4 address, Ipv4 publicAddress, Nat nat, List<Counterpart> talksTo, List<Line> lines,
                         List<Setting> settings, List<Note> advice, List<Note> notes, List<String> warnings) {

    /** How the outside reaches the device. */
    public enum Nat {
        /** Through the firewall's outside address (or a public address of several devices), port by port. */
        SHARED("shared"),
        /** Through a public address of its own. */
        ONE_TO_ONE("1:1"),
        /** It sits in the outside zone, at its own address. */
        NONE("none");

        private final String id;

        Nat(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** One pool: its ports and what they are for. */
    public record Line(String pool, String protocols, String ports, String purpose) {
    }

    /**
     * One value to set: {@code where} is null when the document gives no menu path, {@code pool}
     * null for settings that are about the device rather than one pool. {@code value} is null
     * when the site lacks what it needs, and {@code missing} then says what; {@code via} names the
     * parties a value was taken from ("peer hq").
     */
    public record Setting(String pool, String where, String name, String value, String missing, String via,
                          String source) {

        public Setting {
            if ((value == null) == (missing == null)) {
                throw new IllegalArgumentException("a setting has a value or says what is missing, not both or neither");
            }
        }

        /** "SIP Port = 5061 (Server Admin page: ...)", or "... = ? (what is missing)". */
        public String describe() {
            return name + " = " + (value != null ? value : "? (" + missing + ")") + (where == null ? "" : " (" + where + ")");
        }
    }

    /** A note or a piece of advice, with the catalog source it comes from (null for portplan's own). */
    public record Note(String text, String source) {
    }

    /** A party the device talks to through a flow that is on for it: a device or peer of the site, or anyone. */
    public record Counterpart(String role, String name, Kind kind, AddressSet addresses) {

        /** What the party is. */
        public enum Kind {
            /** A device of the site. */
            DEVICE,
            /** A peer the site declares. */
            PEER,
            /** Anyone: the role is the Internet by nature. */
            INTERNET,
            /** Anyone: the site declares nobody for a party the catalog opens to anyone. */
            UNDECLARED;

            public String id() {
                return name().toLowerCase(java.util.Locale.ROOT);
            }
        }
    }

    public DeviceSheet {
        talksTo = List.copyOf(talksTo);
        lines = List.copyOf(lines);
        settings = List.copyOf(settings);
        advice = List.copyOf(advice);
        notes = List.copyOf(notes);
        warnings = List.copyOf(warnings);
    }

    /** The settings of one pool, as "NAME = VALUE (WHERE)": what to change on the device when the pool moves. */
    public List<String> settingsOf(String pool) {
        return settings.stream().filter(s -> pool.equals(s.pool())).map(Setting::describe).toList();
    }
}
