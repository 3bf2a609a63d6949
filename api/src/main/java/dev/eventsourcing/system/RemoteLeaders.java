package dev.eventsourcing.system;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.RemoteNotificationLog;
import dev.eventsourcing.persistence.Mapper;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
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
 * the compressor), which mirrors how the leader's own deployment configures it.
 */
public final class RemoteLeaders {

    /** The form of the keys that name a remote leader's log. */
    public static final String FOLLOW_KEY = "<Follower>.follow.<Leader>.url";

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private RemoteLeaders() {
    }

    /**
     * Makes each follower that a setting names follow its remote leader.
     *
     * @param applicationsByName the deployment's applications
     * @param projections        the names of the deployment's projections
     * @param keys               every setting key present (a container's, without its prefix)
     * @param synchronous        whether the runner is synchronous (then nothing would poll a remote log)
     * @throws ConfigurationException naming the key and its value when the key names neither a
     *         process application nor a projection of the deployment (or both), when the leader
     *         has the name of an application of the deployment, when the value is no http(s)
     *         URL, or when dispatch is synchronous
     */
    public static void follow(MultiThreadedRunner.Builder runner, Map<String, Application> applicationsByName,
                       Set<String> projections, Set<String> keys, Settings settings, boolean synchronous) {
        for (String key : new TreeSet<>(keys)) {
            Optional<FollowKey> parsed = FollowKey.parse(key);
            if (parsed.isEmpty()) {
                continue;
            }
            FollowKey follow = parsed.get();
            String value = settings.get(key).orElse("");
            Application application = applicationsByName.get(follow.follower());
            check(follow, value, application, projections, applicationsByName, synchronous);
            int pageSize = RunnerSettings.read(settings.scoped(follow.follower())).batchSize();
            RemoteNotificationLog log = new RemoteNotificationLog(url(key, value), pageSize, REQUEST_TIMEOUT);
            // Encrypted states are bound to the leader's name, which the follow key must give.
            Mapper mapper = application != null ? application.mapper().withApplicationName(follow.leader())
                    : Mapper.builder(settings.scoped(follow.leader())).applicationName(follow.leader()).build();
            runner.follow(follow.follower(), follow.leader(), log, mapper);
        }
    }

    private static void check(FollowKey follow, String value, Application application, Set<String> projections,
                              Map<String, Application> applicationsByName, boolean synchronous) {
        String setting = "Setting '" + follow.key() + "' (value '" + value + "')";
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

    private static URI url(String key, String value) {
        try {
            URI url = new URI(value.trim());
            if (url.isAbsolute() && ("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
                    && url.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below, with the key
        }
        throw new ConfigurationException("Setting '" + key
                + "' must be the http(s) URL of a notification log, was '" + value + "'");
    }

    /** A key {@code <follower>.follow.<leader>.url}, taken apart. */
    record FollowKey(String key, String follower, String leader) {

        private static final String FOLLOW = ".follow.";
        private static final String URL = ".url";

        /** The parts of a follow key; empty for any other key. */
        static Optional<FollowKey> parse(String key) {
            int follow = key.indexOf(FOLLOW);
            if (follow < 1 || !key.endsWith(URL) || key.length() <= follow + FOLLOW.length() + URL.length()) {
                return Optional.empty();
            }
            return Optional.of(new FollowKey(key, key.substring(0, follow),
                    key.substring(follow + FOLLOW.length(), key.length() - URL.length())));
        }
    }
}
