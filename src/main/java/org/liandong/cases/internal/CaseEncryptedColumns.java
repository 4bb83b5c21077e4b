package org.liandong.cases.internal;

import org.liandong.platform.EncryptedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The cases module's sealed column (issue 19): a party's ID-card number, bound to the case's number. */
@Configuration(proxyBeanMethods = false)
class CaseEncryptedColumns {

	@Bean
	EncryptedColumn partyIdCipherColumn() {
		return new EncryptedColumn("enforcement_case", "party_id_cipher", "id", "number", CaseRegistration::idContext);
	}
}
