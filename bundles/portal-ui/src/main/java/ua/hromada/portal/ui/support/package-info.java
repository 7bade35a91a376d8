/**
 * Vaadin helpers shared by module views (texts, edit conflicts, confirmations, the job runner;
 * 2.1.0 added Confirmation, UiSupport.success, error and download).
 *
 * <p>Semantically versioned (docs/api-versioning.md): the build compares this package with its
 * baseline and fails when a change needs a higher version than the one below.
 */
@Export
@Version("2.1.0")
package ua.hromada.portal.ui.support;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
