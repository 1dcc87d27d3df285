package org.childalert.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The proxy the fault suite cuts: bytes go through; cut, connections break and new ones are refused; restored, they work again. */
class TcpProxyTests {

    private ServerSocket echo;
    private TcpProxy proxy;

    @BeforeEach
    void startAnEchoServerBehindTheProxy() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread server = new Thread(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket client = echo.accept();
                    Thread pump = new Thread(() -> {
                        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
                            in.transferTo(out);
                        } catch (IOException ignored) {
                            // the client went away
                        }
                    });
                    pump.setDaemon(true);
                    pump.start();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        server.setDaemon(true);
        server.start();
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        proxy = new TcpProxy("echo", port, echo.getLocalPort()).start();
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echo.close();
    }

    @Test
    void carriesBytesUntilCutThenRefusesAndBreaksConnectionsUntilRestored() throws Exception {
        Socket before = connect();
        assertThat(roundTrip(before, "ping")).isEqualTo("ping");
        assertThat(proxy.openConnections()).isEqualTo(1);

        proxy.cut();
        assertThatThrownBy(() -> {
            for (int i = 0; i < 3; i++) { // the reset may surface on the write or on the read
                roundTrip(before, "lost");
            }
        }).isInstanceOf(IOException.class);
        // refused (nothing listens); should anything else have taken the port meanwhile, still nothing goes through
        assertThatThrownBy(() -> {
            try (Socket refused = connect()) {
                roundTrip(refused, "refused");
            }
        }).isInstanceOf(IOException.class);

        proxy.restore();
        try (Socket after = connect()) {
            assertThat(roundTrip(after, "back")).isEqualTo("back");
        }
        assertThat(proxy.accepted()).isEqualTo(2);
        before.close();
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static String roundTrip(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes());
        socket.getOutputStream().flush();
        byte[] answer = socket.getInputStream().readNBytes(text.length());
        if (answer.length < text.length()) {
            throw new IOException("connection closed after " + answer.length + " bytes");
        }
        return new String(answer);
    }
}
