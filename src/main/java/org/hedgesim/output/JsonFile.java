package org.hedgesim.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a tree of maps, lists, strings and numbers as indented JSON ("\n" line ends). */
public final class JsonFile {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private JsonFile() {}

  public static void write(Path file, Object tree) throws IOException {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try (OutputStream out = Files.newOutputStream(file)) {
      MAPPER.writer(printer).writeValue(out, tree);
      out.write('\n');
    }
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
