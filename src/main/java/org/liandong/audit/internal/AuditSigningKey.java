package org.liandong.audit.internal;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.liandong.audit.AuditCheckpoints.Checkpoint;
import org.liandong.platform.Sm2;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The SM2 key that signs the audit chain's checkpoints (issue 19), held outside the database: the
 * private scalar comes from {@code liandong.audit.signing-key} (environment
 * {@code LIANDONG_AUDIT_SIGNING_KEY} in the prod profile). Without it, or with the demo key outside
 * the demo, the application does not start. The public key is derived and written to the log, for
 * the auditor to keep. After the key is changed, the checkpoints signed with the old one still
 * verify while its public key is listed in {@code liandong.audit.previous-public-keys}.
 */
@Component
class AuditSigningKey {

	/** Published in application.yml for the demo; refused everywhere else. */
	static final String DEMO_KEY = "6e853df22d87ad4dab87dce57c8efa583a970124faa42268aa457ab1fb08384a";

	private static final Logger log = LoggerFactory.getLogger(AuditSigningKey.class);

	private final String privateKey;
	private final String publicKey;
	private final Set<String> trusted = new HashSet<>();

	AuditSigningKey(@Value("${liandong.audit.signing-key:}") String configured,
			@Value("${liandong.audit.previous-public-keys:}") List<String> previous, Environment environment) {
		String key = configured.strip();
		if (key.isEmpty()) {
			throw new IllegalStateException("未设置审计签名私钥：请通过环境变量 LIANDONG_AUDIT_SIGNING_KEY 设置 SM2 私钥"
					+ "（64 位十六进制数，如 openssl rand -hex 32 的输出），审计哈希链的检查点以它签名");
		}
		if (key.equalsIgnoreCase(DEMO_KEY) && !environment.matchesProfiles("demo")) {
			throw new IllegalStateException("生产环境不得使用演示审计签名私钥：请通过环境变量 LIANDONG_AUDIT_SIGNING_KEY 设置新的 SM2 私钥");
		}
		try {
			this.publicKey = Sm2.publicKeyOf(key);
		}
		catch (IllegalArgumentException invalid) {
			throw new IllegalStateException("审计签名私钥 LIANDONG_AUDIT_SIGNING_KEY 无效：" + invalid.getMessage(), invalid);
		}
		this.privateKey = key.toLowerCase();
		trusted.add(publicKey);
		previous.stream().map(String::strip).filter(k -> !k.isEmpty()).map(String::toLowerCase).forEach(trusted::add);
		log.info("审计检查点的 SM2 签名公钥：{}", publicKey);
	}

	String publicKey() {
		return publicKey;
	}

	String sign(String message) {
		return Sm2.sign(new Sm2.KeyPair(publicKey, privateKey), message.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Why the checkpoint is not to be trusted, in Chinese; null when it was signed with this key and
	 * its signature holds for what it says.
	 */
	String problemWith(Checkpoint checkpoint) {
		if (!trusted.contains(checkpoint.publicKey())) {
			return "第 %d 号检查点不是以本系统的审计签名密钥签署的（公钥与配置的不符）：检查点系伪造".formatted(checkpoint.number());
		}
		if (!Sm2.verify(checkpoint.publicKey(), checkpoint.message().getBytes(StandardCharsets.UTF_8),
				checkpoint.signature())) {
			return "第 %d 号检查点的签名无效：检查点所记的序号、哈希、时间或签名在数据库中被改动".formatted(checkpoint.number());
		}
		return null;
	}
}
