# Living beside other modules: the AWSSDK assemblies the module ships load in their own AssemblyLoadContext on
# PowerShell 7, so a session can also hold another AWSSDK.Core (the AWS Tools modules bring one), in either order.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestEnvironment.psm1') -Force
    $script:Endpoint = Initialize-TestSession -Folder $TestDrive -NoImport
    $script:Pair = $script:Endpoint.Credential.GetNetworkCredential()
    $script:OtherAwsCore = Join-Path (Get-TestPackageFolder -Id AWSSDK.Core -Version 3.7.402) 'lib/netcoreapp3.1/AWSSDK.Core.dll'
    $script:Manifest = (Resolve-Path (Join-Path $PSScriptRoot '../../TuningJobs.psd1')).Path

    function Invoke-Session([string] $Steps) {
        $script = @"
`$ErrorActionPreference = 'Stop'
`$env:AWS_EC2_METADATA_DISABLED = 'true'
`$aws = @{ EndpointUrl = '$($script:Endpoint.Url)'; Region = 'us-east-1'
    Credential = [pscredential]::new('$($script:Pair.UserName)', (ConvertTo-SecureString '$($script:Pair.Password)' -AsPlainText -Force)) }
function Use-OtherAwsCore { Add-Type -Path '$($script:OtherAwsCore)' }
function Use-TuningJobs { Import-Module '$($script:Manifest)' }
function Get-Count { 'jobs=' + @(Get-TuningTrainingJob xgb-churn-0412 @aws).Count }
$Steps
'other=' + [Amazon.Runtime.AWSCredentials].Assembly.GetName().Version
'engine=' + ([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'AWSSDK.Core' -and `$_.GetName().Version.Major -ge 4 } | ForEach-Object { `$_.GetName().Version })
'typeliteral=' + [TuningJobs.HyperParameterTrainingJobSummary]::new().GetType().Assembly.GetName().Name
"@
        $run = Invoke-FreshPwsh -Script $script -Environment @{ AWS_SHARED_CREDENTIALS_FILE = $env:AWS_SHARED_CREDENTIALS_FILE; AWS_CONFIG_FILE = $env:AWS_CONFIG_FILE }
        if ($run.ExitCode -ne 0) { throw "The session failed: $($run.Output) $($run.Errors)" }
        $run.Output -split "`r?`n" | Where-Object { $_ }
    }
}

AfterAll { Stop-LocalSageMakerEndpoint $script:Endpoint }

Describe 'TuningJobs beside another AWSSDK.Core' {
    It 'works when the other AWSSDK.Core was loaded first' {
        $lines = Invoke-Session "Use-OtherAwsCore`nUse-TuningJobs`nGet-Count"
        $lines | Should -Contain 'jobs=42'
        $lines | Should -Contain 'other=3.3.0.0'
        $lines | Should -Contain 'engine=4.0.0.0'
        $lines | Should -Contain 'typeliteral=TuningJobs'
    }

    It 'works when TuningJobs was loaded and used first, and keeps working after' {
        $lines = Invoke-Session "Use-TuningJobs`nGet-Count`nUse-OtherAwsCore`nGet-Count"
        @($lines | Where-Object { $_ -eq 'jobs=42' }).Count | Should -Be 2
        $lines | Should -Contain 'other=3.3.0.0'
        $lines | Should -Contain 'engine=4.0.0.0'
    }

    It 'keeps the AWSSDK assemblies out of the default load context' {
        $lines = Invoke-Session @'
Use-TuningJobs
Get-Count
$default = [System.Runtime.Loader.AssemblyLoadContext]::Default.Assemblies | Where-Object { $_.GetName().Name -like 'AWSSDK*' -or $_.GetName().Name -eq 'TuningJobs.Aws' }
'in-default=' + @($default).Count
'public-types=' + [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext([TuningJobs.HyperParameterTrainingJobSummary].Assembly).Name
Use-OtherAwsCore
'@
        $lines | Should -Contain 'jobs=42'
        $lines | Should -Contain 'in-default=0'
        $lines | Should -Contain 'public-types=Default'
    }
}
