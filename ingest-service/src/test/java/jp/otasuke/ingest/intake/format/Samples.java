package jp.otasuke.ingest.intake.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The published sample lines of ../shared/samples, copied into test resources with their PROVENANCE.md:
 * real alert streams from real products, quirks included.
 */
final class Samples {

    /** The outcomes of one sample file, counted. */
    record Counts(int alerts, int skipped, int rejected) {
        @Override
        public String toString() {
            return alerts + " alerts, " + skipped + " skipped, " + rejected + " rejected";
        }
    }

    private Samples() {
    }

    static byte[] bytes(String file) {
        try (InputStream in = Samples.class.getResourceAsStream("/samples/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ParseOutcome> parse(String file, AlertFormat format) {
        LineParser parser = format.newParser();
        List<ParseOutcome> outcomes = new ArrayList<>();
        for (Lines.NumberedLine line : Lines.split(bytes(file))) {
            outcomes.add(parser.parse(line.text()));
        }
        return outcomes;
    }

    static Counts count(String file, AlertFormat format) {
        List<ParseOutcome> outcomes = parse(file, format);
        return new Counts((int) outcomes.stream().filter(ParseOutcome.Alert.class::isInstance).count(),
                (int) outcomes.stream().filter(ParseOutcome.Skipped.class::isInstance).count(),
                (int) outcomes.stream().filter(ParseOutcome.Rejected.class::isInstance).count());
    }

    static List<NormalizedAlert> alerts(String file, AlertFormat format) {
        return parse(file, format).stream().filter(ParseOutcome.Alert.class::isInstance)
                .map(o -> ((ParseOutcome.Alert) o).alert()).toList();
    }
}
