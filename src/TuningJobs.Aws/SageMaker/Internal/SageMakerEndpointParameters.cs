using Amazon.Runtime.Endpoints;

namespace TuningJobs.Aws.SageMaker.Internal;

/// <summary>The inputs of SageMaker's endpoint rules.</summary>
internal sealed class SageMakerEndpointParameters : EndpointParameters
{
    public SageMakerEndpointParameters()
    {
        UseDualStack = false;
        UseFIPS = false;
    }

    public string Region { get => (string)this["Region"]; set => this["Region"] = value; }
    public bool? UseDualStack { get => (bool?)this["UseDualStack"]; set => this["UseDualStack"] = value; }
    public bool? UseFIPS { get => (bool?)this["UseFIPS"]; set => this["UseFIPS"] = value; }
    public string Endpoint { get => (string)this["Endpoint"]; set => this["Endpoint"] = value; }
}
