package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.RemoteNotificationLog;
import dev.eventsourcing.persistence.Mapper;
import dev.eventsourcing.system.ProcessApplication;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Process applications and projections that follow a leader in another deployment, read over
 * HTTP: the setting {@code <Follower>.follow.<Leader>.url} (config key
 * {@code eventsourcing.<Follower>.follow.<Leader>.url}) makes the process application or the
 * projection named {@code Follower} follow the notification log at that URL under the name
 * {@code Leader}, which keys its tracking position. Nothing prompts these followers: the
 * dispatcher's polling reads the remote log, so dispatch must be asynchronous.
 *
 * <p>Both sides must agree on compression and cipher. A process application decodes the
 * leader's events with its own mapper; a projection with a mapper made from the deployment's
 * settings as an application named {@code Leader} would read them
 * ({@code eventsourcing.<Leader>.cipher.key}, else {@code eventsourcing.cipher.key}; the same for
 * the compressor), which mirrors how the leader's own deployment configures it.
 */
final class RemoteLeaders {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private RemoteLeaders() {
    }

    /**
     * Makes each configured follower follow its remote leaders.
     *
     * @param applicationsByName the deployment's applications
     * @param projections        for each projection's name, how to make its worker for a log
     * @param keys               every setting key present (without the {@code eventsourcing.} prefix)
     * @return a worker per follower and remote leader
     * @throws ConfigurationException naming the key and its value when the key names neither a
     *         process application nor a projection of the deployment (or both), when the leader
     *         has the name of an application of the deployment, when the value is no http(s)
     *         URL, or when dispatch is synchronous
     */
    static List<Worker> follow(Map<String, Application> applicationsByName,
                               Map<String, Function<FollowedLog, Worker>> projections, Set<String> keys,
                               Settings settings, Options options) {
        List<Worker> workers = new ArrayList<>();
        for (String key : new TreeSet<>(keys)) {
            Optional<FollowKey> parsed = FollowKey.parse(key);
            if (parsed.isEmpty()) {
                continue;
            }
            FollowKey follow = parsed.get();
            String value = settings.get(key).orElse("");
            Application application = applicationsByName.get(follow.follower());
            Function<FollowedLog, Worker> projection = projections.get(follow.follower());
            check(follow, value, application, projection, applicationsByName, projections, options);
            RemoteNotificationLog log = new RemoteNotificationLog(url(key, value), options.batchSize(), REQUEST_TIMEOUT);
            if (application instanceof ProcessApplication follower) {
                follower.follow(follow.leader(), log, follower.mapper());
                workers.add(new FollowerWorker(follower, follow.leader(), options));
            } else {
                Mapper mapper = Mapper.builder(settings.scoped(follow.leader())).build();
                workers.add(projection.apply(FollowedLog.remote(follow.leader(), log, mapper)));
            }
        }
        return workers;
    }

    private static void check(FollowKey follow, String value, Application application,
                              Function<FollowedLog, Worker> projection, Map<String, Application> applicationsByName,
                              Map<String, Function<FollowedLog, Worker>> projections, Options options) {
        String setting = "Setting '" + ConfigSettings.PREFIX + follow.key() + "' (value '" + value + "')";
        boolean process = application instanceof ProcessApplication;
        if (!process && projection == null) {
            throw new ConfigurationException(setting + " names '" + follow.follower() + "', which is neither a process"
                    + " application nor a projection of the deployment; process applications: "
                    + applicationsByName.values().stream().filter(ProcessApplication.class::isInstance)
                    .map(Application::name).toList() + ", projections: " + new TreeSet<>(projections.keySet()));
        }
        if (process && projection != null) {
            throw new ConfigurationException(setting + " names '" + follow.follower() + "', which is both a process"
                    + " application and a projection of the deployment; rename the projection");
        }
        if (applicationsByName.containsKey(follow.leader())) {
            throw new ConfigurationException(setting + " names the remote log '" + follow.leader() + "', which is the"
                    + " name of an application of this deployment; the name keys tracking positions, so give the"
                    + " remote log another one");
        }
        if (options.synchronous()) {
            throw new ConfigurationException(setting + " needs asynchronous dispatch, which polls the remote log: set '"
                    + ConfigSettings.PREFIX + Options.DISPATCH + "=async'");
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
        throw new ConfigurationException("Setting '" + ConfigSettings.PREFIX + key
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
