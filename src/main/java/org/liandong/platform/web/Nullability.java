package org.liandong.platform.web;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.springdoc.core.customizers.OpenApiCustomizer;

import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * Nullability in the description as the Java types have it (issue 20): a property of a reference
 * type may be null ({@code type: [string, "null"]}, a reference as {@code anyOf} with null) unless
 * the type says otherwise: a primitive, a bean-validation {@code @NotNull}, {@code @NotBlank} or
 * {@code @NotEmpty}, or {@code @Schema(requiredMode = REQUIRED)} on an answer's property the code
 * always fills. Text that must not be blank has a least length of 1, whatever {@code @Size} says
 * of its greatest. Without this a client generated from the description failed on the first
 * {@code "parentCode": null}.
 */
final class Nullability implements OpenApiCustomizer {

	private final Function<String, Optional<Class<?>>> types;

	Nullability(Function<String, Optional<Class<?>>> types) {
		this.types = types;
	}

	@Override
	public void customise(OpenAPI api) {
		if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
			return;
		}
		api.getComponents().getSchemas().forEach((name, schema) -> types.apply(name)
			.ifPresent(type -> describe(schema, type)));
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void describe(Schema<?> schema, Class<?> type) {
		Map<String, Schema> properties = schema.getProperties();
		if (properties == null) {
			return;
		}
		for (Map.Entry<String, Schema> property : properties.entrySet()) {
			Optional<Element> element = element(type, property.getKey());
			if (element.isEmpty()) {
				continue;
			}
			Element java = element.get();
			Schema described = property.getValue();
			if ((java.has(NotBlank.class) || java.has(NotEmpty.class)) && String.class.equals(java.type())
					&& (described.getMinLength() == null || described.getMinLength() == 0)) {
				described.setMinLength(1);
			}
			if (!java.neverNull()) {
				property.setValue(nullable(described));
			}
		}
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Schema nullable(Schema described) {
		if (described.get$ref() != null) {
			Schema reference = new JsonSchema().$ref(described.get$ref());
			Schema nothing = new JsonSchema();
			nothing.addType("null");
			Schema either = new JsonSchema().anyOf(List.<Schema>of(reference, nothing));
			either.setDescription(described.getDescription());
			return either;
		}
		Set<String> kinds = new LinkedHashSet<>();
		if (described.getTypes() != null) {
			kinds.addAll(described.getTypes());
		}
		else if (described.getType() != null) {
			kinds.add(described.getType());
		}
		if (kinds.isEmpty()) {
			return described; // no type stated: null is already allowed
		}
		kinds.add("null");
		described.setTypes(kinds);
		if (described.getEnum() != null && !described.getEnum().contains(null)) {
			List values = new ArrayList(described.getEnum());
			values.add(null);
			described.setEnum(values);
		}
		return described;
	}

	/** A property's Java side: a record's component (read through its accessor) or a field. */
	private record Element(Class<?> type, AnnotatedElement annotated) {

		boolean has(Class<? extends java.lang.annotation.Annotation> annotation) {
			return annotated.isAnnotationPresent(annotation);
		}

		boolean neverNull() {
			io.swagger.v3.oas.annotations.media.Schema schema = annotated
				.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
			return type.isPrimitive() || has(NotNull.class) || has(NotBlank.class) || has(NotEmpty.class)
					|| schema != null && schema.requiredMode() == RequiredMode.REQUIRED;
		}
	}

	private static Optional<Element> element(Class<?> type, String name) {
		if (type.isRecord()) {
			for (RecordComponent component : type.getRecordComponents()) {
				if (component.getName().equals(name)) {
					return Optional.of(new Element(component.getType(), component.getAccessor()));
				}
			}
			return Optional.empty();
		}
		for (Class<?> each = type; each != null && each != Object.class; each = each.getSuperclass()) {
			try {
				java.lang.reflect.Field field = each.getDeclaredField(name);
				return Optional.of(new Element(field.getType(), field));
			}
			catch (NoSuchFieldException e) {
				// a superclass may declare it
			}
		}
		return Optional.empty();
	}
}
