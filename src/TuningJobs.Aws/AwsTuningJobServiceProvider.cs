using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Amazon;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using TuningJobs.Service;

namespace TuningJobs.Aws
{
    /// <summary>
    /// Hands out one service per connection and environment, so that a session reuses its HTTP connections and
    /// resolved credentials; the SDK refreshes credentials that expire. Found by name from the cmdlet assembly.
    /// </summary>
    internal sealed class AwsTuningJobServiceProvider : ITuningJobServiceProvider
    {
        // What the SDK reads from the environment when it builds a client: a change to any of these gets a new client.
        private static readonly string[] EnvironmentInputs =
        {
            "AWS_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_DEFAULT_REGION",
            "AWS_RETRY_MODE", "AWS_MAX_ATTEMPTS", "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE",
            "AWS_EC2_METADATA_SERVICE_ENDPOINT", "AWS_EC2_METADATA_DISABLED", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
            "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN",
        };

        private readonly ConcurrentDictionary<(ServiceConnection, string), AwsTuningJobService> _services =
            new ConcurrentDictionary<(ServiceConnection, string), AwsTuningJobService>();

        private readonly object _environmentGate = new object();
        private string _lastEnvironment;

        public ITuningJobService GetService(ServiceConnection connection)
        {
            var environment = EnvironmentFingerprint();
            var key = (connection, environment);
            if (_services.TryGetValue(key, out var existing)) return existing;
            ForgetSdkFallbacksIfEnvironmentChanged(environment);

            AwsTuningJobService created;
            try
            {
                created = new AwsTuningJobService(ClientFactory.Create(connection), connection.Describe());
            }
            catch (Exception failure)
            {
                throw FailureTranslator.Translate(failure, null, connection.Describe());
            }
            var kept = _services.GetOrAdd(key, created);
            if (!ReferenceEquals(kept, created)) created.Dispose();
            return kept;
        }

        public IReadOnlyList<string> KnownRegions() =>
            RegionEndpoint.EnumerableAllRegions.Select(region => region.SystemName).OrderBy(name => name, StringComparer.Ordinal).ToList();

        // The SDK reads AWS_MAX_ATTEMPTS, AWS_RETRY_MODE, AWS_REGION and the like once per process and keeps them;
        // a session that changes them expects the next call to see the change.
        private void ForgetSdkFallbacksIfEnvironmentChanged(string environment)
        {
            lock (_environmentGate)
            {
                if (_lastEnvironment != null && _lastEnvironment != environment)
                {
                    FallbackInternalConfigurationFactory.Reset();
                    FallbackRegionFactory.Reset();
                }
                _lastEnvironment = environment;
            }
        }

        private static string EnvironmentFingerprint()
        {
            var text = new StringBuilder();
            foreach (var name in EnvironmentInputs)
            {
                text.Append(Environment.GetEnvironmentVariable(name)).Append('\u001f');
            }
            return text.ToString();
        }
    }
}
