package ua.hromada.oks.documents;

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

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }
}
