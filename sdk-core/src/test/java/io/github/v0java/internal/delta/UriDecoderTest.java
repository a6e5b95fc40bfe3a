package io.github.v0java.internal.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Undoing {@code encodeURI}: runs of escapes read as UTF-8, ASCII ones without a decoder. */
final class UriDecoderTest {
  @Test void textWithoutEscapesIsReturnedAsItIs() {
    String text = "no escapes here";
    assertThat(UriDecoder.decode(text)).isSameAs(text);
  }

  @Test void asciiEscapesAreTheirCharacters() {
    assertThat(UriDecoder.decode("a%0Ab%22c%7B%7D%25")).isEqualTo("a\nb\"c{}%");
    assertThat(UriDecoder.decode("%7f%00")).isEqualTo("\u007f\u0000");
  }

  @Test void aRunOfEscapesIsDecodedAsUtf8() {
    // A newline, then ü (C3 BC) and 😀 (F0 9F 98 80) in the same run.
    assertThat(UriDecoder.decode("x%0A%C3%BC%F0%9F%98%80y")).isEqualTo("x\nü\uD83D\uDE00y");
    assertThat(UriDecoder.decode("%C3%BC then %0A")).isEqualTo("ü then \n");
  }

  @Test void malformedEscapesFail() {
    assertThatThrownBy(() -> UriDecoder.decode("a%0"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("truncated escape");
    assertThatThrownBy(() -> UriDecoder.decode("%0A%ZZ"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("invalid escape %ZZ");
    assertThatThrownBy(() -> UriDecoder.decode("%0A%C3"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("escapes that are not UTF-8");
    assertThatThrownBy(() -> UriDecoder.decode("%0A%80%0A"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("escapes that are not UTF-8");
  }
}
