package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.cdi.RepositoryOf;
import dev.eventsourcing.dcb.application.DcbRepository;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.inject.Singleton;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;

/**
 * The beans of a deployment's DCB applications: each application a {@code @Singleton} of its
 * class (and of {@code DcbApplication} when it is the only one), and its {@link DcbRepository},
 * qualified {@link RepositoryOf} its class (and unqualified when it is the only one). Both come
 * from the running system, which makes the applications on the deployment's persistence.
 */
public final class DcbBeans {

    private DcbBeans() {
    }

    /** Adds the beans of the DCB applications. */
    public static void add(AfterBeanDiscovery event, List<DcbSpec> applications) {
        boolean single = applications.size() == 1;
        for (DcbSpec spec : applications) {
            Class<?> type = spec.type();
            event.addBean()
                    .beanClass(type)
                    .types(BeanTypes.ofApplication(type, single))
                    .scope(Singleton.class)
                    .produceWith(beans -> beans.select(RunningSystem.class).get().dcbApplication(type));
            List<Annotation> qualifiers = new ArrayList<>(List.of(new RepositoryOf.Literal(spec.type()), Any.Literal.INSTANCE));
            if (single) {
                qualifiers.add(Default.Literal.INSTANCE);
            }
            event.addBean()
                    .beanClass(DcbRepository.class)
                    .types(DcbRepository.class, Object.class)
                    .qualifiers(qualifiers.toArray(Annotation[]::new))
                    .scope(Dependent.class)
                    .produceWith(beans -> beans.select(RunningSystem.class).get().dcbApplication(type).repository());
        }
    }
}
