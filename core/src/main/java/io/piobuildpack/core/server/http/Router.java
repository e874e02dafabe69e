package io.piobuildpack.core.server.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dispatches a request to the route registered for its path and method. An unknown path is 404 and a known
 * path with another method is 405 with an {@code Allow} header, with the texts of PredictionIO's HTTP layer
 * (spray) but as JSON.
 */
public final class Router {

  static final String NOT_FOUND = "The requested resource could not be found.";

  private final List<Entry> entries;

  private Router(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Answers the request with the matching route.
   *
   * @throws ApiException 404 for an unknown path, 405 for a method the path does not support
   */
  public ApiResponse dispatch(ApiRequest request) {
    String path = request.path();
    for (Entry entry : entries) {
      String value = entry.template.match(path);
      if (value == null) {
        continue;
      }
      Route route = entry.routes.get(request.method());
      if (route == null) {
        String allowed = String.join(", ", entry.routes.keySet());
        throw new ApiException(405, "HTTP method not allowed, supported methods: " + allowed,
            Map.of("Allow", allowed));
      }
      return route.handle(request, entry.template.hasVariable() ? value : null);
    }
    throw new ApiException(404, NOT_FOUND);
  }

  /** Collects routes; for one path, methods are listed in {@code Allow} in the order they were added. */
  public static final class Builder {

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public Builder get(String path, Route route) {
      return add("GET", path, route);
    }

    public Builder post(String path, Route route) {
      return add("POST", path, route);
    }

    public Builder delete(String path, Route route) {
      return add("DELETE", path, route);
    }

    public Builder add(String method, String path, Route route) {
      Entry entry = entries.computeIfAbsent(path, p -> new Entry(new PathTemplate(p)));
      if (entry.routes.putIfAbsent(method, route) != null) {
        throw new IllegalArgumentException("two routes for " + method + " " + path);
      }
      return this;
    }

    /** The router; fixed paths are matched before templates, so {@code /events.json} never reads as an id. */
    public Router build() {
      List<Entry> ordered = new ArrayList<>();
      entries.values().stream().filter(e -> !e.template.hasVariable()).forEach(ordered::add);
      entries.values().stream().filter(e -> e.template.hasVariable()).forEach(ordered::add);
      return new Router(ordered);
    }
  }

  private static final class Entry {
    private final PathTemplate template;
    private final Map<String, Route> routes = new LinkedHashMap<>();

    private Entry(PathTemplate template) {
      this.template = template;
    }
  }
}
