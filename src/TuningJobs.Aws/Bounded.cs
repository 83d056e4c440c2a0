using System;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;

namespace TuningJobs.Aws;

/// <summary>Runs SDK work that offers no timeout of its own, and gives up waiting for it after a bound.</summary>
internal static class Bounded
{
    /// <summary>
    /// The work's result, or <paramref name="onTimeout"/>'s when the bound passes first. Work that overruns
    /// finishes in the background and its result is dropped.
    /// </summary>
    public static T Run<T>(Func<T> work, TimeSpan bound, Func<T> onTimeout)
    {
        var task = Task.Run(work);
        if (!((IAsyncResult)task).AsyncWaitHandle.WaitOne(bound))
        {
            _ = task.ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);
            return onTimeout();
        }
        if (task.IsFaulted)
        {
            ExceptionDispatchInfo.Capture(task.Exception.GetBaseException()).Throw();
        }
        return task.Result;
    }
}
