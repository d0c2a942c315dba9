package org.portplan.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.portplan.TestSupport;
import org.portplan.catalog.Catalog;
import org.portplan.catalog.CatalogLoader;
import org.portplan.catalog.DeviceModel;
import org.portplan.catalog.SourceText;
import org.portplan.core.Platform;
import org.portplan.diag.Diagnostic;
import org.portplan.diag.Diagnostics;
import org.portplan.engine.Engine;
import org.portplan.engine.Outputs;
import org.portplan.engine.Result;
import org.portplan.plan.Plan;
import org.portplan.report.CatalogReport;
import org.portplan.report.PlanJson;
import org.portplan.report.PlanReport;
import org.portplan.yaml.YamlReader;

/**
 * Coverage-guided fuzzing of the whole pipeline: site and catalog files of any bytes go through
 * loading, validation, planning, every emitter and every report. Whatever the input, the
 * pipeline must answer with diagnostics that point into the input, never with an exception,
 * and rule files must hold nothing but printable ASCII.
 *
 * <p>{@code mvn verify} replays the inputs under
 * {@code src/test/resources/org/portplan/fuzz/PipelineFuzzTestInputs/}; fuzzing for real is
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=PipelineFuzzTest#site} (docs/development.md).
 */
class PipelineFuzzTest {

    private static final String SITE = "site.yaml";
    private static final String CATALOG_FILE = "catalog.yaml";

    @FuzzTest(maxDuration = "10m")
    void site(byte[] data) {
        Result<Outputs> r = Engine.compile(TestSupport.catalog(), SITE, data, EnumSet.allOf(Platform.class));
        checkDiagnostics(r.diagnostics(), SITE);
        r.value().ifPresent(PipelineFuzzTest::checkOutputs);
    }

    @FuzzTest(maxDuration = "10m")
    void catalog(byte[] data) {
        Diagnostics diags = new Diagnostics();
        Optional<Catalog> catalog = YamlReader.decode(CATALOG_FILE, data, diags)
                .flatMap(text -> CatalogLoader.load(List.of(new SourceText(CATALOG_FILE, text)), diags));
        checkDiagnostics(diags, CATALOG_FILE);
        if (catalog.isEmpty()) {
            return;
        }
        Catalog c = catalog.get();
        assertThat(CatalogReport.list(c)).isNotNull();
        c.models().values().forEach(m -> assertThat(CatalogReport.show(c, m)).isNotNull());
        // One device of every model and one peer of every role, so fuzzed catalogs reach the planner.
        Result<Outputs> r = Engine.compile(c, SITE, siteFor(c).getBytes(StandardCharsets.UTF_8), EnumSet.allOf(Platform.class));
        checkDiagnostics(r.diagnostics(), SITE);
        r.value().ifPresent(PipelineFuzzTest::checkOutputs);
    }

    private static String siteFor(Catalog c) {
        StringBuilder s = new StringBuilder("""
                site: fuzz
                firewalls:
                  fw:
                    platform: iptables
                    interfaces:
                      outside: { name: eth0, address: 203.0.113.10/29 }
                      inside: { name: eth1, address: 10.0.0.1/16 }
                      dmz: { name: eth2, address: 10.1.0.1/16 }
                devices:
                """);
        List<DeviceModel> models = new ArrayList<>(c.models().values());
        for (int i = 0; i < models.size() && i < 200; i++) {
            s.append("  d").append(i).append(": { model: '").append(models.get(i).id()).append("', address: 10.")
                    .append(i % 2).append(".0.").append(i + 2).append(" }\n");
        }
        s.append("peers:\n");
        int n = 0;
        for (String role : c.roles().keySet()) {
            s.append("  p").append(n).append(": { role: '").append(role).append("', addresses: [198.51.100.")
                    .append(1 + n++ % 250).append("] }\n");
            if (n >= 200) {
                break;
            }
        }
        return s.toString();
    }

    /** Every diagnostic points into the input and is one printable line. */
    private static void checkDiagnostics(Diagnostics diags, String file) {
        for (Diagnostic d : diags.sorted()) {
            assertThat(d.location()).as(d.format()).isNotNull();
            assertThat(d.location().file()).as(d.format()).isEqualTo(file);
            assertThat(d.format()).as("one printable line").isEqualTo(Diagnostic.printable(d.format())).doesNotContain("\n");
        }
    }

    /** Rule files carry printable ASCII only, and every report renders. */
    private static void checkOutputs(Outputs o) {
        for (Map.Entry<String, String> f : o.files().entrySet()) {
            if (f.getKey().equals("plan.md")) {
                continue;
            }
            String text = f.getValue();
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                assertThat(ch == '\n' || ch == '\t' || (ch >= 0x20 && ch < 0x7F))
                        .as("character U+%04X at offset %d of %s", (int) ch, i, f.getKey()).isTrue();
            }
        }
        Plan plan = o.plan();
        assertThat(PlanReport.text(plan)).isNotNull();
        assertThat(PlanJson.write(plan)).isNotNull();
    }
}
