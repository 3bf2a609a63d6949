package dev.eventsourcing.system;

import dev.eventsourcing.application.Application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A system of applications: which application follows which, defined once and run by any
 * {@link Runner}. (The reference library calls this a "System"; the Java name avoids hiding
 * {@code java.lang.System}.)
 *
 * <p>A pipe lists applications where each follows the one before it:
 * {@code pipe(Transfers.class, Accounts.class, Transfers.class)} makes Accounts follow
 * Transfers and Transfers follow Accounts. Pipes may form cycles and an application may have
 * several leaders. Every follower must be a {@link ProcessApplication}; a leader may be any
 * application.
 */
public final class ApplicationSystem {

    private final Map<Class<? extends Application>, Set<Class<? extends Application>>> leadersByFollower;
    private final List<Class<? extends Application>> order;

    private ApplicationSystem(Builder builder) {
        Map<Class<? extends Application>, Set<Class<? extends Application>>> copy = new LinkedHashMap<>();
        builder.leadersByFollower.forEach((follower, leaders) -> copy.put(follower, Set.copyOf(leaders)));
        this.leadersByFollower = Map.copyOf(copy);
        this.order = List.copyOf(builder.applications);
    }

    /** Starts defining a system. */
    public static Builder builder() {
        return new Builder();
    }

    /** A system of the given pipes. */
    @SafeVarargs
    public static ApplicationSystem of(List<Class<? extends Application>>... pipes) {
        Builder builder = builder();
        for (List<Class<? extends Application>> pipe : pipes) {
            builder.pipe(pipe);
        }
        return builder.build();
    }

    /** Every application of the system, in the order the pipes first named them. */
    public List<Class<? extends Application>> applications() {
        return order;
    }

    /** The applications that {@code follower} follows; empty for one that follows nobody. */
    public Set<Class<? extends Application>> leadersOf(Class<? extends Application> follower) {
        return leadersByFollower.getOrDefault(follower, Set.of());
    }

    /** The applications that follow {@code leader}. */
    public List<Class<? extends Application>> followersOf(Class<? extends Application> leader) {
        List<Class<? extends Application>> followers = new ArrayList<>();
        for (Class<? extends Application> candidate : order) {
            if (leadersOf(candidate).contains(leader)) {
                followers.add(candidate);
            }
        }
        return followers;
    }

    /** Whether the class is part of this system. */
    public boolean contains(Class<? extends Application> type) {
        return order.contains(type);
    }

    /** Defines a system pipe by pipe. */
    public static final class Builder {
        private final Set<Class<? extends Application>> applications = new LinkedHashSet<>();
        private final Map<Class<? extends Application>, Set<Class<? extends Application>>> leadersByFollower =
                new LinkedHashMap<>();

        private Builder() {
        }

        /** Adds an application that follows nobody and may be followed later. */
        public Builder add(Class<? extends Application> type) {
            applications.add(Objects.requireNonNull(type, "type"));
            return this;
        }

        /** Adds a pipe: each application follows the one before it. */
        @SafeVarargs
        public final Builder pipe(Class<? extends Application>... pipe) {
            return pipe(List.of(pipe));
        }

        /** Adds a pipe: each application follows the one before it. */
        public Builder pipe(List<Class<? extends Application>> pipe) {
            if (pipe.isEmpty()) {
                throw new IllegalArgumentException("A pipe needs at least one application");
            }
            for (int i = 0; i < pipe.size(); i++) {
                add(pipe.get(i));
                if (i > 0) {
                    follows(pipe.get(i), pipe.get(i - 1));
                }
            }
            return this;
        }

        private void follows(Class<? extends Application> follower, Class<? extends Application> leader) {
            if (!ProcessApplication.class.isAssignableFrom(follower)) {
                throw new IllegalArgumentException(follower.getName() + " follows " + leader.getName()
                        + " but is not a ProcessApplication");
            }
            if (follower == leader) {
                throw new IllegalArgumentException(follower.getName() + " cannot follow itself");
            }
            leadersByFollower.computeIfAbsent(follower, f -> new LinkedHashSet<>()).add(leader);
        }

        /** The system defined so far. */
        public ApplicationSystem build() {
            if (applications.isEmpty()) {
                throw new IllegalStateException("A system needs at least one application");
            }
            return new ApplicationSystem(this);
        }
    }
}
