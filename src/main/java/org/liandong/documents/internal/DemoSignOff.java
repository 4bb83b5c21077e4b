package org.liandong.documents.internal;

import java.util.List;

import org.liandong.agency.Agencies;
import org.liandong.agency.AgencyKind;
import org.liandong.documents.Approval;
import org.liandong.documents.DocumentKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's county bureaus send their 协助调查函 only once their leader ({@code <county>.leader})
 * signed them off (issue 23). Set on a fresh demo installation, after the year of sample work (whose
 * letters left as they did before), with {@code liandong.demo.sign-off} (on unless set off; the tests
 * set it off and turn a policy on where they test it).
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "liandong.demo.sign-off", havingValue = "true", matchIfMissing = true)
@Order(20)
class DemoSignOff implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoSignOff.class);

	private final JdbcClient jdbc;
	private final Agencies agencies;
	private final JdbcSignOffPolicies policies;

	DemoSignOff(JdbcClient jdbc, Agencies agencies, JdbcSignOffPolicies policies) {
		this.jdbc = jdbc;
		this.agencies = agencies;
		this.policies = policies;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select count(*) from sign_off_policy").query(Long.class).single() > 0) {
			return;
		}
		List<String> counties = agencies.all().stream().filter(a -> a.kind() == AgencyKind.COUNTY_BUREAU)
			.map(a -> a.code()).toList();
		counties.forEach(code -> policies.store(code, DocumentKind.ASSISTANCE_LETTER, Approval.SIGN_OFF, "system"));
		log.info("演示数据：{} 个县（市、区）应急管理局的协助调查函须经本局领导签发", counties.size());
	}
}
