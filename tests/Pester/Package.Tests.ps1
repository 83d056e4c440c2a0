# The package as users get it: './build.ps1 Package' (here with -NoBuild) writes out/TuningJobs.<version>.nupkg,
# PowerShell's own PSResourceGet installs it from a local folder repository into an empty module path, and a fresh
# pwsh then imports the module by name and lists jobs with it.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestEnvironment.psm1') -Force
    $script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:Version = (Import-PowerShellDataFile (Join-Path $script:Root 'TuningJobs.psd1')).ModuleVersion
    $script:Package = Join-Path $script:Root "out/TuningJobs.$($script:Version).nupkg"

    # Packs the module that build.ps1 Test has just built and is testing (-NoBuild: the sources may have moved on
    # since). The Package task runs no tests, so calling it from the suite cannot recurse.
    $script:Packing = Invoke-FreshPwsh -Script "& '$(Join-Path $script:Root 'build.ps1')' Package -NoBuild; exit `$LASTEXITCODE"
}

Describe 'build.ps1 Package' {
    It 'writes the versioned .nupkg' {
        $script:Packing.ExitCode | Should -Be 0 -Because "$($script:Packing.Output) $($script:Packing.Errors)"
        $script:Package | Should -Exist
    }

    It 'packs the module as it is installed' {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [System.IO.Compression.ZipFile]::OpenRead($script:Package)
        try { $entries = $zip.Entries.FullName } finally { $zip.Dispose() }
        $engine = foreach ($folder in '', 'linux-x64/', 'win-x64/', 'osx-arm64/') { "bin/Dependencies/${folder}AWSSDK.Core.dll", "bin/Dependencies/${folder}TuningJobs.Aws.dll" }
        foreach ($expected in @('TuningJobs.psd1', 'TuningJobs.Format.ps1xml', 'TuningJobs.Types.ps1xml', 'LICENSE', 'bin/TuningJobs.dll',
            'en-US/TuningJobs.dll-Help.xml', 'en-US/about_TuningJobs.help.txt') + $engine) {
            $entries | Should -Contain $expected
        }
    }
}

Describe 'The package installed with PSResourceGet' {
    BeforeAll {
        $null = Initialize-TestSession -Folder $TestDrive -NoImport
        $script:UserHome = Join-Path $TestDrive 'home'   # an empty home: its module path and PSResourceGet settings
        $script:UserData = Join-Path $script:UserHome '.local/share'
        $script:Modules = Join-Path $script:UserData 'powershell/Modules'
        New-Item -ItemType Directory -Path $script:Modules -Force | Out-Null

        # Runs in a fresh pwsh with an empty home: on Linux and macOS PSResourceGet keeps its repository list and
        # CurrentUser modules under HOME (and XDG_DATA_HOME), so the user's own settings and modules are never touched.
        # Windows takes those folders from the OS, so there the module is saved to the path instead of installed.
        $emptyHome = @{ HOME = $script:UserHome; XDG_DATA_HOME = $script:UserData; PSModulePath = $script:Modules }
        $script:Install = Invoke-FreshPwsh -Environment $emptyHome -Script @"
`$repository = "TuningJobsTest-`$([guid]::NewGuid().ToString('N'))"
Register-PSResourceRepository -Name `$repository -Uri '$(Split-Path $script:Package)' -Trusted
try {
    if (`$IsWindows) { Save-PSResource -Name TuningJobs -Repository `$repository -TrustRepository -Path '$($script:Modules)' -Quiet }
    else { Install-PSResource -Name TuningJobs -Repository `$repository -TrustRepository -Scope CurrentUser -Quiet }
}
finally { Unregister-PSResourceRepository -Name `$repository }
"@
        $script:Use = Invoke-FreshPwsh -Environment $emptyHome -Connect -Import TuningJobs -Script @'
[pscustomobject]@{
    ModuleBase = (Get-Module TuningJobs).ModuleBase
    Version    = (Get-Module TuningJobs).Version.ToString()
    Command    = (Get-Command Get-TuningTrainingJob).Name
    Jobs       = @(Get-TuningTrainingJob xgb-churn-0412 -First 3 @aws).Count
    About      = [bool](Get-Help about_TuningJobs | Out-String)
} | ConvertTo-Json -Compress
'@
    }

    It 'installs into the empty module path' {
        $script:Install.ExitCode | Should -Be 0 -Because "$($script:Install.Output) $($script:Install.Errors)"
        Join-Path $script:Modules "TuningJobs/$($script:Version)/TuningJobs.psd1" | Should -Exist
    }

    It 'imports by name in a fresh pwsh and lists jobs through its AWS engine' {
        $script:Use.ExitCode | Should -Be 0 -Because "$($script:Use.Output) $($script:Use.Errors)"
        $result = $script:Use.Lines | Where-Object { $_ -like '{*' } | Select-Object -Last 1 | ConvertFrom-Json
        $result.ModuleBase | Should -BeLike "$($script:Modules)*"
        $result.Version | Should -Be $script:Version
        $result.Command | Should -Be 'Get-TuningTrainingJob'
        $result.Jobs | Should -Be 3
        $result.About | Should -BeTrue
    }
}
