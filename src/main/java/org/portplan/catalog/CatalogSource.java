package org.portplan.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.portplan.diag.Diagnostics;
import org.portplan.yaml.YamlReader;

/** Finds catalog files: the catalog shipped inside the jar, or a directory the user names. */
public final class CatalogSource {

    private CatalogSource() {
    }

    /** The catalog built into the jar from the repository's {@code catalog/} directory. */
    public static List<SourceText> bundled() {
        URL url = CatalogSource.class.getResource("/catalog");
        if (url == null) {
            throw new IllegalStateException("the built-in catalog is missing from the jar");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return read(fs.getPath("/catalog"), "catalog", new Diagnostics());
            }
            return read(Path.of(uri), "catalog", new Diagnostics());
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read the built-in catalog: " + e.getMessage(), e);
        }
    }

    /**
     * All {@code *.yaml} files under {@code dir}, named relative to how the user wrote
     * {@code dir}; a file that is too large or not UTF-8 is reported in {@code diags} and left out.
     */
    public static List<SourceText> directory(Path dir, Diagnostics diags) throws IOException {
        String prefix = dir.toString().replace('\\', '/');
        while (prefix.endsWith("/") && prefix.length() > 1) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        return read(dir, prefix, diags);
    }

    private static List<SourceText> read(Path root, String displayRoot, Diagnostics diags) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".yaml"))
                    .sorted((a, b) -> root.relativize(a).toString().compareTo(root.relativize(b).toString()))
                    .toList();
        }
        List<SourceText> out = new ArrayList<>();
        try {
            for (Path f : files) {
                String rel = root.relativize(f).toString().replace('\\', '/');
                String name = displayRoot + "/" + rel;
                YamlReader.readText(f, name, diags).ifPresent(text -> out.add(new SourceText(name, text)));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return out;
    }
}
