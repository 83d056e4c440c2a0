using System.Management.Automation;
using TuningJobs.Listing;

namespace TuningJobs.Tests.Commands;

/// <summary>Get-TuningJob over a fake of the boundary: listing with filters and paging, describing names, wildcards.</summary>
[Collection(Aws.ProcessEnvironment.Name)]
public sealed class GetTuningJobCommandTests
{
    [Fact]
    public void AloneItListsInTheServicesDefaultOrderPageByPage()
    {
        var fake = new FakeSageMakerApi(0, tuningJobCount: 25);
        var output = HostedPowerShell.Run(fake, "Get-TuningJob -PageSize 10").Output;
        Assert.Equal(25, output.Length);
        Assert.Equal(new[] { null, "10", "20" }, fake.TuningJobRequests.Select(r => r.NextToken));
        Assert.All(fake.TuningJobRequests, r => Assert.True(r.SortBy == null && r.SortOrder == null && r.NameContains == null));
    }

    [Fact]
    public void FiltersAndSortAreSentInTheServicesSpellingWithTimesInUtc()
    {
        var fake = new FakeSageMakerApi(0, tuningJobCount: 3);
        var after = new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Local);
        HostedPowerShell.Run(fake,
            "Get-TuningJob -NameContains tune -StatusEquals deletefailed -SortBy creationtime -SortOrder descending " +
            "-CreationTimeAfter ([datetime]::new(2026, 11, 2, 9, 0, 0, [DateTimeKind]::Local)) -CreationTimeBefore ([datetime]::new(2026, 11, 3, 0, 0, 0, [DateTimeKind]::Utc)) " +
            "-LastModifiedTimeAfter ([datetime]::new(2026, 11, 1, 0, 0, 0, [DateTimeKind]::Utc)) -LastModifiedTimeBefore ([datetime]::new(2026, 11, 4, 0, 0, 0, [DateTimeKind]::Utc))");
        var request = Assert.Single(fake.TuningJobRequests);
        Assert.Equal("tune", request.NameContains);
        Assert.Equal("DeleteFailed", request.StatusEquals);
        Assert.Equal("CreationTime", request.SortBy);
        Assert.Equal("Descending", request.SortOrder);
        Assert.Equal(after.ToUniversalTime(), request.CreationTimeAfter);
        Assert.Equal(DateTimeKind.Utc, request.CreationTimeAfter.Value.Kind);
        Assert.Equal(new DateTime(2026, 11, 3, 0, 0, 0, DateTimeKind.Utc), request.CreationTimeBefore);
        Assert.Equal(new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc), request.LastModifiedTimeAfter);
        Assert.Equal(new DateTime(2026, 11, 4, 0, 0, 0, DateTimeKind.Utc), request.LastModifiedTimeBefore);
    }

    // Names come by value, by property name, or as the tuning job of a training job; filters apply to them too.
    [Theory]
    [InlineData("'tune-002', [pscustomobject]@{ HyperParameterTuningJobName = 'tune-004' } | Get-TuningJob",
        "tune-002,tune-004", "tune-002,tune-004")]
    [InlineData("[TuningJobs.HyperParameterTrainingJobSummary]@{ TrainingJobName = 'tune-002-0001'; TuningJobName = 'tune-002' } | Get-TuningJob",
        "tune-002", "tune-002")]
    [InlineData("Get-TuningJob tune-001, tune-003, tune-006 -StatusEquals Failed", "tune-001,tune-003,tune-006", "tune-003,tune-006")]
    public void NamesAreDescribedOneByOne(string script, string described, string written)
    {
        var fake = new FakeSageMakerApi(0, tuningJobCount: 6);
        var output = HostedPowerShell.Run(fake, script).Output;
        Assert.Equal(written.Split(','), HostedPowerShell.Names(output));
        Assert.Equal(described.Split(','), fake.Described);
        Assert.Empty(fake.TuningJobRequests);
    }

    // A name that cannot bind or is not found is an error of its own; the names after it still come.
    [Theory]
    [InlineData("'tune-001', 'bad-', 'tune-002' | Get-TuningJob", typeof(ParameterBindingException),
        "ParameterArgumentValidationError,TuningJobs.Commands.GetTuningJobCommand", ErrorCategory.InvalidData, "bad-", "tune-001,tune-002")]
    [InlineData("Get-TuningJob tune-001, no-such-job, tune-002", typeof(TuningJobsException),
        "ResourceNotFound,TuningJobs.Commands.GetTuningJobCommand", ErrorCategory.ObjectNotFound, "no-such-job", "tune-001,no-such-job,tune-002")]
    public void ABadOrMissingNameIsAnErrorAndTheOtherNamesStillCome(string script, Type exception, string errorId, ErrorCategory category,
        string target, string described)
    {
        var fake = new FakeSageMakerApi(0, tuningJobCount: 3);
        var (output, errors, _, _) = HostedPowerShell.Run(fake, script);
        Assert.Equal(new[] { "tune-001", "tune-002" }, HostedPowerShell.Names(output));
        var error = Assert.Single(errors);
        Assert.IsAssignableFrom(exception, error.Exception);
        Assert.Equal(errorId, error.FullyQualifiedErrorId);
        Assert.Equal(category, error.CategoryInfo.Category);
        Assert.Equal(target, error.TargetObject);
        Assert.Equal(described.Split(','), fake.Described);
    }

    // With -First the listing stops at the last match wanted, which the pager cannot see coming: nothing is read ahead.
    [Theory]
    [InlineData("Get-TuningJob 'tune-00*'", "tune-001,tune-002,tune-003,tune-004,tune-005", 1)]
    [InlineData("Get-TuningJob 'tune-00*' -PageSize 1 -First 2", "tune-001,tune-002", 2)]
    public void AWildcardListsWithTheLongestLiteralPartAndFiltersByThePattern(string script, string names, int requests)
    {
        var fake = new FakeSageMakerApi(0, tuningJobCount: 5);
        fake.TuningJobs.Add(new HyperParameterTuningJob { HyperParameterTuningJobName = "my-tune-001x", HyperParameterTuningJobStatus = "Completed" });
        var output = HostedPowerShell.Run(fake, script).Output;
        Assert.Equal(names.Split(','), HostedPowerShell.Names(output));
        Assert.Equal(requests, fake.TuningJobRequests.Count);
        Assert.All(fake.TuningJobRequests, r => Assert.Equal("tune-00", r.NameContains));
        Assert.Empty(fake.Described);
    }

    [Theory]
    [InlineData("xgb-*", "xgb-")]
    [InlineData("*churn*0412", "churn")]
    [InlineData("a?cdef*g", "cdef")]
    [InlineData("[xy]gb-run", "gb-run")]
    [InlineData("*", "")]
    [InlineData("ab`*cd*", "ab")]
    [InlineData("*aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa*", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void TheLongestLiteralPartIsWhatTheServiceCanFilterBy(string pattern, string literal) =>
        Assert.Equal(literal, TuningJobNames.LongestLiteral(pattern));
}
