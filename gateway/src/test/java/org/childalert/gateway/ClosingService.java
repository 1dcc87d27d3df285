package org.childalert.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake service that behaves like Tomcat after it answered a request it did not want: it reads the whole
 * request, answers 400 problem+json on a keep-alive connection (no {@code Connection: close}), and then closes the
 * connection anyway. A client that puts such a connection back into its pool and reuses it gets no answer.
 * Records every request it read, method and path, with the body's length.
 */
final class ClosingService implements AutoCloseable {

    static final String PROBLEM = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
            + "\"detail\":\"The body is not valid JSON.\"}";

    private final ServerSocket server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    ClosingService() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "closing-service");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** "POST /api/alerts/x 1234" for each request read. */
    List<String> requests() {
        return requests;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket connection = server.accept();
                Thread handler = new Thread(() -> answerOnceAndClose(connection), "closing-service-connection");
                handler.setDaemon(true);
                handler.start();
            }
            catch (IOException closed) {
                return;
            }
        }
    }

    private void answerOnceAndClose(Socket connection) {
        try (connection) {
            InputStream in = connection.getInputStream();
            String head = readHead(in);
            if (head.isEmpty()) {
                return;
            }
            String[] requestLine = head.substring(0, head.indexOf("\r\n")).split(" ");
            String headers = head.toLowerCase(Locale.ROOT);
            long length;
            if (headers.contains("transfer-encoding: chunked")) {
                length = readChunked(in);
            }
            else {
                int at = headers.indexOf("content-length:");
                length = at < 0 ? 0 : Long.parseLong(headers.substring(at + 15, headers.indexOf("\r\n", at)).trim());
                in.readNBytes((int) length);
            }
            requests.add(requestLine[0] + " " + requestLine[1] + " " + length);
            byte[] body = PROBLEM.getBytes(StandardCharsets.UTF_8);
            OutputStream out = connection.getOutputStream();
            out.write(("HTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json\r\nContent-Length: "
                    + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
        }
        catch (IOException | RuntimeException e) {
            // the client went away: nothing to answer
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int b = in.read(); b >= 0; b = in.read()) {
            head.write(b);
            matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return "";
    }

    private static long readChunked(InputStream in) throws IOException {
        long total = 0;
        while (true) {
            String sizeLine = readLine(in);
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                while (!readLine(in).isEmpty()) {
                    // trailers
                }
                return total;
            }
            total += in.readNBytes(size).length;
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
