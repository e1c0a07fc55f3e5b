package jp.otasuke.common.events;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds a filled-in instance of any event record, so that every record in the catalog is covered by
 * the round-trip test, including the ones added later.
 */
public final class SampleEvents {

    private SampleEvents() {
    }

    public static OtasukeEvent of(EventCatalog entry) {
        return (OtasukeEvent) sample(entry.eventClass(), entry.eventClass());
    }

    private static Object sample(Class<?> type, Type generic) {
        if (type == UUID.class) {
            return UUID.randomUUID();
        } else if (type == Instant.class) {
            return Instant.parse("2026-11-25T01:02:03.456789Z");
        } else if (type == LocalDate.class) {
            return LocalDate.parse("2026-11-25");
        } else if (type == String.class) {
            return "大阪の町工場 / sample \"quoted\"";
        } else if (type == int.class) {
            return 42;
        } else if (type == long.class) {
            return 1_234_567L;
        } else if (type == double.class) {
            return 34.6937;
        } else if (type == boolean.class) {
            return true;
        } else if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants[constants.length - 1];
        } else if (type == List.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            return List.of(sample((Class<?>) element, element), sample((Class<?>) element, element));
        } else if (type == Map.class) {
            return Map.of("signatureId", "2100498", "proto", "TCP");
        } else if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = sample(components[i].getType(), components[i].getGenericType());
            }
            try {
                return type.getDeclaredConstructor(types).newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalArgumentException("No sample for " + type);
    }
}
