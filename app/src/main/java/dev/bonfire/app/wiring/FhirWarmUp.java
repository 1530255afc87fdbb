package dev.bonfire.app.wiring;

import dev.bonfire.fhir.importer.FhirBundleImporter;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;

/** Loads the FHIR validator's definitions in the background once the server is up, so the first import is not the slow one. */
@Singleton
final class FhirWarmUp {

    private final FhirBundleImporter importer;

    FhirWarmUp(FhirBundleImporter importer) {
        this.importer = importer;
    }

    @EventListener
    void onServerStarted(ServerStartupEvent event) {
        Thread warmUp = new Thread(() -> importer.reader().warmUp(), "fhir-validator-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
    }
}
