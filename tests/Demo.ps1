<#
.SYNOPSIS
    The main job, on the local SageMaker endpoint: what an ML engineer asks of the account's tuning jobs, of a
    finished one, and of one that is still running.
#>
param([ValidateSet('Debug', 'Release')] [string] $Configuration = 'Release')
$ErrorActionPreference = 'Stop'
$root = Split-Path $PSScriptRoot
Import-Module (Join-Path $root 'TuningJobs.psd1')
Import-Module (Join-Path $PSScriptRoot 'TuningJobs.LocalEndpoint/LocalEndpoint.psm1')

# Keep the demo on loopback: no ambient AWS settings, no instance-metadata probe off the machine.
$env:AWS_EC2_METADATA_DISABLED = 'true'
$endpoint = Start-LocalSageMakerEndpoint -Configuration $Configuration
try {
    $aws = @{ EndpointUrl = $endpoint.Url; Region = 'us-east-1'; Credential = $endpoint.Credential }
    Write-Host "Local SageMaker endpoint at $($endpoint.Url)`n"

    Write-Host 'The account''s tuning jobs (Get-TuningJob), newest first:' -ForegroundColor Cyan
    Get-TuningJob -SortBy CreationTime -SortOrder Descending @aws | Out-String -Width 120 | Write-Host

    Write-Host 'The objective and best training job of resnet-sweep-big, described:' -ForegroundColor Cyan
    Get-TuningJob resnet-sweep-big @aws |
        Format-List HyperParameterTuningJobName, HyperParameterTuningJobObjective, TrainingJobStatusCounters,
            @{ Name = 'BestTrainingJob'; Expression = { "$($_.BestTrainingJob) ($($_.BestTrainingJob.ObjectiveValue))" } } |
        Out-String -Width 120 | Write-Host

    Write-Host 'The five best training jobs of xgb-churn-0412 (validation:auc, maximized), one column per hyperparameter:' -ForegroundColor Cyan
    Get-TuningTrainingJob xgb-churn-0412 -Best -First 5 @aws |
        ConvertTo-TrainingJobRow |
        Format-Table -AutoSize TrainingJobName,
            @{ Name = 'AUC'; Expression = { $_.ObjectiveValue.ToString('0.0000') } },
            @{ Name = 'Minutes'; Expression = { $_.TrainingTime.TotalMinutes.ToString('0') } },
            @{ Name = 'eta'; Expression = { "$($_.eta)" } }, @{ Name = 'max_depth'; Expression = { "$($_.max_depth)" } },
            @{ Name = 'min_child_weight'; Expression = { "$($_.min_child_weight)" } }, @{ Name = 'subsample'; Expression = { "$($_.subsample)" } } |
        Out-String -Width 120 | Write-Host

    Write-Host 'The failed ones, with their reasons:' -ForegroundColor Cyan
    Get-TuningTrainingJob xgb-churn-0412 -StatusEquals Failed @aws |
        Sort-Object CreationTime |
        Format-Table -Wrap TrainingJobName, CreationTime, FailureReason |
        Out-String -Width 120 | Write-Host

    Write-Host 'The winner of resnet-sweep-big (validation:loss, minimized: -Best finds the direction itself):' -ForegroundColor Cyan
    Get-TuningTrainingJob resnet-sweep-big -Best -First 1 @aws | Format-List TrainingJobName, ObjectiveValue, TrainingTime, TunedHyperParameters | Out-String -Width 120 | Write-Host

    Write-Host 'All 350 jobs of resnet-sweep-big, streamed page by page, by status:' -ForegroundColor Cyan
    Get-TuningTrainingJob resnet-sweep-big @aws -Verbose 4>&1 |
        ForEach-Object { if ($_ -is [System.Management.Automation.VerboseRecord]) { Write-Host "  $($_.Message)" -ForegroundColor DarkGray } else { $_ } } |
        Group-Object TrainingJobStatus -NoElement |
        Sort-Object Count -Descending |
        Format-Table -AutoSize Name, Count |
        Out-String | Write-Host

    # A tuning job that starts now: eight training jobs, 300 ms apart, 1.5 s each, every fourth one fails.
    Write-Host 'Watching a running tuning job (-Watch -PollIntervalSec 1): each training job as it starts and as it ends:' -ForegroundColor Cyan
    $running = '{"name":"demo-running","running":{"trainingJobs":8,"startEveryMs":300,"runMs":1500,"failEvery":4}}'
    Invoke-RestMethod -Method Post -Uri "$($endpoint.Url)__control/tuning-jobs" -Body $running -ContentType 'application/json' | Out-Null
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    Get-TuningTrainingJob demo-running -Watch -PollIntervalSec 1 @aws -ProgressAction SilentlyContinue |
        ForEach-Object { Write-Host ('  {0,5:0.0} s  {1,-20} {2}' -f $clock.Elapsed.TotalSeconds, $_.TrainingJobName, $_.TrainingJobStatus) }
    Write-Host "  The tuning job ended; the watch ended by itself after $($clock.Elapsed.TotalSeconds.ToString('0.0')) s.`n"
}
finally {
    Stop-LocalSageMakerEndpoint $endpoint
}
