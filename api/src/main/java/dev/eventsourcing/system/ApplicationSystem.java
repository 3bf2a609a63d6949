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

    /** @return a new builder, with no application yet */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A system of the given pipes.
     *
     * @param pipes lists of applications, each following the one before it; at least one pipe
     * @return the system
     * @throws IllegalArgumentException when a pipe is empty, or a follower is not a
     *         {@link ProcessApplication} or follows itself
     * @throws IllegalStateException when no pipe is given
     */
    @SafeVarargs
    public static ApplicationSystem of(List<Class<? extends Application>>... pipes) {
        Builder builder = builder();
        for (List<Class<? extends Application>> pipe : pipes) {
            builder.pipe(pipe);
        }
        return builder.build();
    }

    /** @return every application of the system, in the order the pipes first named them */
    public List<Class<? extends Application>> applications() {
        return order;
    }

    /**
     * The leaders of an application.
     *
     * @param follower an application class, of the system or not
     * @return the applications that {@code follower} follows; empty for one that follows nobody
     */
    public Set<Class<? extends Application>> leadersOf(Class<? extends Application> follower) {
        return leadersByFollower.getOrDefault(follower, Set.of());
    }

    /**
     * The followers of an application.
     *
     * @param leader an application class, of the system or not
     * @return the applications that follow {@code leader}, in system order; empty when none does
     */
    public List<Class<? extends Application>> followersOf(Class<? extends Application> leader) {
        List<Class<? extends Application>> followers = new ArrayList<>();
        for (Class<? extends Application> candidate : order) {
            if (leadersOf(candidate).contains(leader)) {
                followers.add(candidate);
            }
        }
        return followers;
    }

    /**
     * Whether the class is part of this system.
     *
     * @param type an application class
     * @return true when a pipe or {@link Builder#add} named it
     */
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

        /**
         * Adds an application that follows nobody and may be followed later.
         *
         * @param type the application class; not null
         * @return this builder
         */
        public Builder add(Class<? extends Application> type) {
            applications.add(Objects.requireNonNull(type, "type"));
            return this;
        }

        /**
         * Adds a pipe: each application follows the one before it.
         *
         * @param pipe at least one application class; every one after the first a
         *             {@link ProcessApplication}
         * @return this builder
         * @throws IllegalArgumentException when the pipe is empty, or a follower is not a
         *         {@link ProcessApplication} or follows itself
         */
        @SafeVarargs
        public final Builder pipe(Class<? extends Application>... pipe) {
            return pipe(List.of(pipe));
        }

        /**
         * Adds a pipe: each application follows the one before it.
         *
         * @param pipe at least one application class; every one after the first a
         *             {@link ProcessApplication}
         * @return this builder
         * @throws IllegalArgumentException when the pipe is empty, or a follower is not a
         *         {@link ProcessApplication} or follows itself
         */
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

        /**
         * The system defined so far; the builder may go on to define a larger one.
         *
         * @return the system
         * @throws IllegalStateException when no application was added
         */
        public ApplicationSystem build() {
            if (applications.isEmpty()) {
                throw new IllegalStateException("A system needs at least one application");
            }
            return new ApplicationSystem(this);
        }
    }
}
