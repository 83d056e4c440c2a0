using System;
using System.Management.Automation;

namespace TuningJobs.Validation;

/// <summary>Accepts only an absolute http or https URL, so that a typo fails at binding instead of on the wire.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateHttpUrlAttribute : ValidateArgumentsAttribute
{
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        var text = arguments is PSObject wrapped ? wrapped.BaseObject?.ToString() : arguments?.ToString();
        if (!TryParse(text, out _))
        {
            throw new ValidationMetadataException(
                $"'{text}' is not an absolute http or https URL, such as http://127.0.0.1:8080/ or https://api.sagemaker.us-east-1.amazonaws.com.");
        }
    }

    internal static bool TryParse(string text, out Uri url)
    {
        url = null;
        if (string.IsNullOrWhiteSpace(text)) return false;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var parsed)) return false;
        if (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps) return false;
        if (string.IsNullOrEmpty(parsed.Host)) return false;
        url = parsed;
        return true;
    }
}
