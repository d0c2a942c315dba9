package org.portplan.netns;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.portplan.core.Ipv4;
import org.portplan.core.Protocol;
import org.portplan.rules.FirewallPlan;
import org.portplan.rules.Zone;

/** One firewall's test network: a router namespace that runs the rules, and one host namespace per zone. */
final class Lab implements AutoCloseable {

    /** Every namespace the test creates is named ppt-PID-..., PID being the JVM that owns it. */
    private static final Pattern OURS = Pattern.compile("ppt-(\\d+)-[0-9a-z-]+");
    /** The interface name inside every host namespace (each has just one). */
    private static final String HOST_IF = "pp0";
    private static final long COMMAND_TIMEOUT_MS = 20_000;
    private static final long SENDER_TIMEOUT_MS = 30_000;
    /** Time for the last datagrams to cross the router after the senders are done. */
    private static final long GRACE_MS = 300;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A header line of an iptables or nftables file giving the command for an extra public address. */
    private static final Pattern ADDRESS_COMMAND = Pattern.compile(
            "^# [0-9.]+ is in [A-Za-z0-9._-]+'s subnet: .*: ip addr add ([0-9.]+)/32 dev ([A-Za-z0-9._-]+)$");

    /** A token as a listener saw it. */
    record Received(Protocol protocol, Ipv4 local, int localPort, Ipv4 source, int sourcePort) {
    }

    /** A token as its sender reported it: the source port it used and how sending went. */
    record Sent(int port, String outcome) {
    }

    /** What the listeners and senders of one run reported, by token. */
    record Observed(Map<String, List<Received>> received, Map<String, Sent> sent) {
    }

    private final Path ip;
    private final Path probeClasses;
    private final Layout layout;
    private final String router;
    private final Map<String, String> hostNs = new LinkedHashMap<>();
    private final List<String> namespaces = new ArrayList<>();
    private final List<String> tempLinks = new ArrayList<>();
    private final List<Process> processes = Collections.synchronizedList(new ArrayList<>());

    private Lab(Path ip, Path probeClasses, Layout layout) {
        this.ip = ip;
        this.probeClasses = probeClasses;
        this.layout = layout;
        String id = "ppt-" + ProcessHandle.current().pid() + "-" + random(6);
        this.router = id + "-fw";
        int i = 0;
        for (Zone z : layout.firewall().zones()) {
            hostNs.put(z.name(), id + "-z" + i++);
        }
    }

    /**
     * Creates the namespaces and wires them; on failure, removes what it made. Probe JVMs run
     * from {@code probeClasses} (see {@link #copyProbe}).
     */
    static Lab create(Path ip, Path probeClasses, Layout layout) throws IOException {
        Lab lab = new Lab(ip, probeClasses, layout);
        try {
            lab.build();
            return lab;
        } catch (IOException | RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    private void build() throws IOException {
        FirewallPlan fw = layout.firewall();
        StringBuilder root = new StringBuilder();
        root.append("netns add ").append(router).append('\n');
        namespaces.add(router);
        for (String ns : hostNs.values()) {
            root.append("netns add ").append(ns).append('\n');
            namespaces.add(ns);
        }
        String tag = random(6);
        Map<String, String[]> pair = new HashMap<>();
        int n = 0;
        for (Zone z : fw.zones()) {
            // Temporary names in the root namespace: the plan's names (eth0, inside) may exist there already.
            String a = "ppv" + tag + Integer.toHexString(n) + "a";
            String b = "ppv" + tag + Integer.toHexString(n++) + "b";
            tempLinks.add(a);
            tempLinks.add(b);
            pair.put(z.name(), new String[] {a, b});
            root.append("link add ").append(a).append(" type veth peer name ").append(b).append('\n');
            root.append("link set ").append(a).append(" netns ").append(router).append('\n');
            root.append("link set ").append(b).append(" netns ").append(hostNs.get(z.name())).append('\n');
        }
        batch(null, root.toString());
        tempLinks.clear();

        Zone outside = fw.outside();
        StringBuilder r = new StringBuilder("link set lo up\n");
        for (Zone z : fw.zones()) {
            r.append("link set ").append(pair.get(z.name())[0]).append(" name ").append(z.interfaceName()).append('\n');
            r.append("addr add ").append(z.subnet()).append(" dev ").append(z.interfaceName()).append('\n');
            r.append("link set ").append(z.interfaceName()).append(" up\n");
        }
        // Public addresses beyond the interface's own come from the rule file's header: see publicAddresses.
        for (Ipv4 a : layout.hosts(outside)) {
            if (layout.isRouted(a)) {
                r.append("route add ").append(a).append("/32 via ").append(layout.outsideHost()).append(" dev ")
                        .append(outside.interfaceName()).append('\n');
            }
        }
        batch(router, r.toString());
        // /proc/sys shows the namespace of whoever reads it; /bin/sh spares a dependency on procps' sysctl.
        run(List.of(ip.toString(), "netns", "exec", router, "/bin/sh", "-c", "echo 1 > /proc/sys/net/ipv4/ip_forward"), "");

        for (Zone z : fw.zones()) {
            StringBuilder h = new StringBuilder("link set lo up\n");
            h.append("link set ").append(pair.get(z.name())[1]).append(" name ").append(HOST_IF).append('\n');
            List<Ipv4> hosts = new ArrayList<>(layout.hosts(z));
            if (z.isOutside()) {
                // The outside host's address goes first so it is the primary one, the source of ARP and ICMP.
                hosts.remove(layout.outsideHost());
                hosts.add(0, layout.outsideHost());
            }
            for (Ipv4 a : hosts) {
                h.append("addr add ").append(a).append(layout.isRouted(a) ? "/32" : "/" + z.subnet().prefix())
                        .append(" dev ").append(HOST_IF).append('\n');
            }
            h.append("link set ").append(HOST_IF).append(" up\n");
            h.append("route add default via ").append(z.subnet().address()).append('\n');
            batch(hostNs.get(z.name()), h.toString());
        }
    }

    /**
     * Loads the rule file into the router with {@code program} (iptables-restore, nft) and its
     * {@code arguments}, the file on standard input.
     */
    void load(Path program, List<String> arguments, String rules) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ip.toString(), "netns", "exec", router, program.toString()));
        cmd.addAll(arguments);
        run(cmd, rules);
    }

    /**
     * Gives the router the public addresses beyond its outside interface's own by running the
     * commands the rule file's header names for them ({@code ip addr add A/32 dev IF}), as an
     * administrator following it would: probes to those addresses then arrive only if the header
     * says all that is needed. Returns the commands run.
     */
    List<String> publicAddresses(String rules) throws IOException {
        List<String> commands = new ArrayList<>();
        for (String line : rules.split("\n")) {
            Matcher m = ADDRESS_COMMAND.matcher(line);
            if (m.matches()) {
                Ipv4.parse(m.group(1));
                commands.add("addr add " + m.group(1) + "/32 dev " + m.group(2));
            }
        }
        if (!commands.isEmpty()) {
            batch(router, String.join("\n", commands) + "\n");
        }
        return commands;
    }

    /**
     * Runs {@code script} with {@code sh -e} in the router's namespace, in directory {@code dir},
     * with {@code path} in front of PATH (null: none) and the sbin directories after it, and
     * {@code input} on standard input (null: kept open and silent). Returns however it ended.
     */
    Command.Outcome shell(String script, Path dir, Path path, String input) throws IOException {
        List<String> cmd = List.of(ip.toString(), "netns", "exec", router, "/bin/sh", "-e", "-c", script);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("PATH", (path == null ? "" : path + ":") + "/usr/local/sbin:/usr/sbin:/sbin:"
                + pb.environment().getOrDefault("PATH", "/usr/bin:/bin"));
        return Command.finish(cmd, pb.start(), input, COMMAND_TIMEOUT_MS);
    }

    /**
     * The router's connection tracking table as the conntrack tool lists it, one entry a line;
     * {@code helper=NAME} marks an entry a protocol helper watches (/proc/net/nf_conntrack does
     * not show helpers).
     */
    String conntrack(Path conntrackTool) throws IOException {
        return run(List.of(ip.toString(), "netns", "exec", router, conntrackTool.toString(), "-L"), "");
    }

    /** Starts the listeners, fires every probe at once, and collects what arrived where. */
    Observed run(ProbeSet set) throws IOException, InterruptedException {
        Map<String, List<String>> binds = new LinkedHashMap<>();
        for (ProbeSet.Endpoint e : set.endpoints()) {
            binds.computeIfAbsent(e.zone().name(), k -> new ArrayList<>())
                    .add(e.protocol().id() + ":" + e.address() + ":" + e.port());
        }
        List<Agent> listeners = new ArrayList<>();
        for (Map.Entry<String, List<String>> b : binds.entrySet()) {
            List<String> args = new ArrayList<>(List.of("listen"));
            args.addAll(b.getValue());
            listeners.add(start(b.getKey(), args));
        }
        for (Agent l : listeners) {
            if (!l.ready.await(COMMAND_TIMEOUT_MS, TimeUnit.MILLISECONDS) || !l.isReady()) {
                throw new IOException("listener in zone " + l.zone + " did not start: " + l.output());
            }
        }
        Map<String, StringBuilder> input = new LinkedHashMap<>();
        for (ProbeSet.Case c : set.cases()) {
            input.computeIfAbsent(c.from().name(), k -> new StringBuilder())
                    .append(c.token()).append(' ').append(c.protocol().id()).append(' ').append(c.source()).append(' ')
                    .append(c.sourcePort()).append(' ').append(c.to()).append(' ').append(c.port()).append('\n');
        }
        List<Agent> senders = new ArrayList<>();
        for (Map.Entry<String, StringBuilder> in : input.entrySet()) {
            Agent s = start(in.getKey(), List.of("send"));
            try (OutputStream o = s.process.getOutputStream()) {
                o.write(in.getValue().toString().getBytes(StandardCharsets.UTF_8));
            }
            senders.add(s);
        }
        Map<String, Sent> sent = new HashMap<>();
        for (Agent s : senders) {
            if (!s.process.waitFor(SENDER_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                throw new IOException("sender in zone " + s.zone + " did not finish: " + s.output());
            }
            s.drained.await(COMMAND_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            if (s.process.exitValue() != 0) {
                throw new IOException("sender in zone " + s.zone + " failed: " + s.output());
            }
        }
        Thread.sleep(GRACE_MS);
        Map<String, List<Received>> received = new HashMap<>();
        for (Agent s : senders) {
            for (String line : s.lines()) {
                String[] f = line.split(" ");
                if (f.length == 5 && f[0].equals("SENT")) {
                    sent.put(f[1], new Sent(Integer.parseInt(f[3]), f[4]));
                }
            }
            collect(s.lines(), received);
        }
        for (Agent l : listeners) {
            l.process.getOutputStream().close();
            if (!l.process.waitFor(COMMAND_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                throw new IOException("listener in zone " + l.zone + " did not stop: " + l.output());
            }
            l.drained.await(COMMAND_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            collect(l.lines(), received);
        }
        return new Observed(received, sent);
    }

    /** RECV lines, from listeners and from senders whose socket shared a listening port. */
    private static void collect(List<String> lines, Map<String, List<Received>> received) {
        for (String line : lines) {
            String[] f = line.split(" ");
            if (f.length == 7 && f[0].equals("RECV")) {
                Received r = new Received(Protocol.byId(f[1]).orElseThrow(), Ipv4.parse(f[2]),
                        Integer.parseInt(f[3]), Ipv4.parse(f[4]), Integer.parseInt(f[5]));
                List<Received> list = received.computeIfAbsent(f[6], k -> new ArrayList<>());
                if (!list.contains(r)) {
                    list.add(r);
                }
            }
        }
    }

    /** A probe JVM in one namespace, with its output gathered as it comes. */
    private static final class Agent {
        final String zone;
        final Process process;
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        final StringBuilder errors = new StringBuilder();
        final CountDownLatch ready = new CountDownLatch(1);
        final CountDownLatch drained = new CountDownLatch(1);

        Agent(String zone, Process process) {
            this.zone = zone;
            this.process = process;
        }

        boolean isReady() {
            return lines().contains("READY");
        }

        List<String> lines() {
            synchronized (lines) {
                return new ArrayList<>(lines);
            }
        }

        String output() {
            synchronized (errors) {
                return String.join("\n", lines()) + errors;
            }
        }
    }

    private Agent start(String zone, List<String> probeArgs) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ip.toString(), "netns", "exec", hostNs.get(zone),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // A probe lives for seconds: start fast rather than run fast.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m",
                "-cp", probeClasses.toString(), Probe.class.getName()));
        cmd.addAll(probeArgs);
        Process p = new ProcessBuilder(cmd).start();
        processes.add(p);
        Agent a = new Agent(zone, p);
        Thread out = new Thread(() -> {
            try (BufferedReader r = reader(p.getInputStream())) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    a.lines.add(line);
                    if (line.equals("READY") || line.startsWith("ERROR")) {
                        a.ready.countDown();
                    }
                }
            } catch (IOException ignored) {
                // the process is gone; what was read is all there is
            }
            a.ready.countDown();
            a.drained.countDown();
        });
        Thread err = new Thread(() -> {
            try (BufferedReader r = reader(p.getErrorStream())) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    synchronized (a.errors) {
                        a.errors.append('\n').append(line);
                    }
                }
            } catch (IOException ignored) {
                // as above
            }
        });
        out.setDaemon(true);
        err.setDaemon(true);
        out.start();
        err.start();
        return a;
    }

    /**
     * Copies the probe program's classes to {@code dir}: a build running alongside (another
     * engineer's mvn in the same checkout) may be rewriting target/test-classes meanwhile.
     */
    static void copyProbe(Path dir) throws IOException {
        for (Class<?> c : Probe.class.getNestMembers()) {
            String name = c.getName().replace('.', '/') + ".class";
            try (InputStream in = c.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new IOException("class file " + name + " not found on the test class path");
                }
                Path to = dir.resolve(name);
                Files.createDirectories(to.getParent());
                Files.copy(in, to);
            }
        }
    }

    private static BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private void batch(String ns, String commands) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ip.toString()));
        if (ns != null) {
            cmd.addAll(List.of("-n", ns));
        }
        cmd.addAll(List.of("-batch", "-"));
        run(cmd, commands);
    }

    private static String run(List<String> cmd, String input) throws IOException {
        return Command.run(cmd, input, COMMAND_TIMEOUT_MS);
    }

    /** Stops the probes and deletes the namespaces, which takes their interfaces and rules with them. */
    @Override
    public void close() {
        synchronized (processes) {
            for (Process p : processes) {
                p.destroyForcibly();
            }
            for (Process p : processes) {
                try {
                    p.waitFor(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        delete(ip, namespaces.stream().filter(Lab::exists).toList(),
                tempLinks.stream().filter(l -> Files.exists(Path.of("/sys/class/net", l))).toList());
    }

    private static boolean exists(String namespace) {
        return Files.exists(Path.of("/run/netns", namespace));
    }

    /** Deletes namespaces left by test JVMs that no longer run (a killed build cannot clean up after itself). */
    static void removeStale(Path ip) throws IOException {
        String list = Command.run(List.of(ip.toString(), "netns", "list"), "", COMMAND_TIMEOUT_MS);
        List<String> stale = new ArrayList<>();
        for (String line : list.split("\n")) {
            String name = line.split(" ")[0];
            Matcher m = OURS.matcher(name);
            if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).map(h -> !h.isAlive()).orElse(true)) {
                stale.add(name);
            }
        }
        delete(ip, stale, List.of());
    }

    private static void delete(Path ip, List<String> namespaces, List<String> links) {
        StringBuilder b = new StringBuilder();
        links.forEach(l -> b.append("link del ").append(l).append('\n'));
        namespaces.forEach(ns -> b.append("netns del ").append(ns).append('\n'));
        if (b.length() > 0) {
            try {
                // -force: one namespace that is already gone must not keep the others alive.
                Command.run(List.of(ip.toString(), "-force", "-batch", "-"), b.toString(), COMMAND_TIMEOUT_MS);
            } catch (IOException e) {
                System.err.println("RealNetworkTest: cleanup incomplete: " + e.getMessage());
            }
        }
    }

    /** A name for a namespace to probe whether this machine can make them at all. */
    static String probeName() {
        return "ppt-" + ProcessHandle.current().pid() + "-check-" + random(4);
    }

    private static String random(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(Character.forDigit(RANDOM.nextInt(36), 36));
        }
        return sb.toString();
    }
}
