using System.Globalization;
using Amazon.Runtime;

namespace TuningJobs.Tests.Aws;

/// <summary>
/// A machine clock 20 minutes off, either way: the endpoint turns the signature away as AWS does, with its own time in
/// the Date header and the message, and the SDK learns the difference from that answer and signs again. The SDK's clock
/// is process-wide, so these tests run alone.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class ClockSkewTests
{
    private static readonly DateTimeOffset _endpointNow = new(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-11-02T09:00:00Z", "Signature expired: 20261102T090000Z is now earlier than 20261102T091500Z (20261102T093000Z - 15 min.)")]
    [InlineData("2026-11-02T10:00:00Z", "Signature not yet current: 20261102T100000Z is still later than 20261102T094500Z (20261102T093000Z + 15 min.)")]
    [InlineData("2026-11-02T09:14:59Z", "Signature expired: 20261102T091459Z is now earlier than 20261102T091500Z (20261102T093000Z - 15 min.)")]
    [InlineData("2026-11-02T09:15:00Z", null)]
    [InlineData("2026-11-02T09:45:00Z", null)]
    public async Task TheEndpointTurnsAwayASignatureMoreThan15MinutesFromItsClockAsAwsDoes(string signedAt, string message)
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        endpoint.Clock = () => _endpointNow;
        var machine = DateTime.Parse(signedAt, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        using var clock = ProcessEnvironment.SdkClock(() => machine, correctForClockSkew: false);
        var (names, _, failure) = EngineHarness.Start(endpoint).TryList("xgb-churn-0412", 100);
        if (message == null)
        {
            Assert.Null(failure);
            Assert.Equal(42, names.Count);
            return;
        }

        Assert.NotNull(failure);
        Assert.Equal(FailureKind.InvalidCredentials, failure.Kind);
        Assert.Equal("InvalidSignatureException", failure.ErrorCode);
        Assert.Contains(message, failure.Message);
        Assert.Empty(endpoint.Requests);
    }

    [Theory]
    [InlineData(-20)]
    [InlineData(20)]
    public async Task AMachineClock20MinutesOffIsCorrectedFromTheAnswer(int minutes)
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        var skew = TimeSpan.FromMinutes(minutes);
        // Without the correction the retry would be signed with the same clock and be turned away too.
        using var clock = ProcessEnvironment.SdkClock(() => DateTime.UtcNow + skew);
        var names = EngineHarness.Start(endpoint).List("xgb-churn-0412", 10);

        Assert.Equal(42, names.Distinct().Count());
        Assert.Equal(1, endpoint.SignatureRejections);           // the skew was real: the first attempt was turned away
        Assert.Equal(5, endpoint.Requests.Count);                // then every page was accepted at the first try
        var learned = CorrectClockSkew.GetClockCorrectionForEndpoint(endpoint.Url.ToString());
        Assert.InRange(learned, -skew - TimeSpan.FromMinutes(1), -skew + TimeSpan.FromMinutes(1));
    }
}
