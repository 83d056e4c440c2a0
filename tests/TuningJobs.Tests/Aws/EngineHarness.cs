using System;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using TuningJobs.Aws;
using TuningJobs.Listing;
using TuningJobs.LocalEndpoint;
using TuningJobs.Service;

namespace TuningJobs.Tests.Aws
{
    /// <summary>The module's real engine (SDK pipeline, SigV4, retries) pointed at a local endpoint over HTTP.</summary>
    internal static class EngineHarness
    {
        public static ServiceConnection Connection(LocalSageMakerEndpoint endpoint, string secret = LocalSageMakerEndpoint.DefaultSecretAccessKey, TimeSpan? timeout = null) =>
            new ServiceConnection
            {
                EndpointUrl = endpoint.Url,
                Region = "us-east-1",
                Credential = new NetworkCredential(LocalSageMakerEndpoint.DefaultAccessKeyId, secret),
                Timeout = timeout ?? TimeSpan.FromSeconds(ServiceConnection.DefaultTimeoutSeconds),
            };

        public static ITuningJobService Service(LocalSageMakerEndpoint endpoint, string secret = LocalSageMakerEndpoint.DefaultSecretAccessKey, TimeSpan? timeout = null) =>
            new AwsTuningJobServiceProvider().GetService(Connection(endpoint, secret, timeout));

        /// <summary>Lists through the module's pager, as the cmdlet does, and returns the job names in order.</summary>
        public static List<string> List(ITuningJobService service, string tuningJob, int pageSize, string nextToken = null)
        {
            var names = new List<string>();
            var pager = new TrainingJobPager(service,
                new TrainingJobPageRequest { HyperParameterTuningJobName = tuningJob, NextToken = nextToken },
                pageSize, skip: 0, first: ulong.MaxValue);
            pager.Run(job => names.Add(job.TrainingJobName), null, CancellationToken.None);
            return names;
        }
    }
}
