package io.piobuildpack.templates;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.DefaultMustacheVisitor;
import com.github.mustachejava.MustacheVisitor;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.codes.ValueCode;
import io.piobuildpack.templates.escape.OutputFormat;
import io.piobuildpack.templates.escape.UnrepresentableValueException;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Mustache.java configured for one output format: every {@code {{name}}} is escaped by that format (never HTML),
 * a name the model does not have (or an empty {@code Optional}) fails instead of printing nothing, and the tags
 * that would bypass escaping or read other files ({@code {{{name}}}}, {@code {{&name}}}, partials, template
 * inheritance) are refused when the template is compiled.
 */
final class StrictMustacheFactory extends DefaultMustacheFactory {

  private final OutputFormat format;

  StrictMustacheFactory(OutputFormat format) {
    super(Template.RESOURCE_ROOT);
    this.format = format;
  }

  @Override
  public void encode(String value, Writer writer) {
    throw new IllegalStateException("values are escaped by EscapedValueCode only");
  }

  @Override
  public MustacheVisitor createMustacheVisitor() {
    return new DefaultMustacheVisitor(this) {
      @Override
      public void value(TemplateContext tc, String variable, boolean encoded) {
        if (!encoded) {
          throw new TemplateRenderException(tc.file(), variable, "unescaped output ({{{...}}} or {{&...}}) is not"
              + " allowed: write {{" + variable + "}}, which is escaped for this file's format (line " + tc.line()
              + ")", null);
        }
        list.add(new EscapedValueCode(tc, StrictMustacheFactory.this, variable, format));
      }

      @Override
      public void partial(TemplateContext tc, String variable, String indent) {
        throw refused(tc, "partials ({{>" + variable + "}})");
      }

      @Override
      public void dynamicPartial(TemplateContext tc, String variable, String indent) {
        throw refused(tc, "partials ({{>*" + variable + "}})");
      }

      @Override
      public void extend(TemplateContext tc, String variable, com.github.mustachejava.Mustache mustache) {
        throw refused(tc, "template inheritance ({{<" + variable + "}})");
      }

      private TemplateRenderException refused(TemplateContext tc, String what) {
        return new TemplateRenderException(tc.file(), null, what + " are not supported (line " + tc.line() + ")",
            null);
      }
    };
  }

  /** Writes one value escaped for the format; fails with the template and variable named. */
  private static final class EscapedValueCode extends ValueCode {

    private final OutputFormat format;

    EscapedValueCode(TemplateContext tc, DefaultMustacheFactory factory, String variable, OutputFormat format) {
      super(tc, factory, variable, true);
      this.format = format;
    }

    @Override
    public Writer execute(Writer writer, List<Object> scopes) {
      Object value = get(scopes);
      if (value == null) {
        throw new TemplateRenderException(tc.file(), name, "the model has no such value, or it is empty (line "
            + tc.line() + "); optional values must be inside a {{#" + name + "}}...{{/" + name + "}} section", null);
      }
      String escaped;
      try {
        escaped = format.escape(oh.stringify(value));
      } catch (UnrepresentableValueException e) {
        throw new TemplateRenderException(tc.file(), name, "the value cannot be written in " + format
            + " safely: it " + e.getMessage(), e);
      }
      try {
        writer.write(escaped);
      } catch (IOException e) {
        throw new TemplateRenderException(tc.file(), name, "cannot write the output: " + e.getMessage(), e);
      }
      return appendText(writer);
    }
  }
}
