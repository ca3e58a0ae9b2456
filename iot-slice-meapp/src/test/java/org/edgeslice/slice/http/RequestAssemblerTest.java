package org.edgeslice.slice.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponseEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestAssemblerTest {
    private final EmbeddedChannel ch = new EmbeddedChannel(new HttpRequestDecoder(), new HttpResponseEncoder(),
            new RequestAssembler(100));

    private void send(String raw) {
        ch.writeInbound(Unpooled.copiedBuffer(raw, StandardCharsets.ISO_8859_1));
    }

    private String written() {
        StringBuilder sb = new StringBuilder();
        for (ByteBuf b; (b = ch.readOutbound()) != null; ) {
            sb.append(b.toString(StandardCharsets.ISO_8859_1));
            b.release();
        }
        return sb.toString();
    }

    @Test
    void joinsHeadAndBodyOfKeepAliveRequestsInOrder() {
        send("POST /a HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello");
        send("POST /b HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc");
        RequestAssembler.Assembled first = ch.readInbound();
        RequestAssembler.Assembled second = ch.readInbound();
        assertEquals("/a", first.head().uri());
        assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), first.body());
        assertEquals("/b", second.head().uri());
        assertArrayEquals("abc".getBytes(StandardCharsets.US_ASCII), second.body());
        assertFalse(first.malformed());
    }

    @Test
    void joinsChunkedBodies() {
        send("POST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n");
        RequestAssembler.Assembled r = ch.readInbound();
        assertArrayEquals("abcde".getBytes(StandardCharsets.US_ASCII), r.body());
    }

    @Test
    void refusesADeclaredBodyOverTheLimitWith413AndCloses() {
        send("POST /big HTTP/1.1\r\nContent-Length: 101\r\n\r\n");
        assertNull(ch.readInbound());
        assertTrue(written().startsWith("HTTP/1.1 413 "));
        assertFalse(ch.isOpen());
    }

    @Test
    void refusesAChunkedBodyThatGrowsOverTheLimit() {
        send("POST /big HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n40\r\n" + "x".repeat(64) + "\r\n40\r\n"
                + "x".repeat(64) + "\r\n0\r\n\r\n");
        assertNull(ch.readInbound());
        assertTrue(written().startsWith("HTTP/1.1 413 "));
        assertFalse(ch.isOpen());
    }

    @Test
    void answers100ContinueBeforeTheBody() {
        send("POST /e HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
        assertEquals("HTTP/1.1 100 Continue\r\n\r\n", written());
        send("ok");
        RequestAssembler.Assembled r = ch.readInbound();
        assertArrayEquals("ok".getBytes(StandardCharsets.US_ASCII), r.body());
    }

    @Test
    void passesARequestTheDecoderRejectedAsMalformed() {
        send("GET / HTTP/1.1\r\nBad Header\u0001: x\r\n\r\n");
        RequestAssembler.Assembled r = ch.readInbound();
        assertTrue(r.malformed());
    }
}
