using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace TuningJobs.Aws.Http;

/// <summary>An answer's content, read through a <see cref="BoundedAnswerStream"/> that keeps its attempt's deadline.</summary>
internal sealed class AttemptContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly AttemptClock _clock;
    private readonly long _maxBytes;
    private BoundedAnswerStream _stream;

    public AttemptContent(HttpContent inner, AttemptClock clock, long maxBytes)
    {
        _inner = inner;
        _clock = clock;
        _maxBytes = maxBytes;
        foreach (var header in inner.Headers)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    protected override async Task<Stream> CreateContentReadStreamAsync()
    {
        var inner = await _inner.ReadAsStreamAsync().ConfigureAwait(false);
        return _stream = new BoundedAnswerStream(inner, _clock, _maxBytes);
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext context)
    {
        var source = _stream ?? await CreateContentReadStreamAsync().ConfigureAwait(false);
        await source.CopyToAsync(stream).ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // The SDK disposes the answer when the caller cancels: that ends a read in flight at once.
            _clock.Abandon();
            _stream?.Dispose();
            _inner.Dispose();
            _clock.Dispose();
        }
        base.Dispose(disposing);
    }
}
