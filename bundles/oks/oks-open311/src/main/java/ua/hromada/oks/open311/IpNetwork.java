package ua.hromada.oks.open311;

/** An IP network (an address and a prefix length, CIDR) and whether an address lies inside it. */
record IpNetwork(byte[] address, int prefix) {

    /**
     * {@code a.b.c.d}, an IPv6 literal, or either with {@code /prefix}.
     *
     * @throws IllegalArgumentException naming the entry when it is neither
     */
    static IpNetwork parse(String entry) {
        String[] parts = entry.trim().split("/", 2);
        byte[] address = ClientAddress.literal(parts[0]);
        if (address == null) {
            throw new IllegalArgumentException("'" + entry + "' is not an IP address or network");
        }
        int prefix = address.length * 8;
        if (parts.length == 2) {
            try {
                prefix = Integer.parseInt(parts[1].trim());
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("'" + entry + "' has an invalid prefix length");
            }
        }
        return new IpNetwork(address, prefix);
    }

    boolean contains(byte[] candidate) {
        if (candidate.length != address.length) {
            return false;
        }
        int bits = prefix;
        for (int i = 0; i < address.length && bits > 0; i++, bits -= 8) {
            int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
            if ((address[i] & mask) != (candidate[i] & mask)) {
                return false;
            }
        }
        return true;
    }
}
