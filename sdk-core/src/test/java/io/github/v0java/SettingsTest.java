package io.github.v0java;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.v0java.McpServersTest.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SettingsTest {
  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  private final V0Client v0 = TestServers.client(server);

  @AfterEach void close() {
    v0.close();
  }

  @Test void previewHostsReadsThePatterns() {
    server.stubFor(get("/v2/settings/preview-hosts")
        .willReturn(okJson("{\"hosts\":[\"app.example.com\",\"*.staging.example.com\"]}")));

    assertThat(v0.settings().previewHosts().getHosts())
        .containsExactly("app.example.com", "*.staging.example.com");
    server.verify(getRequestedFor(urlEqualTo("/v2/settings/preview-hosts")));
  }

  @Test void setPreviewHostsPutsTheCompleteList() {
    server.stubFor(put("/v2/settings/preview-hosts")
        .willReturn(okJson("{\"hosts\":[\"example.com\",\"**.example.com\"]}")));

    List<String> hosts = new ArrayList<>(Arrays.asList("example.com", "**.example.com"));
    List<String> saved = v0.settings().setPreviewHosts(hosts).getHosts();
    hosts.clear(); // The request was built from a copy.

    server.verify(putRequestedFor(urlEqualTo("/v2/settings/preview-hosts"))
        .withRequestBody(equalToJson("{\"hosts\":[\"example.com\",\"**.example.com\"]}")));
    assertThat(saved).containsExactly("example.com", "**.example.com");
  }

  @Test void anEmptyListTrustsNoHost() {
    server.stubFor(put("/v2/settings/preview-hosts").willReturn(okJson("{\"hosts\":[]}")));

    assertThat(v0.settings().setPreviewHosts(Collections.<String>emptyList()).getHosts()).isEmpty();
    server.verify(putRequestedFor(urlEqualTo("/v2/settings/preview-hosts"))
        .withRequestBody(equalToJson("{\"hosts\":[]}")));
  }

  @Test void aChildTeamCannotOverrideTheOrganization() {
    server.stubFor(put("/v2/settings/preview-hosts").willReturn(aResponse().withStatus(403)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"message\":\"Organization child teams inherit preview hosts\"}")));

    PermissionDeniedException e = catchThrowableOfType(PermissionDeniedException.class,
        () -> v0.settings().setPreviewHosts(Collections.singletonList("example.com")));

    assertThat(e.errorMessage()).isEqualTo("Organization child teams inherit preview hosts");
  }

  @Test void hostsThatAreNotBareHostnamePatternsAreRefusedBeforeAnyRequest() {
    for (String bad : new String[] {"https://example.com", "example.com:8443", "example.com/app", "user@example.com",
        "example.com?x", "example.com#f", "exa mple.com", " ", "a\\b.com"}) {
      assertThat(refused(() -> v0.settings().setPreviewHosts(Collections.singletonList(bad)))).as(bad)
          .isEqualTo("hosts[0]");
    }
    assertThat(refused(() -> v0.settings().setPreviewHosts(Arrays.asList("a.com", "b.com", "c.com", "d.com",
        "e.com", "f.com")))).isEqualTo("hosts");
    assertThat(refused(() -> v0.settings().setPreviewHosts(Arrays.asList("ok.com",
        McpServersTest.repeat('h', 253) + ".com")))).isEqualTo("hosts[1]");
    assertThat(refused(() -> v0.settings().setPreviewHosts(Arrays.asList("ok.com", null)))).isEqualTo("hosts[1]");
    assertThat(refused(() -> v0.settings().setPreviewHosts(null))).isEqualTo("hosts");
    assertThat(server.getAllServeEvents()).isEmpty();
  }
}
