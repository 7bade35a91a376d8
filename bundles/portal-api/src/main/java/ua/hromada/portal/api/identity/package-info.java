/**
 * Ukrainian identifiers with check digits (the РНОКПП of a person, the ЄДРПОУ code of an
 * organisation), one implementation for every module that takes them: the ЦНАП CRM's applicants
 * and verification, OKS's violators.
 *
 * <p>Semantically versioned (docs/api-versioning.md).
 */
@Export
@Version("1.0.0")
package ua.hromada.portal.api.identity;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
