using System;
using System.IO;
using Amazon.Runtime.CredentialManagement;
using TuningJobs.Aws.SageMaker;
using TuningJobs.Api;
using TuningJobs.Errors;

namespace TuningJobs.Aws;

/// <summary>
/// Where requests go and which endpoint variant is wanted, with the setting each came from. The endpoint, first
/// found wins: -EndpointUrl; AWS_ENDPOINT_URL_SAGEMAKER; AWS_ENDPOINT_URL; the sagemaker endpoint_url of the
/// profile's services section; the profile's own endpoint_url. AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true, else the
/// profile's ignore_configured_endpoint_urls, turns off all but -EndpointUrl. FIPS and dual-stack come from
/// AWS_USE_FIPS_ENDPOINT and AWS_USE_DUALSTACK_ENDPOINT, else the profile's use_fips_endpoint and
/// use_dualstack_endpoint, and cannot be combined with any endpoint of these (SageMaker's endpoint rules).
/// </summary>
/// <remarks>
/// AWSSDK.Core 4.1 resolves configured endpoints itself, lazily in ClientConfig.ServiceURL, but not quite as its
/// documentation has it: with a ServiceURL it signs for the AuthenticationRegion, else the region it reads from the
/// URL's host (us-east-1 for a host such as 127.0.0.1), never for the RegionEndpoint; a profile's ignore_configured_endpoint_urls only drops that profile's own
/// endpoint settings, never the environment's (the SDK's environment reading of the switch is false, never unset,
/// so the profile's value is not consulted); FIPS and dual-stack come only from AWS_PROFILE's profile; and a
/// profile that names a services section loses its own endpoint_url, even when the section has no sagemaker. So
/// the module resolves the endpoint here and turns the SDK's lookup off. The profile's values come from the SDK's
/// own parse, except the two it keeps internal or drops, which are read from the config file the SDK uses.
/// </remarks>
/// <param name="Url">The endpoint to send to, or null for the regional endpoint of SageMaker's rules.</param>
/// <param name="UrlSource">The setting that named <paramref name="Url"/>, such as "AWS_ENDPOINT_URL_SAGEMAKER".</param>
/// <param name="UseFips">Whether the FIPS variant is wanted.</param>
/// <param name="FipsSource">The setting <paramref name="UseFips"/> came from.</param>
/// <param name="UseDualStack">Whether the dual-stack variant is wanted.</param>
/// <param name="DualStackSource">The setting <paramref name="UseDualStack"/> came from.</param>
internal sealed record EndpointSettings(Uri Url, string UrlSource, bool UseFips, string FipsSource, bool UseDualStack, string DualStackSource)
{
    internal const string ServiceVariable = "AWS_ENDPOINT_URL_SAGEMAKER";
    internal const string GlobalVariable = "AWS_ENDPOINT_URL";
    internal const string IgnoreVariable = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";
    internal const string FipsVariable = "AWS_USE_FIPS_ENDPOINT";
    internal const string DualStackVariable = "AWS_USE_DUALSTACK_ENDPOINT";

    // The service's key in a services section and the suffix of its environment variable (service id "SageMaker").
    private const string ServiceKey = "sagemaker";
    private const string EndpointUrlKey = "endpoint_url";

    /// <summary>What a message should call the place requests go to, when that is a configured endpoint.</summary>
    public string Describe() => Url == null ? null : $"endpoint {Url.AbsoluteUri} (from {UrlSource})";

    /// <summary>
    /// Fails on an AWS_IGNORE_CONFIGURED_ENDPOINT_URLS that is neither true nor false. The SDK parses it with
    /// bool.Parse when it first reads its settings, and a FormatException there breaks its settings cache for the
    /// rest of the process (TypeInitializationException on every later client), so this runs before the SDK looks.
    /// </summary>
    public static void CheckEnvironment() => IgnoreFromEnvironment();

    /// <summary>
    /// Resolves the settings for a client. <paramref name="profile"/> is the profile that counts: -ProfileName's,
    /// else AWS_PROFILE's, else default (null when there is none).
    /// </summary>
    public static EndpointSettings Resolve(Uri explicitEndpoint, string profileName, CredentialProfile profile)
    {
        var (useFips, fipsSource) = Flag(FipsVariable, profile?.UseFIPSEndpoint, "use_fips_endpoint", profileName);
        var (useDualStack, dualStackSource) = Flag(DualStackVariable, profile?.UseDualstackEndpoint, "use_dualstack_endpoint", profileName);

        Uri url = null;
        string urlSource = null;
        if (explicitEndpoint != null)
        {
            (url, urlSource) = (explicitEndpoint, "-EndpointUrl");
        }
        else if (!IgnoreConfiguredEndpoints(profile))
        {
            (url, urlSource) = Configured(profileName, profile);
        }

        if (url != null)
        {
            // The first two rules of SageMaker's rule set, as the module's own message that names both settings.
            if (useFips)
            {
                throw new TuningJobsException(FailureKind.InvalidConfiguration,
                    $"{fipsSource} is set, but FIPS endpoints cannot be combined with a configured endpoint ({urlSource}).");
            }
            if (useDualStack)
            {
                throw new TuningJobsException(FailureKind.InvalidConfiguration,
                    $"{dualStackSource} is set, but dual-stack endpoints cannot be combined with a configured endpoint ({urlSource}).");
            }
        }
        return new EndpointSettings(url, urlSource, useFips, fipsSource, useDualStack, dualStackSource);
    }

    /// <summary>
    /// Puts the settings on a client's configuration. The SDK's own lookup of configured endpoints is turned off:
    /// the endpoint was resolved here, and the SDK would otherwise look again with its own rules.
    /// </summary>
    public void ApplyTo(SageMakerConfig config)
    {
        config.IgnoreConfiguredEndpointUrls = true;
        config.UseFIPSEndpoint = UseFips;
        config.UseDualstackEndpoint = UseDualStack;
    }

    private static bool IgnoreConfiguredEndpoints(CredentialProfile profile) =>
        IgnoreFromEnvironment() ?? profile?.IgnoreConfiguredEndpointUrls ?? false;

    private static bool? IgnoreFromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable(IgnoreVariable);
        if (string.IsNullOrEmpty(text)) return null;
        if (bool.TryParse(text, out var ignore)) return ignore;
        throw new TuningJobsException(FailureKind.InvalidConfiguration,
            $"{IgnoreVariable} is '{text}', but it must be true or false.");
    }

    // As the SDK reads these two: a value of the variable that is not true or false is passed over, not an error.
    private static (bool Value, string Source) Flag(string variable, bool? fromProfile, string profileKey, string profileName)
    {
        var text = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrEmpty(text) && bool.TryParse(text, out var set)) return (set, variable);
        if (fromProfile.HasValue) return (fromProfile.Value, $"{profileKey} of profile '{profileName}'");
        return (false, null);
    }

    private static (Uri Url, string Source) Configured(string profileName, CredentialProfile profile)
    {
        foreach (var variable in new[] { ServiceVariable, GlobalVariable })
        {
            var text = Environment.GetEnvironmentVariable(variable);
            if (!string.IsNullOrEmpty(text)) return (Parse(text, variable), variable);
        }
        if (profile == null) return (null, null);

        if (!string.IsNullOrEmpty(profile.Services))
        {
            var source = $"the services section '{profile.Services}' of profile '{profileName}' ({ServiceKey} {EndpointUrlKey})";
            var fromServices = SharedConfigFile.Find("services " + profile.Services, ServiceKey, EndpointUrlKey);
            if (!string.IsNullOrEmpty(fromServices)) return (Parse(fromServices, source), source);
        }

        var own = profile.EndpointUrl;
        if (string.IsNullOrEmpty(own) && !string.IsNullOrEmpty(profile.Services))
        {
            own = SharedConfigFile.FindInProfile(profileName, EndpointUrlKey);
        }
        if (!string.IsNullOrEmpty(own))
        {
            var source = $"{EndpointUrlKey} of profile '{profileName}'";
            return (Parse(own, source), source);
        }
        return (null, null);
    }

    private static Uri Parse(string text, string source)
    {
        if (Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            return url;
        }
        throw new TuningJobsException(FailureKind.InvalidConfiguration,
            $"{source} is '{text}', which is not an absolute http or https URL.");
    }

    /// <summary>The few values of the shared config file that the SDK parses but does not hand out.</summary>
    private static class SharedConfigFile
    {
        /// <summary>The value of <paramref name="key"/> at the top of a profile's section.</summary>
        public static string FindInProfile(string profileName, string key) =>
            Find("profile " + profileName, null, key) ?? (profileName == "default" ? Find("default", null, key) : null);

        /// <summary>
        /// The value of <paramref name="key"/> in the section named <paramref name="section"/> (such as
        /// "services my-svcs"), at its top or, with <paramref name="parent"/>, in the indented lines under
        /// "parent =".
        /// </summary>
        public static string Find(string section, string parent, string key)
        {
            var path = SdkSettings.ConfigFileInUse();
            if (!File.Exists(path)) return null;
            var wanted = Words(section);
            bool inSection = false, inParent = false;
            foreach (var line in File.ReadAllLines(path))
            {
                var trimmed = line.Trim();
                if (trimmed.Length == 0 || trimmed[0] == '#' || trimmed[0] == ';') continue;
                if (trimmed[0] == '[')
                {
                    var end = trimmed.IndexOf(']');
                    inSection = end > 0 && Words(trimmed.Substring(1, end - 1)) == wanted;
                    inParent = false;
                    continue;
                }
                if (!inSection) continue;

                var equals = trimmed.IndexOf('=');
                if (equals <= 0) continue;
                var name = trimmed.Substring(0, equals).Trim();
                var value = trimmed.Substring(equals + 1).Trim();
                var nested = char.IsWhiteSpace(line[0]);
                if (!nested)
                {
                    inParent = parent != null && value.Length == 0 && string.Equals(name, parent, StringComparison.OrdinalIgnoreCase);
                    if (parent == null && string.Equals(name, key, StringComparison.OrdinalIgnoreCase)) return value;
                }
                else if (inParent && string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
                {
                    return value;
                }
            }
            return null;
        }

        private static string Words(string text) =>
            string.Join(" ", text.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries));

    }
}
