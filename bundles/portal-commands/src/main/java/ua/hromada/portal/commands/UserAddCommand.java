package ua.hromada.portal.commands;

import java.util.HashSet;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import ua.hromada.portal.api.security.UserAccounts;

@Service
@Command(scope = "portal", name = "user-add", description = "Creates a portal user (asks for the password)")
public class UserAddCommand extends AccountCommand {

    @Argument(index = 0, name = "username", required = true, description = "3-64 characters: a-z 0-9 . _ -")
    String username;

    @Option(name = "--name", description = "Display name (default: the username)")
    String displayName;

    @Option(name = "--email", description = "E-mail address")
    String email;

    @Option(name = "--role", multiValued = true, description = "Role to grant; repeat for several")
    @Completion(RoleCompleter.class)
    List<String> roles;

    @Override
    String run(Texts texts, char[] newPassword, String actor) {
        UserAccounts.UserAccount created = accounts.create(username, displayName, email, newPassword,
                roles == null ? new HashSet<>() : new HashSet<>(roles), actor);
        return texts.get("cmd.user.created", created.username(), String.join(", ", created.roles()));
    }
}
