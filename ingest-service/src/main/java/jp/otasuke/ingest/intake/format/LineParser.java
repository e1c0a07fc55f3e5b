package jp.otasuke.ingest.intake.format;

/**
 * Parses the records of one document (one request body, one syslog connection), line by line. A parser
 * may keep state across lines: Zeek logs declare their columns in a header.
 */
public interface LineParser {

    ParseOutcome parse(String line);
}
