package org.liandong.security;

import static org.liandong.security.AccessRules.Relation.CITY;
import static org.liandong.security.AccessRules.Relation.EXTERNAL;
import static org.liandong.security.AccessRules.Relation.OWNER;
import static org.liandong.security.AccessRules.Relation.PAIR;
import static org.liandong.security.AccessRules.Relation.THIRD;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.liandong.security.MatrixRecords.Kind;

/**
 * Who may do what (X2 and the module requirements), written as rules, one per endpoint, and not as
 * the outcomes of a run. A rule names the roles that may use the endpoint at all, the levels of
 * agency they must work at, the kind of record the path (or the body) names, the agencies that see
 * that record, and among them those that may act on it. The expected answer follows:
 * <ol>
 * <li>nobody signed in: sign-in required (a page's form post: refused by the CSRF check, 403);</li>
 * <li>a role or level the rule does not name: 403, whatever the record;</li>
 * <li>an agency that does not see the record: 404, as if there were none (X2: nothing is revealed);</li>
 * <li>an agency that sees it but may not act on it: 403;</li>
 * <li>anyone else: allowed, 2xx or 3xx.</li>
 * </ol>
 * A few rules expect only "reached" (neither 401, 403, 404 nor a server error) where a valid request
 * cannot be made in this test; each says why.
 */
final class AccessRules {

	/** The level an actor works at (R1.1, R1.2). */
	enum Level {
		NOBODY, ADMINISTRATOR, CITY, COUNTY, EXTERNAL
	}

	/** How an actor's agency stands to the records of {@link MatrixRecords}. */
	enum Relation {
		NONE,
		/** the city bureau and its offices */
		CITY,
		/** 新华区, whose records they are */
		OWNER,
		/** 宝丰县, the other party of a pair (assisting bureau, co-signatory, notified bureau, designee) */
		PAIR,
		/** 卫东区, a third county of the same city, party to nothing */
		THIRD,
		/** another department (市市场监管局) */
		EXTERNAL
	}

	record Actor(String alias, String username, Set<String> roles, Level level, Relation relation) {

		boolean anonymous() {
			return username == null;
		}
	}

	static final List<Actor> ACTORS = List.of(
			new Actor("anon", null, Set.of(), Level.NOBODY, Relation.NONE),
			new Actor("sys", "sysadmin", Set.of("SYSTEM_ADMIN"), Level.ADMINISTRATOR, Relation.NONE),
			new Actor("sec", "secadmin", Set.of("SECURITY_ADMIN"), Level.ADMINISTRATOR, Relation.NONE),
			new Actor("aud", "auditor", Set.of("AUDIT_ADMIN"), Level.ADMINISTRATOR, Relation.NONE),
			new Actor("leader", "city.leader", Set.of("LEADER"), Level.CITY, CITY),
			new Actor("legal", "city.legal", Set.of("LEGAL_OFFICER"), Level.CITY, CITY),
			new Actor("det", "city.detachment", Set.of("DETACHMENT_OFFICER", "LIAISON"), Level.CITY, CITY),
			new Actor("ext", "samr.leader", Set.of("LEADER"), Level.EXTERNAL, EXTERNAL),
			new Actor("own.enf", "xinhua.enforcer", Set.of("ENFORCER"), Level.COUNTY, OWNER),
			new Actor("own.liai", "xinhua.liaison", Set.of("LIAISON"), Level.COUNTY, OWNER),
			new Actor("pair.enf", "baofeng.enforcer", Set.of("ENFORCER"), Level.COUNTY, PAIR),
			new Actor("pair.liai", "baofeng.liaison", Set.of("LIAISON"), Level.COUNTY, PAIR),
			new Actor("third.enf", "weidong.enforcer", Set.of("ENFORCER"), Level.COUNTY, THIRD),
			new Actor("third.liai", "weidong.liaison", Set.of("LIAISON"), Level.COUNTY, THIRD));

	static final Set<String> ANYONE = Set.of("SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN", "LEADER", "LEGAL_OFFICER",
			"DETACHMENT_OFFICER", "ENFORCER", "LIAISON");

	/** Every business role; never an administrator (三员分立, SECURITY.md row 9). */
	static final Set<String> BUSINESS = Set.of("LEADER", "LEGAL_OFFICER", "DETACHMENT_OFFICER", "ENFORCER", "LIAISON");

	/** Registers and works cases: enforcers and the city's detachment. */
	static final Set<String> CASE_OFFICER = Set.of("ENFORCER", "DETACHMENT_OFFICER");

	static final Set<String> NOTIFIER = Set.of("ENFORCER", "DETACHMENT_OFFICER", "LIAISON");

	/** The city bureau's direction: its leaders and its detachment (R2.6, R2.7, R7.2, R8.1). */
	static final Set<String> DIRECTION = Set.of("LEADER", "DETACHMENT_OFFICER");

	static final Set<String> LEGAL = Set.of("LEGAL_OFFICER");

	static final Set<String> OFFICE = Set.of("DETACHMENT_OFFICER");

	static final Relation[] PARTIES = { CITY, OWNER, PAIR };

	static final Relation[] OWN = { CITY, OWNER };

	/** A record of the owner alone: not even the city reads it. */
	static final Relation[] ALONE = { OWNER };

	static final Relation[] BUREAUS = { CITY, OWNER, PAIR, THIRD };

	static final Relation[] EVERYONE = { CITY, OWNER, PAIR, THIRD, EXTERNAL };

	/** What a rule expects of a permitted actor: a success, or (stated why) only that access was not refused. */
	enum Allowed {
		SUCCESS, REACHED
	}

	/** One endpoint's rule. */
	static final class Rule {

		final Set<String> roles;

		Set<Level> levels = EnumSet.allOf(Level.class);

		Kind kind;

		Set<Relation> seenBy = EnumSet.allOf(Relation.class);

		Set<Relation> doneBy = EnumSet.allOf(Relation.class);

		BiFunction<Map<String, String>, Actor, String> body = (values, actor) -> null;

		Function<Map<String, String>, String> query = values -> "";

		Map<String, String> fixed = new LinkedHashMap<>();

		Function<Map<String, String>, Map<String, String>> form = values -> Map.of();

		String file;

		Allowed allowed = Allowed.SUCCESS;

		String why = "";

		boolean open;

		char answer;

		Rule(Set<String> roles) {
			this.roles = roles;
		}

		/** Only actors working at these levels. */
		Rule at(Level... levels) {
			this.levels = EnumSet.copyOf(List.of(levels));
			return this;
		}

		/** The record the path or the body names, and the agencies that see it. */
		Rule on(Kind kind, Relation... seenBy) {
			this.kind = kind;
			this.seenBy = EnumSet.copyOf(List.of(seenBy));
			return this;
		}

		/** Among those that see the record, the agencies that may act on it. */
		Rule by(Relation... doneBy) {
			this.doneBy = EnumSet.copyOf(List.of(doneBy));
			return this;
		}

		Rule body(String json) {
			return body((values, actor) -> json);
		}

		Rule body(Function<Map<String, String>, String> json) {
			return body((values, actor) -> json.apply(values));
		}

		Rule body(BiFunction<Map<String, String>, Actor, String> json) {
			this.body = json;
			return this;
		}

		Rule query(String query) {
			return query(values -> query);
		}

		Rule query(Function<Map<String, String>, String> query) {
			this.query = query;
			return this;
		}

		/** The fields a page's form posts, so that the record named in them is what is judged. */
		Rule form(Function<Map<String, String>, Map<String, String>> form) {
			this.form = form;
			return this;
		}

		/** A path variable with a value of its own for this endpoint. */
		Rule with(String variable, String value) {
			fixed.put(variable, value);
			return this;
		}

		/** Uploads this file (a CSV for screenings, otherwise a PDF). */
		Rule file(String name) {
			this.file = name;
			return this;
		}

		/** Reached is all that is expected of a permitted actor, for the reason given. */
		Rule reached(String why) {
			this.allowed = Allowed.REACHED;
			this.why = why;
			return this;
		}

		/** Open to everyone, signed in or not (the sign-in pages). */
		Rule open() {
			this.open = true;
			return this;
		}

		/** Expect this one answer of every permitted actor instead (the error page answers 404). */
		Rule answers(char outcome, String why) {
			this.answer = outcome;
			this.why = why;
			return this;
		}

		/**
		 * The answers that keep this rule, the first the one the rule names: U sign-in, D refused
		 * (403), H not found (404), A allowed (2xx, 3xx), R reached (another 4xx: the request was
		 * judged). An agency that does not see the record may be told 404 where its role alone
		 * would be refused: both answers reveal nothing. A page shows a refusal of the service
		 * (not of the role check before it) as a message on the page, so there a refusal may also
		 * be an answer of the page.
		 */
		String expected(Actor actor, boolean page, boolean writes) {
			String allowedAnswer = answer != 0 ? String.valueOf(answer)
					: allowed == Allowed.SUCCESS && !(page && writes) ? "A" : "RA";
			if (open) {
				return allowedAnswer;
			}
			if (actor.anonymous()) {
				return page && writes ? "DU" : "U";
			}
			boolean sees = kind == null || seenBy.contains(actor.relation());
			if (actor.roles().stream().noneMatch(roles::contains)) {
				if (actor.level() == Level.ADMINISTRATOR || !page) {
					return sees ? "D" : "DH";
				}
				return sees ? "DAR" : "DHAR";
			}
			if (!levels.contains(actor.level())) {
				String refused = page ? "DAR" : "D";
				return sees ? refused : refused + "H";
			}
			if (!sees) {
				return "H";
			}
			if (kind != null && !doneBy.contains(actor.relation())) {
				return page ? "DAR" : "D";
			}
			return allowedAnswer;
		}
	}

	static Rule rule(Set<String> roles) {
		return new Rule(roles);
	}

	private AccessRules() {
	}
}
