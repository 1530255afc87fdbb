package dev.bonfire.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bonfire.app.config.AxonSettings;
import dev.bonfire.policy.AccessGate;
import dev.bonfire.policy.jdbc.ThreadBoundTransactions;
import dev.bonfire.policy.state.JdbcPolicyState;
import dev.bonfire.policy.state.PolicyRecordProjector;
import dev.bonfire.policy.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The Axon Server connector is on the classpath, but is used only when an address is configured. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AxonServerConnectorTest {

    private TestDatabase database;
    private ThreadBoundTransactions transactions;

    @BeforeAll
    void database() {
        database = TestDatabase.migrated();
        transactions = new ThreadBoundTransactions(database.dataSource());
    }

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    @Test
    void withoutAnAxonServerAddress_eventsGoToPostgres_andNothingDialsTheDefaultAxonServerPort() throws Exception {
        try (ServerSocket defaultAxonServerPort = listenOn(8124)) {
            Configuration axon = configure(new AxonSettings(null));
            axon.start();
            try {
                assertThat(axon.eventStore()).isInstanceOf(EmbeddedEventStore.class);
                assertThat(axon.getComponent(AxonServerConnectionManager.class)).isNull();
                if (defaultAxonServerPort != null) {
                    assertThat(acceptsWithin(defaultAxonServerPort, 3000)).as("a connection to localhost:8124").isFalse();
                }
            } finally {
                axon.shutdown();
            }
        }
    }

    @Test
    void withAnAxonServerAddress_theConnectorStarts_andDialsThatAddress() throws Exception {
        try (ServerSocket fakeAxonServer = new ServerSocket(0)) {
            Configuration axon = configure(new AxonSettings("localhost:" + fakeAxonServer.getLocalPort()));
            Thread starter = new Thread(axon::start, "axon-start");
            starter.setDaemon(true);
            starter.start();
            try {
                assertThat(acceptsWithin(fakeAxonServer, 20_000)).as("a connection to the configured Axon Server").isTrue();
                assertThat(axon.getComponent(AxonServerConnectionManager.class)).isNotNull();
            } finally {
                // Axon's lifecycle is not safe to shut down while it is still starting
                starter.join(60_000);
                axon.shutdown();
            }
        }
    }

    private Configuration configure(AxonSettings settings) {
        var gate = new AccessGate(new JdbcPolicyState(transactions), java.time.Clock.systemUTC());
        return AxonFactory.configure(transactions, gate, settings, new PolicyRecordProjector(transactions), List.of());
    }

    private static ServerSocket listenOn(int port) {
        try {
            return new ServerSocket(port);
        } catch (IOException busy) {
            return null; // something else owns the port; the other assertions still hold
        }
    }

    private static boolean acceptsWithin(ServerSocket socket, int millis) throws IOException {
        socket.setSoTimeout(millis);
        try (Socket ignored = socket.accept()) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }
}
