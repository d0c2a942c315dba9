package org.portplan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portplan.cli.ErrorCasesTest.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portplan.TestSupport;

/** The limits that only the whole pipeline can show: devices after expansion, diagnostics printed. */
class LimitsTest {

    @TempDir
    Path tmp;

    @Test
    void devicesAfterCountExpansionAreLimited() throws Exception {
        Path site = Files.writeString(tmp.resolve("site.yaml"), TestSupport.firewall("iptables").replace("10.0.0.1/24", "10.0.0.1/8") + """
                devices:
                  a: { model: allworx-phone, address: 10.1.0.1, count: 60000 }
                  b: { model: allworx-phone, address: 10.2.0.1, count: 60000 }
                  c: { model: allworx-phon, address: 10.3.0.1 }
                """);
        ErrorCasesTest.Run r = run("validate", site.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo(site + ":11:56: error: device 'b': the site has more than 100000 devices after 'count'"
                + " expansion; portplan stopped reading devices here (limit: devices, 100000) [PP103]\nportplan: 1 error\n");
        Path one = Files.writeString(tmp.resolve("one.yaml"), TestSupport.firewall("iptables") + """
                devices:
                  a: { model: allworx-phone, address: 10.0.0.2, count: 100001 }
                """);
        assertThat(run("validate", one.toString()).err()).contains("count must be between 1 and 100000, found 100001");
    }

    @Test
    void diagnosticsPrintedAreLimitedAndTheRestCounted() throws Exception {
        String addresses = String.join(",\n      ", java.util.Collections.nCopies(1500, "300.0.0.1"));
        Path site = Files.writeString(tmp.resolve("site.yaml"), TestSupport.firewall("iptables")
                + "peers:\n  p:\n    role: allworx-server\n    addresses: [\n      " + addresses + "]\n");
        ErrorCasesTest.Run r = run("validate", site.toString());
        assertThat(r.code()).isEqualTo(1);
        List<String> lines = r.err().lines().toList();
        assertThat(lines).hasSize(1002);
        assertThat(lines.get(0)).startsWith(site + ":13:7: error: peer 'p' address: not an IPv4 address: '300.0.0.1'");
        assertThat(lines.get(999)).startsWith(site + ":1012:7: error:");
        assertThat(lines.subList(1000, 1002)).containsExactly(
                "portplan: 500 more diagnostics not shown (limit: diagnostics printed, 1000)", "portplan: 1500 errors");
    }
}
