package org.liandong.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.support.Fixtures.PASSWORD;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liandong.support.Api;
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 19, item 2: a second, independent reader of PDF signatures, poppler's {@code pdfsig}
 * (Debian package poppler-utils), finds the one signature of an issued letter, its signer, its
 * type and ranges, and that it covers the whole document; after an incremental update it says the
 * document is no longer wholly signed. pdfsig does not know SM3 ("Unrecognized Hash ID"), so it
 * cannot validate the signature itself and nothing here asks it to. Tagged {@code poppler}: runs in
 * {@code ./mvnw verify -Pbrowser}, whose step in {@code .ci/run} installs poppler-utils; the
 * default test command needs nothing outside the JVM.
 */
@Tag("poppler")
@LiandongIntegrationTest
class PdfsigReadsSignatureIT {

	@LocalServerPort
	int port;

	@TempDir
	Path folder;

	@Test
	void pdfsig_lists_the_one_signature_of_an_issued_letter_and_finds_the_whole_document_signed()
			throws IOException, InterruptedException {
		Api xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		byte[] pdf = PdfSignatureIT.pdf(xinhua, Fixtures.sentLetter(xinhua, "410403"));
		int[] range = PdfSignatureIT.range(pdf);

		String report = pdfsig(pdf);
		assertThat(report).contains("Signature #1:").doesNotContain("Signature #2:");
		assertThat(report).contains("Signer Certificate Common Name: " + PdfSignatureIT.XINHUA,
				"Signature Type: adbe.pkcs7.detached",
				"Signed Ranges: [%d - %d], [%d - %d]".formatted(range[0], range[0] + range[1], range[2],
						range[2] + range[3]),
				"Total document signed");
		assertThat(range[2] + range[3]).isEqualTo(pdf.length);
	}

	@Test
	void pdfsig_finds_a_letter_with_an_image_added_by_an_incremental_update_not_wholly_signed()
			throws IOException, InterruptedException {
		Api xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		byte[] overlaid = PdfSignatureIT.overlaid(PdfSignatureIT.pdf(xinhua, Fixtures.sentLetter(xinhua, "410403")));

		assertThat(pdfsig(overlaid)).contains("Signature #1:", "Not total document signed");
	}

	/** What {@code pdfsig} prints about the file; it must run and exit 0. */
	String pdfsig(byte[] pdf) throws IOException, InterruptedException {
		Path file = Files.write(folder.resolve("letter.pdf"), pdf);
		Process process;
		try {
			process = new ProcessBuilder("pdfsig", file.toString()).redirectErrorStream(true).start();
		}
		catch (IOException missing) {
			throw new AssertionError("pdfsig is not installed: apt-get install poppler-utils (.ci/run does)", missing);
		}
		String report = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(report).isZero();
		return report;
	}
}
