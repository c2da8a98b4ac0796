package dev.doppel.web;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;

/**
 * Turns off the cleartext HTTP/2 upgrade ({@code Upgrade: h2c}) on the plain-HTTP listener; HTTP/2 over TLS stays.
 * Browsers never ask for h2c, but Java's HttpClient and {@code curl --http2} do, and a form sign-in sent that way
 * answered 500 "Request has already been read" once the identity provider asked the database before checking the
 * password (the login throttle's shared counts). Refusing the upgrade makes such clients carry on in HTTP/1.1.
 */
@ApplicationScoped
public class NoCleartextHttp2Upgrade implements HttpServerOptionsCustomizer {

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setHttp2ClearTextEnabled(false);
    }
}
