using System;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using TuningJobs.Aws.SageMaker;
using TuningJobs.Api;
using TuningJobs.Errors;

namespace TuningJobs.Aws;

/// <summary>
/// Builds a SageMaker client for a connection: credentials from -Credential, else the named profile, else the
/// SDK's default chain; the region from -Region, else the profile, else the SDK's fallbacks; the endpoint from
/// -EndpointUrl, else a configured endpoint (see <see cref="EndpointSettings"/>), else SageMaker's endpoint rules.
/// </summary>
internal static class ClientFactory
{
    // Signing needs a region even when -EndpointUrl points somewhere that has none, such as a local endpoint.
    private const string SigningRegionForEndpointOnly = "us-east-1";

    // The SDK's instance-metadata probe has no timeout of its own to set and takes 15-30 s against an address
    // that never answers. Off EC2 that is the usual case, so the probes get these bounds; on EC2 the metadata
    // service answers in milliseconds.
    internal static readonly TimeSpan RegionProbeBound = TimeSpan.FromSeconds(1.5);
    internal static readonly TimeSpan CredentialProbeBound = TimeSpan.FromSeconds(3);

    public static SageMakerClient Create(AwsConnection connection) => Create(connection, out _);

    /// <param name="target">What messages should call the place requests go to.</param>
    /// <param name="configure">Changes the configuration before anything reads it: the warm-up's rehearsal.</param>
    public static SageMakerClient Create(AwsConnection connection, out string target, Action<SageMakerConfig> configure = null)
    {
        var config = new SageMakerConfig { Timeout = connection.Timeout };
        configure?.Invoke(config);
        CredentialProfile profile = null;
        if (connection.ProfileName != null)
        {
            if (!ProfileStore().TryGetProfile(connection.ProfileName, out profile))
            {
                throw new TuningJobsException(FailureKind.ProfileNotFound,
                    $"The profile '{connection.ProfileName}' was not found in the shared config or credentials file.");
            }
            config.Profile = new Profile(connection.ProfileName);
            ApplyRetrySettings(profile, config);
        }

        // Endpoint settings come from -ProfileName's profile, else AWS_PROFILE's, else default, as in the SDK's
        // documentation; credentials and region keep their own rules.
        var settingsProfileName = connection.ProfileName ?? DefaultAWSCredentialsIdentityResolver.GetProfileName();
        var settingsProfile = profile;
        if (settingsProfile == null) ProfileStore().TryGetProfile(settingsProfileName, out settingsProfile);
        var endpoint = EndpointSettings.Resolve(connection.EndpointUrl, settingsProfileName, settingsProfile);
        endpoint.ApplyTo(config);
        target = endpoint.Url == null || connection.EndpointUrl != null ? connection.Describe() : endpoint.Describe();

        var region = ResolveRegion(connection, profile, endpoint.Url != null);
        if (endpoint.Url != null)
        {
            // With a ServiceURL the SDK has no RegionEndpoint (setting one clears the other) and signs for the
            // AuthenticationRegion, else for the region it reads from the URL's host: name the region here.
            config.ServiceURL = endpoint.Url.AbsoluteUri;
            config.AuthenticationRegion = region?.SystemName ?? SigningRegionForEndpointOnly;
        }
        else if (region != null)
        {
            config.RegionEndpoint = region;
        }
        else
        {
            throw new TuningJobsException(FailureKind.NoRegion,
                "No AWS region was given or found: not in -Region, the profile, AWS_REGION or AWS_DEFAULT_REGION.");
        }

        return new SageMakerClient(ResolveCredentials(connection, profile, config), config);
    }

    // The SDK takes retry_mode and max_attempts from AWS_PROFILE's profile, not from the one named here; the
    // environment variables still come first, as everywhere in the SDK.
    private static void ApplyRetrySettings(CredentialProfile profile, SageMakerConfig config)
    {
        if (profile.RetryMode.HasValue && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_RETRY_MODE")))
        {
            config.RetryMode = profile.RetryMode.Value;
        }
        if (profile.MaxAttempts.HasValue && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_MAX_ATTEMPTS")))
        {
            config.MaxErrorRetry = Math.Max(0, profile.MaxAttempts.Value - 1);
        }
    }

    // The SDK remembers the shared files' location from its first look; a session that points
    // AWS_SHARED_CREDENTIALS_FILE elsewhere expects the next call to read the new file.
    private static CredentialProfileStoreChain ProfileStore()
    {
        var credentialsFile = Environment.GetEnvironmentVariable(SdkSettings.CredentialsFileVariable);
        return string.IsNullOrEmpty(credentialsFile) ? new CredentialProfileStoreChain() : new CredentialProfileStoreChain(credentialsFile);
    }

    // The bound is for the instance-metadata probe alone: a profile (SSO, credential_process, assume-role) or
    // container credentials may take longer than it and must be let finish.
    private static bool OnlyInstanceMetadataCanAnswer()
    {
        foreach (var name in new[] { "AWS_ACCESS_KEY_ID", "AWS_PROFILE", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_WEB_IDENTITY_TOKEN_FILE" })
        {
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name))) return false;
        }
        return !ProfileStore().TryGetProfile("default", out _);
    }

    private static RegionEndpoint ResolveRegion(AwsConnection connection, CredentialProfile profile, bool endpointGiven)
    {
        if (connection.Region != null) return RegionEndpoint.GetBySystemName(connection.Region);
        if (profile?.Region != null) return profile.Region;
        // With an explicit or configured endpoint the region only names the signing scope: no instance-metadata probe
        // for it, so nothing to bound and no thread to wait on.
        var probeMetadata = !endpointGiven;
        Func<RegionEndpoint> fallback = () =>
        {
            try
            {
                return FallbackRegionFactory.GetRegionEndpoint(includeInstanceMetadata: probeMetadata);
            }
            catch (AmazonClientException)
            {
                return null;
            }
        };
        return probeMetadata ? Bounded.Run(fallback, RegionProbeBound, () => null) : fallback();
    }

    private static AWSCredentials ResolveCredentials(AwsConnection connection, CredentialProfile profile, SageMakerConfig config)
    {
        if (connection.Credential != null)
        {
            return new BasicAWSCredentials(connection.Credential.UserName, connection.Credential.Password);
        }
        if (profile != null)
        {
            if (AWSCredentialsFactory.TryGetAWSCredentials(profile, ProfileStore(), out var fromProfile))
            {
                return fromProfile;
            }
            throw new TuningJobsException(FailureKind.NoCredentials,
                $"The profile '{connection.ProfileName}' holds no usable credentials.");
        }
        const string nowhere = "No AWS credentials were found: not in -Credential, -ProfileName, the environment (AWS_ACCESS_KEY_ID, AWS_PROFILE), " +
                               "the shared config and credentials files, SSO, or container and instance metadata";
        try
        {
            if (!OnlyInstanceMetadataCanAnswer()) return DefaultAWSCredentialsIdentityResolver.GetCredentials(config);
            return Bounded.Run(() => DefaultAWSCredentialsIdentityResolver.GetCredentials(config), CredentialProbeBound,
                () => throw new TuningJobsException(FailureKind.NoCredentials,
                    nowhere + $" (the instance metadata service did not answer within {CredentialProbeBound.TotalSeconds:0} s)."));
        }
        catch (AmazonClientException e)
        {
            throw new TuningJobsException(FailureKind.NoCredentials, nowhere + ". " + e.Message.Split('\n')[0].Trim());
        }
    }
}
