# Starts and stops the local SageMaker endpoint as a child process, for the Pester suite, the demo and the benchmark.
# The endpoint exits by itself when this process exits, so it never outlives the run that started it.

$script:EndpointProject = $PSScriptRoot

function Start-LocalSageMakerEndpoint {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [ValidateSet('Debug', 'Release')]
        [string] $Configuration = 'Release',

        [ValidateRange(0, 60000)]
        [int] $LatencyMilliseconds = 0
    )
    $dll = Join-Path $script:EndpointProject "bin/$Configuration/net10.0/TuningJobs.LocalEndpoint.dll"
    if (-not (Test-Path $dll)) { throw "The local endpoint is not built ($dll). Run ./build.ps1 Test or ./build.ps1 Demo." }

    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in $dll, '--parent-pid', $PID, '--latency-ms', $LatencyMilliseconds) { $start.ArgumentList.Add([string]$argument) }
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $start.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($start)

    $line = $process.StandardOutput.ReadLineAsync()
    if (-not $line.Wait([TimeSpan]::FromSeconds(30)) -or $line.Result -notmatch '^Listening on (http://\S+)$') {
        if (-not $process.HasExited) { $process.Kill() }
        throw "The local endpoint did not start: '$($line.Result)'."
    }
    [pscustomobject]@{
        PSTypeName = 'TuningJobs.LocalEndpoint'
        Url        = $Matches[1]
        Process    = $process
    }
}

function Stop-LocalSageMakerEndpoint {
    [CmdletBinding()]
    param([Parameter(Mandatory, ValueFromPipeline)] [pscustomobject] $Endpoint)
    process {
        $process = $Endpoint.Process
        if ($process.HasExited) { return }
        $process.StandardInput.Close()   # the endpoint's signal to stop
        if (-not $process.WaitForExit(5000)) { $process.Kill() }
    }
}

function Get-LocalEndpointCredential {
    # The one key pair the local endpoint accepts; it signs requests for real, so tests exercise SigV4.
    [OutputType([pscredential])]
    param()
    [pscredential]::new('AKIDLOCALENDPOINT', (ConvertTo-SecureString 'local-endpoint-secret-key' -AsPlainText -Force))
}

Export-ModuleMember -Function Start-LocalSageMakerEndpoint, Stop-LocalSageMakerEndpoint, Get-LocalEndpointCredential
