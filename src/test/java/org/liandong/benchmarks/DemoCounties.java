package org.liandong.benchmarks;

import java.util.List;

import org.liandong.generator.Layout;

/**
 * The demo's ten county bureaus of 平顶山市 as the benchmarks act for them: the prefix of their demo accounts
 * ({@code xinhua.enforcer}, {@code xinhua.liaison} …) and their agency codes, both in the order of
 * {@link Layout#PINGDINGSHAN}.
 */
final class DemoCounties {

	static final List<String> PREFIXES = List.of("xinhua", "weidong", "shilong", "zhanhe", "baofeng", "yexian", "lushan",
			"jiaxian", "wugang", "ruzhou");

	static final List<String> CODES = Layout.PINGDINGSHAN.stream().map(Layout.Bureau::code).toList();

	private DemoCounties() {
	}
}
