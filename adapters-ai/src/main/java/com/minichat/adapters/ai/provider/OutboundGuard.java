package com.minichat.adapters.ai.provider;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Keeps provider calls away from private networks: a workspace admin types the addresses of
 * self-hosted servers, and without this an address such as {@code http://169.254.169.254/} or
 * {@code http://10.0.0.5:6379/} would make MiniChat a door into its own network. Loopback, private,
 * link-local (cloud metadata), carrier-grade NAT, unique-local, multicast and unspecified addresses
 * are refused unless allowed by host name or CIDR ({@code OUTBOUND_ALLOW_PRIVATE}). Every address
 * the name resolves to must pass. The JDK client resolves the name again when it connects, so a
 * name whose DNS answer changes in between is not caught here.
 */
public final class OutboundGuard {
  /** Allows every address: for development machines, where providers run on localhost. */
  public static final OutboundGuard ALLOW_ALL = new OutboundGuard(List.of(), true);

  private final List<String> hosts = new ArrayList<>();
  private final List<Cidr> ranges = new ArrayList<>();
  private final boolean allowAll;

  private OutboundGuard(List<String> allowed, boolean allowAll) {
    this.allowAll = allowAll;
    for (String entry : allowed) {
      String value = entry.strip().toLowerCase(Locale.ROOT);
      if (value.isEmpty()) {
        continue;
      }
      Cidr cidr = Cidr.parse(value);
      if (cidr != null) {
        ranges.add(cidr);
      } else {
        hosts.add(value);
      }
    }
  }

  /**
   * A guard allowing private addresses only for these host names and ranges.
   *
   * @param allowed host names ({@code ollama.internal}) and addresses or CIDRs ({@code 127.0.0.1},
   *     {@code 10.0.0.0/8}, {@code fd00::/8})
   * @throws IllegalArgumentException for a CIDR that is not one
   */
  public static OutboundGuard allowing(List<String> allowed) {
    return new OutboundGuard(allowed, false);
  }

  /**
   * Checks that {@code uri} may be called.
   *
   * @throws ProviderException (not retryable) naming the reason, never the address's owner
   */
  public void check(String provider, URI uri) {
    if (allowAll) {
      return;
    }
    String host = uri.getHost();
    if (host == null) {
      throw new ProviderException(provider + " has no host in its address", false);
    }
    String name = host.toLowerCase(Locale.ROOT);
    if (hosts.contains(name)) {
      return;
    }
    InetAddress[] addresses;
    try {
      addresses =
          InetAddress.getAllByName(
              name.startsWith("[") ? name.substring(1, name.length() - 1) : name);
    } catch (UnknownHostException e) {
      throw new ProviderException(provider + "'s host name could not be resolved", true, e);
    }
    for (InetAddress address : addresses) {
      if (isPrivate(address) && ranges.stream().noneMatch(range -> range.contains(address))) {
        throw new ProviderException(
            provider + "'s address is on a private network; allow it with OUTBOUND_ALLOW_PRIVATE",
            false);
      }
    }
  }

  /** Whether {@code address} belongs to a network that is not the public internet. */
  static boolean isPrivate(InetAddress address) {
    if (address.isLoopbackAddress()
        || address.isSiteLocalAddress()
        || address.isLinkLocalAddress()
        || address.isAnyLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = bytes[0] & 0xff;
      int second = bytes[1] & 0xff;
      // 100.64.0.0/10 carrier-grade NAT, 0.0.0.0/8 "this network", 198.18.0.0/15 benchmarks
      return (first == 100 && second >= 64 && second <= 127)
          || first == 0
          || (first == 198 && (second == 18 || second == 19));
    }
    // fc00::/7 unique local addresses
    return address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc;
  }

  /** An address range such as {@code 10.0.0.0/8}; a lone address is its own /32 or /128. */
  private record Cidr(byte[] network, int prefix) {
    static Cidr parse(String value) {
      String[] parts = value.split("/", 2);
      if (!parts[0].matches("[0-9.]+|[0-9a-f:]*:[0-9a-f:.]*")) {
        return null; // a host name
      }
      try {
        byte[] network = InetAddress.getByName(parts[0]).getAddress();
        int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
        if (prefix < 0 || prefix > network.length * 8) {
          throw new IllegalArgumentException("not a CIDR: " + value);
        }
        return new Cidr(network, prefix);
      } catch (UnknownHostException | NumberFormatException e) {
        throw new IllegalArgumentException("not a CIDR: " + value, e);
      }
    }

    boolean contains(InetAddress address) {
      byte[] bytes = address.getAddress();
      if (bytes.length != network.length) {
        return false;
      }
      for (int bit = 0; bit < prefix; bit++) {
        int mask = 0x80 >>> (bit % 8);
        if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }
}
