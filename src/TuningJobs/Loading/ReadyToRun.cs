using System.Runtime.InteropServices;

namespace TuningJobs.Loading;

/// <summary>
/// Names the folder of ReadyToRun images for the running platform, as build.ps1 lays them out under
/// bin/Dependencies: the .NET runtime identifier's portable form (linux-x64, win-x64, osx-arm64). An image
/// compiled for another platform or a newer runtime would be ignored by the runtime and its IL used instead, so
/// a wrong guess costs only time; an unknown platform gets null and the IL.
/// </summary>
internal static class ReadyToRun
{
    public static string PlatformFolderName()
    {
        string os = RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? "linux"
            : RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "win"
            : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "osx"
            : null;
        string architecture = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => "x64",
            Architecture.Arm64 => "arm64",
            _ => null,
        };
        return os == null || architecture == null ? null : os + "-" + architecture;
    }
}
