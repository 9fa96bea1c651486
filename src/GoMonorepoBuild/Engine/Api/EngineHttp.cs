using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GoMonorepoBuild.Engine.Api;

/// <summary>
/// One bare HTTP/1.0 request on the engine's socket, read until the engine closes it. No HTTP client, no Docker.DotNet:
/// their start-up (handler, connection pool, serializers) cost ~0.1-0.2 s of CPU in every run, where this costs a
/// connect and a read (a unix socket connect is microseconds, so a connection per question is fine even at 500).
/// A unix socket whose file does not exist is answered at once, without waiting for any timeout.
/// </summary>
internal static class EngineHttp
{
    const int MaxResponseBytes = 64 << 20;

    /// <summary>The engine's answer: its status and body (JSON, or an error's text).</summary>
    public sealed record Response(int Status, string Body)
    {
        public bool Ok => Status is >= 200 and < 300;

        /// <summary>The status line and headers as received (empty for an answer made up by a test).</summary>
        public string Head { get; init; } = "";

        /// <summary>The value of the header <paramref name="name"/> (case-insensitive), or null when the answer has none.</summary>
        public string? Header(string name)
        {
            foreach (var line in Head.Split("\r\n"))
            {
                var colon = line.IndexOf(':');
                if (colon > 0 && line.AsSpan(0, colon).Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
                    return line[(colon + 1)..].Trim();
            }
            return null;
        }
    }

    /// <param name="endpoint">unix:///path/docker.sock or http://host:port (see <see cref="EngineEndpoint"/>).</param>
    /// <param name="method">GET, POST or DELETE (no request body).</param>
    /// <param name="pathAndQuery">e.g. <c>/images/alpine:3.20/json</c>.</param>
    /// <param name="engine">How messages name the engine, e.g. <c>DOCKER_HOST=unix:///...</c>.</param>
    /// <param name="question">What was asked, for messages (e.g. <c>its version</c>).</param>
    /// <param name="cancellationToken">The caller's deadline: a socket that accepts but never answers waits for it.</param>
    /// <exception cref="EngineApiException">No socket, no connection, or an answer that is not HTTP.</exception>
    public static async Task<Response> SendAsync(Uri endpoint, string method, string pathAndQuery, string engine, string question,
        CancellationToken cancellationToken)
    {
        var (target, socketPath) = EndPointOf(endpoint);
        if (socketPath is not null && !File.Exists(socketPath))
            throw new EngineApiException($"The engine ({engine}) cannot be reached to ask for {question}: no socket at {socketPath}. " +
                                         "Is it running? `./build.sh EnsureEngine` finds or starts one.");
        using var socket = target is UnixDomainSocketEndPoint
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(target, cancellationToken);
            var host = socketPath is null ? endpoint.Authority : "docker";
            await socket.SendAsync(Encoding.ASCII.GetBytes(
                    $"{method} {pathAndQuery} HTTP/1.0\r\nHost: {host}\r\nUser-Agent: GoMonorepoBuild\r\nContent-Length: 0\r\n\r\n"),
                SocketFlags.None, cancellationToken);
            using var response = new MemoryStream();
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken)) > 0)
            {
                response.Write(buffer, 0, read);
                if (response.Length > MaxResponseBytes)
                    throw new EngineApiException($"The engine ({engine}) answered {question} with more than {MaxResponseBytes} bytes.");
            }
            return Parse(response.ToArray(), engine, question);
        }
        catch (SocketException e)
        {
            throw new EngineApiException(
                $"The engine ({engine}) cannot be reached to ask for {question}: {e.Message}. Is it running? " +
                "`./build.sh EnsureEngine` finds or starts one.", e);
        }
    }

    /// <summary>Status and body out of a raw HTTP response (status line, headers, body).</summary>
    internal static Response Parse(byte[] response, string engine, string question)
    {
        var headerEnd = response.AsSpan().IndexOf("\r\n\r\n"u8);
        if (headerEnd < 0)
            throw new EngineApiException($"The engine ({engine}) answered {question} with no complete HTTP response ({response.Length} bytes).");
        var head = Encoding.ASCII.GetString(response, 0, headerEnd);
        var statusLine = head.Split("\r\n", 2)[0];
        var parts = statusLine.Split(' ', 3);
        if (parts.Length < 2 || !parts[0].StartsWith("HTTP/", StringComparison.Ordinal) || !int.TryParse(parts[1], out var status))
            throw new EngineApiException($"The engine ({engine}) answered {question} with '{statusLine}', not HTTP.");
        var body = response.AsSpan(headerEnd + 4);
        var text = head.Contains("transfer-encoding: chunked", StringComparison.OrdinalIgnoreCase)
            ? Encoding.UTF8.GetString(Dechunk(body))
            : Encoding.UTF8.GetString(body);
        return new Response(status, text) { Head = head };
    }

    static (EndPoint Target, string? SocketPath) EndPointOf(Uri endpoint) =>
        endpoint.Scheme == "unix"
            ? (new UnixDomainSocketEndPoint(endpoint.LocalPath), endpoint.LocalPath)
            : (new DnsEndPoint(endpoint.Host, endpoint.Port), null);

    /// <summary>An HTTP/1.0 request gets a plain body from the engine; a proxy in between may still chunk it.</summary>
    static byte[] Dechunk(ReadOnlySpan<byte> body)
    {
        var result = new MemoryStream();
        while (body.Length > 0)
        {
            var lineEnd = body.IndexOf("\r\n"u8);
            if (lineEnd < 0) break;
            var sizeText = Encoding.ASCII.GetString(body[..lineEnd]).Split(';')[0].Trim();
            if (!int.TryParse(sizeText, System.Globalization.NumberStyles.HexNumber, null, out var size) || size <= 0) break;
            var chunk = body[(lineEnd + 2)..];
            result.Write(chunk[..Math.Min(size, chunk.Length)]);
            body = chunk.Length > size + 2 ? chunk[(size + 2)..] : [];
        }
        return result.ToArray();
    }
}
