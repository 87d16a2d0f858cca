package org.hedgesim.scenario;

/**
 * One value of the resolved scenario with its provenance: the path of the value, the value as
 * written, the source text that covers it (null when none does), and where it was written.
 */
public record SourcedValue(String path, String value, String source, Origin origin) {}
