using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Util;

namespace TuningJobs.Aws.SageMaker.Internal;

/// <summary>
/// The pipeline handler that feeds the client's settings into <see cref="SageMakerEndpointProvider"/>;
/// it replaces the core EndpointResolver, as in the generated clients.
/// </summary>
internal sealed class SageMakerEndpointResolver : BaseEndpointResolver
{
    protected override void ServiceSpecificHandler(IExecutionContext executionContext, EndpointParameters parameters)
    {
        InjectHostPrefix(executionContext.RequestContext);
    }

    protected override EndpointParameters MapEndpointsParameters(IRequestContext requestContext)
    {
        var config = requestContext.ClientConfig;
        var result = new SageMakerEndpointParameters
        {
            Region = requestContext.Request.AlternateEndpoint?.SystemName ?? config.RegionEndpoint?.SystemName,
            UseDualStack = config.UseDualstackEndpoint,
            UseFIPS = config.UseFIPSEndpoint,
            Endpoint = config.ServiceURL,
        };

        // With a ServiceURL and no region, sign for the AuthenticationRegion or the region the URL names.
        if (config.RegionEndpoint == null && !string.IsNullOrEmpty(config.ServiceURL))
        {
            result.Region = !string.IsNullOrEmpty(config.AuthenticationRegion)
                ? config.AuthenticationRegion
                : RegionEndpoint.GetBySystemName(AWSSDKUtils.DetermineRegion(config.ServiceURL)).SystemName;
        }
        return result;
    }
}
