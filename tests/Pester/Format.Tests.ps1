# How the output looks and handles in the shell: the default table views from TuningJobs.Format.ps1xml, the sort
# key from TuningJobs.Types.ps1xml, typed properties that sort, and the computed ObjectiveValue and TrainingTime (their
# values are xunit's, Model/HyperParameterTrainingJobSummaryTests) in Export-Csv.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestEnvironment.psm1') -Force
    $script:Aws = (Initialize-TestSession -Folder $TestDrive).Connection
    $script:Jobs = Get-TuningTrainingJob xgb-churn-0412 @Aws
}

Describe 'The default table view' {
    It 'is loaded by the manifest and shows exactly the five columns' {
        $view = Get-FormatData -TypeName TuningJobs.HyperParameterTrainingJobSummary -PowerShellVersion $PSVersionTable.PSVersion
        $view | Should -Not -BeNullOrEmpty
        $table = $view.FormatViewDefinition | Where-Object { $_.Control -is [System.Management.Automation.TableControl] }
        @($table).Count | Should -Be 1
        $items = $table.Control.Rows[0].Columns.DisplayEntry
        $headers = $table.Control.Headers
        $names = for ($i = 0; $i -lt $items.Count; $i++) { if ($headers[$i].Label) { $headers[$i].Label } else { $items[$i].Value } }
        $names | Should -Be 'TrainingJobName', 'TrainingJobStatus', 'ObjectiveValue', 'CreationTime', 'TrainingTime'
    }

    It 'leaves Format-List showing every property' {
        $text = $script:Jobs[0] | Format-List | Out-String
        foreach ($property in [TuningJobs.HyperParameterTrainingJobSummary].GetProperties().Name) {
            $text | Should -Match "(?m)^$property\s+:" -Because "Format-List should show $property"
        }
    }
}

Describe 'The table views of both types' {
    It 'show <Shows> in a 100-column terminal' -ForEach @(
        @{ Shows = 'a whole training job name, creation times as UTC and training times in whole seconds'
           Type = 'TuningJobs.HyperParameterTrainingJobSummary'
           Headers = 'TrainingJobName', 'TrainingJobStatus', 'ObjectiveValue', 'CreationTime', 'TrainingTime'
           Row = '^xgb-churn-0412-001-3f2a9c1d\s+.*2024-05-06 07:08:09Z\s+1\.01:01:12$'
           Properties = @{ TrainingJobName = 'xgb-churn-0412-001-3f2a9c1d'   # a real name's length, shown whole
               CreationTime = [datetime]::new(2024, 5, 6, 7, 8, 9, [DateTimeKind]::Utc)
               TrainingStartTime = [datetime]::new(2024, 5, 6, 7, 10, 0, [DateTimeKind]::Utc)
               TrainingEndTime = [datetime]::new(2024, 5, 7, 8, 11, 12, 345, [DateTimeKind]::Utc) } }
        @{ Shows = 'name, status, strategy, creation time and the training job counters'
           Type = 'TuningJobs.HyperParameterTuningJob'
           Headers = 'HyperParameterTuningJobName', 'Status', 'Strategy', 'CreationTime', 'Done/Running/Failed'
           Row = '^xgb-churn-0412\s+InProgress\s+Bayesian\s+2026-11-02 09:00:00Z\s+32/3/4$'
           Properties = @{
               HyperParameterTuningJobName = 'xgb-churn-0412'; HyperParameterTuningJobStatus = 'InProgress'; Strategy = 'Bayesian'
               CreationTime = [datetime]::new(2026, 11, 2, 9, 0, 0, [DateTimeKind]::Utc)
               TrainingJobStatusCounters = @{ Completed = 32; InProgress = 3; RetryableError = 1; NonRetryableError = 3 } } }
    ) {
        $lines = ($Properties -as [type]$Type | Out-String -Width 100) -split "`r?`n" | Where-Object { $_.Trim() }
        $lines[0] -split '\s+' | Where-Object { $_ } | Should -Be $Headers
        $lines[2] | Should -Match $Row
        $lines | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual 100 }
    }
}

Describe 'Sorting' {
    It 'sorts by <_> in its natural order' -ForEach 'CreationTime', 'TrainingStartTime', 'TrainingEndTime', 'TrainingJobName',
        'TrainingJobStatus', 'ObjectiveStatus', 'FinalHyperParameterTuningJobObjectiveMetric' {   # the metric by its value
        $keys = @($script:Jobs | Sort-Object $_ | ForEach-Object $_)
        for ($i = 1; $i -lt $keys.Count; $i++) {
            if ($null -ne $keys[$i - 1]) { $keys[$i - 1] | Should -Not -BeGreaterThan $keys[$i] }
        }
    }

    It 'makes the training job name the key that Sort-Object and Compare-Object use' {
        $jobs = Get-TuningTrainingJob xgb-churn-0412 -SortBy CreationTime @Aws
        ($jobs | Sort-Object).TrainingJobName | Should -Be @([Linq.Enumerable]::Order([string[]]$jobs.TrainingJobName, [StringComparer]::OrdinalIgnoreCase))
        Compare-Object ($jobs | Select-Object -First 40) ($jobs | Select-Object -Skip 2) | Should -HaveCount 4
    }
}

Describe 'ObjectiveValue and TrainingTime' {
    It 'Export-Csv writes them as plain values that read back' {
        $path = Join-Path $TestDrive 'jobs.csv'
        $script:Jobs | Export-Csv -Path $path
        $rows = @(Import-Csv -Path $path)
        $rows.Count | Should -Be $script:Jobs.Count
        foreach ($property in 'ObjectiveValue', 'TrainingTime') {
            # Export-Csv writes in the current culture, as ToString() does.
            $rows.$property | Should -Be @($script:Jobs | ForEach-Object { if ($null -eq $_.$property) { '' } else { $_.$property.ToString() } })
        }
    }
}
