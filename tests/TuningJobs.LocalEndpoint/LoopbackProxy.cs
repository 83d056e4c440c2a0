using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace TuningJobs.LocalEndpoint;

/// <summary>
/// A forward HTTP proxy on 127.0.0.1 for proxy tests: it forwards absolute-URI requests (one per connection) and tunnels
/// CONNECT, to loopback targets only, and records each request's method and target as the client sent them. It uses
/// sockets alone, so that it works the same wherever it is loaded (the Pester suite compiles this file with Add-Type).
/// </summary>
public sealed class LoopbackProxy : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentQueue<string> _requests = new();

    public LoopbackProxy()
    {
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _ = AcceptAsync();
    }

    /// <summary>The proxy's address, for HTTP_PROXY or HTTPS_PROXY.</summary>
    public Uri Url { get; }

    /// <summary>Every request so far, as "POST http://127.0.0.1:5000/" or "CONNECT 127.0.0.1:5000".</summary>
    public string[] Requests => _requests.ToArray();

    public void Dispose() => _listener.Stop();

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                _ = ServeAsync(await _listener.AcceptTcpClientAsync());
            }
        }
        catch (Exception e) when (e is SocketException || e is ObjectDisposedException)
        {
            // Stopped by Dispose.
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                var downstream = client.GetStream();
                var lines = (await ReadHeadAsync(downstream)).Split(new[] { "\r\n" }, StringSplitOptions.None);
                if (lines[0].Split(' ') is not [var method, var target, var version])
                {
                    return;
                }

                _requests.Enqueue(method + " " + target);
                var destination = new Uri(method == "CONNECT" ? "tcp://" + target : target);
                if (!IPAddress.TryParse(destination.Host, out var address) || !IPAddress.IsLoopback(address))
                {
                    await WriteAsync(downstream, version + " 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    return;
                }

                await upstream.ConnectAsync(address, destination.Port);
                var upstreamStream = upstream.GetStream();
                if (method == "CONNECT")
                {
                    await WriteAsync(downstream, version + " 200 Connection established\r\n\r\n");
                    await Task.WhenAny(downstream.CopyToAsync(upstreamStream), upstreamStream.CopyToAsync(downstream));
                    return;
                }

                // Origin form for the server, and one request per connection, so that each request passes here once.
                var headers = lines.Skip(1).Where(line => line.Length > 0
                    && !line.StartsWith("Proxy-", StringComparison.OrdinalIgnoreCase)
                    && !line.StartsWith("Connection:", StringComparison.OrdinalIgnoreCase));
                await WriteAsync(upstreamStream, $"{method} {destination.PathAndQuery} {version}\r\n" + string.Concat(headers.Select(h => h + "\r\n")) + "Connection: close\r\n\r\n");
                _ = downstream.CopyToAsync(upstreamStream);
                await upstreamStream.CopyToAsync(downstream);
            }
            catch (Exception e) when (e is IOException || e is SocketException || e is ObjectDisposedException || e is UriFormatException)
            {
            }
        }
    }

    // Byte by byte, so that nothing of the body is read with the head.
    private static async Task<string> ReadHeadAsync(Stream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            head.Append(await stream.ReadAsync(one, 0, 1) == 1 ? (char)one[0] : throw new IOException("The client closed the connection within the request head."));
        }

        return head.ToString(0, head.Length - 4);
    }

    private static Task WriteAsync(Stream stream, string text) => stream.WriteAsync(Encoding.ASCII.GetBytes(text)).AsTask();
}
