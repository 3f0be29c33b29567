package org.yaohao.bench.round;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One client's HTTP/1.1 connection, kept alive, asking GETs one after the other: a few microseconds of the load
 * generator's CPU per request, where {@code java.net.http.HttpClient} spent about as much as the server it measured (both
 * share the machine's two cores). Reads a response by its {@code Content-Length} or its chunks; reconnects when the
 * server closes the connection.
 */
final class KeepAliveGet implements AutoCloseable {

    /** A response's status and body (UTF-8). */
    record Response(int status, String body) {
    }

    private final String host;
    private final int port;
    private final String headers;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    /** {@code base}: {@code http://host:port}; {@code authorization}: the header's value, or null. */
    KeepAliveGet(String base, String authorization) {
        URI uri = URI.create(base);
        this.host = uri.getHost();
        this.port = uri.getPort() < 0 ? 80 : uri.getPort();
        this.headers = "Host: " + host + ":" + port + "\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + "Accept: application/json\r\n\r\n";
    }

    Response get(String path) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            return exchange(path);
        } catch (IOException closedMeanwhile) {
            // a kept-alive connection the server closed between two requests: once more on a fresh one
            close();
            connect();
            return exchange(path);
        }
    }

    private Response exchange(String path) throws IOException {
        out.write(("GET " + path + " HTTP/1.1\r\n" + headers).getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String statusLine = line();
        if (statusLine.length() < 12) {
            throw new IOException("no HTTP status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closing = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.equalsIgnoreCase("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                closing = value.equalsIgnoreCase("close");
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                 size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                body.write(in.readNBytes(size));
                line();
            }
            for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                // trailers are not used
            }
        } else if (length >= 0) {
            body.write(in.readNBytes((int) length));
        } else {
            body.write(in.readAllBytes());
            closing = true;
        }
        if (closing) {
            close();
        }
        return new Response(status, body.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        socket.setSoTimeout(10_000);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = socket.getOutputStream();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
