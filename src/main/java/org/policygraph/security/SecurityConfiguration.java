package org.policygraph.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.policygraph.system.ErrorCode;
import org.policygraph.system.HttpErrorBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Reads are public; a request may carry a bearer token (a JWT checked as an OAuth2 resource server), and only an
 * editor's token lets a mutation or an upload through ({@link Editors}). When no issuer, JWK set or public key is
 * configured, every token is refused, so an unconfigured service can never be changed.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectProvider<JwtDecoder> decoders,
			SecurityProperties properties, JsonMapper json) throws Exception {
		JwtDecoder decoder = decoders.getIfAvailable(SecurityConfiguration::refusingDecoder);
		http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			// bearer tokens only: no cookies, no sessions, so cross-site request forgery has nothing to ride on
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
				.accessDeniedHandler(forbidden(json)));
		return http.build();
	}

	/** Scopes ({@code scope}/{@code scp}) become {@code SCOPE_x}, roles in the roles claim {@code ROLE_x}. */
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
			throw new BadJwtException("no token issuer is configured on this service, so no token is accepted");
		};
	}

	/** A refused token answers 401 in the API's error format, saying why. */
	/**
	 * No observation of each filter of the chain, each authentication and each authorization: nothing reads them,
	 * and on a small answer they cost more than its reads (bench/FINDINGS.md). Requests stay observed as
	 * {@code http.server.requests}.
	 */
	@Bean
	static SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	private static AuthenticationEntryPoint unauthorized(JsonMapper json) {
		return (request, response, ex) -> {
			response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
			HttpErrorBody.write(json, response, HttpServletResponse.SC_UNAUTHORIZED, ErrorCode.UNAUTHORIZED.name(),
					"The bearer token was refused: " + ex.getMessage());
		};
	}

	private static AccessDeniedHandler forbidden(JsonMapper json) {
		return (request, response, ex) -> HttpErrorBody.write(json, response, HttpServletResponse.SC_FORBIDDEN, ErrorCode.FORBIDDEN.name(),
				"The token may not do this");
	}

}
