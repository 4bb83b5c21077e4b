package org.liandong.channels.internal;

import org.liandong.platform.ClusterSchedule;
import org.liandong.platform.EncryptedColumn;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

/**
 * The channels' one job, on one instance at a time: route what the inbox stored, then send what is due.
 * The sealed addresses take part in the re-encryption after a key rotation.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChannelSettings.class)
class ChannelJobs {

	@Bean
	RecurringTask<Void> messageChannelsSchedule(ChannelSettings settings, Routing routing, Sending sending) {
		return ClusterSchedule.every("message-channels", settings.every(), () -> {
			routing.route();
			sending.sendDue();
		});
	}

	@Bean
	EncryptedColumn channelAddressColumn() {
		return new EncryptedColumn("channel_delivery", "address_cipher", "id", "place", Routing::addressContext);
	}
}
