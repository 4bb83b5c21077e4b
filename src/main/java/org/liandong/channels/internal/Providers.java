package org.liandong.channels.internal;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

import org.liandong.channels.Channel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The providers behind the channels: an SMS gateway's HTTP API, WeCom's and DingTalk's group robot
 * webhooks (both take {@code {"msgtype": "text", "text": {"content": …}}} and answer {@code errcode} 0
 * when they took it), and an SMTP server. A provider that refuses or does not answer in time is a
 * {@link Failure}, retried later by {@link Sending}.
 */
@Component
class Providers {

	private final ChannelSettings settings;
	private final ObjectProvider<JavaMailSender> mail;
	private final RestClient http;

	Providers(ChannelSettings settings, ObjectProvider<JavaMailSender> mail) {
		this.settings = settings;
		this.mail = mail;
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build());
		requests.setReadTimeout(Duration.ofSeconds(10));
		this.http = RestClient.builder().requestFactory(requests).build();
	}

	/** Whether this deployment has the provider of the channel, for this agency's group where it is a robot. */
	boolean available(Channel channel, String agencyCode) {
		return switch (channel) {
			case SMS -> settings.sms().configured();
			case EMAIL -> mail.getIfAvailable() != null && settings.mail().from() != null;
			case WECOM -> robot(channel, agencyCode) != null;
			case DINGTALK -> robot(channel, agencyCode) != null;
		};
	}

	/** Whether any channel has its provider here (a robot for at least one agency counts). */
	boolean anyAvailable() {
		return settings.sms().configured() || available(Channel.EMAIL, null) || settings.robots().values().stream()
			.anyMatch(r -> (r.wecom() != null && !r.wecom().isBlank()) || (r.dingtalk() != null && !r.dingtalk().isBlank()));
	}

	/**
	 * Sends the text; the address is the number or e-mail address, or for a robot the agency whose
	 * group it posts to (its webhook is looked up here, so no secret is kept with the delivery).
	 */
	void send(Channel channel, String address, String subject, String text) throws Failure {
		try {
			switch (channel) {
				case SMS -> sms(address, text);
				case EMAIL -> email(address, subject, text);
				case WECOM, DINGTALK -> robot(robot(channel, address), text);
			}
		}
		catch (RestClientException | MailException failed) {
			throw new Failure(failed.getMessage());
		}
	}

	private void sms(String phone, String text) {
		http.post()
			.uri(settings.sms().url())
			.contentType(MediaType.APPLICATION_JSON)
			.headers(headers -> {
				if (settings.sms().apiKey() != null) {
					headers.setBearerAuth(settings.sms().apiKey());
				}
			})
			.body(Map.of("phone", phone, "sign", settings.sms().sign(), "content", text))
			.retrieve()
			.toBodilessEntity();
	}

	private void email(String to, String subject, String text) {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(settings.mail().from());
		message.setTo(to);
		message.setSubject(subject);
		message.setText(text);
		mail.getObject().send(message);
	}

	private void robot(String webhook, String text) throws Failure {
		if (webhook == null) {
			throw new Failure("此单位的群机器人已不再配置");
		}
		Map<?, ?> answer = http.post()
			.uri(webhook)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("msgtype", "text", "text", Map.of("content", text)))
			.retrieve()
			.body(Map.class);
		Object code = answer == null ? null : answer.get("errcode");
		if (!(code instanceof Number number) || number.intValue() != 0) {
			throw new Failure("机器人未接受：" + answer);
		}
	}

	private String robot(Channel channel, String agencyCode) {
		ChannelSettings.Robots robots = settings.robots().get(agencyCode);
		if (robots == null) {
			return null;
		}
		String webhook = channel == Channel.WECOM ? robots.wecom() : robots.dingtalk();
		return webhook == null || webhook.isBlank() ? null : webhook;
	}

	/** A provider refused the message or did not answer. */
	static final class Failure extends Exception {

		private static final long serialVersionUID = 1L;

		Failure(String detail) {
			super(detail == null ? "服务商无应答" : detail.length() > 480 ? detail.substring(0, 480) : detail);
		}
	}
}
