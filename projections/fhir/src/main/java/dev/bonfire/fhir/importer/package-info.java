/**
 * FHIR R4 import: a Bundle (or a single resource) is read strictly, validated, mapped to domain commands
 * and sent through the one command gate as the tenant's import principal, all or nothing, with a report
 * per resource type that names everything imported, skipped or refused.
 */
package dev.bonfire.fhir.importer;
