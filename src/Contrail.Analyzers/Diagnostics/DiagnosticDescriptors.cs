using Microsoft.CodeAnalysis;

namespace Contrail.Analyzers.Diagnostics;

/// <summary>
/// Every diagnostic Contrail.Analyzers reports, one descriptor per ID, one file per rule family.
/// </summary>
internal static partial class DiagnosticDescriptors
{
    /// <summary>The documentation page of a diagnostic ID.</summary>
    public static string HelpLink(string id) => $"https://github.com/contrail-dotnet/contrail/blob/main/docs/diagnostics/{id}.md";
}
