package org.liandong.platform;

import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A column whose values {@link FieldCipher} seals, declared as a bean by the module that owns the
 * table, so that the re-encryption after a key rotation (issue 19) finds every one without knowing
 * the modules' tables itself.
 *
 * @param table the table
 * @param column the column holding the sealed value (null where there is none)
 * @param rowId the table's numeric key, by which the rows are walked in order
 * @param placeColumn the column whose value names the row in the value's context
 * @param context the context (table.column:row key) for the value of {@code placeColumn}, as the
 *     owning module seals and opens it
 */
public record EncryptedColumn(String table, String column, String rowId, String placeColumn,
		Function<String, String> context) {

	private static final Pattern NAME = Pattern.compile("[a-z][a-z_]*");

	public EncryptedColumn {
		for (String name : new String[] { table, column, rowId, placeColumn }) {
			if (name == null || !NAME.matcher(name).matches()) {
				throw new IllegalArgumentException("not a table or column name: " + name);
			}
		}
	}

	/** How the column is named in progress reports: table.column. */
	public String name() {
		return table + "." + column;
	}
}
