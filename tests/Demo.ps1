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
    $aws = @{ EndpointUrl = $endpoint.Url; Region = 'us-east-1'; Credential = Get-LocalEndpointCredential }
    Write-Host "Local SageMaker endpoint at $($endpoint.Url)`n"

    Write-Host 'The five best training jobs of xgb-churn-0412 (objective validation:auc, maximized):' -ForegroundColor Cyan
    Get-TuningTrainingJob xgb-churn-0412 @aws |
        Where-Object FinalHyperParameterTuningJobObjectiveMetric |
        Sort-Object { $_.FinalHyperParameterTuningJobObjectiveMetric.Value } -Descending |
        Select-Object -First 5 |
        Format-Table -AutoSize TrainingJobName,
            @{ Name = 'AUC'; Expression = { $_.FinalHyperParameterTuningJobObjectiveMetric.Value.ToString('0.0000') } },
            @{ Name = 'eta'; Expression = { $_.TunedHyperParameters['eta'] } },
            @{ Name = 'max_depth'; Expression = { $_.TunedHyperParameters['max_depth'] } },
            @{ Name = 'Minutes'; Expression = { ($_.TrainingEndTime - $_.TrainingStartTime).TotalMinutes.ToString('0') } } |
        Out-String | Write-Host

    Write-Host 'The failed ones, with their reasons:' -ForegroundColor Cyan
    Get-TuningTrainingJob xgb-churn-0412 -StatusEquals Failed @aws |
        Sort-Object CreationTime |
        Format-Table -Wrap TrainingJobName, CreationTime, FailureReason |
        Out-String | Write-Host

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
