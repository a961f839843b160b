package org.frameinspector.tshark;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams tshark's PDML ({@code tshark -T pdml}) packet by packet with StAX, so a capture of any size is parsed in
 * constant memory. Nested fields are flattened in document order; each keeps the name of its {@code <proto>}.
 */
public final class PdmlParser {
    private PdmlParser() {
    }

    public static void parse(InputStream in, Consumer<PdmlPacket> sink) throws XMLStreamException {
        XMLInputFactory xf = XMLInputFactory.newFactory();
        xf.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        xf.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader r = xf.createXMLStreamReader(in, "UTF-8");
        List<PdmlField> fields = null;
        String proto = null;
        int number = -1, caplen = -1, protoIndex = -1;
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "packet" -> {
                        fields = new ArrayList<>(128);
                        number = -1;
                        caplen = -1;
                        protoIndex = -1;
                    }
                    case "proto" -> {
                        proto = attr(r, "name");
                        protoIndex++;
                    }
                    case "field" -> {
                        if (fields == null) break;
                        String name = attr(r, "name");
                        String show = attr(r, "show");
                        if ("geninfo".equals(proto)) {
                            if ("num".equals(name)) number = parseInt(show, -1);
                            if ("caplen".equals(name)) caplen = parseInt(show, -1);
                        }
                        fields.add(new PdmlField(proto == null ? "" : proto, name == null ? "" : name,
                                parseInt(attr(r, "pos"), -1), parseInt(attr(r, "size"), 0), show,
                                attr(r, "showname"), attr(r, "value"), attr(r, "unmaskedvalue"),
                                "yes".equals(attr(r, "hide")), protoIndex));
                    }
                    default -> {
                    }
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                switch (r.getLocalName()) {
                    case "proto" -> proto = null;
                    case "packet" -> {
                        if (fields != null) sink.accept(new PdmlPacket(number, caplen, fields));
                        fields = null;
                    }
                    default -> {
                    }
                }
            }
        }
        r.close();
    }

    private static String attr(XMLStreamReader r, String name) {
        return r.getAttributeValue(null, name);
    }

    private static int parseInt(String s, int dflt) {
        if (s == null || s.isEmpty()) return dflt;
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return dflt;
        }
    }
}
