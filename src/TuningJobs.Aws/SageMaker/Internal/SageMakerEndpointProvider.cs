using System;
using System.Collections.Generic;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal.Endpoints.StandardLibrary;

namespace TuningJobs.Aws.SageMaker.Internal;

/// <summary>
/// SageMaker's endpoint rule set (endpoint-rule-set-1.json of sagemaker 2017-07-24), rule by rule and in its
/// order: a configured endpoint as given (not with FIPS or dual-stack); else, with a region, the host of the
/// region's partition in the FIPS, dual-stack or plain variant; else the error for a missing region.
/// </summary>
internal sealed class SageMakerEndpointProvider : IEndpointProvider
{
    public Endpoint ResolveEndpoint(EndpointParameters parameters)
    {
        if (parameters == null) throw new ArgumentNullException(nameof(parameters));
        var values = new Dictionary<string, object>
        {
            ["Region"] = parameters["Region"],
            ["UseDualStack"] = parameters["UseDualStack"] ?? false,
            ["UseFIPS"] = parameters["UseFIPS"] ?? false,
            ["Endpoint"] = parameters["Endpoint"],
        };
        bool fips = Equals(values["UseFIPS"], true), dualStack = Equals(values["UseDualStack"], true);

        if (Fn.IsSet(values["Endpoint"]))
        {
            if (fips) throw new AmazonClientException("Invalid Configuration: FIPS and custom endpoint are not supported");
            if (dualStack) throw new AmazonClientException("Invalid Configuration: Dualstack and custom endpoint are not supported");
            return new Endpoint((string)values["Endpoint"]);
        }
        if (Fn.IsSet(values["Region"]) && (values["PartitionResult"] = Fn.Partition((string)values["Region"])) != null)
        {
            var partition = values["PartitionResult"];
            bool partitionFips = Equals(Fn.GetAttr(partition, "supportsFIPS"), true);
            bool partitionDualStack = Equals(Fn.GetAttr(partition, "supportsDualStack"), true);
            if (fips && dualStack)
            {
                if (partitionFips && partitionDualStack)
                    return Url("https://api.sagemaker-fips.{Region}.{PartitionResult#dualStackDnsSuffix}", values);
                throw new AmazonClientException("FIPS and DualStack are enabled, but this partition does not support one or both");
            }
            if (fips)
            {
                if (!partitionFips) throw new AmazonClientException("FIPS is enabled but this partition does not support FIPS");
                var name = Fn.GetAttr(partition, "name") as string;
                // The commercial and GovCloud partitions keep the older api-fips.sagemaker host, always on amazonaws.com.
                if (name == "aws" || name == "aws-us-gov")
                    return Url("https://api-fips.sagemaker.{Region}.amazonaws.com", values);
                return Url("https://api.sagemaker-fips.{Region}.{PartitionResult#dnsSuffix}", values);
            }
            if (dualStack)
            {
                if (partitionDualStack)
                    return Url("https://api.sagemaker.{Region}.{PartitionResult#dualStackDnsSuffix}", values);
                throw new AmazonClientException("DualStack is enabled but this partition does not support DualStack");
            }
            return Url("https://api.sagemaker.{Region}.{PartitionResult#dnsSuffix}", values);
        }
        throw new AmazonClientException("Invalid Configuration: Missing Region");
    }

    private static Endpoint Url(string template, Dictionary<string, object> values) => new Endpoint(Fn.Interpolate(template, values));
}
