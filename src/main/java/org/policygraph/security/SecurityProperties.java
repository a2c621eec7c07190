package org.policygraph.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may change the graph. Tokens themselves are checked by Spring Security's OAuth2 resource server, set up with
 * the standard {@code spring.security.oauth2.resourceserver.jwt.*} properties (issuer, JWK set or public key).
 *
 * @param editorScope a scope ({@code scope} or {@code scp} claim) that makes the bearer an editor
 * @param editorRole a role (in {@code rolesClaim}) that makes the bearer an editor
 * @param rolesClaim the claim listing the bearer's roles
 * @param devKeyDir where the {@code dev} profile keeps its local signing key pair
 */
@ConfigurationProperties("policygraph.security")
public record SecurityProperties(String editorScope, String editorRole, String rolesClaim, String devKeyDir) {

	/** The issuer that the {@code dev} profile's tokens name. */
	public static final String DEV_ISSUER = "policygraph-dev";

	public SecurityProperties {
		editorScope = (editorScope != null) ? editorScope : "policygraph:edit";
		editorRole = (editorRole != null) ? editorRole : "editor";
		rolesClaim = (rolesClaim != null) ? rolesClaim : "roles";
		devKeyDir = (devKeyDir != null) ? devKeyDir : "./var/dev-keys";
	}

}
