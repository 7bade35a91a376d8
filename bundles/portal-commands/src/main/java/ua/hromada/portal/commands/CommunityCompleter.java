package ua.hromada.portal.commands;

import java.util.stream.Stream;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.community.Community;

/** Completes portal:user-add's --community from the communities the portal serves. */
@Service
public class CommunityCompleter extends ValuesCompleter {

    @Reference(optional = true)
    Communities communities;

    @Override
    Stream<String> values(String typed) {
        return communities == null ? Stream.empty() : communities.all().stream().map(Community::id);
    }
}
