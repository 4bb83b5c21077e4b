package org.liandong.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.liandong.support.PageSession;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 18: a page's links are written as the template gives them, not looked up one by one among the
 * static resources (PageLinksAsWritten), and the webjars' version-less paths in them are still served.
 */
@LiandongIntegrationTest
class PageLinksIT {

	private static final String BOOTSTRAP = "/webjars/bootstrap/dist/js/bootstrap.bundle.min.js";

	@LocalServerPort
	int port;

	@Test
	void a_pages_links_are_as_written_and_the_webjar_behind_its_script_is_served() throws Exception {
		PageSession session = new PageSession(port);
		session.signIn("xinhua.enforcer", Fixtures.PASSWORD);
		PageSession.Page list = session.get("/cases?status=INVESTIGATING&page=0");

		assertThat(list.status()).isEqualTo(200);
		assertThat(list.html()).as("the script as the layout names it, without a version put in")
			.contains("src=\"" + BOOTSTRAP + "\"");

		HttpResponse<String> script = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + BOOTSTRAP)).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
			.contains("javascript"));
		assertThat(script.body()).contains("Bootstrap");
	}
}
