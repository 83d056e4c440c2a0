using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace TuningJobs.LocalEndpoint;

/// <summary>
/// dotnet TuningJobs.LocalEndpoint.dll [--port N] [--latency-ms N] [--parent-pid PID] [--ignore-stdin]
/// Prints "Listening on http://127.0.0.1:NNNN/" once, then runs until stdin reaches EOF, the parent exits,
/// or a termination signal arrives, so that it can never outlive the process that started it.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var options = new LocalEndpointOptions();
        int? parentPid = null;
        var watchStdin = true;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--port" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var port):
                    options.Port = port;
                    i++;
                    break;
                case "--latency-ms" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var latency):
                    options.Latency = TimeSpan.FromMilliseconds(latency);
                    i++;
                    break;
                case "--parent-pid" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var pid):
                    parentPid = pid;
                    i++;
                    break;
                case "--ignore-stdin":
                    // For callers that cannot give the endpoint a pipe (stdin of /dev/null would mean "stop now").
                    watchStdin = false;
                    break;
                default:
                    Console.Error.WriteLine($"Unknown or incomplete argument '{args[i]}'.");
                    Console.Error.WriteLine("Usage: TuningJobs.LocalEndpoint [--port N] [--latency-ms N] [--parent-pid PID] [--ignore-stdin]");
                    return 2;
            }
        }

        using var stop = new CancellationTokenSource();
        using var signals = new SignalHandlers(stop);

        await using var endpoint = await LocalSageMakerEndpoint.StartAsync(options);
        Console.Out.WriteLine($"Listening on {endpoint.Url}");
        Console.Out.Flush();

        if (watchStdin)
        {
            _ = Task.Run(() => WaitForStdinEofAsync(stop));
        }

        if (parentPid.HasValue)
        {
            _ = Task.Run(() => WatchParentAsync(parentPid.Value, stop));
        }

        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }

        return 0;
    }

    private static async Task WaitForStdinEofAsync(CancellationTokenSource stop)
    {
        try
        {
            using var stdin = Console.OpenStandardInput();
            var buffer = new byte[256];
            while (await stdin.ReadAsync(buffer) > 0)
            {
            }
        }
        catch (IOException)
        {
        }

        stop.Cancel();
    }

    private static async Task WatchParentAsync(int pid, CancellationTokenSource stop)
    {
        while (!stop.IsCancellationRequested)
        {
            if (HasExited(pid))
            {
                stop.Cancel();
                return;
            }

            await Task.Delay(500);
        }
    }

    private static bool HasExited(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            if (process.HasExited)
            {
                return true;
            }
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            return true;
        }

        // A parent that died but is not yet reaped is a zombie; Process still reports it as running.
        if (OperatingSystem.IsLinux())
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                var state = stat.Substring(stat.LastIndexOf(')') + 2, 1);
                return state is "Z" or "X";
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>SIGTERM, SIGINT (Ctrl+C), SIGHUP and SIGQUIT stop the endpoint cleanly instead of killing it mid-answer.</summary>
    private sealed class SignalHandlers : IDisposable
    {
        private readonly PosixSignalRegistration[] registrations;

        public SignalHandlers(CancellationTokenSource stop)
        {
            void Handle(PosixSignalContext context)
            {
                context.Cancel = true;
                stop.Cancel();
            }

            registrations = new[]
            {
                PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle),
                PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
                PosixSignalRegistration.Create(PosixSignal.SIGHUP, Handle),
                PosixSignalRegistration.Create(PosixSignal.SIGQUIT, Handle),
            };
        }

        public void Dispose()
        {
            foreach (var registration in registrations)
            {
                registration.Dispose();
            }
        }
    }
}
