package org.liandong;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module structure of DESIGN.md: no cycles, no reach into another module's internals. */
class ModularityTest {

	private final ApplicationModules modules = ApplicationModules.of(LiandongApplication.class);

	@Test
	void modules_keep_to_their_public_apis() {
		modules.verify();
	}

	@Test
	void module_diagram_is_written_into_the_docs() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();

		assertThat(Path.of("docs/modules/components.puml")).exists();
		// the organisation, who a person is and how they sign in, and the working days: three modules (issue 25)
		assertThat(modules.getModuleByName("agency")).isPresent();
		assertThat(modules.getModuleByName("identity")).isPresent();
		assertThat(modules.getModuleByName("calendar")).isPresent();
		assertThat(modules.getModuleByName("audit")).isPresent();
	}
}
