package io.perfgate.core.importer;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a JMeter JTL in XML form: the {@code httpSample} and {@code sample} elements directly under
 * {@code testResults} (attributes {@code ts} start, {@code t} elapsed ms, {@code lb} label, {@code s} success,
 * {@code rc}, {@code rm}, {@code tn}). Nested samples (sub-results, a transaction's children) are part of their
 * parent and not counted again, as JMeter's dashboard does.
 */
final class JtlXmlReader {
    private JtlXmlReader() {
    }

    static FileRecording read(Path file) {
        SampleTable table = new SampleTable(file, JtlCsvReader.ENGINE);
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            int depth = 0;
            boolean root = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    String name = xml.getLocalName();
                    if (depth == 1) {
                        if (!name.equals("testResults")) {
                            throw ImportException.at(file, xml.getLocation().getLineNumber(), "the root element is <"
                                    + name + ">, not JMeter's <testResults>");
                        }
                        root = true;
                    } else if (depth == 2 && (name.equals("httpSample") || name.equals("sample"))) {
                        sample(file, xml, table);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            if (!root) {
                throw new ImportException(file + ": no <testResults> element");
            }
        } catch (XMLStreamException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw ImportException.at(file, line, "not well-formed JTL XML (a truncated file?): " + e.getMessage()
                    .replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message: ", ""), e);
        } catch (IOException e) {
            throw new ImportException(file + ": cannot read: " + e.getMessage(), e);
        }
        return table.build("has no samples (zero samples: nothing to judge)", null);
    }

    private static void sample(Path file, XMLStreamReader xml, SampleTable table) {
        long line = xml.getLocation().getLineNumber();
        long start = number(file, line, xml, "ts");
        long elapsed = number(file, line, xml, "t");
        String success = attribute(xml, "s").toLowerCase(Locale.ROOT);
        if (!success.equals("true") && !success.equals("false")) {
            throw ImportException.at(file, line, "s is '" + success + "', expected true or false");
        }
        String code = attribute(xml, "rc");
        String message = attribute(xml, "rm");
        String kind = success.equals("true") ? null : JmeterErrors.kind(code, null, message);
        table.add(attribute(xml, "lb"), start, elapsed * 1_000_000, kind,
                kind == null ? null : JmeterErrors.text(code, null, message));
    }

    private static String attribute(XMLStreamReader xml, String name) {
        String value = xml.getAttributeValue(null, name);
        return value == null ? "" : value;
    }

    private static long number(Path file, long line, XMLStreamReader xml, String name) {
        String text = attribute(xml, name).strip();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ImportException.at(file, line, "attribute " + name + " is '" + text + "', not a whole number");
        }
    }
}
