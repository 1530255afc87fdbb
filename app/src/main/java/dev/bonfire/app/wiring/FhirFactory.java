package dev.bonfire.app.wiring;

import dev.bonfire.fhir.importer.FhirBundleImporter;
import dev.bonfire.policy.PolicyState;
import dev.bonfire.policy.jdbc.ThreadBoundTransactions;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.gateway.CommandGateway;

/** The FHIR importer: bundles become commands on the gated bus, one transaction per bundle. */
@Factory
class FhirFactory {

    @Singleton
    FhirBundleImporter fhirBundleImporter(CommandGateway commands, ThreadBoundTransactions transactions, PolicyState policyState) {
        return new FhirBundleImporter(commands, transactions, policyState);
    }
}
