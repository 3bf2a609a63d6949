package dev.eventsourcing.system;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;
import dev.eventsourcing.application.HttpCredentials;
import dev.eventsourcing.application.RedactedUrl;
import dev.eventsourcing.application.RemoteNotificationLog;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads the settings of one followed remote log (see {@link RemoteLeaders} for the keys) into a
 * {@link RemoteNotificationLog}. Messages name keys, never the values of credential keys, and
 * show URLs {@linkplain RedactedUrl redacted}.
 */
final class RemoteLogConfiguration {

    private final RemoteLeaders.FollowKey follow;
    private final Settings settings;

    RemoteLogConfiguration(RemoteLeaders.FollowKey follow, Settings settings) {
        this.follow = follow;
        this.settings = settings;
    }

    /** The log's URL, checked. */
    URI url() {
        String value = settings.get(follow.key()).orElse("");
        String problem;
        try {
            URI url = new URI(value.trim());
            if (url.getRawUserInfo() != null) {
                throw new ConfigurationException("Setting '" + follow.key() + "' holds user information ('"
                        + RedactedUrl.of(url) + "'); set '" + follow.sibling(RemoteLeaders.USERNAME) + "' and '"
                        + follow.sibling(RemoteLeaders.PASSWORD) + "' instead");
            }
            if (url.isAbsolute() && ("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
                    && url.getHost() != null) {
                return url;
            }
            problem = "is no absolute http(s) URL with a host";
        } catch (URISyntaxException e) {
            problem = "is no URL (" + e.getReason() + " at index " + e.getIndex() + ")";
        }
        throw new ConfigurationException("Setting '" + follow.key() + "' must be the http(s) URL of a notification"
                + " log, was '" + RedactedUrl.of(value) + "', which " + problem);
    }

    /**
     * The credentials the keys give, if any.
     *
     * @throws ConfigurationException naming the keys when only half of HTTP Basic is set, when
     *         both HTTP Basic and a bearer token are, or when a value is not usable
     */
    Optional<HttpCredentials> credentials() {
        String userKey = follow.sibling(RemoteLeaders.USERNAME);
        String passwordKey = follow.sibling(RemoteLeaders.PASSWORD);
        String tokenKey = follow.sibling(RemoteLeaders.BEARER_TOKEN);
        Optional<String> user = settings.get(userKey);
        Optional<String> password = settings.get(passwordKey);
        Optional<String> token = settings.get(tokenKey);
        if (user.isPresent() != password.isPresent()) {
            throw new ConfigurationException("Setting '" + (user.isPresent() ? userKey : passwordKey) + "' needs '"
                    + (user.isPresent() ? passwordKey : userKey) + "' as well");
        }
        if (user.isPresent() && token.isPresent()) {
            throw new ConfigurationException("Settings '" + userKey + "' and '" + tokenKey + "' are both set; a"
                    + " remote log takes HTTP Basic or a bearer token, not both");
        }
        try {
            if (token.isPresent()) {
                return Optional.of(HttpCredentials.bearer(token.get().trim()));
            }
            return user.map(name -> HttpCredentials.basic(name.trim(), password.orElseThrow()));
        } catch (IllegalArgumentException e) {
            // The message of HttpCredentials names no value.
            throw new ConfigurationException("The credentials of '" + follow.key() + "' are not usable: " + e.getMessage());
        }
    }

    /** The log, read in sections of {@code sectionSize}, with the follower's timeout and size cap. */
    RemoteNotificationLog log(int sectionSize) {
        Settings follower = settings.scoped(follow.follower());
        long timeout = positive(follower, RemoteLeaders.REQUEST_TIMEOUT, RemoteNotificationLog.DEFAULT_TIMEOUT.toMillis());
        long maxBytes = positive(follower, RemoteLeaders.MAX_SECTION_BYTES, RemoteNotificationLog.DEFAULT_MAX_SECTION_BYTES);
        return RemoteNotificationLog.builder(url()).sectionSize(sectionSize).timeout(Duration.ofMillis(timeout))
                .maxSectionBytes(maxBytes).credentials(credentials().orElse(null)).build();
    }

    private static long positive(Settings settings, String key, long defaultValue) {
        Optional<String> raw = settings.get(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(raw.get().trim());
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the key
        }
        throw new ConfigurationException("Setting '" + key + "' must be a positive whole number, was '" + raw.get() + "'");
    }
}
