package org.policygraph.graph;

import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;

import org.springframework.dao.TransientDataAccessResourceException;

/**
 * Tells a failure the client may retry from one it may not: the database is away, or too
 * busy to take the request now (a full connection pool, a deadlock, any error Neo4j
 * itself calls transient), so the same request may succeed later. GraphQL errors and HTTP
 * errors both answer it with {@link ErrorCode#DATABASE_UNAVAILABLE}.
 */
public final class DatabaseUnavailable {

	private DatabaseUnavailable() {
	}

	/**
	 * Whether the exception or any of its causes says the database is unavailable for
	 * now.
	 */
	public static boolean causedBy(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof ServiceUnavailableException || t instanceof SessionExpiredException
					|| t instanceof TransientException || t instanceof TransientDataAccessResourceException) {
				return true;
			}
		}
		return false;
	}

}
