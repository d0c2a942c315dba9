package org.portplan.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A setting the administrator makes on the device, in the vendor's words: where it is (null
 * when the document gives no menu path), what it is called, and a value template. Placeholders:
 * {first}, {last} and {count} of the pool (pool settings only), the device's {address},
 * {public-address}, {netmask} and {gateway}, and {role:ROLE} (the addresses of the parties
 * playing ROLE) or {role:ROLE:POOL} (their ports of POOL). {@code variants}, when not empty,
 * limits the setting to devices whose pool window is one of those choices (the Windows
 * registry steps are not for a Linux host); {@code when}, when not empty, to devices for which
 * one of those features or flows is on. {@code source} is set on model settings; a pool
 * setting is cited by its pool.
 */
public record Setting(String where, String name, String value, List<String> variants, List<String> when,
                      Citation source) {

    /** Placeholders of the pool's own ports, which only pool settings know. */
    public static final List<String> POOL_PLACEHOLDERS = List.of("first", "last", "count");
    /** Placeholders every setting knows: the device's own addresses. */
    public static final List<String> DEVICE_PLACEHOLDERS = List.of("address", "public-address", "netmask", "gateway");
    /** The prefix of a placeholder naming a role: {role:ROLE} or {role:ROLE:POOL}. */
    public static final String ROLE_PREFIX = "role:";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z-]*(?::[A-Za-z0-9._-]+){0,2})}");
    /** Templates split by {@link #split}: every device renders the same few, so each is matched once. */
    private static final java.util.Map<String, List<String>> TEMPLATES = new java.util.concurrent.ConcurrentHashMap<>();

    public Setting {
        java.util.Objects.requireNonNull(name);
        java.util.Objects.requireNonNull(value);
        variants = List.copyOf(variants);
        when = List.copyOf(when);
    }

    /** Whether the setting applies to a device whose selector param has {@code choice} (null: no selector). */
    public boolean appliesTo(String choice) {
        return variants.isEmpty() || variants.contains(choice);
    }

    /** The placeholders the value uses, without braces, in order ("first", "role:stun-server"). */
    public List<String> placeholders() {
        return placeholders(value);
    }

    static List<String> placeholders(String template) {
        List<String> parts = split(template);
        List<String> out = new ArrayList<>();
        for (int i = 1; i < parts.size(); i += 2) {
            out.add(parts.get(i));
        }
        return out;
    }

    /**
     * The value with each placeholder replaced by {@code lookup}'s answer; placeholders it
     * answers null for are left as they are.
     */
    public String render(Function<String, String> lookup) {
        if (value.indexOf('{') < 0) {
            return value;
        }
        List<String> parts = TEMPLATES.computeIfAbsent(value, Setting::split);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (i % 2 == 0) {
                sb.append(part);
            } else {
                String v = lookup.apply(part);
                sb.append(v == null ? "{" + part + "}" : v);
            }
        }
        return sb.toString();
    }

    /** Literal text and placeholder names alternating, starting and ending with text (maybe empty). */
    private static List<String> split(String template) {
        List<String> out = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        int from = 0;
        while (m.find()) {
            out.add(template.substring(from, m.start()));
            out.add(m.group(1));
            from = m.end();
        }
        out.add(template.substring(from));
        return List.copyOf(out);
    }
}
