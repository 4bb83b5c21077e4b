package org.liandong.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The benchmarks' profile summary read off async-profiler's collapsed stacks (issue 18): shares counted by hand from
 * the lines below, not from a run.
 */
class ProfileTest {

	private static final String COLLAPSED = """
			[http-nio-auto-1-exec-12 tid=4711];java/lang/Thread.run;org/liandong/platform/web/RequestLimits.doFilterInternal;org/springframework/web/servlet/DispatcherServlet.doDispatch;org/liandong/assistance/internal/AssistanceService.act;org/liandong/platform/Sm2.sign;org/bouncycastle/math/raw/Nat256.mul 6
			[http-nio-auto-1-exec-3 tid=4702];java/lang/Thread.run;org/liandong/platform/web/RequestLimits.doFilterInternal;org/springframework/web/servlet/handler/AbstractHandlerMethodMapping.lookupHandlerMethod 3
			[C2 CompilerThread0 tid=17];thread_native_entry;C2Compiler::compile_method 1
			""";

	@Test
	void threads_top_frames_and_the_nearest_application_method_are_summed_by_samples() {
		Profile.Summary summary = Profile.summarise("async-profiler 4.2", COLLAPSED, Path.of("x.html"));

		assertThat(summary.samples()).isEqualTo(10);
		// a thread's number in its pool stands for any: the two request threads are one row; C2 stays C2
		assertThat(summary.threads()).extracting(Profile.Share::frame, Profile.Share::samples)
			.containsExactly(tuple("http-nio-auto-#-exec-#", 9L), tuple("C2 CompilerThread#", 1L));
		assertThat(summary.topFrames()).extracting(Profile.Share::frame, Profile.Share::percent)
			.containsExactly(tuple("Nat256.mul", 60.0), tuple("AbstractHandlerMethodMapping.lookupHandlerMethod", 30.0),
					tuple("C2Compiler::compile_method", 10.0));
		// the application's method nearest the top, below a library's frames; none for the compiler's stack
		assertThat(summary.applicationFrames()).extracting(Profile.Share::frame, Profile.Share::samples)
			.containsExactly(tuple("Sm2.sign", 6L), tuple("RequestLimits.doFilterInternal", 3L));
	}
}
