# Starts and stops the local SageMaker endpoint as a child process, for the Pester suite, the demo and the benchmark.
# The endpoint stops when its stdin closes, so it never outlives the process that started it. It announces the one
# key pair it accepts, so no script holds a copy: $endpoint.Credential is that pair.

function Start-LocalSageMakerEndpoint {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param([ValidateSet('Debug', 'Release')] [string] $Configuration = 'Release')
    $dll = Join-Path $PSScriptRoot "bin/$Configuration/net10.0/TuningJobs.LocalEndpoint.dll"
    if (-not (Test-Path $dll)) { throw "The local endpoint is not built ($dll). Run ./build.ps1 Test or ./build.ps1 Demo." }

    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    $start.ArgumentList.Add($dll)
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $start.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($start)

    $line = $process.StandardOutput.ReadLineAsync()
    if (-not $line.Wait([TimeSpan]::FromSeconds(30)) -or $line.Result -notmatch '^Listening on (http://\S+) as (\S+) (\S+)$') {
        if (-not $process.HasExited) { $process.Kill() }
        throw "The local endpoint did not start: '$($line.Result)'."
    }
    [pscustomobject]@{
        PSTypeName = 'TuningJobs.LocalEndpoint'
        Url        = $Matches[1]
        Credential = [pscredential]::new($Matches[2], (ConvertTo-SecureString $Matches[3] -AsPlainText -Force))
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

Export-ModuleMember -Function Start-LocalSageMakerEndpoint, Stop-LocalSageMakerEndpoint
