package org.policygraph.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may change the graph. Tokens themselves are checked by Spring Security's OAuth2
 * resource server, set up with the standard
 * {@code spring.security.oauth2.resourceserver.jwt.*} properties (issuer, JWK set or
 * public key).
 *
 * @param editorScope a scope ({@code scope} or {@code scp} claim) that makes the bearer
 * an editor
 * @param editorRole a role (in {@code rolesClaim}) that makes the bearer an editor
 * @param rolesClaim the claim listing the bearer's roles
 * @param devKeyDir where the {@code dev} profile keeps its local signing key pair
 * @param issuer the only {@code iss} a token may name; required with
 * {@code jwt.public-key-location} or {@code jwt.jwk-set-uri}, and taken from
 * {@code jwt.issuer-uri} when that is set (the {@code dev} profile uses
 * {@value #DEV_ISSUER})
 * @param audience a value a token's {@code aud} must hold: tokens minted for other
 * services are refused
 */
@ConfigurationProperties("policygraph.security")
public record SecurityProperties(String editorScope, String editorRole, String rolesClaim, String devKeyDir,
		String issuer, String audience) {

	/** The issuer that the {@code dev} profile's tokens name. */
	public static final String DEV_ISSUER = "policygraph-dev";

	/**
	 * The audience tokens must be meant for unless {@code policygraph.security.audience}
	 * says otherwise.
	 */
	public static final String DEFAULT_AUDIENCE = "policygraph";

	public SecurityProperties {
		editorScope = (editorScope != null) ? editorScope : "policygraph:edit";
		editorRole = (editorRole != null) ? editorRole : "editor";
		rolesClaim = (rolesClaim != null) ? rolesClaim : "roles";
		devKeyDir = (devKeyDir != null) ? devKeyDir : "./var/dev-keys";
		issuer = (issuer != null && !issuer.isBlank()) ? issuer : null;
		audience = (audience != null && !audience.isBlank()) ? audience : DEFAULT_AUDIENCE;
	}

}
