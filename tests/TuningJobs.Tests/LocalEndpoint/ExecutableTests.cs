using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using TuningJobs.LocalEndpoint;
using Xunit;

namespace TuningJobs.Tests.LocalEndpoint;

public sealed class ExecutableTests
{
    [Fact]
    public async Task ExeAnnouncesItsUrlAndExitsWhenStdinCloses()
    {
        using var process = Start("--latency-ms", "0");
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            var match = Regex.Match(line ?? string.Empty, "^Listening on (http://127\\.0\\.0\\.1:\\d+/)$");
            Assert.True(match.Success, line);

            using var http = new HttpClient();
            Assert.Equal("[]", await http.GetStringAsync(new Uri(new Uri(match.Groups[1].Value), "__control/requests")));

            process.StandardInput.Close();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    [Fact]
    public async Task ExeExitsWhenItsParentExits()
    {
        using var parent = Process.Start(new ProcessStartInfo(OperatingSystem.IsWindows() ? "cmd" : "sleep", OperatingSystem.IsWindows() ? "/c timeout 2" : "2") { UseShellExecute = false });
        using var process = Start("--parent-pid", parent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.StartsWith("Listening on http://127.0.0.1:", line);
            Assert.False(process.HasExited);

            await parent.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    private static Process Start(params string[] arguments)
    {
        var dll = typeof(LocalSageMakerEndpoint).Assembly.Location;
        Assert.True(File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json")), "runtimeconfig next to " + dll);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start);
    }
}
