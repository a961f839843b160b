package org.frameinspector.core.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPInputStream;

/** The data of an HTML report as its script reads it: every data element's JSON, packed chunks unpacked. */
public final class HtmlReportData {
    private HtmlReportData() {
    }

    /** The JSON of every data element of {@code html}, one per line, packed ones (gzip in Base64) inflated. */
    public static String json(String html) {
        StringBuilder sb = new StringBuilder();
        for (String s : HtmlExport.scripts(html)) {
            if (!s.startsWith("<script type=\"application/json\"")) continue;
            String body = s.substring(s.indexOf('>') + 1);
            sb.append(unpack(body)).append('\n');
        }
        return sb.toString();
    }

    /** A packed element's JSON (a single Base64 string of gzip) inflated; any other JSON as it is. */
    static String unpack(String body) {
        if (!body.startsWith("\"") || !body.endsWith("\"") || body.indexOf('\\') >= 0) return body;
        byte[] z = Base64.getDecoder().decode(body.substring(1, body.length() - 1));
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(z))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
