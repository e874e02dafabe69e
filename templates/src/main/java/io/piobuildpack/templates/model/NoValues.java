package io.piobuildpack.templates.model;

/** The model of a template without values (the Procfiles): it exists so every template has a model type. */
public record NoValues() {}
