package org.liandong;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Liandong (联动): the cross-regional law-enforcement collaboration platform of an
 * emergency-management bureau and the county bureaus under it. A modular monolith; each
 * top-level package is a module (see docs/modules).
 */
@SpringBootApplication
public class LiandongApplication {

	public static void main(String[] args) {
		SpringApplication.run(LiandongApplication.class, args);
	}
}
