using Amazon.Runtime;
using Amazon.Runtime.Internal.Endpoints.StandardLibrary;
using TuningJobs.Aws.SageMaker.Internal;

namespace TuningJobs.Tests.Aws;

/// <summary>
/// SageMaker's endpoint rules as the module's provider applies them: the rule set's own test cases without an endpoint
/// (botocore tests/functional/endpoint-rules/sagemaker/endpoint-tests-1.json), then plain, FIPS, dual-stack and both for
/// every partition of botocore's partitions.json, with its DNS suffixes.
/// </summary>
public sealed class EndpointRulesTests
{
    /// <summary>The rule set's own cases of a plain host in the amazonaws.com domain.</summary>
    public static TheoryData<string> PlainRegions => new(
        "af-south-1", "ap-east-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1",
        "ap-southeast-1", "ap-southeast-2", "ca-central-1", "eu-central-1", "eu-north-1", "eu-south-1", "eu-west-1",
        "eu-west-2", "eu-west-3", "me-south-1", "sa-east-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2",
        "us-gov-west-1", "us-gov-east-1");

    /// <summary>The rule set's other own cases, then odd input.</summary>
    public static TheoryData<string, bool?, bool?, string> Variants => new()
    {
        { "us-east-1", true, false, "https://api-fips.sagemaker.us-east-1.amazonaws.com" },
        { "us-east-2", true, false, "https://api-fips.sagemaker.us-east-2.amazonaws.com" },
        { "us-west-1", true, false, "https://api-fips.sagemaker.us-west-1.amazonaws.com" },
        { "us-west-2", true, false, "https://api-fips.sagemaker.us-west-2.amazonaws.com" },
        { "us-east-1", true, true, "https://api.sagemaker-fips.us-east-1.api.aws" },
        { "us-east-1", false, true, "https://api.sagemaker.us-east-1.api.aws" },
        { "cn-north-1", false, false, "https://api.sagemaker.cn-north-1.amazonaws.com.cn" },
        { "cn-northwest-1", false, false, "https://api.sagemaker.cn-northwest-1.amazonaws.com.cn" },
        { "cn-north-1", true, true, "https://api.sagemaker-fips.cn-north-1.api.amazonwebservices.com.cn" },
        { "cn-north-1", true, false, "https://api.sagemaker-fips.cn-north-1.amazonaws.com.cn" },
        { "cn-north-1", false, true, "https://api.sagemaker.cn-north-1.api.amazonwebservices.com.cn" },
        { "us-gov-west-1", true, false, "https://api-fips.sagemaker.us-gov-west-1.amazonaws.com" },
        { "us-gov-east-1", true, true, "https://api.sagemaker-fips.us-gov-east-1.api.aws" },
        { "us-gov-east-1", true, false, "https://api-fips.sagemaker.us-gov-east-1.amazonaws.com" },
        { "us-gov-east-1", false, true, "https://api.sagemaker.us-gov-east-1.api.aws" },
        { "us-iso-east-1", false, false, "https://api.sagemaker.us-iso-east-1.c2s.ic.gov" },
        { "us-iso-east-1", true, false, "https://api.sagemaker-fips.us-iso-east-1.c2s.ic.gov" },
        { "us-isob-east-1", true, false, "https://api.sagemaker-fips.us-isob-east-1.sc2s.sgov.gov" },
        { "us-isob-east-1", false, false, "https://api.sagemaker.us-isob-east-1.sc2s.sgov.gov" },

        { "us-gov-west-1", null, null, "https://api.sagemaker.us-gov-west-1.amazonaws.com" },   // unset flags count as false

        // A region no partition lists goes by the partitions' region patterns, else to the aws partition.
        { "us-isof-west-9", true, false, "https://api.sagemaker-fips.us-isof-west-9.csp.hci.ic.gov" },
        { "eusc-de-west-7", true, false, "https://api.sagemaker-fips.eusc-de-west-7.amazonaws.eu" },
        { "us-gov-north-2", true, false, "https://api-fips.sagemaker.us-gov-north-2.amazonaws.com" },
        { "mars-west-1", true, false, "https://api-fips.sagemaker.mars-west-1.amazonaws.com" },
    };

    /// <summary>A region of each partition, its name, dnsSuffix and dualStackDnsSuffix, from botocore's partitions.json.</summary>
    public static TheoryData<string, string, string, string> Partitions => new()
    {
        { "us-east-1", "aws", "amazonaws.com", "api.aws" },
        { "cn-north-1", "aws-cn", "amazonaws.com.cn", "api.amazonwebservices.com.cn" },
        { "eusc-de-east-1", "aws-eusc", "amazonaws.eu", "api.amazonwebservices.eu" },
        { "us-iso-east-1", "aws-iso", "c2s.ic.gov", "api.aws.ic.gov" },
        { "us-isob-east-1", "aws-iso-b", "sc2s.sgov.gov", "api.aws.scloud" },
        { "eu-isoe-west-1", "aws-iso-e", "cloud.adc-e.uk", "api.cloud-aws.adc-e.uk" },
        { "us-isof-south-1", "aws-iso-f", "csp.hci.ic.gov", "api.aws.hci.ic.gov" },
        { "us-gov-west-1", "aws-us-gov", "amazonaws.com", "api.aws" },
    };

    private static readonly SageMakerEndpointProvider _provider = new();

    private static string Resolve(string region, bool? fips, bool? dualStack, string endpoint = null) =>
        _provider.ResolveEndpoint(new SageMakerEndpointParameters { Region = region, UseFIPS = fips, UseDualStack = dualStack, Endpoint = endpoint }).URL;

    [Theory]
    [MemberData(nameof(PlainRegions))]
    public void APlainRegionResolvesToItsHostInAmazonawsCom(string region) =>
        Assert.Equal($"https://api.sagemaker.{region}.amazonaws.com", Resolve(region, false, false));

    [Theory]
    [MemberData(nameof(Variants))]
    public void EachRegionAndVariantResolvesToItsHost(string region, bool? fips, bool? dualStack, string url) =>
        Assert.Equal(url, Resolve(region, fips, dualStack));

    // AWSSDK.Core 4.1.0 carries its own copy of the partitions data; these are the values the rule set's tests assume.
    // Then each variant on them, the ones the rule set's cases leave out too: FIPS goes in the service's label, except
    // FIPS alone in the aws and aws-us-gov partitions.
    [Theory]
    [MemberData(nameof(Partitions))]
    public void EveryPartitionIsKnownAndEachVariantResolvesOnItsDnsSuffixes(string region, string name, string dnsSuffix,
        string dualStackDnsSuffix)
    {
        var partition = Fn.Partition(region);
        Assert.NotNull(partition);
        Assert.Equal(name, Fn.GetAttr(partition, "name"));
        Assert.Equal(dnsSuffix, Fn.GetAttr(partition, "dnsSuffix"));
        Assert.Equal(dualStackDnsSuffix, Fn.GetAttr(partition, "dualStackDnsSuffix"));
        Assert.Equal(true, Fn.GetAttr(partition, "supportsFIPS"));
        Assert.Equal(true, Fn.GetAttr(partition, "supportsDualStack"));
        Assert.Equal($"https://api.sagemaker.{region}.{dnsSuffix}", Resolve(region, false, false));
        Assert.Equal($"https://api{(name is "aws" or "aws-us-gov" ? "-fips.sagemaker" : ".sagemaker-fips")}.{region}.{dnsSuffix}", Resolve(region, true, false));
        Assert.Equal($"https://api.sagemaker.{region}.{dualStackDnsSuffix}", Resolve(region, false, true));
        Assert.Equal($"https://api.sagemaker-fips.{region}.{dualStackDnsSuffix}", Resolve(region, true, true));
    }

    [Theory]
    [InlineData("us-east-1")]
    [InlineData(null)]
    public void AConfiguredEndpointIsUsedAsGiven(string region) =>
        Assert.Equal("https://example.com", Resolve(region, false, false, "https://example.com"));

    [Theory]
    [InlineData("us-east-1", true, false, "https://example.com", "Invalid Configuration: FIPS and custom endpoint are not supported")]
    [InlineData("us-east-1", false, true, "https://example.com", "Invalid Configuration: Dualstack and custom endpoint are not supported")]
    [InlineData("us-east-1", true, true, "https://example.com", "Invalid Configuration: FIPS and custom endpoint are not supported")]
    [InlineData(null, false, false, null, "Invalid Configuration: Missing Region")]
    [InlineData(null, true, true, null, "Invalid Configuration: Missing Region")]
    public void FipsOrDualStackWithAConfiguredEndpointOrNoRegionIsAnError(string region, bool fips, bool dualStack, string endpoint,
        string message)
    {
        var failure = Assert.Throws<AmazonClientException>(() => Resolve(region, fips, dualStack, endpoint));
        Assert.Equal(message, failure.Message);
    }
}
