namespace System.Runtime.CompilerServices;

/// <summary>What records' init accessors need from the compiler; netstandard2.0 does not have it.</summary>
internal static class IsExternalInit
{
}
