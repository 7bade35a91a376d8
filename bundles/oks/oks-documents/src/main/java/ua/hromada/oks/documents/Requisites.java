package ua.hromada.oks.documents;

import ua.hromada.portal.api.community.Community;

/** The council's requisites as configured; blank values are simply left out of the documents. */
public record Requisites(String councilName, String department, String address, String phone, String email,
        String edrpou, String signerPosition, String signerName, String city) {

    public Requisites {
        councilName = clean(councilName);
        department = clean(department);
        address = clean(address);
        phone = clean(phone);
        email = clean(email);
        edrpou = clean(edrpou);
        signerPosition = clean(signerPosition);
        signerName = clean(signerName);
        city = clean(city);
    }

    static Requisites of(DocumentsConfig c) {
        return new Requisites(c.council_name(), c.department(), c.address(), c.phone(), c.email(), c.edrpou(),
                c.signer_position(), c.signer_name(), c.city());
    }

    /**
     * The requisites the community prints: its own value of each key (its settings overlay of
     * {@value DocumentsConfig#PID}, e.g. {@code council.name}) before these, the shared ones.
     */
    Requisites of(Community community) {
        return new Requisites(own(community, "council.name", councilName), own(community, "department", department),
                own(community, "address", address), own(community, "phone", phone), own(community, "email", email),
                own(community, "edrpou", edrpou), own(community, "signer.position", signerPosition),
                own(community, "signer.name", signerName), own(community, "city", city));
    }

    private static String own(Community community, String key, String shared) {
        return community.setting(DocumentsConfig.PID, key).orElse(shared);
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }
}
