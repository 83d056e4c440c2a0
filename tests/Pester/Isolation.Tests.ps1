# Living beside other modules: the AWSSDK assemblies the module ships load in their own AssemblyLoadContext on
# PowerShell 7, so a session can also hold another AWSSDK.Core (the AWS Tools modules bring one), in either order.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestEnvironment.psm1') -Force
    $null = Initialize-TestSession -Folder $TestDrive -NoImport
    # TestPackages.csproj restores it into the NuGet global folder, where Pester is too (<packages>/pester/<version>/tools).
    $packages = Split-Path (Split-Path (Split-Path (Get-Module Pester).ModuleBase))
    $script:OtherAwsCore = Join-Path $packages 'awssdk.core/3.7.402/lib/netcoreapp3.1/AWSSDK.Core.dll'
    $script:Manifest = (Resolve-Path (Join-Path $PSScriptRoot '../../TuningJobs.psd1')).Path
}

Describe 'TuningJobs beside another AWSSDK.Core' {
    It 'works when <Order>, with its AWSSDK assemblies out of the default load context' -ForEach @(
        @{ Order = 'the other AWSSDK.Core was loaded first'; Steps = 'Use-OtherAwsCore', 'Use-TuningJobs', 'Get-Count'; Listings = 1 }
        @{ Order = 'TuningJobs was loaded and used first, and keeps working after'
           Steps = 'Use-TuningJobs', 'Get-Count', 'Use-OtherAwsCore', 'Get-Count'; Listings = 2 }
    ) {
        $run = Invoke-FreshPwsh -Connect -Script @"
function Use-OtherAwsCore { Add-Type -Path '$($script:OtherAwsCore)' }
function Use-TuningJobs { Import-Module '$($script:Manifest)' }
function Get-Count { 'jobs=' + @(Get-TuningTrainingJob xgb-churn-0412 @aws).Count }
$($Steps -join "`n")
'other=' + [Amazon.Runtime.AWSCredentials].Assembly.GetName().Version
'engine=' + ([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'AWSSDK.Core' -and `$_.GetName().Version.Major -ge 4 } | ForEach-Object { `$_.GetName().Version })
'typeliteral=' + [TuningJobs.HyperParameterTrainingJobSummary]::new().GetType().Assembly.GetName().Name
'in-default=' + @([System.Runtime.Loader.AssemblyLoadContext]::Default.Assemblies | Where-Object {
    (`$_.GetName().Name -like 'AWSSDK*' -or `$_.GetName().Name -eq 'TuningJobs.Aws') -and `$_.Location -ne '$($script:OtherAwsCore)' }).Count
'public-types=' + [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext([TuningJobs.HyperParameterTrainingJobSummary].Assembly).Name
"@
        $run.ExitCode | Should -Be 0 -Because "$($run.Output) $($run.Errors)"
        @($run.Lines | Where-Object { $_ -eq 'jobs=42' }).Count | Should -Be $Listings
        $run.Lines | Should -Contain 'other=3.3.0.0'
        $run.Lines | Should -Contain 'engine=4.0.0.0'
        $run.Lines | Should -Contain 'typeliteral=TuningJobs'
        $run.Lines | Should -Contain 'in-default=0'
        $run.Lines | Should -Contain 'public-types=Default'
    }
}
