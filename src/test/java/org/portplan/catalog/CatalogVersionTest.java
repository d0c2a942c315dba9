package org.portplan.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalog's version: a digest of the files' contents that ignores where they lie and their line endings. */
class CatalogVersionTest {

    private static final List<SourceText> CATALOG = List.of(new SourceText("catalog/a.yaml", "vendor: X\n"),
            new SourceText("catalog/b.yaml", "roles: {}\n"));

    @Test
    void isTheSha256OfTheContentsEachEndedByNul() {
        // python3: hashlib.sha256(b'vendor: X\n\x00roles: {}\n\x00').hexdigest()[:16]
        assertThat(CatalogVersion.of(CATALOG)).isEqualTo("sha256:e815f2472712e553");
    }

    @Test
    void ignoresFileNamesAndLineEndings() {
        assertThat(CatalogVersion.of(List.of(new SourceText("/elsewhere/a.yaml", "vendor: X\r\n"),
                new SourceText("/elsewhere/b.yaml", "roles: {}\r\n")))).isEqualTo(CatalogVersion.of(CATALOG));
    }

    @Test
    void changesWithAnyContentOrOrder() {
        String v = CatalogVersion.of(CATALOG);
        assertThat(CatalogVersion.of(List.of(CATALOG.get(0), new SourceText("catalog/b.yaml", "roles: {} \n")))).isNotEqualTo(v);
        assertThat(CatalogVersion.of(List.of(CATALOG.get(1), CATALOG.get(0)))).isNotEqualTo(v);
        // The NUL separator: moving text from one file to the next is a different catalog.
        assertThat(CatalogVersion.of(List.of(new SourceText("a", "vendor: X\nroles: {}\n"), new SourceText("b", ""))))
                .isNotEqualTo(v);
    }

    @Test
    void theBuiltInCatalogHasAVersion() {
        assertThat(CatalogVersion.of(CatalogSource.bundled())).matches("sha256:[0-9a-f]{16}");
    }
}
