package org.portplan.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import org.portplan.catalog.CatalogSource;
import org.portplan.catalog.CatalogVersion;
import org.portplan.catalog.SourceText;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: portplan's version (from the pom) and the version of the catalog built into it. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        List<SourceText> catalog = CatalogSource.bundled();
        return new String[] {
            "portplan " + portplanVersion(),
            "catalog " + CatalogVersion.of(catalog) + " (built in, " + catalog.size() + " files)"
        };
    }

    static String portplanVersion() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version", "unknown");
    }
}
