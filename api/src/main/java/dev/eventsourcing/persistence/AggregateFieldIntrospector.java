package dev.eventsourcing.persistence;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.introspect.VisibilityChecker;
import dev.eventsourcing.domain.Aggregate;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

/**
 * Makes Jackson read and write aggregates by their fields, of every visibility, and by nothing
 * else: an aggregate's state is its fields (see {@link Aggregate}), while its methods are
 * commands and queries that must not be mistaken for properties. Other types keep Jackson's
 * defaults.
 */
final class AggregateFieldIntrospector extends JacksonAnnotationIntrospector {
    private static final long serialVersionUID = 1L;

    @Override
    public VisibilityChecker<?> findAutoDetectVisibility(AnnotatedClass ac, VisibilityChecker<?> checker) {
        VisibilityChecker<?> found = super.findAutoDetectVisibility(ac, checker);
        if (!Aggregate.class.isAssignableFrom(ac.getRawType())) {
            return found;
        }
        requireDistinctFieldNames(ac.getRawType());
        return found.withVisibility(PropertyAccessor.ALL, Visibility.NONE)
                .withVisibility(PropertyAccessor.FIELD, Visibility.ANY);
    }

    /**
     * Jackson keeps only the subclass's field when two classes of a hierarchy declare fields of
     * the same name: a subclass field named {@code version} would silently replace the
     * aggregate's own version in snapshots. Refuse such classes instead.
     */
    private static void requireDistinctFieldNames(Class<?> type) {
        Map<String, Class<?>> declaredBy = new HashMap<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()) {
                    continue;
                }
                Class<?> other = declaredBy.putIfAbsent(field.getName(), c);
                if (other != null) {
                    throw new IllegalArgumentException("Aggregate " + type.getName() + " cannot be snapshotted: field '"
                            + field.getName() + "' is declared by both " + other.getName() + " and " + c.getName()
                            + "; rename one of them");
                }
            }
        }
    }
}
