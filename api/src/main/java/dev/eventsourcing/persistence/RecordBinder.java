package dev.eventsourcing.persistence;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializer;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.deser.std.UUIDDeserializer;
import com.fasterxml.jackson.databind.introspect.AnnotatedWithParams;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * Binds the JSON object of a plain record of scalars straight to its canonical constructor,
 * without Jackson's bean machinery, which costs more than the values it reads in a long replay.
 *
 * <p>It is made only for a record Jackson itself would bind the same way: no Jackson annotation
 * on the record or its members, no mix-in, Jackson's own deserializer chosen for the record and
 * its canonical constructor as creator, and for each component one of the scalar types below
 * with Jackson's standard deserializer and null handling. It then reads only input whose
 * outcome it knows to be Jackson's: every component once, under the name Jackson gives it, with
 * a value token Jackson's deserializer would read the same way (a string for a string, a
 * number for a {@code BigDecimal}, an integer for an {@code int} or {@code long}, a boolean
 * for a {@code boolean}, a UUID's canonical text for a {@code UUID}, null for a component of a
 * reference type). On anything else, an
 * unknown or repeated member, a missing one, another token, a value out of range or a
 * constructor that throws, {@link #read} returns {@link #UNBOUND} and the caller lets Jackson
 * read the state, which binds it or explains why not.
 */
final class RecordBinder {

    /** What {@link #read} returns when Jackson must read the state instead. */
    static final Object UNBOUND = new Object();

    // Marks a member read as null, which values[] cannot tell from one not read yet.
    static final Object NULL = new Object();

    /** The types of component a binder reads. */
    enum Kind { STRING, DECIMAL, INT, LONG, BOOLEAN, UUID }

    // The canonical constructor, taking the values as one array and returning Object.
    private final MethodHandle constructor;
    private final String[] names;
    private final Kind[] kinds;
    private final boolean[] nullable;

    private RecordBinder(MethodHandle constructor, String[] names, Kind[] kinds, boolean[] nullable) {
        this.constructor = constructor;
        this.names = names;
        this.kinds = kinds;
        this.nullable = nullable;
    }

    /**
     * The binder of {@code type} for states read by {@code json}, or {@code null} when Jackson
     * might bind some input of it differently (see the class comment).
     */
    static RecordBinder forType(JsonMapper json, Class<?> type) {
        if (!type.isRecord() || json.findMixInClassFor(type) != null || hasJacksonAnnotation(type)) {
            return null;
        }
        try {
            return resolve(json, type);
        } catch (IOException | ReflectiveOperationException | RuntimeException e) {
            return null; // Jackson cannot make a deserializer of it either: leave it to Jackson to say why
        }
    }

    private static RecordBinder resolve(JsonMapper json, Class<?> type) throws IOException, ReflectiveOperationException {
        DeserializationConfig config = json.getDeserializationConfig();
        JsonIgnoreProperties.Value ignorals = config.getDefaultPropertyIgnorals(type);
        if (config.getActiveView() != null
                || ignorals != null && !ignorals.findIgnoredForDeserialization().isEmpty()) {
            return null;
        }
        DefaultDeserializationContext context = ((DefaultDeserializationContext) json.getDeserializationContext())
                .createDummyInstance(config);
        JavaType javaType = json.constructType(type);
        JsonDeserializer<Object> deserializer = context.findRootValueDeserializer(javaType);
        if (deserializer.getClass() != BeanDeserializer.class) {
            return null;
        }
        BeanDeserializer bean = (BeanDeserializer) deserializer;
        ValueInstantiator instantiator = bean.getValueInstantiator();
        AnnotatedWithParams creator = instantiator.getWithArgsCreator();
        RecordComponent[] components = type.getRecordComponents();
        Constructor<?> canonical = type.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        if (bean.getObjectIdReader() != null || bean.hasViews() || creator == null
                || !canonical.equals(creator.getAnnotated()) || !instantiator.canCreateFromObjectWith()) {
            return null;
        }
        List<SettableBeanProperty> creatorProperties = new ArrayList<>();
        bean.creatorProperties().forEachRemaining(creatorProperties::add);
        if (creatorProperties.size() != components.length || hasOtherProperties(bean, creatorProperties)) {
            return null;
        }
        String[] names = new String[components.length];
        Kind[] kinds = new Kind[components.length];
        boolean[] nullable = new boolean[components.length];
        boolean nullsAllowed = !config.isEnabled(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES);
        for (SettableBeanProperty property : creatorProperties) {
            int index = property.getCreatorIndex();
            if (index < 0 || index >= components.length || names[index] != null
                    || property.getValueTypeDeserializer() != null || property.hasViews()) {
                return null;
            }
            Class<?> componentType = components[index].getType();
            Kind kind = kindOf(componentType, property.getValueDeserializer(), config);
            if (kind == null) {
                return null;
            }
            names[index] = property.getName();
            kinds[index] = kind;
            // A null is read as null only where Jackson's null for the component is its
            // deserializer's, which is null for these reference types.
            nullable[index] = nullsAllowed && !componentType.isPrimitive()
                    && property.getNullValueProvider() == property.getValueDeserializer()
                    && property.getValueDeserializer().getNullValue(context) == null;
        }
        if (!canonical.trySetAccessible()) {
            return null;
        }
        MethodHandle constructor = MethodHandles.lookup().unreflectConstructor(canonical)
                .asSpreader(Object[].class, components.length)
                .asType(MethodType.methodType(Object.class, Object[].class));
        return new RecordBinder(constructor, names, kinds, nullable);
    }

    private static boolean hasOtherProperties(BeanDeserializer bean, List<SettableBeanProperty> creatorProperties) {
        Iterator<SettableBeanProperty> properties = bean.properties();
        while (properties.hasNext()) {
            String name = properties.next().getName();
            if (creatorProperties.stream().noneMatch(p -> p.getName().equals(name))) {
                return true;
            }
        }
        return false;
    }

    private static Kind kindOf(Class<?> type, JsonDeserializer<?> deserializer, DeserializationConfig config) {
        Class<?> deserializerClass = deserializer == null ? null : deserializer.getClass();
        if (type == String.class && deserializerClass == StringDeserializer.class) {
            return Kind.STRING;
        }
        if (type == BigDecimal.class && deserializerClass == NumberDeserializers.BigDecimalDeserializer.class
                // An integer becomes a BigDecimal only as long as that coercion is left as it comes.
                && config.findCoercionAction(LogicalType.Float, BigDecimal.class, CoercionInputShape.Integer)
                        == CoercionAction.TryConvert) {
            return Kind.DECIMAL;
        }
        if ((type == int.class || type == Integer.class) && deserializerClass == NumberDeserializers.IntegerDeserializer.class) {
            return Kind.INT;
        }
        if ((type == long.class || type == Long.class) && deserializerClass == NumberDeserializers.LongDeserializer.class) {
            return Kind.LONG;
        }
        if ((type == boolean.class || type == Boolean.class) && deserializerClass == NumberDeserializers.BooleanDeserializer.class) {
            return Kind.BOOLEAN;
        }
        if (type == UUID.class && deserializerClass == UUIDDeserializer.class) {
            return Kind.UUID;
        }
        return null;
    }

    private static boolean hasJacksonAnnotation(Class<?> type) {
        if (isJackson(type.getAnnotations())) {
            return true;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            if (isJackson(component.getAnnotations()) || isJackson(component.getAccessor().getAnnotations())) {
                return true;
            }
        }
        List<AnnotatedElement> members = new ArrayList<>();
        members.addAll(List.of(type.getDeclaredFields()));
        members.addAll(List.of(type.getDeclaredMethods()));
        members.addAll(List.of(type.getDeclaredConstructors()));
        for (AnnotatedElement member : members) {
            if (isJackson(member.getAnnotations())) {
                return true;
            }
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            for (Annotation[] parameter : constructor.getParameterAnnotations()) {
                if (isJackson(parameter)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isJackson(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            String name = annotation.annotationType().getName();
            if (name.startsWith("com.fasterxml.jackson.") || name.equals("java.beans.ConstructorProperties")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads the object the parser stands at the start of, up to and including its end.
     *
     * @return the record, or {@link #UNBOUND} when Jackson must read the state instead (the
     *         parser is then left anywhere inside it)
     */
    Object read(JsonParser parser) {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            return UNBOUND;
        }
        Object[] values = new Object[names.length];
        int bound = 0;
        try {
            for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                int index = indexOf(name);
                if (index < 0 || values[index] != null) {
                    return UNBOUND;
                }
                Object value = value(kinds[index], parser.nextToken(), parser);
                if (value == null) {
                    if (!nullable[index] || parser.currentToken() != JsonToken.VALUE_NULL) {
                        return UNBOUND;
                    }
                    value = NULL;
                }
                values[index] = value;
                bound++;
            }
            if (bound != names.length || parser.currentToken() != JsonToken.END_OBJECT) {
                return UNBOUND;
            }
            return construct(values);
        } catch (IOException | RuntimeException e) {
            return UNBOUND;
        }
    }

    /**
     * The record of every component's value, {@link #NULL} standing for null.
     *
     * @return the record, or {@link #UNBOUND} when its constructor refuses the values (Jackson
     *         then reads the state and reports that)
     */
    Object construct(Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == NULL) {
                values[i] = null;
            }
        }
        try {
            return (Object) constructor.invokeExact(values);
        } catch (RuntimeException e) {
            return UNBOUND;
        } catch (Error e) {
            throw e;
        } catch (Throwable e) {
            return UNBOUND; // a canonical constructor declares no checked exception: not reached
        }
    }

    /** @return how many components the record has */
    int size() {
        return names.length;
    }

    /** @return the name of component {@code i} in JSON */
    String name(int i) {
        return names[i];
    }

    /** @return the type of component {@code i} */
    Kind kind(int i) {
        return kinds[i];
    }

    /** @return whether component {@code i} may be read as null */
    boolean nullable(int i) {
        return nullable[i];
    }

    private int indexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The UUID of its canonical text (8-4-4-4-12 hexadecimal digits, either case), which Jackson
     * reads as {@code UUID.fromString} does; null for any other text, which Jackson may read
     * otherwise (Base64, say) or refuse.
     */
    static UUID uuid(String text) {
        if (text.length() != 36) {
            return null;
        }
        long most = 0;
        long least = 0;
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return null;
                }
                continue;
            }
            int digit = Character.digit(c, 16);
            if (digit < 0 || c > 'f') {
                return null; // not an ASCII hexadecimal digit
            }
            if (i < 18) {
                most = most << 4 | digit;
            } else {
                least = least << 4 | digit;
            }
        }
        return new UUID(most, least);
    }

    /** The value of a member, or null for a null token or one Jackson must read. */
    private static Object value(Kind kind, JsonToken token, JsonParser parser) throws IOException {
        switch (kind) {
            case STRING:
                return token == JsonToken.VALUE_STRING ? parser.getText() : null;
            case DECIMAL:
                return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT
                        ? parser.getDecimalValue() : null;
            case INT:
                return token == JsonToken.VALUE_NUMBER_INT ? (Object) parser.getIntValue() : null;
            case LONG:
                return token == JsonToken.VALUE_NUMBER_INT ? (Object) parser.getLongValue() : null;
            case BOOLEAN:
                return token == JsonToken.VALUE_TRUE ? Boolean.TRUE : token == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
            case UUID:
                return token == JsonToken.VALUE_STRING ? uuid(parser.getText()) : null;
            default:
                throw new IllegalStateException(kind.name());
        }
    }
}
