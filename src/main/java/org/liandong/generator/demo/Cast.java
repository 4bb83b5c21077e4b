package org.liandong.generator.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.liandong.platform.SignedInUser;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Who acts in the demo year: the demo accounts, loaded the way signing in loads them, and the ten
 * county bureaus of 平顶山市 with how diligent each is, so that the year-end evaluation tells them
 * apart.
 */
final class Cast {

	static final String CITY = "410400";
	static final String LEADER = "city.leader";
	static final String LEGAL = "city.legal";
	static final String OFFICE = "city.detachment";

	/**
	 * A county bureau of the demo: its code, its name, the prefix of its demo accounts, and the share
	 * of its obligations it meets on time (the rest it meets late or, now and then, not at all).
	 */
	record Bureau(String code, String county, String prefix, double diligence) {

		String enforcer() {
			return prefix + ".enforcer";
		}

		String liaison() {
			return prefix + ".liaison";
		}

		String name() {
			return "平顶山市" + county + "应急管理局";
		}
	}

	static final List<Bureau> BUREAUS = List.of(new Bureau("410402", "新华区", "xinhua", 0.95),
			new Bureau("410403", "卫东区", "weidong", 0.9), new Bureau("410404", "石龙区", "shilong", 0.7),
			new Bureau("410411", "湛河区", "zhanhe", 0.85), new Bureau("410421", "宝丰县", "baofeng", 0.8),
			new Bureau("410422", "叶县", "yexian", 0.6), new Bureau("410423", "鲁山县", "lushan", 0.75),
			new Bureau("410425", "郏县", "jiaxian", 0.9), new Bureau("410481", "舞钢市", "wugang", 0.65),
			new Bureau("410482", "汝州市", "ruzhou", 0.85));

	private final UserDetailsService accounts;
	private final Map<String, SignedInUser> people = new HashMap<>();

	Cast(UserDetailsService accounts) {
		this.accounts = accounts;
	}

	/** Everyone of the demo who receives messages: the city's people, the departments' and the bureaus'. */
	List<String> everyone() {
		List<String> names = new ArrayList<>(List.of(LEADER, LEGAL, OFFICE, "samr.leader", "police.leader"));
		BUREAUS.forEach(bureau -> names.addAll(List.of(bureau.enforcer(), bureau.liaison())));
		return names;
	}

	/** The demo account as signing in would load it. */
	SignedInUser person(String username) {
		return people.computeIfAbsent(username, name -> (SignedInUser) accounts.loadUserByUsername(name));
	}

	static Bureau bureau(String code) {
		return find(code).orElseThrow();
	}

	static Optional<Bureau> find(String code) {
		return BUREAUS.stream().filter(b -> b.code().equals(code)).findFirst();
	}
}
