package ua.hromada.docsearch.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.legal.LegalActReferences;
import ua.hromada.portal.api.legal.LegalActReferences.LegalActReference;

/** The act page's «Посилаються на цей акт»: the groups a user may see, without a module that failed. */
class ActReferencesTest {

    private static LegalActReferences provider(String titleKey, String permission, List<LegalActReference> found) {
        return new LegalActReferences() {
            @Override
            public String titleKey() {
                return titleKey;
            }

            @Override
            public String requiredPermission() {
                return permission;
            }

            @Override
            public List<LegalActReference> referencesTo(long actId) {
                if (found == null) {
                    throw new IllegalStateException("the module's database is down");
                }
                return actId == 7 ? found : List.of();
            }
        };
    }

    private static PortalUser user(String... permissions) {
        return new PortalUser(1, "olena", "Олена", Set.of(), Set.of(permissions));
    }

    private final LegalActReference card = new LegalActReference("ZV-01 — Надання дозволу", "tsnap/kartky/3");
    private final LegalActReference article = new LegalActReference("ст. 152 КУпАП", "oks/admin/articles");
    private final ActReferences references = new ActReferences(() -> List.of(
            provider("oks.refs", "oks.admin", List.of(article)),
            provider("crm.refs", "crm.head|crm.administrator", List.of(card)),
            provider("broken.refs", null, null),
            provider("empty.refs", null, List.of())));

    @Test
    void onlyTheGroupsTheUserMaySeeWithSomethingInThem() {
        assertEquals(List.of(new ActReferences.Group("crm.refs", List.of(card))),
                references.to(7, user("crm.administrator")));
        assertEquals(List.of(new ActReferences.Group("crm.refs", List.of(card)),
                new ActReferences.Group("oks.refs", List.of(article))), references.to(7, user(PortalUser.ADMIN_PERMISSION)));
        assertEquals(List.of(), references.to(8, user(PortalUser.ADMIN_PERMISSION)));
        assertEquals(List.of(), references.to(7, null));
    }
}
