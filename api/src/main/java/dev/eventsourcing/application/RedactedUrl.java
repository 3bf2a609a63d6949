package dev.eventsourcing.application;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A URL as error messages and logs show it: without user information ({@code user:password@})
 * and without the query, either of which may carry a secret. Scheme, host, port and path stay,
 * which is enough to tell which server is meant.
 */
public final class RedactedUrl {

    private RedactedUrl() {
    }

    /**
     * A URL as it may be shown.
     *
     * @param url the URL; not null
     * @return the URL without user information and query ({@code ?…} marks a query left out)
     */
    public static String of(URI url) {
        StringBuilder shown = new StringBuilder();
        if (url.getScheme() != null) {
            shown.append(url.getScheme()).append(':');
        }
        if (url.getHost() != null) {
            shown.append("//").append(url.getHost());
            if (url.getPort() >= 0) {
                shown.append(':').append(url.getPort());
            }
        } else if (url.getRawAuthority() != null) {
            shown.append("//").append(hideUserInfo(url.getRawAuthority()));
        }
        if (url.getRawPath() != null) {
            shown.append(url.getRawPath());
        } else if (url.getRawSchemeSpecificPart() != null && url.getRawAuthority() == null) {
            shown.append(hideUserInfo(url.getRawSchemeSpecificPart()));
        }
        if (url.getRawQuery() != null) {
            shown.append("?…");
        }
        return shown.toString();
    }

    /**
     * A setting's value that should be a URL, shown safely: as {@link #of(URI)} when it is one,
     * else with everything up to its last {@code @} hidden and anything after a {@code ?} left
     * out, since a mistyped URL may still hold a password.
     *
     * @param value the setting's value as written; not null
     * @return the value safe to show in a message or a log
     */
    public static String of(String value) {
        try {
            return of(new URI(value.trim()));
        } catch (URISyntaxException e) {
            int query = value.indexOf('?');
            return hideUserInfo(query < 0 ? value : value.substring(0, query) + "?…");
        }
    }

    private static String hideUserInfo(String text) {
        int at = text.lastIndexOf('@');
        if (at < 0) {
            return text;
        }
        int scheme = text.indexOf("://");
        int from = scheme >= 0 && scheme < at ? scheme + 3 : 0;
        return text.substring(0, from) + "***" + text.substring(at);
    }
}
