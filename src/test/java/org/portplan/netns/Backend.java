package org.portplan.netns;

import java.util.List;
import org.portplan.core.Platform;

/**
 * A Linux packet filter the network test loads rule files into: the dialect it reads, and the
 * program (with its arguments) that reads a file from standard input into the current namespace.
 */
enum Backend {
    IPTABLES_LEGACY(Platform.IPTABLES, "iptables-legacy-restore", List.of(), "iptables"),
    IPTABLES_NFT(Platform.IPTABLES, "iptables-nft-restore", List.of(), "iptables"),
    NFTABLES(Platform.NFTABLES, "nft", List.of("-f", "-"), "nftables");

    private final Platform platform;
    private final String program;
    private final List<String> arguments;
    private final String debianPackage;

    Backend(Platform platform, String program, List<String> arguments, String debianPackage) {
        this.platform = platform;
        this.program = program;
        this.arguments = arguments;
        this.debianPackage = debianPackage;
    }

    Platform platform() {
        return platform;
    }

    String program() {
        return program;
    }

    List<String> arguments() {
        return arguments;
    }

    String debianPackage() {
        return debianPackage;
    }

    @Override
    public String toString() {
        return program;
    }
}
