package ua.hromada.oks.documents;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The council's requisites printed on the OKS documents, PID {@code ua.hromada.oks.documents}
 * (etc/ua.hromada.oks.documents.cfg). No defaults: every community states its own. Dates are
 * printed in the community's time zone (PortalSettings).
 */
@ObjectClassDefinition(id = DocumentsConfig.PID, name = "Hromada OKS documents",
        description = "Requisites printed on the warning and the protocol")
public @interface DocumentsConfig {
    String PID = "ua.hromada.oks.documents";

    @AttributeDefinition(name = "Council", description = "e.g. Полтавська міська рада")
    String council_name() default "";

    @AttributeDefinition(name = "Department", description = "The unit that issues the documents")
    String department() default "";

    @AttributeDefinition(name = "Address", description = "Postal address of the council")
    String address() default "";

    @AttributeDefinition(name = "Phone", description = "As on the council's letterhead")
    String phone() default "";

    @AttributeDefinition(name = "E-mail", description = "As on the council's letterhead")
    String email() default "";

    @AttributeDefinition(name = "ЄДРПОУ code", description = "The issuing body's 8-digit code in the ЄДРПОУ register")
    String edrpou() default "";

    @AttributeDefinition(name = "Signer's position", description = "Printed above the signature line")
    String signer_position() default "";

    @AttributeDefinition(name = "Signer's name", description = "e.g. Ім'я ПРІЗВИЩЕ")
    String signer_name() default "";

    @AttributeDefinition(name = "City", description = "Place of issue printed beside the date")
    String city() default "";
}
