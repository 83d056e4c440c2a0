using System;
using System.Net;
using System.Net.Http;
using Amazon.Runtime;

namespace TuningJobs.Aws.Http;

/// <summary>
/// Builds the HttpClient the SDK sends with: the one AWSSDK.Core 4.x builds itself (HttpRequestMessageFactory's
/// CreateManagedHttpClient: an HttpClientHandler with the config's MaxConnectionsPerServer and AllowAutoRedirect,
/// no automatic decompression, the config's proxy and proxy credentials when it names one, else the platform's
/// default proxy, which reads HTTPS_PROXY and NO_PROXY), behind an <see cref="AttemptDeadlineHandler"/>, which
/// bounds each attempt from connect to the last byte of the body by the config's Timeout and each answer by
/// <see cref="ResponseBounds.MaxAnswerBytes"/>. The SDK caches what this creates per service client (its
/// HttpClientCache, as for its own clients), so connections are kept alive across requests.
/// </summary>
internal class AttemptDeadlineHttpClientFactory : HttpClientFactory
{
    // HttpClient's own default, for a config without a Timeout (the module always sets one).
    private static readonly TimeSpan _defaultTimeout = TimeSpan.FromSeconds(100);

    private readonly long _maxAnswerBytes;

    public AttemptDeadlineHttpClientFactory(long maxAnswerBytes = ResponseBounds.MaxAnswerBytes)
    {
        _maxAnswerBytes = maxAnswerBytes;
    }

    public override HttpClient CreateHttpClient(IClientConfig clientConfig)
    {
        var deadline = new AttemptDeadlineHandler(clientConfig.Timeout ?? _defaultTimeout, _maxAnswerBytes) { InnerHandler = CreateTransport(clientConfig) };
        // The deadline handler owns the timeout, headers and body alike; HttpClient's own would only cover the headers
        // and would end an attempt as a bare cancellation instead of a timeout.
        return new HttpClient(deadline) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    /// <summary>The handler that talks to the network, under the deadline handler. The warm-up answers from memory instead.</summary>
    protected virtual HttpMessageHandler CreateTransport(IClientConfig clientConfig)
    {
        var handler = new HttpClientHandler();
        if (clientConfig.MaxConnectionsPerServer.HasValue)
        {
            handler.MaxConnectionsPerServer = clientConfig.MaxConnectionsPerServer.Value;
        }
        try
        {
            handler.AllowAutoRedirect = clientConfig.AllowAutoRedirect;
            handler.AutomaticDecompression = DecompressionMethods.None;
        }
        catch (PlatformNotSupportedException)
        {
            // As in the SDK: some runtimes do not let these be changed.
        }
        try
        {
            var proxy = clientConfig.GetWebProxy();
            if (proxy != null)
            {
                handler.Proxy = proxy;
            }
            if (handler.Proxy != null && clientConfig.ProxyCredentials != null)
            {
                handler.Proxy.Credentials = clientConfig.ProxyCredentials;
            }
        }
        catch (PlatformNotSupportedException)
        {
        }
        return handler;
    }
}
