package org.portplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.portplan.catalog.Catalog;
import org.portplan.catalog.CatalogLoader;
import org.portplan.catalog.CatalogSource;
import org.portplan.catalog.SourceText;
import org.portplan.diag.Diagnostic;
import org.portplan.diag.Diagnostics;
import org.portplan.lock.Lock;
import org.portplan.plan.Plan;
import org.portplan.plan.Planner;
import org.portplan.site.Site;
import org.portplan.site.SiteLoader;

/** Shared helpers: the shipped catalog, and planning a site written inline in a test. */
public final class TestSupport {

    private static Catalog bundled;

    private TestSupport() {
    }

    /** The repository root, as Maven passes it (tests may also run from the root directly). */
    public static Path repo() {
        return Path.of(System.getProperty("portplan.repo", "."));
    }

    public static synchronized Catalog catalog() {
        if (bundled == null) {
            Diagnostics d = new Diagnostics();
            bundled = CatalogLoader.load(CatalogSource.bundled(), d).orElseThrow(
                    () -> new AssertionError("shipped catalog does not load: " + d.sorted()));
        }
        return bundled;
    }

    /** Loads a catalog written inline (file name "test-catalog.yaml"). */
    public static Optional<Catalog> catalog(String yaml, Diagnostics diags) {
        return CatalogLoader.load(List.of(new SourceText("test-catalog.yaml", yaml)), diags);
    }

    /** The outcome of planning an inline site: the plan if any, and every diagnostic. */
    public record Outcome(Optional<Plan> plan, Diagnostics diags) {

        public Plan ok() {
            assertThat(diags.hasErrors()).as("errors: %s", messages()).isFalse();
            return plan.orElseThrow();
        }

        public List<String> messages() {
            return diags.sorted().stream().map(Diagnostic::format).toList();
        }

        public List<String> errors() {
            return diags.sorted().stream().filter(d -> d.severity() == org.portplan.diag.Severity.ERROR)
                    .map(Diagnostic::format).toList();
        }
    }

    public static Outcome plan(String siteYaml) {
        return plan(catalog(), siteYaml);
    }

    public static Outcome plan(Catalog catalog, String siteYaml) {
        return plan(catalog, siteYaml, Lock.EMPTY);
    }

    /** Plans an inline site keeping the allocations of {@code lock}, as compile does with a committed lock file. */
    public static Outcome plan(String siteYaml, Lock lock) {
        return plan(catalog(), siteYaml, lock);
    }

    private static Outcome plan(Catalog catalog, String siteYaml, Lock lock) {
        Diagnostics d = new Diagnostics();
        // The same path as Engine.plan: a partial site still meets the catalog checks.
        Optional<Site> site = SiteLoader.load("site.yaml", siteYaml, d);
        Optional<Plan> plan = site.flatMap(s -> Planner.plan(catalog, s, lock, lock, d));
        return new Outcome(d.hasErrors() ? Optional.empty() : plan, d);
    }

    /**
     * Skips a test that cannot run here (a missing tool), but fails it under CI=true, where
     * .ci/run promises everything the tests need.
     */
    public static void require(String test, boolean ok, String why) {
        if (ok) {
            return;
        }
        if ("true".equals(System.getenv("CI"))) {
            org.assertj.core.api.Assertions.fail(test + " cannot run: " + why + " (CI=true, so this is an error, not a skip)");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(false, test + " skipped: " + why);
    }

    /** A one-firewall site header; append a devices: (and peers:) block. */
    public static String firewall(String platform) {
        return """
                site: test
                firewalls:
                  fw:
                    platform: %s
                    interfaces:
                      outside: { name: eth0, address: 203.0.113.10/29 }
                      inside:  { name: eth1, address: 10.0.0.1/24 }
                    public-addresses: [203.0.113.11, 203.0.113.12]
                """.formatted(platform);
    }
}
