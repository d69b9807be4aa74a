package org.opendws.snapshot.client.internal;

import feign.Response;
import feign.codec.Decoder;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collections;
import org.opendws.snapshot.client.error.DwsServiceException;
import org.opendws.snapshot.client.generated.model.ApiResponse;
import org.opendws.snapshot.client.generated.model.CreateSnapshotResponse;
import org.opendws.snapshot.client.generated.model.ListClusterSnapshotsResponse;
import org.opendws.snapshot.client.generated.model.ListSnapshotDetailsResponse;
import org.opendws.snapshot.client.generated.model.ListSnapshotsResponse;

/**
 * Decodes a 2xx response with the generated decoder, and turns a body that is not the documented
 * JSON (unparsable, without {@code snapshot.id} or without {@code snapshots}) into a
 * {@link DwsServiceException} that keeps the status, the request id and the raw body.
 */
final class SuccessDecoder implements Decoder {
    private final Decoder generated;

    SuccessDecoder(Decoder generated) {
        this.generated = generated;
    }

    @Override
    public Object decode(Response response, Type type) throws IOException {
        byte[] body = Responses.body(response);
        if (type instanceof ParameterizedType apiResponse && apiResponse.getActualTypeArguments()[0] == Void.class) {
            // an operation documented without a body (delete, 202): whatever body comes is not read
            return new ApiResponse<Void>(response.status(), Collections.unmodifiableMap(response.headers()), null);
        }
        Object decoded;
        try {
            decoded = generated.decode(response.toBuilder().body(body).build(), type);
        } catch (IOException | RuntimeException notTheDocumentedJson) {
            throw unexpected(response, body);
        }
        if (decoded == null || decoded instanceof ApiResponse<?> apiResponse && !complete(apiResponse.getData())) {
            throw unexpected(response, body);
        }
        return decoded;
    }

    private static boolean complete(Object data) {
        if (data instanceof CreateSnapshotResponse created) {
            return created.getSnapshot() != null && created.getSnapshot().getId() != null;
        }
        if (data instanceof ListSnapshotDetailsResponse detail) {
            return detail.getSnapshot() != null && detail.getSnapshot().getId() != null;
        }
        if (data instanceof ListSnapshotsResponse list) {
            return list.getSnapshots() != null;
        }
        if (data instanceof ListClusterSnapshotsResponse page) {
            return page.getSnapshots() != null;
        }
        return data != null;
    }

    private static DwsServiceException unexpected(Response response, byte[] body) {
        return new DwsServiceException(
                response.status(), null, null, Responses.requestId(response.headers()), Responses.text(body));
    }
}
