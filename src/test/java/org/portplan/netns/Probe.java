package org.portplan.netns;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The packet end of {@link RealNetworkTest}: listens for or sends probe tokens inside one network namespace. */
public final class Probe {

    /** Connect timeout: long enough for one SYN retransmission, short since blocked probes all wait for it. */
    static final int TCP_TIMEOUT_MS = 1500;
    /** Repeats of each datagram; the first can be lost while the router resolves the neighbour's MAC address. */
    private static final int[] UDP_SEND_AT_MS = {0, 60, 250};

    private Probe() {
    }

    /**
     * {@code listen PROTO:ADDRESS:PORT...} binds every socket, prints {@code READY}, then one line
     * {@code RECV proto localAddress localPort sourceAddress sourcePort token} per token received,
     * until standard input closes. {@code send} reads lines
     * {@code token proto localAddress localPort toAddress toPort} (localPort 0: any) from standard
     * input, sends them all at once and prints {@code SENT token proto localPort outcome} for each;
     * outcome {@code bindfail:...} means the probe never left (its source address is missing).
     */
    public static void main(String[] args) throws Exception {
        if (args.length >= 1 && args[0].equals("listen")) {
            listen(List.of(args).subList(1, args.length));
        } else if (args.length == 1 && args[0].equals("send")) {
            send();
        } else {
            System.err.println("usage: Probe listen PROTO:ADDRESS:PORT... | Probe send < probes");
            System.exit(2);
        }
    }

    private static void listen(List<String> binds) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Selector selector = Selector.open();
        for (String b : binds) {
            String[] p = b.split(":");
            InetSocketAddress at = new InetSocketAddress(InetAddress.getByName(p[1]), Integer.parseInt(p[2]));
            try {
                if (p[0].equals("udp")) {
                    DatagramChannel ch = DatagramChannel.open();
                    // SO_REUSEPORT: a probe may have to leave from a port this host also listens on
                    // (H.323 RAS from 1719 to 1719); its sender binds the same port alongside.
                    ch.setOption(StandardSocketOptions.SO_REUSEPORT, true);
                    ch.bind(at);
                    ch.configureBlocking(false);
                    ch.register(selector, SelectionKey.OP_READ, at);
                } else {
                    ServerSocketChannel ch = ServerSocketChannel.open();
                    ch.setOption(StandardSocketOptions.SO_REUSEPORT, true);
                    ch.bind(at, 64);
                    ch.configureBlocking(false);
                    ch.register(selector, SelectionKey.OP_ACCEPT, at);
                }
            } catch (IOException e) {
                out.println("ERROR cannot bind " + b + ": " + e.getMessage());
                System.exit(1);
            }
        }
        // Closing standard input is the stop signal, so a listener never outlives the test that started it.
        Thread stdin = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // only the end of the stream matters
                }
            } catch (IOException ignored) {
                // a broken pipe means the test is gone: stop as well
            }
            selector.wakeup();
        });
        stdin.setDaemon(true);
        stdin.start();
        out.println("READY");
        ByteBuffer buf = ByteBuffer.allocate(2048);
        while (stdin.isAlive()) {
            selector.select(500);
            for (SelectionKey key : selector.selectedKeys()) {
                if (!key.isValid()) {
                    continue;
                }
                if (key.channel() instanceof DatagramChannel ch) {
                    buf.clear();
                    InetSocketAddress from = (InetSocketAddress) ch.receive(buf);
                    if (from != null) {
                        buf.flip();
                        report(out, "udp", (InetSocketAddress) key.attachment(), from,
                                StandardCharsets.UTF_8.decode(buf).toString());
                    }
                } else if (key.channel() instanceof ServerSocketChannel server) {
                    SocketChannel conn = server.accept();
                    if (conn != null) {
                        conn.configureBlocking(false);
                        conn.register(selector, SelectionKey.OP_READ, new Connection(
                                (InetSocketAddress) key.attachment(), (InetSocketAddress) conn.getRemoteAddress()));
                    }
                } else if (key.channel() instanceof SocketChannel conn) {
                    Connection c = (Connection) key.attachment();
                    buf.clear();
                    int n;
                    try {
                        n = conn.read(buf);
                    } catch (IOException e) {
                        n = -1;
                    }
                    if (n > 0) {
                        buf.flip();
                        c.text.append(StandardCharsets.UTF_8.decode(buf));
                    }
                    int nl = c.text.indexOf("\n");
                    if (nl >= 0 || n < 0) {
                        if (nl >= 0) {
                            report(out, "tcp", c.local, c.remote, c.text.substring(0, nl));
                        }
                        key.cancel();
                        conn.close();
                    }
                }
            }
            selector.selectedKeys().clear();
        }
        out.flush();
        System.exit(0);
    }

    /** A TCP connection being read until its token's newline. */
    private static final class Connection {
        final InetSocketAddress local;
        final InetSocketAddress remote;
        final StringBuilder text = new StringBuilder();

        Connection(InetSocketAddress local, InetSocketAddress remote) {
            this.local = local;
            this.remote = remote;
        }
    }

    private static void report(PrintStream out, String proto, InetSocketAddress local, InetSocketAddress from,
                               String token) {
        String t = token.strip();
        if (t.isEmpty() || t.contains(" ")) {
            return;
        }
        out.println("RECV " + proto + " " + local.getAddress().getHostAddress() + " " + local.getPort() + " "
                + from.getAddress().getHostAddress() + " " + from.getPort() + " " + t);
    }

    private static void send() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<String[]> probes = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    probes.add(line.trim().split(" "));
                }
            }
        }
        // All at once: blocked TCP probes each wait out the connect timeout, in parallel that costs it once.
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(probes.size(), 256)));
        List<Future<String>> results = new ArrayList<>();
        for (String[] p : probes) {
            results.add(pool.submit(() -> p[1].equals("udp") ? sendUdp(p) : sendTcp(p)));
        }
        for (Future<String> f : results) {
            out.println(f.get());
        }
        synchronized (STRAYS) {
            STRAYS.forEach(out::println);
        }
        pool.shutdown();
        System.exit(0);
    }

    private static InetSocketAddress local(String[] p) throws IOException {
        return new InetSocketAddress(InetAddress.getByName(p[2]), Integer.parseInt(p[3]));
    }

    private static InetSocketAddress remote(String[] p) throws IOException {
        return new InetSocketAddress(InetAddress.getByName(p[4]), Integer.parseInt(p[5]));
    }

    /**
     * Datagrams a sender's socket received: with SO_REUSEPORT the kernel may hand a probe meant
     * for this host's listener to the sender bound to the same port, so it reports them as the
     * listener would.
     */
    private static final List<String> STRAYS = new ArrayList<>();

    private static String sendUdp(String[] p) {
        try (DatagramSocket s = new DatagramSocket(null)) {
            // Probes of a permit with fixed source ports share that port; each still gets its own socket.
            s.setReuseAddress(true);
            s.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            try {
                s.bind(local(p));
            } catch (IOException e) {
                return "SENT " + p[0] + " udp 0 bindfail:" + oneWord(e.getMessage());
            }
            byte[] data = p[0].getBytes(StandardCharsets.UTF_8);
            long start = System.nanoTime();
            for (int at : UDP_SEND_AT_MS) {
                long wait = at - (System.nanoTime() - start) / 1_000_000;
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                s.send(new DatagramPacket(data, data.length, remote(p)));
            }
            if (!p[3].equals("0")) {
                drain(s);
            }
            return "SENT " + p[0] + " udp " + s.getLocalPort() + " sent";
        } catch (IOException e) {
            return "SENT " + p[0] + " udp 0 error:" + oneWord(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "SENT " + p[0] + " udp 0 interrupted";
        }
    }

    private static void drain(DatagramSocket s) throws IOException {
        s.setSoTimeout(1);
        byte[] buf = new byte[2048];
        while (true) {
            DatagramPacket d = new DatagramPacket(buf, buf.length);
            try {
                s.receive(d);
            } catch (SocketTimeoutException e) {
                return;
            }
            String token = new String(d.getData(), 0, d.getLength(), StandardCharsets.UTF_8).strip();
            if (!token.isEmpty() && !token.contains(" ")) {
                synchronized (STRAYS) {
                    STRAYS.add("RECV udp " + s.getLocalAddress().getHostAddress() + " " + s.getLocalPort() + " "
                            + d.getAddress().getHostAddress() + " " + d.getPort() + " " + token);
                }
            }
        }
    }

    private static String sendTcp(String[] p) {
        try (Socket s = new Socket()) {
            s.setReuseAddress(true);
            s.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            try {
                s.bind(local(p));
            } catch (IOException e) {
                return "SENT " + p[0] + " tcp 0 bindfail:" + oneWord(e.getMessage());
            }
            String sent = "SENT " + p[0] + " tcp " + s.getLocalPort() + " ";
            try {
                s.connect(remote(p), TCP_TIMEOUT_MS);
                OutputStream o = s.getOutputStream();
                o.write((p[0] + "\n").getBytes(StandardCharsets.UTF_8));
                o.flush();
                s.shutdownOutput();
                return sent + "connected";
            } catch (SocketTimeoutException e) {
                return sent + "timeout";
            } catch (ConnectException e) {
                // The router resets connections to its own addresses that no forward takes: a normal outcome.
                return sent + "refused";
            } catch (IOException e) {
                return sent + "error:" + oneWord(e.getMessage());
            }
        } catch (IOException e) {
            return "SENT " + p[0] + " tcp 0 error:" + oneWord(e.getMessage());
        }
    }

    private static String oneWord(String s) {
        return s == null ? "?" : s.replaceAll("\\s+", "_");
    }
}
