# A machine clock 20 minutes off, either way, with the module as it ships (the SDK's netstandard2.0 build in the
# engine's own load context, through the cmdlet): the local endpoint turns the first signature away as AWS does, and
# the SDK corrects its clock from that answer and lists. xunit (Aws/ClockSkewTests) proves the rest on the SDK's
# net10.0 build: the rejection itself, and the failure when the SDK may not correct. The SDK's clock is process-wide,
# so each case skews it in a fresh pwsh, as the SDK's own clock-skew tests do (its private AWSConfigs.utcNowSource).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestEnvironment.psm1') -Force
    $null = Initialize-TestSession -Folder $TestDrive -NoImport
}

Describe 'A machine clock 20 minutes off' {
    It 'is corrected from the answer and the listing completes (<_> min)' -ForEach -20, 20 {
        $run = Invoke-FreshPwsh -Connect -ImportBuilt -Script @"
`$null = Get-TuningTrainingJob xgb-churn-0412 -First 1 @aws   # loads the engine and the SDK, with the machine's clock
Add-Type -TypeDefinition 'public static class SkewedClock { public static System.TimeSpan Skew; public static System.DateTime UtcNow() { return System.DateTime.UtcNow + Skew; } }'
[SkewedClock]::Skew = [timespan]::FromMinutes($_)
`$core = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'AWSSDK.Core' }
`$configs = `$core.GetType('Amazon.AWSConfigs')
`$configs.GetField('utcNowSource', [Reflection.BindingFlags]'Static,NonPublic').SetValue(`$null, [Delegate]::CreateDelegate([Func[datetime]], [SkewedClock].GetMethod('UtcNow')))
try { 'count=' + @(Get-TuningTrainingJob xgb-churn-0412 -PageSize 10 @aws).Count } catch { 'error=' + `$_.FullyQualifiedErrorId + ' ' + `$_.Exception.Message }
"@
        $run.Errors | Should -BeNullOrEmpty
        $run.Output.Trim() | Should -Be 'count=42'
    }
}
