# The leaderboard: -Best, and ConvertTo-TrainingJobRow's one-column-per-hyperparameter table.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestEnvironment.psm1') -Force
    $script:Aws = (Initialize-TestSession -Folder $TestDrive).Connection

    function Get-BestByHand([string] $TuningJob, [string] $Direction) {
        Get-TuningTrainingJob $TuningJob @Aws | Where-Object FinalHyperParameterTuningJobObjectiveMetric |
            Sort-Object { $_.FinalHyperParameterTuningJobObjectiveMetric.Value } -Descending:($Direction -eq 'Maximize')
    }
}

AfterAll { Stop-TestSession }

Describe '-Best' {
    BeforeEach { Clear-EndpointRequest }

    It 'lists a <Direction> objective best first, without jobs that have no metric' -ForEach @(
        @{ TuningJob = 'xgb-churn-0412'; Direction = 'Maximize' }
        @{ TuningJob = 'resnet-sweep-big'; Direction = 'Minimize' }
    ) {
        $expected = Get-BestByHand $TuningJob $Direction
        Clear-EndpointRequest
        $best = Get-TuningTrainingJob $TuningJob -Best @Aws
        $best.FinalHyperParameterTuningJobObjectiveMetric.Type | Sort-Object -Unique | Should -Be $Direction
        $best.FinalHyperParameterTuningJobObjectiveMetric.Value | Should -Be $expected.FinalHyperParameterTuningJobObjectiveMetric.Value
        $best.Count | Should -Be $expected.Count
    }

    It 'names the winner of a <Direction> objective with <ExpectedRequests> request(s) for -First 1' -ForEach @(
        @{ TuningJob = 'xgb-churn-0412'; Direction = 'Maximize'; ExpectedRequests = 1 }
        @{ TuningJob = 'resnet-sweep-big'; Direction = 'Minimize'; ExpectedRequests = 2 }
    ) {
        $expected = Get-BestByHand $TuningJob $Direction | Select-Object -First 1
        Clear-EndpointRequest
        $winner = Get-TuningTrainingJob $TuningJob -Best -First 1 @Aws
        $winner.TrainingJobName | Should -Be $expected.TrainingJobName
        $requests = Get-EndpointRequest
        $requests.Count | Should -Be $ExpectedRequests
        $requests.MaxResults | ForEach-Object { $_ | Should -Be 1 }
        $requests.SortBy | Sort-Object -Unique | Should -BeExactly 'FinalObjectiveMetricValue'
    }

    It 'names the true best of a <Direction> objective from the tuning job''s own objective when the answer has no Type' -ForEach @(
        @{ Direction = 'Minimize'; Best = 'm-1' }
        @{ Direction = 'Maximize'; Best = 'm-3' }
    ) {
        $name = "untyped-$($Direction.ToLowerInvariant())"
        $jobs = foreach ($i in 1..3) {
            @{ TrainingJobName = "m-$i"; TrainingJobArn = "arn:m-$i"; CreationTime = 1762074000 + $i; TrainingJobStatus = 'Completed'
               TunedHyperParameters = @{}; FinalHyperParameterTuningJobObjectiveMetric = @{ MetricName = 'validation:rmse'; Value = 0.1 * $i } }
        }
        Add-EndpointTuningJob @{ name = $name; trainingJobs = @($jobs); objective = @{ type = $Direction; metricName = 'validation:rmse' } }
        Clear-EndpointRequest

        $winner = Get-TuningTrainingJob $name -Best -First 1 @Aws
        $winner.TrainingJobName | Should -Be $Best
        $winner.FinalHyperParameterTuningJobObjectiveMetric.Type | Should -BeNullOrEmpty
        (Get-EndpointRequest).Operation | Should -Contain 'DescribeHyperParameterTuningJob'
    }

    It 'says how to resume a -Best listing that failed, and following the advice yields the rest in order' {
        $expected = (Get-TuningTrainingJob resnet-sweep-big -Best -PageSize 50 @Aws).TrainingJobName
        Set-EndpointFault @{ failPage = @{ pageIndex = 1; statusCode = 500; errorCode = 'InternalFailure'; times = 1000 } }
        $first = [System.Collections.Generic.List[string]]::new()
        try { Get-TuningTrainingJob resnet-sweep-big -Best -PageSize 50 @Aws | ForEach-Object { $first.Add($_.TrainingJobName) } } catch { $record = $_ }
        Set-EndpointFault

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
    BeforeAll {
        $script:Jobs = Get-TuningTrainingJob xgb-churn-0412 @Aws
        $script:Rows = $script:Jobs | ConvertTo-TrainingJobRow
    }

    It 'writes one row per job with name, status, objective value, training time and one column per hyperparameter' {
        $script:Rows.Count | Should -Be $script:Jobs.Count
        $keys = $script:Jobs.TunedHyperParameters.Keys | Sort-Object -Unique -CaseSensitive
        $script:Rows[0].PSObject.Properties.Name | Should -Be (@('TrainingJobName', 'TrainingJobStatus', 'ObjectiveValue', 'TrainingTime') + $keys)
        for ($i = 0; $i -lt $script:Jobs.Count; $i++) {
            $job = $script:Jobs[$i]; $row = $script:Rows[$i]
            $row.TrainingJobName | Should -Be $job.TrainingJobName
            $row.ObjectiveValue | Should -Be $job.FinalHyperParameterTuningJobObjectiveMetric.Value
            $expectedTime = if ($job.TrainingEndTime -and $job.TrainingStartTime) { $job.TrainingEndTime - $job.TrainingStartTime }
            $row.TrainingTime | Should -Be $expectedTime
            foreach ($key in $job.TunedHyperParameters.Keys) { "$($row.$key)" | Should -BeExactly $job.TunedHyperParameters[$key] }
        }
    }

    It 'makes numeric hyperparameters numbers, so they sort as numbers' {
        $sorted = $script:Rows | Sort-Object max_depth
        $depths = @($sorted.max_depth)
        $depths[0] | Should -BeOfType ([double])
        $depths | Should -Be ([double[]]($script:Jobs.TunedHyperParameters.ForEach({ [double]$_['max_depth'] }) | Sort-Object))
    }

    It 'survives Export-Csv and Import-Csv with every value as sent' {
        $csv = Join-Path $TestDrive 'jobs.csv'
        $script:Rows | Export-Csv -Path $csv
        $back = Import-Csv -Path $csv
        $back.Count | Should -Be $script:Jobs.Count
        for ($i = 0; $i -lt $script:Jobs.Count; $i++) {
            $back[$i].TrainingJobName | Should -Be $script:Jobs[$i].TrainingJobName
            foreach ($pair in $script:Jobs[$i].TunedHyperParameters.GetEnumerator()) { $back[$i].($pair.Key) | Should -BeExactly $pair.Value }
            if ($script:Jobs[$i].FinalHyperParameterTuningJobObjectiveMetric) {
                [double]$back[$i].ObjectiveValue | Should -Be $script:Jobs[$i].FinalHyperParameterTuningJobObjectiveMetric.Value
            }
        }
    }

    It 'gives case-twin hyperparameter names columns of their own' {
        $job = [TuningJobs.HyperParameterTrainingJobSummary]@{ TrainingJobName = 'a' }
        $job.TunedHyperParameters['Eta'] = '1'
        $job.TunedHyperParameters['eta'] = 'x'
        $rows = $job | ConvertTo-TrainingJobRow
        $rows.PSObject.Properties.Name | Should -Contain 'Eta'
        $rows.PSObject.Properties.Name | Should -Contain 'eta#2'
    }
}
