package org.policygraph.security;

/**
 * The editor making a change, as the token names them: its subject, and the issuer that vouches for it.
 *
 * @param subject the token's {@code sub}
 * @param name a display name when the token has one ({@code name} or {@code preferred_username}), else the subject
 * @param issuer the token's {@code iss}
 */
public record Actor(String subject, String name, String issuer) {

	/** The dataset loader that fills an empty store at start-up. */
	public static final Actor SYSTEM = new Actor("system", "PolicyGraph start-up", null);

	/** How change records name the actor: the subject, qualified by the issuer when there is one. */
	public String id() {
		return (this.issuer != null) ? this.subject + "@" + this.issuer : this.subject;
	}

}
