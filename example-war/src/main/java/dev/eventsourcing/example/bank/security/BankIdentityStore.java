package dev.eventsourcing.example.bank.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.eclipse.microprofile.config.Config;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The bank's users, as {@link UserSettings} configures them, for Jakarta Security's HTTP Basic
 * authentication ({@link BasicAuthentication}): a caller whose password matches the user's hash
 * (verified by the container's {@link Pbkdf2PasswordHash}) gets the user's roles as its groups,
 * which the servers map to the roles of the same name. Which role may call what is said in
 * {@code WEB-INF/web.xml}.
 *
 * <p>The settings are read, and checked, when the application starts: a malformed one fails
 * the deployment with a message naming the key; none at all leaves the API refusing every
 * request, and says so in the log.
 */
@ApplicationScoped
public class BankIdentityStore implements IdentityStore {

    /** The {@code WWW-Authenticate} header of a 401: HTTP Basic, in the realm "bank", with UTF-8 credentials. */
    public static final String CHALLENGE = "Basic realm=\"bank\", charset=\"UTF-8\"";

    private static final Logger LOG = Logger.getLogger(BankIdentityStore.class.getName());

    @Inject
    Config config;

    @Inject
    Pbkdf2PasswordHash hashes;

    private UserDirectory users;

    @PostConstruct
    void readUsers() {
        users = new UserDirectory(UserSettings.read(key -> config.getOptionalValue(key, String.class)), hashes::verify);
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        LOG.log(users.isEmpty() ? Level.WARNING : Level.INFO, users.startUpMessage());
    }

    /** Validates a user name and password; any other credential is not this store's to judge. */
    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        return users.validate(credential);
    }
}
