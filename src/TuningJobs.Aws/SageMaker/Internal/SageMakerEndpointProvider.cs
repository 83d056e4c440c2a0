using System;
using System.Collections.Generic;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal.Endpoints.StandardLibrary;

namespace TuningJobs.Aws.SageMaker.Internal
{
    /// <summary>
    /// SageMaker's endpoint rules: the ServiceURL when one is given, else the regional api.sagemaker host
    /// of the region's partition, with the FIPS and dual-stack variants.
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
            if (!Fn.IsSet(values["Region"]))
            {
                throw new AmazonClientException("Invalid Configuration: Missing Region");
            }
            var partition = values["PartitionResult"] = Fn.Partition((string)values["Region"]);
            if (partition == null)
            {
                throw new AmazonClientException($"Invalid Configuration: no partition for region {values["Region"]}");
            }
            if (fips && !Equals(Fn.GetAttr(partition, "supportsFIPS"), true))
                throw new AmazonClientException("FIPS is enabled but this partition does not support FIPS");
            if (dualStack && !Equals(Fn.GetAttr(partition, "supportsDualStack"), true))
                throw new AmazonClientException("DualStack is enabled but this partition does not support DualStack");

            var host = fips ? "api-fips.sagemaker" : "api.sagemaker";
            var suffix = dualStack ? "{PartitionResult#dualStackDnsSuffix}" : "{PartitionResult#dnsSuffix}";
            return new Endpoint(Fn.Interpolate("https://" + host + ".{Region}." + suffix, values));
        }
    }
}
