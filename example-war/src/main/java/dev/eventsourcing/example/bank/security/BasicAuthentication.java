package dev.eventsourcing.example.bank.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.Optional;

/**
 * HTTP Basic authentication for the bank's API, as Jakarta Security's mechanism: a request
 * with the credentials of one of the bank's users (see {@link BankIdentityStore}) is that
 * user's; a request to a protected path without them, or with wrong ones, is answered 401 with
 * a {@code WWW-Authenticate: Basic} challenge (whose body {@code WEB-INF/web.xml} has made JSON).
 *
 * <p>Not the built-in {@code @BasicAuthenticationMechanismDefinition}: the implementation that
 * WildFly 39 and Payara 6 ship fails with a 500 and a stack trace on an empty password, and
 * splits credentials at every colon, so that a password holding one could never match.
 * {@link BasicCredentials} reads them as RFC 7617 says.
 */
@ApplicationScoped
public class BasicAuthentication implements HttpAuthenticationMechanism {

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Optional<UsernamePasswordCredential> credential = BasicCredentials.parse(request.getHeader("Authorization"));
        if (credential.isPresent()) {
            CredentialValidationResult result = identityStores.validate(credential.get());
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
        }
        if (context.isProtected()) {
            response.setHeader("WWW-Authenticate", BankIdentityStore.CHALLENGE);
            return context.responseUnauthorized();
        }
        return context.doNothing();
    }
}
