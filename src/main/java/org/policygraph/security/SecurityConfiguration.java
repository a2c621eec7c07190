package org.policygraph.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.policygraph.errors.ErrorCode;
import org.policygraph.errors.HttpErrorBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Reads are public; a request may carry a bearer token (a JWT checked as an OAuth2
 * resource server), and only an editor's token lets a mutation or an upload through
 * ({@link Editors}). When no issuer, JWK set or public key is configured, every token is
 * refused, so an unconfigured service can never be changed. Every token is held to
 * {@link TokenRules}. Uploads are refused here, before their body is read, unless the
 * token is an editor's.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectProvider<JwtDecoder> decoders,
			SecurityProperties properties, JsonMapper json) throws Exception {
		JwtDecoder decoder = decoders.getIfAvailable(SecurityConfiguration::refusingDecoder);
		String[] editor = { "SCOPE_" + properties.editorScope(), "ROLE_" + properties.editorRole() };
		// GraphQL reads and writes share POST /graphql, so mutations are checked by
		// Editors; an upload is refused
		// here, before the multipart body is read (a 50 MB upload from a stranger costs
		// one header)
		http.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.POST, "/imports/**")
			.hasAnyAuthority(editor)
			.anyRequest()
			.permitAll())
			// bearer tokens only: no cookies, no sessions, so cross-site request forgery
			// has nothing to ride on
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			// nothing to log out of and no login page to come back from
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.headers(headers -> headers.frameOptions(Customizer.withDefaults()))
			.oauth2ResourceServer(server -> server
				.jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(authenticationConverter(properties)))
				.authenticationEntryPoint(unauthorized(json))
				.accessDeniedHandler(forbidden(json, properties))
				.withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
					@Override
					public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
						filter.setAuthenticationFailureHandler(tokenRefused(json));
						return filter;
					}
				}))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthorized(json))
				.accessDeniedHandler(forbidden(json, properties)));
		return http.build();
	}

	/**
	 * The rules every token is held to, added by Spring Boot to the decoder it builds
	 * from {@code spring.security.oauth2.resourceserver.jwt.*} (issuer, JWK set or public
	 * key). The {@code dev} profile builds its own decoder with the same rules
	 * ({@link DevSecurityConfiguration}).
	 */
	@Bean
	@Profile("!dev")
	static OAuth2TokenValidator<Jwt> tokenRules(SecurityProperties properties, Environment environment) {
		String prefix = "spring.security.oauth2.resourceserver.jwt.";
		String issuerUri = environment.getProperty(prefix + "issuer-uri", "");
		boolean keyWithoutIssuer = !environment.getProperty(prefix + "jwk-set-uri", "").isBlank()
				|| !environment.getProperty(prefix + "public-key-location", "").isBlank();
		if (!issuerUri.isBlank()) {
			if (properties.issuer() != null && !properties.issuer().equals(issuerUri)) {
				throw new IllegalStateException(
						"policygraph.security.issuer (" + properties.issuer() + ") differs from " + prefix
								+ "issuer-uri (" + issuerUri + "); leave it unset, the issuer-uri is the issuer");
			}
			return TokenRules.of(issuerUri, properties.audience());
		}
		if (keyWithoutIssuer) {
			if (properties.issuer() == null) {
				throw new IllegalStateException("policygraph.security.issuer (POLICYGRAPH_SECURITY_ISSUER) must be set "
						+ "with " + prefix + "jwk-set-uri or " + prefix + "public-key-location: it is the only 'iss' "
						+ "a token may name, and without it a token of any issuer signed by that key would be accepted");
			}
			return TokenRules.of(properties.issuer(), properties.audience());
		}
		// no decoder is built from the properties, so no token reaches these rules
		return TokenRules.refuseAll("no token issuer is configured on this service");
	}

	/**
	 * Scopes ({@code scope}/{@code scp}) become {@code SCOPE_x}, roles in the roles claim
	 * {@code ROLE_x}.
	 */
	static JwtAuthenticationConverter authenticationConverter(SecurityProperties properties) {
		JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
		Converter<Jwt, Collection<GrantedAuthority>> both = jwt -> {
			List<GrantedAuthority> authorities = new ArrayList<>(scopes.convert(jwt));
			Object roles = jwt.getClaims().get(properties.rolesClaim());
			if (roles instanceof Collection<?> list) {
				list.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
			}
			else if (roles instanceof String role) {
				authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
			}
			return authorities;
		};
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(both);
		return converter;
	}

	private static JwtDecoder refusingDecoder() {
		log.warn("No token issuer is configured (spring.security.oauth2.resourceserver.jwt.*): reads are public and "
				+ "every change is refused. Run with the 'dev' profile for a local signing key.");
		return token -> {
			throw new JwtValidationException("no token issuer is configured", List.of(new OAuth2Error("invalid_token",
					"no token issuer is configured on this service, so no token is accepted", TokenRules.RULE_URI)));
		};
	}

	/**
	 * No observation of each filter of the chain, each authentication and each
	 * authorization: nothing reads them, and on a small answer they cost more than its
	 * reads (bench/FINDINGS.md). Requests stay observed as {@code http.server.requests}.
	 */
	@Bean
	static SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/** A refused or missing token answers 401 in the API's error format, saying why. */
	private static AuthenticationEntryPoint unauthorized(JsonMapper json) {
		return (request, response, ex) -> {
			String reason = reason(ex);
			response.setHeader("WWW-Authenticate", (reason != null) ? "Bearer error=\"invalid_token\"" : "Bearer");
			UnreadBodyRefusal.closeAfter(request, response);
			HttpErrorBody.write(json, response, HttpServletResponse.SC_UNAUTHORIZED, ErrorCode.UNAUTHORIZED.name(),
					(reason != null) ? "The bearer token was refused: " + reason
							: "This needs an editor's bearer token (header Authorization: Bearer <JWT>)");
		};
	}

	/**
	 * Why a token was refused, in words that name the claim (from {@link TokenRules},
	 * else the library's own rules); null when there was no token. Never the decoder's
	 * own message, which may name its classes.
	 */
	static String reason(AuthenticationException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof JwtValidationException invalid) {
				List<OAuth2Error> errors = List.copyOf(invalid.getErrors());
				List<String> ours = errors.stream()
					.filter(error -> TokenRules.RULE_URI.equals(error.getUri()))
					.map(OAuth2Error::getDescription)
					.distinct()
					.toList();
				return String.join("; ",
						ours.isEmpty() ? errors.stream().map(OAuth2Error::getDescription).distinct().toList() : ours);
			}
			if (cause instanceof BadJwtException) {
				log.debug("Token refused", cause);
				return "it is not a well-formed JWT signed by a key this service trusts";
			}
		}
		if (ex instanceof OAuth2AuthenticationException) {
			log.debug("Token refused", ex);
			return "it is not a JWT this service can read";
		}
		return null;
	}

	/**
	 * A token that could not be checked because the identity provider's keys could not be
	 * fetched is no fault of the client's: 503, retryable, instead of the 500 Spring
	 * Security would answer (found by SlowClientsIT under load). Any other failure is a
	 * refused token, 401.
	 */
	private static AuthenticationFailureHandler tokenRefused(JsonMapper json) {
		AuthenticationEntryPoint unauthorized = unauthorized(json);
		return (request, response, ex) -> {
			if (ex instanceof AuthenticationServiceException) {
				log.warn("A bearer token could not be checked: {}", ex.getMessage());
				response.setHeader("Retry-After", "5");
				HttpErrorBody.write(json, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
						ErrorCode.TOKEN_CHECK_UNAVAILABLE.name(),
						"The bearer token could not be checked now: the identity provider did not answer; try again");
				return;
			}
			unauthorized.commence(request, response, ex);
		};
	}

	private static AccessDeniedHandler forbidden(JsonMapper json, SecurityProperties properties) {
		return (request, response, ex) -> {
			UnreadBodyRefusal.closeAfter(request, response);
			HttpErrorBody.write(json, response, HttpServletResponse.SC_FORBIDDEN, ErrorCode.FORBIDDEN.name(),
					"The token may read but not change the graph: it has neither the scope '" + properties.editorScope()
							+ "' nor the role '" + properties.editorRole() + "'");
		};
	}

}
