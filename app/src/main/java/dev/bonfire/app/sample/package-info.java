/** The sample clinic: synthetic FHIR R4 bundles that bonfire generates itself, for the first run and the benchmarks. */
package dev.bonfire.app.sample;
