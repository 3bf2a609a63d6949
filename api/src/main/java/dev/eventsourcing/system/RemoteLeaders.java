package dev.eventsourcing.system;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.RedactedUrl;
import dev.eventsourcing.application.RemoteNotificationLog;
import dev.eventsourcing.persistence.Mapper;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Process applications and projections that follow a leader in another deployment, read over
 * HTTP: the setting {@value #FOLLOW_KEY} (in a container's MicroProfile Config, prefixed
 * {@code eventsourcing.}) makes the process application or the
 * projection named {@code Follower} follow the notification log at that URL under the name
 * {@code Leader}, which keys its tracking position. Nothing prompts these followers: the
 * runner's polling reads the remote log, so dispatch must be asynchronous.
 *
 * <p>Both sides must agree on compression and cipher keys, and the leader's name in the key
 * must be the leader application's name, to which its encrypted states are bound (see
 * {@link dev.eventsourcing.persistence.CipherContext}). A process application decodes the
 * leader's events with its own mapper; a projection with a mapper made from the deployment's
 * settings as an application named {@code Leader} would read them
 * ({@code eventsourcing.<Leader>.cipher.key}, else {@code eventsourcing.cipher.key}; the same for
 * the compressor), which mirrors how the leader's own deployment configures it. That mapper
 * knows the deployment's domain classes, which the caller passes: a topic of any other class is
 * unknown, and its notification is parked.
 *
 * <table>
 * <caption>Settings of remote leaders</caption>
 * <tr><th>key</th><th>meaning</th><th>default</th></tr>
 * <tr><td>{@value #FOLLOW_KEY}</td><td>the http(s) URL of the leader's notification log; no
 *     {@code user:password@} in it</td><td>unset</td></tr>
 * <tr><td>{@value #USERNAME_KEY}, {@value #PASSWORD_KEY}</td><td>HTTP Basic credentials sent to
 *     that log (both or neither)</td><td>unset</td></tr>
 * <tr><td>{@value #BEARER_TOKEN_KEY}</td><td>a bearer token sent to that log instead</td>
 *     <td>unset</td></tr>
 * <tr><td>{@value #REQUEST_TIMEOUT}</td><td>milliseconds one request may take, headers and body
 *     together</td><td>30000</td></tr>
 * <tr><td>{@value #MAX_SECTION_BYTES}</td><td>the largest section body read, in bytes</td>
 *     <td>16777216 (16 MiB)</td></tr>
 * </table>
 * The last two apply to every remote log a follower reads, and may be prefixed with its name
 * ({@code Ledger.follow.request-timeout}). Credentials appear in no message and no
 * {@code toString}. A request that fails, or an answer that is not a valid section for its
 * request (see {@link dev.eventsourcing.application.SectionBounds}), leaves the follower's
 * position where it was; the runner tries again after its back-off ({@link RunnerSettings}).
 */
public final class RemoteLeaders {

    /** The form of the keys that name a remote leader's log. */
    public static final String FOLLOW_KEY = "<Follower>.follow.<Leader>.url";
    /** The form of the keys that give the user name of HTTP Basic credentials for a remote log. */
    public static final String USERNAME_KEY = "<Follower>.follow.<Leader>.username";
    /** The form of the keys that give the password of HTTP Basic credentials for a remote log. */
    public static final String PASSWORD_KEY = "<Follower>.follow.<Leader>.password";
    /** The form of the keys that give a bearer token for a remote log. */
    public static final String BEARER_TOKEN_KEY = "<Follower>.follow.<Leader>.bearer-token";
    /** Milliseconds one request to a remote log may take, from connecting to the body's end. */
    public static final String REQUEST_TIMEOUT = "follow.request-timeout";
    /** The largest body of a remote log's section that is read, in bytes. */
    public static final String MAX_SECTION_BYTES = "follow.max-section-bytes";

    static final String URL = "url";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String BEARER_TOKEN = "bearer-token";

    private RemoteLeaders() {
    }

    /**
     * Makes each follower that a setting names follow its remote leader.
     *
     * @param runner             the builder of the deployment's runner, told whom to follow
     * @param applicationsByName the deployment's applications
     * @param projections        the names of the deployment's projections
     * @param keys               every setting key present (a container's, without its prefix)
     * @param settings           where the values of those keys, and the request limits, are read
     * @param domainClasses      the aggregate and event classes of the deployment, declared on
     *                           each projection's mapper of a remote log
     * @param synchronous        whether the runner is synchronous (then nothing would poll a remote log)
     * @throws ConfigurationException naming the key and its value when the key names neither a
     *         process application nor a projection of the deployment (or both), when the leader
     *         has the name of an application of the deployment, when the value is no http(s)
     *         URL, or when dispatch is synchronous
     */
    public static void follow(MultiThreadedRunner.Builder runner, Map<String, Application> applicationsByName,
                       Set<String> projections, Set<String> keys, Settings settings,
                       Collection<? extends Class<?>> domainClasses, boolean synchronous) {
        for (String key : new TreeSet<>(keys)) {
            Optional<FollowKey> parsed = FollowKey.parse(key);
            if (parsed.isEmpty()) {
                continue;
            }
            FollowKey follow = parsed.get();
            if (!follow.setting().equals(URL)) {
                if (!keys.contains(follow.sibling(URL))) {
                    throw new ConfigurationException("Setting '" + key + "' has no '" + follow.sibling(URL)
                            + "' beside it, which names the log it is for");
                }
                continue;
            }
            RemoteLogConfiguration configuration = new RemoteLogConfiguration(follow, settings);
            Application application = applicationsByName.get(follow.follower());
            check(follow, RedactedUrl.of(configuration.url()), application, projections, applicationsByName, synchronous);
            int pageSize = RunnerSettings.read(settings.scoped(follow.follower())).batchSize();
            RemoteNotificationLog log = configuration.log(pageSize);
            // Encrypted states are bound to the leader's name, which the follow key must give.
            Mapper mapper = application != null ? application.mapper().withApplicationName(follow.leader())
                    : Mapper.builder(settings.scoped(follow.leader())).applicationName(follow.leader())
                    .declare(domainClasses).build();
            runner.follow(follow.follower(), follow.leader(), log, mapper);
        }
    }

    private static void check(FollowKey follow, String shownUrl, Application application, Set<String> projections,
                              Map<String, Application> applicationsByName, boolean synchronous) {
        String setting = "Setting '" + follow.key() + "' (value '" + shownUrl + "')";
        boolean process = application instanceof ProcessApplication;
        boolean projection = projections.contains(follow.follower());
        if (!process && !projection) {
            throw new ConfigurationException(setting + " names '" + follow.follower() + "', which is neither a process"
                    + " application nor a projection of the deployment; process applications: "
                    + applicationsByName.values().stream().filter(ProcessApplication.class::isInstance)
                    .map(Application::name).toList() + ", projections: " + new TreeSet<>(projections));
        }
        if (process && projection) {
            throw new ConfigurationException(setting + " names '" + follow.follower() + "', which is both a process"
                    + " application and a projection of the deployment; rename the projection");
        }
        if (applicationsByName.containsKey(follow.leader())) {
            throw new ConfigurationException(setting + " names the remote log '" + follow.leader() + "', which is the"
                    + " name of an application of this deployment; the name keys tracking positions, so give the"
                    + " remote log another one");
        }
        if (synchronous) {
            throw new ConfigurationException(setting + " needs asynchronous dispatch, which polls the remote log: set '"
                    + RunnerSettings.DISPATCH + "=async'");
        }
    }

    /** A key {@code <follower>.follow.<leader>.<setting>}, taken apart, for the settings of a remote log. */
    record FollowKey(String key, String follower, String leader, String setting) {

        private static final String FOLLOW = ".follow.";
        private static final List<String> SETTINGS = List.of(URL, USERNAME, PASSWORD, BEARER_TOKEN);

        /** The parts of a follow key; empty for any other key. */
        static Optional<FollowKey> parse(String key) {
            int follow = key.indexOf(FOLLOW);
            if (follow < 1) {
                return Optional.empty();
            }
            for (String setting : SETTINGS) {
                int leaderEnd = key.length() - setting.length() - 1;
                if (key.endsWith("." + setting) && leaderEnd > follow + FOLLOW.length()) {
                    return Optional.of(new FollowKey(key, key.substring(0, follow),
                            key.substring(follow + FOLLOW.length(), leaderEnd), setting));
                }
            }
            return Optional.empty();
        }

        /** The key of another setting of the same remote log. */
        String sibling(String other) {
            return follower + FOLLOW + leader + "." + other;
        }
    }
}
