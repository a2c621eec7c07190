package org.policygraph.security;

import java.util.Collection;

import org.policygraph.errors.ApiException;
import org.policygraph.errors.ErrorCode;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * The one check that a request may change the graph: a valid bearer token with the editor
 * scope or role. Every mutation and every upload calls it before touching the database.
 */
@Component
public class Editors {

	private final SecurityProperties properties;

	Editors(SecurityProperties properties) {
		this.properties = properties;
	}

	/**
	 * The editor behind the current request.
	 * @throws ApiException {@code UNAUTHORIZED} without a token, {@code FORBIDDEN} when
	 * the token is not an editor's
	 */
	public Actor requireEditor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!(authentication instanceof JwtAuthenticationToken jwt) || !jwt.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			throw new ApiException(ErrorCode.UNAUTHORIZED,
					"Changing the graph needs an editor's bearer token (header Authorization: Bearer <JWT>)", null);
		}
		Actor actor = actorOf(jwt);
		if (!isEditor(jwt.getAuthorities())) {
			throw new ApiException(ErrorCode.FORBIDDEN,
					"The token of '" + actor.subject()
							+ "' may read but not change the graph: it has neither the scope '"
							+ this.properties.editorScope() + "' nor the role '" + this.properties.editorRole() + "'",
					null);
		}
		return actor;
	}

	/**
	 * Whether the current request carries a valid editor's token; for what only editors
	 * may read.
	 */
	public boolean isEditorRequest() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication instanceof JwtAuthenticationToken jwt && jwt.isAuthenticated()
				&& isEditor(jwt.getAuthorities());
	}

	boolean isEditor(Collection<? extends GrantedAuthority> authorities) {
		return authorities.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(a -> a.equals("SCOPE_" + this.properties.editorScope())
					|| a.equals("ROLE_" + this.properties.editorRole()));
	}

	private static Actor actorOf(JwtAuthenticationToken token) {
		var jwt = token.getToken();
		String name = jwt.getClaimAsString("name");
		if (name == null) {
			name = jwt.getClaimAsString("preferred_username");
		}
		// iss is a URL at most identity providers but need not be (the dev profile's is a
		// plain name)
		String issuer = jwt.getClaimAsString("iss");
		return new Actor(jwt.getSubject(), (name != null) ? name : jwt.getSubject(), issuer);
	}

}
