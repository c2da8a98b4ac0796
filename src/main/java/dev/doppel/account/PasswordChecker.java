package dev.doppel.account;

import jakarta.enterprise.context.ApplicationScoped;

import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

/** Checks a clear password against a stored bcrypt hash, the same way the login does. */
@ApplicationScoped
public class PasswordChecker {

    public boolean matches(String clear, String storedHash) {
        if (clear == null || storedHash == null) {
            return false;
        }
        try {
            Password stored = ModularCrypt.decode(storedHash);
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT,
                    new org.wildfly.security.password.WildFlyElytronPasswordProvider());
            Password restored = factory.translate(stored);
            return factory.verify(restored, clear.toCharArray());
        } catch (Exception e) {
            return false;
        }
    }
}
