using System.Text;

namespace TuningJobs.Tests.Aws;

/// <summary>
/// Answers that are not what the API documents end in a correct object or InvalidResponse, never a crash; what an answer
/// carries comes out exactly as sent.
/// </summary>
public sealed class ResponseReadingTests(SharedEndpoint shared) : IClassFixture<SharedEndpoint>
{
    private const string GoodBody =
        "{\"NextToken\":null,\"TrainingJobSummaries\":[{\"TrainingJobName\":\"a-1\",\"TrainingJobArn\":\"arn:aws:sagemaker:us-east-1:123456789012:training-job/a-1\"," +
        "\"CreationTime\":1732806245.123,\"TrainingJobStatus\":\"Completed\",\"TunedHyperParameters\":{\"eta\":\"0.1\"}," +
        "\"FinalHyperParameterTuningJobObjectiveMetric\":{\"MetricName\":\"auc\",\"Type\":\"Maximize\",\"Value\":0.91}}," +
        "{\"TrainingJobName\":\"a-2\",\"TrainingJobArn\":\"arn\",\"CreationTime\":1732806246,\"TrainingJobStatus\":\"Failed\"," +
        "\"FailureReason\":\"x\",\"TunedHyperParameters\":{}}]}";

    private readonly EngineHarness.Engine _engine = EngineHarness.Start(shared.Endpoint);

    /// <summary>One page read from this canned answer: the page, or the failure.</summary>
    private async Task<(Page<HyperParameterTrainingJobSummary> Page, TuningJobsException Failure)> Answer(string body,
        string contentType = "application/x-amz-json-1.1", string nextToken = null)
    {
        // Enough for every attempt: the SDK retries an answer it cannot read.
        shared.Endpoint.Faults = new FaultPlan(RawAnswer: new RawAnswerFault { Body = body, ContentType = contentType, Times = 10 });
        try
        {
            return (await _engine.PageAsync("xgb-churn-0412", 10, nextToken), null);
        }
        catch (TuningJobsException failure)
        {
            return (null, failure);
        }
        finally
        {
            shared.Endpoint.Faults = new FaultPlan();
        }
    }

    [Theory]
    [InlineData("<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html")]
    [InlineData("{\"TrainingJobSummaries\":[{\"TrainingJobName\":\"a")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{\"TrainingJobSummaries\":null}")]
    [InlineData("{\"TrainingJobSummaries\":[null]}")]
    [InlineData("{\"TrainingJobSummaries\":[{\"CreationTime\":\"yesterday\"}]}")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"TrainingJobSummaries\":\"x\"}")]
    [InlineData("{\"TrainingJobSummaries\":{}}")]
    [InlineData("{\"TrainingJobSummaries\":[\"a\"]}")]
    [InlineData("{\"TrainingJobSummaries\":[{\"TrainingJobName\":\"a\",\"TunedHyperParameters\":\"x\"}]}")]
    [InlineData("{\"TrainingJobSummaries\":[{\"TrainingJobName\":\"a\",\"TunedHyperParameters\":{\"k\":{\"b\":1}}}]}")]
    [InlineData("{\"TrainingJobSummaries\":[{\"TrainingJobName\":\"a\",\"FinalHyperParameterTuningJobObjectiveMetric\":[1]}]}")]
    public async Task MalformedAnswersAreInvalidResponse(string body, string contentType = "application/x-amz-json-1.1")
    {
        // A reader that loops on an unexpected token never returns: bound the wait so that the test fails instead.
        var (page, failure) = await Answer(body, contentType).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Null(page);
        Assert.NotNull(failure);
        Assert.Equal(FailureKind.InvalidResponse, failure.Kind);
    }

    public static IEnumerable<object[]> NextTokens()
    {
        // The model bounds NextToken at 8,192 characters: a longer one could not be passed back, to the service or to -NextToken.
        var longest = string.Concat(Enumerable.Repeat("'\u2019$(x)", 8193)).Substring(0, 8193);
        return Commands.ResumeAdviceTests.CraftedTokens.Append(longest[..8192]).Select(token => new object[] { token, true })
            .Append(new object[] { longest, false });
    }

    // A NextToken accepted goes back to the service byte for byte, whatever it holds.
    [Theory]
    [MemberData(nameof(NextTokens))]
    public async Task ANextTokenIsSentBackAsReadUpToTheLengthTheModelAllows(string token, bool accepted)
    {
        var body = "{\"NextToken\":" + System.Text.Json.JsonSerializer.Serialize(token) + ",\"TrainingJobSummaries\":[]}";
        var (page, failure) = await Answer(body);
        if (accepted)
        {
            Assert.Null(failure);
            Assert.Equal(token, page.NextToken);
            Assert.Null((await Answer(GoodBody, nextToken: token)).Failure);
            Assert.Equal(token, shared.Endpoint.Requests.Last().NextToken);
        }
        else
        {
            Assert.Null(page);
            Assert.Equal(FailureKind.InvalidResponse, failure.Kind);
            Assert.Contains("8193 characters", failure.Message);
        }
    }

    // Job 1: missing and null members; job 2: a metric without a value; job 3: a huge member.
    [Fact]
    public async Task MissingOptionalMembersNullObjectsAndHugeValuesAreRead()
    {
        var reason = new string('r', 2_000_000);
        var body = "{\"TrainingJobSummaries\":[{\"TrainingJobName\":\"a-1\",\"TrainingJobArn\":\"arn\",\"CreationTime\":1732806245.5," +
                   "\"TrainingJobStatus\":\"Brand-New-Status\",\"TunedHyperParameters\":{},\"FinalHyperParameterTuningJobObjectiveMetric\":null," +
                   "\"FutureMember\":[{\"deep\":{\"deeper\":[1,{\"x\":null}]}}]}," +
                   "{\"TrainingJobName\":\"a-2\",\"TrainingJobArn\":\"arn\",\"CreationTime\":1,\"TrainingJobStatus\":\"Completed\",\"TunedHyperParameters\":{}," +
                   "\"FinalHyperParameterTuningJobObjectiveMetric\":{\"MetricName\":\"auc\",\"Type\":\"Maximize\",\"Value\":null}}," +
                   "{\"TrainingJobName\":\"a-3\",\"TrainingJobArn\":\"arn\",\"CreationTime\":1,\"TrainingJobStatus\":\"Failed\"," +
                   "\"TunedHyperParameters\":{},\"FailureReason\":\"" + reason + "\"}]}";
        var (page, failure) = await Answer(body);
        Assert.Null(failure);
        Assert.Equal(3, page.Items.Count);
        var job = page.Items[0];
        Assert.Equal("Brand-New-Status", job.TrainingJobStatus);
        Assert.Null(job.FinalHyperParameterTuningJobObjectiveMetric);
        Assert.Null(job.TrainingEndTime);
        Assert.Null(job.FailureReason);
        Assert.Null(page.NextToken);
        Assert.Null(page.Items[1].FinalHyperParameterTuningJobObjectiveMetric);
        Assert.Equal(reason, page.Items[2].FailureReason);
    }

    /// <summary>
    /// Many mutations of a valid answer, each sent over HTTP through the real client: every one ends in a page
    /// or an InvalidResponse error. The seed is fixed so that a failure can be replayed.
    /// </summary>
    [Fact]
    public async Task MutatedAnswersEndInAPageOrInvalidResponse()
    {
        var random = new Random(20261128);
        var structural = new[] { "{", "}", "[", "]", ",", ":", "\"", "null", "-", "1e999", "\\", "\\u00", "true" };
        var pages = 0;
        for (var i = 0; i < 300; i++)
        {
            var body = Mutate(GoodBody, random, structural);
            var (page, failure) = await Answer(body);
            if (failure != null)
            {
                Assert.True(failure.Kind == FailureKind.InvalidResponse, $"mutation {i} gave {failure.Kind}: {failure.Message}\n{body}");
            }
            else
            {
                Assert.NotNull(page);
                Assert.DoesNotContain(null, page.Items);
                pages++;
            }
        }
        Assert.InRange(pages, 1, 299); // both outcomes were exercised
    }

    private static string Mutate(string body, Random random, string[] structural)
    {
        var text = new StringBuilder(body);
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits && text.Length > 0; e++)
        {
            var at = random.Next(text.Length);
            switch (random.Next(5))
            {
                case 0: text.Remove(at, Math.Min(random.Next(1, 8), text.Length - at)); break;
                case 1: text.Insert(at, structural[random.Next(structural.Length)]); break;
                case 2: text[at] = (char)random.Next(32, 127); break;
                case 3: text.Length = at; break;
                default:
                    var from = random.Next(text.Length);
                    text.Insert(at, text.ToString(from, Math.Min(10, text.Length - from)));
                    break;
            }
        }
        return text.ToString();
    }

    // What an answer carries comes through exactly: the number, the milliseconds, values the module does not know;
    // times are UTC (a described tuning job's too: TuningJobOperationsTests).
    [Fact]
    public async Task TheExactNumberTheMillisecondsAndUnknownValuesComeThrough()
    {
        var (page, failure) = await Answer(
            "{\"TrainingJobSummaries\":[{\"TrainingJobName\":\"exact-1\"," +
            "\"TrainingJobArn\":\"arn:aws:sagemaker:us-east-1:123456789012:training-job/exact-1\"," +
            "\"CreationTime\":1732806245.123,\"TrainingStartTime\":1732806300.5," +
            "\"TrainingJobStatus\":\"Paused\",\"ObjectiveStatus\":\"Reviewing\"," +
            "\"TunedHyperParameters\":{\"Eta\":\"0.1\",\"eta\":\"0.2\"},\"SomethingNew\":{\"nested\":[1,2]}," +
            "\"FinalHyperParameterTuningJobObjectiveMetric\":" +
            "{\"Type\":\"Maximize\",\"MetricName\":\"validation:auc\",\"Value\":0.12345678901234568}}]}");
        Assert.Null(failure);
        var job = Assert.Single(page.Items);
        Assert.Equal(0.12345678901234568, job.FinalHyperParameterTuningJobObjectiveMetric.Value);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1732806245123).UtcDateTime, job.CreationTime);
        Assert.Equal(DateTimeKind.Utc, job.CreationTime.Kind);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1732806300500).UtcDateTime, job.TrainingStartTime);
        Assert.Null(job.TrainingEndTime);
        Assert.Equal(("Paused", "Reviewing"), (job.TrainingJobStatus, job.ObjectiveStatus));
        Assert.Equal(("0.1", "0.2"), (job.TunedHyperParameters["Eta"], job.TunedHyperParameters["eta"]));
    }

    [Fact]
    public async Task TextComesOutExactlyAsSent()
    {
        Assert.True(shared.Endpoint.Data.TryGet("unicode-tuning", out var planted));
        var page = await _engine.PageAsync("unicode-tuning", 100);

        Assert.Equal(planted.TrainingJobs.Count, page.Items.Count);
        foreach (var sent in planted.TrainingJobs)
        {
            var got = page.Items.Single(j => j.TrainingJobName == sent.TrainingJobName);
            Assert.Equal(sent.FailureReason, got.FailureReason);
            Assert.Equal(sent.TunedHyperParameters.OrderBy(p => p.Key, StringComparer.Ordinal), got.TunedHyperParameters.OrderBy(p => p.Key, StringComparer.Ordinal));
        }
        Assert.Contains(page.Items, j => j.FailureReason != null && j.FailureReason.Contains("🚀"));
    }
}
