using System;
using Amazon.Runtime;

namespace TuningJobs.Aws.SageMaker;

/// <summary>
/// The SDK's default-configuration modes for this service. Every mode uses the standard retry mode, as the
/// generated services do; AWS_RETRY_MODE, AWS_MAX_ATTEMPTS and the profile's settings still override it.
/// </summary>
internal static class SageMakerDefaultConfiguration
{
    private static DefaultConfiguration Mode(DefaultConfigurationMode name, double connectTimeoutMs) => new DefaultConfiguration
    {
        Name = name,
        RetryMode = RequestRetryMode.Standard,
        S3UsEast1RegionalEndpoint = S3UsEast1RegionalEndpointValue.Regional,
        ConnectTimeout = TimeSpan.FromMilliseconds(connectTimeoutMs),
        TlsNegotiationTimeout = TimeSpan.FromMilliseconds(connectTimeoutMs),
    };

    public static readonly IDefaultConfiguration[] All =
    {
        Mode(DefaultConfigurationMode.Standard, 3100),
        Mode(DefaultConfigurationMode.InRegion, 1100),
        Mode(DefaultConfigurationMode.CrossRegion, 3100),
        Mode(DefaultConfigurationMode.Mobile, 30000),
        Mode(DefaultConfigurationMode.Auto, 1100),
    };
}
