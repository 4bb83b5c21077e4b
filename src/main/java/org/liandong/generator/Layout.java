package org.liandong.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where generated data lives: the cities and their county bureaus, the bureaus owning obligations
 * (in the order of the skew, the first the busiest) and the bureaus registering cases and proposing
 * list entries. Two layouts: {@link #province()}, the 17 cities of 河南省 with 156 county bureaus, and
 * {@link #city()}, the one city of the benchmarks (平顶山市, its 10 demo bureaus and 150 made-up ones).
 */
public record Layout(String name, String provinceCode, String provinceName, List<City> cities, List<Bureau> owners,
		List<Bureau> registrars) {

	/** A city: its division code (also its bureau's agency code) and name. */
	public record City(String code, String name) {
	}

	/** A county bureau: its agency and division code, its county's name and its city's code. */
	public record Bureau(String code, String county, String city) {

		public String agencyName() {
			return county + "应急管理局";
		}

		public String shortName() {
			return county + "应急局";
		}
	}

	/** The demo data's county bureaus of 平顶山市, busiest first. */
	public static final List<Bureau> PINGDINGSHAN = List.of(new Bureau("410402", "新华区", "410400"),
			new Bureau("410403", "卫东区", "410400"), new Bureau("410404", "石龙区", "410400"),
			new Bureau("410411", "湛河区", "410400"), new Bureau("410421", "宝丰县", "410400"),
			new Bureau("410422", "叶县", "410400"), new Bureau("410423", "鲁山县", "410400"),
			new Bureau("410425", "郏县", "410400"), new Bureau("410481", "舞钢市", "410400"),
			new Bureau("410482", "汝州市", "410400"));

	/** The benchmarks' made-up county bureaus of 平顶山市: codes 419101–419250, in no real county of GB/T 2260. */
	public static final int FIRST_ADDED = 419101;

	public static final int ADDED = 150;

	/** The 17 cities of 河南省 and how many county-level bureaus each has (156 in all, about the real number). */
	private static final Object[][] HENAN = { { "410100", "郑州市", 12 }, { "410200", "开封市", 9 },
			{ "410300", "洛阳市", 14 }, { "410400", "平顶山市", 10 }, { "410500", "安阳市", 9 }, { "410600", "鹤壁市", 5 },
			{ "410700", "新乡市", 12 }, { "410800", "焦作市", 10 }, { "410900", "濮阳市", 6 }, { "411000", "许昌市", 6 },
			{ "411100", "漯河市", 5 }, { "411200", "三门峡市", 6 }, { "411300", "南阳市", 13 }, { "411400", "商丘市", 9 },
			{ "411500", "信阳市", 10 }, { "411600", "周口市", 10 }, { "411700", "驻马店市", 10 } };

	/** One city with 160 county bureaus: the layout of the benchmarks, cases and list entries in the 10 demo bureaus. */
	public static Layout city() {
		List<Bureau> owners = new ArrayList<>(PINGDINGSHAN);
		for (int n = 0; n < ADDED; n++) {
			owners.add(new Bureau(Integer.toString(FIRST_ADDED + n), "基准" + "%03d".formatted(n + 1) + "县", "410400"));
		}
		return new Layout("city", "410000", "河南省", List.of(new City("410400", "平顶山市")), List.copyOf(owners),
				PINGDINGSHAN);
	}

	/**
	 * The province: 17 cities, each with its bureau, legal office and detachment, and 156 county bureaus
	 * (平顶山's are the demo's; the others are made up, codes {@code city prefix + 51…}, named
	 * 基准NN县 after their city). Every county bureau owns obligations, registers cases and proposes
	 * list entries; the skew runs over them interleaved by city (the first county of every city first),
	 * so that each city has a busy bureau.
	 */
	public static Layout province() {
		List<City> cities = new ArrayList<>();
		List<List<Bureau>> perCity = new ArrayList<>();
		for (Object[] row : HENAN) {
			String code = (String) row[0];
			String name = (String) row[1];
			int counties = (Integer) row[2];
			cities.add(new City(code, name));
			if (code.equals("410400")) {
				perCity.add(PINGDINGSHAN);
				continue;
			}
			List<Bureau> bureaus = new ArrayList<>();
			for (int n = 1; n <= counties; n++) {
				bureaus.add(new Bureau(code.substring(0, 4) + (50 + n), name.substring(0, name.length() - 1) + "基准"
						+ "%02d".formatted(n) + "县", code));
			}
			perCity.add(bureaus);
		}
		List<Bureau> ordered = new ArrayList<>();
		for (int rank = 0; ordered.size() < perCity.stream().mapToInt(List::size).sum(); rank++) {
			for (List<Bureau> bureaus : perCity) {
				if (rank < bureaus.size()) {
					ordered.add(bureaus.get(rank));
				}
			}
		}
		return new Layout("province", "410000", "河南省", List.copyOf(cities), List.copyOf(ordered), List.copyOf(ordered));
	}

	public static Layout named(String name) {
		return switch (name) {
			case "province" -> province();
			case "city" -> city();
			default -> throw new IllegalArgumentException("unknown layout " + name + " (province or city)");
		};
	}

	public String cityName(String code) {
		return cities.stream().filter(c -> c.code().equals(code)).map(City::name).findFirst().orElse(code);
	}

	/** The codes of the bureaus as an SQL array literal, e.g. {@code array['410402','410403']}. */
	static String array(List<Bureau> bureaus, java.util.function.Function<Bureau, String> field) {
		return bureaus.stream().map(b -> "'" + field.apply(b) + "'").collect(Collectors.joining(",", "array[", "]"));
	}
}
