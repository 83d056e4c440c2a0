<#
.SYNOPSIS
    The main job, on the local SageMaker endpoint: what an ML engineer asks of a finished tuning job.
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
}
finally {
    Stop-LocalSageMakerEndpoint $endpoint
}
