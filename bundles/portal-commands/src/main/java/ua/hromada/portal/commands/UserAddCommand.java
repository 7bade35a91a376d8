package ua.hromada.portal.commands;

import java.util.HashSet;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.security.UserAccounts;

/**
 * {@code portal:user-add [--community id] [--role r]... <username>}: a new account, a member of the
 * community named (the default one when none is) with the roles given there. One community: the
 * roles are that community's; further memberships are the regional administrator's users page.
 */
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

    @Option(name = "-c", aliases = "--community",
            description = "Community the user is a member of, with the roles given (default: the default community)")
    @Completion(CommunityCompleter.class)
    String community;

    // optional: without --community the command works as before regional hosting
    @Reference(optional = true)
    Communities communities;

    @Override
    String refusal(Texts texts) {
        if (community == null) {
            return null;
        }
        if (communities == null) {
            return texts.get("cmd.communities.missing");
        }
        return communities.find(community).isPresent() ? null : texts.get("cmd.user.unknownCommunity", community);
    }

    @Override
    String run(Texts texts, char[] newPassword, String actor) {
        // the account service makes the new user a member of the community bound to the work
        String in = community == null ? Communities.DEFAULT : community;
        UserAccounts.UserAccount created = community == null ? create(newPassword, actor)
                : communities.callAs(community, () -> create(newPassword, actor));
        return texts.get("cmd.user.created", created.username(), String.join(", ", created.roles()), in);
    }

    private UserAccounts.UserAccount create(char[] newPassword, String actor) {
        return accounts.create(username, displayName, email, newPassword,
                roles == null ? new HashSet<>() : new HashSet<>(roles), actor);
    }
}
