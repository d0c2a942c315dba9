package org.portplan.catalog;

/**
 * A setting the administrator makes on the device so it uses the ports the firewall opens,
 * in the vendor's words: where it is, what it is called, and a value template using
 * {first}, {last}, {count}, {address} and {public-address}.
 */
public record Setting(String where, String name, String value) {

    public String render(int first, int last, String address, String publicAddress) {
        return value.replace("{first}", Integer.toString(first))
                .replace("{last}", Integer.toString(last))
                .replace("{count}", Integer.toString(last - first + 1))
                .replace("{address}", address)
                .replace("{public-address}", publicAddress == null ? address : publicAddress);
    }
}
