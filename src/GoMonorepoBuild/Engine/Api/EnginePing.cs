using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace GoMonorepoBuild.Engine.Api;

/// <summary>
/// The probe every run makes before anything else: <c>GET /version</c> as one bare HTTP/1.0 request on the engine's
/// socket, read until the engine closes it. No HTTP client, no Docker.DotNet: their start-up (handler, connection
/// pool, serializers) cost ~0.2 s of CPU on the critical path of every run, where this costs a connect and a read.
/// A unix socket whose file does not exist is answered at once, without waiting for any timeout.
/// </summary>
internal static class EnginePing
{
    const int MaxResponseBytes = 1 << 20;

    /// <param name="endpoint">unix:///path/docker.sock or http://host:port (see <see cref="EngineEndpoint"/>).</param>
    /// <param name="engine">How messages name the engine, e.g. <c>DOCKER_HOST=unix:///...</c>.</param>
    /// <param name="cancellationToken">The caller's deadline: a socket that accepts but never answers waits for it.</param>
    /// <exception cref="EngineApiException">No socket, no answer, or an answer that is not a version.</exception>
    public static async Task<EngineVersion> VersionAsync(Uri endpoint, string engine, CancellationToken cancellationToken)
    {
        var response = await GetAsync(endpoint, "/version", engine, cancellationToken);
        return Parse(response, engine);
    }

    /// <summary>The version out of a raw HTTP response (status line, headers, body).</summary>
    internal static EngineVersion Parse(byte[] response, string engine)
    {
        var text = Encoding.UTF8.GetString(response);
        var headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (headerEnd < 0)
            throw new EngineApiException($"The engine ({engine}) answered its version with no complete HTTP response ({response.Length} bytes).");
        var head = text[..headerEnd];
        var statusLine = head.Split("\r\n", 2)[0];
        var parts = statusLine.Split(' ', 3);
        if (parts.Length < 2 || !parts[0].StartsWith("HTTP/", StringComparison.Ordinal) || !int.TryParse(parts[1], out var status))
            throw new EngineApiException($"The engine ({engine}) answered its version with '{statusLine}', not HTTP.");
        var body = text[(headerEnd + 4)..];
        if (head.Contains("transfer-encoding: chunked", StringComparison.OrdinalIgnoreCase))
            body = Dechunk(body);
        if (status != 200)
            throw new EngineApiException($"The engine ({engine}) answered {status} when asked for its version: {body.Trim()}");
        try
        {
            using var json = JsonDocument.Parse(body);
            return new EngineVersion(Text(json.RootElement, "Version"), Text(json.RootElement, "ApiVersion"),
                Text(json.RootElement, "Os"), Text(json.RootElement, "Arch"));
        }
        catch (JsonException e)
        {
            throw new EngineApiException($"The engine ({engine}) answered its version with something that is not JSON: {e.Message}", e);
        }
    }

    static async Task<byte[]> GetAsync(Uri endpoint, string path, string engine, CancellationToken cancellationToken)
    {
        var (target, socketPath) = EndPointOf(endpoint);
        if (socketPath is not null && !File.Exists(socketPath))
            throw new EngineApiException($"The engine ({engine}) cannot be reached: no socket at {socketPath}. Is it running?");
        using var socket = target is UnixDomainSocketEndPoint
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(target, cancellationToken);
            var host = socketPath is null ? endpoint.Authority : "docker";
            await socket.SendAsync(Encoding.ASCII.GetBytes($"GET {path} HTTP/1.0\r\nHost: {host}\r\nUser-Agent: GoMonorepoBuild\r\n\r\n"),
                SocketFlags.None, cancellationToken);
            using var response = new MemoryStream();
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken)) > 0)
            {
                response.Write(buffer, 0, read);
                if (response.Length > MaxResponseBytes)
                    throw new EngineApiException($"The engine ({engine}) answered {path} with more than {MaxResponseBytes} bytes.");
            }
            return response.ToArray();
        }
        catch (SocketException e)
        {
            throw new EngineApiException(
                $"The engine ({engine}) cannot be reached to ask for its version: {e.Message}. Is it running? " +
                "`./build.sh EnsureEngine` finds or starts one.", e);
        }
    }

    static (EndPoint Target, string? SocketPath) EndPointOf(Uri endpoint)
    {
        if (endpoint.Scheme == "unix")
        {
            var path = endpoint.LocalPath;
            return (new UnixDomainSocketEndPoint(path), path);
        }
        return (new DnsEndPoint(endpoint.Host, endpoint.Port), null);
    }

    static string Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() ?? ""
            : "";

    /// <summary>An HTTP/1.0 request gets a plain body from the engine; a proxy in between may still chunk it.</summary>
    static string Dechunk(string body)
    {
        var result = new StringBuilder();
        var at = 0;
        while (at < body.Length)
        {
            var lineEnd = body.IndexOf("\r\n", at, StringComparison.Ordinal);
            if (lineEnd < 0) break;
            var sizeText = body[at..lineEnd].Split(';')[0].Trim();
            if (!int.TryParse(sizeText, System.Globalization.NumberStyles.HexNumber, null, out var size) || size == 0) break;
            var start = lineEnd + 2;
            result.Append(body, start, Math.Min(size, body.Length - start));
            at = start + size + 2;
        }
        return result.ToString();
    }
}
