using System.Diagnostics;
using System.Runtime.InteropServices;
using Amazon.Runtime;
using TuningJobs.Aws;
using TuningJobs.Aws.Http;
using TuningJobs.Aws.SageMaker;

namespace TuningJobs.Tests.Aws;

/// <summary>
/// Answers that misbehave after their headers, over real HTTP through the real engine with a 2 s attempt timeout and
/// two attempts: each ends in its own terminating kind within a bounded time, and a page that succeeds on a retry
/// yields each job once. The time bounds are generous: they prove that a wait ends, not how fast.
/// </summary>
public sealed class AttemptDeadlineTests
{
    private const string TuningJob = "xgb-churn-0412";   // 42 jobs
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan _bounded = TimeSpan.FromSeconds(15);

    /// <summary>The engine as ClientFactory builds it, with two attempts (as AWS_MAX_ATTEMPTS=2 gives) set on the config.</summary>
    private static EngineHarness.Engine TwoAttempts(LocalSageMakerEndpoint endpoint, long? maxAnswerBytes = null)
    {
        var config = new SageMakerConfig
        {
            ServiceURL = endpoint.Url.AbsoluteUri,
            AuthenticationRegion = "us-east-1",
            Timeout = _timeout,
            MaxErrorRetry = 1,
        };
        if (maxAnswerBytes.HasValue)
        {
            config.HttpClientFactory = new AttemptDeadlineHttpClientFactory(maxAnswerBytes.Value);
        }
        var credentials = new BasicAWSCredentials(LocalSageMakerEndpoint.DefaultAccessKeyId, LocalSageMakerEndpoint.DefaultSecretAccessKey);
        var client = new CachedClient(new SageMakerClient(credentials, config), "endpoint " + endpoint.Url.AbsoluteUri);
        return new EngineHarness.Engine(new AwsSageMakerApi(_ => client), EngineHarness.Connection(endpoint.Url, "us-east-1"));
    }

    // On a later page the pager keeps where it stood, for the resume advice.
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task ABodyThatDripsEndsInTimeoutAfterTheAttempts(int pageIndex)
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync(
            faults: new FaultPlan(StalledBody: new StalledBodyFault { PageIndex = pageIndex, IntervalMilliseconds = 500, Times = 1000 }));

        var clock = Stopwatch.StartNew();
        var (_, pager, failure) = TwoAttempts(endpoint).TryList(TuningJob, 15);

        Assert.Equal(FailureKind.Timeout, failure?.Kind);
        Assert.Equal($"No complete answer from endpoint {endpoint.Url.AbsoluteUri} within 2 s (attempt timeout), after 2 attempts.", failure.Message);
        Assert.True(clock.Elapsed < _bounded, $"took {clock.Elapsed}");
        Assert.Equal(Enumerable.Repeat<string>(null, pageIndex).Append("stalledBody").Append("stalledBody"),
            endpoint.Requests.Select(r => r.Fault));
        Assert.Equal(15 * pageIndex, pager.Taken);
        Assert.Equal(pageIndex > 0, pager.PendingToken != null);
        Assert.Equal(endpoint.Requests.ElementAt(pageIndex).NextToken, pager.PendingToken);
    }

    [Fact]
    public async Task ADripOnTheFirstAttemptThatSucceedsOnTheSecondYieldsEachJobOnce()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync(
            faults: new FaultPlan(StalledBody: new StalledBodyFault { PageIndex = 1, IntervalMilliseconds = 500 }));

        var names = TwoAttempts(endpoint).List(TuningJob, 15);

        Assert.Equal(EngineHarness.AllNames(endpoint, TuningJob), names);   // 42 distinct names
        Assert.Equal(new[] { null, "stalledBody", null, null }, endpoint.Requests.Select(r => r.Fault));
    }

    // The summary bound comes long before the 2 s deadline or the default byte bound: a summary is a few hundred
    // bytes. A smaller byte bound comes first.
    [Theory]
    [InlineData("endlessBody", "training", 15, "held more than 15 training job summaries where the request allowed at most 15")]
    [InlineData("endlessBody", "training", 100, "held more than 100 training job summaries where the request allowed at most 100")]
    [InlineData("endlessBody", "tuning", 100, "held more than 100 tuning job summaries")]
    [InlineData("oversizedPage", "training", 15, "held more than 15 training job summaries")]
    [InlineData("oversizedPage", "tuning", 2, "held more than 2 tuning job summaries")]
    [InlineData("endlessBody", "training", 100, "was larger than 8 KiB, more than any answer the API allows", 8 * 1024)]
    public async Task APageWithMoreSummariesThanAskedForIsInvalidResponse(string fault, string listing, int maxResults, string message,
        int maxAnswerBytes = 0)
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync(faults: fault == "endlessBody"
            ? new FaultPlan(EndlessBody: new EndlessBodyFault { PageIndex = 0, Times = 1000 })
            : new FaultPlan(OversizedPage: new OversizedPageFault { PageIndex = 0, Times = 1000 }));
        var engine = TwoAttempts(endpoint, maxAnswerBytes == 0 ? null : maxAnswerBytes);

        var clock = Stopwatch.StartNew();
        var failure = await Assert.ThrowsAsync<TuningJobsException>(() =>
            listing == "training" ? engine.PageAsync(TuningJob, maxResults)
                : engine.Api.ListTuningJobsAsync(engine.Connection, new TuningJobsRequest { MaxResults = maxResults }, CancellationToken.None));

        Assert.Equal(FailureKind.InvalidResponse, failure.Kind);
        Assert.Contains(message, failure.Message);
        Assert.NotNull(failure.RequestId);
        Assert.True(clock.Elapsed < _bounded, $"took {clock.Elapsed}");
        Assert.Equal(2, endpoint.Requests.Count);
    }

    [Fact]
    public async Task AnAnswerWithinTheDeadlineIsReadAndConnectionsAreKeptAlive()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync(faults: new FaultPlan(Delay: new PageDelayFault { PageIndex = 1, Milliseconds = 500 }));

        var names = EngineHarness.Start(endpoint, timeout: _timeout).List(TuningJob, 3);

        Assert.Equal(42, names.Count);
        var log = endpoint.Requests.ToArray();
        Assert.Equal(14, log.Length);
        Assert.Equal("delay", log[1].Fault);
        // The SDK keeps a few HttpClients per service client (one on Windows, one per processor elsewhere) and each
        // keeps its connection alive: far fewer connections than requests.
        var connections = log.Select(r => r.ConnectionId).Distinct().Count();
        var clients = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? 1 : Environment.ProcessorCount;
        Assert.True(connections <= Math.Min(clients, log.Length - 1), $"{connections} connections for {log.Length} requests");
    }
}
