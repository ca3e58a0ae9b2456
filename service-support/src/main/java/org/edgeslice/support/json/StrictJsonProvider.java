package org.edgeslice.support.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.stream.Collectors;
import org.edgeslice.support.problem.ProblemException;

/**
 * Reads and writes JSON bodies with the strict {@link Json#mapper()}. Registered ahead of the server's own
 * JSON-B provider so that unknown fields and wrong types end as 400 ProblemDetails naming the field.
 */
@Provider
@Priority(1)
@Consumes({MediaType.APPLICATION_JSON, "application/*+json", "text/json"})
@Produces({MediaType.APPLICATION_JSON, "application/*+json"})
public class StrictJsonProvider implements MessageBodyReader<Object>, MessageBodyWriter<Object> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return isJson(mediaType) && !isRaw(type);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        PushbackInputStream in = new PushbackInputStream(entityStream, 1);
        int first = in.read();
        if (first == -1) {
            throw ProblemException.badRequest("The request body is empty; a JSON document is required.");
        }
        in.unread(first);
        JavaType javaType = Json.mapper().getTypeFactory().constructType(genericType);
        try {
            Object value = Json.mapper().readValue(in, javaType);
            if (value == null) {
                throw ProblemException.badRequest("The request body is null; a JSON document is required.");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ProblemException.badRequest("Unknown attribute '" + e.getPropertyName() + "' at " + path(e)
                    + "; known attributes: " + e.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", ")));
        } catch (InvalidFormatException e) {
            throw ProblemException.badRequest("Invalid value " + e.getValue() + " for " + path(e)
                    + " (expected " + e.getTargetType().getSimpleName() + ")");
        } catch (MismatchedInputException e) {
            throw ProblemException.badRequest("Wrong type or shape at " + path(e) + ": " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ProblemException p) {
                throw p;
            }
            throw ProblemException.badRequest("Malformed JSON: " + e.getOriginalMessage());
        }
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return isJson(mediaType) && !isRaw(type);
    }

    @Override
    public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream) throws IOException {
        try {
            Json.mapper().writerFor(Json.mapper().getTypeFactory().constructType(genericType))
                    .writeValue(new NonClosingOutputStream(entityStream), value);
        } catch (JsonProcessingException e) {
            throw new WebApplicationException(e, 500);
        }
    }

    private static boolean isJson(MediaType mediaType) {
        if (mediaType == null) {
            return false;
        }
        String sub = mediaType.getSubtype();
        return "json".equals(sub) || sub.endsWith("+json");
    }

    private static boolean isRaw(Class<?> type) {
        return type == String.class || type == byte[].class || InputStream.class.isAssignableFrom(type)
                || jakarta.ws.rs.core.StreamingOutput.class.isAssignableFrom(type)
                || type.getName().startsWith("jakarta.json.");
    }

    private static String path(MismatchedInputException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "the document root" : "'" + path + "'";
    }

    /** Jackson closes the stream it wrote; the container owns the entity stream. */
    private static final class NonClosingOutputStream extends java.io.FilterOutputStream {
        NonClosingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
