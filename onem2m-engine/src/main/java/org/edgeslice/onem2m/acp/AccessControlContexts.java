package org.edgeslice.onem2m.acp;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * accessControlContexts ({@code acco}) of an access control rule (TS-0001 §9.6.2, TS-0004 §6.3.5): the
 * circumstances in which the rule applies. A rule with {@code acco} applies when one of its contexts holds; a
 * context holds when each condition it has holds:
 * <ul>
 *   <li>{@code actw}: the request arrives within one of the time windows ({@link ScheduleEntry}, UTC);</li>
 *   <li>{@code acip}: the originator's IP address (the address the request came from) is one of the {@code ipv4}
 *       or {@code ipv6} entries, each an address or a CIDR block; unknown address → no match;</li>
 *   <li>{@code aclr}: the originator is within a location region. This CSE does not know where originators are,
 *       so a context with {@code aclr} never holds: the rule grants less, never more, than its author meant.</li>
 * </ul>
 */
final class AccessControlContexts {
    private AccessControlContexts() {
    }

    /** Whether a rule with these contexts applies; a rule without {@code acco} always does. */
    static boolean hold(JsonNode acco, Originator originator, Instant now) {
        if (acco == null || !acco.isArray() || acco.isEmpty()) {
            return true;
        }
        for (JsonNode context : acco) {
            if (context.get("aclr") == null && withinWindows(context.get("actw"), now)
                    && fromAddresses(context.get("acip"), originator.address())) {
                return true;
            }
        }
        return false;
    }

    private static boolean withinWindows(JsonNode actw, Instant now) {
        if (actw == null || actw.isEmpty()) {
            return true;
        }
        ZonedDateTime utc = now.atZone(ZoneOffset.UTC);
        for (JsonNode window : actw) {
            try {
                if (ScheduleEntry.parse(window.asText()).matches(utc)) {
                    return true;
                }
            } catch (IllegalArgumentException stored) {
                // validated when the policy was written; an entry stored before that check grants nothing
            }
        }
        return false;
    }

    private static boolean fromAddresses(JsonNode acip, String address) {
        if (acip == null) {
            return true;
        }
        JsonNode v4 = acip.get("ipv4");
        JsonNode v6 = acip.get("ipv6");
        if ((v4 == null || v4.isEmpty()) && (v6 == null || v6.isEmpty())) {
            return true;
        }
        byte[] from = address == null ? null : literal(address);
        if (from == null) {
            return false;
        }
        for (JsonNode list : new JsonNode[] {v4, v6}) {
            if (list == null) {
                continue;
            }
            for (JsonNode entry : list) {
                Block block = Block.parse(entry.asText());
                if (block != null && block.covers(from)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** An address or CIDR block of an {@code acip} entry: the network bytes and the prefix length. */
    private record Block(byte[] net, int bits) {
        /** @return the block, or null if the entry is neither an address nor a CIDR block */
        static Block parse(String entry) {
            int slash = entry.indexOf('/');
            byte[] net = literal(slash < 0 ? entry : entry.substring(0, slash));
            if (net == null) {
                return null;
            }
            if (slash < 0) {
                return new Block(net, net.length * 8);
            }
            try {
                int bits = Integer.parseInt(entry.substring(slash + 1));
                return bits >= 0 && bits <= net.length * 8 ? new Block(net, bits) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }

        /** Whether the block holds the address; IPv4-mapped IPv6 addresses count as IPv4. */
        boolean covers(byte[] address) {
            if (net.length != address.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >>> (i % 8);
                if ((net[i / 8] & mask) != (address[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The bytes of an IP address literal, never looked up: dotted-quad IPv4 is parsed here (four decimal octets,
     * 0-255); text with a colon goes to {@link InetAddress#getByName}, which parses it as an IPv6 literal and
     * refuses it otherwise, without asking DNS. Null for anything else.
     */
    static byte[] literal(String text) {
        int zone = text.indexOf('%');
        if (zone >= 0) {
            text = text.substring(0, zone); // fe80::1%eth0, as the peer address of a link-local client reads
        }
        if (text.isEmpty() || text.length() > 45) {
            return null;
        }
        if (text.indexOf(':') < 0) {
            return ipv4(text);
        }
        char first = text.charAt(0);
        if (!(first == ':' || Character.digit(first, 16) >= 0)) {
            return null; // getByName parses only text starting so as a literal; anything else it would look up
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == ':' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return null;
            }
        }
        try {
            return InetAddress.getByName(text).getAddress(); // contains ':': an IPv6 literal or an error
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Four decimal octets 0-255 without leading zeros (010 would read as 8 in some parsers, 10 in others). */
    private static byte[] ipv4(String text) {
        byte[] out = new byte[4];
        int octet = 0;
        int value = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                if (value == 0) {
                    return null;
                }
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (value > 255) {
                    return null;
                }
            } else if (c == '.' && value >= 0 && octet < 4) {
                out[octet++] = (byte) value;
                value = -1;
            } else {
                return null;
            }
        }
        return octet == 4 ? out : null;
    }

    /** Checks a stored {@code acip} entry: an IPv4/IPv6 address, optionally with a CIDR prefix length. */
    static boolean isAddressOrBlock(String entry, boolean v6) {
        Block b = Block.parse(entry);
        return b != null && b.net().length == (v6 ? 16 : 4);
    }
}
