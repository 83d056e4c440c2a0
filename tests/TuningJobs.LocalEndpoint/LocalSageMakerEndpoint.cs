using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TuningJobs.LocalEndpoint;

public sealed class LocalEndpointOptions
{
    /// <summary>0 picks a free port.</summary>
    public int Port { get; set; }

    public TimeSpan Latency { get; set; }

    /// <summary>Access key id to secret access key; null means the one default pair.</summary>
    public IDictionary<string, string> Credentials { get; set; }

    /// <summary>Null means a fresh <see cref="SampleData.Default"/>.</summary>
    public SampleData Data { get; set; }

    /// <summary>
    /// The region requests must be signed for, as at a regional AWS endpoint (InvalidSignatureException otherwise);
    /// null accepts any region.
    /// </summary>
    public string SigningRegion { get; set; }
}

/// <summary>
/// A Kestrel endpoint on 127.0.0.1 that speaks SageMaker's awsJson 1.1 protocol for
/// ListTrainingJobsForHyperParameterTuningJob and ListHyperParameterTuningJobs, as strictly as the service.
/// </summary>
public sealed class LocalSageMakerEndpoint : IAsyncDisposable
{
    public const string DefaultAccessKeyId = "AKIDLOCALENDPOINT";
    public const string DefaultSecretAccessKey = "local-endpoint-secret-key";

    private readonly CancellationTokenSource stopping = new();
    private readonly RawResponseQueue rawResponses = new();
    private WebApplication app;
    private long latencyTicks;
    private int disposed;

    private LocalSageMakerEndpoint(LocalEndpointOptions options)
    {
        Data = options.Data ?? SampleData.Default();
        Latency = options.Latency;
    }

    public Uri Url { get; private set; }

    public RequestLog Requests { get; } = new();

    public FaultPlan Faults { get; } = new();

    /// <summary>The data served; tests may add or replace tuning jobs while the endpoint runs.</summary>
    public SampleData Data { get; }

    /// <summary>Added before every operation answer, as a stand-in for the network round trip.</summary>
    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref latencyTicks));
        set => Interlocked.Exchange(ref latencyTicks, Math.Max(0, value.Ticks));
    }

    public static async Task<LocalSageMakerEndpoint> StartAsync(LocalEndpointOptions options = null)
    {
        options ??= new LocalEndpointOptions();
        var endpoint = new LocalSageMakerEndpoint(options);
        var credentials = options.Credentials ?? new Dictionary<string, string> { [DefaultAccessKeyId] = DefaultSecretAccessKey };
        var verifier = new SigV4Verifier(credentials, signingRegion: options.SigningRegion);

        // The empty builder reads no appsettings, environment or command line, so the host of a test run
        // cannot change how the endpoint behaves.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(3));
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 16 * 1024 * 1024;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });

        var app = builder.Build();
        var pipeline = new OperationPipeline(endpoint, verifier, endpoint.rawResponses, endpoint.stopping.Token);
        var control = new ControlApi(endpoint, endpoint.rawResponses);
        app.Run(context => context.Request.Path.StartsWithSegments("/__control", StringComparison.Ordinal) && context.Request.Path.Value.StartsWith(ControlApi.Prefix, StringComparison.Ordinal)
            ? control.HandleAsync(context)
            : pipeline.HandleAsync(context));

        await app.StartAsync();
        endpoint.app = app;

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>().Addresses.First();
        endpoint.Url = new Uri(address.TrimEnd('/') + "/");
        return endpoint;
    }

    /// <summary>Queues a canned answer for the next operation requests (see <see cref="RawResponse"/>).</summary>
    public void EnqueueRawResponse(RawResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        rawResponses.Enqueue(response);
    }

    public void ClearRawResponses() => rawResponses.Clear();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        // Cancelling first releases requests held by the hang fault, so stopping does not wait for them.
        stopping.Cancel();
        if (app != null)
        {
            try
            {
                await app.StopAsync();
            }
            finally
            {
                await app.DisposeAsync();
            }
        }

        stopping.Dispose();
    }

    /// <summary>Keeps the generic host from hooking Ctrl+C and SIGTERM: the endpoint stops when disposed, and the exe decides when that is.</summary>
    private sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
