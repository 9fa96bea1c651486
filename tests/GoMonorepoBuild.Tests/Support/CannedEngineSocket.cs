using System.Net.Sockets;
using System.Text;

namespace GoMonorepoBuild.Tests.Support;

/// <summary>A real unix socket in a temp folder that answers each connection with the next canned HTTP response.</summary>
public sealed class CannedEngineSocket : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("gmb-socket-").FullName;

    public string SocketPath => Path.Combine(folder, "docker.sock");

    public Uri Endpoint => new("unix://" + SocketPath);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>Serves one connection per response, in order: reads the request, writes the response, closes; returns the requests.</summary>
    public Task<List<string>> Serve(CancellationToken cancellationToken, params string[] responses)
    {
        var next = 0;
        return Serve(responses.Length, _ => responses[next++], cancellationToken);
    }

    /// <summary>
    /// Serves <paramref name="count"/> connections, each answered by <paramref name="answer"/> of its request (for questions
    /// asked at once, in no fixed order); returns the requests in the order they came.
    /// </summary>
    public Task<List<string>> Serve(int count, Func<string, string> answer, CancellationToken cancellationToken)
    {
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(SocketPath));
        listener.Listen(count);
        return Task.Run(async () =>
        {
            var requests = new List<string>();
            using (listener)
                for (var i = 0; i < count; i++)
                {
                    using var connection = await listener.AcceptAsync(cancellationToken);
                    var request = new StringBuilder();
                    var buffer = new byte[4096];
                    while (!request.ToString().Contains("\r\n\r\n"))
                    {
                        var read = await connection.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
                        if (read == 0) break;
                        request.Append(Encoding.ASCII.GetString(buffer, 0, read));
                    }
                    await connection.SendAsync(Encoding.UTF8.GetBytes(answer(request.ToString())), SocketFlags.None, cancellationToken);
                    connection.Shutdown(SocketShutdown.Both);
                    requests.Add(request.ToString());
                }
            return requests;
        }, cancellationToken);
    }
}
