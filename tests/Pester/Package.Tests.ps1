# The package as users get it: './build.ps1 Package' (here with -NoBuild) writes out/TuningJobs.<version>.nupkg,
# PowerShell's own PSResourceGet installs it from a local folder repository into an empty module path, and a fresh
# pwsh then imports the module by name and lists jobs with it.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestEnvironment.psm1') -Force
    $script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:Version = (Import-PowerShellDataFile (Join-Path $script:Root 'TuningJobs.psd1')).ModuleVersion
    $script:Package = Join-Path $script:Root "out/TuningJobs.$($script:Version).nupkg"

    function Invoke-FreshPwsh {
        # As build.ps1 runs things: a new process without profile.
        param([Parameter(Mandatory)] [string[]] $Arguments)
        & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive @Arguments
    }

    # Packs the module that build.ps1 Test has just built and is testing (-NoBuild: the sources may have moved on
    # since). The Package task runs no tests, so calling it from the suite cannot recurse.
    $script:PackageLog = Invoke-FreshPwsh @('-File', (Join-Path $script:Root 'build.ps1'), 'Package', '-NoBuild') 2>&1 | Out-String
    $script:PackageExitCode = $LASTEXITCODE
}

Describe 'build.ps1 Package' {
    It 'writes the versioned .nupkg' {
        $script:PackageExitCode | Should -Be 0 -Because $script:PackageLog
        $script:Package | Should -Exist
    }

    It 'packs the module as it is installed' {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [System.IO.Compression.ZipFile]::OpenRead($script:Package)
        try { $entries = $zip.Entries.FullName } finally { $zip.Dispose() }
        foreach ($expected in 'TuningJobs.psd1', 'TuningJobs.Format.ps1xml', 'TuningJobs.Types.ps1xml', 'LICENSE', 'bin/TuningJobs.dll',
            'bin/Dependencies/TuningJobs.Aws.dll', 'bin/Dependencies/AWSSDK.Core.dll', 'en-US/TuningJobs.dll-Help.xml',
            'en-US/about_TuningJobs.help.txt', 'bin/Dependencies/linux-x64/AWSSDK.Core.dll', 'bin/Dependencies/win-x64/AWSSDK.Core.dll',
            'bin/Dependencies/osx-arm64/AWSSDK.Core.dll', 'bin/Dependencies/linux-x64/TuningJobs.Aws.dll') {
            $entries | Should -Contain $expected
        }
    }
}

Describe 'The package installed with PSResourceGet' {
    BeforeAll {
        $script:Endpoint = Start-TestEndpoint
        $script:UserHome = Join-Path $TestDrive 'home'   # an empty home: its module path and PSResourceGet settings
        $script:UserData = Join-Path $script:UserHome '.local/share'
        $script:Modules = Join-Path $script:UserData 'powershell/Modules'
        New-Item -ItemType Directory -Path $script:Modules -Force | Out-Null

        # Runs in a fresh pwsh with an empty home: on Linux and macOS PSResourceGet keeps its repository list and
        # CurrentUser modules under HOME (and XDG_DATA_HOME), so the user's own settings and modules are never touched.
        # Windows takes those folders from the OS, so there the module is saved to the path instead of installed.
        $installScript = Join-Path $TestDrive 'install.ps1'
        Set-Content -Path $installScript -Value @'
param($Source, $Modules)
$ErrorActionPreference = 'Stop'
$repository = "TuningJobsTest-$([guid]::NewGuid().ToString('N'))"
Register-PSResourceRepository -Name $repository -Uri $Source -Trusted
try {
    if ($IsWindows) { Save-PSResource -Name TuningJobs -Repository $repository -TrustRepository -Path $Modules -Quiet }
    else { Install-PSResource -Name TuningJobs -Repository $repository -TrustRepository -Scope CurrentUser -Quiet }
}
finally { Unregister-PSResourceRepository -Name $repository }
'@
        $useScript = Join-Path $TestDrive 'use.ps1'
        Set-Content -Path $useScript -Value @'
param($Url, $Key, $Secret)
$ErrorActionPreference = 'Stop'
Import-Module TuningJobs
$credential = [pscredential]::new($Key, (ConvertTo-SecureString $Secret -AsPlainText -Force))
[pscustomobject]@{
    ModuleBase = (Get-Module TuningJobs).ModuleBase
    Version    = (Get-Module TuningJobs).Version.ToString()
    Command    = (Get-Command Get-TuningTrainingJob).Name
    Jobs       = @(Get-TuningTrainingJob xgb-churn-0412 -First 3 -EndpointUrl $Url -Credential $credential -Region us-east-1).Count
    About      = [bool](Get-Help about_TuningJobs | Out-String)
} | ConvertTo-Json -Compress
'@

        $saved = @{ HOME = $env:HOME; XDG_DATA_HOME = $env:XDG_DATA_HOME; PSModulePath = $env:PSModulePath }
        try {
            $env:HOME = $script:UserHome
            $env:XDG_DATA_HOME = $script:UserData
            $env:PSModulePath = $script:Modules
            $script:InstallLog = Invoke-FreshPwsh @('-File', $installScript, (Split-Path $script:Package), $script:Modules) 2>&1 | Out-String
            $script:InstallExitCode = $LASTEXITCODE
            $credential = $script:Endpoint.Connection.Credential.GetNetworkCredential()
            $script:UseOutput = Invoke-FreshPwsh @('-File', $useScript, $script:Endpoint.Url, $credential.UserName, $credential.Password) 2>&1 | Out-String
            $script:UseExitCode = $LASTEXITCODE
        }
        finally {
            foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
        }
    }

    AfterAll {
        if ($script:Endpoint) { Stop-LocalSageMakerEndpoint $script:Endpoint }
    }

    It 'installs into the empty module path' {
        $script:InstallExitCode | Should -Be 0 -Because $script:InstallLog
        Join-Path $script:Modules "TuningJobs/$($script:Version)/TuningJobs.psd1" | Should -Exist
    }

    It 'imports by name in a fresh pwsh and lists jobs through its AWS engine' {
        $script:UseExitCode | Should -Be 0 -Because $script:UseOutput
        $result = ($script:UseOutput -split "`r?`n" | Where-Object { $_ -like '{*' } | Select-Object -Last 1) | ConvertFrom-Json
        $result.ModuleBase | Should -BeLike "$($script:Modules)*"
        $result.Version | Should -Be $script:Version
        $result.Command | Should -Be 'Get-TuningTrainingJob'
        $result.Jobs | Should -Be 3
        $result.About | Should -BeTrue
    }
}
