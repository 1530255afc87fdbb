package dev.bonfire.query.api;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A patient in a list.
 *
 * @param family    family name of the official (else the first) name
 * @param given     its given names, space-separated
 * @param birthDate as written ({@code 1980}, {@code 1980-07} or {@code 1980-07-14})
 */
@Serdeable
public record PatientSummary(String id, String family, String given, String gender, String birthDate, boolean deceased) {
}
