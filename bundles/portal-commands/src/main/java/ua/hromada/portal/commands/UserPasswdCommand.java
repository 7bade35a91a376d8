package ua.hromada.portal.commands;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "portal", name = "user-passwd", description = "Sets a portal user's password (asks for it)")
public class UserPasswdCommand extends AccountCommand {

    @Argument(index = 0, name = "username", required = true)
    @Completion(UsernameCompleter.class)
    String username;

    @Option(name = "--unlock", description = "Also clear a sign-in lockout")
    boolean unlock;

    @Override
    String run(Texts texts, char[] newPassword, String actor) {
        accounts.changePassword(username, newPassword, actor);
        if (unlock) {
            accounts.unlock(username, actor);
        }
        return texts.get("cmd.user.passwordChanged", username);
    }
}
