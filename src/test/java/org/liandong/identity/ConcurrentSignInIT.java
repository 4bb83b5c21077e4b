package org.liandong.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.liandong.support.Api;
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.liandong.support.StatementCounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 18: an API client's first calls often come together. Calls with the same new credentials wait for the
 * first to verify the password, then pass without verifying it again: one bcrypt for all of them, where each
 * used to verify it in turn behind the account's lock (about 70 ms of processor each). A verification with bcrypt
 * is the only way that ends by clearing the account's run of failures, so that statement counts them.
 */
@LiandongIntegrationTest
class ConcurrentSignInIT {

	private static final int CALLS = 8;

	private static final String VERIFIED_WITH_BCRYPT = "update user_account set failed_attempts = 0";

	@LocalServerPort
	int port;

	@Autowired
	StatementCounts counts;

	@Test
	void calls_arriving_together_with_new_credentials_verify_the_password_once() throws Exception {
		Api api = Api.at(port);
		String person = Fixtures.person(api, "410402", "ENFORCER");
		Api client = api.as(person, Fixtures.NEW_USER_PASSWORD);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(CALLS);
		List<Integer> statuses = new ArrayList<>();

		StatementCounts.Tally tally = counts.count(() -> {
			List<Future<Integer>> calls = new ArrayList<>();
			for (int i = 0; i < CALLS; i++) {
				calls.add(threads.submit(() -> {
					start.await();
					return client.get("/api/v1/me").status();
				}));
			}
			start.countDown();
			for (Future<Integer> call : calls) {
				try {
					statuses.add(call.get());
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
			}
			return statuses;
		}).tally();
		threads.shutdown();

		assertThat(statuses).as("every call answered").hasSize(CALLS).containsOnly(200);
		Map<String, Integer> bySql = tally.bySql();
		int verifications = bySql.entrySet().stream().filter(e -> e.getKey().startsWith(VERIFIED_WITH_BCRYPT))
			.mapToInt(Map.Entry::getValue).sum();
		assertThat(verifications).as("passwords verified with bcrypt for %d calls together:%n%s", CALLS, tally.describe())
			.isEqualTo(1);
	}
}
