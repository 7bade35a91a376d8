package ua.hromada.eservices.ui.catalogue;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.server.streams.DownloadHandler;

import ua.hromada.eservices.api.CatalogueTransfer;
import ua.hromada.eservices.api.TransferFormat;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.ui.support.UiSupport;

/** The editor's download links of the whole catalogue as CSV or XLSX, the file written when asked. */
final class CatalogueExport {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogueExport.class);

    private CatalogueExport() {
    }

    static Anchor link(Component owner, CatalogueTransfer transfer, PortalUser user, PortalSettings settings,
            TransferFormat format) {
        DownloadHandler handler = UiSupport.download(() -> "e-services-" + settings.today() + "." + format.extension(),
                format.mediaType(), LOG, "Export of the e-services catalogue failed",
                out -> out.write(transfer.export(user, format)));
        Anchor a = new Anchor(handler, AttachmentType.DOWNLOAD, "");
        a.add(VaadinIcon.DOWNLOAD.create());
        a.add(owner.getTranslation("eservices.ui.catalogue.export." + format.name()));
        a.setId("eservices-catalogue-export-" + format.name().toLowerCase(Locale.ROOT));
        return a;
    }
}
