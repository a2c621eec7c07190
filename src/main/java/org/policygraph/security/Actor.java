package org.policygraph.security;

import java.util.Set;

/**
 * The editor making a change, as the token names them: its subject, and the issuer that
 * vouches for it.
 *
 * @param subject the token's {@code sub}
 * @param name a display name when the token has one ({@code name} or
 * {@code preferred_username}), else the subject
 * @param issuer the token's {@code iss}
 */
public record Actor(String subject, String name, String issuer) {

	/** The dataset loader that fills an empty store at start-up. */
	public static final Actor SYSTEM = new Actor("system", "PolicyGraph start-up", null);

	/** The scheduler that applies retirements dated in the future. */
	public static final Actor RETIREMENT = new Actor("retirement", "Scheduled retirement", null);

	/**
	 * Subjects no token may have ({@link TokenRules}), compared in lower case: the
	 * service's own actors, so that no editor can pass for them in a change record.
	 */
	public static final Set<String> RESERVED_SUBJECTS = Set.of(SYSTEM.subject(), RETIREMENT.subject());

	/**
	 * How change records name the actor: the subject, qualified by the issuer when there
	 * is one. Editors' tokens always have an issuer, so their ids always hold an
	 * {@code @} and the service's own never do.
	 */
	public String id() {
		return (this.issuer != null) ? this.subject + "@" + this.issuer : this.subject;
	}

}
