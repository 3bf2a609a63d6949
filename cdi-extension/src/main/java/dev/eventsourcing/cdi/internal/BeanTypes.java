package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.Repository;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** The bean types of the synthetic beans the extension adds (applications and repositories), and the raw classes of types. */
public final class BeanTypes {

    private BeanTypes() {
    }

    /**
     * The bean types of an application class: itself, Object, and when it is the deployment's
     * only application also its superclasses up to {@link Application}, so that
     * {@code @Inject Application} finds it.
     */
    public static Set<Type> ofApplication(Class<?> applicationClass, boolean only) {
        Set<Type> types = new LinkedHashSet<>();
        types.add(applicationClass);
        for (Class<?> c = applicationClass.getSuperclass(); only && c != Object.class; c = c.getSuperclass()) {
            types.add(c);
        }
        types.add(Object.class);
        return types;
    }

    /** The type {@code Repository<A>}. */
    public static Type repository(Class<?> aggregate) {
        return new RepositoryType(aggregate);
    }

    /** The class of a type, or of a parameterised type; {@code null} for other types (variables, wildcards). */
    static Class<?> rawType(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    /** {@code Repository<A>} of one aggregate class. */
    private record RepositoryType(Class<?> aggregate) implements ParameterizedType {

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
}
