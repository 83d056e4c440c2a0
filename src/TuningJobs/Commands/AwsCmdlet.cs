using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Text.RegularExpressions;
using System.Threading;
using TuningJobs.Api;
using TuningJobs.Completion;
using TuningJobs.Listing;
using TuningJobs.Validation;

namespace TuningJobs.Commands;

/// <summary>
/// What every cmdlet that calls AWS shares: the connection parameters, validated at binding, and a cancellation
/// token that StopProcessing (Ctrl+C, a downstream Select-Object -First) cancels, so the request in flight ends.
/// </summary>
public abstract class AwsCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
    private ProgressRecord _progress;

    [Parameter]
    [ValidateNotNullOrEmpty]
    [ValidatePattern(ApiValues.RegionPattern, Options = RegexOptions.None)]
    [ArgumentCompleter(typeof(RegionCompleter))]
    public string Region { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string ProfileName { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    [ValidateHttpUrl]
    public string EndpointUrl { get; set; }

    [Parameter]
    [Credential]
    [ValidateNotNull]
    public PSCredential Credential { get; set; }

    /// <summary>Seconds one HTTP attempt may take; it is then abandoned and retried, so a call never hangs.</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int TimeoutSec { get; set; } = AwsConnection.DefaultTimeoutSeconds;

    private protected AwsConnection Connection() => AwsConnection.From(Region, ProfileName, EndpointUrl, Credential, TimeoutSec);

    /// <summary>A fresh count of what -Skip and -First ask for; each listing of the command counts with its own.</summary>
    private protected SkipFirst PagingCount() => new SkipFirst(PagingParameters.Skip, PagingParameters.First);

    /// <summary>Cancelled by StopProcessing.</summary>
    private protected CancellationToken StopToken => _stopping.Token;

    /// <summary>
    /// Runs the command's work for one input: a stop (StopProcessing) ends it as a stopped pipeline, and the progress
    /// bar is completed however it ends.
    /// </summary>
    private protected void RunStoppable(Action work)
    {
        try
        {
            work();
        }
        catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        finally
        {
            CompleteProgress();
        }
    }

    /// <summary>
    /// The listing's pages as the pager reads them, each reported in one verbose line and, once the listing has more
    /// than one page, on the progress bar.
    /// </summary>
    /// <param name="noun">What the items are: "tuning jobs".</param>
    private protected IEnumerable<PageRead<T>> ReadPages<T>(Pager<T> pager, string noun, string activity)
    {
        foreach (var page in pager.Pages(StopToken))
        {
            WriteVerbose($"Page {page.Number}: {page.Page.Items.Count} {noun} in {page.Milliseconds} ms (request id {page.Page.RequestId}).");
            if (page.HasMore || _progress != null)
            {
                ShowProgress(activity, $"{pager.Read} {noun} read from {page.Number} pages");
            }
            yield return page;
        }
    }

    /// <summary>Shows (or updates) the command's one progress bar.</summary>
    private protected void ShowProgress(string activity, string status)
    {
        // A new record each time: the host may keep the ones it was given.
        _progress = new ProgressRecord(0, activity, status);
        WriteProgress(_progress);
    }

    /// <summary>Completes the progress bar, if one is shown; also when stopped early, since a bar left standing would outlive the command.</summary>
    private protected void CompleteProgress()
    {
        if (_progress is null) return;
        try
        {
            WriteProgress(new ProgressRecord(0, _progress.Activity, _progress.StatusDescription) { RecordType = ProgressRecordType.Completed });
        }
        catch (PipelineStoppedException)
        {
        }
        _progress = null;
    }

    /// <summary>Ends the command with this error, the progress bar completed first.</summary>
    private protected void Fail(ErrorRecord record)
    {
        CompleteProgress();
        ThrowTerminatingError(record);
    }

    protected override void StopProcessing()
    {
        try
        {
            _stopping.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The command already finished.
        }
    }

    public void Dispose() => _stopping.Dispose();
}
