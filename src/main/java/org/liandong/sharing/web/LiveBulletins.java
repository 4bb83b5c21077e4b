package org.liandong.sharing.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.liandong.platform.SignedInUser;
import org.liandong.sharing.AwaitedBulletin;
import org.liandong.sharing.Sharing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Every open page of a bureau's people shows the bulletins the bureau has not acknowledged, with their
 * countdown (issue 23, R6.3). Each page holds a server-sent event stream; this instance reads the
 * database every {@code liandong.sharing.live-poll} for the bureaus that have pages open on it and
 * sends a bureau's list to its pages when the list changed. Reading the database rather than an
 * event of this instance makes a bulletin sent through any instance reach the pages held by every
 * other one. A stream ends after {@code liandong.sharing.live-timeout}; the browser opens it again.
 */
@Component
class LiveBulletins implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LiveBulletins.class);

	private final Sharing sharing;
	private final Duration poll;
	private final Duration timeout;
	private final Map<String, Set<SseEmitter>> pages = new ConcurrentHashMap<>();
	/**
	 * What each open page was sent last, compared on each pass: a page that opened while a pass was
	 * sending the bureau's new list to the others gets it on the next pass rather than keeping its own.
	 */
	private final Map<SseEmitter, List<AwaitedBulletin>> shown = new ConcurrentHashMap<>();
	private ScheduledExecutorService reader;

	LiveBulletins(Sharing sharing, @Value("${liandong.sharing.live-poll:2s}") Duration poll,
			@Value("${liandong.sharing.live-timeout:5m}") Duration timeout) {
		this.sharing = sharing;
		this.poll = poll;
		this.timeout = timeout;
	}

	/** A page opened its stream: it gets the bureau's list at once, then each change of it. */
	SseEmitter open(SignedInUser reader) {
		SseEmitter emitter = new SseEmitter(timeout.toMillis());
		String agency = reader.agencyCode();
		Set<SseEmitter> ofAgency = pages.computeIfAbsent(agency, a -> new CopyOnWriteArraySet<>());
		Runnable close = () -> {
			ofAgency.remove(emitter);
			shown.remove(emitter);
		};
		emitter.onCompletion(close);
		// ended as planned: completed here, or the web server reports the end of every stream as a failure
		emitter.onTimeout(() -> {
			close.run();
			emitter.complete();
		});
		emitter.onError(failure -> close.run());
		List<AwaitedBulletin> now = sharing.awaitingAcknowledgement(List.of(agency));
		shown.put(emitter, now);
		send(emitter, now);
		ofAgency.add(emitter);
		return emitter;
	}

	void readAndSend() {
		try {
			Set<String> open = pages.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey)
				.collect(Collectors.toSet());
			if (open.isEmpty()) {
				return;
			}
			Map<String, List<AwaitedBulletin>> awaited = sharing.awaitingAcknowledgement(open).stream()
				.collect(Collectors.groupingBy(AwaitedBulletin::agencyCode));
			for (String agency : open) {
				List<AwaitedBulletin> list = awaited.getOrDefault(agency, List.of());
				for (SseEmitter page : pages.getOrDefault(agency, Set.of())) {
					if (!list.equals(shown.get(page))) {
						shown.put(page, list);
						send(page, list);
					}
				}
			}
		}
		catch (RuntimeException failed) {
			// the next pass tries again; a page keeps what it shows meanwhile
			log.warn("未能读取待签收的快报：{}", failed.getMessage());
		}
	}

	private static void send(SseEmitter page, List<AwaitedBulletin> list) {
		try {
			page.send(SseEmitter.event().name("bulletins").reconnectTime(2000).data(list, MediaType.APPLICATION_JSON));
		}
		catch (IOException | IllegalStateException gone) {
			page.completeWithError(gone);
		}
	}

	@Override
	public void start() {
		reader = Executors.newSingleThreadScheduledExecutor(task -> {
			Thread thread = new Thread(task, "live-bulletins");
			thread.setDaemon(true);
			return thread;
		});
		reader.scheduleWithFixedDelay(this::readAndSend, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** On a stop the streams end first, so the web server does not wait for them (issue 24). */
	@Override
	public void stop() {
		if (reader != null) {
			reader.shutdownNow();
		}
		pages.values().forEach(set -> set.forEach(SseEmitter::complete));
		pages.clear();
		shown.clear();
	}

	@Override
	public boolean isRunning() {
		return reader != null && !reader.isShutdown();
	}
}
