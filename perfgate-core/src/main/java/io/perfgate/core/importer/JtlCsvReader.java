package io.perfgate.core.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a JMeter JTL in CSV form with its header line (JMeter's default): {@code timeStamp} (epoch ms, the
 * sample's start), {@code elapsed} (ms), {@code label}, {@code success}, and where present {@code responseCode},
 * {@code responseMessage}, {@code failureMessage}, {@code threadName}. Other columns are ignored.
 */
final class JtlCsvReader {
    static final String ENGINE = "JMeter";
    private static final List<String> REQUIRED = List.of("timeStamp", "elapsed", "label", "success");

    private JtlCsvReader() {
    }

    static FileRecording read(Path file) {
        SampleTable table = new SampleTable(file, ENGINE);
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.mark(65_536);
            String headerLine = reader.readLine();
            reader.reset();
            char delimiter = headerLine != null && headerLine.indexOf(',') < 0 && headerLine.indexOf('\t') >= 0 ? '\t' : ',';
            CsvRecords records = new CsvRecords(reader, file, delimiter);
            List<String> header = records.next();
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; header != null && i < header.size(); i++) {
                columns.put(header.get(i).strip(), i);
            }
            for (String required : REQUIRED) {
                if (!columns.containsKey(required)) {
                    throw ImportException.at(file, 1, "the header has no column '" + required + "' (it has "
                            + header + "); JMeter writes the header with jmeter.save.saveservice.print_field_names=true,"
                            + " and needs the columns " + REQUIRED);
                }
            }
            List<String> fields;
            while ((fields = records.next()) != null) {
                if (fields.isEmpty()) {
                    continue;
                }
                long line = records.recordLine();
                if (fields.size() != header.size()) {
                    throw ImportException.at(file, line, "has " + fields.size() + " fields where the header has "
                            + header.size() + " (a truncated or malformed line)");
                }
                long start = number(file, line, fields, columns, "timeStamp");
                long elapsed = number(file, line, fields, columns, "elapsed");
                String success = field(fields, columns, "success").strip().toLowerCase(Locale.ROOT);
                if (!success.equals("true") && !success.equals("false")) {
                    throw ImportException.at(file, line, "success is '" + success + "', expected true or false");
                }
                String code = field(fields, columns, "responseCode");
                String failure = field(fields, columns, "failureMessage");
                String message = field(fields, columns, "responseMessage");
                String kind = success.equals("true") ? null : JmeterErrors.kind(code, failure, message);
                table.add(field(fields, columns, "label"), start, elapsed * 1_000_000, kind,
                        kind == null ? null : JmeterErrors.text(code, failure, message));
            }
        } catch (IOException e) {
            throw new ImportException(file + ": cannot read: " + e.getMessage(), e);
        }
        return table.build("has a header but no samples (zero samples: nothing to judge)", null);
    }

    private static String field(List<String> fields, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        return index == null ? "" : fields.get(index);
    }

    private static long number(Path file, long line, List<String> fields, Map<String, Integer> columns, String name) {
        String text = field(fields, columns, name).strip();
        try {
            long value = Long.parseLong(text);
            if (value < 0) {
                throw ImportException.at(file, line, name + " is negative: " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw ImportException.at(file, line, name + " is '" + text + "', not a whole number"
                    + (name.equals("timeStamp") ? " of milliseconds (set jmeter.save.saveservice.timestamp_format=ms)" : ""));
        }
    }
}
