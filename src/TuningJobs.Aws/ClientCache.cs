using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using TuningJobs.Api;
using TuningJobs.Aws.SageMaker;

namespace TuningJobs.Aws;

/// <summary>
/// Keeps one client per connection and environment, so that a session reuses its HTTP connections and resolved
/// credentials; the SDK refreshes credentials that expire. At most <see cref="MaxClients"/> are kept, so a long
/// session that rotates keys or timeouts does not pile up connection pools: past that, the oldest is dropped. A dropped
/// client is not disposed, since another runspace may still be reading with it; the collector frees it after.
/// </summary>
internal sealed class ClientCache
{
    // What the SDK reads from the environment when it builds a client: a change to any of these gets a new client.
    private static readonly string[] _environmentInputs =
    {
        "AWS_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_DEFAULT_REGION",
        "AWS_RETRY_MODE", "AWS_MAX_ATTEMPTS", SdkSettings.CredentialsFileVariable, SdkSettings.ConfigFileVariable,
        "AWS_EC2_METADATA_SERVICE_ENDPOINT", "AWS_EC2_METADATA_DISABLED", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
        "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN",
        EndpointSettings.ServiceVariable, EndpointSettings.GlobalVariable, EndpointSettings.IgnoreVariable,
        EndpointSettings.FipsVariable, EndpointSettings.DualStackVariable,
    };

    private readonly ConcurrentDictionary<(AwsConnection, string), CachedClient> _clients =
        new ConcurrentDictionary<(AwsConnection, string), CachedClient>();

    /// <summary>Far more than the connections one session uses at a time.</summary>
    internal const int MaxClients = 32;

    private readonly ConcurrentQueue<(AwsConnection, string)> _creationOrder = new ConcurrentQueue<(AwsConnection, string)>();

    // One for the process, as the SDK settings that creation brings in step (SdkSettings) are the process's.
    private static readonly object _creationGate = new object();
    private readonly HttpClientFactory _transport;

    /// <param name="transport">Builds the HttpClient the clients send with; the module's own when null.</param>
    public ClientCache(HttpClientFactory transport = null)
    {
        _transport = transport;
    }

    /// <summary>How many clients are kept now.</summary>
    internal int Count => _clients.Count;

    public CachedClient For(AwsConnection connection)
    {
        var environment = EnvironmentFingerprint();
        var key = (connection, environment);
        if (_clients.TryGetValue(key, out var existing)) return existing;

        // Creation is rare (once per connection and environment) and runs alone, so that bringing the SDK's
        // remembered settings in step never races another runspace's (or the warm-up's) client creation.
        lock (_creationGate)
        {
            if (_clients.TryGetValue(key, out existing)) return existing;
            try
            {
                EndpointSettings.CheckEnvironment();
                ForgetWhatAnEarlierEnvironmentSet(environment);
                var created = new CachedClient(ClientFactory.Create(connection, out var target, _transport), target);
                _clients[key] = created;
                _creationOrder.Enqueue(key);
                while (_clients.Count > MaxClients && _creationOrder.TryDequeue(out var oldest))
                {
                    _clients.TryRemove(oldest, out _);
                }
                return created;
            }
            catch (Exception failure)
            {
                throw FailureTranslator.Translate(failure, null, connection.Describe());
            }
        }
    }

    // A session that changes AWS_* variables, or edits its shared files, expects the next call to see the change:
    // the SDK's remembered settings follow, and clients built for another environment go.
    private void ForgetWhatAnEarlierEnvironmentSet(string environment)
    {
        SdkSettings.Follow(environment);
        foreach (var stale in _clients.Keys.Where(k => k.Item2 != environment).ToList())
        {
            _clients.TryRemove(stale, out _);
        }
    }

    // A hash, so that the secrets among these variables are not kept in a long-lived key.
    private static string EnvironmentFingerprint()
    {
        var text = new StringBuilder();
        foreach (var name in _environmentInputs)
        {
            text.Append(Environment.GetEnvironmentVariable(name)).Append('\u001f');
        }
        foreach (var file in SharedFiles())
        {
            text.Append(File.Exists(file) ? File.GetLastWriteTimeUtc(file).Ticks : 0).Append('\u001f');
        }
        using (var sha = SHA256.Create())
        {
            return Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(text.ToString())));
        }
    }

    private static IEnumerable<string> SharedFiles()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        yield return Environment.GetEnvironmentVariable(SdkSettings.CredentialsFileVariable) ?? Path.Combine(home, ".aws", "credentials");
        yield return Environment.GetEnvironmentVariable(SdkSettings.ConfigFileVariable) ?? Path.Combine(home, ".aws", "config");
    }
}

/// <summary>A client and what messages should call the place its requests go to (a configured endpoint names its source).</summary>
internal sealed class CachedClient
{
    public CachedClient(SageMakerClient client, string target)
    {
        Client = client;
        Target = target;
    }

    public SageMakerClient Client { get; }
    public string Target { get; }
}
