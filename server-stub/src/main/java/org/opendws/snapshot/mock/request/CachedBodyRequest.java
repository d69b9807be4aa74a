package org.opendws.snapshot.mock.request;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.opendws.snapshot.mock.error.DwsException;
import org.opendws.snapshot.mock.error.ErrorWriter;

/**
 * A request whose body was read once, bounded, into memory: the signature is checked over
 * exactly these bytes and Spring MVC then reads the same bytes again.
 */
public final class CachedBodyRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    private CachedBodyRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    /**
     * Reads the body of {@code request}, chunked or not, refusing more than {@code maxBytes}
     * without reading further than one byte past the limit (a request read already is returned
     * as it is).
     *
     * @throws BodyTooLargeException when the body (or its announced length) exceeds the limit
     */
    public static CachedBodyRequest read(HttpServletRequest request, int maxBytes) throws IOException {
        if (request instanceof CachedBodyRequest cached && cached.body.length <= maxBytes) {
            return cached;
        }
        if (request.getContentLengthLong() > maxBytes) {
            throw new BodyTooLargeException(maxBytes);
        }
        InputStream in = request.getInputStream();
        // with a Content-Length the container ends the stream there: read just that (reading up to
        // the limit allocated 8 KB buffers for every request); a chunked body is read to the limit
        long announced = request.getContentLengthLong();
        byte[] body = in.readNBytes(announced >= 0 ? (int) announced : maxBytes + 1);
        if (body.length > maxBytes) {
            throw new BodyTooLargeException(maxBytes);
        }
        return new CachedBodyRequest(request, body);
    }

    /**
     * {@link #read}, or, for a body above {@code maxBytes}, the 400 {@code DWS.0001} answer
     * written with {@code errors} and null.
     */
    public static CachedBodyRequest readOrRefuse(HttpServletRequest request, HttpServletResponse response, int maxBytes,
                                                 ErrorWriter errors) throws IOException {
        try {
            return read(request, maxBytes);
        } catch (BodyTooLargeException e) {
            errors.write(request, response, DwsException.invalid(e.getMessage()));
            return null;
        }
    }

    /** The body bytes as received. */
    public byte[] body() {
        return body;
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("the body is already in memory");
            }

            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }

    /** The body is larger than the limit. */
    public static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTooLargeException(int maxBytes) {
            super("The request body is larger than " + maxBytes + " bytes (dws.mock.max-body-size).");
        }
    }
}
