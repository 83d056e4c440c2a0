using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using TuningJobs.Api;
using TuningJobs.Aws;
using TuningJobs.Listing;
using TuningJobs.LocalEndpoint;

namespace TuningJobs.Tests.Aws;

/// <summary>The module's real engine (SDK pipeline, SigV4, retries) pointed at a local endpoint over HTTP.</summary>
internal static class EngineHarness
{
    public static AwsConnection Connection(LocalSageMakerEndpoint endpoint, string secret = LocalSageMakerEndpoint.DefaultSecretAccessKey, TimeSpan? timeout = null) =>
        new AwsConnection
        {
            EndpointUrl = endpoint.Url,
            Region = "us-east-1",
            Credential = new NetworkCredential(LocalSageMakerEndpoint.DefaultAccessKeyId, secret),
            Timeout = timeout ?? TimeSpan.FromSeconds(AwsConnection.DefaultTimeoutSeconds),
        };

    /// <summary>A fresh engine (its own client cache) and the connection to the endpoint.</summary>
    public static Engine Start(LocalSageMakerEndpoint endpoint, string secret = LocalSageMakerEndpoint.DefaultSecretAccessKey, TimeSpan? timeout = null) =>
        new Engine(new AwsSageMakerApi(), Connection(endpoint, secret, timeout));

    internal sealed record Engine(ISageMakerApi Api, AwsConnection Connection)
    {
        /// <summary>Lists through the module's pager, as the cmdlet does, and returns the job names in order.</summary>
        public List<string> List(string tuningJob, int pageSize, string nextToken = null)
        {
            var (names, _, failure) = TryList(tuningJob, pageSize, nextToken);
            if (failure != null) throw failure;
            return names;
        }

        /// <summary>Lists until the end or a failure: the names written, the pager's facts and the failure, if any.</summary>
        public (List<string> Names, Pager<HyperParameterTrainingJobSummary> Pager, TuningJobsException Failure) TryList(
            string tuningJob, int pageSize, string nextToken = null)
        {
            var request = new TrainingJobsRequest { HyperParameterTuningJobName = tuningJob };
            var pager = new Pager<HyperParameterTrainingJobSummary>(
                (token, maxResults, cancellation) => Api.ListTrainingJobsAsync(Connection, request.WithPage(token, maxResults), cancellation),
                nextToken, pageSize, SkipFirst.All());
            var names = new List<string>();
            try
            {
                foreach (var page in pager.Pages(CancellationToken.None))
                {
                    names.AddRange(page.Wanted.Select(job => job.TrainingJobName));
                }
                return (names, pager, null);
            }
            catch (TuningJobsException failure)
            {
                return (names, pager, failure);
            }
        }

        /// <summary>One page, straight from the boundary.</summary>
        public Page<HyperParameterTrainingJobSummary> Page(string tuningJob, int maxResults, string nextToken = null) =>
            Api.ListTrainingJobsAsync(Connection,
                new TrainingJobsRequest { HyperParameterTuningJobName = tuningJob, MaxResults = maxResults, NextToken = nextToken },
                CancellationToken.None).GetAwaiter().GetResult();
    }
}
