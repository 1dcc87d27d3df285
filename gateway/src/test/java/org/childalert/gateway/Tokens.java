package org.childalert.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints access tokens the way Keycloak's childalert realm does, signed with a key generated for the test run;
 * its public half is what the fake Keycloak serves as the realm's JWK set.
 */
public final class Tokens {

    public static final String ISSUER = "http://localhost:8180/realms/childalert";
    public static final String AUDIENCE = "childalert-api";

    private final RSAKey signingKey;

    private Tokens(RSAKey signingKey) {
        this.signingKey = signingKey;
    }

    public static Tokens withFreshKey() {
        try {
            return new Tokens(new RSAKeyGenerator(2048).keyID("test-realm-key").generate());
        }
        catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    public String jwkSetJson() {
        return new JWKSet(signingKey.toPublicJWK()).toString();
    }

    public String coordinator(String userName) {
        return sign(claims(userName, ISSUER, AUDIENCE, Instant.now().plus(Duration.ofMinutes(5))));
    }

    /** A valid token whose only realm role is the one given ({@code admin}, {@code police}, ...). */
    public String withRole(String userName, String role) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(claims(userName, ISSUER, AUDIENCE,
                Instant.now().plus(Duration.ofMinutes(5))))
                .claim("realm_access", Map.of("roles", List.of(role)))
                .build();
        return sign(claims);
    }

    public String expired(String userName) {
        return sign(claims(userName, ISSUER, AUDIENCE, Instant.now().minus(Duration.ofMinutes(5))));
    }

    public String fromIssuer(String issuer, String userName) {
        return sign(claims(userName, issuer, AUDIENCE, Instant.now().plus(Duration.ofMinutes(5))));
    }

    public String forAudience(String audience, String userName) {
        return sign(claims(userName, ISSUER, audience, Instant.now().plus(Duration.ofMinutes(5))));
    }

    private static JWTClaimsSet claims(String userName, String issuer, String audience, Instant expiresAt) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("subject-of-" + userName)
                .audience(List.of(audience, "account"))
                .issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(10))))
                .expirationTime(Date.from(expiresAt))
                .claim("azp", "console")
                .claim("preferred_username", userName)
                .claim("realm_access", Map.of("roles", List.of("coordinator")))
                .build();
    }

    private String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        }
        catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }
}
