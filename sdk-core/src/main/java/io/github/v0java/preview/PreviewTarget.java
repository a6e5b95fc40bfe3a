package io.github.v0java.preview;

import io.github.v0java.V0InvalidRequestException;
import io.github.v0java.internal.ApiKeys;
import io.github.v0java.internal.Hosts;
import io.github.v0java.model.ChatPreview;
import okhttp3.HttpUrl;

/**
 * Where a {@link PreviewProxy} forwards to: a chat's preview URL and the short-lived token that
 * opens it (both from get-preview). The token is a secret: it is sent only to the URL's origin,
 * in the {@code x-v0-preview-token} header, and never shows in {@link #toString()} or errors.
 */
public final class PreviewTarget {
  private final HttpUrl url;
  private final String token;

  private PreviewTarget(HttpUrl url, String token) {
    this.url = url;
    this.token = token;
  }

  /**
   * The preview at {@code url} opened with {@code token}.
   *
   * @param url the preview's URL
   * @param token the preview's token; a secret
   * @return the target, for {@link PreviewProxy#forward}
   * @throws V0InvalidRequestException if the URL is missing or plain {@code http} to a host other
   *     than loopback (the token would travel in clear text), or the token is missing, blank or
   *     would break the header
   */
  public static PreviewTarget of(HttpUrl url, String token) {
    if (url == null) throw new V0InvalidRequestException("previewUrl", "is null");
    if (!url.isHttps() && !Hosts.isLoopback(url.host())) {
      throw new V0InvalidRequestException("previewUrl", "plain http to " + url.host()
          + " would send the preview token in clear text");
    }
    try {
      ApiKeys.check("previewToken", token);
    } catch (IllegalArgumentException e) {
      throw new V0InvalidRequestException("previewToken", e.getMessage());
    }
    return new PreviewTarget(url, token);
  }

  /**
   * Like {@link #of(HttpUrl, String)} for a URL as text.
   *
   * @param url the preview's URL
   * @param token the preview's token; a secret
   * @return the target, for {@link PreviewProxy#forward}
   */
  public static PreviewTarget of(String url, String token) {
    HttpUrl parsed = url == null ? null : HttpUrl.parse(url);
    if (url != null && parsed == null) {
      throw new V0InvalidRequestException("previewUrl", "not an http(s) URL");
    }
    return of(parsed, token);
  }

  /**
   * The preview that {@code Chats.preview} or {@code Chats.awaitPreview} answered.
   *
   * @param preview the preview as the API answered it
   * @return the target, for {@link PreviewProxy#forward}
   * @throws V0InvalidRequestException if {@code preview} is null (the preview is still starting:
   *     wait for it with {@code Chats.awaitPreview}) or its URL or token is unusable
   */
  public static PreviewTarget of(ChatPreview preview) {
    if (preview == null) {
      throw new V0InvalidRequestException("preview", "is null: the preview is still starting"
          + " (wait for it with Chats.awaitPreview)");
    }
    return of(preview.getUrl(), preview.getToken());
  }

  /**
   * The preview URL; requests are forwarded below its path.
   *
   * @return the preview URL
   */
  public HttpUrl url() {
    return url;
  }

  String token() {
    return token;
  }

  @Override public String toString() {
    return "PreviewTarget{url=" + url + ", token=██}";
  }
}
