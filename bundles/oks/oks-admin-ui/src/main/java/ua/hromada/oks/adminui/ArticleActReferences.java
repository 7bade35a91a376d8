package ua.hromada.oks.adminui;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.oks.adminui.documents.ArticlesView;
import ua.hromada.oks.api.DocumentRegister;
import ua.hromada.oks.api.OksPermissions;
import ua.hromada.portal.api.legal.LegalActReferences;

/** The legal articles of OKS that name an act, for the act's page of document search. */
@Component(service = LegalActReferences.class)
public class ArticleActReferences implements LegalActReferences {

    @Reference
    private DocumentRegister register;

    @Override
    public String titleKey() {
        return "oks.adminui.articles.references";
    }

    @Override
    public String requiredPermission() {
        return OksPermissions.ADMINISTER;
    }

    @Override
    public List<LegalActReference> referencesTo(long actId) {
        return register.articlesCiting(actId).stream()
                .map(a -> new LegalActReference(a.citation(), ArticlesView.ROUTE)).toList();
    }
}
