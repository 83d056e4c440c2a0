using System;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace TuningJobs.Aws.Http;

/// <summary>
/// Bounds each HTTP attempt, from the moment it is sent to the last byte of its body, by one deadline, and each
/// answer's body by a number of bytes. The SDK reads the body after this handler returns (its Unmarshaller reads
/// the response stream synchronously), so the answer's content is replaced by one whose stream keeps the same
/// deadline. An attempt that runs out ends in <see cref="AttemptTimeoutException"/>, which the SDK's retry mode
/// retries like any IOException.
/// </summary>
internal sealed class AttemptDeadlineHandler : DelegatingHandler
{
    // Set by the SDK's RetryHandler on every attempt: "attempt=2; max=3".
    private const string SdkRequestHeader = "amz-sdk-request";

    private readonly TimeSpan _timeout;
    private readonly long _maxAnswerBytes;

    public AttemptDeadlineHandler(TimeSpan timeout, long maxAnswerBytes)
    {
        _timeout = timeout;
        _maxAnswerBytes = maxAnswerBytes;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var (attempt, maxAttempts) = AttemptOf(request);
        var clock = new AttemptClock(_timeout, cancellationToken, attempt, maxAttempts);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, clock.Token).ConfigureAwait(false);
        }
        catch (Exception) when (clock.IsExpired && !cancellationToken.IsCancellationRequested)
        {
            clock.Dispose();
            throw clock.Expired();
        }
        catch
        {
            clock.Dispose();
            throw;
        }

        if (response.Content == null)
        {
            clock.Dispose();
            return response;
        }
        response.Content = new AttemptContent(response.Content, clock, _maxAnswerBytes);
        return response;
    }

    private static (int Attempt, int MaxAttempts) AttemptOf(HttpRequestMessage request)
    {
        int attempt = 0, max = 0;
        if (request.Headers.TryGetValues(SdkRequestHeader, out var values))
        {
            foreach (var part in string.Join(";", values).Split(';'))
            {
                var pair = part.Split('=');
                if (pair.Length != 2 || !int.TryParse(pair[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number)) continue;
                if (pair[0].Trim() == "attempt") attempt = number;
                else if (pair[0].Trim() == "max") max = number;
            }
        }
        return (attempt, max);
    }
}
