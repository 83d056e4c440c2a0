using System.Collections.Concurrent;
using System.Reflection;
using Amazon;
using Amazon.Runtime;

namespace TuningJobs.Tests.Aws;

/// <summary>
/// The AWS SDK's clock, which is process-wide: AWSConfigs keeps it in a private field (the SDK's own clock-skew tests
/// set it the same way), and CorrectClockSkew keeps what it learns per endpoint. Only tests in a collection that runs
/// alone may use this; disposing puts the machine's clock back and forgets every correction learned meanwhile.
/// </summary>
internal static class SdkClock
{
    private static readonly FieldInfo _source =
        typeof(AWSConfigs).GetField("utcNowSource", BindingFlags.Static | BindingFlags.NonPublic)
        ?? throw new MissingFieldException("AWSConfigs.utcNowSource is gone: find how this AWSSDK.Core version reads the clock.");

    private static readonly FieldInfo _corrections =
        typeof(CorrectClockSkew).GetField("clockCorrectionDictionary", BindingFlags.Static | BindingFlags.NonPublic)
        ?? throw new MissingFieldException("CorrectClockSkew.clockCorrectionDictionary is gone.");

    /// <summary>As on a machine whose clock is <paramref name="skew"/> off.</summary>
    public static IDisposable Skew(TimeSpan skew) => Use(() => DateTime.UtcNow + skew);

    /// <summary>With the SDK's correction of a skewed clock on or off.</summary>
    public static IDisposable Use(Func<DateTime> clock, bool correctForClockSkew = true)
    {
        var earlierClock = (Func<DateTime>)_source.GetValue(null);
        var earlierCorrect = AWSConfigs.CorrectForClockSkew;
        ForgetCorrections();
        _source.SetValue(null, clock);
        AWSConfigs.CorrectForClockSkew = correctForClockSkew;
        return new Restore(() =>
        {
            _source.SetValue(null, earlierClock);
            AWSConfigs.CorrectForClockSkew = earlierCorrect;
            ForgetCorrections();
        });
    }

    public static void ForgetCorrections() => ((ConcurrentDictionary<string, TimeSpan>)_corrections.GetValue(null)).Clear();
}
