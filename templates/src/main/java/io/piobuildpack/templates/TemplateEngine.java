package io.piobuildpack.templates;

import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import io.piobuildpack.templates.escape.OutputFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders {@link Template}s with Mustache.java: the bundled resource, or an app's own template text (an override
 * from {@code config/}) with the same model and the same escaping. Values are escaped for the template's
 * {@link OutputFormat}; see {@link StrictMustacheFactory} for what is refused. Thread-safe.
 */
public final class TemplateEngine {

  private final Map<OutputFormat, StrictMustacheFactory> factories = new EnumMap<>(OutputFormat.class);
  private final Map<Template<?>, Mustache> bundled = new ConcurrentHashMap<>();

  public TemplateEngine() {
    for (OutputFormat format : OutputFormat.values()) {
      factories.put(format, new StrictMustacheFactory(format));
    }
  }

  /**
   * Renders the bundled template.
   *
   * @throws TemplateRenderException naming the template and variable when a value cannot be written safely
   */
  public <M extends Record> String render(Template<M> template, M model) {
    Mustache mustache;
    try {
      mustache = bundled.computeIfAbsent(template,
          t -> compile(factories.get(t.format()), t.resource(), bundledText(t)));
    } catch (MustacheException e) {
      throw unwrap(template.resource(), e);
    }
    return execute(template, template.resource(), mustache, model);
  }

  /**
   * Renders template text given by the app (for example {@code config/core-site.xml.mustache}) with the model and
   * escaping of {@code template}.
   *
   * @param sourceName how the text is named in errors, e.g. {@code config/core-site.xml.mustache}
   * @throws TemplateRenderException naming {@code sourceName} and the variable on any failure
   */
  public <M extends Record> String render(Template<M> template, String sourceName, String text, M model) {
    Mustache mustache;
    try {
      mustache = compile(factories.get(template.format()), sourceName, text);
    } catch (MustacheException e) {
      throw unwrap(sourceName, e);
    }
    return execute(template, sourceName, mustache, model);
  }

  private static <M extends Record> String execute(Template<M> template, String sourceName, Mustache mustache,
      M model) {
    Objects.requireNonNull(model, "model");
    if (!template.modelType().isInstance(model)) {
      throw new IllegalArgumentException(template.resource() + " takes a " + template.modelType().getName());
    }
    try {
      StringWriter out = new StringWriter(256);
      mustache.execute(out, model).flush();
      return out.toString();
    } catch (MustacheException e) {
      throw unwrap(sourceName, e);
    } catch (IOException e) {
      throw new TemplateRenderException(sourceName, null, "cannot write the output: " + e.getMessage(), e);
    }
  }

  private static Mustache compile(StrictMustacheFactory factory, String sourceName, String text) {
    try (StringReader reader = new StringReader(text)) {
      return factory.compile(reader, sourceName);
    }
  }

  /** The text of a bundled template. */
  public static String bundledText(Template<?> template) {
    try (InputStream in = TemplateEngine.class.getClassLoader().getResourceAsStream(template.resourcePath())) {
      if (in == null) {
        throw new IllegalStateException("bundled template missing from the class path: " + template.resourcePath());
      }
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        StringWriter text = new StringWriter();
        reader.transferTo(text);
        return text.toString();
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read bundled template " + template.resourcePath(), e);
    }
  }

  /** Our own exception may come wrapped by Mustache.java; a plain Mustache error becomes one naming the source. */
  private static TemplateRenderException unwrap(String sourceName, MustacheException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof TemplateRenderException ours) {
        return ours;
      }
    }
    return new TemplateRenderException(sourceName, null, "invalid template: " + e.getMessage(), e);
  }
}
