package org.portplan.catalog;

/**
 * A setting the administrator makes on the device so it uses the ports the firewall opens,
 * in the vendor's words: where it is, what it is called, and a value template using
 * {first}, {last}, {count}, {address} and {public-address}. {@code variants}, when not empty,
 * limits the setting to devices whose pool window is one of those choices (the Windows
 * registry steps are not for a Linux host).
 */
public record Setting(String where, String name, String value, java.util.List<String> variants) {

    public Setting {
        variants = java.util.List.copyOf(variants);
    }

    /** Whether the setting applies to a device whose selector param has {@code choice} (null: no selector). */
    public boolean appliesTo(String choice) {
        return variants.isEmpty() || variants.contains(choice);
    }

    public String render(int first, int last, String address, String publicAddress) {
        return value.replace("{first}", Integer.toString(first))
                .replace("{last}", Integer.toString(last))
                .replace("{count}", Integer.toString(last - first + 1))
                .replace("{address}", address)
                .replace("{public-address}", publicAddress == null ? address : publicAddress);
    }
}
