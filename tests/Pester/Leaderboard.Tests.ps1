# The leaderboard: -Best, and ConvertTo-TrainingJobRow's one-column-per-hyperparameter table.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestEnvironment.psm1') -Force
    $script:Aws = (Initialize-TestSession -Folder $TestDrive).Connection
}

Describe '-Best' {
    It 'lists a <Direction> objective best first, without jobs with no metric; -First 1 asks <ExpectedRequests>' -ForEach @(
        @{ TuningJob = 'xgb-churn-0412'; Direction = 'Maximize'; ExpectedRequests = 1 }
        @{ TuningJob = 'resnet-sweep-big'; Direction = 'Minimize'; ExpectedRequests = 2 }
    ) {
        $expected = @(Get-TuningTrainingJob $TuningJob @Aws | Where-Object FinalHyperParameterTuningJobObjectiveMetric |
            Sort-Object { $_.FinalHyperParameterTuningJobObjectiveMetric.Value } -Descending:($Direction -eq 'Maximize'))
        $best = Get-TuningTrainingJob $TuningJob -Best @Aws
        $best.FinalHyperParameterTuningJobObjectiveMetric.Type | Sort-Object -Unique | Should -Be $Direction
        $best.FinalHyperParameterTuningJobObjectiveMetric.Value | Should -Be $expected.FinalHyperParameterTuningJobObjectiveMetric.Value
        $best.Count | Should -Be $expected.Count

        Invoke-EndpointControl DELETE requests
        (Get-TuningTrainingJob $TuningJob -Best -First 1 @Aws).TrainingJobName | Should -Be $expected[0].TrainingJobName
        $requests = Get-EndpointRequest
        $requests.Count | Should -Be $ExpectedRequests
        $requests.MaxResults | ForEach-Object { $_ | Should -Be 1 }
        $requests.SortBy | Sort-Object -Unique | Should -BeExactly 'FinalObjectiveMetricValue'
    }

    It 'says how to resume a -Best listing that failed, and following the advice yields the rest in order' {
        $expected = (Get-TuningTrainingJob resnet-sweep-big -Best -PageSize 50 @Aws).TrainingJobName
        Invoke-EndpointControl PUT faults @{ failPage = @{ pageIndex = 1; statusCode = 500; errorCode = 'InternalFailure'; times = 1000 } }
        $first = [System.Collections.Generic.List[string]]::new()
        try { Get-TuningTrainingJob resnet-sweep-big -Best -PageSize 50 @Aws | ForEach-Object { $first.Add($_.TrainingJobName) } } catch { $record = $_ }
        Invoke-EndpointControl DELETE faults

        $resume = $record.Exception.ResumeParameters
        $resume | Should -BeLike "-NextToken '*' -SortBy FinalObjectiveMetricValue -SortOrder Ascending"
        $record.ErrorDetails.RecommendedAction | Should -BeLike "*$resume*"
        $rest = (Invoke-Expression "Get-TuningTrainingJob resnet-sweep-big -PageSize 50 $resume @Aws").TrainingJobName
        @($first) + @($rest) | Should -Be $expected
    }

    It 'cannot be combined with -SortBy' {
        { Get-TuningTrainingJob xgb-churn-0412 -Best -SortBy Name @Aws } | Should -Throw -ErrorId 'AmbiguousParameterSet,TuningJobs.Commands.GetTuningTrainingJobCommand'
    }
}

Describe 'ConvertTo-TrainingJobRow' {
    It 'writes a row per job: name, status, objective, training time, a column per hyperparameter; CSV keeps it as sent' {
        $jobs = Get-TuningTrainingJob xgb-churn-0412 @Aws
        $rows = $jobs | ConvertTo-TrainingJobRow
        $rows | Export-Csv -Path (Join-Path $TestDrive 'jobs.csv')
        $back = Import-Csv -Path (Join-Path $TestDrive 'jobs.csv')
        $rows.Count | Should -Be $jobs.Count
        $back.Count | Should -Be $jobs.Count
        $keys = $jobs.TunedHyperParameters.Keys | Sort-Object -Unique -CaseSensitive
        $rows[0].PSObject.Properties.Name | Should -Be (@('TrainingJobName', 'TrainingJobStatus', 'ObjectiveValue', 'TrainingTime') + $keys)
        for ($i = 0; $i -lt $jobs.Count; $i++) {
            $job = $jobs[$i]; $row = $rows[$i]
            $row.TrainingJobName | Should -Be $job.TrainingJobName
            $back[$i].TrainingJobName | Should -Be $job.TrainingJobName
            $row.ObjectiveValue | Should -Be $job.FinalHyperParameterTuningJobObjectiveMetric.Value
            if ($job.FinalHyperParameterTuningJobObjectiveMetric) {
                [double]$back[$i].ObjectiveValue | Should -Be $job.FinalHyperParameterTuningJobObjectiveMetric.Value
            }
            $expectedTime = if ($job.TrainingEndTime -and $job.TrainingStartTime) { $job.TrainingEndTime - $job.TrainingStartTime }
            $row.TrainingTime | Should -Be $expectedTime
            foreach ($key in $job.TunedHyperParameters.Keys) {
                "$($row.$key)" | Should -BeExactly $job.TunedHyperParameters[$key]
                $back[$i].$key | Should -BeExactly $job.TunedHyperParameters[$key]
            }
        }
    }
}
