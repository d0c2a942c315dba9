package org.portplan.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A catalog's version: a digest of its files' contents, so that it identifies exactly the data
 * a plan was made from and needs no one to remember to bump it.
 */
public final class CatalogVersion {

    private CatalogVersion() {
    }

    /**
     * {@code sha256:} and the first 16 hex digits of the SHA-256 of the files' texts in the order
     * given (file-name order), each ended by a NUL. Line endings are normalized to {@code \n} so
     * that a Windows checkout has the same version; file names are left out so that the same
     * catalog has the same version wherever it lies.
     */
    public static String of(List<SourceText> files) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        for (SourceText f : files) {
            sha.update(f.text().replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        return "sha256:" + HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }
}
