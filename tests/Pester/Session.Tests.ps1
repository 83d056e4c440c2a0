# A session's view of the module: a light import, one client shared by runspaces, and settings changed midway.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestEnvironment.psm1') -Force
    $script:Aws = (Initialize-TestSession -Folder $TestDrive).Connection
    $script:Manifest = (Resolve-Path (Join-Path $PSScriptRoot '../../TuningJobs.psd1')).Path
}

Describe 'Import stays light' {
    It 'with the warm-up off, loads no AWS assembly for the import, help and static completion; the first call loads the engine' {
        $run = Invoke-FreshPwsh -Environment @{ TUNINGJOBS_NO_WARMUP = '1' } -Connect -ImportBuilt -Script @'
function Get-AwsAssembly { @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -like 'AWSSDK*' -or $_.GetName().Name -eq 'TuningJobs.Aws' }).Count }
$null = Get-Help Get-TuningTrainingJob -Full
$line = 'Get-TuningTrainingJob x -StatusEquals '
$null = TabExpansion2 -inputScript $line -cursorColumn $line.Length
'before=' + (Get-AwsAssembly)
$null = Get-TuningTrainingJob xgb-churn-0412 -First 1 @aws
'after=' + (Get-AwsAssembly)
'@
        $run.ExitCode | Should -Be 0 -Because $run.Errors
        $run.Lines | Should -Contain 'before=0'
        ($run.Lines | Where-Object { $_ -like 'after=*' }) | Should -Not -Be 'after=0'
    }

    It 'on PowerShell 7, loads the engine in the background after the import, without a call' {
        $run = Invoke-FreshPwsh -ImportBuilt -Script @'
$deadline = [DateTime]::UtcNow.AddSeconds(20)
while (-not ([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'TuningJobs.Aws' }) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
'engine=' + @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'TuningJobs.Aws' }).Count
'@
        $run.ExitCode | Should -Be 0 -Because $run.Errors
        $run.Lines | Should -Contain 'engine=1'
    }
}

Describe 'One client for the session' {
    It 'serves several runspaces listing at once, each getting every job once' {
        $counts = 1..4 | ForEach-Object -ThrottleLimit 4 -Parallel {
            Import-Module $using:Manifest
            $aws = $using:Aws
            $jobs = Get-TuningTrainingJob resnet-sweep-big -PageSize 25 @aws
            [pscustomobject]@{ Count = $jobs.Count; Unique = @($jobs.TrainingJobName | Select-Object -Unique).Count }
        }
        $counts.Count | Should -Be 4
        $counts | ForEach-Object { $_.Count | Should -Be 350; $_.Unique | Should -Be 350 }
    }
}

Describe 'Settings changed during a session' {
    It 'reads the credentials file AWS_SHARED_CREDENTIALS_FILE names now, and at each edit; the region from the config file' {
        Set-Content $env:AWS_CONFIG_FILE "[profile first]`nregion = eu-west-1`n[profile second]`nregion = eu-west-1"
        foreach ($name in 'first', 'second') {
            $env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $TestDrive "credentials-$name"
            Set-Content $env:AWS_SHARED_CREDENTIALS_FILE (Format-TestProfile $name)
            (Get-TuningTrainingJob xgb-churn-0412 -ProfileName $name -EndpointUrl $Aws.EndpointUrl).Count | Should -Be 42
            (Get-EndpointRequest)[-1].Region | Should -Be 'eu-west-1'
        }
        Set-Content $env:AWS_SHARED_CREDENTIALS_FILE (Format-TestProfile second -Secret revoked-secret)
        { Get-TuningTrainingJob xgb-churn-0412 -ProfileName second -EndpointUrl $Aws.EndpointUrl } |
            Should -Throw -ErrorId 'InvalidCredentials,TuningJobs.Commands.GetTuningTrainingJobCommand'
    }
}
