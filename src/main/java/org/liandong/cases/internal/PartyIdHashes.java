package org.liandong.cases.internal;

import java.util.List;

import org.liandong.platform.FieldCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives every sealed ID number its keyed hash (issue 22), at start-up: the cases registered before
 * V38 had none, and after a master-key rotation the hashes under the earlier key no longer match new
 * ones. Opens each number from its SM4 seal, in batches; a row changed meanwhile is left to the next
 * start (the guard on the seal), and instances starting together write the same value.
 */
@Component
class PartyIdHashes {

	private static final Logger log = LoggerFactory.getLogger(PartyIdHashes.class);

	private static final int BATCH = 500;

	private final JdbcClient jdbc;
	private final FieldCipher cipher;

	PartyIdHashes(JdbcClient jdbc, FieldCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStartUp() {
		int written = fill();
		if (written > 0) {
			log.info("已为 {} 件案件的当事人公民身份号码计算检索用的密钥散列（issue 22）", written);
		}
	}

	/** Writes the missing and stale hashes; how many. */
	int fill() {
		int written = 0;
		long after = 0;
		while (true) {
			List<Sealed> batch = jdbc.sql("""
					select id, number, party_id_cipher, party_id_hash from enforcement_case
					where party_id_cipher is not null and id > ? order by id limit ?""")
				.params(after, BATCH)
				.query((rs, n) -> new Sealed(rs.getLong("id"), rs.getString("number"), rs.getString("party_id_cipher"),
						rs.getString("party_id_hash")))
				.list();
			if (batch.isEmpty()) {
				return written;
			}
			for (Sealed row : batch) {
				written += rehash(row);
			}
			after = batch.get(batch.size() - 1).id();
		}
	}

	private int rehash(Sealed row) {
		if (cipher.isCurrentKeyedHash(row.hash(), PartyLinkage.ID_HASH_PURPOSE)) {
			return 0;
		}
		String hash;
		try {
			hash = cipher.keyedHash(cipher.decrypt(row.cipher(), CaseRegistration.idContext(row.number())),
					PartyLinkage.ID_HASH_PURPOSE);
		}
		catch (RuntimeException unreadable) {
			// an altered or foreign seal is reported by the re-encryption; it links to nothing
			log.warn("案件 {} 的当事人公民身份号码无法解密，未计算散列：{}", row.number(), unreadable.getMessage());
			return 0;
		}
		return jdbc.sql("update enforcement_case set party_id_hash = ? where id = ? and party_id_cipher = ?")
			.params(hash, row.id(), row.cipher())
			.update();
	}

	private record Sealed(long id, String number, String cipher, String hash) {
	}
}
