namespace System.Runtime.CompilerServices;

/// <summary>Lets records compile for netstandard2.0, which lacks this marker type (PolySharp is not available here).</summary>
internal static class IsExternalInit
{
}
