package org.opendws.snapshot.mock.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.opendws.snapshot.mock.error.ServiceError;

/**
 * A request whose body was read once, bounded, into memory: the signature is checked over
 * exactly these bytes and Spring MVC then reads the same bytes again.
 */
final class BodyRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    BodyRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    /**
     * The body of {@code request}, chunked or not, refused above {@code maxBytes} without reading
     * further than one byte past the limit.
     *
     * @throws ServiceError 400 {@code DWS.0001} when the body (or its announced length) exceeds the limit
     */
    static byte[] read(HttpServletRequest request, int maxBytes) throws IOException {
        long announced = request.getContentLengthLong();
        if (announced > maxBytes) {
            throw tooLarge(maxBytes);
        }
        if (announced == 0 || (announced < 0 && request.getHeader("Transfer-Encoding") == null)) {
            return new byte[0];
        }
        InputStream in = request.getInputStream();
        // with a Content-Length the container ends the stream there: read just that; a chunked body
        // is read to one byte past the limit
        byte[] body = in.readNBytes(announced >= 0 ? (int) announced : maxBytes + 1);
        if (body.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        return body;
    }

    private static ServiceError tooLarge(int maxBytes) {
        return ServiceError.invalid("The request body is larger than " + maxBytes + " bytes (dws.mock.max-body-size).");
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
}
