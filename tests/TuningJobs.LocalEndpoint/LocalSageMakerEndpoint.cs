using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace TuningJobs.LocalEndpoint;

/// <summary>
/// A Kestrel endpoint on 127.0.0.1 that speaks SageMaker's awsJson 1.1 protocol for ListTrainingJobsForHyperParameterTuningJob,
/// ListHyperParameterTuningJobs and DescribeHyperParameterTuningJob, as strictly as the service.
/// </summary>
public sealed class LocalSageMakerEndpoint : IAsyncDisposable
{
    /// <summary>The one key pair the endpoint accepts: the only copy, which the exe prints for PowerShell callers.</summary>
    public const string DefaultAccessKeyId = "AKIDLOCALENDPOINT";
    public const string DefaultSecretAccessKey = "local-endpoint-secret-key";

    private readonly CancellationTokenSource _stopping = new();
    private WebApplication _app;
    private int _disposed;
    private int _signatureRejections;

    public Uri Url { get; private set; }

    /// <summary>Every operation request that passed authentication, in order.</summary>
    public ConcurrentQueue<RequestLogEntry> Requests { get; } = new();

    /// <summary>Replaced as a whole: a new plan starts with fresh attempt counts.</summary>
    public FaultPlan Faults { get; set; } = new();

    /// <summary>The data served; tests may add or replace tuning jobs while the endpoint runs.</summary>
    public SampleData Data { get; } = SampleData.Default();

    /// <summary>Added before every operation answer, as a stand-in for the network round trip.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>
    /// The region requests must be signed for, as at a regional AWS endpoint (InvalidSignatureException otherwise);
    /// null accepts any region.
    /// </summary>
    public string SigningRegion { get; private set; }

    /// <summary>
    /// The endpoint's own clock, the machine's unless a test sets another: a signature more than
    /// <see cref="SigV4Verifier.AllowedSkew"/> from it is rejected, and every answer's Date header tells its time, as
    /// AWS's do, so that a client whose clock is off can correct it.
    /// </summary>
    public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

    /// <summary>How many requests were turned away before the operation, for their signature: they are not in <see cref="Requests"/>.</summary>
    public int SignatureRejections => _signatureRejections;

    internal void CountSignatureRejection() => Interlocked.Increment(ref _signatureRejections);

    /// <param name="signingRegion">See <see cref="SigningRegion"/>.</param>
    /// <param name="faults">Faults planted from the first request on.</param>
    public static async Task<LocalSageMakerEndpoint> StartAsync(string signingRegion = null, FaultPlan faults = null)
    {
        var endpoint = new LocalSageMakerEndpoint { SigningRegion = signingRegion, Faults = faults ?? new() };

        // The empty builder reads no appsettings, environment or command line and logs nowhere, so the host of a
        // test run cannot change how the endpoint behaves, and the exe's first line on stdout is its announcement.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(3));
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0);
        });

        var app = endpoint._app = builder.Build();
        var pipeline = new OperationPipeline(endpoint, endpoint._stopping.Token);
        var control = new ControlApi(endpoint);
        app.Run(context =>
        {
            context.Response.Headers.Date = endpoint.Clock().ToString("r", CultureInfo.InvariantCulture);
            return context.Request.Path.StartsWithSegments(ControlApi.Prefix) ? control.HandleAsync(context) : pipeline.HandleAsync(context);
        });

        await app.StartAsync();
        endpoint.Url = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return endpoint;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Cancelling first releases requests held by the hang fault, so stopping does not wait for them.
        _stopping.Cancel();
        await using (_app)
        {
            await _app.StopAsync();
        }

        _stopping.Dispose();
    }

    /// <summary>Keeps the generic host from hooking Ctrl+C and SIGTERM: the endpoint stops when disposed, and the exe decides when that is.</summary>
    private sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
