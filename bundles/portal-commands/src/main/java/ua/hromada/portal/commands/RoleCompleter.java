package ua.hromada.portal.commands;

import java.util.stream.Stream;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import ua.hromada.portal.api.security.Roles;

/** Completes portal:user-add's --role from the roles the portal knows. */
@Service
public class RoleCompleter extends ValuesCompleter {

    @Reference(optional = true)
    Roles roles;

    @Override
    Stream<String> values(String typed) {
        return roles == null ? Stream.empty() : roles.list().stream().map(r -> r.name());
    }
}
