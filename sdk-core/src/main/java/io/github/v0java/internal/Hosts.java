package io.github.v0java.internal;

/** Facts about host names. */
public final class Hosts {
  private Hosts() {
  }

  /** Whether {@code host} (as {@code HttpUrl.host()} spells it) names this machine. */
  public static boolean isLoopback(String host) {
    return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
  }
}
