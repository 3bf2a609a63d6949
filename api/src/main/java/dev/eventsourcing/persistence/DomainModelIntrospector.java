package dev.eventsourcing.persistence;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.introspect.VisibilityChecker;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.jsontype.TypeResolverBuilder;
import com.fasterxml.jackson.databind.jsontype.impl.StdTypeResolverBuilder;
import dev.eventsourcing.domain.Aggregate;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Teaches Jackson two habits of domain models, so that they need no Jackson annotations.
 *
 * <p>Aggregates are read and written by their fields, of every visibility, and by nothing else:
 * an aggregate's state is its fields (see {@link Aggregate}), while its methods are commands and
 * queries that must not be mistaken for properties.
 *
 * <p>Values declared as a sealed type (e.g. {@code private Status status} where
 * {@code sealed interface Status permits Active, Frozen}) carry their subtype's name in an
 * {@code "@type"} property, so that they can be read back. Only the permitted subtypes can be
 * named, which keeps reading safe. Explicit {@code @JsonTypeInfo}/{@code @JsonSubTypes} win.
 */
final class DomainModelIntrospector extends JacksonAnnotationIntrospector {
    private static final long serialVersionUID = 1L;
    private static final JsonTypeInfo.Value SEALED_TYPE_INFO =
            JsonTypeInfo.Value.construct(JsonTypeInfo.Id.NAME, JsonTypeInfo.As.PROPERTY, "@type", null, false, true);

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

    @Override
    public TypeResolverBuilder<?> findTypeResolver(MapperConfig<?> config, AnnotatedClass ac, JavaType baseType) {
        TypeResolverBuilder<?> declared = super.findTypeResolver(config, ac, baseType);
        if (declared != null || !ac.getRawType().isSealed()) {
            return declared;
        }
        return new StdTypeResolverBuilder(SEALED_TYPE_INFO);
    }

    @Override
    public List<NamedType> findSubtypes(Annotated a) {
        List<NamedType> declared = super.findSubtypes(a);
        if (declared != null || !(a instanceof AnnotatedClass ac) || !ac.getRawType().isSealed()) {
            return declared;
        }
        // Jackson asks again for each subtype, so sealed subtypes of sealed types are covered too.
        List<NamedType> permitted = new ArrayList<>();
        for (Class<?> subtype : ac.getRawType().getPermittedSubclasses()) {
            permitted.add(new NamedType(subtype));
        }
        return permitted;
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
