package io.piobuildpack.templates.escape;

/**
 * POSIX shell, single-quote style: the whole value between {@code '...'}, each {@code '} written as
 * {@code '\''}. Inside single quotes nothing is special ({@code $}, backticks, {@code \}, {@code "}, newlines are
 * kept literally), so the template writes {@code NAME={{value}}} without quotes of its own.
 * Rule: <a href="https://pubs.opengroup.org/onlinepubs/9799919799/utilities/V3_chap02.html#tag_19_02_02">POSIX
 * Shell Command Language 2.2.2, Single-Quotes</a>. Only NUL (and lone surrogates) cannot be represented.
 */
public final class ShellEscaper implements Escaper {

  @Override
  public String escape(String value) {
    Characters.requireText(value);
    return "'" + value.replace("'", "'\\''") + "'";
  }
}
