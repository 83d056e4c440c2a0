# How the output looks and handles in the shell: the default table view from TuningJobs.Format.ps1xml, and the
# computed ObjectiveValue and TrainingTime that the table, Sort-Object and Export-Csv use.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestEnvironment.psm1') -Force
    $script:Aws = (Initialize-TestSession -Folder $TestDrive).Connection
    $script:Jobs = Get-TuningTrainingJob xgb-churn-0412 @Aws
    $script:TableColumns = 'TrainingJobName', 'TrainingJobStatus', 'ObjectiveValue', 'CreationTime', 'TrainingTime'

    function New-Summary {
        param([hashtable] $Properties = @{})
        [TuningJobs.HyperParameterTrainingJobSummary]$Properties
    }
}

AfterAll { Stop-TestSession }

Describe 'The default table view' {
    It 'is loaded by the manifest and shows exactly the five columns' {
        $view = Get-FormatData -TypeName TuningJobs.HyperParameterTrainingJobSummary -PowerShellVersion $PSVersionTable.PSVersion
        $view | Should -Not -BeNullOrEmpty
        $table = $view.FormatViewDefinition | Where-Object { $_.Control -is [System.Management.Automation.TableControl] }
        @($table).Count | Should -Be 1
        $items = $table.Control.Rows[0].Columns.DisplayEntry
        $headers = $table.Control.Headers
        $names = for ($i = 0; $i -lt $items.Count; $i++) { if ($headers[$i].Label) { $headers[$i].Label } else { $items[$i].Value } }
        $names | Should -Be $script:TableColumns
    }

    It 'shows the five headers, and fits a 100-column terminal' {
        $lines = ($script:Jobs | Select-Object -First 3 | Out-String -Width 100) -split "`r?`n" | Where-Object { $_.Trim() }
        $lines[0] -split '\s+' | Where-Object { $_ } | Should -Be $script:TableColumns
        $lines | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual 100 }
        $lines[2] | Should -BeLike "$($script:Jobs[0].TrainingJobName) *"
    }

    It 'shows creation times as UTC and training times in whole seconds' {
        $job = New-Summary @{
            TrainingJobName   = 'timed'; CreationTime = [datetime]::new(2024, 5, 6, 7, 8, 9, [DateTimeKind]::Utc)
            TrainingStartTime = [datetime]::new(2024, 5, 6, 7, 10, 0, [DateTimeKind]::Utc); TrainingEndTime = [datetime]::new(2024, 5, 7, 8, 11, 12, 345, [DateTimeKind]::Utc)
        }
        $row = ($job | Out-String -Width 100) -split "`r?`n" | Where-Object { $_ -like 'timed*' }
        $row | Should -BeLike '*2024-05-06 07:08:09Z*'
        $row | Should -BeLike '*1.01:01:12'
    }

    It 'leaves Format-List showing every property' {
        $text = $script:Jobs[0] | Format-List | Out-String
        foreach ($property in [TuningJobs.HyperParameterTrainingJobSummary].GetProperties().Name) {
            $text | Should -Match "(?m)^$property\s+:" -Because "Format-List should show $property"
        }
    }
}

Describe 'The tuning job table view' {
    It 'shows name, status, strategy, creation time and the training job counters in under 100 columns' {
        $job = [TuningJobs.HyperParameterTuningJob]@{
            HyperParameterTuningJobName = 'xgb-churn-0412'; HyperParameterTuningJobStatus = 'InProgress'; Strategy = 'Bayesian'
            CreationTime = [datetime]::new(2026, 11, 2, 9, 0, 0, [DateTimeKind]::Utc)
            TrainingJobStatusCounters = @{ Completed = 32; InProgress = 3; RetryableError = 1; NonRetryableError = 3 }
        }
        $lines = ($job | Out-String -Width 100) -split "`r?`n" | Where-Object { $_.Trim() }
        $lines[0] -split '\s+' | Where-Object { $_ } | Should -Be 'HyperParameterTuningJobName', 'Status', 'Strategy', 'CreationTime', 'Done/Running/Failed'
        $lines[2] | Should -Match '^xgb-churn-0412\s+InProgress\s+Bayesian\s+2026-11-02 09:00:00Z\s+32/3/4$'
        $lines | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual 100 }
    }
}

Describe 'Convenience properties' {
    It 'ObjectiveValue is the final metric''s value and TrainingTime the end minus the start, else null: <Case>' -ForEach @(
        @{ Case = 'a final metric'; ObjectiveValue = 0.875; TrainingTime = $null
           Properties = @{ FinalHyperParameterTuningJobObjectiveMetric = @{ MetricName = 'validation:auc'; Type = 'Maximize'; Value = 0.875 } } }
        @{ Case = 'not started'; ObjectiveValue = $null; TrainingTime = $null; Properties = @{} }
        @{ Case = 'running'; ObjectiveValue = $null; TrainingTime = $null; Properties = @{ TrainingStartTime = [datetime]'2024-01-01T10:00:00Z' } }
        @{ Case = 'only the end known'; ObjectiveValue = $null; TrainingTime = $null; Properties = @{ TrainingEndTime = [datetime]'2024-01-01T10:00:00Z' } }
        @{ Case = 'ended'; ObjectiveValue = $null; TrainingTime = [timespan]::new(1, 30, 15)
           Properties = @{ TrainingStartTime = [datetime]'2024-01-01T10:00:00Z'; TrainingEndTime = [datetime]'2024-01-01T11:30:15Z' } }
    ) {
        $job = New-Summary $Properties
        $job.ObjectiveValue | Should -Be $ObjectiveValue
        if ($null -ne $ObjectiveValue) { $job.ObjectiveValue | Should -BeOfType ([double]) }
        $job.TrainingTime | Should -Be $TrainingTime
    }

    It 'Export-Csv writes them as plain values that read back' {
        $path = Join-Path $TestDrive 'jobs.csv'
        $script:Jobs | Export-Csv -Path $path
        $rows = @(Import-Csv -Path $path)
        $rows.Count | Should -Be $script:Jobs.Count
        for ($i = 0; $i -lt $rows.Count; $i++) {
            $expectedValue = if ($null -eq $script:Jobs[$i].ObjectiveValue) { '' } else { $script:Jobs[$i].ObjectiveValue.ToString() }   # Export-Csv writes in the current culture
            $rows[$i].ObjectiveValue | Should -Be $expectedValue
            $expectedTime = if ($null -eq $script:Jobs[$i].TrainingTime) { '' } else { $script:Jobs[$i].TrainingTime.ToString() }
            $rows[$i].TrainingTime | Should -Be $expectedTime
        }
    }
}
