using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
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
    private readonly ConcurrentDictionary<(AwsConnection, string), CachedClient> _clients =
        new ConcurrentDictionary<(AwsConnection, string), CachedClient>();

    /// <summary>Far more than the connections one session uses at a time.</summary>
    internal const int MaxClients = 32;

    private readonly ConcurrentQueue<(AwsConnection, string)> _creationOrder = new ConcurrentQueue<(AwsConnection, string)>();

    // One for the process, as the SDK settings that creation brings in step (SdkSettings) are the process's.
    private static readonly object _creationGate = new object();
    private readonly Action<SageMakerConfig> _configure;

    /// <param name="configure">Changes each client's configuration before the client is built: the warm-up's rehearsal.</param>
    public ClientCache(Action<SageMakerConfig> configure = null)
    {
        _configure = configure;
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
                var created = new CachedClient(ClientFactory.Create(connection, out var target, _configure), target);
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

    // What the SDK reads when it builds a client, or remembers once read: every AWS_* variable and the shared files. A
    // change to any of them gets a new client. A hash, so that the secrets among the variables are not kept in a key.
    private static string EnvironmentFingerprint()
    {
        var text = new StringBuilder();
        var variables = Environment.GetEnvironmentVariables();
        foreach (var name in variables.Keys.Cast<string>().Where(IsAwsVariable).OrderBy(name => name, StringComparer.Ordinal))
        {
            text.Append(name).Append('=').Append(variables[name]).Append('\u001f');
        }
        foreach (var file in SharedFiles())
        {
            // One look per file and call: a file that is not there reads as 1601-01-01, which no real file has.
            text.Append(File.GetLastWriteTimeUtc(file).Ticks).Append('\u001f');
        }
        using (var sha = SHA256.Create())
        {
            return Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(text.ToString())));
        }
    }

    // Windows keeps variable names in any case; AWSSDK reads them by their upper-case names there too.
    private static bool IsAwsVariable(string name) => name.StartsWith("AWS_", StringComparison.OrdinalIgnoreCase);

    // The credentials file, the default config file, and the config file in use (the one beside a named credentials
    // file when only AWS_SHARED_CREDENTIALS_FILE is set), each once.
    private static IEnumerable<string> SharedFiles()
    {
        var credentials = SdkSettings.CredentialsFile();
        return new[] { credentials, SdkSettings.ConfigFile(), SdkSettings.ConfigFileInUse(credentials) }.Distinct(StringComparer.Ordinal);
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
