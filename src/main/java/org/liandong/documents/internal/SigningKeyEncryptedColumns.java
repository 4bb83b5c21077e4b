package org.liandong.documents.internal;

import org.liandong.platform.EncryptedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The documents module's sealed column (issue 19): an agency's SM2 private key, bound to its public key. */
@Configuration(proxyBeanMethods = false)
class SigningKeyEncryptedColumns {

	@Bean
	EncryptedColumn signingPrivateKeyColumn() {
		return new EncryptedColumn("signing_key", "private_key", "id", "public_key", KeyService::privateKeyContext);
	}
}
