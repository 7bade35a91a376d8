package ua.hromada.portal.community;

import java.io.IOException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import ua.hromada.portal.api.PortalHttp;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.community.CommunityScope;

/**
 * Every request of the portal's context runs bound to the community of its host name (unknown
 * names: the default community). Ranked above the shell's edge filter (1000), so the whole chain,
 * the edge's checks included, sees the community.
 */
@Component(service = Filter.class, property = "service.ranking:Integer=" + CommunityFilter.RANKING)
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardContextSelect(PortalHttp.CONTEXT_SELECT)
public class CommunityFilter implements Filter {

    static final int RANKING = 2000;

    private final Communities communities;

    @Activate
    public CommunityFilter(@Reference Communities communities) {
        this.communities = communities;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try (CommunityScope scope = communities.enter(communities.forHost(request.getServerName()).id())) {
            chain.doFilter(request, response);
        }
    }
}
