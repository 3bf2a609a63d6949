package dev.eventsourcing.cdi;

import dev.eventsourcing.dcb.application.DcbApplication;
import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Objects;

/**
 * Names the DCB application whose repository is injected, when the deployment has several:
 *
 * <pre>{@code
 * @Inject @RepositoryOf(Courses.class) DcbRepository courses;
 * }</pre>
 *
 * <p>With one DCB application in the deployment, {@code @Inject DcbRepository} is enough. The
 * class named becomes a DCB application of the deployment, as injecting it does.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE})
public @interface RepositoryOf {

    /** @return the DCB application class whose repository is injected */
    Class<? extends DcbApplication> value();

    /** The qualifier as a value, for programmatic lookup and for the extension's beans. */
    final class Literal extends AnnotationLiteral<RepositoryOf> implements RepositoryOf {
        private static final long serialVersionUID = 1L;

        /** The application class. */
        private final Class<? extends DcbApplication> value;

        /**
         * @param value the DCB application class whose repository is meant
         */
        public Literal(Class<? extends DcbApplication> value) {
            this.value = Objects.requireNonNull(value, "value");
        }

        @Override
        public Class<? extends DcbApplication> value() {
            return value;
        }
    }
}
