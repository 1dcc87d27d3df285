package org.childalert.faults;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 that the test can cut: {@link #cut()} closes the listening socket and every connection
 * through it, so that the services see what they would see if the server behind it went down (connections reset,
 * new connections refused); {@link #restore()} listens again on the same port. The machine's RabbitMQ and
 * PostgreSQL, which other checkouts use, are never touched.
 */
final class TcpProxy implements Closeable {

    private final String name;
    private final int listenPort;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile ServerSocket server;

    TcpProxy(String name, int listenPort, int targetPort) {
        this.name = name;
        this.listenPort = listenPort;
        this.targetPort = targetPort;
    }

    synchronized TcpProxy start() throws IOException {
        if (server != null) {
            return this;
        }
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), listenPort));
        server = socket;
        Thread acceptor = new Thread(() -> acceptFrom(socket), name + "-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return this;
    }

    /** Down: nothing listens on the port any more, and every connection through the proxy is reset. */
    synchronized void cut() {
        ServerSocket socket = server;
        server = null;
        closeQuietly(socket);
        for (Socket connection : open) {
            try {
                connection.setSoLinger(true, 0); // a reset, as from a server that went away
            } catch (IOException ignored) {
                // closed already
            }
            closeQuietly(connection);
        }
        open.clear();
    }

    void restore() throws IOException {
        start();
    }

    /** Connections accepted since the start: the services connect through the proxy, not around it. */
    int accepted() {
        return accepted.get();
    }

    int openConnections() {
        return open.size() / 2;
    }

    int port() {
        return listenPort;
    }

    @Override
    public void close() {
        cut();
    }

    private void acceptFrom(ServerSocket socket) {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException closed) {
                return;
            }
            accepted.incrementAndGet();
            Socket upstream = new Socket();
            try {
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5_000);
            } catch (IOException unreachable) {
                closeQuietly(client);
                closeQuietly(upstream);
                continue;
            }
            if (server != socket) { // cut meanwhile
                closeQuietly(client);
                closeQuietly(upstream);
                return;
            }
            open.add(client);
            open.add(upstream);
            pump(client, upstream);
            pump(upstream, client);
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[32 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException ended) {
                // one side closed or was cut: close both below
            } finally {
                open.remove(from);
                open.remove(to);
                closeQuietly(from);
                closeQuietly(to);
            }
        }, name + "-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
