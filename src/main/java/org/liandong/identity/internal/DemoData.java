package org.liandong.identity.internal;

import org.liandong.agency.Agencies;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.liandong.agency.AgencyKind;
import org.liandong.agency.DivisionLevel;
import org.liandong.agency.NewAgency;
import org.liandong.agency.NewDivision;
import org.liandong.identity.NewUserAccount;
import org.liandong.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo installation: the Pingdingshan hierarchy of R1.1, three external departments (R1.2)
 * and one account per demo role, all with the password {@value PasswordPolicy#DEMO_PASSWORD}; the three
 * administrators also with the demo one-time-password secret {@value DemoAuthenticator#DEMO_SECRET}. Loaded
 * once, on an empty database, in the {@code demo} profile only (the default when none is chosen).
 */
@Component
@Profile("demo")
// before the generator module's demo year (issue 20), which acts through these accounts
@Order(0)
class DemoData implements ApplicationRunner {

	static final String PASSWORD = PasswordPolicy.DEMO_PASSWORD;

	static final String CITY = "410400";

	/** The county bureaus: division code, name, user-name prefix. */
	static final List<County> COUNTIES = List.of(
			new County("410402", "新华区", "xinhua"), new County("410403", "卫东区", "weidong"),
			new County("410404", "石龙区", "shilong"), new County("410411", "湛河区", "zhanhe"),
			new County("410421", "宝丰县", "baofeng"), new County("410422", "叶县", "yexian"),
			new County("410423", "鲁山县", "lushan"), new County("410425", "郏县", "jiaxian"),
			new County("410481", "舞钢市", "wugang"), new County("410482", "汝州市", "ruzhou"));

	private static final List<String> ENFORCERS = List.of("王志强", "李明轩", "张国华", "刘建军", "陈晓东", "杨振宇",
			"赵德胜", "黄海涛", "周立新", "吴俊峰");

	private static final List<String> LIAISONS = List.of("孙丽娟", "马文静", "朱晓燕", "胡春梅", "郭秀英", "何雪梅",
			"高玉兰", "林慧敏", "罗晓红", "郑美玲");

	/** The county bureaus' leaders, who sign off their letters in the demo (issue 23). */
	private static final List<String> LEADERS = List.of("冯德明", "蒋国强", "沈建华", "韩志明", "杨海波", "秦立伟",
			"许文涛", "吕振华", "施宏伟", "曹建国");

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final Agencies agencies;
	private final AccountService accounts;
	private final JdbcClient jdbc;
	private final PasswordEncoder passwords;
	private final TwoFactorService twoFactor;
	/** The county bureaus have leaders who sign off their letters (issue 23); the tests make their own. */
	private final boolean signOff;

	DemoData(Agencies agencies, AccountService accounts, JdbcClient jdbc, PasswordEncoder passwords,
			TwoFactorService twoFactor, @Value("${liandong.demo.sign-off:true}") boolean signOff) {
		this.signOff = signOff;
		this.twoFactor = twoFactor;
		this.agencies = agencies;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.passwords = passwords;
	}

	/** Every demo account name, so that production can refuse to start while one of them remains. */
	static List<String> usernames() {
		List<String> names = new ArrayList<>(
				List.of("sysadmin", "secadmin", "auditor", "city.legal", "city.detachment", "city.leader", "samr.leader",
						"police.leader"));
		COUNTIES.forEach(county -> {
			names.add(county.prefix() + ".enforcer");
			names.add(county.prefix() + ".liaison");
			names.add(county.prefix() + ".leader");
		});
		return names;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		boolean loaded = jdbc.sql("select count(*) from agency").query(Integer.class).single() > 0;
		if (loaded) {
			return;
		}
		log.info("空数据库：载入平顶山演示数据（演示账户密码 {}）", PASSWORD);
		divisions();
		cityAgencies();
		countyBureaus();
		externalDepartments();
		people(passwords.encode(PASSWORD));
		// the administrators must use a second factor (issue 12): bound to the secret published in the README
		List.of("sysadmin", "secadmin", "auditor").forEach(name -> twoFactor.enrolWithSecret(name, DemoAuthenticator.DEMO_SECRET));
	}

	private void divisions() {
		agencies.registerDivision(new NewDivision("410000", "河南省", DivisionLevel.PROVINCE, null));
		agencies.registerDivision(new NewDivision(CITY, "平顶山市", DivisionLevel.CITY, "410000"));
		COUNTIES.forEach(county -> agencies
			.registerDivision(new NewDivision(county.code(), county.name(), DivisionLevel.COUNTY, CITY)));
	}

	private void cityAgencies() {
		agencies.register(new NewAgency(CITY, "平顶山市应急管理局", "市应急管理局", AgencyKind.CITY_BUREAU, CITY, null));
		agencies.register(new NewAgency("410400.legal", "平顶山市应急管理局政策法规科", "市局法规科", AgencyKind.LEGAL_OFFICE,
				CITY, CITY));
		agencies.register(new NewAgency("410400.detachment", "平顶山市应急管理综合行政执法支队", "市执法支队",
				AgencyKind.ENFORCEMENT_DETACHMENT, CITY, CITY));
	}

	private void countyBureaus() {
		COUNTIES.forEach(county -> agencies.register(new NewAgency(county.code(), bureauName(county),
				county.name() + "应急局", AgencyKind.COUNTY_BUREAU, county.code(), CITY)));
	}

	private void externalDepartments() {
		agencies.register(new NewAgency("410400.samr", "平顶山市市场监督管理局", "市市场监管局",
				AgencyKind.EXTERNAL_DEPARTMENT, CITY, null));
		agencies.register(new NewAgency("410400.police", "平顶山市公安局", "市公安局", AgencyKind.EXTERNAL_DEPARTMENT, CITY,
				null));
		agencies.register(new NewAgency("410400.housing", "平顶山市住房和城乡建设局", "市住建局",
				AgencyKind.EXTERNAL_DEPARTMENT, CITY, null));
	}

	private void people(String hash) {
		person("sysadmin", "赵文博", CITY, "系统管理员", null, hash, EnumSet.of(Role.SYSTEM_ADMIN));
		person("secadmin", "钱安宁", CITY, "安全管理员", null, hash, EnumSet.of(Role.SECURITY_ADMIN));
		person("auditor", "孙审明", CITY, "审计管理员", null, hash, EnumSet.of(Role.AUDIT_ADMIN));
		person("city.leader", "吴建国", CITY, "副局长", null, hash, EnumSet.of(Role.LEADER));
		person("city.legal", "李法明", "410400.legal", "法规科科长", null, hash, EnumSet.of(Role.LEGAL_OFFICER));
		person("city.detachment", "周执远", "410400.detachment", "支队副支队长（联席会议办公室）", "13903750100", hash,
				EnumSet.of(Role.DETACHMENT_OFFICER, Role.LIAISON));
		// other departments sign agreements and memoranda through people of their own (R3.1, R4.1)
		person("samr.leader", "冯市监", "410400.samr", "副局长", null, hash, EnumSet.of(Role.LEADER));
		person("police.leader", "陈公安", "410400.police", "副局长", null, hash, EnumSet.of(Role.LEADER));
		for (int i = 0; i < COUNTIES.size(); i++) {
			County county = COUNTIES.get(i);
			person(county.prefix() + ".enforcer", ENFORCERS.get(i), county.code(), "执法大队执法人员", null, hash,
					EnumSet.of(Role.ENFORCER));
			person(county.prefix() + ".liaison", LIAISONS.get(i), county.code(), "信息联络员",
					"1390375%04d".formatted(101 + i), hash, EnumSet.of(Role.LIAISON));
			if (signOff) {
				person(county.prefix() + ".leader", LEADERS.get(i), county.code(), "局长", null, hash, EnumSet.of(Role.LEADER));
			}
		}
	}

	private void person(String username, String name, String agencyCode, String title, String mobile, String hash,
			Set<Role> roles) {
		String officePhone = "0375-" + (2660000 + Math.abs(username.hashCode() % 10000));
		accounts.createWithRoles(new NewUserAccount(username, name, agencyCode, PASSWORD, title, officePhone, mobile,
				username + "@pds-yjj.example.cn"), hash, false, roles);
	}

	private static String bureauName(County county) {
		boolean district = county.name().endsWith("区");
		return (district ? "平顶山市" : "") + county.name() + "应急管理局";
	}

	record County(String code, String name, String prefix) {
	}
}
