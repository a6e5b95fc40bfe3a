package io.github.v0java;

import io.github.v0java.api.SettingsApi;
import io.github.v0java.model.SetPreviewHostsRequest;
import io.github.v0java.model.TrustedPreviewHosts;
import java.util.ArrayList;
import java.util.List;

/**
 * Team settings ({@code /settings}): the hostname patterns trusted to embed chat previews in an
 * iframe.
 */
public final class Settings {
  /** The most host patterns the API accepts. */
  public static final int MAX_PREVIEW_HOSTS = 5;
  /** The longest host pattern the API accepts. */
  public static final int MAX_PREVIEW_HOST_LENGTH = 256;

  private final V0Client client;
  private final SettingsApi api;

  Settings(V0Client client) {
    this.client = client;
    this.api = client.service(SettingsApi.class);
  }

  /**
   * The hostname patterns trusted to embed previews ({@code GET /settings/preview-hosts}); child
   * teams of an organization see the organization's.
   *
   * @return the hostname patterns trusted to embed previews
   */
  public TrustedPreviewHosts previewHosts() {
    return client.execute(api.getPreviewHosts());
  }

  /**
   * Replaces the trusted hostname patterns ({@code PUT /settings/preview-hosts}) with
   * {@code hosts}: at most {@value #MAX_PREVIEW_HOSTS} hostnames without scheme, port or path,
   * such as {@code example.com}, {@code *.example.com} (exactly one label) or
   * {@code **.example.com} (one or more). An empty list trusts no host.
   *
   * @param hosts the new patterns; an empty list trusts no host
   * @return the patterns as the API now has them
   */
  public TrustedPreviewHosts setPreviewHosts(List<String> hosts) {
    if (hosts == null) throw new V0InvalidRequestException("hosts", "is null");
    if (hosts.size() > MAX_PREVIEW_HOSTS) {
      throw new V0InvalidRequestException("hosts",
          "at most " + MAX_PREVIEW_HOSTS + " hosts are allowed, got " + hosts.size());
    }
    List<String> copy = new ArrayList<>(hosts);
    for (int i = 0; i < copy.size(); i++) checkHost("hosts[" + i + "]", copy.get(i));
    return client.execute(api.setPreviewHosts(SetPreviewHostsRequest.builder().hosts(copy).build()));
  }

  private static void checkHost(String field, String host) {
    if (host == null) throw new V0InvalidRequestException(field, "is null");
    if (host.trim().isEmpty()) throw new V0InvalidRequestException(field, "must not be blank");
    RequestValidator.maxLength(field, host, MAX_PREVIEW_HOST_LENGTH);
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c <= ' ' || c == 0x7f || "/\\:@?#".indexOf(c) >= 0) {
        throw new V0InvalidRequestException(field, "must be a hostname pattern only (no scheme, port, path,"
            + " userinfo, query or fragment): " + host);
      }
    }
  }
}
