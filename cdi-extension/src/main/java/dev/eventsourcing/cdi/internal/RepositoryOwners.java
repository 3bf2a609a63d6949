package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.Repository;
import dev.eventsourcing.domain.Aggregate;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which application an injected {@code Repository<A>} comes from. With one application in the
 * deployment, that one. With several, the application that declares {@code A}: the one whose
 * class (or a superclass below {@link Application}) has a method returning {@code Repository<A>},
 * such as {@code public Repository<Account> accounts()}. No such application, or several, is a
 * deployment problem for each injection point of that repository.
 */
final class RepositoryOwners {

    private RepositoryOwners() {
    }

    /** The owner of each aggregate class that has exactly one. */
    static Map<Class<? extends Aggregate>, ApplicationSpec> of(List<Class<? extends Aggregate>> aggregates,
                                                                List<ApplicationSpec> applications) {
        Map<Class<? extends Aggregate>, ApplicationSpec> owners = new LinkedHashMap<>();
        for (Class<? extends Aggregate> aggregate : aggregates) {
            List<ApplicationSpec> candidates = candidates(aggregate, applications);
            if (candidates.size() == 1) {
                owners.put(aggregate, candidates.get(0));
            }
        }
        return owners;
    }

    /** The applications that may serve {@code Repository<A>}: all of a single one, else those declaring it. */
    static List<ApplicationSpec> candidates(Class<?> aggregate, List<ApplicationSpec> applications) {
        if (applications.size() == 1) {
            return applications;
        }
        return applications.stream().filter(spec -> declares(spec.beanClass(), aggregate)).toList();
    }

    private static boolean declares(Class<?> application, Class<?> aggregate) {
        for (Class<?> c = application; c != null && c != Application.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (isRepositoryOf(method.getGenericReturnType(), aggregate)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isRepositoryOf(Type type, Class<?> aggregate) {
        return type instanceof ParameterizedType p && p.getRawType() == Repository.class
                && p.getActualTypeArguments()[0] == aggregate;
    }
}
