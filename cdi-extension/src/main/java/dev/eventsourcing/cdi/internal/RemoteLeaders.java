package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.RemoteNotificationLog;
import dev.eventsourcing.system.ProcessApplication;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Process applications that follow a leader in another deployment, read over HTTP: the setting
 * {@code <Follower>.follow.<Leader>.url} (config key {@code eventsourcing.<Follower>.follow.<Leader>.url})
 * makes the process application named {@code Follower} follow the notification log at that URL
 * under the name {@code Leader}, which keys its tracking position. The leader's events are
 * decoded with the follower's mapper, so both must agree on compression and cipher. Nothing
 * prompts these followers: the dispatcher's polling reads the remote log, so dispatch must be
 * asynchronous.
 */
final class RemoteLeaders {

    static final String FOLLOW = ".follow.";
    static final String URL = ".url";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private RemoteLeaders() {
    }

    /**
     * Makes each configured follower follow its remote leaders.
     *
     * @param keys every setting key present (without the {@code eventsourcing.} prefix)
     * @return a worker per follower and remote leader
     * @throws ConfigurationException naming the key when it names no process application of the
     *         deployment, or its value is no http(s) URL
     */
    static List<Worker> follow(Map<String, Application> applicationsByName, Set<String> keys, Settings settings,
                               Options options) {
        List<Worker> workers = new ArrayList<>();
        for (String key : new TreeSet<>(keys)) {
            int follow = key.indexOf(FOLLOW);
            if (follow < 1 || !key.endsWith(URL) || key.length() <= follow + FOLLOW.length() + URL.length()) {
                continue;
            }
            String followerName = key.substring(0, follow);
            String leaderName = key.substring(follow + FOLLOW.length(), key.length() - URL.length());
            if (!(applicationsByName.get(followerName) instanceof ProcessApplication follower)) {
                throw new ConfigurationException("Setting '" + ConfigSettings.PREFIX + key + "' names '" + followerName
                        + "', which is no process application of the deployment; process applications: "
                        + applicationsByName.values().stream().filter(ProcessApplication.class::isInstance)
                        .map(Application::name).toList());
            }
            if (follower.leaderNames().contains(leaderName)) {
                throw new ConfigurationException("Setting '" + ConfigSettings.PREFIX + key + "' makes " + followerName
                        + " follow '" + leaderName + "', which it follows in the deployment's application system already");
            }
            if (options.synchronous()) {
                throw new ConfigurationException("Setting '" + ConfigSettings.PREFIX + key + "' needs asynchronous dispatch,"
                        + " which polls the remote log: set '" + ConfigSettings.PREFIX + Options.DISPATCH + "=async'");
            }
            URI url = url(key, settings.get(key).orElse(""));
            follower.follow(leaderName, new RemoteNotificationLog(url, options.batchSize(), REQUEST_TIMEOUT), follower.mapper());
            workers.add(new FollowerWorker(follower, leaderName, options));
        }
        return workers;
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
}
