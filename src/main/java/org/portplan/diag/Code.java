package org.portplan.diag;

/**
 * The stable code of every kind of diagnostic: what CI tools, editors and a site's
 * {@code acknowledge:} key refer to. Codes never change meaning once released; retired codes
 * stay reserved. docs/ci.md lists each with an example and the fix.
 *
 * <p>The hundreds group them: PP1xx input files (YAML, encoding, limits, shape), PP2xx the
 * site's own structure, PP3xx the site against the catalog, PP4xx exposure and security, PP5xx
 * allocation and the lock file, PP6xx output and dialect limits, PP7xx catalog files. Each kind
 * is always reported with one {@link Severity}, its {@link #severity()}.
 */
public enum Code {

    // ---- PP1xx: input files (site, catalog and lock files alike) ----

    NOT_UTF8("PP101", "not-utf8", Severity.ERROR, "The file is not UTF-8 text",
            "portplan reads UTF-8 only. Save the file as UTF-8 (without a legacy code page); the position is that of"
                    + " the first byte that is not UTF-8."),
    FORBIDDEN_CHARACTER("PP102", "forbidden-character", Severity.ERROR, "A character YAML does not allow",
            "Control characters such as NUL or ESC are not allowed in YAML text. Remove the character at the"
                    + " position given (editors often show it as a box or ^@)."),
    INPUT_LIMIT("PP103", "input-limit", Severity.ERROR, "The input exceeds one of portplan's limits",
            "portplan refuses inputs beyond fixed limits (file size, line length, value size, nesting, values per"
                    + " file, aliases, devices per site; see 'Limits' in docs/ci.md) so that any input is answered"
                    + " quickly. Real sites stay far below them: split the input or check it was not generated wrongly."),
    YAML_SYNTAX("PP104", "yaml-syntax", Severity.ERROR, "Malformed YAML",
            "The file is not valid YAML at the position given (a tab used for indentation, a missing bracket or"
                    + " colon, a bad indent). Fix the syntax there; the message quotes the YAML parser."),
    EMPTY_FILE("PP105", "empty-file", Severity.ERROR, "The file is empty",
            "A site, catalog or lock file must be a YAML mapping of keys to values. Write its content, or pass the"
                    + " right file."),
    SEVERAL_DOCUMENTS("PP106", "several-documents", Severity.ERROR, "More than one YAML document in a file",
            "Each file holds one YAML document. Remove the second '---' and what follows, or move it to a file of"
                    + " its own."),
    YAML_ALIAS("PP107", "yaml-alias", Severity.ERROR, "A YAML alias",
            "portplan does not expand YAML anchors and aliases (*name), so that every value has one place in the"
                    + " file. Write the value out where the alias is."),
    UNREADABLE_FILE("PP108", "unreadable-file", Severity.ERROR, "The file cannot be read",
            "Reading the file failed. The message gives the reason; check the file and try again."),
    UNKNOWN_KEY("PP110", "unknown-key", Severity.ERROR, "A key the mapping does not accept",
            "The key is not one this part of the file accepts, often a typo: use the suggested key, or remove it."
                    + " The message lists the allowed keys; docs/site-format.md and docs/catalog.md describe them."),
    MISSING_KEY("PP111", "missing-key", Severity.ERROR, "A required key is missing",
            "This mapping needs the key named in the message. Add it (docs/site-format.md and docs/catalog.md show"
                    + " what it holds)."),
    WRONG_TYPE("PP112", "wrong-type", Severity.ERROR, "A value of the wrong kind",
            "The key needs another kind of value: a single value, a list, a mapping or a whole number, as the"
                    + " message says. Rewrite the value in that form."),
    OUT_OF_RANGE("PP113", "out-of-range", Severity.ERROR, "A number outside the range the key accepts",
            "The number is smaller or larger than the key allows; the message gives the range. Use a value inside it."),
    INVALID_NAME("PP114", "invalid-name", Severity.ERROR, "A name portplan does not accept",
            "Names of sites, firewalls, zones, devices, peers and catalog entries use letters, digits, '.', '_' and"
                    + " '-', start with a letter or digit and have at most 64 characters, because they end up in rule"
                    + " files and file names. Rename it."),
    DUPLICATE_KEY("PP115", "duplicate-key", Severity.ERROR, "A key written twice in one mapping",
            "YAML parsers disagree on which of two equal keys wins, so portplan accepts neither. Keep one of them"
                    + " (the message gives the line of the first)."),
    DUPLICATE_ITEM("PP116", "duplicate-item", Severity.ERROR, "The same item twice in a list",
            "A list (features, include, exclude, remote-admin, public addresses, a peer's addresses) names the same"
                    + " item twice. Remove one of them."),
    EMPTY_LIST("PP117", "empty-list", Severity.ERROR, "A list that needs items is empty",
            "The key needs at least one item (a firewall, a peer address, a flow's ports, a 'when' name). Add one,"
                    + " or leave an optional key out."),
    INVALID_CHOICE("PP118", "invalid-choice", Severity.ERROR, "A value that is not one of the key's choices",
            "The key takes one of a fixed set of words (a protocol, a requirement, true or false, ...), listed in"
                    + " the message with the nearest one. Use one of them."),
    INVALID_PORTS("PP119", "invalid-ports", Severity.ERROR, "A port or port range that cannot be read",
            "Ports are written as a number (5060) or a range (16384-16483), from 1 to 65535, first not above last."
                    + " Fix the value."),

    // ---- PP2xx: the site's structure ----

    UNKNOWN_PLATFORM("PP201", "unknown-platform", Severity.ERROR, "A firewall platform portplan does not write",
            "A firewall's platform is one of iptables, nftables, pix, asa or pf. Use one of them (the message"
                    + " suggests the nearest)."),
    MISSING_OUTSIDE_INTERFACE("PP202", "missing-outside-interface", Severity.ERROR,
            "A firewall without an 'outside' interface",
            "Every firewall needs an interface for the zone named 'outside', the one facing the Internet: portplan"
                    + " takes the public address from it. Add it, or rename the zone that faces the Internet."),
    INTERFACE_NAME_TOO_LONG("PP203", "interface-name-too-long", Severity.ERROR, "An interface name over 15 characters",
            "Linux and OpenBSD interface names have at most 15 characters. Use the name the firewall's system"
                    + " shows (ip link, ifconfig)."),
    INTERFACE_NEEDS_PREFIX("PP204", "interface-needs-prefix", Severity.ERROR, "An interface address without a prefix length",
            "An interface's address is written with its prefix length (10.0.0.1/24), which gives the zone's subnet."
                    + " Add it."),
    SHARED_INTERFACE("PP205", "shared-interface", Severity.ERROR, "Two zones on one interface",
            "Each zone of a firewall has an interface of its own, so that rules can tell the zones apart. Give each"
                    + " zone its own interface name."),
    OVERLAPPING_SUBNETS("PP206", "overlapping-subnets", Severity.ERROR, "Two zones of a firewall with overlapping subnets",
            "A device's address decides its zone, so the zones' subnets of one firewall must not overlap. Fix the"
                    + " interface addresses or prefix lengths."),
    INVALID_ADDRESS("PP210", "invalid-address", Severity.ERROR, "An address that cannot be read",
            "Addresses are IPv4, dotted (192.0.2.10), with a prefix length where a subnet is meant (192.0.2.0/24)."
                    + " Fix the value."),
    RESERVED_ADDRESS("PP211", "reserved-address", Severity.ERROR, "An address no single host can have",
            "The address is a network or broadcast address, or one of a reserved range (0.0.0.0/8, loopback,"
                    + " multicast, broadcast), so no device, interface or peer host has it. Use the host's real address."),
    ADDRESS_CLASH("PP212", "address-clash", Severity.ERROR, "An address already used by something else",
            "Two things of the site have the same address (two devices, a device and a firewall interface, a peer"
                    + " and a device, two firewalls' public addresses). Give each its own address; the message names"
                    + " the other user."),
    HOST_BITS_SET("PP213", "host-bits-set", Severity.ERROR, "A subnet written with host bits set",
            "A peer's subnet is written as its network address (198.51.100.0/24, not 198.51.100.7/24). Use the"
                    + " suggested network address, or /32 for one host."),
    ADDRESS_IN_NO_SUBNET("PP220", "address-in-no-subnet", Severity.ERROR, "A device address in no zone's subnet",
            "A device is placed in the zone whose interface subnet holds its address, and this one is in none."
                    + " Fix the address, or the interface it belongs behind (the message lists the subnets)."),
    AMBIGUOUS_FIREWALL("PP221", "ambiguous-firewall", Severity.ERROR, "A device address in subnets of several firewalls",
            "Branches may reuse private ranges, so the address alone does not say which firewall the device is"
                    + " behind. Add 'firewall: NAME' to the device."),
    UNKNOWN_FIREWALL("PP222", "unknown-firewall", Severity.ERROR, "A device behind a firewall the site does not have",
            "The device's 'firewall' names no firewall of the site. Use one of the names under 'firewalls'."),
    COUNT_DOES_NOT_FIT("PP230", "count-does-not-fit", Severity.ERROR, "The addresses 'count' makes do not fit",
            "'count: N' gives N devices consecutive addresses from the one written; here they run past the zone's"
                    + " subnet or include an address no device can have (the firewall's own, a broadcast). Lower the"
                    + " count or start at another address."),
    COUNT_WITH_PORTS("PP231", "count-with-ports", Severity.ERROR, "'ports' pinned on an entry with 'count'",
            "Pinned ports belong to one device, and the devices 'count' makes cannot all have the same ones. List"
                    + " the devices that need pinned ports separately."),
    SHARED_PUBLIC_ADDRESS("PP232", "shared-public-address", Severity.WARNING,
            "The devices of one 'count' entry share a public address",
            "All devices of the entry are reached at the same extra public address, so its ports are split among"
                    + " them like the firewall's own address. If each device should have its own address, list them"
                    + " separately, each with its own public-address."),
    PUBLIC_ADDRESS_IN_OUTSIDE_ZONE("PP240", "public-address-in-outside-zone", Severity.ERROR,
            "A public-address on a device in the outside zone",
            "A device in the outside zone is reached at its own address, without NAT, so it has no public-address."
                    + " Remove the key, or fix the device's address if it belongs inside."),
    UNKNOWN_PUBLIC_ADDRESS("PP241", "unknown-public-address", Severity.ERROR, "A public-address the firewall does not have",
            "A device's public-address must be the firewall's outside address or one listed under the firewall's"
                    + " 'public-addresses'. Add it there (once it is routed to the firewall), or fix the address."),
    PUBLIC_ADDRESS_INSIDE("PP242", "public-address-inside", Severity.ERROR, "A public address inside an inside zone",
            "A firewall's public addresses are reached from the Internet, so they cannot lie in the subnet of one of"
                    + " its inside zones. Remove it, or fix the address."),
    DUPLICATE_DEVICE_NAME("PP250", "duplicate-device-name", Severity.ERROR, "Two devices with the same name",
            "Device names identify devices in rule comments, the lock file and plan.md, so each must be unique,"
                    + " including the names 'count' makes (NAME-1, NAME-2, ...). Rename one of them."),
    ACKNOWLEDGE_UNKNOWN_CODE("PP260", "acknowledge-unknown-code", Severity.ERROR,
            "'acknowledge' names no warning's code, or gives no reason",
            "Each key of 'acknowledge' is the code of a kind of warning (printed at its end, e.g. [PP601]) and its"
                    + " value the reason the site accepts it. Errors cannot be acknowledged. Fix the code or add the reason."),
    ACKNOWLEDGE_UNUSED("PP261", "acknowledge-unused", Severity.WARNING, "An acknowledgement matches no warning of the site",
            "The site acknowledges a code that none of its warnings has (any more). Remove the entry, so that a new"
                    + " warning of that kind is seen."),

    // ---- PP3xx: the site against the catalog ----

    UNKNOWN_MODEL("PP301", "unknown-model", Severity.ERROR, "A device model the catalog does not know",
            "A device's model must be a model id of the catalog. Use the suggested one; 'portplan catalog list'"
                    + " shows them all."),
    UNKNOWN_PARAM("PP302", "unknown-param", Severity.ERROR, "A param the model does not take",
            "The model has no param of that name; the message lists the ones it has ('portplan catalog show"
                    + " MODEL'). Fix the name or remove it."),
    INVALID_PARAM_VALUE("PP303", "invalid-param-value", Severity.ERROR, "A param value the model does not accept",
            "The value is not one of the param's choices, or not a whole number in its range, as the message says."
                    + " Use an accepted value."),
    UNKNOWN_POOL("PP304", "unknown-pool", Severity.ERROR, "A pinned pool the model does not have",
            "'ports' pins a pool by name, and the model has no pool of that name. Use one of its pools"
                    + " ('portplan catalog show MODEL')."),
    FIXED_POOL_PINNED("PP305", "fixed-pool-pinned", Severity.ERROR, "A pin on a pool the vendor fixes",
            "The vendor fixes this pool's ports, so the device cannot be told to use others, and pinning them would"
                    + " make rules the device does not follow. Remove the pin."),
    PIN_OUT_OF_BOUNDS("PP306", "pin-out-of-bounds", Severity.ERROR, "A pinned range outside the range the model accepts",
            "The vendor's documents allow this pool only within the bounds the message gives. Pin a range inside them."),
    PIN_DOES_NOT_FIT("PP307", "pin-does-not-fit", Severity.ERROR, "A pinned range of the wrong size or alignment",
            "A sized pool must be pinned to exactly the ports its params need, an unsized one to at most the"
                    + " vendor's range, and an aligned one (RTP) must start on its alignment. Pin the range the"
                    + " message suggests."),
    UNKNOWN_ROLE("PP310", "unknown-role", Severity.ERROR, "A peer role the catalog does not know",
            "A peer's role is a role or model id of the catalog. Use the suggested one; 'portplan catalog list'"
                    + " shows the roles."),
    AMBIGUOUS_ROLE("PP311", "ambiguous-role", Severity.ERROR, "Params or ports on a peer whose role several models play",
            "A peer's params and ports are those of one model, so its role must be played by exactly one. Give the"
                    + " model's id as the role, or remove the params and ports."),
    UNKNOWN_FEATURE("PP320", "unknown-feature", Severity.ERROR, "A feature the catalog does not know",
            "'features' lists catalog features; this one is not among them. Use the suggested name; docs/catalog.md"
                    + " and 'portplan catalog list' show them."),
    UNKNOWN_FLOW("PP330", "unknown-flow", Severity.ERROR, "An included or excluded flow the catalog does not know",
            "'include' and 'exclude' name catalog flows by id. Use the suggested id."),
    FLOW_INCLUDED_AND_EXCLUDED("PP331", "flow-included-and-excluded", Severity.ERROR, "A flow both included and excluded",
            "A flow is either on or off. Remove it from 'include' or from 'exclude'."),
    FLOW_NOT_EXCLUDABLE("PP332", "flow-not-excludable", Severity.ERROR, "An excluded flow that is mandatory or conditional",
            "Mandatory flows are what the devices need to work at all, and a conditional one is on exactly when the"
                    + " site lists its feature. Remove it from 'exclude' (or the feature from 'features')."),
    CONDITIONAL_FLOW_INCLUDED("PP333", "conditional-flow-included", Severity.ERROR, "An included flow that is conditional",
            "A conditional flow is turned on by its feature, not by 'include'. List the feature the message names"
                    + " under 'features' instead."),
    FLOW_CHOICE_HAS_NO_EFFECT("PP334", "flow-choice-has-no-effect", Severity.WARNING,
            "An include or exclude that changes nothing",
            "Only optional flows can be included and only recommended ones excluded; this flow is already on (or"
                    + " off) without it. Remove the entry."),
    UNKNOWN_REMOTE_ADMIN_PEER("PP340", "unknown-remote-admin-peer", Severity.ERROR,
            "'remote-admin' names no peer of the site",
            "'remote-admin' lists peers by name. Use the name of a peer declared under 'peers'."),
    REMOTE_ADMIN_NOT_MANAGEMENT("PP341", "remote-admin-not-management", Severity.ERROR,
            "'remote-admin' names a peer that does not administer devices",
            "'remote-admin' allows administration from outside, so it lists only peers of a management role (such"
                    + " as management-pc). Remove the peer, or give it a management role."),

    // ---- PP4xx: exposure and security ----

    NEVER_FROM_OUTSIDE("PP401", "never-from-outside", Severity.ERROR, "A flow the catalog never opens from outside",
            "The vendor's documents say this flow (administration, provisioning) must not be reachable from the"
                    + " Internet, and a party of the site is in the outside zone. Reach the device from an inside zone"
                    + " (over a VPN), or leave the flow out."),
    MANAGEMENT_NEEDS_OPT_IN("PP402", "management-needs-opt-in", Severity.ERROR,
            "Administration from the outside zone without opt-in",
            "A management party in the outside zone would reach devices' administration. If that is wanted, list"
                    + " the peer under 'remote-admin'; otherwise reach the devices from an inside zone (over a VPN)."),
    REMOTE_ADMIN_TOO_WIDE("PP403", "remote-admin-too-wide", Severity.ERROR, "A remote-admin peer with too wide addresses",
            "Administration is never opened to everyone: a peer listed under 'remote-admin' must give its real"
                    + " addresses, with prefixes of /8 or longer. Narrow the peer's addresses."),
    FORWARDED_FROM_ANYWHERE("PP410", "forwarded-from-anywhere", Severity.WARNING,
            "Ports forwarded from anywhere because no peer is declared",
            "The catalog opens these ports to anyone when the site declares no peer of the role (a remote phone"
                    + " may be anywhere). Declare the peer under 'peers:' so that only its addresses reach them, or"
                    + " acknowledge the warning if anyone must."),
    ANY_PORT_NOT_OPENED("PP411", "any-port-not-opened", Severity.WARNING, "A flow's 'any port' from outside left closed",
            "A catalog flow asks for any port from outside to a device, and portplan forwards only planned ports."
                    + " If the device needs it, pin the ports it uses or declare a peer inside; otherwise the warning"
                    + " only records that the part stays closed."),

    // ---- PP5xx: allocation and the lock file ----

    PORT_CONFLICT("PP501", "port-conflict", Severity.ERROR, "Two devices need the same ports at one address",
            "Fixed, pinned or locked ports of two devices overlap at the address they are reached at. Give one of"
                    + " them its own public-address, or pin one elsewhere."),
    NO_ROOM("PP502", "no-room", Severity.ERROR, "No room for a pool within its bounds",
            "The other devices at the same public address take the ports this pool could have. Give some devices"
                    + " another public-address, or lower the params that size the pool."),
    POOL_EXCEEDS_BOUNDS("PP503", "pool-exceeds-bounds", Severity.ERROR, "A pool larger than the range the vendor allows",
            "The params ask for more ports than the pool's bounds hold. Lower the params that size it (the message"
                    + " gives the formula)."),
    RANGE_MOVED("PP510", "range-moved", Severity.WARNING, "A deployed device's locked range moves",
            "The lock file gave the device other ports, and they cannot be kept (the message says why). Make the"
                    + " settings the message names on the device when deploying, or change the site so the range stays."),
    PINNED_RANGE_MOVED("PP511", "pinned-range-moved", Severity.NOTE, "A pinned range differs from the locked one",
            "The site pins the pool elsewhere than the lock file recorded; the pin wins. Nothing to fix if the device"
                    + " is set to the pinned ports."),
    LOCK_ENTRY_RELEASED("PP512", "lock-entry-released", Severity.NOTE, "A lock entry is released",
            "The device or pool is gone, or another device has the ports now, so its ports are free again."
                    + " Nothing to fix; the lock file loses the entry on the next compile."),
    LOCK_NOT_UP_TO_DATE("PP520", "lock-not-up-to-date", Severity.ERROR, "The lock file would change (--locked)",
            "--locked fails when compiling would change the lock file. Run 'portplan compile' without --locked and"
                    + " commit the lock file with the site."),
    NO_LOCK_FILE("PP521", "no-lock-file", Severity.ERROR, "No lock file (--locked)",
            "--locked needs the site's lock file. Run 'portplan compile' without --locked and commit the lock file"
                    + " it writes beside the site."),
    UNSUPPORTED_LOCK_VERSION("PP530", "unsupported-lock-version", Severity.ERROR, "A lock file of a newer portplan",
            "The lock file's format is newer than this portplan reads. Use the portplan version that wrote it, or"
                    + " a newer one."),
    INVALID_LOCK_ENTRY("PP531", "invalid-lock-entry", Severity.ERROR, "A lock entry that cannot be read",
            "portplan writes lock files; this line is not in its form (an edit by hand, a bad merge). Restore the"
                    + " file from version control, or delete the line and run 'portplan compile'."),
    DUPLICATE_LOCK_ENTRY("PP532", "duplicate-lock-entry", Severity.ERROR, "A pool locked twice",
            "Each pool of a device has one lock entry; two usually come from a merge. Keep the one the deployed"
                    + " device uses and delete the other."),

    // ---- PP6xx: output and dialect limits ----

    RANGE_EXPANDED_PER_PORT("PP601", "range-expanded-per-port", Severity.WARNING,
            "A forwarded port range written as one rule per port",
            "PIX static PAT and ASA object NAT take single ports, so each forwarded range becomes one rule per port."
                    + " The rules are right but long; use iptables, nftables or pf for large ranges, or acknowledge"
                    + " the warning."),
    UNUSED_PUBLIC_ADDRESS("PP602", "unused-public-address", Severity.WARNING, "A public address no device uses",
            "The firewall lists a public address that no device has as its public-address. Give it to a device, or"
                    + " remove it from 'public-addresses'."),
    DEVICE_IN_NO_RULE("PP603", "device-in-no-rule", Severity.WARNING, "A device that takes part in no rule",
            "No flow of the catalog that is on connects the device across a firewall, so nothing is opened for it."
                    + " Declare the peers it talks to, or list the features it needs."),

    // ---- PP7xx: catalog files ----

    EMPTY_CATALOG("PP701", "empty-catalog", Severity.ERROR, "A catalog without files",
            "The catalog directory (--catalog) holds no *.yaml files. Point --catalog at the directory of catalog"
                    + " files, or leave it out to use the built-in catalog."),
    DUPLICATE_DEFINITION("PP702", "duplicate-definition", Severity.ERROR, "A catalog entry defined twice",
            "Documents, roles, features, models and flows are defined once across all catalog files. Remove or"
                    + " rename one of them."),
    MODEL_WITHOUT_VENDOR("PP703", "model-without-vendor", Severity.ERROR, "A model in a file without 'vendor'",
            "Models belong to a vendor, named by the catalog file's 'vendor' key. Add it to the file."),
    UNKNOWN_DOCUMENT("PP704", "unknown-document", Severity.ERROR, "A source citing a document the catalog does not define",
            "Every 'source' cites a document defined under some file's 'documents'. Fix the id, or define the"
                    + " document."),
    UNKNOWN_CATALOG_ROLE("PP705", "unknown-catalog-role", Severity.ERROR, "A flow or setting naming an unknown role",
            "A flow's 'from' and 'to' and a setting's {role:ROLE} placeholders name roles or models of the catalog."
                    + " Use the suggested name, or define the role."),
    ROLE_WITHOUT_MODEL("PP706", "role-without-model", Severity.ERROR, "A pool asked of a role no model plays",
            "Pool names belong to models, and no model plays this role, so it has no pools. Name ports instead, or"
                    + " let a model play the role."),
    UNKNOWN_CATALOG_POOL("PP707", "unknown-catalog-pool", Severity.ERROR, "A flow or setting naming a pool a model lacks",
            "Every model playing the role must have the pool the flow or setting names. Fix the pool name, or add"
                    + " the pool to the model."),
    POOL_PROTOCOL_MISMATCH("PP708", "pool-protocol-mismatch", Severity.ERROR, "A flow naming a pool with another protocol",
            "The flow asks for the pool over a protocol the pool does not use. Fix the flow's protocol."),
    MODEL_ID_AS_ROLE("PP709", "model-id-as-role", Severity.ERROR, "A model playing another model's id as a role",
            "A model's id is a role played only by that model. Use a role name that is not a model id."),
    INVALID_PARAM("PP710", "invalid-param", Severity.ERROR, "A param definition that does not hold together",
            "A param has either 'choices' or 'min' and 'max', and its default is one of its values. Fix the definition."),
    INVALID_POOL("PP711", "invalid-pool", Severity.ERROR, "A pool definition that does not hold together",
            "A pool has either a fixed 'port' or an allocatable 'default' range, and only the keys of its kind"
                    + " (bounds, size, align, max-size, by, variants for allocatable ones; once-per-address for fixed"
                    + " ones). Fix the definition as the message says."),
    DEFAULT_OUTSIDE_BOUNDS("PP712", "default-outside-bounds", Severity.ERROR, "A pool's default range outside its bounds",
            "A pool's default range lies within its bounds. Fix one of them from the vendor's document."),
    INVALID_SIZE_FORMULA("PP713", "invalid-size-formula", Severity.ERROR, "A pool size formula that cannot be used",
            "A pool's 'size' is a formula of the model's number params (e.g. '2 * lines + 2'). Fix its syntax or"
                    + " the param names."),
    INVALID_VARIANTS("PP714", "invalid-variants", Severity.ERROR, "Variants that do not match their choice param",
            "A pool picked 'by' a choice param has one variant per choice and no default or bounds of its own, and"
                    + " a setting's variants are choices of that param. Fix the variants as the message says."),
    INVALID_PORT_SPEC("PP715", "invalid-port-spec", Severity.ERROR, "A flow's ports that cannot be read",
            "A flow's ports are written '<protocol> <ports>': 'udp 5060', 'tcp 1024-1324', 'udp rtp' (a pool) or"
                    + " 'tcp any'. Fix the entry."),
    ONCE_PER_ADDRESS_MISMATCH("PP716", "once-per-address-mismatch", Severity.ERROR,
            "A once-per-address group with different ports",
            "Pools of one once-per-address group share one port per address, so they must be the same protocol and"
                    + " port in every model. Fix the pools, or use another group name."),
    UNKNOWN_CONDITION("PP720", "unknown-condition", Severity.ERROR, "A 'when' naming neither a feature nor a flow",
            "A conditional flow's 'when' names a feature; a setting's or instruction's 'when' names a feature or a"
                    + " flow. Use the suggested name, or define the feature."),
    UNRELATED_CONDITION("PP721", "unrelated-condition", Severity.ERROR, "A 'when' naming a flow the model takes no part in",
            "A model's setting or instruction can depend only on flows the model is at one end of. Name another"
                    + " flow or a feature."),
    CONDITION_MISMATCH("PP722", "condition-mismatch", Severity.ERROR, "A flow's 'when' and requirement disagree",
            "A flow has 'when: FEATURE' exactly when its requirement is conditional. Add the 'when', or change the"
                    + " requirement."),
    MANAGEMENT_FLOW_OPENED("PP723", "management-flow-opened", Severity.ERROR,
            "A management flow opened to anyone when undeclared",
            "Administration always needs a declared peer, so a flow from a management role cannot be opened to"
                    + " anyone. Set its when-undeclared (or the role's) to nobody."),
    INVALID_PLACEHOLDER("PP724", "invalid-placeholder", Severity.ERROR, "A setting placeholder that cannot be filled",
            "A setting's value may use the placeholders the message lists; pool placeholders only in pool settings."
                    + " Fix the placeholder.");

    private final String id;
    private final String slug;
    private final Severity severity;
    private final String title;
    private final String help;

    Code(String id, String slug, Severity severity, String title, String help) {
        this.id = id;
        this.slug = slug;
        this.severity = severity;
        this.title = title;
        this.help = help;
    }

    /** "PP301": what tools and {@code acknowledge:} use. */
    public String id() {
        return id;
    }

    /** "unknown-model": a readable name (SARIF's rule name). */
    public String slug() {
        return slug;
    }

    /** The severity every diagnostic of this kind has (SARIF's default level). */
    public Severity severity() {
        return severity;
    }

    /** One line saying what is wrong. */
    public String title() {
        return title;
    }

    /** What the diagnostic means and how to fix it (SARIF's rule help, docs/ci.md). */
    public String help() {
        return help;
    }

    public static java.util.Optional<Code> byId(String id) {
        for (Code c : values()) {
            if (c.id.equals(id)) {
                return java.util.Optional.of(c);
            }
        }
        return java.util.Optional.empty();
    }
}
