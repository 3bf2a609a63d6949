package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.cdi.RepositoryOf;
import dev.eventsourcing.dcb.application.DcbApplication;
import dev.eventsourcing.dcb.application.DcbRepository;
import dev.eventsourcing.persistence.EventTypes;
import jakarta.enterprise.inject.spi.InjectionPoint;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The DCB part of what the extension finds: the deployment's DCB applications (the scanned
 * subclasses of {@link DcbApplication}, those injected, and those a {@link RepositoryOf} names),
 * the injection points that need exactly one of them ({@code DcbApplication} itself, or an
 * unqualified {@link DcbRepository}), and the checks of the decision types that projections
 * observe. Not thread-safe, as {@link Discovery}.
 */
final class DcbDiscovery {

    private final Set<Class<? extends DcbApplication>> applications = new LinkedHashSet<>();
    private final Map<String, String> needingOne = new LinkedHashMap<>();
    private final Set<Class<?>> scannedDecisions = new LinkedHashSet<>();
    private final Set<Class<?>> perspectives = new LinkedHashSet<>();

    /** Whether the extension makes this class itself, so that the container must not make it a bean. */
    static boolean claims(Class<?> type) {
        return type != DcbApplication.class && DcbApplication.class.isAssignableFrom(type);
    }

    /** Records a scanned subclass of DcbApplication. */
    void scanned(Class<?> type) {
        applications.add(type.asSubclass(DcbApplication.class));
    }

    /** Records a scanned decision class or interface. */
    void scannedDecision(Class<?> type) {
        scannedDecisions.add(type);
    }

    /** Records a scanned perspective class (a slice, an enduring object, a group). */
    void scannedPerspective(Class<?> type) {
        if (!Modifier.isAbstract(type.getModifiers())) {
            perspectives.add(type);
        }
    }

    /** The perspective classes scanned. */
    List<Class<?>> perspectives() {
        return List.copyOf(perspectives);
    }

    /** The decision classes and interfaces scanned. */
    Set<Class<?>> scannedDecisions() {
        return scannedDecisions;
    }

    /**
     * Records what an injection point of a DCB type asks for.
     *
     * @return whether it injects a DCB application or repository
     */
    boolean injectionPoint(InjectionPoint injectionPoint, Class<?> raw, String described) {
        if (raw == DcbApplication.class) {
            needingOne.put(described, DcbApplication.class.getSimpleName());
        } else if (raw != null && claims(raw)) {
            applications.add(raw.asSubclass(DcbApplication.class));
        } else if (raw == DcbRepository.class) {
            RepositoryOf of = (RepositoryOf) injectionPoint.getQualifiers().stream()
                    .filter(q -> q.annotationType() == RepositoryOf.class).findFirst().orElse(null);
            if (of == null) {
                needingOne.put(described, DcbRepository.class.getSimpleName());
            } else {
                applications.add(of.value());
            }
        } else {
            return false;
        }
        return true;
    }

    /** The DCB applications that can be made; the problems of the others, and of injection points, go to {@code found}. */
    List<DcbSpec> specs(List<String> found) {
        List<DcbSpec> specs = new ArrayList<>();
        for (Class<? extends DcbApplication> type : applications) {
            DcbSpec.problemOf(type).ifPresentOrElse(found::add, () -> specs.add(new DcbSpec(type)));
        }
        if (applications.size() != 1) {
            String names = applications.stream().map(Class::getSimpleName).sorted().toList().toString();
            needingOne.forEach((point, type) -> found.add(Messages.dcbInjectionPoint(point, type, names)));
        }
        return specs;
    }

    /**
     * The problems of the decision types: each concrete one observed must be storable, and no two
     * concrete ones, observed or scanned, may share a topic (whether a scanned one can be stored
     * is checked when it is written, as for scanned events).
     */
    static List<String> problemsOf(Collection<Class<?>> observed, Collection<Class<?>> scanned) {
        List<String> found = new ArrayList<>();
        Set<Class<?>> concrete = new LinkedHashSet<>();
        for (Class<?> type : observed) {
            if (isConcrete(type)) {
                concrete.add(type);
                EventTypes.problemOf(type).ifPresent(reason -> found.add(Messages.decisionNotSerialisable(type, reason)));
            }
        }
        scanned.stream().filter(DcbDiscovery::isConcrete).forEach(concrete::add);
        found.addAll(Topics.problemsOf(concrete));
        return found;
    }

    private static boolean isConcrete(Class<?> type) {
        return !type.isInterface() && !Modifier.isAbstract(type.getModifiers());
    }
}
