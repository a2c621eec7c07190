package org.policygraph.errors;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upload over the multipart limits: Tomcat's refusal carries no size (-1), so the
 * message states the configured limits, in megabytes (application.yaml: 20MB a file, 50MB
 * a request).
 */
class UploadTooLargeMessageTests {

	@Test
	void theRefusalStatesBothLimitsInMegabytesAndNoJavaClass() {
		var response = new HttpErrors(DataSize.ofMegabytes(20), DataSize.ofMegabytes(50))
			.tooLarge(new MaxUploadSizeExceededException(-1, new IllegalStateException("unknown size")));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
		@SuppressWarnings("unchecked")
		Map<String, Object> error = ((List<Map<String, Object>>) response.getBody().get("errors")).getFirst();
		assertThat(error.get("message"))
			.isEqualTo("The upload is larger than this service accepts: at most 20 MB a file"
					+ " and 50 MB a request (spring.servlet.multipart.max-file-size, max-request-size)");
		assertThat(error.get("extensions")).isEqualTo(Map.of("code", "UPLOAD_TOO_LARGE"));
	}

	@Test
	void aLimitThatIsNoWholeNumberOfMegabytesIsShownWithOneDecimal() {
		var response = new HttpErrors(DataSize.ofKilobytes(512), DataSize.ofMegabytes(1))
			.tooLarge(new MaxUploadSizeExceededException(-1));
		assertThat(response.getBody().toString()).contains("at most 0.5 MB a file and 1 MB a request");
	}

}
