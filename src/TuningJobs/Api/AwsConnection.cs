using System;
using System.Management.Automation;
using System.Net;
using TuningJobs.Validation;

namespace TuningJobs.Api;

/// <summary>
/// Where to send requests and as whom: the connection parameters the cmdlets share (-Region, -ProfileName,
/// -EndpointUrl, -Credential, -TimeoutSec). Holds the explicit credential as a NetworkCredential so that the secret
/// is never part of any string this type produces.
/// </summary>
internal sealed class AwsConnection : IEquatable<AwsConnection>
{
    /// <summary>Long enough for any healthy list call, short enough that a dead connection is retried soon.</summary>
    internal const int DefaultTimeoutSeconds = 30;

    public string Region { get; set; }
    public string ProfileName { get; set; }
    public Uri EndpointUrl { get; set; }

    /// <summary>Access key id as UserName, secret key as password; null to use the profile or the default chain.</summary>
    public NetworkCredential Credential { get; set; }

    /// <summary>How long one HTTP attempt may take before it is abandoned and retried.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(DefaultTimeoutSeconds);

    /// <summary>
    /// The one way a connection is made from parameter values, for the cmdlets and for completion alike. The values
    /// are expected to have passed the parameters' validation; an endpoint that does not parse is left out.
    /// </summary>
    public static AwsConnection From(string region, string profileName, string endpointUrl, PSCredential credential,
        int timeoutSeconds = DefaultTimeoutSeconds)
    {
        ValidateHttpUrlAttribute.TryParse(endpointUrl, out var endpoint);
        return new AwsConnection
        {
            Region = region?.ToLowerInvariant(),
            ProfileName = profileName,
            EndpointUrl = endpoint,
            Credential = credential is null ? null : new NetworkCredential(credential.UserName, credential.Password),
            Timeout = TimeSpan.FromSeconds(timeoutSeconds),
        };
    }

    /// <summary>What a message should call the place requests went to.</summary>
    public string Describe() =>
        EndpointUrl != null ? "endpoint " + EndpointUrl.AbsoluteUri
        : Region != null ? "region " + Region
        : "the default region";

    // Two connections are the same client when they would send the same requests as the same principal.
    public bool Equals(AwsConnection other) =>
        other != null
        && string.Equals(Region, other.Region, StringComparison.Ordinal)
        && string.Equals(ProfileName, other.ProfileName, StringComparison.Ordinal)
        && Equals(EndpointUrl, other.EndpointUrl)
        && Timeout == other.Timeout
        && string.Equals(Credential?.UserName, other.Credential?.UserName, StringComparison.Ordinal)
        && string.Equals(Credential?.Password, other.Credential?.Password, StringComparison.Ordinal);

    public override bool Equals(object obj) => Equals(obj as AwsConnection);

    public override int GetHashCode()
    {
        unchecked
        {
            var hash = 17;
            hash = hash * 31 + (Region?.GetHashCode() ?? 0);
            hash = hash * 31 + (ProfileName?.GetHashCode() ?? 0);
            hash = hash * 31 + (EndpointUrl?.GetHashCode() ?? 0);
            hash = hash * 31 + (Credential?.UserName?.GetHashCode() ?? 0);
            return hash;
        }
    }

    public override string ToString() => Describe();
}
