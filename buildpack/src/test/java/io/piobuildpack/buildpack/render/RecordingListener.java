package io.piobuildpack.buildpack.render;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Records what rendering reported, as the lines a front-end would print. */
final class RecordingListener implements RenderListener {

  final List<String> lines = new ArrayList<>();

  @Override
  public void written(Path file, TemplateSource source) {
    lines.add(file + " <- " + source.name());
  }

  @Override
  public void renderedAtStart(Path file, TemplateSource source) {
    lines.add(file + " <- " + source.name() + " (at every start)");
  }

  @Override
  public void erbIgnored(Path erbFile, TemplateSource used) {
    lines.add("ignored " + erbFile + " (using " + used.name() + ")");
  }
}
