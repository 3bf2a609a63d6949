package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.application.Repository;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Objects;

/** The type {@code Repository<A>} of one aggregate class, as a synthetic bean type. */
record RepositoryType(Class<?> aggregate) implements ParameterizedType {

    RepositoryType {
        Objects.requireNonNull(aggregate, "aggregate");
    }

    @Override
    public Type[] getActualTypeArguments() {
        return new Type[] {aggregate};
    }

    @Override
    public Type getRawType() {
        return Repository.class;
    }

    @Override
    public Type getOwnerType() {
        return null;
    }

    // The JDK's own ParameterizedType compares equal to any other with the same parts: so must this.
    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterizedType other && other.getRawType() == Repository.class
                && other.getOwnerType() == null && Arrays.equals(other.getActualTypeArguments(), getActualTypeArguments());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(getActualTypeArguments()) ^ Repository.class.hashCode();
    }

    @Override
    public String toString() {
        return Repository.class.getName() + "<" + aggregate.getName() + ">";
    }
}
