/** The command-line tools: serve, mint a development token, import FHIR bundles, generate the sample clinic, benchmark. */
package dev.bonfire.app.cli;
